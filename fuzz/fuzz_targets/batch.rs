#![no_main]
//! Fuzz target `batch`: see `brief_fuzz::batch` for the input layout and the
//! invariants checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| brief_fuzz::batch(data));
