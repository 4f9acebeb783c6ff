//! A document on its way in. Whatever reading it gave, the original is stored whole with its
//! SHA-256; its text, where the text came from, what the investigator should know and why
//! there is no text are stored with it. An e-mail's attachments become sources of their own,
//! attached to it, in the same transaction. Reading itself happens before (in a child process,
//! `wederhoor_extract::isolate`), so no parser runs inside a transaction.

use super::{index_text, summary};
use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{now, Actor, Db};
use serde_json::json;
use sqlx::SqliteConnection;
use wederhoor_core::dates::iso_day;
use wederhoor_core::file::sha256_hex;
use wederhoor_core::vocab::{SourceKind, TextOrigin};
use wederhoor_core::wire::{ChangeVerb, FieldCode, FieldError, ItemKind, SourceAdded};
use wederhoor_extract::{Format, Origin, Reading};

/// A document on its way in: the form's fields after validation.
#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    /// The dossier.
    pub dossier_id: i64,
    /// Original file name.
    pub file_name: &'a str,
    /// The original bytes.
    pub bytes: &'a [u8],
    /// Kind; guessed from the format when `None`.
    pub kind: Option<SourceKind>,
    /// Title; the file name when empty.
    pub title: &'a str,
    /// Supplying party (must belong to the dossier).
    pub supplied_by: Option<i64>,
    /// Day received as typed, may be empty.
    pub received_on: &'a str,
}

/// The fields of one stored row (the document or one of its attachments).
struct Row<'a> {
    dossier_id: i64,
    kind: SourceKind,
    title: &'a str,
    supplied_by: Option<i64>,
    received_on: Option<String>,
    file_name: &'a str,
    bytes: &'a [u8],
    attached_to: Option<i64>,
}

/// Stores a document and its attachments with what reading them gave, in one transaction
/// with its audit entry. The same bytes twice in one dossier are refused, naming the existing
/// source (an attachment already in the dossier is not stored twice, and said so).
pub async fn add_document(
    db: &Db,
    doc: &NewDocument<'_>,
    reading: &Reading,
    actor: &Actor,
) -> Result<SourceAdded> {
    wederhoor_extract::check_size(doc.bytes.len())?;
    let received_on = match doc.received_on.trim() {
        "" => None,
        typed => Some(wederhoor_core::dates::parse_user_date(typed).map_err(|_| {
            Error::Invalid(vec![FieldError {
                field: "receivedOn".into(),
                code: FieldCode::InvalidDate,
            }])
        })?),
    };
    let title = match doc.title.trim() {
        "" => doc.file_name.to_string(),
        title => title.to_string(),
    };
    let sha256 = sha256_hex(doc.bytes);
    let mut change = Change::begin(
        db,
        doc.dossier_id,
        ItemKind::Source,
        ChangeVerb::Create,
        &title,
        false,
    )
    .await?;
    let tx = change.conn();
    if let Some(party) = doc.supplied_by {
        crate::parties::require_in_dossier(tx, doc.dossier_id, party, "suppliedBy").await?;
    }
    if let Some(existing) = same_bytes(tx, doc.dossier_id, &sha256).await? {
        return Err(Error::DuplicateSource(existing));
    }
    let row = Row {
        dossier_id: doc.dossier_id,
        kind: doc.kind.unwrap_or_else(|| guess_kind(reading.format)),
        title: &title,
        supplied_by: doc.supplied_by,
        received_on: received_on.map(iso_day),
        file_name: doc.file_name,
        bytes: doc.bytes,
        attached_to: None,
    };
    let id = insert_read(tx, &row, reading).await?;
    let mut notes = all_notes(reading);
    let mut attachment_ids = Vec::new();
    let mut pending: Vec<(i64, &Reading)> = vec![(id, reading)];
    // Hashes stored by this call, to tell "twice in this mail" from "already in the dossier".
    let mut stored_now = vec![(sha256.clone(), title.clone())];
    while let Some((parent, parent_reading)) = pending.pop() {
        for attachment in &parent_reading.attachments {
            let hash = sha256_hex(&attachment.bytes);
            if let Some((_, same)) = stored_now.iter().find(|(h, _)| *h == hash) {
                notes.push(format!(
                    "bijlage {} is hetzelfde bestand als \"{same}\" in dit bericht en is één keer bewaard",
                    attachment.file_name
                ));
                continue;
            }
            if let Some(existing) = same_bytes(change.conn(), doc.dossier_id, &hash).await? {
                notes.push(format!(
                    "bijlage {} staat al in het dossier als \"{existing}\" en is niet nog eens bewaard",
                    attachment.file_name
                ));
                continue;
            }
            let row = Row {
                dossier_id: doc.dossier_id,
                kind: guess_kind(attachment.reading.format),
                title: &attachment.file_name,
                supplied_by: doc.supplied_by,
                received_on: row.received_on.clone(),
                file_name: &attachment.file_name,
                bytes: &attachment.bytes,
                attached_to: Some(parent),
            };
            let child = insert_read(change.conn(), &row, &attachment.reading).await?;
            stored_now.push((hash, attachment.file_name.clone()));
            attachment_ids.push(child);
            pending.push((child, &attachment.reading));
        }
    }
    let detail = json!({
        "source": id, "title": title, "sha256": sha256, "size": doc.bytes.len(),
        "attachments": attachment_ids,
    });
    change.commit(actor, "source.add", detail).await?;
    let mut attachments = Vec::with_capacity(attachment_ids.len());
    for child in attachment_ids {
        attachments.push(summary(db.pool(), child).await?);
    }
    Ok(SourceAdded {
        source: summary(db.pool(), id).await?,
        notes,
        attachments,
    })
}

