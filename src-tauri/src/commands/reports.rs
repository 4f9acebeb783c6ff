//! Rapport: versions (draft from the template, save, copy, finalise), the live preview that
//! uses the PDF's own HTML, and the export to PDF with progress.

use crate::commands::saving::{save_as, FileKind};
use crate::error::CommandError;
use crate::state::AppState;
use tauri::{AppHandle, Emitter, State};
use wederhoor_core::vocab::ReportKind;
use wederhoor_core::wire::{ExportStep, ReportExported, ReportPreview, ReportVersion};
use wederhoor_report::draft::draft;
use wederhoor_report::export::{prepare, redaction_line, render_version, StoredText, Version};
use wederhoor_report::html::preview_document;
use wederhoor_report::public::Allowed;
use wederhoor_store::{allowances, dossier_file, dossiers, reports};

const PDF: FileKind = FileKind {
    filter: "PDF",
    extension: "pdf",
    fallback: "rapport.pdf",
};

fn version_of(public: bool) -> Version {
    if public {
        Version::Public
    } else {
        Version::Confidential
    }
}

/// What the investigator allowed in this dossier's public versions.
async fn allowed(state: &AppState, dossier_id: i64) -> Result<Allowed, CommandError> {
    let mut conn = state.conn().await?;
    Ok(Allowed::new(
        allowances::allowed(&mut conn, dossier_id).await?,
    ))
}

async fn reference(state: &AppState, dossier_id: i64) -> Result<String, CommandError> {
    Ok(dossiers::by_id(state.db()?.pool(), dossier_id)
        .await?
        .reference)
}

/// Every version of the dossier's reports, newest first.
#[tauri::command]
pub async fn report_versions(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> Result<Vec<ReportVersion>, CommandError> {
    Ok(reports::versions(&state.db()?, dossier_id).await?)
}

/// A new draft of `kind` made from the dossier as it is now.
#[tauri::command]
pub async fn report_draft(
    state: State<'_, AppState>,
    dossier_id: i64,
    kind: ReportKind,
) -> Result<ReportVersion, CommandError> {
    let snapshot =
        dossier_file::snapshot(&state.db()?, &reference(&state, dossier_id).await?).await?;
    let id = reports::create_draft(
        &state.db()?,
        dossier_id,
        kind,
        &draft(&snapshot, kind),
        &state.actor,
    )
    .await?;
    Ok(reports::version(&state.db()?, id).await?.1)
}

/// A new draft with the text of an earlier version (to go on after a final one); a letter
/// keeps its addressee, what it asks and its term.
#[tauri::command]
pub async fn report_copy(
    state: State<'_, AppState>,
    version_id: i64,
) -> Result<ReportVersion, CommandError> {
    let id = reports::copy(&state.db()?, version_id, &state.actor).await?;
    Ok(reports::version(&state.db()?, id).await?.1)
}

/// Saves a draft's text (autosave).
#[tauri::command]
pub async fn report_save(
    state: State<'_, AppState>,
    version_id: i64,
    markdown: String,
) -> Result<ReportVersion, CommandError> {
    reports::save_text(&state.db()?, version_id, &markdown, &state.actor).await?;
    Ok(reports::version(&state.db()?, version_id).await?.1)
}

/// Makes a draft final, dated today; refused while the checks block it.
#[tauri::command]
pub async fn report_finalise(
    state: State<'_, AppState>,
    version_id: i64,
) -> Result<ReportVersion, CommandError> {
    let today = crate::clock::today();
    reports::finalise(&state.db()?, version_id, today, &state.actor).await?;
    Ok(reports::version(&state.db()?, version_id).await?.1)
}

/// The HTML the PDF would be made from, for the live preview.
#[tauri::command]
pub async fn report_preview(
    state: State<'_, AppState>,
    dossier_id: i64,
    kind: ReportKind,
    markdown: String,
    public: bool,
) -> Result<ReportPreview, CommandError> {
    let snapshot =
        dossier_file::snapshot(&state.db()?, &reference(&state, dossier_id).await?).await?;
    let today = crate::clock::today();
    let allowed = allowed(&state, dossier_id).await?;
    let prepared = prepare(
        &snapshot,
        kind,
        &markdown,
        today,
        version_of(public),
        &allowed,
    );
    Ok(ReportPreview {
        html: preview_document(&prepared.html),
        redactions: prepared.redactions.iter().map(redaction_line).collect(),
        findings: prepared.findings,
        refusal: prepared.refusal,
    })
}

fn progress(app: &AppHandle, step: ExportStep) {
    // Progress is a courtesy: a window that stopped listening must not fail the export.
    let _ = app.emit("report-export-progress", step);
}

/// Renders a version to PDF; a public version is checked for names and personal details
/// before anything is asked or written. Then the save dialog opens — from here, so the web view
/// never hands a path to write to — with `file_name` proposed. `None` when the user cancels.
#[tauri::command]
pub async fn report_export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    version_id: i64,
    public: bool,
    file_name: String,
) -> Result<Option<ReportExported>, CommandError> {
    progress(&app, ExportStep::Gathering);
    let (dossier_id, version) = reports::version(&state.db()?, version_id).await?;
    let snapshot =
        dossier_file::snapshot(&state.db()?, &reference(&state, dossier_id).await?).await?;
    let allowed = allowed(&state, dossier_id).await?;
    let today = crate::clock::today();
    let events = app.clone();
    let kind = version.kind;
    let rendered = tauri::async_runtime::spawn_blocking(move || {
        let text = StoredText {
            markdown: &version.markdown,
            date: version.date.as_deref(),
        };
        render_version(
            &snapshot,
            version.kind,
            Some(text),
            today,
            version_of(public),
            &allowed,
            &mut |step| progress(&events, step),
        )
    })
    .await
    .map_err(|e| CommandError::Write(format!("de export brak af: {e}")))??;
    let exported = rendered.exported;
    progress(&app, ExportStep::Saving);
    let Some(target) = save_as(&app, &exported.pdf, &file_name, &PDF).await? else {
        return Ok(None);
    };
    // Personal data left the database: on record, with which version and whether public.
    let detail = serde_json::json!({
        "kind": kind.code(),
        "version_id": version_id,
        "public": public,
        "to": target.display().to_string(),
        "bytes": exported.pdf.len(),
    });
    let reference = reference(&state, dossier_id).await?;
    wederhoor_store::audit::record(
        &state.db()?,
        &state.actor,
        "export.pdf",
        Some(&reference),
        &detail,
    )
    .await?;
    Ok(Some(ReportExported {
        path: target.display().to_string(),
        bytes: exported.pdf.len() as u64,
        redactions: exported.redactions.iter().map(redaction_line).collect(),
    }))
}
