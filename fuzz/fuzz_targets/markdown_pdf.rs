//! The full Markdown → PDF road of a confidential rapport of the demo dossier: `prepare`, then
//! `export` (printpdf's HTML layout). Slow (a layout per input), so inputs are capped at 2 KB.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wederhoor_core::vocab::ReportKind;
use wederhoor_report::export::{export, prepare, Version};
use wederhoor_report::public::Allowed;

const MOST: usize = 2048;

fuzz_target!(|data: &[u8]| {
    if data.len() > MOST {
        return;
    }
    let Ok(markdown) = std::str::from_utf8(data) else {
        return;
    };
    wederhoor_fuzz::run(|| {
        let day = chrono::NaiveDate::from_ymd_opt(2019, 7, 15).unwrap();
        let prepared = prepare(
            wederhoor_fuzz::demo(),
            ReportKind::Rapport,
            markdown,
            day,
            Version::Confidential,
            &Allowed::default(),
        );
        // An error (e.g. a layout the engine refuses) is an answer; only a panic is a crash.
        if let Ok(exported) = export(&prepared) {
            assert!(exported.pdf.starts_with(b"%PDF-"), "the output is a PDF");
            assert!(exported.pages >= 1, "at least one page");
        }
    });
});
