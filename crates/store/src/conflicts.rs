//! Conflicts (tegenstrijdigheden): statements of the citizen's side against the body's side,
//! with the point they bear on, whether both sides were heard, and the resolution.

use crate::error::{Error, Result};
use crate::{audit, vocab, Actor, Db};
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::HashMap;
use wederhoor_core::file::FileConflict;
use wederhoor_core::vocab::{ConflictKind, Resolution};
use wederhoor_core::wire::{FieldError, NewConflict};

/// A conflict as stored, with the ids of the statements on each side.
#[derive(Debug, Clone)]
pub struct ConflictRecord {
    /// Database id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: ConflictKind,
    /// Statement ids of the citizen's side.
    pub citizen: Vec<i64>,
    /// Statement ids of the body's side.
    pub body: Vec<i64>,
    /// Complaint point id.
    pub complaint_point_id: Option<i64>,
    /// Whether both sides have seen the other's version.
    pub both_sides_heard: bool,
    /// How it was decided.
    pub resolution: Resolution,
    /// Why, in Markdown.
    pub reasoning: String,
}

/// Inserts a conflict with its statements on both sides.
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    conflict: &FileConflict,
    complaint_point_id: Option<i64>,
    citizen: &[i64],
    body: &[i64],
) -> Result<i64> {
    let result = sqlx::query(
        "INSERT INTO conflicts (dossier_id, title, kind, complaint_point_id, both_sides_heard, resolution, reasoning)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(dossier_id)
    .bind(&conflict.title)
    .bind(conflict.kind.code())
    .bind(complaint_point_id)
    .bind(conflict.both_sides_heard)
    .bind(conflict.resolution.code())
    .bind(&conflict.reasoning)
    .execute(&mut *conn)
    .await?;
    let id = result.last_insert_rowid();
    for (side, statements) in [("citizen", citizen), ("body", body)] {
        for statement_id in statements {
            sqlx::query("INSERT INTO conflict_statements (conflict_id, statement_id, side) VALUES (?, ?, ?)")
                .bind(id)
                .bind(statement_id)
                .bind(side)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(id)
}

/// The conflicts of a dossier in the order they were added.
pub async fn list(pool: &SqlitePool, dossier_id: i64) -> Result<Vec<ConflictRecord>> {
    type Row = (i64, String, String, Option<i64>, bool, String, String);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, title, kind, complaint_point_id, both_sides_heard, resolution, reasoning
         FROM conflicts WHERE dossier_id = ? ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(pool)
    .await?;
    let links: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT cs.conflict_id, cs.statement_id, cs.side FROM conflict_statements cs
         JOIN conflicts c ON c.id = cs.conflict_id WHERE c.dossier_id = ? ORDER BY cs.rowid",
    )
    .bind(dossier_id)
    .fetch_all(pool)
    .await?;
    let mut sides: HashMap<(i64, bool), Vec<i64>> = HashMap::new();
    for (conflict_id, statement_id, side) in links {
        sides
            .entry((conflict_id, side == "citizen"))
            .or_default()
            .push(statement_id);
    }
    rows.into_iter()
        .map(
            |(id, title, kind, complaint_point_id, both_sides_heard, resolution, reasoning)| {
                Ok(ConflictRecord {
                    id,
                    title,
                    kind: vocab(&kind, ConflictKind::from_code)?,
                    citizen: sides.remove(&(id, true)).unwrap_or_default(),
                    body: sides.remove(&(id, false)).unwrap_or_default(),
                    complaint_point_id,
                    both_sides_heard,
                    resolution: vocab(&resolution, Resolution::from_code)?,
                    reasoning,
                })
            },
        )
        .collect()
}

/// "Markeer als tegenstrijdig": stores an open conflict between statements of this dossier, the
/// citizen's side against the body's side, with its audit entry. Returns its id.
pub async fn create_open(db: &Db, input: &NewConflict, actor: &Actor) -> Result<i64> {
    let mut fields = Vec::new();
    if input.title.trim().is_empty() {
        fields.push(FieldError {
            field: "title".into(),
            code: "required".into(),
        });
    }
    if input.citizen.is_empty() {
        fields.push(FieldError {
            field: "citizen".into(),
            code: "required".into(),
        });
    }
    if input.body.is_empty() {
        fields.push(FieldError {
            field: "body".into(),
            code: "required".into(),
        });
    }
    if input.citizen.iter().any(|id| input.body.contains(id)) {
        fields.push(FieldError {
            field: "body".into(),
            code: "both_sides".into(),
        });
    }
    if !fields.is_empty() {
        return Err(Error::Invalid(fields));
    }
    let mut tx = db.pool().begin().await?;
    let reference = crate::dossiers::reference_of(&mut tx, input.dossier_id).await?;
    for id in input.citizen.iter().chain(&input.body) {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM statements WHERE id = ? AND dossier_id = ?")
                .bind(id)
                .bind(input.dossier_id)
                .fetch_optional(&mut *tx)
                .await?;
        if found.is_none() {
            return Err(Error::NotFound(format!("lezing {id} in dit dossier")));
        }
    }
    let file = FileConflict {
        id: String::new(),
        title: input.title.trim().to_string(),
        kind: input.kind,
        citizen: vec![],
        body: vec![],
        complaint_point: None,
        both_sides_heard: false,
        resolution: Resolution::Open,
        reasoning: String::new(),
    };
    let id = insert(
        &mut tx,
        input.dossier_id,
        &file,
        None,
        &input.citizen,
        &input.body,
    )
    .await?;
    let detail = serde_json::json!({ "conflict": id, "title": file.title, "citizen": input.citizen, "body": input.body });
    audit::append(&mut tx, actor, "conflict.create", Some(&reference), &detail).await?;
    tx.commit().await?;
    Ok(id)
}
