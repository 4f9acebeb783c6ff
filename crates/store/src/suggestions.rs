//! Suggested conflicts for a dossier: the rules of `core::suggest` run over its statements,
//! each marked new, already recorded as a conflict, or dismissed (remembered per dossier).

use crate::changes::Change;
use crate::error::Result;
use crate::{conflicts, now, Actor, Db};
use serde_json::json;
use wederhoor_core::dates::{parse_iso_day, FuzzyDate};
use wederhoor_core::suggest::{suggest, Fact, Precision, RuleSettings};
use wederhoor_core::wire::{ChangeVerb, ItemKind, SuggestionStatus, SuggestionView};

/// The rules' suggestions for one dossier, with their status.
pub async fn for_dossier(
    db: &Db,
    dossier_id: i64,
    settings: RuleSettings,
) -> Result<Vec<SuggestionView>> {
    let view = crate::side_by_side::side_by_side(db, dossier_id).await?;
    let facts: Vec<Fact> = view
        .statements
        .iter()
        .map(|s| Fact {
            id: s.id,
            side: s.side,
            kind: s.kind,
            when: when(
                s.date.as_deref(),
                s.span_start.as_deref(),
                s.span_end.as_deref(),
            ),
            channel: s.channel,
            topic: s.topic.clone(),
            quantity: s.quantity_at_least,
        })
        .collect();
    let dismissed: Vec<(String,)> =
        sqlx::query_as("SELECT key FROM dismissed_suggestions WHERE dossier_id = ?")
            .bind(dossier_id)
            .fetch_all(db.pool())
            .await?;
    let recorded = conflicts::list(&mut *db.pool().acquire().await?, dossier_id).await?;
    Ok(suggest(&facts, settings)
        .into_iter()
        .map(|suggestion| {
            let holder = recorded
                .iter()
                .find(|c| suggestion.citizen.iter().all(|id| c.citizen.contains(id)));
            let status = if holder.is_some() {
                SuggestionStatus::Recorded
            } else if dismissed.iter().any(|(k,)| *k == suggestion.key) {
                SuggestionStatus::Dismissed
            } else {
                SuggestionStatus::New
            };
            SuggestionView {
                conflict_title: holder.map(|c| c.title.clone()),
                suggestion,
                status,
            }
        })
        .collect())
}

fn when(
    date: Option<&str>,
    start: Option<&str>,
    end: Option<&str>,
) -> Option<(chrono::NaiveDate, chrono::NaiveDate, Precision)> {
    let (start, end) = (parse_iso_day(start?).ok()?, parse_iso_day(end?).ok()?);
    let date = date?;
    let precision = match date.split_once('/') {
        Some((a, b)) => FuzzyDate::from_parts("range", a, Some(b))
            .ok()
            .map(|_| Precision::Range)?,
        None if date.len() == 7 => Precision::Month,
        None => Precision::Day,
    };
    Some((start, end, precision))
}

/// Remembers that the investigator dismissed a suggestion, as an undoable edit (dismissing it
/// again changes nothing and leaves no step to undo).
pub async fn dismiss(db: &Db, dossier_id: i64, key: &str, actor: &Actor) -> Result<()> {
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Suggestion,
        ChangeVerb::Create,
        key,
        false,
    )
    .await?;
    sqlx::query("INSERT OR IGNORE INTO dismissed_suggestions (dossier_id, key, dismissed_at) VALUES (?, ?, ?)")
        .bind(dossier_id)
        .bind(key)
        .bind(now())
        .execute(change.conn())
        .await?;
    change
        .commit(actor, "suggestion.dismiss", json!({ "key": key }))
        .await
}
