//! The text extractor (TXT, Markdown, CSV as text) and the encoding guess behind it, on
//! arbitrary bytes; also the format detection with and without a name.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    wederhoor_fuzz::run(|| {
        for name in ["notitie.txt", "notitie.md", "export.csv", "zonder-extensie"] {
            wederhoor_fuzz::extract_as(name, data);
        }
        if let Ok(decoded) = wederhoor_extract::decode_text(data) {
            let _ = decoded.note();
        }
        let _ = wederhoor_extract::detect("", data);
    });
});
