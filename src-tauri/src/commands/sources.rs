//! Stukken: list, read, add a document (raw bytes), read one again with its password, give
//! one typed text, and search the dossier. Documents are read in a child process (this binary
//! in helper mode) on a blocking thread, with OCR progress as events.

use super::raw::bytes_and_meta;
use crate::error::CommandError;
use crate::state::AppState;
use tauri::ipc::Request;
use tauri::{AppHandle, Emitter, State};
use wederhoor_core::wire::{
    NewSourceMeta, ReadProgress, SearchHit, SourceAdded, SourceDetail, SourceSummary,
};
use wederhoor_extract::isolate::{read_isolated, Helper};
use wederhoor_extract::{Options, Reading};
use wederhoor_store::search;
use wederhoor_store::sources::{self, NewDocument};

/// The event carrying `ReadProgress` while a document is read (OCR page by page).
pub const READ_PROGRESS_EVENT: &str = "source-read-progress";

/// Reads a document in the helper process, off the async runtime, telling the web view how
/// far it is.
async fn read_document(
    app: AppHandle,
    file_name: String,
    bytes: Vec<u8>,
    password: Option<String>,
) -> Result<Reading, CommandError> {
    let task = tauri::async_runtime::spawn_blocking(move || {
        let options = Options {
            password,
            ..Options::default()
        };
        let mut told = |p: wederhoor_extract::Progress| {
            let _ = app.emit(
                READ_PROGRESS_EVENT,
                ReadProgress {
                    file_name: file_name.clone(),
                    step: p.step,
                    done: p.done,
                    total: p.total,
                },
            );
        };
        match Helper::current_exe() {
            Ok(helper) => read_isolated(&helper, &file_name, &bytes, &options, &mut told),
            Err(_) => wederhoor_extract::read(&file_name, &bytes, &options, &mut told),
        }
    });
    task.await
        .map_err(|e| CommandError::Reader(format!("het lezen van het stuk stopte: {e}")))
}

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
    app: AppHandle,
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<SourceAdded, CommandError> {
    let (bytes, meta): (&[u8], NewSourceMeta) = bytes_and_meta(&request)?;
    wederhoor_extract::check_size(bytes.len()).map_err(wederhoor_store::Error::from)?;
    let reading = read_document(app, meta.file_name.clone(), bytes.to_vec(), None).await?;
    let doc = NewDocument {
        dossier_id: meta.dossier_id,
        file_name: &meta.file_name,
        bytes,
        kind: meta.kind,
        title: &meta.title,
        supplied_by: meta.supplied_by,
        received_on: &meta.received_on,
    };
    Ok(sources::add_document(&state.db()?, &doc, &reading, &state.actor).await?)
}

/// Reads a stored document again with the password the investigator gave; its text takes
/// the place of none. A wrong password is said and changes nothing.
#[tauri::command]
pub async fn source_unlock(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    password: String,
) -> Result<SourceAdded, CommandError> {
    let db = state.db()?;
    let (file_name, bytes) = sources::original(db.pool(), id).await?;
    let reading = read_document(app, file_name, bytes, Some(password)).await?;
    if reading.text.is_none() {
        let problem = reading
            .problem
            .map(|p| p.to_string())
            .unwrap_or_else(|| "er kwam geen tekst uit het stuk".into());
        return Err(CommandError::Reader(problem));
    }
    Ok(sources::read_again(&db, id, &reading, &state.actor).await?)
}

/// Gives a source without text the text the investigator typed or pasted.
#[tauri::command]
pub async fn source_set_text(
    state: State<'_, AppState>,
    id: i64,
    text: String,
) -> Result<SourceSummary, CommandError> {
    Ok(sources::set_text(&state.db()?, id, &text, &state.actor).await?)
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
