//! Statements (lezingen and registraties) with their fuzzy dates, quantities and excerpts:
//! made from a passage, edited and removed as undoable edits.

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{vocab, Actor, Db};
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::HashMap;
use wederhoor_core::dates::{iso_day, FuzzyDate};
use wederhoor_core::file::{FileStatement, Quantity};
use wederhoor_core::statement;
use wederhoor_core::vocab::{Channel, StatementKind};
use wederhoor_core::wire::{
    ChangeVerb, ExcerptView, FieldCode, FieldError, ItemKind, NewStatement, ReferenceCount,
    StatementEdit,
};

/// A statement as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StatementRow {
    /// Database id.
    pub id: i64,
    /// The party who says it, or whose administration holds it.
    pub party_id: i64,
    /// `claim` or `record`.
    pub kind: String,
    /// Fuzzy date kind.
    pub date_kind: Option<String>,
    /// First date part.
    pub date_a: Option<String>,
    /// Second date part (ranges).
    pub date_b: Option<String>,
    /// Topic.
    pub topic: Option<String>,
    /// Channel code.
    pub channel: Option<String>,
    /// The assertion.
    pub text: String,
    /// "At least N".
    pub quantity_at_least: Option<i64>,
    /// Unit of the quantity.
    pub quantity_unit: Option<String>,
}

/// An excerpt as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExcerptRow {
    /// The statement it supports.
    pub statement_id: i64,
    /// The source it quotes.
    pub source_id: i64,
    /// The quoted text.
    pub quote: String,
    /// Page number, where known.
    pub page: Option<i64>,
}

impl StatementRow {
    /// Kind as a vocabulary value.
    pub fn kind(&self) -> Result<StatementKind> {
        vocab(&self.kind, StatementKind::from_code)
    }

    /// Channel as a vocabulary value.
    pub fn channel(&self) -> Result<Option<Channel>> {
        self.channel
            .as_deref()
            .map(|c| vocab(c, Channel::from_code))
            .transpose()
    }

    /// The fuzzy date, if any.
    pub fn date(&self) -> Result<Option<FuzzyDate>> {
        match (&self.date_kind, &self.date_a) {
            (Some(kind), Some(a)) => FuzzyDate::from_parts(kind, a, self.date_b.as_deref())
                .map(Some)
                .map_err(|e| Error::Corrupt(e.to_string())),
            _ => Ok(None),
        }
    }

    /// The quantity, if any.
    pub fn quantity(&self) -> Result<Option<Quantity>> {
        match (self.quantity_at_least, &self.quantity_unit) {
            (Some(n), Some(unit)) => Ok(Some(Quantity {
                at_least: u32::try_from(n)
                    .map_err(|_| Error::Corrupt(format!("aantal {n} buiten bereik")))?,
                unit: unit.clone(),
            })),
            _ => Ok(None),
        }
    }
}

