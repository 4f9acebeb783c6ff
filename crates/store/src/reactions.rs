//! Reactions of parties in a hoor-en-wederhoor round, and the statements each contests.

use crate::error::Result;
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::HashMap;
use wederhoor_core::dates::iso_day;
use wederhoor_core::file::FileReaction;

/// A reaction as stored.
#[derive(Debug, Clone)]
pub struct ReactionRecord {
    /// Database id.
    pub id: i64,
    /// The reacting party.
    pub party_id: i64,
    /// ISO day received.
    pub received_on: String,
    /// The report kind it reacts to.
    pub on_report: Option<String>,
    /// Markdown.
    pub text: String,
    /// Statement ids it contests.
    pub contests: Vec<i64>,
}

/// Inserts a reaction with the statements it contests.
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    reaction: &FileReaction,
    party_id: i64,
    contests: &[i64],
) -> Result<i64> {
    let result = sqlx::query("INSERT INTO reactions (dossier_id, party_id, received_on, on_report, text) VALUES (?, ?, ?, ?, ?)")
        .bind(dossier_id)
        .bind(party_id)
        .bind(iso_day(reaction.received_on))
        .bind(reaction.on_report.map(|k| k.code()))
        .bind(&reaction.text)
        .execute(&mut *conn)
        .await?;
    let id = result.last_insert_rowid();
    for statement_id in contests {
        sqlx::query("INSERT INTO reaction_contests (reaction_id, statement_id) VALUES (?, ?)")
            .bind(id)
            .bind(statement_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// The reactions of a dossier in order.
pub async fn list(pool: &SqlitePool, dossier_id: i64) -> Result<Vec<ReactionRecord>> {
    let rows: Vec<(i64, i64, String, Option<String>, String)> =
        sqlx::query_as("SELECT id, party_id, received_on, on_report, text FROM reactions WHERE dossier_id = ? ORDER BY id")
            .bind(dossier_id)
            .fetch_all(pool)
            .await?;
    let links: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT rc.reaction_id, rc.statement_id FROM reaction_contests rc
         JOIN reactions r ON r.id = rc.reaction_id WHERE r.dossier_id = ? ORDER BY rc.rowid",
    )
    .bind(dossier_id)
    .fetch_all(pool)
    .await?;
    let mut contests: HashMap<i64, Vec<i64>> = HashMap::new();
    for (reaction_id, statement_id) in links {
        contests.entry(reaction_id).or_default().push(statement_id);
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, party_id, received_on, on_report, text)| ReactionRecord {
                id,
                party_id,
                received_on,
                on_report,
                text,
                contests: contests.remove(&id).unwrap_or_default(),
            },
        )
        .collect())
}
