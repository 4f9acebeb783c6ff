//! The head of the audit chain kept outside the database: a small file beside it
//! (`wederhoor.db.audit-head`) with the last entry's id and hash. Cutting entries off the end of
//! the log leaves every remaining hash valid, so the chain alone cannot show it; the head file
//! can ([`crate::audit::verify_with_head`]). The head only ever moves forward along the chain:
//! a database whose log no longer reaches the recorded head does not overwrite it, so the
//! evidence stays until someone looks. A backup carries its own head file beside it.

use crate::error::Result;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use std::path::{Path, PathBuf};

const FORMAT: &str = "wederhoor-audit-head/1";

/// The last entry of the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Its id.
    pub id: i64,
    /// Its hash.
    pub hash: String,
}

#[derive(Serialize, Deserialize)]
struct HeadFile {
    format: String,
    id: i64,
    hash: String,
}

/// Where the head of the database at `db` is kept.
pub fn path_for(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".audit-head");
    db.with_file_name(name)
}

/// The head recorded in `file`; `None` when there is no such file.
pub fn read(file: &Path) -> std::io::Result<Option<Head>> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let parsed: HeadFile = serde_json::from_str(&text).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{} is geen logboekkop: {e}", file.display()),
        )
    })?;
    if parsed.format != FORMAT {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{}: onbekend formaat {}", file.display(), parsed.format),
        ));
    }
    Ok(Some(Head {
        id: parsed.id,
        hash: parsed.hash,
    }))
}

/// Writes `head` to `file` (whole or not at all, 0600).
pub fn write(file: &Path, head: &Head) -> std::io::Result<()> {
    let json = serde_json::to_string(&HeadFile {
        format: FORMAT.into(),
        id: head.id,
        hash: head.hash.clone(),
    })?;
    crate::files::write_atomically(file, json.as_bytes())
}

/// The chain's last entry, or `None` for an empty log.
pub async fn current(conn: &mut SqliteConnection) -> Result<Option<Head>> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(id, hash)| Head { id, hash }))
}

/// Moves the head file forward to the chain's last entry: only when the log still holds the
/// recorded head (same id, same hash) and has grown past it, or when there is no head yet.
/// Returns whether it wrote.
pub async fn advance(conn: &mut SqliteConnection, file: &Path) -> Result<bool> {
    let Some(now) = current(conn).await? else {
        return Ok(false);
    };
    let recorded = read(file).map_err(|e| crate::Error::Corrupt(e.to_string()))?;
    if let Some(recorded) = &recorded {
        if recorded == &now {
            return Ok(false);
        }
        let at: Option<(String,)> = sqlx::query_as("SELECT hash FROM audit_log WHERE id = ?")
            .bind(recorded.id)
            .fetch_optional(&mut *conn)
            .await?;
        let reaches = at.is_some_and(|(hash,)| hash == recorded.hash);
        if !reaches || now.id < recorded.id {
            // The log lost or changed what the head recorded: keep the evidence.
            return Ok(false);
        }
    }
    write(file, &now).map_err(|e| crate::Error::Corrupt(e.to_string()))?;
    Ok(true)
}
