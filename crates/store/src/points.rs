//! Complaint points (klachtonderdelen) with their judgements against norms and their verdict.

use crate::error::{Error, Result};
use crate::vocab;
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::HashMap;
use wederhoor_core::file::{FileComplaintPoint, FileJudgement};
use wederhoor_core::norms;
use wederhoor_core::vocab::{Outcome, Verdict};
use wederhoor_core::wire::{ComplaintPointView, FieldError, JudgementView};

/// A complaint point with its judgements, as stored.
#[derive(Debug, Clone)]
pub struct PointRecord {
    /// Database id.
    pub id: i64,
    /// Number in the complaint.
    pub number: u32,
    /// Text.
    pub text: String,
    /// Verdict.
    pub verdict: Verdict,
    /// Judgements in order.
    pub judgements: Vec<FileJudgement>,
}

impl PointRecord {
    /// The Overzicht's view of this point.
    pub fn to_view(&self) -> ComplaintPointView {
        ComplaintPointView {
            id: self.id,
            number: self.number,
            text: self.text.clone(),
            verdict: self.verdict,
            judgements: self
                .judgements
                .iter()
                .map(|j| JudgementView {
                    norm: j.norm.clone(),
                    norm_name: norms::find(&j.norm)
                        .map_or_else(|| j.norm.clone(), |n| n.name.to_string()),
                    outcome: j.outcome,
                })
                .collect(),
        }
    }
}

/// Inserts a complaint point with its judgements.
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    point: &FileComplaintPoint,
) -> Result<i64> {
    let result = sqlx::query(
        "INSERT INTO complaint_points (dossier_id, number, text, verdict) VALUES (?, ?, ?, ?)",
    )
    .bind(dossier_id)
    .bind(i64::from(point.number))
    .bind(&point.text)
    .bind(point.verdict.code())
    .execute(&mut *conn)
    .await?;
    let id = result.last_insert_rowid();
    for judgement in &point.judgements {
        sqlx::query("INSERT INTO judgements (complaint_point_id, norm, outcome, considerations) VALUES (?, ?, ?, ?)")
            .bind(id)
            .bind(&judgement.norm)
            .bind(judgement.outcome.code())
            .bind(&judgement.considerations)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// The complaint points of a dossier by number, with their judgements.
pub async fn list(pool: &SqlitePool, dossier_id: i64) -> Result<Vec<PointRecord>> {
    let points: Vec<(i64, i64, String, String)> =
        sqlx::query_as("SELECT id, number, text, verdict FROM complaint_points WHERE dossier_id = ? ORDER BY number")
            .bind(dossier_id)
            .fetch_all(pool)
            .await?;
    let judgements: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT j.complaint_point_id, j.norm, j.outcome, j.considerations FROM judgements j
         JOIN complaint_points k ON k.id = j.complaint_point_id WHERE k.dossier_id = ? ORDER BY j.id",
    )
    .bind(dossier_id)
    .fetch_all(pool)
    .await?;
    let mut by_point: HashMap<i64, Vec<FileJudgement>> = HashMap::new();
    for (point_id, norm, outcome, considerations) in judgements {
        let outcome = vocab(&outcome, Outcome::from_code)?;
        by_point.entry(point_id).or_default().push(FileJudgement {
            norm,
            outcome,
            considerations,
        });
    }
    points
        .into_iter()
        .map(|(id, number, text, verdict)| {
            Ok(PointRecord {
                id,
                number: number as u32,
                text,
                verdict: vocab(&verdict, Verdict::from_code)?,
                judgements: by_point.remove(&id).unwrap_or_default(),
            })
        })
        .collect()
}

/// Refuses (as invalid `complaintPointId`) a complaint point that is not of this dossier.
pub async fn require_in_dossier(
    conn: &mut SqliteConnection,
    point_id: i64,
    dossier_id: i64,
) -> Result<()> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM complaint_points WHERE id = ? AND dossier_id = ?")
            .bind(point_id)
            .bind(dossier_id)
            .fetch_optional(&mut *conn)
            .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(Error::Invalid(vec![FieldError {
            field: "complaintPointId".into(),
            code: "unknown_point".into(),
        }])),
    }
}
