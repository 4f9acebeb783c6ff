//! Encryption at rest (issue 12): with a passphrase the database is unreadable without it,
//! a missing or wrong one is one clear line and exit 1, and backups stay encrypted.

use crate::{stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};

const PASSPHRASE: &str = "lange wachtwoordzin met é en ' erin";

fn run(db: &Path, passphrase: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wederhoor"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("WEDERHOOR_DB");
    match passphrase {
        Some(p) => command.env("WEDERHOOR_PASSPHRASE", p),
        None => command.env_remove("WEDERHOOR_PASSPHRASE"),
    };
    command.output().expect("the binary runs")
}

fn plain_sqlite_header(path: &Path) -> bool {
    std::fs::read(path)
        .unwrap()
        .starts_with(b"SQLite format 3\0")
}

#[test]
fn an_encrypted_database_opens_only_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("geheim.db");
    let made = run(&db, Some(PASSPHRASE), &["demo"]);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(
        !plain_sqlite_header(&db),
        "the file is not a plain SQLite database"
    );
    let sqlite3 = Command::new("sqlite3")
        .arg(&db)
        .arg("SELECT count(*) FROM dossiers")
        .output()
        .expect("sqlite3 runs (installed by make)");
    assert!(
        !sqlite3.status.success(),
        "sqlite3 cannot read it: {}",
        String::from_utf8_lossy(&sqlite3.stdout)
    );

    for (passphrase, says) in [(None, "is versleuteld"), (Some("fout"), "klopt niet")] {
        let out = run(&db, passphrase, &["list"]);
        assert_eq!(out.status.code(), Some(1));
        let message = stderr(&out);
        assert_eq!(message.lines().count(), 1, "one line: {message}");
        assert!(message.contains(says), "{message}");
        assert!(stdout(&out).is_empty());
    }
    let listed = run(&db, Some(PASSPHRASE), &["list"]);
    assert!(stdout(&listed).contains("2019-0117"), "{}", stderr(&listed));

    let file = dir.path().join("wachtwoord.txt");
    std::fs::write(&file, format!("{PASSPHRASE}\n")).unwrap();
    let from_file = run(
        &db,
        None,
        &["--passphrase-file", file.to_str().unwrap(), "list"],
    );
    assert!(
        stdout(&from_file).contains("2019-0117"),
        "the first line of the file is the passphrase"
    );
}

#[test]
fn the_backup_of_an_encrypted_database_is_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("geheim.db");
    assert!(run(&db, Some(PASSPHRASE), &["demo"]).status.success());
    let copy = dir.path().join("kopie.db");
    let out = run(
        &db,
        Some(PASSPHRASE),
        &["backup", "-o", copy.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!plain_sqlite_header(&copy), "the copy is encrypted too");
    assert_eq!(run(&copy, None, &["list"]).status.code(), Some(1));
    let verified = run(&copy, Some(PASSPHRASE), &["audit", "verify"]);
    assert!(verified.status.success(), "{}", stderr(&verified));
}

#[test]
fn a_plain_database_given_a_passphrase_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("open.db");
    assert!(run(&db, None, &["demo"]).status.success());
    let out = run(&db, Some(PASSPHRASE), &["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is niet versleuteld"),
        "{}",
        stderr(&out)
    );
}
