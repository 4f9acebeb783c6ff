//! Reading in the helper process: hostile and huge files end in a clear Dutch message within
//! 30 seconds, and the parent (here the test; in real use the app) goes on.

use std::path::PathBuf;
use std::time::{Duration, Instant};
use wederhoor_extract::isolate::{read_isolated, Helper, Limits};
use wederhoor_extract::{Options, Reading};

fn helper(limits: Limits) -> Helper {
    Helper {
        program: PathBuf::from(env!("CARGO_BIN_EXE_wederhoor-lezer")),
        limits,
    }
}

fn timed(limits: Limits, name: &str, bytes: &[u8]) -> (Reading, Duration) {
    let start = Instant::now();
    let reading = read_isolated(
        &helper(limits),
        name,
        bytes,
        &Options::default(),
        &mut |_| {},
    );
    (reading, start.elapsed())
}

#[test]
fn a_docx_that_unpacks_to_a_gigabyte_is_stopped_with_a_reason() {
    let bomb = wederhoor_extract::hostile::docx_bomb(1 << 30);
    assert!(
        bomb.len() < 8 << 20,
        "the bomb itself is small: {}",
        bomb.len()
    );
    let (reading, took) = timed(Limits::default(), "brief.docx", &bomb);
    assert!(took < Duration::from_secs(30), "took {took:?}");
    assert_eq!(reading.text, None);
    let problem = reading.problem.expect("a reason").to_string();
    assert!(problem.contains("zip-bom"), "{problem}");
}

#[test]
fn a_picture_of_two_hundred_megapixels_is_kept_without_ocr() {
    // A PNG header claiming 20,000 × 10,000 pixels: decoding it would take gigabytes.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(20_000u32.to_be_bytes());
    png.extend(10_000u32.to_be_bytes());
    png.extend([8, 0, 0, 0, 0, 0, 0, 0, 0]);
    let (reading, took) = timed(Limits::default(), "foto.png", &png);
    assert!(took < Duration::from_secs(30), "took {took:?}");
    assert_eq!(reading.problem.as_ref().map(|p| p.code()), Some("too_big"));
    assert!(
        reading
            .problem
            .unwrap()
            .to_string()
            .contains("200 megapixel"),
        "the size is named"
    );
}

#[test]
fn a_reader_that_goes_silent_past_its_limit_is_stopped() {
    // OCR of an A4 scan takes a second or more without a word in between; with 150 ms allowed
    // the child is stopped, and the answer says why (one second proved too close to Tesseract's
    // own time on an idle machine). (Without Tesseract it ends sooner, with that
    // reason instead; both are an answer, never a hang.)
    let scan = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/corpus/images/scan-bezwaar.png"
    ))
    .unwrap();
    let limits = Limits {
        idle: Duration::from_millis(150),
        ..Limits::default()
    };
    let (reading, took) = timed(limits, "scan.png", &scan);
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let problem = reading.problem.expect("a reason");
    if wederhoor_extract::ocr::check_available().is_ok() {
        assert_eq!(problem.code(), "stopped");
        assert!(
            problem
                .to_string()
                .contains("150 milliseconden lang geen voortgang"),
            "{problem}"
        );
    } else {
        assert_eq!(problem.code(), "ocr_unavailable");
    }
}

#[test]
fn a_helper_that_cannot_start_is_an_answer_too() {
    let broken = Helper {
        program: PathBuf::from("/nonexistent/wederhoor-lezer"),
        limits: Limits::default(),
    };
    let reading = read_isolated(
        &broken,
        "brief.txt",
        b"Hallo",
        &Options::default(),
        &mut |_| {},
    );
    assert_eq!(reading.problem.map(|p| p.code()), Some("stopped"));
}
