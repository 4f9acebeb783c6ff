//! The rapport's Markdown → HTML step: `markdown_body` and the whole `document` (title block of
//! the demo dossier), as the preview and the PDF get them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wederhoor_core::vocab::ReportKind;
use wederhoor_report::html::{document, markdown_body, preview_document};

fuzz_target!(|data: &[u8]| {
    let Ok(markdown) = std::str::from_utf8(data) else {
        return;
    };
    wederhoor_fuzz::run(|| {
        let day = chrono::NaiveDate::from_ymd_opt(2019, 7, 15).unwrap();
        let title = wederhoor_report::draft::title_block(
            wederhoor_fuzz::demo(),
            ReportKind::Rapport,
            day,
            "Vertrouwelijk",
        );
        let body = markdown_body(markdown);
        let html = document(&title, markdown);
        assert!(html.contains(&body), "the document holds the body");
        let _ = preview_document(&html);
    });
});
