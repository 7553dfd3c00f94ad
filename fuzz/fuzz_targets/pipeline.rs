#![no_main]
//! Fuzz target `pipeline`: see `brief_fuzz::pipeline` for the input layout and the
//! invariants checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| brief_fuzz::pipeline(data));
