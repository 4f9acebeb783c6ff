//! The logboek: an append-only list of every change, each entry's hash chaining to the one
//! before it (SHA-256 over the previous hash and the entry's fields), so that an edited,
//! removed or reordered entry is found by [`verify`].

use crate::error::Result;
use crate::{now, Actor};
use sha2::{Digest, Sha256};
use sqlx::{SqliteConnection, SqlitePool};

/// The hash the first entry chains to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One logged change, as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    /// Sequence number; also part of the hash.
    pub id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub actor: String,
    /// What, e.g. `dossier.create`.
    pub action: String,
    /// The dossier's reference, when the change concerns one.
    pub dossier: Option<String>,
    /// Details as JSON.
    pub detail: String,
    /// Hash of the entry before.
    pub prev_hash: String,
    /// Hash of this entry.
    pub hash: String,
}

fn entry_hash(
    prev: &str,
    id: i64,
    at: &str,
    actor: &str,
    action: &str,
    dossier: Option<&str>,
    detail: &str,
) -> String {
    let mut hasher = Sha256::new();
    for field in [
        prev,
        &id.to_string(),
        at,
        actor,
        action,
        dossier.unwrap_or(""),
        detail,
    ] {
        hasher.update((field.len() as u64).to_le_bytes());
        hasher.update(field.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// Appends an entry. Call it inside the transaction that makes the change, after its writes,
/// so the transaction already holds SQLite's write lock and the chain cannot fork.
pub async fn append(
    conn: &mut SqliteConnection,
    actor: &Actor,
    action: &str,
    dossier: Option<&str>,
    detail: &serde_json::Value,
) -> Result<()> {
    let last: Option<(i64, String)> =
        sqlx::query_as("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?;
    let (id, prev) = match last {
        Some((id, hash)) => (id + 1, hash),
        None => (1, GENESIS.to_string()),
    };
    let at = now();
    let detail = detail.to_string();
    let hash = entry_hash(&prev, id, &at, &actor.0, action, dossier, &detail);
    sqlx::query("INSERT INTO audit_log (id, at, actor, action, dossier, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(id)
        .bind(&at)
        .bind(&actor.0)
        .bind(action)
        .bind(dossier)
        .bind(&detail)
        .bind(&prev)
        .bind(&hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Logs something that changed nothing in the database but must be on record — an export of
/// personal data, a backup — in a transaction of its own.
pub async fn record(
    db: &crate::Db,
    actor: &Actor,
    action: &str,
    dossier: Option<&str>,
    detail: &serde_json::Value,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    append(&mut tx, actor, action, dossier, detail).await?;
    tx.commit().await?;
    Ok(())
}

/// A dossier's entries, newest first, at most `limit`.
pub async fn of_dossier(
    conn: &mut SqliteConnection,
    reference: &str,
    limit: i64,
) -> Result<Vec<AuditEntry>> {
    Ok(
        sqlx::query_as("SELECT * FROM audit_log WHERE dossier = ? ORDER BY id DESC LIMIT ?")
            .bind(reference)
            .bind(limit)
            .fetch_all(&mut *conn)
            .await?,
    )
}

/// The first entry that breaks the chain, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    /// The entry's id.
    pub id: i64,
    /// What is wrong with it, in Dutch.
    pub reason: String,
}

/// Outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// How many entries were checked.
    pub entries: usize,
    /// The first broken entry, if any.
    pub first_break: Option<Break>,
}

/// Walks the log in order and recomputes every hash.
pub async fn verify(pool: &SqlitePool) -> Result<Verification> {
    let entries: Vec<AuditEntry> = sqlx::query_as("SELECT * FROM audit_log ORDER BY id")
        .fetch_all(pool)
        .await?;
    let mut prev = GENESIS.to_string();
    for (expected_id, entry) in (1_i64..).zip(&entries) {
        let broken = |reason: String| Verification {
            entries: entries.len(),
            first_break: Some(Break {
                id: entry.id,
                reason,
            }),
        };
        if entry.id != expected_id {
            return Ok(broken(format!(
                "volgnummer {expected_id} ontbreekt (verwijderd?)"
            )));
        }
        if entry.prev_hash != prev {
            return Ok(broken(
                "verwijst niet naar de hash van het vorige item".into(),
            ));
        }
        let actual = entry_hash(
            &prev,
            entry.id,
            &entry.at,
            &entry.actor,
            &entry.action,
            entry.dossier.as_deref(),
            &entry.detail,
        );
        if actual != entry.hash {
            return Ok(broken("inhoud gewijzigd: de hash klopt niet meer".into()));
        }
        prev = entry.hash.clone();
    }
    Ok(Verification {
        entries: entries.len(),
        first_break: None,
    })
}

/// [`verify`], and then the head kept outside the database: the log must still reach it, with
/// the same hash. Entries cut off the end are named by the first missing id.
pub async fn verify_with_head(
    pool: &SqlitePool,
    head: Option<&crate::audit_head::Head>,
) -> Result<Verification> {
    let verification = verify(pool).await?;
    if verification.first_break.is_some() {
        return Ok(verification);
    }
    let Some(head) = head else {
        return Ok(verification);
    };
    let at: Option<(String,)> = sqlx::query_as("SELECT hash FROM audit_log WHERE id = ?")
        .bind(head.id)
        .fetch_optional(pool)
        .await?;
    let reason = match at {
        None => {
            let missing = head.id - verification.entries as i64;
            Some(format!(
                "{} aan het eind ontbreken: de logboekkop naast de database noemt item {} als laatste",
                if missing == 1 {
                    "1 item".to_string()
                } else {
                    format!("{missing} items")
                },
                head.id
            ))
        }
        Some((hash,)) if hash != head.hash => {
            Some("verschilt van de logboekkop naast de database".into())
        }
        Some(_) => None,
    };
    Ok(Verification {
        first_break: reason.map(|reason| Break {
            id: if at_missing(&verification, head) {
                verification.entries as i64 + 1
            } else {
                head.id
            },
            reason,
        }),
        ..verification
    })
}

fn at_missing(verification: &Verification, head: &crate::audit_head::Head) -> bool {
    (verification.entries as i64) < head.id
}

/// The most recent entries, newest first.
pub async fn recent(pool: &SqlitePool, limit: i64) -> Result<Vec<AuditEntry>> {
    Ok(
        sqlx::query_as("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?")
            .bind(limit)
            .fetch_all(pool)
            .await?,
    )
}
