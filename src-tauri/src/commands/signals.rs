//! Signalen: the counts across the dossiers of a period typed in the screen, and the council's
//! yearly overview as PDF or the counts as CSV, written where the user chooses in the save
//! dialog and put on record in the audit log (anonymised, but data left the database).

use crate::commands::saving::{save_as, FileKind};
use crate::error::CommandError;
use crate::state::AppState;
use std::path::PathBuf;
use tauri::{AppHandle, State};
use wederhoor_core::wire::{ReportExported, SignalPeriod, Signals};
use wederhoor_report::overview::{self, Overview};
use wederhoor_store::{audit, signals as counted, Error};

const PDF: FileKind = FileKind {
    filter: "PDF",
    extension: "pdf",
    fallback: "signalen.pdf",
};

const CSV: FileKind = FileKind {
    filter: "CSV",
    extension: "csv",
    fallback: "signalen.csv",
};

/// A period as typed (`1-1-2025`, empty for an open side); what cannot be read comes back as
/// kind `invalid` with the fields `from` and `to`.
fn period(from: &str, to: &str) -> Result<SignalPeriod, CommandError> {
    SignalPeriod::from_typed(from, to).map_err(|fields| CommandError::Store(Error::Invalid(fields)))
}

/// The counts of the dossiers received in the period.
#[tauri::command]
pub async fn signals(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Signals, CommandError> {
    Ok(counted::signals(&state.db()?, &period(&from, &to)?).await?)
}

/// The yearly overview of the period, as the CLI's `wederhoor signals -o` makes it.
async fn overview_of(state: &AppState, from: &str, to: &str) -> Result<Overview, CommandError> {
    let (db, period) = (state.db()?, period(from, to)?);
    let signals = counted::signals(&db, &period).await?;
    Ok(Overview {
        ombudsman: counted::ombudsman(&db, &signals).await?,
        period,
        made_on: crate::clock::today(),
        register: counted::register(&db, &signals).await?,
        signals,
    })
}

/// The yearly overview as PDF, saved where the user chooses (`file_name` proposed); `None` when
/// the dialog is cancelled.
#[tauri::command]
pub async fn signals_export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    from: String,
    to: String,
    file_name: String,
) -> Result<Option<ReportExported>, CommandError> {
    let overview = overview_of(&state, &from, &to).await?;
    let (pdf, _pages) = tauri::async_runtime::spawn_blocking(move || overview::export(&overview))
        .await
        .map_err(|e| CommandError::Write(format!("de export brak af: {e}")))??;
    let saved = save_as(&app, &pdf, &file_name, &PDF).await?;
    record(&state, "export.signals_pdf", saved, pdf.len(), &from, &to).await
}

/// The counts as CSV (for the council's own analysis), saved the same way.
#[tauri::command]
pub async fn signals_export_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    from: String,
    to: String,
    file_name: String,
) -> Result<Option<ReportExported>, CommandError> {
    let csv = overview::csv(&overview_of(&state, &from, &to).await?);
    let saved = save_as(&app, csv.as_bytes(), &file_name, &CSV).await?;
    record(&state, "export.signals_csv", saved, csv.len(), &from, &to).await
}

/// Puts a written export on record, as the CLI does (same action and details), and says
/// where it went.
async fn record(
    state: &AppState,
    action: &str,
    saved: Option<PathBuf>,
    bytes: usize,
    from: &str,
    to: &str,
) -> Result<Option<ReportExported>, CommandError> {
    let Some(target) = saved else {
        return Ok(None);
    };
    let period = period(from, to)?;
    let detail = serde_json::json!({
        "to": target.display().to_string(),
        "bytes": bytes,
        "from": period.from,
        "until": period.to,
    });
    audit::record(&state.db()?, &state.actor, action, None, &detail).await?;
    Ok(Some(ReportExported {
        path: target.display().to_string(),
        bytes: bytes as u64,
        redactions: Vec::new(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wederhoor_core::wire::{ErrorKind, FieldCode};

    #[test]
    fn a_period_that_cannot_be_read_comes_back_per_field_so_the_screen_marks_each() {
        let wire = period("31-2-2025", "1-1-2024").unwrap_err().to_wire();
        assert_eq!(wire.kind, ErrorKind::Invalid, "bad dates are invalid input");
        let fields: Vec<_> = wire
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.code))
            .collect();
        assert_eq!(
            fields,
            vec![("from", FieldCode::InvalidDate)],
            "31 February does not exist; with no start, `to` is not compared"
        );
        let wire = period("1-6-2025", "31-5-2025").unwrap_err().to_wire();
        assert_eq!(
            wire.fields
                .iter()
                .map(|f| (f.field.as_str(), f.code))
                .collect::<Vec<_>>(),
            vec![("to", FieldCode::BeforeStart)],
            "an end before the start is the end's fault"
        );
    }

    #[test]
    fn empty_fields_mean_the_whole_library() {
        let whole = period(" ", "").expect("empty sides are open");
        assert_eq!(
            whole,
            SignalPeriod::default(),
            "no bounds: every dossier counts"
        );
        let year = period("1-1-2025", "31-12-2025").expect("a Dutch-typed year");
        assert_eq!(year, SignalPeriod::year(2025), "typed days become ISO days");
    }
}
