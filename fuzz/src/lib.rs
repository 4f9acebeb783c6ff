//! Shared by the fuzz targets: the difference between a panic the library catches (a damaged
//! PDF turned into `ExtractError::Damaged`, a layout panic turned into `ReportError::Layout`)
//! and one that escapes to the caller.
//!
//! libfuzzer-sys installs a panic hook that aborts on *every* panic, also on one that a
//! `catch_unwind` inside the library would have caught. [`run`] replaces that hook with one
//! that only remembers the message, and aborts (a crash for libFuzzer) only when the panic
//! reaches the fuzz target, printing the message of the panic that escaped.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, Once};

static LAST_PANIC: Mutex<String> = Mutex::new(String::new());
static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = format!("{info}");
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = message;
            }
        }));
    });
}

/// Runs one fuzz input; a panic that escapes `body` is a crash.
pub fn run(body: impl FnOnce()) {
    install_hook();
    if catch_unwind(AssertUnwindSafe(body)).is_err() {
        let message = LAST_PANIC.lock().map(|m| m.clone()).unwrap_or_default();
        eprintln!("==== panic escaped the library: {message}");
        std::process::abort();
    }
}

/// The demo dossier, parsed once (the rapport targets render against it).
pub fn demo() -> &'static wederhoor_core::file::DossierFile {
    static DEMO: std::sync::OnceLock<wederhoor_core::file::DossierFile> =
        std::sync::OnceLock::new();
    DEMO.get_or_init(|| {
        wederhoor_core::file::DossierFile::parse(include_str!(
            "../../crates/store/demo/2019-0117-geen-postadres.json"
        ))
        .expect("the demo dossier is valid")
    })
}

/// One extractor target: `name` picks the format as a file name would, `data` is the file.
/// Always a reading, never an escaped panic (read in this process, without OCR, so the
/// readers themselves are fuzzed, not the helper process around them); a reading without
/// text says why.
pub fn extract_as(name: &str, data: &[u8]) {
    run(|| {
        let options = wederhoor_extract::Options {
            no_ocr: true,
            ..Default::default()
        };
        let out = wederhoor_extract::read(name, data, &options, &mut |_| {});
        let told = out.problem.is_some() || !out.notes.is_empty();
        assert!(out.text.is_some() || told, "no text and no reason: {out:?}");
    });
}
