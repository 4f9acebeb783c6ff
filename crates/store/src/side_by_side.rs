//! The data of "Tegenover elkaar": every statement of a dossier placed on one time axis in the
//! column of its party's side, the first excerpt of each, the weekly chart and the conflicts.
//!
//! A dossier can hold 10,000 statements, and the view must open in under 50 ms. Decoding that
//! many rows one by one through sqlx costs most of that, so SQLite builds the statements as one
//! JSON array (its JSON functions are C and fast). The UI gets that JSON as it is
//! ([`side_by_side_view`]); the rules read the same query decoded ([`side_by_side`]).

use crate::error::{Error, Result};
use crate::{conflicts, parties, Db};
use wederhoor_core::dates::parse_iso_day;
use wederhoor_core::timeline::{sort_on_axis, weekly_contacts, weekly_counts, WeekEntry};
use wederhoor_core::vocab::StatementKind;
use wederhoor_core::wire::{ConflictLink, SideBySide, SideBySideView, StatementView};

/// The statements as the UI's JSON, each with its first excerpt, in axis order (the order of
/// `core::timeline::sort_on_axis`; a test holds the two together).
const STATEMENTS_WIRE_JSON: &str = "
WITH first AS (
    SELECT e.statement_id, MIN(e.id) AS excerpt_id
    FROM excerpts e JOIN statements st ON st.id = e.statement_id
    WHERE st.dossier_id = ?1
    GROUP BY e.statement_id),
-- Sorting only the keys and ids is much cheaper than sorting the finished JSON objects;
-- CROSS JOIN keeps this order as the outer loop, so the array is built in axis order.
axis AS MATERIALIZED (
    SELECT id FROM statements WHERE dossier_id = ?1
    ORDER BY span_start IS NULL, span_start, span_end, date_a, id)
SELECT json_group_array(
    json_object(
      'id', s.id,
      'partyId', s.party_id,
      'side', CASE p.role WHEN 'requester' THEN 'citizen' WHEN 'representative' THEN 'citizen'
                          WHEN 'body' THEN 'body' WHEN 'official' THEN 'body' ELSE 'other' END,
      'kind', s.kind,
      'date', CASE WHEN s.date_kind = 'range' THEN s.date_a || '/' || s.date_b ELSE s.date_a END,
      'spanStart', s.span_start,
      'spanEnd', s.span_end,
      'topic', s.topic,
      'channel', s.channel,
      'text', s.text,
      'quantityAtLeast', s.quantity_at_least,
      'quantityUnit', s.quantity_unit,
      'excerpt', CASE WHEN e.id IS NULL THEN NULL ELSE
        json_object('statementId', e.statement_id, 'sourceId', e.source_id,
                    'sourceTitle', src.title, 'quote', e.quote, 'startOffset', e.start_offset,
                    'endOffset', e.end_offset, 'page', e.page) END
    ))
FROM axis
CROSS JOIN statements s ON s.id = axis.id
JOIN parties p ON p.id = s.party_id
LEFT JOIN first f ON f.statement_id = s.id
LEFT JOIN excerpts e ON e.id = f.excerpt_id
LEFT JOIN sources src ON src.id = e.source_id";

/// Only what the weekly chart needs: dated records, and dated claims with a quantity.
const WEEK_ENTRIES_JSON: &str = "
SELECT json_group_array(json_array(kind, span_start, span_end, quantity_at_least))
FROM statements
WHERE dossier_id = ? AND span_start IS NOT NULL AND span_end IS NOT NULL
  AND (kind = 'record' OR quantity_at_least IS NOT NULL)";

/// Tegenover elkaar for the UI: the statements go from SQLite's JSON straight to the wire, and
/// the chart reads only its own columns, so 10,000 statements are never decoded one by one.
pub async fn side_by_side_view(db: &Db, dossier_id: i64) -> Result<SideBySideView> {
    let pool = db.pool();
    crate::dossiers::by_id(pool, dossier_id).await?;
    let parties = parties::list(pool, dossier_id).await?;
    let (statements,): (String,) = sqlx::query_as(STATEMENTS_WIRE_JSON)
        .bind(dossier_id)
        .fetch_one(pool)
        .await?;
    let statements = serde_json::value::RawValue::from_string(statements)
        .map_err(|e| Error::Corrupt(format!("lezingen onleesbaar: {e}")))?;
    let (entries,): (String,) = sqlx::query_as(WEEK_ENTRIES_JSON)
        .bind(dossier_id)
        .fetch_one(pool)
        .await?;
    type Row<'a> = (&'a str, &'a str, &'a str, Option<u32>);
    let rows: Vec<Row> = serde_json::from_str(&entries)
        .map_err(|e| Error::Corrupt(format!("lezingen onleesbaar: {e}")))?;
    let weeks = weekly_counts(rows.into_iter().filter_map(|(kind, start, end, at_least)| {
        Some(WeekEntry {
            kind: StatementKind::from_code(kind)?,
            start: parse_iso_day(start).ok()?,
            end: parse_iso_day(end).ok()?,
            at_least,
        })
    }));
    Ok(SideBySideView {
        parties,
        statements,
        weeks,
        conflicts: conflict_links(db, dossier_id).await?,
    })
}

async fn conflict_links(db: &Db, dossier_id: i64) -> Result<Vec<ConflictLink>> {
    Ok(conflicts::list(db.pool(), dossier_id)
        .await?
        .into_iter()
        .map(|c| ConflictLink {
            id: c.id,
            title: c.title,
            kind: c.kind,
            citizen: c.citizen,
            body: c.body,
        })
        .collect())
}

/// Everything the side-by-side view draws for one dossier, in one read.
pub async fn side_by_side(db: &Db, dossier_id: i64) -> Result<SideBySide> {
    let pool = db.pool();
    crate::dossiers::by_id(pool, dossier_id).await?;
    let parties = parties::list(pool, dossier_id).await?;
    let (json,): (String,) = sqlx::query_as(STATEMENTS_WIRE_JSON)
        .bind(dossier_id)
        .fetch_one(pool)
        .await?;
    let mut statements: Vec<StatementView> = serde_json::from_str(&json)
        .map_err(|e| Error::Corrupt(format!("lezingen onleesbaar: {e}")))?;
    // SQLite already ordered them; this keeps the order the rule of `core` in one place.
    sort_on_axis(&mut statements);
    let weeks = weekly_contacts(&statements);
    let conflicts = conflict_links(db, dossier_id).await?;
    Ok(SideBySide {
        parties,
        statements,
        weeks,
        conflicts,
    })
}
