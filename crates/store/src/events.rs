//! The procedure of a dossier (Awb chapter 9): its steps as `wederhoor-dossier/2` carries them
//! (INTERFACES.md §1a `events`), stored and read back losslessly, and added, edited and
//! removed in the Verloop as undoable edits. The term rules read them as [`Step`]s.

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{day, parties, vocab, Actor, Db};
use chrono::NaiveDate;
use serde_json::json;
use sqlx::SqliteConnection;
use wederhoor_core::dates::{dutch_long_date, iso_day};
use wederhoor_core::file::FileEvent;
use wederhoor_core::procedure::Step;
use wederhoor_core::steps;
use wederhoor_core::vocab::EventKind;
use wederhoor_core::wire::{ChangeVerb, EventInput, EventView, FieldCode, FieldError, ItemKind};

/// A procedure step as stored, with database ids for its references.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    /// Database id.
    pub id: i64,
    /// The step, with `party` and `source` left empty (see the ids).
    pub event: FileEvent,
    /// Who took it.
    pub party_id: Option<i64>,
    /// The document that shows it.
    pub source_id: Option<i64>,
}

/// Inserts a procedure step; `party_id` and `source_id` are database ids.
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    event: &FileEvent,
    party_id: Option<i64>,
    source_id: Option<i64>,
) -> Result<i64> {
    let result = sqlx::query(
        "INSERT INTO events (dossier_id, kind, on_day, party_id, due_on, done_on, weeks, source_id, text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(dossier_id)
    .bind(event.kind.code())
    .bind(iso_day(event.on))
    .bind(party_id)
    .bind(event.due_on.map(iso_day))
    .bind(event.done_on.map(iso_day))
    .bind(event.weeks.map(i64::from))
    .bind(source_id)
    .bind(&event.text)
    .execute(&mut *conn)
    .await?;
    Ok(result.last_insert_rowid())
}

/// A row of `events` with its dossier's id, in the order of [`COLUMNS`].
type EventRow = (
    i64,
    i64,
    String,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    String,
);

const COLUMNS: &str =
    "dossier_id, id, kind, on_day, party_id, due_on, done_on, weeks, source_id, text";

/// The procedure steps of a dossier, by day and then in the order they were added.
pub async fn list(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<EventRecord>> {
    let rows: Vec<EventRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM events WHERE dossier_id = ? ORDER BY on_day, id"
    ))
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| record(row).map(|(_, r)| r))
        .collect()
}

/// The procedure steps of every dossier, with the dossier's id, by dossier and day (one query
/// for the dossier list's terms).
pub async fn list_all(conn: &mut SqliteConnection) -> Result<Vec<(i64, EventRecord)>> {
    let rows: Vec<EventRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM events ORDER BY dossier_id, on_day, id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(record).collect()
}

fn record(row: EventRow) -> Result<(i64, EventRecord)> {
    let (dossier_id, id, kind, on, party_id, due_on, done_on, weeks, source_id, text) = row;
    let weeks = weeks
        .map(|w| u32::try_from(w).map_err(|_| Error::Corrupt(format!("weken {w}"))))
        .transpose()?;
    Ok((
        dossier_id,
        EventRecord {
            id,
            event: FileEvent {
                id: String::new(),
                kind: vocab(&kind, EventKind::from_code)?,
                on: day(&on)?,
                party: None,
                due_on: due_on.as_deref().map(day).transpose()?,
                done_on: done_on.as_deref().map(day).transpose()?,
                weeks,
                source: None,
                text,
            },
            party_id,
            source_id,
        },
    ))
}

impl EventRecord {
    /// The step as the Verloop shows it.
    pub fn to_view(&self) -> EventView {
        EventView {
            id: self.id,
            kind: self.event.kind,
            on: iso_day(self.event.on),
            party_id: self.party_id,
            due_on: self.event.due_on.map(iso_day),
            done_on: self.event.done_on.map(iso_day),
            weeks: self.event.weeks,
            source_id: self.source_id,
            text: self.event.text.clone(),
        }
    }

