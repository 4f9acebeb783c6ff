//! Conflicts: "Markeer als tegenstrijdig".

use crate::error::CommandError;
use crate::state::AppState;
use tauri::State;
use wederhoor_core::wire::NewConflict;
use wederhoor_store::conflicts;

/// Stores an open conflict between selected statements; returns its id.
#[tauri::command]
pub async fn conflict_create(
    state: State<'_, AppState>,
    input: NewConflict,
) -> Result<i64, CommandError> {
    Ok(conflicts::create_open(&state.db, &input, &state.actor).await?)
}
