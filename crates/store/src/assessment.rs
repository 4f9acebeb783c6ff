//! Beoordeling: reading and saving each complaint point's norms, outcomes, considerations and
//! verdict, and the recommendations with the body's responses. A save replaces a point's
//! judgements whole, in one transaction with its audit entry.

use crate::error::{Error, Result};
use crate::{audit, conflicts, dossiers, overview, points, recommendations, Actor, Db};
use std::collections::HashMap;
use wederhoor_core::norms;
use wederhoor_core::vocab::Resolution;
use wederhoor_core::wire::{
    AssessmentView, FieldError, JudgementEdit, PointAssessment, PointAssessmentEdit,
    RecommendationView,
};

fn invalid(field: &str, code: &str) -> Error {
    Error::Invalid(vec![FieldError {
        field: field.into(),
        code: code.into(),
    }])
}

/// Beoordeling of the dossier with this id.
pub async fn view(db: &Db, dossier_id: i64) -> Result<AssessmentView> {
    let pool = db.pool();
    let point_rows = points::list(pool, dossier_id).await?;
    let conflict_rows = conflicts::list(pool, dossier_id).await?;
    let mut open: HashMap<i64, u32> = HashMap::new();
    for conflict in conflict_rows
        .iter()
        .filter(|c| c.resolution == Resolution::Open)
    {
        if let Some(point) = conflict.complaint_point_id {
            *open.entry(point).or_default() += 1;
        }
    }
    let points = point_rows
        .into_iter()
        .map(|p| PointAssessment {
            id: p.id,
            number: p.number,
            text: p.text,
            verdict: p.verdict,
            open_conflicts: open.get(&p.id).copied().unwrap_or(0),
            judgements: p
                .judgements
                .into_iter()
                .map(|j| JudgementEdit {
                    norm: j.norm,
                    outcome: j.outcome,
                    considerations: j.considerations,
                })
                .collect(),
        })
        .collect();
    let recommendations = recommendations::list(pool, dossier_id)
        .await?
        .into_iter()
        .map(|r| RecommendationView {
            id: Some(r.id),
            complaint_point_id: r.complaint_point_id,
            text: r.text,
            response: r.response,
        })
        .collect();
    let checks = overview::overview(db, dossier_id).await?.checks;
    Ok(AssessmentView {
        points,
        recommendations,
        checks,
    })
}

/// Replaces one point's judgements and verdict. Unknown norms and a norm tested twice are
/// refused; the consistency rules are not enforced here but reported by the checks, since an
/// assessment is written in steps.
pub async fn save_point(db: &Db, edit: &PointAssessmentEdit, actor: &Actor) -> Result<()> {
    for (i, judgement) in edit.judgements.iter().enumerate() {
        if norms::find(&judgement.norm).is_none() {
            return Err(invalid(&format!("judgements.{i}.norm"), "unknown_norm"));
        }
        if edit.judgements[..i]
            .iter()
            .any(|j| j.norm == judgement.norm)
        {
            return Err(invalid(&format!("judgements.{i}.norm"), "duplicate_norm"));
        }
    }
    let mut tx = db.pool().begin().await?;
    let row: Option<(i64, i64)> =
        sqlx::query_as("SELECT dossier_id, number FROM complaint_points WHERE id = ?")
            .bind(edit.point_id)
            .fetch_optional(&mut *tx)
            .await?;
    let (dossier_id, number) =
        row.ok_or_else(|| Error::NotFound(format!("klachtonderdeel {}", edit.point_id)))?;
    sqlx::query("DELETE FROM judgements WHERE complaint_point_id = ?")
        .bind(edit.point_id)
        .execute(&mut *tx)
        .await?;
    for judgement in &edit.judgements {
        sqlx::query("INSERT INTO judgements (complaint_point_id, norm, outcome, considerations) VALUES (?, ?, ?, ?)")
            .bind(edit.point_id)
            .bind(&judgement.norm)
            .bind(judgement.outcome.code())
            .bind(&judgement.considerations)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("UPDATE complaint_points SET verdict = ? WHERE id = ?")
        .bind(edit.verdict.code())
        .bind(edit.point_id)
        .execute(&mut *tx)
        .await?;
    let reference = dossiers::reference_of(&mut tx, dossier_id).await?;
    let detail = serde_json::json!({
        "point": number,
        "verdict": edit.verdict.code(),
        "norms": edit.judgements.iter().map(|j| format!("{}={}", j.norm, j.outcome.code())).collect::<Vec<_>>(),
    });
    audit::append(&mut tx, actor, "point.assess", Some(&reference), &detail).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds (no id) or changes a recommendation; returns its id.
pub async fn save_recommendation(
    db: &Db,
    dossier_id: i64,
    rec: &RecommendationView,
    actor: &Actor,
) -> Result<i64> {
    if rec.text.trim().is_empty() {
        return Err(invalid("text", "required"));
    }
    let mut tx = db.pool().begin().await?;
    dossiers::require(&mut tx, dossier_id).await?;
    if let Some(point) = rec.complaint_point_id {
        points::require_in_dossier(&mut tx, point, dossier_id).await?;
    }
    let response = rec
        .response
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let id = match rec.id {
        Some(id) => {
            let changed = sqlx::query("UPDATE recommendations SET complaint_point_id = ?, text = ?, response = ? WHERE id = ? AND dossier_id = ?")
                .bind(rec.complaint_point_id)
                .bind(rec.text.trim())
                .bind(response)
                .bind(id)
                .bind(dossier_id)
                .execute(&mut *tx)
                .await?;
            if changed.rows_affected() == 0 {
                return Err(Error::NotFound(format!("aanbeveling {id}")));
            }
            id
        }
        None => sqlx::query("INSERT INTO recommendations (dossier_id, complaint_point_id, text, response) VALUES (?, ?, ?, ?)")
            .bind(dossier_id)
            .bind(rec.complaint_point_id)
            .bind(rec.text.trim())
            .bind(response)
            .execute(&mut *tx)
            .await?
            .last_insert_rowid(),
    };
    let reference = dossiers::reference_of(&mut tx, dossier_id).await?;
    let detail = serde_json::json!({ "recommendation": id });
    audit::append(
        &mut tx,
        actor,
        "recommendation.save",
        Some(&reference),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes a recommendation.
pub async fn delete_recommendation(db: &Db, id: i64, actor: &Actor) -> Result<()> {
    let mut tx = db.pool().begin().await?;
    let row: Option<(i64,)> = sqlx::query_as("SELECT dossier_id FROM recommendations WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let (dossier_id,) = row.ok_or_else(|| Error::NotFound(format!("aanbeveling {id}")))?;
    sqlx::query("DELETE FROM recommendations WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let reference = dossiers::reference_of(&mut tx, dossier_id).await?;
    let detail = serde_json::json!({ "recommendation": id });
    audit::append(
        &mut tx,
        actor,
        "recommendation.delete",
        Some(&reference),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
