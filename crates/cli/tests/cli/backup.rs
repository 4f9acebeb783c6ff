//! Backups, restore and the audit trail's head (issue 12): a backup is a copy that passes
//! `audit verify` on its own; entries cut off the end of a log are named by `audit verify`;
//! a restore brings back the backup's state and keeps the database it replaced.

use crate::{last_line, stderr, stdout, wederhoor};
use std::path::Path;

fn delete_last_audit_row(db: &Path) -> i64 {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(db);
        let mut conn = sqlx::ConnectOptions::connect(&options).await.unwrap();
        let (last,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM audit_log")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        sqlx::query("DELETE FROM audit_log WHERE id = ?")
            .bind(last)
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::Connection::close(conn).await.unwrap();
        last
    })
}

#[test]
fn a_backup_passes_audit_verify_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    assert!(wederhoor(&db, &["demo"]).status.success());
    let copy = dir.path().join("kopie.db");
    let out = wederhoor(&db, &["backup", "-o", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        last_line(&out),
        copy.display().to_string(),
        "the path alone on the last line"
    );
    assert!(stdout(&out).contains("1 dossier(s)"), "{}", stdout(&out));
    let verified = wederhoor(&copy, &["audit", "verify"]);
    assert!(verified.status.success(), "{}", stderr(&verified));
    assert!(
        copy.with_file_name("kopie.db.audit-head").exists(),
        "the backup carries its head"
    );
    let listed = wederhoor(&copy, &["list"]);
    assert!(
        stdout(&listed).contains("2019-0117"),
        "the copy holds the demo"
    );
}

#[test]
fn deleting_the_last_audit_row_is_found_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    assert!(wederhoor(&db, &["demo"]).status.success());
    assert!(wederhoor(&db, &["audit", "verify"]).status.success());
    // Every remaining hash is still valid: only the head kept beside the database shows it.
    let last = delete_last_audit_row(&db);
    let out = wederhoor(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let message = stderr(&out);
    assert!(
        message.contains(&format!("bij item {last}"))
            && message.contains("1 item aan het eind ontbreken"),
        "the missing entry is named: {message}"
    );
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    // Opening the database again does not paper over it.
    assert_eq!(wederhoor(&db, &["audit", "verify"]).status.code(), Some(1));
}

#[test]
fn restore_brings_back_the_backup_and_keeps_the_replaced_database_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    assert!(wederhoor(&db, &["demo"]).status.success());
    let copy = dir.path().join("voor.db");
    assert!(wederhoor(&db, &["backup", "-o", copy.to_str().unwrap()])
        .status
        .success());
    let file = dir.path().join("demo.json");
    assert!(
        wederhoor(&db, &["export", "2019-0117", "-o", file.to_str().unwrap()])
            .status
            .success()
    );
    let json = std::fs::read_to_string(&file)
        .unwrap()
        .replace("\"2019-0117\"", "\"2019-0999\"");
    std::fs::write(&file, json).unwrap();
    assert!(wederhoor(&db, &["import", file.to_str().unwrap()])
        .status
        .success());
    assert!(stdout(&wederhoor(&db, &["list"])).contains("2019-0999"));

    let out = wederhoor(&db, &["restore", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&wederhoor(&db, &["list"]));
    assert!(
        listed.contains("2019-0117") && !listed.contains("2019-0999"),
        "{listed}"
    );
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("w.db.voor-herstel-")
        })
        .filter(|e| !e.file_name().to_string_lossy().ends_with(".audit-head"))
        .collect();
    assert_eq!(aside.len(), 1, "the replaced database is kept aside");
    assert!(
        stdout(&wederhoor(&aside[0].path(), &["list"])).contains("2019-0999"),
        "and still holds what was there"
    );
    let verified = wederhoor(&db, &["audit", "verify"]);
    assert!(
        verified.status.success(),
        "the restored chain, with its restore entry, holds: {}",
        stderr(&verified)
    );
}

#[test]
fn a_file_that_is_no_sound_backup_is_refused_and_nothing_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    assert!(wederhoor(&db, &["demo"]).status.success());
    let junk = dir.path().join("kapot.db");
    std::fs::write(&junk, b"dit is geen database").unwrap();
    let out = wederhoor(&db, &["restore", junk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("back-up geweigerd"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&wederhoor(&db, &["list"])).contains("2019-0117"),
        "the database is untouched"
    );
}
