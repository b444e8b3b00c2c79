#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| schliff_fuzz::check_spans(data));
