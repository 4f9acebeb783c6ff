//! `wederhoor source add` with evidence as it arrives: every document of the corpus is stored
//! (read in the helper process), none shows a panic on stderr, a protected PDF is called so
//! and opens with `--password-file`, an e-mail's attachments are stored with it.

use super::{stderr, stdout, wederhoor, with_demo};
use std::path::{Path, PathBuf};

fn corpus(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/corpus")
        .join(file)
}

fn add(db: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "source",
        "add",
        "2019-0117",
        file.to_str().unwrap(),
        "--party",
        "requester",
    ];
    args.extend(extra);
    wederhoor(db, &args)
}

#[test]
fn every_corpus_document_is_stored_and_no_panic_reaches_stderr() {
    let (_dir, db) = with_demo();
    let manifest: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(corpus("MANIFEST.json")).unwrap()).unwrap();
    for entry in &manifest {
        let file = entry["file"].as_str().unwrap();
        let out = add(&db, &corpus(file), &[]);
        let err = stderr(&out);
        // An attachment already stored from an earlier mail is a note; the same bytes as an
        // earlier file of the corpus (the renamed copies) are refused by name, clearly.
        let duplicate = err.contains("is al toegevoegd als");
        assert!(out.status.success() || duplicate, "{file}: {err}");
        for bad in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
            assert!(!err.contains(bad), "{file}: {err}");
        }
    }
}

#[test]
fn a_protected_pdf_says_so_and_opens_with_its_password() {
    let (dir, db) = with_demo();
    let pdf = corpus("pdf/versleuteld-aes256.pdf");
    let locked = add(&db, &pdf, &[]);
    assert!(locked.status.success(), "kept: {}", stderr(&locked));
    assert!(
        stdout(&locked).contains("zonder tekst"),
        "{}",
        stdout(&locked)
    );
    assert!(
        stderr(&locked).contains("beveiligd met een wachtwoord")
            && stderr(&locked).contains("--password-file"),
        "{}",
        stderr(&locked)
    );
    let password = dir.path().join("wachtwoord.txt");
    std::fs::write(&password, "Wederhoor2026!\n").unwrap();
    let opened = add(&db, &pdf, &["--password-file", password.to_str().unwrap()]);
    assert!(opened.status.success(), "{}", stderr(&opened));
    assert!(
        !stdout(&opened).contains("zonder tekst"),
        "{}",
        stdout(&opened)
    );
    let exported = stdout(&wederhoor(&db, &["export", "2019-0117"]));
    assert!(
        exported.contains("schuldhulpverleningstraject"),
        "the text read with the password is the source's text now"
    );
}

#[test]
fn an_email_is_stored_with_its_attachments_attached_to_it() {
    let (_dir, db) = with_demo();
    let out = add(&db, &corpus("mail/bijlagen.eml"), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&out);
    assert!(
        listed.contains("bijlage: inkomensverklaring-2024.pdf"),
        "{listed}"
    );
    assert!(
        listed.contains("bijlage: brief-zorgverzekeraar.docx"),
        "{listed}"
    );
    let file: serde_json::Value =
        serde_json::from_str(&stdout(&wederhoor(&db, &["export", "2019-0117"]))).unwrap();
    let sources = file["sources"].as_array().unwrap();
    let mail = sources
        .iter()
        .find(|s| s["file_name"] == "bijlagen.eml")
        .unwrap();
    let attached: Vec<&str> = sources
        .iter()
        .filter(|s| s["attached_to"] == mail["id"])
        .map(|s| s["file_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        attached,
        ["inkomensverklaring-2024.pdf", "brief-zorgverzekeraar.docx"]
    );
}
