//! Beoordeling: each point's norms, outcomes and verdict; recommendations and responses.

use crate::error::CommandError;
use crate::state::AppState;
use tauri::State;
use wederhoor_core::wire::{AssessmentView, PointAssessmentEdit, RecommendationView};
use wederhoor_store::assessment;

/// Beoordeling of a dossier, with the rule checks.
#[tauri::command]
pub async fn assessment_view(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> Result<AssessmentView, CommandError> {
    Ok(assessment::view(&state.db()?, dossier_id).await?)
}

/// Saves one point's judgements and verdict; returns the refreshed view.
#[tauri::command]
pub async fn assessment_save_point(
    state: State<'_, AppState>,
    dossier_id: i64,
    edit: PointAssessmentEdit,
) -> Result<AssessmentView, CommandError> {
    assessment::save_point(&state.db()?, &edit, &state.actor).await?;
    Ok(assessment::view(&state.db()?, dossier_id).await?)
}

/// Adds or changes a recommendation; returns the refreshed view.
#[tauri::command]
pub async fn recommendation_save(
    state: State<'_, AppState>,
    dossier_id: i64,
    recommendation: RecommendationView,
) -> Result<AssessmentView, CommandError> {
    assessment::save_recommendation(&state.db()?, dossier_id, &recommendation, &state.actor)
        .await?;
    Ok(assessment::view(&state.db()?, dossier_id).await?)
}

/// Removes a recommendation; returns the refreshed view.
#[tauri::command]
pub async fn recommendation_delete(
    state: State<'_, AppState>,
    dossier_id: i64,
    id: i64,
) -> Result<AssessmentView, CommandError> {
    assessment::delete_recommendation(&state.db()?, id, &state.actor).await?;
    Ok(assessment::view(&state.db()?, dossier_id).await?)
}
