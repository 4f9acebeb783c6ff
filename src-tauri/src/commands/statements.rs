//! Statements: make one from a passage; the side-by-side data.

use crate::error::CommandError;
use crate::state::AppState;
use tauri::ipc::Response;
use tauri::State;
use wederhoor_core::wire::NewStatement;
use wederhoor_store::{side_by_side, statements};

/// Creates a statement; returns its id.
#[tauri::command]
pub async fn statement_create(
    state: State<'_, AppState>,
    input: NewStatement,
) -> Result<i64, CommandError> {
    Ok(statements::create(&state.db()?, &input, &state.actor).await?)
}

/// Everything "Tegenover elkaar" draws: a `SideBySideView`, as the JSON the store wrote (sent
/// as it is rather than decoded and encoded again; 10,000 statements are megabytes).
#[tauri::command]
pub async fn side_by_side(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> Result<Response, CommandError> {
    let json = side_by_side::side_by_side_json(&state.db()?, dossier_id).await?;
    Ok(Response::new(json))
}
