//! Writing a batch of records and their excerpts: multi-row INSERT statements with bound
//! values, each full statement prepared once and reused, and each built while SQLite runs the
//! one before it.

use crate::error::Result;
use sqlx::query::Query;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Sqlite, SqliteConnection};
use wederhoor_core::dates::iso_day;
use wederhoor_core::register::RegisterRecord;
use wederhoor_core::wire::RegisterImportMeta;
use wederhoor_extract::Table;

/// Rows per INSERT statement. Each row binds a few values; 500 rows stay far below SQLite's
/// 32,766 parameters, and every full batch reuses one prepared statement.
const ROWS_PER_INSERT: usize = 500;

type Insert<'q> = Query<'q, Sqlite, SqliteArguments<'q>>;

/// `{head}VALUES (row), (row), ...{tail}` for `rows` rows of `row`.
fn multi_row_insert(head: &str, row: &str, rows: usize, tail: &str) -> String {
    let mut sql = String::with_capacity(head.len() + rows * (row.len() + 1) + tail.len());
    sql.push_str(head);
    sql.push_str("VALUES ");
    for i in 0..rows {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str(row);
    }
    sql.push_str(tail);
    sql
}

/// The SQL of a full chunk, and of the shorter last one if the rows do not divide evenly.
struct ChunkSql {
    full: String,
    last: Option<String>,
}

impl ChunkSql {
    fn new(head: &str, row: &str, tail: &str, rows: usize) -> Self {
        let rest = rows % ROWS_PER_INSERT;
        ChunkSql {
            full: multi_row_insert(head, row, ROWS_PER_INSERT, tail),
            last: (rest > 0).then(|| multi_row_insert(head, row, rest, tail)),
        }
    }

    /// The SQL for a chunk of `rows` rows: all but the last chunk are full.
    fn for_rows(&self, rows: usize) -> &str {
        match &self.last {
            Some(last) if rows < ROWS_PER_INSERT => last,
            _ => &self.full,
        }
    }
}

/// Each row brings id, moment, day, topic, channel and text (the day is both ends of its
/// span); the dossier and party are bound once per statement.
const STATEMENTS_HEAD: &str = "INSERT INTO statements (dossier_id, party_id, kind, date_kind, id, date_a, span_start, span_end, topic, channel, text)
     SELECT ?, ?, 'record', 'on', column1, column2, column3, column3, column4, column5, column6 FROM (";
const EXCERPTS_HEAD: &str =
    "INSERT INTO excerpts (source_id, statement_id, quote, start_offset, end_offset) ";

/// Inserts a batch of records, then their excerpts (each quoting its own row of the export),
/// with multi-row VALUES statements binding each value: far cheaper than a statement per row
/// (each a round trip to SQLite's worker thread) or a JSON array that SQLite would have to
/// parse again for every field. The records' ids run from `base`.
pub(super) async fn insert_batch(
    conn: &mut SqliteConnection,
    meta: &RegisterImportMeta,
    source_id: i64,
    base: i64,
    batch: &[(usize, RegisterRecord)],
    table: &Table,
) -> Result<()> {
    let statements_sql = ChunkSql::new(STATEMENTS_HEAD, "(?,?,?,?,?,?)", ")", batch.len());
    let excerpts_sql = ChunkSql::new(EXCERPTS_HEAD, "(?,?,?,?,?)", "", batch.len());
    let chunks = || batch.chunks(ROWS_PER_INSERT).enumerate();
    let statements = chunks().map(|(chunk_no, chunk)| {
        let first = base + (chunk_no * ROWS_PER_INSERT) as i64;
        let mut query = sqlx::query(statements_sql.for_rows(chunk.len()))
            .bind(meta.dossier_id)
            .bind(meta.party_id);
        for (i, (_, record)) in chunk.iter().enumerate() {
            query = query
                .bind(first + i as i64)
                .bind(record.moment.to_string())
                .bind(iso_day(record.moment.day()))
                .bind(record.topic.as_deref())
                .bind(record.channel.map(|c| c.code()))
                .bind(record.statement_text());
        }
        query
    });
    let excerpts = chunks().map(|(chunk_no, chunk)| {
        let first = base + (chunk_no * ROWS_PER_INSERT) as i64;
        let mut query = sqlx::query(excerpts_sql.for_rows(chunk.len()));
        for (i, (row_index, _)) in chunk.iter().enumerate() {
            let row = &table.rows[*row_index];
            query = query
                .bind(source_id)
                .bind(first + i as i64)
                .bind(&table.text[row.bytes.clone()])
                .bind(row.start)
                .bind(row.end);
        }
        query
    });
    run_overlapped(conn, statements.chain(excerpts)).await
}

/// Runs the queries in order, building each (binding its values, here on this thread) while
/// SQLite runs the one before it on the connection's own thread; on two cores the binding then
/// costs no time of its own.
async fn run_overlapped<'q>(
    conn: &mut SqliteConnection,
    mut queries: impl Iterator<Item = Insert<'q>>,
) -> Result<()> {
    let Some(mut current) = queries.next() else {
        return Ok(());
    };
    loop {
        // `biased` polls in the order written: the query first, which hands it to the
        // connection's thread, and then the building of the next one.
        let (done, next) =
            tokio::join!(biased; current.execute(&mut *conn), async { queries.next() });
        done?;
        match next {
            Some(query) => current = query,
            None => return Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ChunkSql, ROWS_PER_INSERT};

    fn rows_in(sql: &str) -> usize {
        sql.matches("(?,?)").count()
    }

    #[test]
    fn each_chunk_gets_sql_for_exactly_its_rows() {
        // 1,234 rows: two full chunks and one of 234.
        let uneven = ChunkSql::new("INSERT INTO t ", "(?,?)", "", 1_234);
        assert_eq!(rows_in(uneven.for_rows(ROWS_PER_INSERT)), ROWS_PER_INSERT);
        assert_eq!(rows_in(uneven.for_rows(234)), 234);
        // 1,000 rows divide evenly: there is no shorter last chunk.
        let even = ChunkSql::new("INSERT INTO t ", "(?,?)", "", 1_000);
        assert!(even.last.is_none());
        assert_eq!(rows_in(even.for_rows(ROWS_PER_INSERT)), ROWS_PER_INSERT);
        assert!(uneven
            .for_rows(234)
            .starts_with("INSERT INTO t VALUES (?,?),(?,?)"));
    }
}
