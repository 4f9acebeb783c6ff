//! The procedure of a dossier (Awb chapter 9): its steps as `wederhoor-dossier/2` carries them
//! (INTERFACES.md §1a `events`), stored and read back losslessly. The rules on their terms
//! and the Verloop screen build on these rows.

use crate::error::{Error, Result};
use crate::{day, vocab};
use sqlx::SqliteConnection;
use wederhoor_core::dates::iso_day;
use wederhoor_core::file::FileEvent;
use wederhoor_core::vocab::EventKind;

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

type EventRow = (
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

/// The procedure steps of a dossier, by day and then in the order they were added.
pub async fn list(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<EventRecord>> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT id, kind, on_day, party_id, due_on, done_on, weeks, source_id, text FROM events
         WHERE dossier_id = ? ORDER BY on_day, id",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(
            |(id, kind, on, party_id, due_on, done_on, weeks, source_id, text)| {
                Ok(EventRecord {
                    id,
                    event: FileEvent {
                        id: String::new(),
                        kind: vocab(&kind, EventKind::from_code)?,
                        on: day(&on)?,
                        party: None,
                        due_on: due_on.as_deref().map(day).transpose()?,
                        done_on: done_on.as_deref().map(day).transpose()?,
                        weeks: weeks
                            .map(|w| {
                                u32::try_from(w).map_err(|_| Error::Corrupt(format!("weken {w}")))
                            })
                            .transpose()?,
                        source: None,
                        text,
                    },
                    party_id,
                    source_id,
                })
            },
        )
        .collect()
}
