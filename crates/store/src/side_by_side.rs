//! The data of "Tegenover elkaar": every statement of a dossier placed on one time axis in the
//! column of its party's side, the first excerpt of each, the weekly chart and the conflicts.
//!
//! A dossier can hold 10,000 statements, and the view must open in under 50 ms. Decoding that
//! many rows one by one through sqlx costs most of that, so SQLite builds the statements as one
//! JSON array (its JSON functions are C and fast), in two halves of the time axis on two
//! connections at once. The UI gets that JSON as it is ([`side_by_side_json`]), with of each
//! statement's excerpt only its source; the rules read whole statements, decoded
//! ([`side_by_side`]).

use crate::error::{Error, Result};
use crate::{parties, Db};
use wederhoor_core::dates::parse_iso_day;
use wederhoor_core::timeline::{sort_on_axis, weekly_contacts, weekly_counts, WeekEntry};
use wederhoor_core::vocab::StatementKind;
use wederhoor_core::wire::{ConflictLink, SideBySide, StatementView, WeekCount};

/// The statements as JSON in axis order (the order of `core::timeline::sort_on_axis`; a test
/// holds the two together), each object ending in `$link`: the entry of its first excerpt.
/// `?2` and `?3` bound a part of the axis by first day: from `?2` (with the undated, which come
/// last) and before `?3`; NULL for no bound. `$joins` come after the statement's own.
macro_rules! statements_json_sql {
    ($link:literal, $joins:literal) => {
        concat!(
            "
-- Sorting only the keys and ids is much cheaper than sorting the finished JSON objects;
-- CROSS JOIN keeps this order as the outer loop, so the array is built in axis order.
WITH axis AS MATERIALIZED (
    SELECT id FROM statements
    WHERE dossier_id = ?1
      AND (?2 IS NULL OR span_start >= ?2 OR span_start IS NULL)
      AND (?3 IS NULL OR span_start < ?3)
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
      'quantityAtLeast', s.quantity_at_least,",
            $link,
            "))
FROM axis
CROSS JOIN statements s ON s.id = axis.id
JOIN parties p ON p.id = s.party_id",
            $joins
        )
    };
}

/// Whole [`StatementView`]s, with the first excerpt and its quote: what the rules read. The
/// first excerpt is looked up per statement through `excerpts_statement` (cheaper than grouping
/// all the dossier's excerpts first).
const STATEMENT_VIEWS_JSON: &str = statements_json_sql!(
    "
      'quantityUnit', s.quantity_unit,
      'excerpt', CASE WHEN e.id IS NULL THEN NULL ELSE
        json_object('statementId', e.statement_id, 'sourceId', e.source_id,
                    'sourceTitle', src.title, 'quote', e.quote, 'startOffset', e.start_offset,
                    'endOffset', e.end_offset, 'page', e.page) END",
    "
LEFT JOIN excerpts e ON e.id = (SELECT MIN(x.id) FROM excerpts x WHERE x.statement_id = s.id)
LEFT JOIN sources src ON src.id = e.source_id"
);

/// [`AxisStatement`](wederhoor_core::wire::AxisStatement)s for the UI: of the first excerpt only its source (the first id in
/// `excerpts_statement` for the statement).
const AXIS_STATEMENTS_JSON: &str = statements_json_sql!(
    "
      'sourceId', (SELECT x.source_id FROM excerpts x WHERE x.statement_id = s.id
                   ORDER BY x.id LIMIT 1)",
    ""
);

/// The first day in the middle of the dossier's dated statements (through the index on
/// dossier and first day), where the axis is cut in two; none when nothing is dated.
const MIDDLE_DAY: &str = "
SELECT span_start FROM statements WHERE dossier_id = ?1 AND span_start IS NOT NULL
ORDER BY span_start
LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM statements WHERE dossier_id = ?1 AND span_start IS NOT NULL)";

/// The statements' JSON array in axis order, in parts to be joined by [`join_arrays`].
/// Building it is most of the view's time, so the axis is cut at a day and both parts are built
/// at once on two pooled connections. The cut is a day, not a row count: a statement written meanwhile still falls
/// in exactly one part. `sql` is [`STATEMENT_VIEWS_JSON`] or [`AXIS_STATEMENTS_JSON`].
async fn statements_json(db: &Db, dossier_id: i64, sql: &'static str) -> Result<Vec<String>> {
    let middle: Option<(String,)> = sqlx::query_as(MIDDLE_DAY)
        .bind(dossier_id)
        .fetch_optional(db.pool())
        .await?;
    let part = |from: Option<String>, before: Option<String>| async move {
        let (json,): (String,) = sqlx::query_as(sql)
            .bind(dossier_id)
            .bind(from)
            .bind(before)
            .fetch_one(db.pool())
            .await?;
        Ok::<_, Error>(json)
    };
    let Some((middle,)) = middle else {
        return Ok(vec![part(None, None).await?]);
    };
    let (early, late) =
        tokio::try_join!(part(None, Some(middle.clone())), part(Some(middle), None))?;
    Ok(vec![early, late])
}

/// Writes JSON arrays as one: `[a, b]` and `[c]` give `[a, b,c]`.
fn join_arrays(out: &mut String, parts: &[String]) {
    out.push('[');
    let mut first = true;
    for part in parts {
        let items = &part[1..part.len() - 1];
        if items.is_empty() {
            continue;
        }
        if !first {
            out.push(',');
        }
        out.push_str(items);
        first = false;
    }
    out.push(']');
}

