//! Rows stored in bulk (a register import: its records and the export's own text) are indexed
//! for search right after their transaction commits, so the import itself stays fast: their
//! id ranges wait in `search_backlog`, the index triggers leave them alone, and
//! [`index_backlog`] indexes them into the dossier search's indexes and the library's.

use crate::error::Result;
use crate::Db;

/// A range of new statement ids whose search indexing waits until after commit. While it lives,
/// the statements' insert triggers are set aside: their check of the backlog costs more per row
/// than the rest of a record's insert. Call [`DeferredStatements::finish`] before committing;
/// a transaction rolled back instead restores the triggers by itself.
#[must_use = "finish() puts the search triggers back; committing without it leaves new statements unindexed"]
pub(crate) struct DeferredStatements {
    trigger_sql: Vec<String>,
}

/// The insert triggers of the statements' search indexes: the dossier search's (see the search
/// migration) and the library's (see the library search migration).
const STATEMENT_INSERT_TRIGGERS: [&str; 2] = ["statements_fts_insert", "library_statements_insert"];

/// Rows indexed at once from which the library index is merged into one b-tree afterwards
/// (see [`tidy_library_index`]).
const TIDY_AFTER: u64 = 10_000;

/// Puts the statement ids `first..=last` on the search backlog (indexed by [`index_backlog`]
/// after commit) and sets the insert triggers aside for the rest of this transaction.
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
    let mut trigger_sql = Vec::with_capacity(STATEMENT_INSERT_TRIGGERS.len());
    for name in STATEMENT_INSERT_TRIGGERS {
        // Put back from its own stored text, so this never drifts from the migrations.
        let (sql,): (String,) =
            sqlx::query_as("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
                .bind(name)
                .fetch_one(&mut *conn)
                .await?;
        sqlx::query(&format!("DROP TRIGGER {name}"))
            .execute(&mut *conn)
            .await?;
        trigger_sql.push(sql);
    }
    Ok(DeferredStatements { trigger_sql })
}

impl DeferredStatements {
    /// Puts the insert triggers back, in the same transaction.
    pub(crate) async fn finish(self, conn: &mut sqlx::SqliteConnection) -> Result<()> {
        for sql in &self.trigger_sql {
            sqlx::query(sql).execute(&mut *conn).await?;
        }
        Ok(())
    }
}

/// Indexes every row waiting in the search backlog (after a bulk import, or left over by a stop
/// before indexing finished) in one transaction, then, after many rows, tidies the library
/// index. Returns how many rows were indexed.
pub async fn index_backlog(db: &Db) -> Result<u64> {
    let mut tx = db.begin_write().await?;
    let ranges: Vec<(String, i64, i64)> =
        sqlx::query_as("SELECT kind, first_id, last_id FROM search_backlog")
            .fetch_all(&mut *tx)
            .await?;
    let mut indexed = 0;
    for (kind, first, last) in &ranges {
        let (dossier_index, library_index) = if kind == "source" {
            (
                "INSERT INTO sources_fts(rowid, title, text) SELECT id, title, text FROM sources_search WHERE id BETWEEN ?1 AND ?2",
                "INSERT INTO library_fts(rowid, a, b) SELECT (dossier_id << 32) | (2 << 30) | id, title, COALESCE(index_text, text) FROM sources WHERE id BETWEEN ?1 AND ?2",
            )
        } else {
            (
                "INSERT INTO statements_fts(rowid, text, topic) SELECT id, text, topic FROM statements WHERE id BETWEEN ?1 AND ?2",
                "INSERT INTO library_fts(rowid, a, b) SELECT (dossier_id << 32) | (1 << 30) | id, text, topic FROM statements WHERE id BETWEEN ?1 AND ?2",
            )
        };
        indexed += sqlx::query(dossier_index)
            .bind(first)
            .bind(last)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query(library_index)
            .bind(first)
            .bind(last)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM search_backlog")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    if indexed >= TIDY_AFTER {
        tidy_library_index(db).await?;
    }
    Ok(indexed)
}

/// Merges the library index into one b-tree (FTS5 `optimize`). A bulk insert leaves it in a
/// dozen b-trees, and a search that reads it newest first, from one dossier to the next, looks
/// each of them up again for every dossier: three to five times slower than one. Its own
/// transaction, after the rows it tidies are committed and searchable.
async fn tidy_library_index(db: &Db) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query("INSERT INTO library_fts(library_fts) VALUES ('optimize')")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
