//! Writing a batch of records and their excerpts: multi-row INSERT statements with bound
//! values, each full statement prepared once and reused.

use crate::error::Result;
use wederhoor_core::dates::iso_day;
use wederhoor_core::register::RegisterRecord;
use wederhoor_core::wire::RegisterImportMeta;
use wederhoor_extract::Table;

/// Rows per INSERT statement. Each row binds a few values; 500 rows stay far below SQLite's
/// 32,766 parameters, and every full batch reuses one prepared statement.
const ROWS_PER_INSERT: usize = 500;

/// `{head}VALUES (row), (row), ...` for `rows` rows of `row`.
fn multi_row_insert(head: &str, row: &str, rows: usize) -> String {
    let mut sql = String::with_capacity(head.len() + rows * (row.len() + 2));
    sql.push_str(head);
    sql.push_str("VALUES ");
    for i in 0..rows {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str(row);
    }
    sql
}

/// Inserts a batch of records with multi-row VALUES statements, binding each value: far cheaper
/// than a statement per row (each a round trip to SQLite's worker thread) or a JSON array that
/// SQLite would have to parse again for every field.
pub(super) async fn insert_statements(
    conn: &mut sqlx::SqliteConnection,
    meta: &RegisterImportMeta,
    base: i64,
    batch: &[(usize, RegisterRecord)],
) -> Result<()> {
    for (chunk_no, chunk) in batch.chunks(ROWS_PER_INSERT).enumerate() {
        // The dossier and party are bound once; each row brings id, moment, day, topic,
        // channel and text (the day is both ends of its span).
        let sql = multi_row_insert(
            "INSERT INTO statements (dossier_id, party_id, kind, date_kind, id, date_a, span_start, span_end, topic, channel, text)
             SELECT ?, ?, 'record', 'on', column1, column2, column3, column3, column4, column5, column6 FROM (",
            "(?,?,?,?,?,?)",
            chunk.len(),
        ) + ")";
        let mut query = sqlx::query(&sql).bind(meta.dossier_id).bind(meta.party_id);
        let first = base + (chunk_no * ROWS_PER_INSERT) as i64;
        for (i, (_, record)) in chunk.iter().enumerate() {
            query = query
                .bind(first + i as i64)
                .bind(record.moment.to_string())
                .bind(iso_day(record.moment.day()))
                .bind(record.topic.as_deref())
                .bind(record.channel.map(|c| c.code()))
                .bind(record.text.as_str());
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Inserts the excerpts of a batch the same way: each record quotes its own row.
pub(super) async fn insert_excerpts(
    conn: &mut sqlx::SqliteConnection,
    source_id: i64,
    base: i64,
    batch: &[(usize, RegisterRecord)],
    table: &Table,
) -> Result<()> {
    for (chunk_no, chunk) in batch.chunks(ROWS_PER_INSERT).enumerate() {
        let sql = multi_row_insert(
            "INSERT INTO excerpts (source_id, statement_id, quote, start_offset, end_offset) ",
            "(?,?,?,?,?)",
            chunk.len(),
        );
        let mut query = sqlx::query(&sql);
        let first = base + (chunk_no * ROWS_PER_INSERT) as i64;
        for (i, (row_index, _)) in chunk.iter().enumerate() {
            let row = &table.rows[*row_index];
            query = query
                .bind(source_id)
                .bind(first + i as i64)
                .bind(&table.text[row.bytes.clone()])
                .bind(row.start)
                .bind(row.end);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
