//! The E-mail extractor on arbitrary bytes: a result or an `ExtractError`, never a panic that
//! escapes (a panic inside the third-party parser is caught by the library and is an error).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    wederhoor_fuzz::run(|| {
        if let Ok(out) = wederhoor_extract::extract("bron.eml", data) {
            // Bytes that start like a picture or a recording are stored without text, whatever
            // the name says; a document always has text, perhaps empty.
            let media = matches!(
                out.format,
                wederhoor_extract::Format::Image | wederhoor_extract::Format::Audio
            );
            assert_eq!(
                out.text.is_none(),
                media,
                "text only and always for a document"
            );
        }
    });
});
