//! Dossier commands: the list, the "Nieuw dossier" form, the Overzicht, and importing a file.

use crate::error::CommandError;
use crate::state::AppState;
use tauri::State;
use wederhoor_core::wire::{DossierOverview, DossierSummary, NewDossier};
use wederhoor_store::{dossier_file, dossiers, overview};

/// Every dossier, most recently received first.
#[tauri::command]
pub async fn dossier_list(state: State<'_, AppState>) -> Result<Vec<DossierSummary>, CommandError> {
    Ok(dossiers::list(state.db()?.pool()).await?)
}

/// Creates a dossier from the form; field errors come back as kind `invalid`.
#[tauri::command]
pub async fn dossier_create(
    state: State<'_, AppState>,
    input: NewDossier,
) -> Result<DossierSummary, CommandError> {
    let today = crate::clock::today();
    Ok(dossiers::create(&state.db()?, &input, today, &state.actor).await?)
}

/// A dossier's Overzicht.
#[tauri::command]
pub async fn dossier_overview(
    state: State<'_, AppState>,
    id: i64,
) -> Result<DossierOverview, CommandError> {
    Ok(overview::overview(&state.db()?, id).await?)
}

/// Imports a `wederhoor-dossier/1` file's text; returns the new dossier's list row.
#[tauri::command]
pub async fn dossier_import(
    state: State<'_, AppState>,
    json: String,
) -> Result<DossierSummary, CommandError> {
    let imported = dossier_file::import_json(&state.db()?, &json, &state.actor).await?;
    Ok(dossiers::by_id(state.db()?.pool(), imported.id)
        .await?
        .to_summary()?)
}
