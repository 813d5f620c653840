#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| bcop::fuzz::site_config(data));
