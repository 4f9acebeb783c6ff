//! Sources (stukken): evidence documents kept whole, with their SHA-256 and extracted text,
//! and notes typed in the app (`text_origin: typed`). Added, edited and removed as undoable edits.
//! How a document comes in (read, with its attachments) is [`intake`].

mod intake;

pub use intake::{add_document, read_again, set_text, NewDocument};

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{day, now, vocab, Actor, Db};
use serde_json::json;
use sqlx::{SqliteConnection, SqlitePool};
use wederhoor_core::dates::iso_day;
use wederhoor_core::file::{decode_content, sha256_hex, FileSource};
use wederhoor_core::reactions::parse_optional_day;
use wederhoor_core::vocab::{SourceKind, TextOrigin};
use wederhoor_core::wire::{
    ChangeVerb, FieldCode, FieldError, ItemKind, MailHeaders, ReferenceCount, SourceDetail,
    SourceEdit, SourceSummary, TypedSourceInput,
};

/// A source as stored, with the id of the party that supplied it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SourceRow {
    /// Database id.
    pub id: i64,
    /// Kind code.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Party id of the supplier.
    pub supplied_by: Option<i64>,
    /// ISO day received.
    pub received_on: Option<String>,
    /// Original file name.
    pub file_name: Option<String>,
    /// Media type.
    pub media_type: Option<String>,
    /// SHA-256 of `content`.
    pub sha256: Option<String>,
    /// The original bytes.
    pub content: Option<Vec<u8>>,
    /// Extracted or typed text.
    pub text: Option<String>,
    /// The source it came attached to.
    pub attached_to: Option<i64>,
    /// Where its text came from.
    pub text_origin: Option<String>,
}

impl SourceRow {
    /// Kind as a vocabulary value.
    pub fn kind(&self) -> Result<SourceKind> {
        vocab(&self.kind, SourceKind::from_code)
    }

    /// Day received.
    pub fn received_on(&self) -> Result<Option<chrono::NaiveDate>> {
        self.received_on.as_deref().map(day).transpose()
    }
}

