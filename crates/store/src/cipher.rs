//! Encryption at rest: a database may be encrypted with a passphrase (SQLCipher, `PRAGMA key`).
//! The passphrase is asked for at start (the app) or read from `WEDERHOOR_PASSPHRASE` or a file
//! (`--passphrase-file`, the command line); it is never stored or logged. An existing plain
//! database is converted in place, safely: the encrypted copy is written beside it and checked
//! (integrity, audit chain) before it replaces the original. Backups of an encrypted database
//! are encrypted with the same passphrase.

use crate::error::{Error, Result};
use crate::{audit, Actor, Db};
use std::path::{Path, PathBuf};

/// The environment variable the command line (and the app, when set) reads the passphrase from.
pub const PASSPHRASE_ENV: &str = "WEDERHOOR_PASSPHRASE";

/// A passphrase: shown nowhere, not even in debug output.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Passphrase {
    /// A passphrase; an empty one is none.
    pub fn new(text: impl Into<String>) -> Option<Self> {
        let text = text.into();
        (!text.is_empty()).then_some(Passphrase(text))
    }

    /// As an SQL string literal for `PRAGMA key`.
    pub(crate) fn literal(&self) -> String {
        format!("'{}'", self.0.replace('\'', "''"))
    }

    /// From `--passphrase-file` (its first line), else `WEDERHOOR_PASSPHRASE`, else none.
    pub fn from_file_or_env(file: Option<&Path>) -> Result<Option<Self>> {
        if let Some(file) = file {
            let text = std::fs::read_to_string(file).map_err(|e| {
                Error::Locked(format!(
                    "kan het wachtwoordzinbestand {} niet lezen: {e}",
                    file.display()
                ))
            })?;
            let line = text.lines().next().unwrap_or_default();
            return Passphrase::new(line).map(Some).ok_or_else(|| {
                Error::Locked(format!("{} bevat geen wachtwoordzin", file.display()))
            });
        }
        Ok(std::env::var(PASSPHRASE_ENV).ok().and_then(Passphrase::new))
    }
}

/// Whether the file at `path` is a plain (unencrypted) SQLite database.
pub fn is_plain(path: &Path) -> bool {
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header))
        .is_ok_and(|_| &header == b"SQLite format 3\0")
}

/// Whether the database at `path` exists and is encrypted.
pub fn is_encrypted(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() > 0) && !is_plain(path)
}

/// The error for a database that would not open, in the words a user can act on.
pub(crate) fn locked_error(path: &Path, key: Option<&Passphrase>) -> Error {
    match key {
        None => Error::Locked(format!(
            "{} is versleuteld (of geen database): geef de wachtwoordzin met {PASSPHRASE_ENV} of --passphrase-file",
            path.display()
        )),
        Some(_) if is_plain(path) => Error::Locked(format!(
            "{} is niet versleuteld: laat de wachtwoordzin weg, of versleutel de database in de app",
            path.display()
        )),
        Some(_) => Error::Locked(format!("de wachtwoordzin voor {} klopt niet", path.display())),
    }
}

/// Converts the plain database at `path`, open as `db`, into an encrypted one with `key`, in
/// place. The encrypted copy is made and checked first; only then does it replace the
/// original. `db` is closed; open the database again with the key.
pub async fn encrypt(db: Db, path: &Path, key: &Passphrase, actor: &Actor) -> Result<()> {
    if !is_plain(path) {
        return Err(Error::Locked(format!(
            "{} is al versleuteld",
            path.display()
        )));
    }
    audit::record(&db, actor, "passphrase.set", None, &serde_json::json!({})).await?;
    let temp: PathBuf = path.with_file_name(format!(
        ".{}.versleuteld.tmp",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    let _ = std::fs::remove_file(&temp);
    let outcome = async {
        let mut conn = db.pool().acquire().await?;
        sqlx::query(&format!(
            "ATTACH DATABASE '{}' AS encrypted KEY {}",
            temp.to_string_lossy().replace('\'', "''"),
            key.literal()
        ))
        .execute(&mut *conn)
        .await?;
        sqlx::query("SELECT sqlcipher_export('encrypted')")
            .execute(&mut *conn)
            .await?;
        sqlx::query("DETACH DATABASE encrypted")
            .execute(&mut *conn)
            .await?;
        drop(conn);
        crate::files::make_private_file(&temp).map_err(|e| Error::Backup(e.to_string()))?;
        // The copy must open with the key and hold the same, sound chain.
        let check = Db::open_with(&temp, Some(key)).await?;
        check.integrity_check().await?;
        let verification = audit::verify(check.pool()).await?;
        check.close().await;
        let _ = std::fs::remove_file(crate::audit_head::path_for(&temp));
        if let Some(broken) = verification.first_break {
            return Err(Error::Corrupt(format!(
                "logboek van de versleutelde kopie: {}",
                broken.reason
            )));
        }
        Ok(())
    }
    .await;
    if let Err(e) = outcome {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(db.pool())
        .await?;
    db.close().await;
    std::fs::rename(&temp, path).map_err(|e| Error::Backup(format!("{}: {e}", path.display())))?;
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_os_string();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
    Ok(())
}

/// Gives the encrypted database at `path` a new passphrase (`PRAGMA rekey`, on a connection
/// of its own while nothing else has the file open); logged, without either passphrase.
pub async fn change(path: &Path, old: &Passphrase, new: &Passphrase, actor: &Actor) -> Result<()> {
    let db = Db::open_with(path, Some(old)).await?;
    audit::record(
        &db,
        actor,
        "passphrase.change",
        None,
        &serde_json::json!({}),
    )
    .await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(db.pool())
        .await?;
    db.close().await;
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .pragma("key", old.literal());
    let mut conn = sqlx::ConnectOptions::connect(&options).await?;
    sqlx::query(&format!("PRAGMA rekey = {}", new.literal()))
        .execute(&mut conn)
        .await?;
    sqlx::Connection::close(conn).await?;
    let check = Db::open_with(path, Some(new)).await?;
    check.integrity_check().await?;
    check.close().await;
    Ok(())
}
