//! The dossier aggregate root: create (with its requester and bodies as parties), find, list,
//! edit its own fields and move its status along the procedure.

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{audit, day, json_list, now, parse_list, vocab, Actor, Db};
use chrono::{Datelike, NaiveDate};
use serde_json::json;
use sqlx::{SqliteConnection, SqlitePool};
use wederhoor_core::dates::iso_day;
use wederhoor_core::file::FileDossier;
use wederhoor_core::file::FileParty;
use wederhoor_core::new_dossier::{self, ValidNewDossier};
use wederhoor_core::vocab::{DossierStatus, Kenbaarheid, PartyRole, StatusStep};
use wederhoor_core::wire::{
    ChangeVerb, DossierEdit, DossierSummary, FieldCode, FieldError, ItemKind, NewDossier,
};

/// A dossier row as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DossierRow {
    /// Database id.
    pub id: i64,
    /// Kenmerk.
    pub reference: String,
    /// Title.
    pub title: String,
    /// Ombudsman handling it.
    pub ombudsman: String,
    /// JSON array of bodies.
    pub bodies: String,
    /// ISO day received.
    pub received_on: String,
    /// Status code.
    pub status: String,
    /// JSON array of keywords.
    pub keywords: String,
    /// Markdown summary.
    pub summary: String,
    /// Kenbaarheid code.
    pub kenbaarheid: String,
    /// Whether the body has a klachtadviescommissie.
    pub advisory_committee: bool,
}

const COLUMNS: &str = "id, reference, title, ombudsman, bodies, received_on, status, keywords, summary, kenbaarheid, advisory_committee";

impl DossierRow {
    /// The list row the UI shows.
    pub fn to_summary(&self) -> Result<DossierSummary> {
        Ok(DossierSummary {
            id: self.id,
            reference: self.reference.clone(),
            title: self.title.clone(),
            bodies: parse_list(&self.bodies)?,
            status: vocab(&self.status, DossierStatus::from_code)?,
            received_on: self.received_on.clone(),
            keywords: parse_list(&self.keywords)?,
        })
    }

    /// The dossier file's `dossier` object.
    pub fn to_file(&self) -> Result<FileDossier> {
        Ok(FileDossier {
            reference: self.reference.clone(),
            title: self.title.clone(),
            ombudsman: self.ombudsman.clone(),
            bodies: parse_list(&self.bodies)?,
            received_on: day(&self.received_on)?,
            status: vocab(&self.status, DossierStatus::from_code)?,
            keywords: parse_list(&self.keywords)?,
            summary: self.summary.clone(),
            kenbaarheid: vocab(&self.kenbaarheid, Kenbaarheid::from_code)?,
            advisory_committee: self.advisory_committee,
        })
    }
}

/// Inserts a dossier row and returns its id.
pub async fn insert(conn: &mut SqliteConnection, dossier: &FileDossier) -> Result<i64> {
    let stamp = now();
    let result = sqlx::query(
        "INSERT INTO dossiers (reference, title, ombudsman, bodies, received_on, status, keywords, summary, created_at, updated_at, kenbaarheid, advisory_committee)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&dossier.reference)
    .bind(&dossier.title)
    .bind(&dossier.ombudsman)
    .bind(json_list(&dossier.bodies))
    .bind(iso_day(dossier.received_on))
    .bind(dossier.status.code())
    .bind(json_list(&dossier.keywords))
    .bind(&dossier.summary)
    .bind(&stamp)
    .bind(&stamp)
    .bind(dossier.kenbaarheid.code())
    .bind(dossier.advisory_committee)
    .execute(&mut *conn)
    .await?;
    Ok(result.last_insert_rowid())
}

/// Whether a dossier with this reference exists.
pub async fn exists(conn: &mut SqliteConnection, reference: &str) -> Result<bool> {
    let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM dossiers WHERE reference = ?")
        .bind(reference)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

/// The dossier with this reference.
pub async fn by_reference(conn: &mut SqliteConnection, reference: &str) -> Result<DossierRow> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM dossiers WHERE reference = ?"
    ))
    .bind(reference)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| Error::NotFound(format!("dossier {reference}")))
}

/// The dossier with this id.
pub async fn by_id(pool: &SqlitePool, id: i64) -> Result<DossierRow> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM dossiers WHERE id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| Error::NotFound(format!("dossier {id}")))
}

/// Every dossier, most recently received first.
pub async fn list(pool: &SqlitePool) -> Result<Vec<DossierSummary>> {
    let rows: Vec<DossierRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM dossiers ORDER BY received_on DESC, reference DESC"
    ))
    .fetch_all(pool)
    .await?;
    rows.iter().map(DossierRow::to_summary).collect()
}

/// How many dossiers the library holds.
pub async fn count(pool: &SqlitePool) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM dossiers")
        .fetch_one(pool)
        .await?;
    Ok(n)
}

