//! The data of "Tegenover elkaar": every statement of a dossier placed on one time axis in the
//! column of its party's side, the first excerpt of each, the weekly chart and the conflicts.
//!
//! A dossier can hold 10,000 statements, and the view must open in under 50 ms. Decoding that
//! many rows one by one through sqlx costs most of that, so SQLite builds the statements as one
//! JSON array (its JSON functions are C and fast), in parts of the time axis on several
//! connections at once. The UI gets that JSON as it is ([`side_by_side_json`]), with of each
//! statement's excerpt only its source; the rules read whole statements, decoded
//! ([`side_by_side`]).

use crate::error::{Error, Result};
use crate::{parties, Db};
use wederhoor_core::dates::parse_iso_day;
use wederhoor_core::timeline::{sort_on_axis, weekly_contacts, weekly_counts, WeekEntry};
use wederhoor_core::vocab::StatementKind;
use wederhoor_core::wire::{ConflictLink, SideBySide, StatementView, WeekCount};

/// Which statements' JSON to build: whole statements for the rules, or the UI's light ones.
#[derive(Clone, Copy)]
enum Shape {
    /// [`StatementView`]s with the first excerpt and its quote.
    Whole,
    /// [`AxisStatement`](wederhoor_core::wire::AxisStatement)s: of the first excerpt only its
    /// source.
    Axis,
}

/// Which statements of the dossier: the dated from `?2` and before `?3` (first days, ISO),
/// or the undated, which come last on the axis.
#[derive(Clone, Copy)]
enum Part {
    Dated,
    Undated,
    /// The one statement `?2` (for its edit form).
    One,
}

/// The SQL building one part of the statements as a JSON array in axis order (the order of
/// `core::timeline::sort_on_axis`; a test holds the two together).
fn statements_sql(shape: Shape, part: Part) -> String {
    // The ids come in axis order from the index statements_axis as it stands, without a sort
    // or reading a row; CROSS JOIN keeps that order as the outer loop, so the array is built
    // in axis order.
    let which = match part {
        Part::Dated => "span_start >= ?2 AND span_start < ?3",
        Part::Undated => "span_start IS NULL",
        Part::One => "id = ?2",
    };
    // The first excerpt is the one with the lowest id; excerpts_statement holds (statement,
    // id, source), so the UI's link comes from the index alone, in order.
    let (excerpt, joins) = match shape {
        Shape::Whole => (
            "'quantityUnit', s.quantity_unit,
      'excerpt', CASE WHEN e.id IS NULL THEN NULL ELSE
        json_object('statementId', e.statement_id, 'sourceId', e.source_id,
                    'sourceTitle', src.title, 'quote', e.quote, 'startOffset', e.start_offset,
                    'endOffset', e.end_offset, 'page', e.page) END",
            "LEFT JOIN excerpts e ON e.id = (SELECT MIN(x.id) FROM excerpts x WHERE x.statement_id = s.id)
LEFT JOIN sources src ON src.id = e.source_id",
        ),
        Shape::Axis => (
            "'sourceId', (SELECT x.source_id FROM excerpts x WHERE x.statement_id = s.id
                   ORDER BY x.id LIMIT 1)",
            "",
        ),
    };
    format!(
        "
WITH axis AS MATERIALIZED (
    SELECT id FROM statements WHERE dossier_id = ?1 AND {which}
    ORDER BY span_start, span_end, date_a, id)
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
      {excerpt}))
FROM axis
CROSS JOIN statements s ON s.id = axis.id
JOIN parties p ON p.id = s.party_id
{joins}"
    )
}

/// Bounds of first days that take in every ISO day: '' sorts before and '~' after them all.
const BEFORE_ALL_DAYS: &str = "";
const AFTER_ALL_DAYS: &str = "~";

/// The first day in the middle of the dossier's dated statements (through the index on
/// dossier and first day), where the axis is cut in two; none when nothing is dated.
const MIDDLE_DAY: &str = "
SELECT span_start FROM statements WHERE dossier_id = ?1 AND span_start IS NOT NULL
ORDER BY span_start
LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM statements WHERE dossier_id = ?1 AND span_start IS NOT NULL)";

