//! Importing a contact-register export: the export is stored as a source, and each usable row
//! becomes a `record` statement of the body with an excerpt pointing at its row. One
//! transaction: a refused, cancelled or failed import leaves nothing behind.

use crate::error::{Error, Result};
use crate::{audit, dossiers, parties, search, sources, Actor, Db};
use chrono::{NaiveDate, NaiveTime};
use sqlx::SqliteConnection;
use wederhoor_core::dates::Moment;
use wederhoor_core::file::sha256_hex;
use wederhoor_core::register::{read_row, GUESS_ROWS};
use wederhoor_core::vocab::SourceKind;
use wederhoor_core::wire::{
    ImportProgress, PreviewRow, RegisterImportMeta, RegisterImported, RegisterMapping,
    RegisterPreview,
};
use wederhoor_extract::{decode_table_text, read_decoded_table, read_table};

mod bulk;
mod insert;
mod rows;

use bulk::BulkConnection;
use rows::parse;

/// Rows shown in a preview.
pub const PREVIEW_ROWS: usize = 20;
/// Bad rows listed in a preview or an error.
pub const LISTED_BAD_ROWS: usize = 100;
/// Records per INSERT statement (and per progress event).
const BATCH: usize = 5_000;

/// What an import of these bytes would do, with the given or a guessed mapping. Writes nothing.
///
/// A mapping without a date column (a guess that found none) reads no rows: the preview then
/// has the columns to choose from and no rows, rather than every row refused for a date read
/// from some other column.
pub fn preview(bytes: &[u8], mapping: Option<&RegisterMapping>) -> Result<RegisterPreview> {
    let table = read_table(bytes)?;
    let mapping = mapping.cloned().unwrap_or_else(|| {
        RegisterMapping::guess_with_rows(
            &table.headers,
            table
                .rows
                .iter()
                .take(GUESS_ROWS)
                .map(|row| row.fields.as_slice()),
        )
    });
    if mapping.date.trim().is_empty() {
        return Ok(RegisterPreview {
            encoding: table.encoding.to_string(),
            delimiter: delimiter_name(table.delimiter),
            total_rows: table.rows.len() as u32,
            headers: table.headers,
            mapping,
            rows: Vec::new(),
            bad_row_count: 0,
            bad_rows: Vec::new(),
        });
    }
    let parsed = parse(table, &mapping)?;
    let columns = mapping
        .indexes(&parsed.table.headers)
        .map_err(Error::Register)?;
    let width = parsed.table.headers.len();
    let rows = parsed
        .table
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|row| match read_row(&columns, &row.fields, width) {
            Ok(r) => PreviewRow {
                line: row.line,
                date: Some(r.moment.to_string()),
                channel: r.channel,
                channel_raw: r.channel_raw,
                topic: r.topic,
                text: r.note,
                error: None,
            },
            Err(message) => PreviewRow {
                line: row.line,
                date: None,
                channel: None,
                channel_raw: String::new(),
                topic: None,
                text: row.fields.join(" | "),
                error: Some(message),
            },
        })
        .collect();
    Ok(RegisterPreview {
        encoding: parsed.table.encoding.to_string(),
        delimiter: delimiter_name(parsed.table.delimiter),
        headers: parsed.table.headers.clone(),
        mapping,
        rows,
        total_rows: parsed.table.rows.len() as u32,
        bad_row_count: parsed.bad.len() as u32,
        bad_rows: parsed.bad.into_iter().take(LISTED_BAD_ROWS).collect(),
    })
}

/// The delimiter as the preview names it.
fn delimiter_name(delimiter: char) -> String {
    match delimiter {
        '\t' => "tab".into(),
        d => d.to_string(),
    }
}

/// Imports the export as records of `meta.party_id`. With bad rows and `skip_bad_rows` false,
/// nothing is written and the error names the first bad lines.
///
/// The commit leaves the import in the write-ahead log: committed, visible to every reader and
/// kept when the app crashes or is killed, but not yet copied into the database file. The
/// import finishes itself in the background right after ([`Db::after_commit`]): it copies the
/// log into the file ([`Db::checkpoint`]) and then indexes the records for search
/// ([`crate::search::index_backlog`]), so nothing is left to the caller. Should the app stop
/// in between, the backlog is indexed at the next start.
pub async fn import(
    db: &Db,
    meta: &RegisterImportMeta,
    bytes: &[u8],
    actor: &Actor,
    progress: impl FnMut(ImportProgress),
) -> Result<RegisterImported> {
    let mut bulk = BulkConnection::acquire(db).await?;
    let imported = import_on(bulk.conn(), meta, bytes, actor, progress).await;
    bulk.release().await;
    let imported = imported?;
    let finishing = db.clone();
    db.after_commit(async move {
        // Both are picked up again later should they fail (the next commit checkpoints; the
        // backlog is indexed at start-up), so a failure here is told and nothing is lost.
        if let Err(err) = finishing.checkpoint().await {
            eprintln!("Wederhoor: logboek naar databasebestand schrijven mislukt: {err}");
        }
        if let Err(err) = crate::search::index_backlog(&finishing).await {
            eprintln!("Wederhoor: zoekindex bijwerken mislukt: {err}");
        }
    });
    Ok(RegisterImported {
        source: sources::summary(db.pool(), imported.source_id).await?,
        imported: imported.records,
        skipped: imported.skipped,
        notes: imported.notes,
    })
}

/// What one import wrote.
struct Written {
    source_id: i64,
    records: u32,
    skipped: u32,
    notes: Vec<String>,
}

