//! Wire types of the security screen: whether the database is open or waits for its
//! passphrase, the backups, and a dossier's logboek.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The state of the database as the start screen and the security screen need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    /// The database is encrypted and not opened yet: ask for the passphrase.
    pub locked: bool,
    /// The database file is encrypted.
    pub encrypted: bool,
    /// Where the database file is.
    pub db_path: String,
    /// Where automatic backups go.
    pub backup_folder: String,
    /// When the newest backup in that folder was made (RFC 3339), if any.
    pub last_backup: Option<String>,
}

/// A backup in the backup folder, with what it holds (for the restore preview).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummary {
    /// Its full path.
    pub path: String,
    /// Its file name.
    pub file_name: String,
    /// When the file was written (RFC 3339).
    pub made_at: String,
    /// How many dossiers it holds (when it could be read).
    #[ts(type = "number | null")]
    pub dossiers: Option<i64>,
    /// The references of its dossiers.
    pub references: Vec<String>,
    /// When its last change was logged (RFC 3339).
    pub last_change: Option<String>,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// Why it cannot be restored (it fails its checks, or needs another passphrase), if so.
    pub problem: Option<String>,
}

/// One entry of a dossier's logboek.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct LogEntry {
    /// Its number in the chain.
    #[ts(type = "number")]
    pub id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub actor: String,
    /// What: the action's code (`party.update`, `export.pdf`, …).
    pub action: String,
    /// The details, as logged (a JSON object).
    pub detail: String,
}

/// A dossier's logboek and whether the whole chain is intact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DossierLog {
    /// Newest first.
    pub entries: Vec<LogEntry>,
    /// Entries of the whole chain checked.
    #[ts(type = "number")]
    pub checked: u32,
    /// The first broken entry and why, when the chain is not intact.
    pub broken: Option<String>,
}
