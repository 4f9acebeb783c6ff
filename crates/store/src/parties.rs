//! Parties of a dossier: requester, body, officials, ... with their pseudonyms and aliases.

use crate::error::Result;
use crate::{json_list, parse_list, vocab};
use sqlx::{SqliteConnection, SqlitePool};
use wederhoor_core::file::FileParty;
use wederhoor_core::vocab::PartyRole;
use wederhoor_core::wire::PartyView;

#[derive(sqlx::FromRow)]
struct PartyRow {
    id: i64,
    role: String,
    name: String,
    pseudonym: String,
    aliases: String,
}

/// Inserts a party and returns its id.
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    party: &FileParty,
) -> Result<i64> {
    let result = sqlx::query(
        "INSERT INTO parties (dossier_id, role, name, pseudonym, aliases) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(dossier_id)
    .bind(party.role.code())
    .bind(&party.name)
    .bind(&party.pseudonym)
    .bind(json_list(&party.aliases))
    .execute(&mut *conn)
    .await?;
    Ok(result.last_insert_rowid())
}

/// The parties of a dossier, in the order they were added.
pub async fn list(pool: &SqlitePool, dossier_id: i64) -> Result<Vec<PartyView>> {
    let rows: Vec<PartyRow> = sqlx::query_as(
        "SELECT id, role, name, pseudonym, aliases FROM parties WHERE dossier_id = ? ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(PartyView {
                id: row.id,
                role: vocab(&row.role, PartyRole::from_code)?,
                name: row.name,
                pseudonym: row.pseudonym,
                aliases: parse_list(&row.aliases)?,
            })
        })
        .collect()
}
