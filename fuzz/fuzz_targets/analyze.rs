#![no_main]
//! Fuzz target `analyze`: see `brief_fuzz::analyze` for the input layout and the
//! invariants checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| brief_fuzz::analyze(data));
