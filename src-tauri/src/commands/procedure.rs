//! The Verloop: procedure steps made, edited and removed, their terms as judged today, the
//! norms they point to accepted or dismissed, the dossier list with its terms, the start
//! notice, and the procedure letters with the step a final letter records.

use crate::clock::today;
use crate::error::CommandError;
use crate::state::AppState;
use tauri::State;
use wederhoor_core::steps;
use wederhoor_core::wire::{
    DeadlineSummary, DossierRow, EventInput, FieldCode, FieldError, LetterInput, ProcedureView,
    ReportVersion, StepOffer,
};
use wederhoor_report::draft::{draft_letter, Letter};
use wederhoor_store::{dossier_file, dossiers, events, parties, procedure, reports, suggestions};

/// The Verloop of a dossier.
#[tauri::command]
pub async fn procedure_view(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> Result<ProcedureView, CommandError> {
    Ok(procedure::view(&state.db()?, dossier_id, today()).await?)
}

/// Adds or saves a procedure step; returns its id.
#[tauri::command]
pub async fn event_save(
    state: State<'_, AppState>,
    input: EventInput,
) -> Result<i64, CommandError> {
    Ok(events::save(&state.db()?, &input, today(), &state.actor).await?)
}

/// Removes a procedure step.
#[tauri::command]
pub async fn event_remove(
    state: State<'_, AppState>,
    dossier_id: i64,
    id: i64,
) -> Result<(), CommandError> {
    Ok(events::remove(&state.db()?, dossier_id, id, &state.actor).await?)
}

/// Accepts an offered norm on a complaint point (its outcome stays open).
#[tauri::command]
pub async fn procedure_accept_norm(
    state: State<'_, AppState>,
    dossier_id: i64,
    key: String,
    point_id: i64,
) -> Result<(), CommandError> {
    Ok(procedure::accept(
        &state.db()?,
        dossier_id,
        &key,
        point_id,
        today(),
        &state.actor,
    )
    .await?)
}

/// Dismisses an offered norm; it is not offered again (undoable).
#[tauri::command]
pub async fn procedure_dismiss_norm(
    state: State<'_, AppState>,
    dossier_id: i64,
    key: String,
) -> Result<(), CommandError> {
    Ok(suggestions::dismiss(&state.db()?, dossier_id, &key, &state.actor).await?)
}

/// Every dossier with its open terms, overdue dossiers first.
#[tauri::command]
pub async fn dossier_rows(state: State<'_, AppState>) -> Result<Vec<DossierRow>, CommandError> {
    Ok(procedure::rows(&state.db()?, today()).await?)
}

/// Every open term of every dossier, for the start notice.
#[tauri::command]
pub async fn deadlines(state: State<'_, AppState>) -> Result<DeadlineSummary, CommandError> {
    Ok(procedure::deadlines(&state.db()?, today(), None).await?)
}

/// A new draft of a procedure letter, with what it asks, of whom and by when.
#[tauri::command]
pub async fn letter_draft(
    state: State<'_, AppState>,
    input: LetterInput,
) -> Result<ReportVersion, CommandError> {
    let db = state.db()?;
    let today = today();
    let terms = steps::letter_terms(&input, today).map_err(wederhoor_store::Error::Invalid)?;
    let reference = dossiers::by_id(db.pool(), input.dossier_id)
        .await?
        .reference;
    let snapshot = dossier_file::snapshot(&db, &reference).await?;
    // The file's party ids number the parties in stored order (p1, p2, ...), as the list has them.
    let to = match input.party_id {
        Some(id) => {
            let all = parties::list(&mut *state.conn().await?, input.dossier_id).await?;
            let at = all.iter().position(|p| p.id == id).ok_or_else(|| {
                wederhoor_store::Error::Invalid(vec![FieldError {
                    field: "partyId".into(),
                    code: FieldCode::UnknownParty,
                }])
            })?;
            Some(format!("p{}", at + 1))
        }
        None => None,
    };
    let letter = Letter {
        to,
        asks: input.asks.trim().to_string(),
        due_on: terms,
        date: today,
    };
    let markdown = draft_letter(&snapshot, input.kind, &letter);
    let kept = reports::LetterTerms {
        party_id: input.party_id,
        asks: letter.asks.clone(),
        due_on: terms,
    };
    let id = reports::create_letter(
        &db,
        input.dossier_id,
        input.kind,
        &markdown,
        &kept,
        &state.actor,
    )
    .await?;
    Ok(reports::version(&db, id).await?.1)
}

/// The step a final letter offers to record, filled from the letter; `null` for another report.
#[tauri::command]
pub async fn letter_step_offer(
    state: State<'_, AppState>,
    version_id: i64,
) -> Result<Option<StepOffer>, CommandError> {
    Ok(reports::step_offer(&state.db()?, version_id).await?)
}
