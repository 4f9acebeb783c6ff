//! Dossier search: one query over the dossier's sources and statements through SQLite FTS5,
//! case and diacritics folded ("coordinatie" finds "coördinatie").

use crate::error::Result;
use crate::Db;
use wederhoor_core::wire::{SearchHit, SearchHitKind};

mod words;

use words::{fold, Wanted};

/// The most results one search returns.
pub const LIMIT: i64 = 50;

/// The length of the beginnings the statements' index keeps (`prefix = '3'` in the search
/// migration). The word being typed counts as a beginning from this length on; shorter, it must
/// match a whole word.
const INDEXED_PREFIX: usize = 3;

/// Statements read at most before a long beginning is left to SQLite's own prefix search.
const CANDIDATES: i64 = 2_000;

/// Candidates read per query while looking for a long beginning.
const CANDIDATE_PAGE: i64 = 250;

/// The words a person typed: FTS syntax neutralised by splitting on everything but letters and
/// digits; the last word is the one still being typed.
fn typed_words(typed: &str) -> Option<(Vec<&str>, &str)> {
    let words: Vec<&str> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (last, rest) = words.split_last()?;
    Some((rest.to_vec(), last))
}

/// Turns what a person types into an FTS5 query: every word must occur, the last one may be
/// the start of a word once it has [`INDEXED_PREFIX`] letters; each word is quoted.
pub fn fts_query(typed: &str) -> Option<String> {
    let (rest, last) = typed_words(typed)?;
    Some(query_with_start(&rest, last))
}

fn query_with_start(rest: &[&str], last: &str) -> String {
    let mut parts: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    if last.chars().count() >= INDEXED_PREFIX {
        parts.push(format!("\"{last}\"*"));
    } else {
        parts.push(format!("\"{last}\""));
    }
    parts.join(" ")
}

/// Searches one dossier; sources first, then statements, each newest first. (Ranking by
/// relevance would score every match, which takes seconds when a word occurs 100,000 times.)
pub async fn search(db: &Db, dossier_id: i64, typed: &str) -> Result<Vec<SearchHit>> {
    let Some((rest, last)) = typed_words(typed) else {
        return Ok(Vec::new());
    };
    let query = query_with_start(&rest, last);
    let sources: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT s.id, s.title, snippet(sources_fts, -1, '[', ']', '…', 12)
         FROM sources_fts JOIN sources s ON s.id = sources_fts.rowid
         WHERE sources_fts MATCH ?1 AND s.dossier_id = ?2 ORDER BY sources_fts.rowid DESC LIMIT ?3",
    )
    .bind(&query)
    .bind(dossier_id)
    .bind(LIMIT)
    .fetch_all(db.pool())
    .await?;
    let mut hits: Vec<SearchHit> = sources
        .into_iter()
        .map(|(id, title, snippet)| SearchHit {
            kind: SearchHitKind::Source,
            id,
            source_id: Some(id),
            title,
            snippet,
        })
        .collect();
    let statements = match long_start_search(db, dossier_id, &rest, last).await? {
        Some(found) => found,
        None => statement_hits(db, dossier_id, &query).await?,
    };
    hits.extend(statements);
    Ok(hits)
}

/// A statement that matched, as the search list shows it.
const STATEMENT_HIT: &str = "SELECT st.id,
        (SELECT e.source_id FROM excerpts e WHERE e.statement_id = st.id ORDER BY e.id LIMIT 1),
        p.name || COALESCE(' · ' || st.date_a, '')";

async fn statement_hits(db: &Db, dossier_id: i64, query: &str) -> Result<Vec<SearchHit>> {
    let rows: Vec<(i64, Option<i64>, String, String)> = sqlx::query_as(&format!(
        "{STATEMENT_HIT}, snippet(statements_fts, -1, '[', ']', '…', 12)
         FROM statements_fts JOIN statements st ON st.id = statements_fts.rowid JOIN parties p ON p.id = st.party_id
         WHERE statements_fts MATCH ?1 AND st.dossier_id = ?2 ORDER BY statements_fts.rowid DESC LIMIT ?3"
    ))
    .bind(query)
    .bind(dossier_id)
    .bind(LIMIT)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, source_id, title, snippet)| statement_hit(id, source_id, title, snippet))
        .collect())
}

fn statement_hit(id: i64, source_id: Option<i64>, title: String, snippet: String) -> SearchHit {
    SearchHit {
        kind: SearchHitKind::Statement,
        id,
        source_id,
        title,
        snippet,
    }
}

