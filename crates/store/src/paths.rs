//! Where the database lives: `--db`, else `$WEDERHOOR_DB`, else the user's data directory
//! (`$XDG_DATA_HOME/wederhoor/wederhoor.db` on Linux, the platform equivalent elsewhere).

use std::path::PathBuf;

/// The environment variable that overrides the default database path.
pub const DB_ENV: &str = "WEDERHOOR_DB";

/// The database path to use, given an explicit `--db` argument if any.
pub fn resolve_db_path(explicit: Option<PathBuf>) -> PathBuf {
    if let Some(path) = explicit {
        return path;
    }
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    default_db_path()
}

/// The user's own database: the platform's data directory for Wederhoor.
pub fn default_db_path() -> PathBuf {
    match directories::ProjectDirs::from("nl", "Wederhoor", "wederhoor") {
        Some(dirs) => dirs.data_dir().join("wederhoor.db"),
        None => PathBuf::from("wederhoor.db"),
    }
}