/// Creates a dossier from the "Nieuw dossier" form (status intake), in one transaction with its
/// audit entry. Field errors come back as [`Error::Invalid`]; a taken reference as a field error too.
pub async fn create(
    db: &Db,
    input: &NewDossier,
    today: NaiveDate,
    actor: &Actor,
) -> Result<DossierSummary> {
    let valid = new_dossier::validate(input, today).map_err(Error::Invalid)?;
    let mut tx = db.begin_write().await?;
    let reference = match &valid.reference {
        Some(reference) if exists(&mut tx, reference).await? => {
            return Err(Error::Invalid(vec![FieldError {
                field: "reference".into(),
                code: FieldCode::Duplicate,
            }]))
        }
        Some(reference) => reference.clone(),
        None => next_reference(&mut tx, valid.received_on.year()).await?,
    };
    let (requester_name, requester_pseudonym) = valid.requester.clone();
    let dossier = file_dossier(reference, valid);
    let id = insert(&mut tx, &dossier).await?;
    let requester = FileParty {
        id: String::new(),
        role: PartyRole::Requester,
        name: requester_name,
        pseudonym: requester_pseudonym,
        aliases: vec![],
        public_name: Some(false),
        acts_for: None,
    };
    crate::parties::insert(&mut tx, id, &requester, None).await?;
    let mut taken = vec![requester.pseudonym.clone()];
    for body in &dossier.bodies {
        let pseudonym = wederhoor_core::parties::suggest_pseudonym(PartyRole::Body, body, &taken);
        taken.push(pseudonym.clone());
        let party = FileParty {
            id: String::new(),
            role: PartyRole::Body,
            name: body.clone(),
            pseudonym,
            aliases: vec![],
            public_name: Some(true),
            acts_for: None,
        };
        crate::parties::insert(&mut tx, id, &party, None).await?;
    }
    audit::append(
        &mut tx,
        actor,
        "dossier.create",
        Some(&dossier.reference),
        &json!({ "title": dossier.title }),
    )
    .await?;
    tx.commit().await?;
    by_id(db.pool(), id).await?.to_summary()
}

fn file_dossier(reference: String, valid: ValidNewDossier) -> FileDossier {
    FileDossier {
        reference,
        title: valid.title,
        ombudsman: valid.ombudsman,
        bodies: valid.bodies,
        received_on: valid.received_on,
        status: DossierStatus::Intake,
        keywords: valid.keywords,
        summary: String::new(),
        kenbaarheid: Kenbaarheid::Required,
        advisory_committee: false,
    }
}

/// Saves the dossier's own fields from the edit form, as an undoable edit. Field errors come
/// back as [`Error::Invalid`] and change nothing.
pub async fn update(db: &Db, edit: &DossierEdit, today: NaiveDate, actor: &Actor) -> Result<()> {
    let valid = new_dossier::validate_edit(edit, today).map_err(Error::Invalid)?;
    let mut change = Change::begin(
        db,
        edit.id,
        ItemKind::Dossier,
        ChangeVerb::Update,
        &valid.title,
        false,
    )
    .await?;
    sqlx::query(
        "UPDATE dossiers SET title = ?, ombudsman = ?, bodies = ?, received_on = ?, keywords = ?, summary = ?,
         kenbaarheid = ?, advisory_committee = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&valid.title)
    .bind(&valid.ombudsman)
    .bind(json_list(&valid.bodies))
    .bind(iso_day(valid.received_on))
    .bind(json_list(&valid.keywords))
    .bind(&edit.summary)
    .bind(edit.kenbaarheid.code())
    .bind(edit.advisory_committee)
    .bind(now())
    .bind(edit.id)
    .execute(change.conn())
    .await?;
    change
        .commit(actor, "dossier.update", json!({ "title": valid.title }))
        .await
}

/// Moves the dossier to another status along the procedure (DossierStatus::may_become); a
/// step back is logged as such. Undoable like every edit.
pub async fn set_status(db: &Db, id: i64, to: DossierStatus, actor: &Actor) -> Result<()> {
    let from = vocab(
        &by_id(db.pool(), id).await?.status,
        DossierStatus::from_code,
    )?;
    let step = from.may_become(to).ok_or(Error::Status { from, to })?;
    let mut change = Change::begin(
        db,
        id,
        ItemKind::Dossier,
        ChangeVerb::Status,
        to.code(),
        false,
    )
    .await?;
    let updated =
        sqlx::query("UPDATE dossiers SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
            .bind(to.code())
            .bind(now())
            .bind(id)
            .bind(from.code())
            .execute(change.conn())
            .await?;
    if updated.rows_affected() != 1 {
        return Err(Error::Status { from, to });
    }
    let detail = json!({ "from": from.code(), "to": to.code(), "back": step == StatusStep::Back });
    change.commit(actor, "dossier.status", detail).await
}

async fn next_reference(conn: &mut SqliteConnection, year: i32) -> Result<String> {
    let refs: Vec<(String,)> =
        sqlx::query_as("SELECT reference FROM dossiers WHERE reference LIKE ?")
            .bind(format!("{year}-%"))
            .fetch_all(&mut *conn)
            .await?;
    Ok(new_dossier::next_reference(
        year,
        refs.iter().map(|r| r.0.as_str()),
    ))
}

/// Fails with `NotFound` unless the dossier exists (inside a transaction).
pub async fn require(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    reference_of(conn, id).await.map(|_| ())
}

/// The reference of a dossier (inside a transaction), for audit entries.
pub async fn reference_of(conn: &mut SqliteConnection, id: i64) -> Result<String> {
    let row: Option<(String,)> = sqlx::query_as("SELECT reference FROM dossiers WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| r.0)
        .ok_or_else(|| Error::NotFound(format!("dossier {id}")))
}
