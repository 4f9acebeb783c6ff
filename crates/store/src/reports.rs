//! Report versions (verslag van bevindingen, rapport, rapportbrief) as Markdown texts.

use crate::error::Result;
use crate::now;
use sqlx::{SqliteConnection, SqlitePool};
use wederhoor_core::dates::iso_day;
use wederhoor_core::file::FileReport;

/// A report version as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportRow {
    /// Kind code.
    pub kind: String,
    /// Status code.
    pub status: String,
    /// ISO day of the report.
    pub date: Option<String>,
    /// The text.
    pub markdown: String,
}

/// Inserts a report version.
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    report: &FileReport,
) -> Result<i64> {
    let result = sqlx::query("INSERT INTO reports (dossier_id, kind, status, date, markdown, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(dossier_id)
        .bind(report.kind.code())
        .bind(report.status.code())
        .bind(report.date.map(iso_day))
        .bind(&report.markdown)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(result.last_insert_rowid())
}

/// The report versions of a dossier in order.
pub async fn list(pool: &SqlitePool, dossier_id: i64) -> Result<Vec<ReportRow>> {
    Ok(sqlx::query_as(
        "SELECT kind, status, date, markdown FROM reports WHERE dossier_id = ? ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(pool)
    .await?)
}
