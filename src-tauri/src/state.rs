//! What every command can reach: the database (once it is open: an encrypted one waits for its
//! passphrase), where it lives, and who is working.

use crate::error::CommandError;
use std::path::PathBuf;
use std::sync::RwLock;
use wederhoor_store::{Actor, Db, Error};

/// Managed by Tauri; commands take it as `State<'_, AppState>`.
pub struct AppState {
    /// The open, migrated database; `None` while an encrypted one waits for its passphrase,
    /// or while it is being replaced (encryption, restore).
    db: RwLock<Option<Db>>,
    /// Where the database file is.
    pub db_path: PathBuf,
    /// The user, for the audit log.
    pub actor: Actor,
}

impl AppState {
    /// A state with the database open, or locked (`None`).
    pub fn new(db: Option<Db>, db_path: PathBuf, actor: Actor) -> Self {
        AppState {
            db: RwLock::new(db),
            db_path,
            actor,
        }
    }

    /// The open database (a handle on its shared pool), or `locked` while there is none.
    pub fn db(&self) -> Result<Db, CommandError> {
        self.db
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .ok_or_else(|| {
                CommandError::Store(Error::Locked(
                    "De database is versleuteld en nog niet geopend: geef de wachtwoordzin.".into(),
                ))
            })
    }

    /// A connection of the open database's pool, for a read of several queries.
    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Sqlite>, CommandError> {
        let db = self.db()?;
        Ok(db.pool().acquire().await.map_err(Error::from)?)
    }

    /// Whether the database is open.
    pub fn is_open(&self) -> bool {
        self.db.read().unwrap_or_else(|e| e.into_inner()).is_some()
    }

    /// Puts a (new) open database in place.
    pub fn set_db(&self, db: Db) {
        *self.db.write().unwrap_or_else(|e| e.into_inner()) = Some(db);
    }

    /// Takes the database out (to encrypt or replace it); commands see `locked` until
    /// [`AppState::set_db`].
    pub fn take_db(&self) -> Option<Db> {
        self.db.write().unwrap_or_else(|e| e.into_inner()).take()
    }
}
