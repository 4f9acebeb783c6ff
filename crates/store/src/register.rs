//! Importing a contact-register export: the export is stored as a source, and each usable row
//! becomes a `record` statement of the body with an excerpt pointing at its row. One
//! transaction: a refused, cancelled or failed import leaves nothing behind.

use crate::error::{Error, Result};
use crate::{audit, dossiers, parties, sources, Actor, Db};
use wederhoor_core::dates::{iso_day, FuzzyDate};
use wederhoor_core::file::sha256_hex;
use wederhoor_core::register::{read_row, RegisterRecord};
use wederhoor_core::vocab::SourceKind;
use wederhoor_core::wire::{
    BadRow, ImportProgress, PreviewRow, RegisterImportMeta, RegisterImported, RegisterMapping,
    RegisterPreview,
};
use wederhoor_extract::{read_table, Table};

/// Rows shown in a preview.
pub const PREVIEW_ROWS: usize = 20;
/// Bad rows listed in a preview or an error.
pub const LISTED_BAD_ROWS: usize = 100;
/// Records per INSERT statement (and per progress event).
const BATCH: usize = 5_000;

struct Parsed {
    table: Table,
    records: Vec<(usize, RegisterRecord)>,
    bad: Vec<BadRow>,
}

fn parse(bytes: &[u8], mapping: &RegisterMapping) -> Result<Parsed> {
    let table = read_table(bytes)?;
    let columns = mapping.indexes(&table.headers).map_err(Error::Register)?;
    let width = table.headers.len();
    let mut records = Vec::with_capacity(table.rows.len());
    let mut bad: Vec<BadRow> = table
        .broken
        .iter()
        .map(|(line, message)| BadRow {
            line: *line,
            message: message.clone(),
        })
        .collect();
    for (index, row) in table.rows.iter().enumerate() {
        match read_row(&columns, &row.fields, width) {
            Ok(record) => records.push((index, record)),
            Err(message) => bad.push(BadRow {
                line: row.line,
                message,
            }),
        }
    }
    bad.sort_by_key(|b| b.line);
    Ok(Parsed {
        table,
        records,
        bad,
    })
}

/// What an import of these bytes would do, with the given or a guessed mapping. Writes nothing.
pub fn preview(bytes: &[u8], mapping: Option<&RegisterMapping>) -> Result<RegisterPreview> {
    let table = read_table(bytes)?;
    let mapping = mapping
        .cloned()
        .unwrap_or_else(|| RegisterMapping::guess(&table.headers));
    let parsed = parse(bytes, &mapping)?;
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
                text: r.text,
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
        delimiter: match parsed.table.delimiter {
            '\t' => "tab".into(),
            d => d.to_string(),
        },
        headers: parsed.table.headers.clone(),
        mapping,
        rows,
        total_rows: parsed.table.rows.len() as u32,
        bad_row_count: parsed.bad.len() as u32,
        bad_rows: parsed.bad.into_iter().take(LISTED_BAD_ROWS).collect(),
    })
}

