//! The library: one search across every dossier's sources, statements and reports.

use crate::error::CommandError;
use crate::state::AppState;
use tauri::State;
use wederhoor_core::wire::LibraryGroup;
use wederhoor_store::search;

/// Searches every dossier; the matches grouped per dossier.
#[tauri::command]
pub async fn library_search(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<LibraryGroup>, CommandError> {
    Ok(search::library(&state.db()?, &query).await?)
}
