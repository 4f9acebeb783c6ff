//! The few settings kept beside the database (`wederhoor.db.instellingen.json`), because they
//! are needed before it is open: where automatic backups go.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The folder for automatic backups; none: `backups` beside the database.
    #[serde(default)]
    pub backup_folder: Option<PathBuf>,
}

/// Where the settings of the database at `db` are kept.
pub fn path_for(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".instellingen.json");
    db.with_file_name(name)
}

impl Settings {
    /// The settings of the database at `db`; defaults when there are none (or they are
    /// unreadable: a setting never stops the app).
    pub fn load(db: &Path) -> Self {
        std::fs::read_to_string(path_for(db))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Saves them (whole or not at all).
    pub fn save(&self, db: &Path) -> std::io::Result<()> {
        let json = serde_json::to_string_pretty(self)?;
        crate::files::write_atomically(&path_for(db), json.as_bytes())
    }

    /// Where automatic backups of the database at `db` go.
    pub fn backup_folder(&self, db: &Path) -> PathBuf {
        self.backup_folder
            .clone()
            .unwrap_or_else(|| crate::backup::default_folder(db))
    }
}
