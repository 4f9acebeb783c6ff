//! Building a dossier: its own fields and status, parties, complaint points, statements,
//! sources typed in the app, reactions, and undo/redo of every edit.

use crate::error::CommandError;
use crate::state::AppState;
use tauri::State;
use wederhoor_core::vocab::{DossierStatus, PartyRole};
use wederhoor_core::wire::{
    DossierEdit, PartyInput, PartySuggestion, PointInput, ReactionInput, SourceEdit, SourceSummary,
    StatementEdit, StatementView, TypedSourceInput, UndoState,
};
use wederhoor_store::{
    changes, dossiers, parties, points, reactions, side_by_side, sources, statements,
};

use crate::clock::today;

/// Saves the dossier's own fields.
#[tauri::command]
pub async fn dossier_update(
    state: State<'_, AppState>,
    edit: DossierEdit,
) -> Result<(), CommandError> {
    Ok(dossiers::update(&state.db()?, &edit, today(), &state.actor).await?)
}

/// Moves the dossier to another status.
#[tauri::command]
pub async fn dossier_set_status(
    state: State<'_, AppState>,
    id: i64,
    status: DossierStatus,
) -> Result<(), CommandError> {
    Ok(dossiers::set_status(&state.db()?, id, status, &state.actor).await?)
}

/// Adds or saves a party; returns its id.
#[tauri::command]
pub async fn party_save(
    state: State<'_, AppState>,
    input: PartyInput,
) -> Result<i64, CommandError> {
    Ok(parties::save(&state.db()?, &input, &state.actor).await?)
}

/// The pseudonym and aliases suggested for a party of `role` named `name`.
#[tauri::command]
pub async fn party_suggest(
    state: State<'_, AppState>,
    dossier_id: i64,
    id: Option<i64>,
    role: PartyRole,
    name: String,
) -> Result<PartySuggestion, CommandError> {
    Ok(parties::suggest(state.db()?.pool(), dossier_id, id, role, &name).await?)
}

/// Removes a party nothing refers to.
#[tauri::command]
pub async fn party_remove(
    state: State<'_, AppState>,
    dossier_id: i64,
    id: i64,
) -> Result<(), CommandError> {
    Ok(parties::remove(&state.db()?, dossier_id, id, &state.actor).await?)
}

/// Adds or saves a complaint point; returns its id.
#[tauri::command]
pub async fn point_save(
    state: State<'_, AppState>,
    input: PointInput,
) -> Result<i64, CommandError> {
    Ok(points::save(&state.db()?, &input, &state.actor).await?)
}

/// Moves a complaint point to a position (1 = first).
#[tauri::command]
pub async fn point_move(
    state: State<'_, AppState>,
    dossier_id: i64,
    id: i64,
    position: u32,
) -> Result<(), CommandError> {
    Ok(points::move_to(&state.db()?, dossier_id, id, position, &state.actor).await?)
}

/// Removes a complaint point nothing refers to.
#[tauri::command]
pub async fn point_remove(
    state: State<'_, AppState>,
    dossier_id: i64,
    id: i64,
) -> Result<(), CommandError> {
    Ok(points::remove(&state.db()?, dossier_id, id, &state.actor).await?)
}

/// One statement with its first excerpt, for its edit form.
#[tauri::command]
pub async fn statement_get(
    state: State<'_, AppState>,
    id: i64,
) -> Result<StatementView, CommandError> {
    Ok(side_by_side::statement(&state.db()?, id).await?)
}

/// Saves every field of a statement.
#[tauri::command]
pub async fn statement_update(
    state: State<'_, AppState>,
    edit: StatementEdit,
) -> Result<(), CommandError> {
    Ok(statements::update(&state.db()?, &edit, &state.actor).await?)
}

/// Removes a statement no conflict or reaction refers to.
#[tauri::command]
pub async fn statement_remove(state: State<'_, AppState>, id: i64) -> Result<(), CommandError> {
    Ok(statements::remove(&state.db()?, id, &state.actor).await?)
}

/// Stores a note typed in the app as a source.
#[tauri::command]
pub async fn source_add_typed(
    state: State<'_, AppState>,
    input: TypedSourceInput,
) -> Result<SourceSummary, CommandError> {
    Ok(sources::add_typed(&state.db()?, &input, today(), &state.actor).await?)
}

/// Saves a source's title, kind, supplier and received date.
#[tauri::command]
pub async fn source_update(
    state: State<'_, AppState>,
    edit: SourceEdit,
) -> Result<SourceSummary, CommandError> {
    Ok(sources::update(&state.db()?, &edit, today(), &state.actor).await?)
}

/// Removes a source nothing refers to.
#[tauri::command]
pub async fn source_remove(state: State<'_, AppState>, id: i64) -> Result<(), CommandError> {
    Ok(sources::remove(&state.db()?, id, &state.actor).await?)
}

/// Records or saves a reaction; returns its id.
#[tauri::command]
pub async fn reaction_save(
    state: State<'_, AppState>,
    input: ReactionInput,
) -> Result<i64, CommandError> {
    Ok(reactions::save(&state.db()?, &input, today(), &state.actor).await?)
}

/// Removes a reaction.
#[tauri::command]
pub async fn reaction_remove(
    state: State<'_, AppState>,
    dossier_id: i64,
    id: i64,
) -> Result<(), CommandError> {
    Ok(reactions::remove(&state.db()?, dossier_id, id, &state.actor).await?)
}

/// What undo and redo would do now.
#[tauri::command]
pub async fn undo_state(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> Result<UndoState, CommandError> {
    Ok(changes::state(&state.db()?, dossier_id).await?)
}

/// Undoes the dossier's last edit.
#[tauri::command]
pub async fn undo(state: State<'_, AppState>, dossier_id: i64) -> Result<UndoState, CommandError> {
    Ok(changes::undo(&state.db()?, dossier_id, &state.actor).await?)
}

/// Redoes the last undone edit.
#[tauri::command]
pub async fn redo(state: State<'_, AppState>, dossier_id: i64) -> Result<UndoState, CommandError> {
    Ok(changes::redo(&state.db()?, dossier_id, &state.actor).await?)
}
