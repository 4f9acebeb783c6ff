//! Statements: make one from a passage; the side-by-side data.

use crate::error::CommandError;
use crate::state::AppState;
use tauri::State;
use wederhoor_core::wire::{NewStatement, SideBySideView};
use wederhoor_store::{side_by_side, statements};

/// Creates a statement; returns its id.
#[tauri::command]
pub async fn statement_create(
    state: State<'_, AppState>,
    input: NewStatement,
) -> Result<i64, CommandError> {
    Ok(statements::create(&state.db, &input, &state.actor).await?)
}

/// Everything "Tegenover elkaar" draws.
#[tauri::command]
pub async fn side_by_side(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> Result<SideBySideView, CommandError> {
    Ok(side_by_side::side_by_side_view(&state.db, dossier_id).await?)
}
