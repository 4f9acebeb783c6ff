//! Search through SQLite FTS5, case and diacritics folded ("coordinatie" finds "coördinatie"),
//! the last word typed counting as a beginning: within one dossier, its sources and statements
//! ([`search`]), and across the whole library, every dossier's sources, statements and report
//! versions ([`library`]). Rows stored in bulk are indexed after their commit
//! ([`index_backlog`]).

use crate::error::Result;
use crate::Db;
use wederhoor_core::wire::SearchHit;

mod backlog;
mod hits;
mod library;
mod typed;
mod words;

pub(crate) use backlog::defer_statements;
pub use backlog::index_backlog;

use hits::{HitRow, Kind, SOURCES, STATEMENTS};
pub use library::{library, GROUPS, HITS};
pub use typed::fts_query;
use typed::{Typed, CANDIDATES, INDEXED_PREFIX};

/// The most results of each kind one dossier search returns.
pub const LIMIT: i64 = 50;

/// Candidates read per query while looking for a long beginning.
const CANDIDATE_PAGE: i64 = 250;

/// Searches one dossier; sources first, then statements, each newest first. (Ranking by
/// relevance would score every match, which takes seconds when a word occurs 100,000 times.)
pub async fn search(db: &Db, dossier_id: i64, typed: &str) -> Result<Vec<SearchHit>> {
    let Some(typed) = Typed::parse(typed) else {
        return Ok(Vec::new());
    };
    let query = typed.query();
    let mut hits = hits_of(db, &SOURCES, dossier_id, &query).await?;
    let statements = match long_start_search(db, dossier_id, &typed).await? {
        Some(found) => found,
        None => hits_of(db, &STATEMENTS, dossier_id, &query).await?,
    };
    hits.extend(statements);
    Ok(hits)
}

/// The newest [`LIMIT`] hits of one kind in a dossier.
async fn hits_of(db: &Db, kind: &Kind, dossier_id: i64, query: &str) -> Result<Vec<SearchHit>> {
    let rows: Vec<HitRow> = sqlx::query_as(&format!(
        "{} AND {fts} MATCH ?1 AND {alias}.dossier_id = ?2 ORDER BY {fts}.rowid DESC LIMIT ?3",
        kind.select(false),
        fts = kind.fts(),
        alias = kind.alias,
    ))
    .bind(query)
    .bind(dossier_id)
    .bind(LIMIT)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(|r| r.into_hit(kind.hit)).collect()
}

/// A word being typed that is longer than the index's beginnings (see
/// [`typed::Candidates`]): the dossier's statements with the three-letter beginning, newest
/// first, checked for the whole one. `None` when the word is short enough for the index, or
/// when few candidates have the whole beginning: then SQLite's prefix search is the cheaper.
async fn long_start_search(
    db: &Db,
    dossier_id: i64,
    typed: &Typed<'_>,
) -> Result<Option<Vec<SearchHit>>> {
    let Some(mut candidates) = typed.long_start(INDEXED_PREFIX) else {
        return Ok(None);
    };
    let mut hits = Vec::new();
    let mut below = i64::MAX;
    while candidates.read() < CANDIDATES {
        let page: Vec<HitRow> = sqlx::query_as(&format!(
            "{} AND statements_fts MATCH ?1 AND st.dossier_id = ?2 AND statements_fts.rowid < ?3
             ORDER BY statements_fts.rowid DESC LIMIT ?4",
            STATEMENTS.select(true)
        ))
        .bind(&candidates.query)
        .bind(dossier_id)
        .bind(below)
        .bind(CANDIDATE_PAGE)
        .fetch_all(db.pool())
        .await?;
        let exhausted = (page.len() as i64) < CANDIDATE_PAGE;
        for mut row in page {
            below = row.id;
            let text = row.text.take().unwrap_or_default();
            if let Some(snippet) = candidates.keep(&text, row.topic.as_deref()) {
                row.snippet = snippet;
                hits.push(row.into_hit(STATEMENTS.hit)?);
                if hits.len() as i64 == LIMIT {
                    return Ok(Some(hits));
                }
            }
        }
        if exhausted {
            return Ok(Some(hits));
        }
        // At this rate the budget would not fill a page of results: few statements have the
        // whole beginning, so SQLite's prefix search has little to merge and is the cheaper.
        if candidates.too_few() {
            return Ok(None);
        }
    }
    Ok(None)
}
