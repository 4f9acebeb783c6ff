//! Saving an export where the user chooses: the save dialog opens from Rust, so the web view
//! proposes a file name but never names a place, and the bytes are written whole or not at all.

use crate::error::CommandError;
use std::path::PathBuf;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// What kind of file is saved: the dialog's filter name, the extension, and the name proposed
/// when the UI proposes none.
pub struct FileKind {
    /// The filter's name in the dialog, e.g. "PDF".
    pub filter: &'static str,
    /// The extension without the dot.
    pub extension: &'static str,
    /// The name proposed when the UI's proposal is empty.
    pub fallback: &'static str,
}

/// Asks where to save (`proposed` as the name) and writes the bytes there atomically; `None`
/// when the user cancels.
pub async fn save_as(
    app: &AppHandle,
    bytes: &[u8],
    proposed: &str,
    kind: &FileKind,
) -> Result<Option<PathBuf>, CommandError> {
    let dialog = app
        .dialog()
        .file()
        .set_file_name(proposed_name(proposed, kind.fallback))
        .add_filter(kind.filter, &[kind.extension]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| CommandError::Write(format!("het opslagvenster brak af: {e}")))?;
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    let target = chosen
        .into_path()
        .map_err(|e| CommandError::Write(format!("geen bestand gekozen: {e}")))?;
    wederhoor_store::files::write_atomically(&target, bytes).map_err(|e| {
        CommandError::Write(format!("kan {} niet schrijven: {e}", target.display()))
    })?;
    Ok(Some(target))
}

/// The proposed name without any folder; `fallback` when nothing is left.
pub fn proposed_name(name: &str, fallback: &str) -> String {
    let base = std::path::Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().trim().to_string())
        .unwrap_or_default();
    if base.is_empty() {
        fallback.to_string()
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::proposed_name;

    #[test]
    fn the_proposed_name_never_carries_a_folder() {
        assert_eq!(
            proposed_name("../../etc/jaaroverzicht-2025.pdf", "signalen.pdf"),
            "jaaroverzicht-2025.pdf",
            "the web view proposes a name, never a place"
        );
        assert_eq!(
            proposed_name(" ", "signalen.csv"),
            "signalen.csv",
            "an empty name gets the default"
        );
    }
}