/// Stores the text of a document read again (with its password, or after OCR was installed),
/// in place of a source without text; undoable. Attachments are left as they are.
pub async fn read_again(db: &Db, id: i64, reading: &Reading, actor: &Actor) -> Result<SourceAdded> {
    let (mut change, title) = begin_update(db, id).await?;
    let text = reading.text.as_deref();
    sqlx::query(
        "UPDATE sources SET text = ?, text_origin = ?, reading_notes = ?, text_problem = ?,
         ocr_confidence = ?, index_text = ? WHERE id = ?",
    )
    .bind(text)
    .bind(text.map(|_| origin_code(reading)))
    .bind(notes_json(reading))
    .bind(reading.problem.as_ref().map(|p| p.code()))
    .bind(confidence(reading))
    .bind(text.and_then(index_text))
    .bind(id)
    .execute(change.conn())
    .await?;
    change
        .commit(
            actor,
            "source.read_again",
            json!({ "source": id, "title": title }),
        )
        .await?;
    Ok(SourceAdded {
        source: summary(db.pool(), id).await?,
        notes: all_notes(reading),
        attachments: Vec::new(),
    })
}

/// Gives a source the text the investigator typed or pasted (a scan OCR could not read, a
/// file kept without text); marked `typed`; undoable. An empty text is refused.
pub async fn set_text(
    db: &Db,
    id: i64,
    text: &str,
    actor: &Actor,
) -> Result<wederhoor_core::wire::SourceSummary> {
    let text = text.trim_end();
    if text.trim().is_empty() {
        return Err(Error::Invalid(vec![FieldError {
            field: "text".into(),
            code: FieldCode::Required,
        }]));
    }
    let (mut change, title) = begin_update(db, id).await?;
    sqlx::query(
        "UPDATE sources SET text = ?, text_origin = 'typed', text_problem = NULL,
         ocr_confidence = NULL, index_text = ? WHERE id = ?",
    )
    .bind(text)
    .bind(index_text(text))
    .bind(id)
    .execute(change.conn())
    .await?;
    change
        .commit(
            actor,
            "source.set_text",
            json!({ "source": id, "title": title }),
        )
        .await?;
    summary(db.pool(), id).await
}

/// Starts an undoable update of one source's text; returns the change and the source's title.
async fn begin_update(db: &Db, id: i64) -> Result<(Change, String)> {
    let (dossier_id, title): (i64, String) =
        sqlx::query_as("SELECT dossier_id, title FROM sources WHERE id = ?")
            .bind(id)
            .fetch_optional(db.pool())
            .await?
            .ok_or_else(|| Error::NotFound(format!("stuk {id}")))?;
    let change = Change::begin(
        db,
        dossier_id,
        ItemKind::Source,
        ChangeVerb::Update,
        &title,
        false,
    )
    .await?;
    Ok((change, title))
}

async fn same_bytes(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    sha256: &str,
) -> Result<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT title FROM sources WHERE dossier_id = ? AND sha256 = ?")
            .bind(dossier_id)
            .bind(sha256)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|r| r.0))
}

async fn insert_read(conn: &mut SqliteConnection, row: &Row<'_>, reading: &Reading) -> Result<i64> {
    let text = reading.text.as_deref();
    let result = sqlx::query(
        "INSERT INTO sources (dossier_id, kind, title, supplied_by, received_on, file_name,
            media_type, sha256, content, text, added_at, size, text_origin, attached_to,
            reading_notes, text_problem, ocr_confidence, index_text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(row.dossier_id)
    .bind(row.kind.code())
    .bind(row.title)
    .bind(row.supplied_by)
    .bind(&row.received_on)
    .bind(row.file_name)
    .bind(&reading.media_type)
    .bind(sha256_hex(row.bytes))
    .bind(row.bytes)
    .bind(text)
    .bind(now())
    .bind(row.bytes.len() as i64)
    .bind(text.map(|_| origin_code(reading)))
    .bind(row.attached_to)
    .bind(notes_json(reading))
    .bind(reading.problem.as_ref().map(|p| p.code()))
    .bind(confidence(reading))
    .bind(text.and_then(index_text))
    .execute(&mut *conn)
    .await?;
    Ok(result.last_insert_rowid())
}

/// The OCR confidence to one decimal: the undo images keep 15 digits of a number, and a row
/// is matched against its image exactly, so a widened f32 (90.66666412353516) would never
/// match again and every undo of an OCR'd source would be refused as stale.
fn confidence(reading: &Reading) -> Option<f64> {
    reading
        .ocr_confidence
        .map(|c| (f64::from(c) * 10.0).round() / 10.0)
}

fn origin_code(reading: &Reading) -> &'static str {
    match reading.origin {
        Some(Origin::Ocr) => TextOrigin::Ocr.code(),
        _ => TextOrigin::Extracted.code(),
    }
}

/// The notes and, last, why there is no text: what the reader shows above the text.
fn all_notes(reading: &Reading) -> Vec<String> {
    let mut notes = reading.notes.clone();
    notes.extend(reading.problem.as_ref().map(ToString::to_string));
    notes
}

fn notes_json(reading: &Reading) -> Option<String> {
    let notes = all_notes(reading);
    (!notes.is_empty()).then(|| json!(notes).to_string())
}

/// The kind a document most likely is, from its format.
pub(crate) fn guess_kind(format: Format) -> SourceKind {
    match format {
        Format::Pdf | Format::Docx | Format::Odt => SourceKind::Letter,
        Format::Eml => SourceKind::Email,
        Format::Csv => SourceKind::Register,
        Format::Audio => SourceKind::Recording,
        Format::Text | Format::Markdown | Format::Image | Format::Other => SourceKind::Other,
    }
}