/// Only what the weekly chart needs: dated records, and dated claims with a quantity.
const WEEK_ENTRIES_JSON: &str = "
SELECT json_group_array(json_array(kind, span_start, span_end, quantity_at_least))
FROM statements
WHERE dossier_id = ? AND span_start IS NOT NULL AND span_end IS NOT NULL
  AND (kind = 'record' OR quantity_at_least IS NOT NULL)";

/// Tegenover elkaar for the UI, as the JSON of a [`SideBySideView`]: the statements go from
/// SQLite's JSON straight into it, and the chart reads only its own columns, so 10,000
/// statements are never decoded one by one. The Tauri command sends this string as it is.
pub async fn side_by_side_json(db: &Db, dossier_id: i64) -> Result<String> {
    let pool = db.pool();
    crate::dossiers::by_id(pool, dossier_id).await?;
    // Independent reads, each on its own pooled connection (its own thread).
    let (parties, statements, weeks, conflicts) = tokio::try_join!(
        parties::list(pool, dossier_id),
        statements_json(db, dossier_id, AXIS_STATEMENTS_JSON),
        week_counts(db, dossier_id),
        conflict_links(db, dossier_id),
    )?;
    let encode = |e: serde_json::Error| Error::Corrupt(format!("tegenover elkaar: {e}"));
    let sizes: usize = statements.iter().map(String::len).sum();
    let mut out = String::with_capacity(sizes + 64 * (weeks.len() + conflicts.len()) + 1024);
    out.push_str("{\"parties\":");
    out.push_str(&serde_json::to_string(&parties).map_err(encode)?);
    out.push_str(",\"statements\":");
    join_arrays(&mut out, &statements);
    drop(statements);
    out.push_str(",\"weeks\":");
    out.push_str(&serde_json::to_string(&weeks).map_err(encode)?);
    out.push_str(",\"conflicts\":");
    out.push_str(&serde_json::to_string(&conflicts).map_err(encode)?);
    out.push('}');
    Ok(out)
}

async fn week_counts(db: &Db, dossier_id: i64) -> Result<Vec<WeekCount>> {
    let (entries,): (String,) = sqlx::query_as(WEEK_ENTRIES_JSON)
        .bind(dossier_id)
        .fetch_one(db.pool())
        .await?;
    type Row<'a> = (&'a str, &'a str, &'a str, Option<u32>);
    let rows: Vec<Row> = serde_json::from_str(&entries)
        .map_err(|e| Error::Corrupt(format!("lezingen onleesbaar: {e}")))?;
    Ok(weekly_counts(rows.into_iter().filter_map(
        |(kind, start, end, at_least)| {
            Some(WeekEntry {
                kind: StatementKind::from_code(kind)?,
                start: parse_iso_day(start).ok()?,
                end: parse_iso_day(end).ok()?,
                at_least,
            })
        },
    )))
}

/// The dossier's conflicts with the statements on each side, as JSON from SQLite (1,000
/// conflicts decode in well under a millisecond this way, against ten row by row).
const CONFLICT_LINKS_JSON: &str = "
SELECT json_group_array(json_object(
    'id', c.id, 'title', c.title, 'kind', c.kind,
    'citizen', json((SELECT json_group_array(statement_id) FROM (
        SELECT statement_id FROM conflict_statements
        WHERE conflict_id = c.id AND side = 'citizen' ORDER BY rowid))),
    'body', json((SELECT json_group_array(statement_id) FROM (
        SELECT statement_id FROM conflict_statements
        WHERE conflict_id = c.id AND side = 'body' ORDER BY rowid)))))
FROM (SELECT id, title, kind FROM conflicts WHERE dossier_id = ? ORDER BY id) c";

async fn conflict_links(db: &Db, dossier_id: i64) -> Result<Vec<ConflictLink>> {
    let (json,): (String,) = sqlx::query_as(CONFLICT_LINKS_JSON)
        .bind(dossier_id)
        .fetch_one(db.pool())
        .await?;
    serde_json::from_str(&json)
        .map_err(|e| Error::Corrupt(format!("tegenstrijdigheden onleesbaar: {e}")))
}

/// Everything the side-by-side view draws for one dossier, in one read.
pub async fn side_by_side(db: &Db, dossier_id: i64) -> Result<SideBySide> {
    let pool = db.pool();
    crate::dossiers::by_id(pool, dossier_id).await?;
    let parties = parties::list(pool, dossier_id).await?;
    let mut json = String::new();
    join_arrays(
        &mut json,
        &statements_json(db, dossier_id, STATEMENT_VIEWS_JSON).await?,
    );
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

#[cfg(test)]
mod tests {
    use super::join_arrays;

    #[test]
    fn json_arrays_join_into_one() {
        let joined = |parts: &[&str]| {
            let mut out = String::new();
            join_arrays(
                &mut out,
                &parts.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            );
            out
        };
        assert_eq!(joined(&["[1,2]", "[3]"]), "[1,2,3]");
        assert_eq!(joined(&["[]", "[3]"]), "[3]");
        assert_eq!(joined(&["[1]", "[]"]), "[1]");
        assert_eq!(joined(&["[]", "[]"]), "[]");
        assert_eq!(joined(&["[1]"]), "[1]");
        assert_eq!(joined(&["[]", "[2]", "[]", "[3]"]), "[2,3]");
    }
}