/// Inserts a statement with its excerpts; `excerpt_sources[i]` is the source id of `excerpts[i]`.
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    statement: &FileStatement,
    party_id: i64,
    excerpt_sources: &[i64],
) -> Result<i64> {
    let parts = statement.date.as_ref().map(|d| d.to_parts());
    let span = statement.date.as_ref().map(|d| d.span());
    let result = sqlx::query(
        "INSERT INTO statements (dossier_id, party_id, kind, date_kind, date_a, date_b, span_start, span_end, topic, channel, text, quantity_at_least, quantity_unit)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(dossier_id)
    .bind(party_id)
    .bind(statement.kind.code())
    .bind(parts.as_ref().map(|p| p.0))
    .bind(parts.as_ref().map(|p| p.1.clone()))
    .bind(parts.as_ref().and_then(|p| p.2.clone()))
    .bind(span.map(|s| iso_day(s.0)))
    .bind(span.map(|s| iso_day(s.1)))
    .bind(&statement.topic)
    .bind(statement.channel.map(|c| c.code()))
    .bind(&statement.text)
    .bind(statement.quantity.as_ref().map(|q| i64::from(q.at_least)))
    .bind(statement.quantity.as_ref().map(|q| q.unit.clone()))
    .execute(&mut *conn)
    .await?;
    let id = result.last_insert_rowid();
    for (excerpt, source_id) in statement.excerpts.iter().zip(excerpt_sources) {
        sqlx::query(
            "INSERT INTO excerpts (statement_id, source_id, quote, page) VALUES (?, ?, ?, ?)",
        )
        .bind(id)
        .bind(source_id)
        .bind(&excerpt.quote)
        .bind(excerpt.page.map(i64::from))
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// The statements of a dossier in the order they were added.
pub async fn list(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<StatementRow>> {
    Ok(sqlx::query_as(
        "SELECT id, party_id, kind, date_kind, date_a, date_b, topic, channel, text, quantity_at_least, quantity_unit
         FROM statements WHERE dossier_id = ? ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The excerpts of a dossier's statements, grouped by statement id, each group in order.
pub async fn excerpts_by_statement(
    conn: &mut SqliteConnection,
    dossier_id: i64,
) -> Result<HashMap<i64, Vec<ExcerptRow>>> {
    let rows: Vec<ExcerptRow> = sqlx::query_as(
        "SELECT e.statement_id, e.source_id, e.quote, e.page FROM excerpts e
         JOIN statements s ON s.id = e.statement_id WHERE s.dossier_id = ? ORDER BY e.id",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut grouped: HashMap<i64, Vec<ExcerptRow>> = HashMap::new();
    for row in rows {
        grouped.entry(row.statement_id).or_default().push(row);
    }
    Ok(grouped)
}

/// An excerpt joined with its source's title, as read for views:
/// (statement, source, source title, quote, start, end, page).
type ExcerptTuple = (
    i64,
    i64,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

/// The excerpts quoting one source, in order of their place in the text.
pub async fn excerpts_of_source(pool: &SqlitePool, source_id: i64) -> Result<Vec<ExcerptView>> {
    let rows: Vec<ExcerptTuple> = sqlx::query_as(
        "SELECT e.statement_id, e.source_id, s.title, e.quote, e.start_offset, e.end_offset, e.page
         FROM excerpts e JOIN sources s ON s.id = e.source_id
         WHERE e.source_id = ? ORDER BY e.start_offset IS NULL, e.start_offset, e.id",
    )
    .bind(source_id)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(excerpt_view).collect())
}

fn excerpt_view(row: ExcerptTuple) -> ExcerptView {
    let (statement_id, source_id, source_title, quote, start, end, page) = row;
    ExcerptView {
        statement_id,
        source_id,
        source_title,
        quote,
        start_offset: start.map(|v| v as u32),
        end_offset: end.map(|v| v as u32),
        page: page.map(|v| v as u32),
    }
}

/// Creates a statement from the form, with the excerpt cut from the source's own text, in one
/// transaction with its audit entry. Returns the new statement's id.
pub async fn create(db: &Db, input: &NewStatement, actor: &Actor) -> Result<i64> {
    let valid = statement::validate(input).map_err(Error::Invalid)?;
    let subject = crate::changes::subject_of(&valid.text);
    let mut change = Change::begin(
        db,
        input.dossier_id,
        ItemKind::Statement,
        ChangeVerb::Create,
        &subject,
        false,
    )
    .await?;
    let tx = change.conn();
    crate::parties::require_in_dossier(tx, input.dossier_id, valid.party_id, "partyId").await?;
    let excerpt = match valid.excerpt {
        None => None,
        Some((source_id, start, end)) => {
            let text: Option<(Option<String>,)> =
                sqlx::query_as("SELECT text FROM sources WHERE id = ? AND dossier_id = ?")
                    .bind(source_id)
                    .bind(input.dossier_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some((Some(text),)) = text else {
                return Err(Error::Invalid(vec![FieldError {
                    field: "excerpt".into(),
                    code: FieldCode::UnknownSource,
                }]));
            };
            let quote = statement::quote_at(&text, start, end).ok_or_else(|| {
                Error::Invalid(vec![FieldError {
                    field: "excerpt".into(),
                    code: FieldCode::OutOfRange,
                }])
            })?;
            Some((source_id, quote, start, end))
        }
    };
    let file = FileStatement {
        id: String::new(),
        party: String::new(),
        kind: valid.kind,
        date: valid.date,
        topic: valid.topic,
        channel: valid.channel,
        text: valid.text,
        quantity: valid.quantity,
        excerpts: vec![],
    };
    let id = insert(tx, input.dossier_id, &file, valid.party_id, &[]).await?;
    if let Some((source_id, quote, start, end)) = &excerpt {
        sqlx::query("INSERT INTO excerpts (statement_id, source_id, quote, start_offset, end_offset) VALUES (?, ?, ?, ?, ?)")
            .bind(id)
            .bind(source_id)
            .bind(quote)
            .bind(i64::from(*start))
            .bind(i64::from(*end))
            .execute(&mut *tx)
            .await?;
    }
    let detail = serde_json::json!({ "statement": id, "kind": file.kind.code(), "excerpt_source": excerpt.map(|e| e.0) });
    change.commit(actor, "statement.create", detail).await?;
    Ok(id)
}

async fn dossier_of(db: &Db, id: i64) -> Result<i64> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT dossier_id FROM statements WHERE id = ?")
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.map(|r| r.0)
        .ok_or_else(|| Error::NotFound(format!("lezing {id}")))
}

/// Saves every field of a statement from the form (the passage it rests on stays), as an
/// undoable edit. Field errors as for a new statement.
pub async fn update(db: &Db, edit: &StatementEdit, actor: &Actor) -> Result<()> {
    let mut fields = edit.fields.clone();
    fields.excerpt = None;
    let valid = statement::validate(&fields).map_err(Error::Invalid)?;
    let dossier_id = dossier_of(db, edit.id).await?;
    let subject = crate::changes::subject_of(&valid.text);
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Statement,
        ChangeVerb::Update,
        &subject,
        false,
    )
    .await?;
    crate::parties::require_in_dossier(change.conn(), dossier_id, valid.party_id, "partyId")
        .await?;
    let parts = valid.date.as_ref().map(|d| d.to_parts());
    let span = valid.date.as_ref().map(|d| d.span());
    sqlx::query(
        "UPDATE statements SET party_id = ?, kind = ?, date_kind = ?, date_a = ?, date_b = ?, span_start = ?, span_end = ?,
         topic = ?, channel = ?, text = ?, quantity_at_least = ?, quantity_unit = ? WHERE id = ?",
    )
    .bind(valid.party_id)
    .bind(valid.kind.code())
    .bind(parts.as_ref().map(|p| p.0))
    .bind(parts.as_ref().map(|p| p.1.clone()))
    .bind(parts.as_ref().and_then(|p| p.2.clone()))
    .bind(span.map(|s| iso_day(s.0)))
    .bind(span.map(|s| iso_day(s.1)))
    .bind(&valid.topic)
    .bind(valid.channel.map(|c| c.code()))
    .bind(&valid.text)
    .bind(valid.quantity.as_ref().map(|q| i64::from(q.at_least)))
    .bind(valid.quantity.as_ref().map(|q| q.unit.clone()))
    .bind(edit.id)
    .execute(change.conn())
    .await?;
    change
        .commit(
            actor,
            "statement.update",
            serde_json::json!({ "statement": edit.id }),
        )
        .await
}

/// What refers to a statement: the conflicts it is a side of, the reactions contesting it.
pub async fn references(conn: &mut SqliteConnection, id: i64) -> Result<Vec<ReferenceCount>> {
    crate::count_references(
        conn,
        id,
        &[
            (
                ItemKind::Conflict,
                "SELECT count(*) FROM conflict_statements WHERE statement_id = ?",
            ),
            (
                ItemKind::Reaction,
                "SELECT count(*) FROM reaction_contests WHERE statement_id = ?",
            ),
        ],
    )
    .await
}

/// Removes a statement (with its citations) that no conflict or reaction refers to; undoable.
/// Otherwise [`Error::InUse`] and nothing changes.
pub async fn remove(db: &Db, id: i64, actor: &Actor) -> Result<()> {
    let dossier_id = dossier_of(db, id).await?;
    let (text,): (String,) = sqlx::query_as("SELECT text FROM statements WHERE id = ?")
        .bind(id)
        .fetch_one(db.pool())
        .await?;
    let subject = crate::changes::subject_of(&text);
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Statement,
        ChangeVerb::Remove,
        &subject,
        false,
    )
    .await?;
    let refs = references(change.conn(), id).await?;
    change
        .remove_unreferenced(ItemKind::Statement, "statements", id, refs)
        .await?;
    change
        .commit(
            actor,
            "statement.remove",
            serde_json::json!({ "statement": id }),
        )
        .await
}