/// Imports the export as records of `meta.party_id`. With bad rows and `skip_bad_rows` false,
/// nothing is written and the error names the first bad lines. The records are searchable once
/// the caller has run [`crate::search::index_backlog`] (the app does so right after, and again
/// at start-up should it have been stopped in between).
pub async fn import(
    db: &Db,
    meta: &RegisterImportMeta,
    bytes: &[u8],
    actor: &Actor,
    mut progress: impl FnMut(ImportProgress),
) -> Result<RegisterImported> {
    let parsed = parse(bytes, &meta.mapping)?;
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

    let mut tx = db.pool().begin().await?;
    let reference = dossiers::reference_of(&mut tx, meta.dossier_id).await?;
    parties::require_in_dossier(&mut tx, meta.dossier_id, meta.party_id, "partyId").await?;
    let sha256 = sha256_hex(bytes);
    let existing: Option<(String,)> =
        sqlx::query_as("SELECT title FROM sources WHERE dossier_id = ? AND sha256 = ?")
            .bind(meta.dossier_id)
            .bind(&sha256)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((title,)) = existing {
        return Err(Error::DuplicateSource(title));
    }
    // The export's own text (often megabytes) is indexed after commit too, with its records.
    let (source_id,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) + 1 FROM sources")
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO search_backlog (kind, first_id, last_id) VALUES ('source', ?1, ?1)")
        .bind(source_id)
        .execute(&mut *tx)
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
    .bind(&parsed.table.text)
    .bind(crate::now())
    .bind(bytes.len() as i64)
    .execute(&mut *tx)
    .await?;

    let (first_id,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) + 1 FROM statements")
        .fetch_one(&mut *tx)
        .await?;
    // The records are indexed for search after commit (`search::index_backlog`), not row by row.
    sqlx::query("INSERT INTO search_backlog (kind, first_id, last_id) VALUES ('statement', ?, ?)")
        .bind(first_id)
        .bind(first_id + i64::from(total) - 1)
        .execute(&mut *tx)
        .await?;
    let mut done = 0u32;
    for (batch_no, batch) in parsed.records.chunks(BATCH).enumerate() {
        let base = first_id + (batch_no * BATCH) as i64;
        insert_statements(&mut tx, meta, base, batch).await?;
        insert_excerpts(&mut tx, source_id, base, batch, &parsed.table).await?;
        done += batch.len() as u32;
        progress(ImportProgress { done, total });
    }
    let skipped = parsed.bad.len() as u32;
    let detail = serde_json::json!({ "source": source_id, "file": meta.file_name, "records": total, "skipped": skipped });
    audit::append(&mut tx, actor, "register.import", Some(&reference), &detail).await?;
    tx.commit().await?;
    Ok(RegisterImported {
        source: sources::summary(db.pool(), source_id).await?,
        imported: total,
        skipped,
    })
}

/// One record as it travels to `json_each`: moment, first day, topic, channel, text.
type RecordRow<'a> = (String, String, Option<&'a str>, Option<&'a str>, &'a str);

/// Inserts a batch of records in one statement: the rows travel as one JSON array that
/// SQLite unpacks with `json_each`, which is far cheaper than binding thousands of parameters.
async fn insert_statements(
    conn: &mut sqlx::SqliteConnection,
    meta: &RegisterImportMeta,
    base: i64,
    batch: &[(usize, RegisterRecord)],
) -> Result<()> {
    let rows: Vec<RecordRow> = batch
        .iter()
        .map(|(_, record)| {
            let (start, _) = FuzzyDate::On(record.moment).span();
            (
                record.moment.to_string(),
                iso_day(start),
                record.topic.as_deref(),
                record.channel.map(|c| c.code()),
                record.text.as_str(),
            )
        })
        .collect();
    sqlx::query(
        "INSERT INTO statements (id, dossier_id, party_id, kind, date_kind, date_a, span_start, span_end, topic, channel, text)
         SELECT ?1 + key, ?2, ?3, 'record', 'on', value->>0, value->>1, value->>1, value->>2, value->>3, value->>4
         FROM json_each(?4)",
    )
    .bind(base)
    .bind(meta.dossier_id)
    .bind(meta.party_id)
    .bind(serde_json::to_string(&rows).expect("plain values serialise"))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Inserts the excerpts of a batch the same way: each record quotes its own row.
async fn insert_excerpts(
    conn: &mut sqlx::SqliteConnection,
    source_id: i64,
    base: i64,
    batch: &[(usize, RegisterRecord)],
    table: &Table,
) -> Result<()> {
    let rows: Vec<(&str, u32, u32)> = batch
        .iter()
        .map(|(row_index, _)| {
            let row = &table.rows[*row_index];
            (&table.text[row.bytes.clone()], row.start, row.end)
        })
        .collect();
    sqlx::query(
        "INSERT INTO excerpts (statement_id, source_id, quote, start_offset, end_offset)
         SELECT ?1 + key, ?2, value->>0, value->>1, value->>2 FROM json_each(?3)",
    )
    .bind(base)
    .bind(source_id)
    .bind(serde_json::to_string(&rows).expect("plain values serialise"))
    .execute(&mut *conn)
    .await?;
    Ok(())
}
