//! Sources (stukken): evidence documents kept whole, with their SHA-256 and extracted text.

use crate::error::{Error, Result};
use crate::{day, now, vocab};
use sqlx::{SqliteConnection, SqlitePool};
use wederhoor_core::dates::iso_day;
use wederhoor_core::file::{decode_content, sha256_hex, FileSource};
use wederhoor_core::vocab::SourceKind;

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
    let result = sqlx::query(
        "INSERT INTO sources (dossier_id, kind, title, supplied_by, received_on, file_name, media_type, sha256, content, text, added_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
    .execute(&mut *conn)
    .await?;
    Ok(result.last_insert_rowid())
}

/// The sources of a dossier, with their bytes, in the order they were added.
pub async fn list_full(pool: &SqlitePool, dossier_id: i64) -> Result<Vec<SourceRow>> {
    Ok(sqlx::query_as(
        "SELECT id, kind, title, supplied_by, received_on, file_name, media_type, sha256, content, text
         FROM sources WHERE dossier_id = ? ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(pool)
    .await?)
}
