//! The data of "Tegenover elkaar": every statement of a dossier placed on one time axis in the
//! column of its party's side, the first excerpt of each, the weekly chart and the conflicts.
//!
//! A dossier can hold 10,000 statements, and the view must open in under 50 ms. Decoding that
//! many rows one by one through sqlx costs most of that, so SQLite builds the statements as one
//! JSON array (its JSON functions are C and fast) and serde reads it straight into the wire type.

use crate::error::{Error, Result};
use crate::{conflicts, parties, Db};
use std::collections::HashMap;
use wederhoor_core::timeline::{sort_on_axis, weekly_contacts};
use wederhoor_core::wire::{ConflictLink, ExcerptView, SideBySide, StatementView};

/// One JSON array of `StatementView`s (without their excerpt), already on the axis.
const STATEMENTS_JSON: &str = "
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
      'excerpt', NULL
    )
    ORDER BY s.span_start IS NULL, s.span_start, s.span_end, s.date_a, s.id)
FROM statements s
JOIN parties p ON p.id = s.party_id
WHERE s.dossier_id = ?";

/// The excerpts of the dossier's statements as one JSON array of `ExcerptView`s, newest first,
/// so that keeping the last one seen per statement keeps its first excerpt.
const EXCERPTS_JSON: &str = "
SELECT json_group_array(
    json_object('statementId', e.statement_id, 'sourceId', e.source_id, 'sourceTitle', src.title,
                'quote', e.quote, 'startOffset', e.start_offset, 'endOffset', e.end_offset, 'page', e.page)
    ORDER BY e.id DESC)
FROM excerpts e
JOIN sources src ON src.id = e.source_id
WHERE src.dossier_id = ?";

/// Everything the side-by-side view draws for one dossier, in one read.
pub async fn side_by_side(db: &Db, dossier_id: i64) -> Result<SideBySide> {
    let pool = db.pool();
    crate::dossiers::by_id(pool, dossier_id).await?;
    let parties = parties::list(pool, dossier_id).await?;
    let (json,): (String,) = sqlx::query_as(STATEMENTS_JSON)
        .bind(dossier_id)
        .fetch_one(pool)
        .await?;
    let mut statements: Vec<StatementView> = serde_json::from_str(&json)
        .map_err(|e| Error::Corrupt(format!("lezingen onleesbaar: {e}")))?;
    let (json,): (String,) = sqlx::query_as(EXCERPTS_JSON)
        .bind(dossier_id)
        .fetch_one(pool)
        .await?;
    let excerpts: Vec<ExcerptView> = serde_json::from_str(&json)
        .map_err(|e| Error::Corrupt(format!("citaten onleesbaar: {e}")))?;
    let mut first: HashMap<i64, ExcerptView> =
        excerpts.into_iter().map(|e| (e.statement_id, e)).collect();
    for statement in &mut statements {
        statement.excerpt = first.remove(&statement.id);
    }
    // SQLite already ordered them; this keeps the order the rule of `core` in one place.
    sort_on_axis(&mut statements);
    let weeks = weekly_contacts(&statements);
    let conflicts = conflicts::list(pool, dossier_id)
        .await?
        .into_iter()
        .map(|c| ConflictLink {
            id: c.id,
            title: c.title,
            kind: c.kind,
            citizen: c.citizen,
            body: c.body,
        })
        .collect();
    Ok(SideBySide {
        parties,
        statements,
        weeks,
        conflicts,
    })
}
