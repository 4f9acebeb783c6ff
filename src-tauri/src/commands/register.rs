//! Register import: preview with a mapping, then import with progress events.

use super::raw::bytes_and_meta;
use crate::error::CommandError;
use crate::state::AppState;
use tauri::ipc::Request;
use tauri::{AppHandle, Emitter, State};
use wederhoor_core::wire::{
    RegisterImportMeta, RegisterImported, RegisterMapping, RegisterPreview,
};
use wederhoor_store::register;

/// The event carrying `ImportProgress` while an import runs.
pub const PROGRESS_EVENT: &str = "register-import-progress";

/// What importing these bytes would do; the meta header holds the mapping or `null` to guess it.
#[tauri::command]
pub async fn register_preview(request: Request<'_>) -> Result<RegisterPreview, CommandError> {
    let (bytes, mapping): (&[u8], Option<RegisterMapping>) = bytes_and_meta(&request)?;
    Ok(register::preview(bytes, mapping.as_ref())?)
}

/// Imports the export with the confirmed mapping, emitting progress events.
#[tauri::command]
pub async fn register_import(
    app: AppHandle,
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<RegisterImported, CommandError> {
    let (bytes, meta): (&[u8], RegisterImportMeta) = bytes_and_meta(&request)?;
    let progress = |p| {
        let _ = app.emit(PROGRESS_EVENT, p);
    };
    let imported = register::import(&state.db()?, &meta, bytes, &state.actor, progress).await?;
    Ok(imported)
}
