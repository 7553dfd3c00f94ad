#![no_main]
//! Fuzz target `load_jsonl`: see `brief_fuzz::load_jsonl` for the input layout and the
//! invariants checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| brief_fuzz::load_jsonl(data));