    /// The step as the term rules read it.
    pub fn to_step(&self) -> Step {
        Step {
            id: self.id,
            kind: self.event.kind,
            on: self.event.on,
            due_on: self.event.due_on,
            done_on: self.event.done_on,
            weeks: self.event.weeks,
            party: self.party_id,
        }
    }
}

fn field_error(field: &str, code: FieldCode) -> Error {
    Error::Invalid(vec![FieldError {
        field: field.into(),
        code,
    }])
}

/// Adds a step (`input.id` is `None`) or saves an edited one, as an undoable edit; returns its
/// id. Field errors ([`wederhoor_core::steps::validate`], a party or source not of this
/// dossier) come back as [`Error::Invalid`], and nothing is saved.
pub async fn save(db: &Db, input: &EventInput, today: NaiveDate, actor: &Actor) -> Result<i64> {
    let valid = steps::validate(input, today).map_err(Error::Invalid)?;
    let verb = if input.id.is_some() {
        ChangeVerb::Update
    } else {
        ChangeVerb::Create
    };
    let subject = format!("{} ({})", valid.kind.label_nl(), dutch_long_date(valid.on));
    let mut change =
        Change::begin(db, input.dossier_id, ItemKind::Event, verb, &subject, false).await?;
    if let Some(party) = input.party_id {
        parties::require_in_dossier(change.conn(), input.dossier_id, party, "partyId").await?;
    }
    if let Some(source) = input.source_id {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM sources WHERE id = ? AND dossier_id = ?")
                .bind(source)
                .bind(input.dossier_id)
                .fetch_optional(change.conn())
                .await?;
        if found.is_none() {
            return Err(field_error("sourceId", FieldCode::UnknownSource));
        }
    }
    let id = match input.id {
        Some(id) => {
            let updated = sqlx::query(
                "UPDATE events SET kind = ?, on_day = ?, party_id = ?, due_on = ?, done_on = ?, weeks = ?, source_id = ?, text = ?
                 WHERE id = ? AND dossier_id = ?",
            )
            .bind(valid.kind.code())
            .bind(iso_day(valid.on))
            .bind(input.party_id)
            .bind(valid.due_on.map(iso_day))
            .bind(valid.done_on.map(iso_day))
            .bind(valid.weeks.map(i64::from))
            .bind(input.source_id)
            .bind(&valid.text)
            .bind(id)
            .bind(input.dossier_id)
            .execute(change.conn())
            .await?;
            if updated.rows_affected() == 0 {
                return Err(Error::NotFound(format!("procedurestap {id}")));
            }
            id
        }
        None => {
            insert(
                change.conn(),
                input.dossier_id,
                &valid,
                input.party_id,
                input.source_id,
            )
            .await?
        }
    };
    let action = if input.id.is_some() {
        "event.update"
    } else {
        "event.create"
    };
    change
        .commit(
            actor,
            action,
            json!({ "event": id, "kind": valid.kind.code(), "on": iso_day(valid.on) }),
        )
        .await?;
    Ok(id)
}

/// Removes a step, as an undoable edit (nothing refers to a step).
pub async fn remove(db: &Db, dossier_id: i64, id: i64, actor: &Actor) -> Result<()> {
    let record = list(&mut *db.pool().acquire().await?, dossier_id)
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or_else(|| Error::NotFound(format!("procedurestap {id}")))?;
    let subject = format!(
        "{} ({})",
        record.event.kind.label_nl(),
        dutch_long_date(record.event.on)
    );
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Event,
        ChangeVerb::Remove,
        &subject,
        false,
    )
    .await?;
    sqlx::query("DELETE FROM events WHERE id = ? AND dossier_id = ?")
        .bind(id)
        .bind(dossier_id)
        .execute(change.conn())
        .await?;
    change
        .commit(actor, "event.remove", json!({ "event": id }))
        .await
}
