//! Parties of a dossier: requester, body, officials, ... with their pseudonyms, aliases, whether
//! the name stays in the public version, and the body a partner acts for. Added, edited and
//! removed as undoable edits; a party something refers to is not removed.

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{json_list, parse_list, vocab, Actor, Db};
use serde_json::json;
use sqlx::{SqliteConnection, SqlitePool};
use wederhoor_core::file::FileParty;
use wederhoor_core::parties::{self as rules, Registered};
use wederhoor_core::vocab::PartyRole;
use wederhoor_core::wire::{
    ChangeVerb, FieldCode, FieldError, ItemKind, PartyInput, PartySuggestion, PartyView,
    ReferenceCount,
};

#[derive(sqlx::FromRow)]
struct PartyRow {
    id: i64,
    role: String,
    name: String,
    pseudonym: String,
    aliases: String,
    public_name: bool,
    acts_for: Option<i64>,
}

/// Inserts a party and returns its id.
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    party: &FileParty,
    acts_for: Option<i64>,
) -> Result<i64> {
    let result = sqlx::query(
        "INSERT INTO parties (dossier_id, role, name, pseudonym, aliases, public_name, acts_for) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(dossier_id)
    .bind(party.role.code())
    .bind(&party.name)
    .bind(&party.pseudonym)
    .bind(json_list(&party.aliases))
    .bind(party.keeps_name_in_public())
    .bind(acts_for)
    .execute(&mut *conn)
    .await?;
    Ok(result.last_insert_rowid())
}

/// The parties of a dossier, in the order they were added.
pub async fn list(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<PartyView>> {
    let rows: Vec<PartyRow> = sqlx::query_as(
        "SELECT id, role, name, pseudonym, aliases, public_name, acts_for FROM parties WHERE dossier_id = ? ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(PartyView {
                id: row.id,
                role: vocab(&row.role, PartyRole::from_code)?,
                name: row.name,
                pseudonym: row.pseudonym,
                aliases: parse_list(&row.aliases)?,
                public_name: row.public_name,
                acts_for: row.acts_for,
            })
        })
        .collect()
}

/// The pseudonym and aliases the party form suggests for `role` and `name` in this dossier:
/// the pseudonym skips those other parties already use (`except` is the party being edited).
pub async fn suggest(
    pool: &SqlitePool,
    dossier_id: i64,
    except: Option<i64>,
    role: PartyRole,
    name: &str,
) -> Result<PartySuggestion> {
    let taken: Vec<String> = list(&mut *pool.acquire().await?, dossier_id)
        .await?
        .into_iter()
        .filter(|p| Some(p.id) != except)
        .map(|p| p.pseudonym)
        .collect();
    Ok(PartySuggestion {
        pseudonym: rules::suggest_pseudonym(role, name, &taken),
        aliases: rules::suggest_aliases(role, name),
    })
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
            code: FieldCode::UnknownParty,
        }])),
    }
}

/// Finds a party of a dossier by its name, its pseudonym or one of its aliases
/// (case-insensitive), or by its role code when only one party has that role.
pub async fn resolve(pool: &SqlitePool, dossier_id: i64, wanted: &str) -> Result<i64> {
    let all = list(&mut *pool.acquire().await?, dossier_id).await?;
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

/// Adds a party (`input.id` is `None`) or saves an edited one, as an undoable edit; returns
/// its id. Field errors ([`rules::validate`]) come back as [`Error::Invalid`], nothing saved.
pub async fn save(db: &Db, input: &PartyInput, actor: &Actor) -> Result<i64> {
    let all = list(&mut *db.pool().acquire().await?, input.dossier_id).await?;
    if let Some(id) = input.id {
        if !all.iter().any(|p| p.id == id) {
            return Err(Error::NotFound(format!("partij {id}")));
        }
    }
    let registered: Vec<Registered> = all
        .iter()
        .map(|p| Registered {
            id: p.id,
            role: p.role,
            name: p.name.clone(),
            aliases: p.aliases.clone(),
        })
        .collect();
    let valid = rules::validate(input, &registered).map_err(Error::Invalid)?;
    let verb = if input.id.is_some() {
        ChangeVerb::Update
    } else {
        ChangeVerb::Create
    };
    let mut change = Change::begin(
        db,
        input.dossier_id,
        ItemKind::Party,
        verb,
        &valid.name,
        false,
    )
    .await?;
    let id = match input.id {
        Some(id) => {
            sqlx::query("UPDATE parties SET role = ?, name = ?, pseudonym = ?, aliases = ?, public_name = ?, acts_for = ? WHERE id = ?")
                .bind(valid.role.code())
                .bind(&valid.name)
                .bind(&valid.pseudonym)
                .bind(json_list(&valid.aliases))
                .bind(valid.public_name)
                .bind(valid.acts_for)
                .bind(id)
                .execute(change.conn())
                .await?;
            id
        }
        None => {
            let party = FileParty {
                id: String::new(),
                role: valid.role,
                name: valid.name.clone(),
                pseudonym: valid.pseudonym.clone(),
                aliases: valid.aliases.clone(),
                public_name: Some(valid.public_name),
                acts_for: None,
            };
            insert(change.conn(), input.dossier_id, &party, valid.acts_for).await?
        }
    };
    let action = if input.id.is_some() {
        "party.update"
    } else {
        "party.create"
    };
    change
        .commit(
            actor,
            action,
            json!({ "party": id, "role": valid.role.code() }),
        )
        .await?;
    Ok(id)
}

/// What refers to a party: its statements, the sources it supplied, its reactions, the
/// procedure steps it took, and the partners acting for it.
pub async fn references(conn: &mut SqliteConnection, party_id: i64) -> Result<Vec<ReferenceCount>> {
    crate::count_references(
        conn,
        party_id,
        &[
            (
                ItemKind::Statement,
                "SELECT count(*) FROM statements WHERE party_id = ?",
            ),
            (
                ItemKind::Source,
                "SELECT count(*) FROM sources WHERE supplied_by = ?",
            ),
            (
                ItemKind::Reaction,
                "SELECT count(*) FROM reactions WHERE party_id = ?",
            ),
            (
                ItemKind::Event,
                "SELECT count(*) FROM events WHERE party_id = ?",
            ),
            (
                ItemKind::Party,
                "SELECT count(*) FROM parties WHERE acts_for = ?",
            ),
        ],
    )
    .await
}

/// Removes a party nothing refers to, as an undoable edit; otherwise [`Error::InUse`] names
/// what still does, and nothing changes.
pub async fn remove(db: &Db, dossier_id: i64, party_id: i64, actor: &Actor) -> Result<()> {
    let party = list(&mut *db.pool().acquire().await?, dossier_id)
        .await?
        .into_iter()
        .find(|p| p.id == party_id)
        .ok_or_else(|| Error::NotFound(format!("partij {party_id}")))?;
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Party,
        ChangeVerb::Remove,
        &party.name,
        false,
    )
    .await?;
    let refs = references(change.conn(), party_id).await?;
    change
        .remove_unreferenced(ItemKind::Party, "parties", party_id, refs)
        .await?;
    change
        .commit(actor, "party.remove", json!({ "party": party_id }))
        .await
}
