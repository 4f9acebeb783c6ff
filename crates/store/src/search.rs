//! Dossier search: one query over the dossier's sources and statements through SQLite FTS5,
//! case and diacritics folded ("coordinatie" finds "coördinatie").

use crate::error::Result;
use crate::Db;
use wederhoor_core::wire::{SearchHit, SearchHitKind};

/// The most results one search returns.
pub const LIMIT: i64 = 50;

/// Turns what a person types into an FTS5 query: every word must occur, the last one may be
/// the start of a word; FTS syntax characters are neutralised by quoting each word.
pub fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    let (last, rest) = words.split_last()?;
    let mut parts: Vec<String> = rest.to_vec();
    parts.push(format!("{last}*"));
    Some(parts.join(" "))
}

/// Searches one dossier; sources first, then statements, each newest first. (Ranking by
/// relevance would score every match, which takes seconds when a word occurs 100,000 times.)
pub async fn search(db: &Db, dossier_id: i64, typed: &str) -> Result<Vec<SearchHit>> {
    let Some(query) = fts_query(typed) else {
        return Ok(Vec::new());
    };
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
    let statements: Vec<(i64, Option<i64>, String, String)> = sqlx::query_as(
        "SELECT st.id, (SELECT e.source_id FROM excerpts e WHERE e.statement_id = st.id ORDER BY e.id LIMIT 1),
                p.name || COALESCE(' · ' || st.date_a, ''), snippet(statements_fts, -1, '[', ']', '…', 12)
         FROM statements_fts JOIN statements st ON st.id = statements_fts.rowid JOIN parties p ON p.id = st.party_id
         WHERE statements_fts MATCH ?1 AND st.dossier_id = ?2 ORDER BY statements_fts.rowid DESC LIMIT ?3",
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
    hits.extend(
        statements
            .into_iter()
            .map(|(id, source_id, title, snippet)| SearchHit {
                kind: SearchHitKind::Statement,
                id,
                source_id,
                title,
                snippet,
            }),
    );
    Ok(hits)
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
    let mut tx = db.pool().begin().await?;
    let ranges: Vec<(String, i64, i64)> =
        sqlx::query_as("SELECT kind, first_id, last_id FROM search_backlog")
            .fetch_all(&mut *tx)
            .await?;
    let mut indexed = 0;
    for (kind, first, last) in &ranges {
        let sql = if kind == "source" {
            "INSERT INTO sources_fts(rowid, title, text) SELECT id, title, text FROM sources WHERE id BETWEEN ? AND ?"
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
            fts_query("\"NEAR(a b)\" OR x*").as_deref(),
            Some("\"NEAR\" \"a\" \"b\" \"OR\" \"x\"*"),
            "syntax is neutralised"
        );
        assert_eq!(fts_query("  ... "), None, "nothing to search for");
    }
}
