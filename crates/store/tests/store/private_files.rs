//! Personal data on disk: the database, its write-ahead log and every export are the user's
//! alone (0600), a data folder the app makes too (0700), whatever the umask.

#![cfg(unix)]

use crate::common::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use wederhoor_store::{demo, files, Db};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A new database in a new folder: on a shared machine no one else may read either.
#[tokio::test]
async fn a_new_database_its_log_and_its_folder_are_the_users_alone() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("wederhoor");
    let path = folder.join("wederhoor.db");
    let db = Db::open(&path).await.unwrap();
    demo::ensure_demo(&db, &actor()).await.unwrap();
    assert_eq!(mode(&folder), 0o700, "the data folder");
    assert_eq!(mode(&path), 0o600, "the database");
    let wal = folder.join("wederhoor.db-wal");
    assert!(wal.exists(), "the demo's writes are in the log");
    assert_eq!(
        mode(&wal),
        0o600,
        "SQLite gives the log the database's mode"
    );
    db.close().await;
}

/// A database made by an older version with the umask's 0644 is narrowed when it is opened.
#[tokio::test]
async fn an_existing_database_readable_by_others_is_narrowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("oud.db");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    Db::open(&path).await.unwrap().close().await;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    Db::open(&path).await.unwrap().close().await;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(
        mode(dir.path()),
        mode(dir.path()),
        "a folder that existed is left alone"
    );
}

/// An export holds the dossier's personal data; a stricter mode the user gave it stays.
#[test]
fn an_export_is_private_and_keeps_a_stricter_mode_it_had() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.pdf");
    files::write_atomically(&path, b"%PDF-1").unwrap();
    assert_eq!(mode(&path), 0o600);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    files::write_atomically(&path, b"%PDF-2").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-2");
    assert_eq!(mode(&path), 0o400, "read-only stays read-only");
}

/// A failed write leaves neither half a file nor its temporary file behind.
#[test]
fn a_failed_export_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("bezet");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("x"), b"x").unwrap();
    assert!(
        files::write_atomically(&target, b"data").is_err(),
        "a folder with files cannot be replaced by a file"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("bezet")], "{left:?}");
}
