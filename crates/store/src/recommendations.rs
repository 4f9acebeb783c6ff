//! Recommendations (aanbevelingen) and the body's response to each.

use crate::error::Result;
use sqlx::SqliteConnection;
use wederhoor_core::file::FileRecommendation;

/// A recommendation as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecommendationRow {
    /// Database id.
    pub id: i64,
    /// Complaint point it belongs to.
    pub complaint_point_id: Option<i64>,
    /// What the body should do (Markdown).
    pub text: String,
    /// What the body answered.
    pub response: Option<String>,
}

/// Inserts a recommendation.
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    rec: &FileRecommendation,
    point_id: Option<i64>,
) -> Result<i64> {
    let result = sqlx::query("INSERT INTO recommendations (dossier_id, complaint_point_id, text, response) VALUES (?, ?, ?, ?)")
        .bind(dossier_id)
        .bind(point_id)
        .bind(&rec.text)
        .bind(&rec.response)
        .execute(&mut *conn)
        .await?;
    Ok(result.last_insert_rowid())
}

/// The recommendations of a dossier in order.
pub async fn list(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<RecommendationRow>> {
    Ok(sqlx::query_as("SELECT id, complaint_point_id, text, response FROM recommendations WHERE dossier_id = ? ORDER BY id")
        .bind(dossier_id)
        .fetch_all(&mut *conn)
        .await?)
}
