//! Parties of a dossier: requester, body, officials, ... with their pseudonyms and aliases.

use crate::error::{Error, Result};
use crate::{json_list, parse_list, vocab};
use sqlx::{SqliteConnection, SqlitePool};
use wederhoor_core::file::FileParty;
use wederhoor_core::vocab::PartyRole;
use wederhoor_core::wire::FieldError;
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

/// Fails with a field error unless `party_id` is a party of this dossier.
pub async fn require_in_dossier(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    party_id: i64,
    field: &str,
) -> Result<PartyRole> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT role FROM parties WHERE id = ? AND dossier_id = ?")
            .bind(party_id)
            .bind(dossier_id)
            .fetch_optional(&mut *conn)
            .await?;
    match row {
        Some((role,)) => vocab(&role, PartyRole::from_code),
        None => Err(Error::Invalid(vec![FieldError {
            field: field.into(),
            code: "unknown_party".into(),
        }])),
    }
}

/// Finds a party of a dossier by its name, its pseudonym or one of its aliases
/// (case-insensitive), or by its role code when only one party has that role.
pub async fn resolve(pool: &SqlitePool, dossier_id: i64, wanted: &str) -> Result<i64> {
    let all = list(pool, dossier_id).await?;
    let wanted_lower = wanted.trim().to_lowercase();
    let by_name: Vec<&PartyView> = all
        .iter()
        .filter(|p| {
            p.name.to_lowercase() == wanted_lower
                || p.pseudonym.to_lowercase() == wanted_lower
                || p.aliases.iter().any(|a| a.to_lowercase() == wanted_lower)
        })
        .collect();
    if let [only] = by_name.as_slice() {
        return Ok(only.id);
    }
    if let Some(role) = PartyRole::from_code(wanted.trim()) {
        let with_role: Vec<&PartyView> = all.iter().filter(|p| p.role == role).collect();
        match with_role.as_slice() {
            [only] => return Ok(only.id),
            [] => {}
            _ => {
                return Err(Error::NotFound(format!(
                    "één partij met rol {wanted} (er zijn er {}; noem de naam)",
                    with_role.len()
                )))
            }
        }
    }
    if by_name.len() > 1 {
        return Err(Error::NotFound(format!(
            "één partij \"{wanted}\" (meerdere partijen heten zo)"
        )));
    }
    let known: Vec<String> = all
        .iter()
        .map(|p| format!("{} ({})", p.name, p.role.code()))
        .collect();
    Err(Error::NotFound(format!(
        "partij \"{wanted}\"; dit dossier kent: {}",
        known.join(", ")
    )))
}
