//! Complaint points (klachtonderdelen) with their judgements against norms and their verdict:
//! added, edited, put in order (the numbers follow the order) and removed as undoable edits.

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{vocab, Actor, Db};
use serde_json::json;
use sqlx::SqliteConnection;
use std::collections::HashMap;
use wederhoor_core::file::{FileComplaintPoint, FileJudgement};
use wederhoor_core::norms;
use wederhoor_core::vocab::{Outcome, Verdict};
use wederhoor_core::wire::{
    ChangeVerb, ComplaintPointView, FieldCode, FieldError, ItemKind, JudgementView, PointInput,
    ReferenceCount,
};

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
pub async fn list(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<PointRecord>> {
    let points: Vec<(i64, i64, String, String)> =
        sqlx::query_as("SELECT id, number, text, verdict FROM complaint_points WHERE dossier_id = ? ORDER BY number")
            .bind(dossier_id)
            .fetch_all(&mut *conn)
            .await?;
    let judgements: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT j.complaint_point_id, j.norm, j.outcome, j.considerations FROM judgements j
         JOIN complaint_points k ON k.id = j.complaint_point_id WHERE k.dossier_id = ? ORDER BY j.id",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
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
            code: FieldCode::UnknownPoint,
        }])),
    }
}

/// Adds a complaint point at the end (`input.id` is `None`) or saves its text, as an undoable
/// edit; returns its id. A point needs its text.
pub async fn save(db: &Db, input: &PointInput, actor: &Actor) -> Result<i64> {
    let text = input.text.trim();
    if text.is_empty() {
        return Err(Error::Invalid(vec![FieldError {
            field: "text".into(),
            code: FieldCode::Required,
        }]));
    }
    let verb = if input.id.is_some() {
        ChangeVerb::Update
    } else {
        ChangeVerb::Create
    };
    let mut change = Change::begin(
        db,
        input.dossier_id,
        ItemKind::ComplaintPoint,
        verb,
        "",
        false,
    )
    .await?;
    let id = match input.id {
        Some(id) => {
            require_in_dossier(change.conn(), id, input.dossier_id).await?;
            sqlx::query("UPDATE complaint_points SET text = ? WHERE id = ?")
                .bind(text)
                .bind(id)
                .execute(change.conn())
                .await?;
            id
        }
        None => {
            let (next,): (i64,) = sqlx::query_as(
                "SELECT coalesce(max(number), 0) + 1 FROM complaint_points WHERE dossier_id = ?",
            )
            .bind(input.dossier_id)
            .fetch_one(change.conn())
            .await?;
            let point = FileComplaintPoint {
                id: String::new(),
                number: next as u32,
                text: text.to_string(),
                judgements: vec![],
                verdict: Verdict::Open,
            };
            insert(change.conn(), input.dossier_id, &point).await?
        }
    };
    let number = number_of(change.conn(), id).await?;
    change.set_subject(&number.to_string()).await?;
    let action = if input.id.is_some() {
        "point.update"
    } else {
        "point.create"
    };
    change
        .commit(actor, action, json!({ "point": id, "number": number }))
        .await?;
    Ok(id)
}

async fn number_of(conn: &mut SqliteConnection, id: i64) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT number FROM complaint_points WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n)
}

/// Numbers the dossier's points 1, 2, 3, ... in the order given (ids not listed keep their
/// relative order after them). Two passes, so the numbers stay unique at every step.
async fn renumber(conn: &mut SqliteConnection, dossier_id: i64, order: &[i64]) -> Result<()> {
    sqlx::query("UPDATE complaint_points SET number = number + 1000000 WHERE dossier_id = ?")
        .bind(dossier_id)
        .execute(&mut *conn)
        .await?;
    let rest: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM complaint_points WHERE dossier_id = ? ORDER BY number")
            .bind(dossier_id)
            .fetch_all(&mut *conn)
            .await?;
    let ids = order.iter().copied().chain(
        rest.into_iter()
            .map(|r| r.0)
            .filter(|id| !order.contains(id)),
    );
    for (n, id) in (1_i64..).zip(ids) {
        sqlx::query("UPDATE complaint_points SET number = ? WHERE id = ?")
            .bind(n)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Moves a point to `position` (1 = first); the numbers follow the new order. Undoable.
pub async fn move_to(
    db: &Db,
    dossier_id: i64,
    point_id: i64,
    position: u32,
    actor: &Actor,
) -> Result<()> {
    let mut order: Vec<i64> = list(&mut *db.pool().acquire().await?, dossier_id)
        .await?
        .iter()
        .map(|p| p.id)
        .collect();
    let from = order
        .iter()
        .position(|id| *id == point_id)
        .ok_or_else(|| Error::NotFound(format!("klachtonderdeel {point_id}")))?;
    let to = (position.max(1) as usize - 1).min(order.len() - 1);
    if from == to {
        return Ok(());
    }
    let id = order.remove(from);
    order.insert(to, id);
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::ComplaintPoint,
        ChangeVerb::Reorder,
        &format!("{} → {}", from + 1, to + 1),
        false,
    )
    .await?;
    renumber(change.conn(), dossier_id, &order).await?;
    change
        .commit(
            actor,
            "point.reorder",
            json!({ "point": point_id, "from": from + 1, "to": to + 1 }),
        )
        .await
}

/// What refers to a complaint point: its judgements, the conflicts and recommendations linked to it.
pub async fn references(conn: &mut SqliteConnection, point_id: i64) -> Result<Vec<ReferenceCount>> {
    crate::count_references(
        conn,
        point_id,
        &[
            (
                ItemKind::Judgement,
                "SELECT count(*) FROM judgements WHERE complaint_point_id = ?",
            ),
            (
                ItemKind::Conflict,
                "SELECT count(*) FROM conflicts WHERE complaint_point_id = ?",
            ),
            (
                ItemKind::Recommendation,
                "SELECT count(*) FROM recommendations WHERE complaint_point_id = ?",
            ),
        ],
    )
    .await
}

/// Removes a point nothing refers to and numbers the rest again; undoable. Otherwise
/// [`Error::InUse`], and nothing changes.
pub async fn remove(db: &Db, dossier_id: i64, point_id: i64, actor: &Actor) -> Result<()> {
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::ComplaintPoint,
        ChangeVerb::Remove,
        "",
        false,
    )
    .await?;
    require_in_dossier(change.conn(), point_id, dossier_id).await?;
    let number = number_of(change.conn(), point_id).await?;
    change.set_subject(&number.to_string()).await?;
    let refs = references(change.conn(), point_id).await?;
    change
        .remove_unreferenced(ItemKind::ComplaintPoint, "complaint_points", point_id, refs)
        .await?;
    renumber(change.conn(), dossier_id, &[]).await?;
    change
        .commit(
            actor,
            "point.remove",
            json!({ "point": point_id, "number": number }),
        )
        .await
}
