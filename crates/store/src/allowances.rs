//! What the investigator allowed in a dossier's public versions: a personal detail or a name
//! that may be printed, with the reason. Allowing and withdrawing are logged in the audit log
//! with the masked text and the reason, never the detail itself.

use crate::error::{Error, Result};
use crate::{audit, now, Actor, Db};
use sqlx::SqliteConnection;
use wederhoor_core::personal::DetailKind;
use wederhoor_core::wire::{FieldCode, FieldError};

/// An allowance as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowance {
    /// Database id.
    pub id: i64,
    /// What kind of detail.
    pub kind: DetailKind,
    /// Its key (digits only, folded).
    pub key: String,
    /// Its masked form.
    pub shown: String,
    /// Why it may be printed.
    pub reason: String,
    /// Who allowed it.
    pub created_by: String,
    /// When (RFC 3339).
    pub created_at: String,
}

type Row = (i64, String, String, String, String, String, String);

fn from_row((id, kind, key, shown, reason, created_by, created_at): Row) -> Result<Allowance> {
    let kind = DetailKind::from_code(&kind)
        .ok_or_else(|| Error::Corrupt(format!("onbekende soort toestemming: {kind}")))?;
    Ok(Allowance {
        id,
        kind,
        key,
        shown,
        reason,
        created_by,
        created_at,
    })
}

/// The allowances of a dossier, oldest first.
pub async fn list(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<Allowance>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, kind, key, shown, reason, created_by, created_at FROM public_allowances WHERE dossier_id = ? ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(from_row).collect()
}

async fn reference(conn: &mut SqliteConnection, dossier_id: i64) -> Result<String> {
    sqlx::query_scalar("SELECT reference FROM dossiers WHERE id = ?")
        .bind(dossier_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound("dossier".into()))
}

/// Allows a detail in the dossier's public versions, with a reason (required). Allowing one
/// that is allowed already replaces its reason.
pub async fn allow(
    db: &Db,
    dossier_id: i64,
    kind: DetailKind,
    key: &str,
    shown: &str,
    reason: &str,
    actor: &Actor,
) -> Result<i64> {
    let reason = reason.trim();
    for (field, value) in [("reason", reason), ("key", key.trim())] {
        if value.is_empty() {
            return Err(Error::Invalid(vec![FieldError {
                field: field.into(),
                code: FieldCode::Required,
            }]));
        }
    }
    let mut tx = db.begin_write().await?;
    let reference = reference(&mut tx, dossier_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO public_allowances (dossier_id, kind, key, shown, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (dossier_id, kind, key) DO UPDATE SET reason = excluded.reason, shown = excluded.shown, created_by = excluded.created_by, created_at = excluded.created_at
         RETURNING id",
    )
    .bind(dossier_id)
    .bind(kind.code())
    .bind(key)
    .bind(shown)
    .bind(reason)
    .bind(&actor.0)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        actor,
        "public.allow",
        Some(&reference),
        &serde_json::json!({ "kind": kind.code(), "shown": shown, "reason": reason }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Withdraws an allowance: the detail stops the public export again.
pub async fn withdraw(db: &Db, id: i64, actor: &Actor) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let row: Option<(i64, String, String)> =
        sqlx::query_as("SELECT dossier_id, kind, shown FROM public_allowances WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let (dossier_id, kind, shown) = row.ok_or_else(|| Error::NotFound("toestemming".into()))?;
    let reference = reference(&mut tx, dossier_id).await?;
    sqlx::query("DELETE FROM public_allowances WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::append(
        &mut tx,
        actor,
        "public.withdraw",
        Some(&reference),
        &serde_json::json!({ "kind": kind, "shown": shown }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The (kind, key) pairs a public export may print in this dossier.
pub async fn allowed(
    conn: &mut SqliteConnection,
    dossier_id: i64,
) -> Result<Vec<(DetailKind, String)>> {
    Ok(list(conn, dossier_id)
        .await?
        .into_iter()
        .map(|a| (a.kind, a.key))
        .collect())
}

impl From<Allowance> for wederhoor_core::wire::PublicAllowance {
    fn from(a: Allowance) -> Self {
        wederhoor_core::wire::PublicAllowance {
            id: a.id,
            kind: a.kind,
            shown: a.shown,
            reason: a.reason,
            created_by: a.created_by,
            created_at: a.created_at,
        }
    }
}