/// The statements' JSON array in axis order, in parts to be joined by [`join_arrays`].
/// Building it is most of the view's time, so the parts are built at once on pooled
/// connections: the dated cut in two at a day, and the undated. The cut is a day, not a row
/// count: a statement written meanwhile still falls in exactly one part. Each part reads its
/// own snapshot, so a write committed between them (a register import) can show in one part
/// and not yet in another; the screen reloads after its own writes, and the next load shows
/// it whole.
async fn statements_json(db: &Db, dossier_id: i64, shape: Shape) -> Result<Vec<String>> {
    let middle: Option<(String,)> = sqlx::query_as(MIDDLE_DAY)
        .bind(dossier_id)
        .fetch_optional(db.pool())
        .await?;
    let middle = middle.map_or(AFTER_ALL_DAYS.to_string(), |(day,)| day);
    let (dated, undated) = (
        statements_sql(shape, Part::Dated),
        statements_sql(shape, Part::Undated),
    );
    let (early, late, undated) = tokio::try_join!(
        statements_part(db, &dated, dossier_id, Some((BEFORE_ALL_DAYS, &middle))),
        statements_part(db, &dated, dossier_id, Some((&middle, AFTER_ALL_DAYS))),
        statements_part(db, &undated, dossier_id, None),
    )?;
    Ok(vec![early, late, undated])
}

/// One part of the statements' JSON: `sql` from [`statements_sql`], with the bounds of its
/// first days when it is a dated part.
async fn statements_part(
    db: &Db,
    sql: &str,
    dossier_id: i64,
    days: Option<(&str, &str)>,
) -> Result<String> {
    let mut query = sqlx::query_as(sql).bind(dossier_id);
    if let Some((from, before)) = days {
        query = query.bind(from).bind(before);
    }
    let (json,): (String,) = query.fetch_one(db.pool()).await?;
    Ok(json)
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
        async { parties::list(&mut *pool.acquire().await?, dossier_id).await },
        statements_json(db, dossier_id, Shape::Axis),
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

/// One statement as the views show it, with its first excerpt: what its edit form starts from.
pub async fn statement(db: &Db, id: i64) -> Result<StatementView> {
    let dossier: Option<(i64,)> = sqlx::query_as("SELECT dossier_id FROM statements WHERE id = ?")
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    let (dossier_id,) = dossier.ok_or(Error::NotFound("lezing".into()))?;
    let (json,): (String,) = sqlx::query_as(&statements_sql(Shape::Whole, Part::One))
        .bind(dossier_id)
        .bind(id)
        .fetch_one(db.pool())
        .await?;
    let list: Vec<StatementView> = serde_json::from_str(&json)
        .map_err(|e| Error::Corrupt(format!("lezing onleesbaar: {e}")))?;
    list.into_iter()
        .next()
        .ok_or(Error::NotFound("lezing".into()))
}

/// Everything the side-by-side view draws for one dossier, in one read.
pub async fn side_by_side(db: &Db, dossier_id: i64) -> Result<SideBySide> {
    let pool = db.pool();
    crate::dossiers::by_id(pool, dossier_id).await?;
    let parties = parties::list(&mut *pool.acquire().await?, dossier_id).await?;
    let mut json = String::new();
    join_arrays(
        &mut json,
        &statements_json(db, dossier_id, Shape::Whole).await?,
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
    use super::{join_arrays, statements_sql, Part, Shape};
    use crate::Db;

    /// The view's time rests on reading the axis from the index as it stands (no sort, no
    /// row read), and the UI's link to a statement's first excerpt from the index on excerpts
    /// alone. SQLite's plan says whether that holds.
    #[tokio::test]
    async fn the_axis_and_the_first_excerpts_are_read_from_indexes_without_a_sort() {
        let db = Db::open_in_memory().await.unwrap();
        for part in [Part::Dated, Part::Undated] {
            let sql = format!("EXPLAIN QUERY PLAN {}", statements_sql(Shape::Axis, part));
            let mut query = sqlx::query_as(&sql).bind(1);
            if matches!(part, Part::Dated) {
                query = query.bind("2018-01-01").bind("2019-01-01");
            }
            let rows: Vec<(i64, i64, i64, String)> = query.fetch_all(db.pool()).await.unwrap();
            let plan: Vec<String> = rows.into_iter().map(|r| r.3).collect();
            let plan = plan.join("\n");
            assert!(plan.contains("COVERING INDEX statements_axis"), "{plan}");
            assert!(plan.contains("COVERING INDEX excerpts_statement"), "{plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        }
    }

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
