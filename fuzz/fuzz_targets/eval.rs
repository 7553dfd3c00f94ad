#![no_main]
//! Fuzz target `eval`: see `brief_fuzz::eval` for the input layout and the
//! invariants checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| brief_fuzz::eval(data));
