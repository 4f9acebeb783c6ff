//! The PDF extractor on arbitrary bytes: a result or an `ExtractError`, never a panic that
//! escapes (a panic inside the third-party parser is caught by the library and is an error).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| wederhoor_fuzz::extract_as("bron.pdf", data));
