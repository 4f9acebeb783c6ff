//! Stukken: list, read, add a document (raw bytes), and search the dossier.

use super::raw::bytes_and_meta;
use crate::error::CommandError;
use crate::state::AppState;
use tauri::ipc::Request;
use tauri::State;
use wederhoor_core::wire::{NewSourceMeta, SearchHit, SourceAdded, SourceDetail, SourceSummary};
use wederhoor_store::search;
use wederhoor_store::sources::{self, NewDocument};

/// The sources of a dossier.
#[tauri::command]
pub async fn source_list(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> Result<Vec<SourceSummary>, CommandError> {
    Ok(sources::list(state.db()?.pool(), dossier_id).await?)
}

/// One source with its text and excerpts.
#[tauri::command]
pub async fn source_detail(
    state: State<'_, AppState>,
    id: i64,
) -> Result<SourceDetail, CommandError> {
    Ok(sources::detail(state.db()?.pool(), id).await?)
}

/// Stores a document: raw bytes as the body, `NewSourceMeta` in the meta header.
#[tauri::command]
pub async fn source_add(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<SourceAdded, CommandError> {
    let (bytes, meta): (&[u8], NewSourceMeta) = bytes_and_meta(&request)?;
    let doc = NewDocument {
        dossier_id: meta.dossier_id,
        file_name: &meta.file_name,
        bytes,
        kind: meta.kind,
        title: &meta.title,
        supplied_by: meta.supplied_by,
        received_on: &meta.received_on,
    };
    Ok(sources::add_document(&state.db()?, &doc, &state.actor).await?)
}

/// Searches a dossier's sources and statements.
#[tauri::command]
pub async fn dossier_search(
    state: State<'_, AppState>,
    dossier_id: i64,
    query: String,
) -> Result<Vec<SearchHit>, CommandError> {
    Ok(search::search(&state.db()?, dossier_id, &query).await?)
}