/// A word being typed that is longer than the index's beginnings. SQLite's own prefix search
/// merges the lists of every word with that beginning before it returns anything (100 ms when
/// a word is in every statement), so the index's three-letter beginning finds candidates,
/// newest first, and the candidates are checked here for the whole beginning. `None` when the
/// word is short enough for the index, or when few candidates have the whole beginning: then
/// few statements do, and SQLite's prefix search is the cheaper one.
async fn long_start_search(
    db: &Db,
    dossier_id: i64,
    rest: &[&str],
    last: &str,
) -> Result<Option<Vec<SearchHit>>> {
    let start = fold(last);
    if start.chars().count() <= INDEXED_PREFIX {
        return Ok(None);
    }
    let indexed: String = start.chars().take(INDEXED_PREFIX).collect();
    let query = query_with_start(rest, &indexed);
    let wanted = Wanted {
        whole: rest.iter().map(|w| fold(w)).collect(),
        start,
    };
    let mut hits = Vec::new();
    let mut below = i64::MAX;
    let mut read = 0;
    while read < CANDIDATES {
        type Row = (i64, Option<i64>, String, String, Option<String>);
        let page: Vec<Row> = sqlx::query_as(&format!(
            "{STATEMENT_HIT}, st.text, st.topic
             FROM statements_fts JOIN statements st ON st.id = statements_fts.rowid JOIN parties p ON p.id = st.party_id
             WHERE statements_fts MATCH ?1 AND st.dossier_id = ?2 AND statements_fts.rowid < ?3
             ORDER BY statements_fts.rowid DESC LIMIT ?4"
        ))
        .bind(&query)
        .bind(dossier_id)
        .bind(below)
        .bind(CANDIDATE_PAGE)
        .fetch_all(db.pool())
        .await?;
        let exhausted = (page.len() as i64) < CANDIDATE_PAGE;
        read += page.len() as i64;
        for (id, source_id, title, text, topic) in page {
            below = id;
            let topic = topic.unwrap_or_default();
            if wanted.begins_a_word_in(&text) || wanted.begins_a_word_in(&topic) {
                hits.push(statement_hit(
                    id,
                    source_id,
                    title,
                    wanted.snippet(&text, 12),
                ));
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
        if (hits.len() as i64) * CANDIDATES < LIMIT * read {
            return Ok(None);
        }
    }
    Ok(None)
}

/// A range of new statement ids whose search indexing waits until after commit. While it lives,
/// the statements' insert trigger is set aside: its check of the backlog costs more per row
/// than the rest of a record's insert. Call [`DeferredStatements::finish`] before committing;
/// a transaction rolled back instead restores the trigger by itself.
#[must_use = "finish() puts the search trigger back; committing without it leaves new statements unindexed"]
pub(crate) struct DeferredStatements {
    trigger_sql: String,
}

/// The insert trigger of the statements' search index (see the search migration).
const STATEMENT_INSERT_TRIGGER: &str = "statements_fts_insert";

/// Puts the statement ids `first..=last` on the search backlog (indexed by [`index_backlog`]
/// after commit) and sets the insert trigger aside for the rest of this transaction.
pub(crate) async fn defer_statements(
    conn: &mut sqlx::SqliteConnection,
    first: i64,
    last: i64,
) -> Result<DeferredStatements> {
    sqlx::query("INSERT INTO search_backlog (kind, first_id, last_id) VALUES ('statement', ?, ?)")
        .bind(first)
        .bind(last)
        .execute(&mut *conn)
        .await?;
    // The trigger is put back from its own stored text, so this never drifts from the migration.
    let (trigger_sql,): (String,) =
        sqlx::query_as("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
            .bind(STATEMENT_INSERT_TRIGGER)
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query(&format!("DROP TRIGGER {STATEMENT_INSERT_TRIGGER}"))
        .execute(&mut *conn)
        .await?;
    Ok(DeferredStatements { trigger_sql })
}

impl DeferredStatements {
    /// Puts the insert trigger back, in the same transaction.
    pub(crate) async fn finish(self, conn: &mut sqlx::SqliteConnection) -> Result<()> {
        sqlx::query(&self.trigger_sql).execute(&mut *conn).await?;
        Ok(())
    }
}

/// Indexes every row waiting in the search backlog (after a bulk import, or left over by a stop
/// before indexing finished) in one transaction. Returns how many rows were indexed.
pub async fn index_backlog(db: &Db) -> Result<u64> {
    let mut tx = db.begin_write().await?;
    let ranges: Vec<(String, i64, i64)> =
        sqlx::query_as("SELECT kind, first_id, last_id FROM search_backlog")
            .fetch_all(&mut *tx)
            .await?;
    let mut indexed = 0;
    for (kind, first, last) in &ranges {
        let sql = if kind == "source" {
            "INSERT INTO sources_fts(rowid, title, text) SELECT id, title, text FROM sources_search WHERE id BETWEEN ? AND ?"
        } else {
            "INSERT INTO statements_fts(rowid, text, topic) SELECT id, text, topic FROM statements WHERE id BETWEEN ? AND ?"
        };
        indexed += sqlx::query(sql)
            .bind(first)
            .bind(last)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    sqlx::query("DELETE FROM search_backlog")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(indexed)
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_words_become_a_safe_prefix_query() {
        assert_eq!(
            fts_query("tien keer").as_deref(),
            Some("\"tien\" \"keer\"*")
        );
        assert_eq!(
            fts_query("\"NEAR(a b)\" OR xyz*").as_deref(),
            Some("\"NEAR\" \"a\" \"b\" \"OR\" \"xyz\"*"),
            "syntax is neutralised"
        );
        assert_eq!(fts_query("  ... "), None, "nothing to search for");
        assert_eq!(
            fts_query("tien ke").as_deref(),
            Some("\"tien\" \"ke\""),
            "shorter than the index's beginnings: a whole word"
        );
    }
}
