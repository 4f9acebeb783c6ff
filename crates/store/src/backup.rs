//! Backups and restore. A backup is a consistent copy of the open database (`VACUUM INTO`, which
//! reads one snapshot while the app goes on writing), written to a temporary file in the target
//! folder and renamed into place only after it passed SQLite's integrity check and the audit
//! chain's verification; its audit head goes beside it. A restore checks the backup the same
//! way, keeps the current database aside, and puts the copy in its place. Automatic backups
//! keep the newest [`KEEP`] in their folder.

use crate::audit_head::{self, Head};
use crate::cipher::Passphrase;
use crate::error::{Error, Result};
use crate::{audit, Actor, Db};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};

/// How many automatic backups a folder keeps.
pub const KEEP: usize = 10;

/// What a backup holds, for the restore preview and the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// How many dossiers it holds.
    pub dossiers: i64,
    /// The references of its dossiers, in order.
    pub references: Vec<String>,
    /// When its last change was logged (RFC 3339), if any.
    pub last_change: Option<String>,
    /// Entries of its audit log.
    pub entries: usize,
    /// Its size in bytes.
    pub bytes: u64,
}

fn failed(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Backup(format!("{}: {e}", path.display()))
}

/// Opens a copy read-only, on a pool of its own (with the passphrase of an encrypted one).
async fn open_copy(path: &Path, key: Option<&Passphrase>) -> Result<SqlitePool> {
    let mut options = SqliteConnectOptions::new();
    if let Some(key) = key {
        options = options.pragma("key", key.literal());
    }
    let options = options
        .filename(path)
        .read_only(true)
        .create_if_missing(false);
    Ok(SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?)
}

/// Checks a backup file: integrity, the audit chain, and (when a head file lies beside it) that
/// the chain reaches that head. Returns what it holds.
pub async fn inspect(path: &Path, key: Option<&Passphrase>) -> Result<BackupInfo> {
    if !path.is_file() {
        return Err(failed(path, "geen bestand"));
    }
    if key.is_none() && crate::cipher::is_encrypted(path) {
        return Err(failed(
            path,
            "geen leesbare database: versleuteld (geef dan de wachtwoordzin) of beschadigd",
        ));
    }
    let pool = open_copy(path, key).await.map_err(|e| failed(path, e))?;
    let outcome = inspect_pool(&pool, path).await;
    pool.close().await;
    outcome
}

async fn inspect_pool(pool: &SqlitePool, path: &Path) -> Result<BackupInfo> {
    let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
        .fetch_all(pool)
        .await
        .map_err(|e| failed(path, format!("geen leesbare Wederhoor-database ({e})")))?;
    if !matches!(rows.as_slice(), [(ok,)] if ok == "ok") {
        return Err(failed(path, "de integriteitscontrole faalt"));
    }
    let head = audit_head::read(&audit_head::path_for(path)).map_err(|e| failed(path, e))?;
    let verification = audit::verify_with_head(pool, head.as_ref())
        .await
        .map_err(|e| failed(path, format!("geen Wederhoor-database ({e})")))?;
    if let Some(broken) = verification.first_break {
        return Err(failed(
            path,
            format!(
                "logboek verbroken bij item {}: {}",
                broken.id, broken.reason
            ),
        ));
    }
    let references: Vec<String> =
        sqlx::query_scalar("SELECT reference FROM dossiers ORDER BY reference")
            .fetch_all(pool)
            .await?;
    let last_change: Option<String> =
        sqlx::query_scalar("SELECT at FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_optional(pool)
            .await?;
    Ok(BackupInfo {
        path: path.to_path_buf(),
        dossiers: references.len() as i64,
        references,
        last_change,
        entries: verification.entries,
        bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
    })
}

/// Copies the open database to `target`, verified. An existing file at `target` is replaced
/// only by a copy that passed its checks.
pub async fn backup_to(db: &Db, target: &Path, actor: &Actor) -> Result<BackupInfo> {
    let info = backup_from(&mut *db.pool().acquire().await?, target, db.key()).await?;
    // A copy of every dossier left the database: on record.
    let detail = serde_json::json!({
        "to": info.path.display().to_string(),
        "dossiers": info.dossiers,
        "entries": info.entries,
    });
    audit::record(db, actor, "backup.create", None, &detail).await?;
    Ok(info)
}

/// [`backup_to`] over one connection (the database before its migrations, see `Db::open`).
pub async fn backup_from(
    conn: &mut sqlx::SqliteConnection,
    target: &Path,
    key: Option<&Passphrase>,
) -> Result<BackupInfo> {
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    crate::files::create_private_dir(folder).map_err(|e| failed(folder, e))?;
    let temp = tempfile::Builder::new()
        .prefix(".wederhoor-backup-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| failed(folder, e))?;
    let temp_path = temp.path().to_path_buf();
    // VACUUM INTO wants a file that does not exist yet; the name stays reserved by us.
    drop(temp);
    let outcome = copy_and_check(conn, &temp_path, target, key).await;
    if outcome.is_err() {
        let _ = std::fs::remove_file(&temp_path);
        let _ = std::fs::remove_file(audit_head::path_for(&temp_path));
    }
    outcome
}

async fn copy_and_check(
    conn: &mut sqlx::SqliteConnection,
    temp: &Path,
    target: &Path,
    key: Option<&Passphrase>,
) -> Result<BackupInfo> {
    sqlx::query("VACUUM INTO ?")
        .bind(temp.to_string_lossy().to_string())
        .execute(&mut *conn)
        .await
        .map_err(|e| failed(target, e))?;
    crate::files::make_private_file(temp).map_err(|e| failed(temp, e))?;
    if key.is_some() && crate::cipher::is_plain(temp) {
        return Err(failed(
            target,
            "de kopie van een versleutelde database is niet versleuteld",
        ));
    }
    let pool = open_copy(temp, key).await.map_err(|e| failed(temp, e))?;
    let head = audit_head::current(&mut *pool.acquire().await?).await;
    pool.close().await;
    if let Some(head) = head? {
        audit_head::write(&audit_head::path_for(temp), &head).map_err(|e| failed(temp, e))?;
    }
    let mut info = inspect(temp, key).await?;
    std::fs::rename(temp, target).map_err(|e| failed(target, e))?;
    let temp_head = audit_head::path_for(temp);
    let target_head = audit_head::path_for(target);
    if temp_head.exists() {
        std::fs::rename(&temp_head, &target_head).map_err(|e| failed(&target_head, e))?;
    } else {
        let _ = std::fs::remove_file(&target_head);
    }
    info.path = target.to_path_buf();
    Ok(info)
}

/// The file name of an automatic backup made now: `wederhoor-20261202-013000-123.db` (to the
/// millisecond, so two in one second do not overwrite each other).
pub fn automatic_name(reason: &str) -> String {
    format!(
        "wederhoor-{}{}.db",
        chrono::Local::now().format("%Y%m%d-%H%M%S-%3f"),
        if reason.is_empty() {
            String::new()
        } else {
            format!("-{reason}")
        }
    )
}

/// The automatic backups in a folder, newest first (by name, which starts with the moment).
pub fn automatic_backups(folder: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("wederhoor-") && n.ends_with(".db"))
        })
        .collect();
    found.sort();
    found.reverse();
    found
}

