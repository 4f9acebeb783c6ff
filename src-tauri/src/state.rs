//! What every command can reach: the open database and who is working.

use wederhoor_store::{Actor, Db};

/// Managed by Tauri; commands take it as `State<'_, AppState>`.
pub struct AppState {
    /// The open, migrated database.
    pub db: Db,
    /// The user, for the audit log.
    pub actor: Actor,
}
