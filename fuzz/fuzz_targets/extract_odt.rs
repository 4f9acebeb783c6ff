//! The ODT reader on arbitrary bytes: a reading with its text or its reason, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| wederhoor_fuzz::extract_as("bron.odt", data));
