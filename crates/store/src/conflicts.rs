//! Conflicts (tegenstrijdigheden): statements of the citizen's side against the body's side,
//! with the point they bear on, whether both sides were heard, and the resolution.

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{vocab, Actor, Db};
use serde_json::json;
use sqlx::SqliteConnection;
use std::collections::HashMap;
use wederhoor_core::file::FileConflict;
use wederhoor_core::findings;
use wederhoor_core::vocab::{ConflictKind, ReportKind, Resolution};
use wederhoor_core::wire::{
    ChangeVerb, ConflictDetail, ConflictEdit, ConflictSummary, FieldCode, FieldError,
    HearingEvidence, ItemKind, NewConflict, Side, StatementView,
};

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
pub async fn list(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<ConflictRecord>> {
    type Row = (i64, String, String, Option<i64>, bool, String, String);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, title, kind, complaint_point_id, both_sides_heard, resolution, reasoning
         FROM conflicts WHERE dossier_id = ? ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    let links: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT cs.conflict_id, cs.statement_id, cs.side FROM conflict_statements cs
         JOIN conflicts c ON c.id = cs.conflict_id WHERE c.dossier_id = ? ORDER BY cs.rowid",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
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
/// citizen's side against the body's side, as an undoable edit. Returns its id.
pub async fn create_open(db: &Db, input: &NewConflict, actor: &Actor) -> Result<i64> {
    let mut fields = Vec::new();
    if input.title.trim().is_empty() {
        fields.push(FieldError {
            field: "title".into(),
            code: FieldCode::Required,
        });
    }
    if input.citizen.is_empty() {
        fields.push(FieldError {
            field: "citizen".into(),
            code: FieldCode::Required,
        });
    }
    // A conflict about whether something happened may have no record on the body's side at all.
    if input.body.is_empty() && input.kind != ConflictKind::Occurrence {
        fields.push(FieldError {
            field: "body".into(),
            code: FieldCode::Required,
        });
    }
    if input.citizen.iter().any(|id| input.body.contains(id)) {
        fields.push(FieldError {
            field: "body".into(),
            code: FieldCode::BothSides,
        });
    }
    if !fields.is_empty() {
        return Err(Error::Invalid(fields));
    }
    let title = input.title.trim();
    let mut change = Change::begin(
        db,
        input.dossier_id,
        ItemKind::Conflict,
        ChangeVerb::Create,
        title,
        false,
    )
    .await?;
    for id in input.citizen.iter().chain(&input.body) {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM statements WHERE id = ? AND dossier_id = ?")
                .bind(id)
                .bind(input.dossier_id)
                .fetch_optional(change.conn())
                .await?;
        if found.is_none() {
            return Err(Error::NotFound(format!("lezing {id} in dit dossier")));
        }
    }
    let file = FileConflict {
        id: String::new(),
        title: title.to_string(),
        kind: input.kind,
        citizen: vec![],
        body: vec![],
        complaint_point: None,
        both_sides_heard: false,
        resolution: Resolution::Open,
        reasoning: String::new(),
    };
    let id = insert(
        change.conn(),
        input.dossier_id,
        &file,
        None,
        &input.citizen,
        &input.body,
    )
    .await?;
    let detail = json!({ "conflict": id, "title": file.title, "citizen": input.citizen, "body": input.body });
    change.commit(actor, "conflict.create", detail).await?;
    Ok(id)
}

/// Every conflict of a dossier with both sides' statements and its findings paragraph.
pub async fn details(db: &Db, dossier_id: i64) -> Result<Vec<ConflictDetail>> {
    let view = crate::side_by_side::side_by_side(db, dossier_id).await?;
    let numbers = point_numbers(db, dossier_id).await?;
    let sides = findings::Sides::of(view.parties.iter().map(|p| (p.role, p.pseudonym.as_str())));
    let by_id: HashMap<i64, &StatementView> = view.statements.iter().map(|s| (s.id, s)).collect();
    let reactions = crate::reactions::list(&mut *db.pool().acquire().await?, dossier_id).await?;
    let party_of: HashMap<i64, &wederhoor_core::wire::PartyView> =
        view.parties.iter().map(|p| (p.id, p)).collect();
    let pick = |ids: &[i64]| {
        ids.iter()
            .filter_map(|id| by_id.get(id).map(|s| (*s).clone()))
            .collect::<Vec<_>>()
    };
    Ok(list(&mut *db.pool().acquire().await?, dossier_id)
        .await?
        .into_iter()
        .map(|c| {
            let citizen = pick(&c.citizen);
            let body = pick(&c.body);
            let texts =
                |list: &[StatementView]| list.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
            let findings = findings::paragraph(
                &c.title,
                &texts(&citizen),
                &texts(&body),
                &sides,
                c.resolution,
                &c.reasoning,
            );
            let hearing = reactions
                .iter()
                .filter(|r| {
                    r.contests
                        .iter()
                        .any(|id| c.citizen.contains(id) || c.body.contains(id))
                })
                .filter_map(|r| {
                    let party = party_of.get(&r.party_id)?;
                    Some(HearingEvidence {
                        party_name: party.name.clone(),
                        side: Side::of(party.role),
                        received_on: r.received_on.clone(),
                        on_report: r.on_report.as_deref().and_then(ReportKind::from_code),
                        text: r.text.clone(),
                    })
                })
                .collect();
            ConflictDetail {
                conflict: summary(&c, &numbers),
                reasoning: c.reasoning.clone(),
                citizen,
                body,
                findings,
                hearing,
            }
        })
        .collect())
}

/// The conflicts of a dossier as list rows.
pub async fn summaries(db: &Db, dossier_id: i64) -> Result<Vec<ConflictSummary>> {
    let numbers = point_numbers(db, dossier_id).await?;
    Ok(list(&mut *db.pool().acquire().await?, dossier_id)
        .await?
        .iter()
        .map(|c| summary(c, &numbers))
        .collect())
}

fn summary(c: &ConflictRecord, numbers: &HashMap<i64, u32>) -> ConflictSummary {
    ConflictSummary {
        id: c.id,
        title: c.title.clone(),
        kind: c.kind,
        resolution: c.resolution,
        both_sides_heard: c.both_sides_heard,
        complaint_point_id: c.complaint_point_id,
        complaint_point_number: c
            .complaint_point_id
            .and_then(|id| numbers.get(&id).copied()),
    }
}

async fn point_numbers(db: &Db, dossier_id: i64) -> Result<HashMap<i64, u32>> {
    let rows: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, number FROM complaint_points WHERE dossier_id = ?")
            .bind(dossier_id)
            .fetch_all(db.pool())
            .await?;
    Ok(rows.into_iter().map(|(id, n)| (id, n as u32)).collect())
}

/// Saves the edit form of a conflict, as an undoable edit. "Niet vast te stellen" is refused
/// until both sides have seen the other's version (DOMAIN.md §5b): the field error
/// `resolution`/`not_heard`.
pub async fn update(db: &Db, edit: &ConflictEdit, actor: &Actor) -> Result<()> {
    let mut fields = Vec::new();
    if edit.title.trim().is_empty() {
        fields.push(FieldError {
            field: "title".into(),
            code: FieldCode::Required,
        });
    }
    if !edit.resolution.permitted(edit.both_sides_heard) {
        fields.push(FieldError {
            field: "resolution".into(),
            code: FieldCode::NotHeard,
        });
    }
    if !fields.is_empty() {
        return Err(Error::Invalid(fields));
    }
    let row: Option<(i64,)> = sqlx::query_as("SELECT dossier_id FROM conflicts WHERE id = ?")
        .bind(edit.id)
        .fetch_optional(db.pool())
        .await?;
    let (dossier_id,) =
        row.ok_or_else(|| Error::NotFound(format!("tegenstrijdigheid {}", edit.id)))?;
    let title = edit.title.trim();
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Conflict,
        ChangeVerb::Update,
        title,
        false,
    )
    .await?;
    if let Some(point) = edit.complaint_point_id {
        crate::points::require_in_dossier(change.conn(), point, dossier_id).await?;
    }
    sqlx::query(
        "UPDATE conflicts SET title = ?, kind = ?, complaint_point_id = ?, both_sides_heard = ?, resolution = ?, reasoning = ? WHERE id = ?",
    )
    .bind(title)
    .bind(edit.kind.code())
    .bind(edit.complaint_point_id)
    .bind(edit.both_sides_heard)
    .bind(edit.resolution.code())
    .bind(&edit.reasoning)
    .bind(edit.id)
    .execute(change.conn())
    .await?;
    let detail = json!({ "conflict": edit.id, "resolution": edit.resolution.code(), "both_sides_heard": edit.both_sides_heard });
    change.commit(actor, "conflict.update", detail).await
}

/// Records that a record is missing as a finding of its own (DOMAIN.md §5b, point 4): the
/// conflict's complaint point is tested against `norm` (e.g. `goede-organisatie`) as "niet
/// behoorlijk", with considerations naming the conflict. An existing test of that norm on the
/// point is updated rather than repeated. One undoable edit; returns the complaint point's
/// number.
pub async fn record_missing_record_finding(
    db: &Db,
    conflict_id: i64,
    norm: &str,
    actor: &Actor,
) -> Result<u32> {
    let Some(found) = wederhoor_core::norms::find(norm) else {
        return Err(Error::Invalid(vec![FieldError {
            field: "norm".into(),
            code: FieldCode::UnknownNorm,
        }]));
    };
    let row: Option<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT dossier_id, title, complaint_point_id FROM conflicts WHERE id = ?")
            .bind(conflict_id)
            .fetch_optional(db.pool())
            .await?;
    let (dossier_id, title, point) =
        row.ok_or_else(|| Error::NotFound(format!("tegenstrijdigheid {conflict_id}")))?;
    let point = point.ok_or_else(|| {
        Error::Invalid(vec![FieldError {
            field: "complaintPointId".into(),
            code: FieldCode::Required,
        }])
    })?;
    let (number, tested): (i64, bool) = sqlx::query_as(
        "SELECT number, EXISTS (SELECT 1 FROM judgements WHERE complaint_point_id = ?1 AND norm = ?2)
         FROM complaint_points WHERE id = ?1",
    )
    .bind(point)
    .bind(norm)
    .fetch_one(db.pool())
    .await?;
    let verb = if tested {
        ChangeVerb::Update
    } else {
        ChangeVerb::Create
    };
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Judgement,
        verb,
        &format!("{number}: {}", found.name),
        false,
    )
    .await?;
    let considerations = format!(
        "Van wat verzoeker naar voren bracht (tegenstrijdigheid \"{title}\") is bij het bestuursorgaan niets vastgelegd. Dat er geen registratie is, is op zichzelf een bevinding."
    );
    let updated = sqlx::query(
        "UPDATE judgements SET outcome = 'niet_behoorlijk', considerations = considerations || char(10) || char(10) || ?
         WHERE complaint_point_id = ? AND norm = ?",
    )
    .bind(&considerations)
    .bind(point)
    .bind(norm)
    .execute(change.conn())
    .await?;
    if updated.rows_affected() == 0 {
        sqlx::query("INSERT INTO judgements (complaint_point_id, norm, outcome, considerations) VALUES (?, ?, 'niet_behoorlijk', ?)")
            .bind(point)
            .bind(norm)
            .bind(&considerations)
            .execute(change.conn())
            .await?;
    }
    let detail = json!({ "conflict": conflict_id, "norm": norm, "complaint_point": number });
    change
        .commit(actor, "conflict.missing_record_finding", detail)
        .await?;
    Ok(number as u32)
}
