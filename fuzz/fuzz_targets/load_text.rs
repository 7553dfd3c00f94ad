#![no_main]
//! Fuzz target `load_text`: see `brief_fuzz::load_text` for the input layout and the
//! invariants checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| brief_fuzz::load_text(data));
