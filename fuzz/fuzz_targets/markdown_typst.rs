#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| bcop::fuzz::markdown_typst(data));
