//! Conflicts: mark, list with both sides, edit and decide; suggestions accept or dismiss.

use crate::error::CommandError;
use crate::state::AppState;
use tauri::State;
use wederhoor_core::suggest::RuleSettings;
use wederhoor_core::wire::{ConflictDetail, ConflictEdit, NewConflict, SuggestionView};
use wederhoor_store::{conflicts, suggestions};

/// Stores an open conflict between selected statements; returns its id.
#[tauri::command]
pub async fn conflict_create(
    state: State<'_, AppState>,
    input: NewConflict,
) -> Result<i64, CommandError> {
    Ok(conflicts::create_open(&state.db()?, &input, &state.actor).await?)
}

/// Every conflict of a dossier with both sides and its findings paragraph.
#[tauri::command]
pub async fn conflict_list(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> Result<Vec<ConflictDetail>, CommandError> {
    Ok(conflicts::details(&state.db()?, dossier_id).await?)
}

/// Saves a conflict's edit form; "niet vast te stellen" before both sides were heard is refused.
#[tauri::command]
pub async fn conflict_update(
    state: State<'_, AppState>,
    edit: ConflictEdit,
) -> Result<(), CommandError> {
    Ok(conflicts::update(&state.db()?, &edit, &state.actor).await?)
}

/// The rules' suggested conflicts with their status.
#[tauri::command]
pub async fn suggestion_list(
    state: State<'_, AppState>,
    dossier_id: i64,
    settings: RuleSettings,
) -> Result<Vec<SuggestionView>, CommandError> {
    Ok(suggestions::for_dossier(&state.db()?, dossier_id, settings).await?)
}

/// Remembers a dismissed suggestion.
#[tauri::command]
pub async fn suggestion_dismiss(
    state: State<'_, AppState>,
    dossier_id: i64,
    key: String,
) -> Result<(), CommandError> {
    Ok(suggestions::dismiss(&state.db()?, dossier_id, &key, &state.actor).await?)
}

/// Records a missing record as a breach of `norm` on the conflict's complaint point; returns the point's number.
#[tauri::command]
pub async fn conflict_missing_record_finding(
    state: State<'_, AppState>,
    conflict_id: i64,
    norm: String,
) -> Result<u32, CommandError> {
    Ok(
        conflicts::record_missing_record_finding(&state.db()?, conflict_id, &norm, &state.actor)
            .await?,
    )
}

/// The norm catalogue (current and older norms), for choosing a norm.
#[tauri::command]
pub fn norm_list() -> Vec<wederhoor_core::norms::Norm> {
    wederhoor_core::norms::all().to_vec()
}
