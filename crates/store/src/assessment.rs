//! Beoordeling: reading and saving each complaint point's norms, outcomes, considerations and
//! verdict, and the recommendations with the body's responses. A save replaces a point's
//! judgements whole, as one undoable edit; so do a recommendation's save and removal.

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{conflicts, overview, points, recommendations, Actor, Db};
use serde_json::json;
use std::collections::HashMap;
use wederhoor_core::norms;
use wederhoor_core::vocab::Resolution;
use wederhoor_core::wire::{
    AssessmentView, ChangeVerb, FieldCode, FieldError, ItemKind, JudgementEdit, PointAssessment,
    PointAssessmentEdit, RecommendationView,
};

fn invalid(field: &str, code: FieldCode) -> Error {
    Error::Invalid(vec![FieldError {
        field: field.into(),
        code,
    }])
}

/// Beoordeling of the dossier with this id.
pub async fn view(db: &Db, dossier_id: i64) -> Result<AssessmentView> {
    let pool = db.pool();
    let point_rows = points::list(&mut *pool.acquire().await?, dossier_id).await?;
    let conflict_rows = conflicts::list(&mut *pool.acquire().await?, dossier_id).await?;
    let checks = overview::checks_of(&point_rows, &conflict_rows);
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
    let recommendations = recommendations::list(&mut *pool.acquire().await?, dossier_id)
        .await?
        .into_iter()
        .map(|r| RecommendationView {
            id: Some(r.id),
            complaint_point_id: r.complaint_point_id,
            text: r.text,
            response: r.response,
        })
        .collect();
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
            return Err(invalid(
                &format!("judgements.{i}.norm"),
                FieldCode::UnknownNorm,
            ));
        }
        if edit.judgements[..i]
            .iter()
            .any(|j| j.norm == judgement.norm)
        {
            return Err(invalid(
                &format!("judgements.{i}.norm"),
                FieldCode::DuplicateNorm,
            ));
        }
    }
    let row: Option<(i64, i64)> =
        sqlx::query_as("SELECT dossier_id, number FROM complaint_points WHERE id = ?")
            .bind(edit.point_id)
            .fetch_optional(db.pool())
            .await?;
    let (dossier_id, number) =
        row.ok_or_else(|| Error::NotFound(format!("klachtonderdeel {}", edit.point_id)))?;
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Judgement,
        ChangeVerb::Update,
        &format!("klachtonderdeel {number}"),
        false,
    )
    .await?;
    sqlx::query("DELETE FROM judgements WHERE complaint_point_id = ?")
        .bind(edit.point_id)
        .execute(change.conn())
        .await?;
    for judgement in &edit.judgements {
        sqlx::query("INSERT INTO judgements (complaint_point_id, norm, outcome, considerations) VALUES (?, ?, ?, ?)")
            .bind(edit.point_id)
            .bind(&judgement.norm)
            .bind(judgement.outcome.code())
            .bind(&judgement.considerations)
            .execute(change.conn())
            .await?;
    }
    sqlx::query("UPDATE complaint_points SET verdict = ? WHERE id = ?")
        .bind(edit.verdict.code())
        .bind(edit.point_id)
        .execute(change.conn())
        .await?;
    let detail = json!({
        "point": number,
        "verdict": edit.verdict.code(),
        "norms": edit.judgements.iter().map(|j| format!("{}={}", j.norm, j.outcome.code())).collect::<Vec<_>>(),
    });
    change.commit(actor, "point.assess", detail).await
}

/// Adds (no id) or changes a recommendation; returns its id.
pub async fn save_recommendation(
    db: &Db,
    dossier_id: i64,
    rec: &RecommendationView,
    actor: &Actor,
) -> Result<i64> {
    if rec.text.trim().is_empty() {
        return Err(invalid("text", FieldCode::Required));
    }
    let verb = if rec.id.is_some() {
        ChangeVerb::Update
    } else {
        ChangeVerb::Create
    };
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Recommendation,
        verb,
        &crate::changes::subject_of(&rec.text),
        false,
    )
    .await?;
    if let Some(point) = rec.complaint_point_id {
        points::require_in_dossier(change.conn(), point, dossier_id).await?;
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
                .execute(change.conn())
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
            .execute(change.conn())
            .await?
            .last_insert_rowid(),
    };
    change
        .commit(
            actor,
            "recommendation.save",
            json!({ "recommendation": id }),
        )
        .await?;
    Ok(id)
}

/// Removes a recommendation, as an undoable edit.
pub async fn delete_recommendation(db: &Db, id: i64, actor: &Actor) -> Result<()> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT dossier_id, text FROM recommendations WHERE id = ?")
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    let (dossier_id, text) = row.ok_or_else(|| Error::NotFound(format!("aanbeveling {id}")))?;
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Recommendation,
        ChangeVerb::Remove,
        &crate::changes::subject_of(&text),
        false,
    )
    .await?;
    let removed = sqlx::query("DELETE FROM recommendations WHERE id = ?")
        .bind(id)
        .execute(change.conn())
        .await?;
    if removed.rows_affected() == 0 {
        return Err(Error::NotFound(format!("aanbeveling {id}")));
    }
    change
        .commit(
            actor,
            "recommendation.delete",
            json!({ "recommendation": id }),
        )
        .await
}
