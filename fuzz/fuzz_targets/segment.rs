#![no_main]
//! Fuzz target `segment`: see `brief_fuzz::segment` for the input layout and the
//! invariants checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| brief_fuzz::segment(data));
