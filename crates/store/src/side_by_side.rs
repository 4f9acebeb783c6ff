//! The data of "Tegenover elkaar": every statement of a dossier placed on one time axis in the
//! column of its party's side, the first excerpt of each, the weekly chart and the conflicts.

use crate::error::Result;
use crate::statements::{excerpt_view, ExcerptTuple};
use crate::{conflicts, parties, vocab, Db};
use std::collections::HashMap;
use wederhoor_core::timeline::{sort_on_axis, weekly_contacts};
use wederhoor_core::vocab::{Channel, StatementKind};
use wederhoor_core::wire::{ConflictLink, ExcerptView, Side, SideBySide, StatementView};

type Row = (
    i64,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<i64>,
    Option<String>,
);

/// Everything the side-by-side view draws for one dossier, in one read.
pub async fn side_by_side(db: &Db, dossier_id: i64) -> Result<SideBySide> {
    let pool = db.pool();
    crate::dossiers::by_id(pool, dossier_id).await?;
    let parties = parties::list(pool, dossier_id).await?;
    let side_of: HashMap<i64, Side> = parties.iter().map(|p| (p.id, Side::of(p.role))).collect();
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, party_id, kind, date_kind, date_a, date_b, span_start, span_end, topic, channel, text, quantity_at_least, quantity_unit
         FROM statements WHERE dossier_id = ?",
    )
    .bind(dossier_id)
    .fetch_all(pool)
    .await?;
    let mut first_excerpt = first_excerpts(db, dossier_id).await?;
    let mut statements = Vec::with_capacity(rows.len());
    for (
        id,
        party_id,
        kind,
        date_kind,
        date_a,
        date_b,
        span_start,
        span_end,
        topic,
        channel,
        text,
        quantity,
        unit,
    ) in rows
    {
        let date = match (date_kind.as_deref(), date_a.as_deref()) {
            (Some("range"), Some(a)) => Some(format!("{a}/{}", date_b.unwrap_or_default())),
            (Some(_), Some(a)) => Some(a.to_string()),
            _ => None,
        };
        statements.push(StatementView {
            id,
            party_id,
            side: side_of.get(&party_id).copied().unwrap_or(Side::Other),
            kind: vocab(&kind, StatementKind::from_code)?,
            date,
            span_start,
            span_end,
            topic,
            channel: channel
                .as_deref()
                .map(|c| vocab(c, Channel::from_code))
                .transpose()?,
            text,
            quantity_at_least: quantity.map(|q| q as u32),
            quantity_unit: unit,
            excerpt: first_excerpt.remove(&id),
        });
    }
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

async fn first_excerpts(db: &Db, dossier_id: i64) -> Result<HashMap<i64, ExcerptView>> {
    let rows: Vec<ExcerptTuple> = sqlx::query_as(
        "SELECT e.statement_id, e.source_id, s.title, e.quote, e.start_offset, e.end_offset, e.page
         FROM excerpts e JOIN sources s ON s.id = e.source_id
         WHERE s.dossier_id = ? ORDER BY e.id DESC",
    )
    .bind(dossier_id)
    .fetch_all(db.pool())
    .await?;
    // Ordered newest first, so the last insert per statement (its first excerpt) wins.
    Ok(rows
        .into_iter()
        .map(|row| (row.0, excerpt_view(row)))
        .collect())
}