/// The folder automatic backups go to unless the user chose another: `backups` beside the
/// database.
pub fn default_folder(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// Makes an automatic backup in `folder` and removes all but the newest `keep`.
pub async fn automatic(
    db: &Db,
    folder: &Path,
    reason: &str,
    keep: usize,
    actor: &Actor,
) -> Result<BackupInfo> {
    let info = backup_to(db, &folder.join(automatic_name(reason)), actor).await?;
    prune(folder, keep);
    Ok(info)
}

/// Removes all but the newest `keep` automatic backups in `folder`, and the temporary files of
/// backups that a crash or a kill stopped half-way (older than an hour, so one being written
/// by another process right now is left alone): each is a copy of personal data.
pub fn prune(folder: &Path, keep: usize) {
    let hour = std::time::Duration::from_secs(3600);
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > hour);
        if name.starts_with(".wederhoor-backup-") && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    for old in automatic_backups(folder).into_iter().skip(keep.max(1)) {
        let _ = std::fs::remove_file(&old);
        let _ = std::fs::remove_file(audit_head::path_for(&old));
    }
}

/// Whether the newest automatic backup in `folder` is younger than a day.
pub fn made_today(folder: &Path) -> bool {
    automatic_backups(folder)
        .first()
        .and_then(|p| std::fs::metadata(p).ok())
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age.as_secs() < 24 * 3600)
}

/// Replaces the database at `db_path` (not open) by the backup at `backup`, after checking the
/// backup and keeping the current database aside; the restore is logged in the restored
/// database's own chain. Returns where the old database was put (none when there was none).
pub async fn restore(
    db_path: &Path,
    backup: &Path,
    key: Option<&Passphrase>,
    actor: &Actor,
) -> Result<Option<PathBuf>> {
    let info = inspect(backup, key).await?;
    let aside = db_path.with_file_name(format!(
        "{}.voor-herstel-{}",
        db_path.file_name().unwrap_or_default().to_string_lossy(),
        chrono::Local::now().format("%Y%m%d-%H%M%S")
    ));
    let had_one = db_path.exists();
    if had_one {
        // Fold the write-ahead log into the file, so the file alone is the whole database.
        let current = Db::open_with(db_path, key).await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(current.pool())
            .await?;
        current.close().await;
        std::fs::rename(db_path, &aside).map_err(|e| failed(db_path, e))?;
        let head = audit_head::path_for(db_path);
        if head.exists() {
            std::fs::rename(&head, audit_head::path_for(&aside)).map_err(|e| failed(&head, e))?;
        }
        for suffix in ["-wal", "-shm"] {
            let mut side = db_path.as_os_str().to_os_string();
            side.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(side));
        }
    }
    let bytes = std::fs::read(backup).map_err(|e| failed(backup, e))?;
    crate::files::write_atomically(db_path, &bytes).map_err(|e| failed(db_path, e))?;
    let restored = Db::open_with(db_path, key).await?;
    let mut tx = restored.begin_write().await?;
    audit::append(
        &mut tx,
        actor,
        "backup.restore",
        None,
        &serde_json::json!({
            "backup": backup.display().to_string(),
            "dossiers": info.dossiers,
            "kept_aside": had_one.then(|| aside.display().to_string()),
        }),
    )
    .await?;
    tx.commit().await?;
    // The restored chain is the chain now: its head replaces the old one outright.
    let head: Option<Head> = audit_head::current(&mut *restored.pool().acquire().await?).await?;
    if let Some(head) = head {
        audit_head::write(&audit_head::path_for(db_path), &head).map_err(|e| failed(db_path, e))?;
    }
    restored.close().await;
    Ok(had_one.then_some(aside))
}