async fn import_on(
    conn: &mut SqliteConnection,
    meta: &RegisterImportMeta,
    bytes: &[u8],
    actor: &Actor,
    mut progress: impl FnMut(ImportProgress),
) -> Result<Written> {
    let decoded = decode_table_text(bytes)?;
    // Said as adding a document says it: how a text that was not UTF-8 was read.
    let notes: Vec<String> = decoded.note().into_iter().collect();
    let text = decoded.text.clone();
    // The rows are read on another thread while the export itself is hashed and stored; an
    // error found there rolls the transaction back, so nothing is left either way.
    let mapping = meta.mapping.clone();
    let reading =
        tokio::task::spawn_blocking(move || parse(read_decoded_table(decoded)?, &mapping));

    // IMMEDIATE, as every write (see `Db::begin_write`).
    let mut tx = sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await?;
    let reference = dossiers::reference_of(&mut tx, meta.dossier_id).await?;
    parties::require_in_dossier(&mut tx, meta.dossier_id, meta.party_id, "partyId").await?;
    let source_id = insert_source(&mut tx, meta, bytes, text).await?;

    let mut parsed = reading
        .await
        .map_err(|e| Error::Register(format!("het lezen van het bestand brak af: {e}")))??;
    if !parsed.bad.is_empty() && !meta.skip_bad_rows {
        let listed: Vec<String> = parsed
            .bad
            .iter()
            .take(5)
            .map(|b| format!("regel {}: {}", b.line, b.message))
            .collect();
        return Err(Error::Register(format!(
            "{} regel(s) zijn niet te gebruiken ({}); sla ze over of verbeter het bestand",
            parsed.bad.len(),
            listed.join("; ")
        )));
    }
    if parsed.records.is_empty() {
        return Err(Error::Register(
            "het bestand bevat geen bruikbare regels".into(),
        ));
    }
    let total = parsed.records.len() as u32;
    progress(ImportProgress { done: 0, total });
    // Records go in in time-axis order (by day, then time; stable, so file order within one
    // moment): the index statements_axis then grows in order, one page after the other,
    // rather than at hundreds of places at once, and the ids follow the axis the investigator
    // reads them on.
    parsed
        .records
        .sort_by_key(|(_, record)| axis_key(&record.moment));

    let (first_id,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) + 1 FROM statements")
        .fetch_one(&mut *tx)
        .await?;
    // The records are indexed for search after commit (`search::index_backlog`), not row by row.
    let deferred =
        search::defer_statements(&mut tx, first_id, first_id + i64::from(total) - 1).await?;
    let mut done = 0u32;
    for (batch_no, batch) in parsed.records.chunks(BATCH).enumerate() {
        let base = first_id + (batch_no * BATCH) as i64;
        insert::insert_batch(&mut tx, meta, source_id, base, batch, &parsed.table).await?;
        done += batch.len() as u32;
        progress(ImportProgress { done, total });
    }
    deferred.finish(&mut tx).await?;
    let skipped = parsed.bad.len() as u32;
    let detail = serde_json::json!({ "source": source_id, "file": meta.file_name, "records": total, "skipped": skipped });
    audit::append(&mut tx, actor, "register.import", Some(&reference), &detail).await?;
    tx.commit().await?;
    // Freeing 100,000 parsed rows takes tens of milliseconds the investigator need not wait for.
    tokio::task::spawn_blocking(move || drop(parsed));
    Ok(Written {
        source_id,
        records: total,
        skipped,
        notes,
    })
}

/// Where a record's moment falls on the time axis: by day, a day without a time before the
/// same day with one, then by time (the order of the index statements_axis on the day and
/// its ISO text).
fn axis_key(moment: &Moment) -> (NaiveDate, Option<NaiveTime>) {
    match moment {
        Moment::Day(day) => (*day, None),
        Moment::DayTime(at) => (at.date(), Some(at.time())),
    }
}

/// Stores the export itself as a source (original bytes, SHA-256, decoded text) and returns its
/// id; refused when the dossier already holds these bytes. Its text (often megabytes) is put on
/// the search backlog, to be indexed after commit with the records.
async fn insert_source(
    conn: &mut SqliteConnection,
    meta: &RegisterImportMeta,
    bytes: &[u8],
    text: String,
) -> Result<i64> {
    let sha256 = sha256_hex(bytes);
    let existing: Option<(String,)> =
        sqlx::query_as("SELECT title FROM sources WHERE dossier_id = ? AND sha256 = ?")
            .bind(meta.dossier_id)
            .bind(&sha256)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some((title,)) = existing {
        return Err(Error::DuplicateSource(title));
    }
    let (source_id,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) + 1 FROM sources")
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO search_backlog (kind, first_id, last_id) VALUES ('source', ?1, ?1)")
        .bind(source_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO sources (id, dossier_id, kind, title, supplied_by, file_name, media_type, sha256, content, text, added_at, size)
         VALUES (?, ?, ?, ?, ?, ?, 'text/csv', ?, ?, ?, ?, ?)",
    )
    .bind(source_id)
    .bind(meta.dossier_id)
    .bind(SourceKind::Register.code())
    .bind(&meta.file_name)
    .bind(meta.party_id)
    .bind(&meta.file_name)
    .bind(&sha256)
    .bind(bytes)
    .bind(text)
    .bind(crate::now())
    .bind(bytes.len() as i64)
    .execute(&mut *conn)
    .await?;
    Ok(source_id)
}
