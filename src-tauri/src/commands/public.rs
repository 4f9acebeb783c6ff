//! The public version's allowances: personal details and names the investigator lets a
//! public export print, each with a reason (logged).

use crate::error::CommandError;
use crate::state::AppState;
use tauri::State;
use wederhoor_core::personal::DetailKind;
use wederhoor_core::wire::PublicAllowance;
use wederhoor_store::allowances;

/// The dossier's allowances, oldest first.
#[tauri::command]
pub async fn public_allowances(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> Result<Vec<PublicAllowance>, CommandError> {
    let mut conn = state.conn().await?;
    Ok(allowances::list(&mut conn, dossier_id)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Allows a finding of a refused public export, with the reason; returns all allowances.
#[tauri::command]
pub async fn public_allow(
    state: State<'_, AppState>,
    dossier_id: i64,
    kind: DetailKind,
    key: String,
    shown: String,
    reason: String,
) -> Result<Vec<PublicAllowance>, CommandError> {
    allowances::allow(
        &state.db()?,
        dossier_id,
        kind,
        &key,
        &shown,
        &reason,
        &state.actor,
    )
    .await?;
    public_allowances(state, dossier_id).await
}

/// Withdraws an allowance; returns the dossier's remaining ones.
#[tauri::command]
pub async fn public_withdraw(
    state: State<'_, AppState>,
    dossier_id: i64,
    id: i64,
) -> Result<Vec<PublicAllowance>, CommandError> {
    allowances::withdraw(&state.db()?, id, &state.actor).await?;
    public_allowances(state, dossier_id).await
}