/// Inserts a source from the dossier file. The file was validated, so content and hash agree;
/// the hash is recomputed here all the same, because what is stored is what counts.
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    source: &FileSource,
    supplied_by: Option<i64>,
) -> Result<i64> {
    let content = source
        .content_base64
        .as_deref()
        .map(decode_content)
        .transpose()
        .map_err(|m| {
            Error::InvalidFile(wederhoor_core::Error::file("sources.content_base64", m))
        })?;
    let sha256 = content.as_deref().map(sha256_hex);
    let size = content.as_ref().map(|c| c.len() as i64);
    let result = sqlx::query(
        "INSERT INTO sources (dossier_id, kind, title, supplied_by, received_on, file_name, media_type, sha256, content, text, added_at, size, text_origin, index_text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(dossier_id)
    .bind(source.kind.code())
    .bind(&source.title)
    .bind(supplied_by)
    .bind(source.received_on.map(iso_day))
    .bind(&source.file_name)
    .bind(&source.media_type)
    .bind(sha256)
    .bind(content)
    .bind(&source.text)
    .bind(now())
    .bind(size)
    .bind(source.text_origin.map(|o| o.code()))
    .bind(source.text.as_deref().and_then(index_text))
    .execute(&mut *conn)
    .await?;
    Ok(result.last_insert_rowid())
}

/// The sources of a dossier, with their bytes, in the order they were added.
pub async fn list_full(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<SourceRow>> {
    Ok(sqlx::query_as(
        "SELECT id, kind, title, supplied_by, received_on, file_name, media_type, sha256, content, text, attached_to, text_origin
         FROM sources WHERE dossier_id = ? ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The text as the search index should hold it, when that differs from the text itself.
pub(crate) fn index_text(text: &str) -> Option<String> {
    match wederhoor_extract::search_text(text) {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(changed) => Some(changed),
    }
}

/// `octet_length` reads the text's size from the row header; `text <> ''` would read a whole
/// register export (megabytes) for every source listed.
const SUMMARY_SELECT: &str = "SELECT s.id, s.kind, s.title, s.supplied_by, p.name AS supplied_by_name, s.received_on,
        s.file_name, s.media_type, s.sha256, s.size, COALESCE(octet_length(s.text), 0) > 0 AS has_text,
        (SELECT COUNT(*) FROM excerpts e WHERE e.source_id = s.id) AS excerpts,
        s.attached_to, s.text_origin, s.text_problem, s.ocr_confidence
    FROM sources s LEFT JOIN parties p ON p.id = s.supplied_by";

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    kind: String,
    title: String,
    supplied_by: Option<i64>,
    supplied_by_name: Option<String>,
    received_on: Option<String>,
    file_name: Option<String>,
    media_type: Option<String>,
    sha256: Option<String>,
    size: Option<i64>,
    has_text: bool,
    excerpts: i64,
    attached_to: Option<i64>,
    text_origin: Option<String>,
    text_problem: Option<String>,
    ocr_confidence: Option<f64>,
}

impl SummaryRow {
    fn into_wire(self) -> Result<SourceSummary> {
        Ok(SourceSummary {
            id: self.id,
            kind: vocab(&self.kind, SourceKind::from_code)?,
            title: self.title,
            supplied_by: self.supplied_by,
            supplied_by_name: self.supplied_by_name,
            received_on: self.received_on,
            file_name: self.file_name,
            media_type: self.media_type,
            sha256: self.sha256,
            size: self.size,
            has_text: self.has_text,
            excerpts: self.excerpts as u32,
            attached_to: self.attached_to,
            text_origin: self
                .text_origin
                .as_deref()
                .map(|o| vocab(o, TextOrigin::from_code))
                .transpose()?,
            text_problem: self.text_problem,
            ocr_confidence: self.ocr_confidence.map(|c| c as f32),
        })
    }
}

/// The sources of a dossier for the list, in the order they were added.
pub async fn list(pool: &SqlitePool, dossier_id: i64) -> Result<Vec<SourceSummary>> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{SUMMARY_SELECT} WHERE s.dossier_id = ? ORDER BY s.id"
    ))
    .bind(dossier_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(SummaryRow::into_wire).collect()
}

/// One source's list row.
pub async fn summary(pool: &SqlitePool, id: i64) -> Result<SourceSummary> {
    let row: SummaryRow = sqlx::query_as(&format!("{SUMMARY_SELECT} WHERE s.id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| Error::NotFound(format!("stuk {id}")))?;
    row.into_wire()
}

/// One source with its text and the excerpts taken from it, for the reader.
pub async fn detail(pool: &SqlitePool, id: i64) -> Result<SourceDetail> {
    let source = summary(pool, id).await?;
    let (text, notes): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT text, reading_notes FROM sources WHERE id = ?")
            .bind(id)
            .fetch_one(pool)
            .await?;
    let excerpts = crate::statements::excerpts_of_source(pool, id).await?;
    let mail = (source.media_type.as_deref() == Some("message/rfc822"))
        .then(|| text.as_deref().map(mail_headers))
        .flatten();
    Ok(SourceDetail {
        source,
        text,
        excerpts,
        reading_notes: notes
            .and_then(|n| serde_json::from_str(&n).ok())
            .unwrap_or_default(),
        mail,
    })
}

/// A source's file name and original bytes, to read it again.
pub async fn original(pool: &SqlitePool, id: i64) -> Result<(String, Vec<u8>)> {
    let row: Option<(Option<String>, Option<Vec<u8>>)> =
        sqlx::query_as("SELECT file_name, content FROM sources WHERE id = ?")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    match row {
        Some((name, Some(bytes))) => Ok((name.unwrap_or_default(), bytes)),
        Some((_, None)) => Err(Error::Invalid(vec![FieldError {
            field: "id".into(),
            code: FieldCode::BadRequest,
        }])),
        None => Err(Error::NotFound(format!("stuk {id}"))),
    }
}

/// The header lines at the top of an e-mail's text (as the reader writes them).
fn mail_headers(text: &str) -> MailHeaders {
    let mut headers = MailHeaders {
        from: None,
        to: None,
        cc: None,
        date: None,
        subject: None,
    };
    for line in text.lines().take_while(|l| !l.trim().is_empty()) {
        let Some((name, value)) = line.split_once(": ") else {
            continue;
        };
        let slot = match name {
            "Van" => &mut headers.from,
            "Aan" => &mut headers.to,
            "Cc" => &mut headers.cc,
            "Datum" => &mut headers.date,
            "Onderwerp" => &mut headers.subject,
            _ => continue,
        };
        *slot = Some(value.trim().to_string());
    }
    headers
}

/// Checks the fields a source's form shares; returns every failing field.
/// `text` is the typed note's text (`None` for a file's source, whose text is its own).
fn check_fields(
    title: &str,
    received_on: &str,
    text: Option<&str>,
    today: chrono::NaiveDate,
) -> Result<Option<chrono::NaiveDate>> {
    let mut errors = Vec::new();
    if text.is_some_and(|t| t.trim().is_empty()) {
        errors.push(FieldError {
            field: "text".into(),
            code: FieldCode::Required,
        });
    }
    if title.trim().is_empty() {
        errors.push(FieldError {
            field: "title".into(),
            code: FieldCode::Required,
        });
    }
    let day = match parse_optional_day(received_on, today) {
        Ok(day) => day,
        Err(code) => {
            errors.push(FieldError {
                field: "receivedOn".into(),
                code,
            });
            None
        }
    };
    if errors.is_empty() {
        Ok(day)
    } else {
        Err(Error::Invalid(errors))
    }
}

/// Stores a note typed in the app (a phone note, an interview record) as a source of its
/// own: no file, its text marked `typed`. Undoable; returns its list row.
pub async fn add_typed(
    db: &Db,
    input: &TypedSourceInput,
    today: chrono::NaiveDate,
    actor: &Actor,
) -> Result<SourceSummary> {
    let received_on = check_fields(&input.title, &input.received_on, Some(&input.text), today)?;
    let text = input.text.trim_end();
    let title = input.title.trim();
    let mut change = Change::begin(
        db,
        input.dossier_id,
        ItemKind::Source,
        ChangeVerb::Create,
        title,
        false,
    )
    .await?;
    if let Some(party) = input.supplied_by {
        crate::parties::require_in_dossier(change.conn(), input.dossier_id, party, "suppliedBy")
            .await?;
    }
    let source = FileSource {
        id: String::new(),
        kind: input.kind,
        title: title.to_string(),
        supplied_by: None,
        received_on,
        file_name: None,
        media_type: Some("text/plain".into()),
        sha256: None,
        content_base64: None,
        text: Some(text.to_string()),
        attached_to: None,
        text_origin: Some(TextOrigin::Typed),
    };
    let id = insert(change.conn(), input.dossier_id, &source, input.supplied_by).await?;
    change
        .commit(
            actor,
            "source.type",
            json!({ "source": id, "title": title }),
        )
        .await?;
    summary(db.pool(), id).await
}

/// Saves a source's title, kind, supplier and received date; undoable.
pub async fn update(
    db: &Db,
    edit: &SourceEdit,
    today: chrono::NaiveDate,
    actor: &Actor,
) -> Result<SourceSummary> {
    let received_on = check_fields(&edit.title, &edit.received_on, None, today)?;
    let dossier_id = dossier_of(db, edit.id).await?;
    let title = edit.title.trim();
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Source,
        ChangeVerb::Update,
        title,
        false,
    )
    .await?;
    if let Some(party) = edit.supplied_by {
        crate::parties::require_in_dossier(change.conn(), dossier_id, party, "suppliedBy").await?;
    }
    sqlx::query(
        "UPDATE sources SET title = ?, kind = ?, supplied_by = ?, received_on = ? WHERE id = ?",
    )
    .bind(title)
    .bind(edit.kind.code())
    .bind(edit.supplied_by)
    .bind(received_on.map(iso_day))
    .bind(edit.id)
    .execute(change.conn())
    .await?;
    change
        .commit(
            actor,
            "source.update",
            json!({ "source": edit.id, "title": title }),
        )
        .await?;
    summary(db.pool(), edit.id).await
}

async fn dossier_of(db: &Db, id: i64) -> Result<i64> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT dossier_id FROM sources WHERE id = ?")
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.map(|r| r.0)
        .ok_or_else(|| Error::NotFound(format!("stuk {id}")))
}

/// What refers to a source: the statements quoting it, the reactions and procedure steps it
/// documents, and the sources attached to it.
pub async fn references(conn: &mut SqliteConnection, id: i64) -> Result<Vec<ReferenceCount>> {
    crate::count_references(
        conn,
        id,
        &[
            (
                ItemKind::Statement,
                "SELECT count(DISTINCT statement_id) FROM excerpts WHERE source_id = ?",
            ),
            (
                ItemKind::Reaction,
                "SELECT count(*) FROM reactions WHERE source_id = ?",
            ),
            (
                ItemKind::Event,
                "SELECT count(*) FROM events WHERE source_id = ?",
            ),
            (
                ItemKind::Source,
                "SELECT count(*) FROM sources WHERE attached_to = ?",
            ),
        ],
    )
    .await
}

/// Removes a source nothing refers to (its bytes stay in the undo history until it is
/// pruned); otherwise [`Error::InUse`] and nothing changes.
pub async fn remove(db: &Db, id: i64, actor: &Actor) -> Result<()> {
    let dossier_id = dossier_of(db, id).await?;
    let title = summary(db.pool(), id).await?.title;
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Source,
        ChangeVerb::Remove,
        &title,
        false,
    )
    .await?;
    let refs = references(change.conn(), id).await?;
    change
        .remove_unreferenced(ItemKind::Source, "sources", id, refs)
        .await?;
    change
        .commit(
            actor,
            "source.remove",
            json!({ "source": id, "title": title }),
        )
        .await
}
