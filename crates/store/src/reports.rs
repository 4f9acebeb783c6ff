//! Report versions (verslag van bevindingen, rapport, rapportbrief) as Markdown texts: drafts
//! the investigator makes and saves as undoable edits, and final versions the database itself
//! keeps frozen (trigger `reports_final_is_frozen`) and no undo touches. Each draft remembers
//! the last audit entry of its dossier when it was made, so a later change to the dossier
//! shows as "stale".

use crate::changes::{self, Change};
use crate::error::{Error, Result};
use crate::{audit, dossiers, now, overview, vocab, Actor, Db};
use chrono::NaiveDate;
use serde_json::json;
use sqlx::SqliteConnection;
use wederhoor_core::checks::{Check, CheckRule, Severity};
use wederhoor_core::dates::iso_day;
use wederhoor_core::file::FileReport;
use wederhoor_core::vocab::{EventKind, ReportKind, ReportStatus};
use wederhoor_core::wire::{ChangeVerb, EventInput, ItemKind, ReportVersion, StepOffer};

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

/// Inserts a report version (dossier import).
pub async fn insert(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    report: &FileReport,
) -> Result<i64> {
    let at = now();
    let result = sqlx::query("INSERT INTO reports (dossier_id, kind, status, date, markdown, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(dossier_id)
        .bind(report.kind.code())
        .bind(report.status.code())
        .bind(report.date.map(iso_day))
        .bind(&report.markdown)
        .bind(&at)
        .bind(&at)
        .execute(&mut *conn)
        .await?;
    Ok(result.last_insert_rowid())
}

/// The report versions of a dossier in order.
pub async fn list(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<ReportRow>> {
    Ok(sqlx::query_as(
        "SELECT kind, status, date, markdown FROM reports WHERE dossier_id = ? ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The last audit entry that changed the dossier itself (report edits, and undoing or redoing
/// them, do not count).
async fn dossier_state(conn: &mut SqliteConnection, reference: &str) -> Result<i64> {
    let row: (Option<i64>,) = sqlx::query_as(
        "SELECT max(id) FROM audit_log WHERE dossier = ? AND action NOT LIKE 'report.%'
         AND NOT (action IN ('change.undo', 'change.redo') AND json_extract(detail, '$.item') = 'report')",
    )
    .bind(reference)
    .fetch_one(&mut *conn)
    .await?;
    Ok(row.0.unwrap_or(0))
}

type VersionRow = (
    i64,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<i64>,
);

fn to_version(row: VersionRow, state: i64) -> Result<ReportVersion> {
    let (id, kind, status, date, markdown, created_at, updated_at, based_on) = row;
    let status = vocab(&status, ReportStatus::from_code)?;
    Ok(ReportVersion {
        id,
        kind: vocab(&kind, ReportKind::from_code)?,
        status,
        date,
        markdown,
        updated_at: updated_at.unwrap_or_else(|| created_at.clone()),
        created_at,
        // A version imported from a file has no known base; only drafts can go stale.
        stale: status == ReportStatus::Draft && based_on.is_some_and(|b| b < state),
    })
}

const SELECT_VERSION: &str = "SELECT id, kind, status, date, markdown, created_at, updated_at, based_on_audit_id FROM reports";

/// Every version of the dossier's reports, newest first.
pub async fn versions(db: &Db, dossier_id: i64) -> Result<Vec<ReportVersion>> {
    let mut conn = db.pool().acquire().await?;
    let reference = dossiers::reference_of(&mut conn, dossier_id).await?;
    let state = dossier_state(&mut conn, &reference).await?;
    let rows: Vec<VersionRow> = sqlx::query_as(&format!(
        "{SELECT_VERSION} WHERE dossier_id = ? ORDER BY id DESC"
    ))
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(|r| to_version(r, state)).collect()
}

/// One version.
pub async fn version(db: &Db, id: i64) -> Result<(i64, ReportVersion)> {
    let mut conn = db.pool().acquire().await?;
    let row: Option<(i64,)> = sqlx::query_as("SELECT dossier_id FROM reports WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let (dossier_id,) = row.ok_or_else(|| Error::NotFound(format!("rapportversie {id}")))?;
    let reference = dossiers::reference_of(&mut conn, dossier_id).await?;
    let state = dossier_state(&mut conn, &reference).await?;
    let row: VersionRow = sqlx::query_as(&format!("{SELECT_VERSION} WHERE id = ?"))
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok((dossier_id, to_version(row, state)?))
}

/// The newest version of a kind: the text `wederhoor report` renders.
pub async fn latest(db: &Db, dossier_id: i64, kind: ReportKind) -> Result<Option<ReportVersion>> {
    Ok(versions(db, dossier_id)
        .await?
        .into_iter()
        .find(|v| v.kind == kind))
}

/// What the undo history calls a version: its kind and its number among the versions of that
/// kind, oldest first, as the Rapport screen numbers them ("rapport, versie 2").
async fn subject_of(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    kind: ReportKind,
    id: i64,
) -> Result<String> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM reports WHERE dossier_id = ? AND kind = ? AND id <= ?",
    )
    .bind(dossier_id)
    .bind(kind.code())
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(format!("{}, versie {n}", kind.label_nl()))
}

/// Stores a new draft made from the dossier as it is now, as an undoable edit.
pub async fn create_draft(
    db: &Db,
    dossier_id: i64,
    kind: ReportKind,
    markdown: &str,
    actor: &Actor,
) -> Result<i64> {
    create(db, dossier_id, kind, markdown, None, actor).await
}

/// What a procedure letter says beyond the dossier, kept with its draft so that making it
/// final can offer its procedure step ([`step_offer`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterTerms {
    /// The addressee (a party of the dossier), or `None` for the default one.
    pub party_id: Option<i64>,
    /// What is asked, Markdown.
    pub asks: String,
    /// The term the letter gives.
    pub due_on: Option<NaiveDate>,
}

/// Stores a new draft of a procedure letter with what it asks, of whom and by when.
pub async fn create_letter(
    db: &Db,
    dossier_id: i64,
    kind: ReportKind,
    markdown: &str,
    letter: &LetterTerms,
    actor: &Actor,
) -> Result<i64> {
    create(db, dossier_id, kind, markdown, Some(letter), actor).await
}

/// A new draft with the text of an earlier version (to go on after a final one), as an
/// undoable edit. A procedure letter keeps what it asks, of whom and by when, so that the copy
/// made final still offers its step with the term.
pub async fn copy(db: &Db, version_id: i64, actor: &Actor) -> Result<i64> {
    type Row = (i64, String, String, Option<i64>, String, Option<String>);
    let row: Option<Row> = sqlx::query_as(
        "SELECT dossier_id, kind, markdown, letter_party_id, letter_asks, letter_due_on FROM reports WHERE id = ?",
    )
    .bind(version_id)
    .fetch_optional(db.pool())
    .await?;
    let (dossier_id, kind, markdown, party_id, asks, due_on) =
        row.ok_or_else(|| Error::NotFound(format!("rapportversie {version_id}")))?;
    let kind = vocab(&kind, ReportKind::from_code)?;
    let letter = LetterTerms {
        party_id,
        asks,
        due_on: due_on.as_deref().map(crate::day).transpose()?,
    };
    create(db, dossier_id, kind, &markdown, Some(&letter), actor).await
}

async fn create(
    db: &Db,
    dossier_id: i64,
    kind: ReportKind,
    markdown: &str,
    letter: Option<&LetterTerms>,
    actor: &Actor,
) -> Result<i64> {
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Report,
        ChangeVerb::Create,
        kind.label_nl(),
        false,
    )
    .await?;
    let reference = change.reference().to_string();
    let state = dossier_state(change.conn(), &reference).await?;
    let at = now();
    let id = sqlx::query("INSERT INTO reports (dossier_id, kind, status, date, markdown, created_at, updated_at, based_on_audit_id, letter_party_id, letter_asks, letter_due_on) VALUES (?, ?, 'draft', NULL, ?, ?, ?, ?, ?, ?, ?)")
        .bind(dossier_id)
        .bind(kind.code())
        .bind(markdown)
        .bind(&at)
        .bind(&at)
        .bind(state)
        .bind(letter.and_then(|l| l.party_id))
        .bind(letter.map_or("", |l| l.asks.as_str()))
        .bind(letter.and_then(|l| l.due_on).map(iso_day))
        .execute(change.conn())
        .await?
        .last_insert_rowid();
    let subject = subject_of(change.conn(), dossier_id, kind, id).await?;
    change.set_subject(&subject).await?;
    change
        .commit(
            actor,
            "report.draft",
            json!({ "report": id, "kind": kind.code() }),
        )
        .await?;
    Ok(id)
}

/// The procedure step a final letter records, filled from the letter: an acknowledgement the
/// request acknowledged, an information request the information asked with its term, the
/// letter with the verslag the findings sent with the reaction term, the letter with the
/// rapport the rapport sent with the term for the answer to its recommendations; dated the
/// letter's date. `None` for a draft or a report that is no letter.
pub async fn step_offer(db: &Db, version_id: i64) -> Result<Option<StepOffer>> {
    type Row = (
        i64,
        String,
        String,
        Option<String>,
        Option<i64>,
        String,
        Option<String>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT dossier_id, kind, status, date, letter_party_id, letter_asks, letter_due_on FROM reports WHERE id = ?",
    )
    .bind(version_id)
    .fetch_optional(db.pool())
    .await?;
    let (dossier_id, kind, status, date, party_id, asks, due_on) =
        row.ok_or_else(|| Error::NotFound(format!("rapportversie {version_id}")))?;
    let step = match vocab(&kind, ReportKind::from_code)? {
        ReportKind::LetterAcknowledgement => EventKind::RequestAcknowledged,
        ReportKind::LetterInformationRequest => EventKind::InformationRequested,
        ReportKind::LetterFindings => EventKind::FindingsSent,
        ReportKind::LetterReport => EventKind::ReportSent,
        _ => return Ok(None),
    };
    let (Some(date), true) = (date, status == ReportStatus::Final.code()) else {
        return Ok(None);
    };
    let text = if asks.trim().is_empty() {
        format!(
            "Brief: {}.",
            ReportKind::from_code(&kind).map_or("", |k| k.label_nl())
        )
    } else {
        asks
    };
    Ok(Some(StepOffer {
        input: EventInput {
            id: None,
            dossier_id,
            kind: step,
            on: date,
            party_id,
            due_on: due_on.unwrap_or_default(),
            done_on: String::new(),
            weeks: None,
            source_id: None,
            text,
        },
    }))
}

/// Saves the text of a draft (autosave). The saves of one version in a row are one undoable
/// edit, so one undo gives back the text as it was before typing began. A final version is
/// refused (and the trigger would refuse it too).
pub async fn save_text(db: &Db, id: i64, markdown: &str, actor: &Actor) -> Result<()> {
    let (dossier_id, subject) = {
        let mut conn = db.pool().acquire().await?;
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT dossier_id, kind FROM reports WHERE id = ?")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
        let (dossier_id, kind) =
            row.ok_or_else(|| Error::NotFound(format!("rapportversie {id}")))?;
        let kind = vocab(&kind, ReportKind::from_code)?;
        (
            dossier_id,
            subject_of(&mut conn, dossier_id, kind, id).await?,
        )
    };
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Report,
        ChangeVerb::Update,
        &subject,
        true,
    )
    .await?;
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT status, markdown FROM reports WHERE id = ?")
            .bind(id)
            .fetch_optional(change.conn())
            .await?;
    let (status, old) = row.ok_or_else(|| Error::NotFound(format!("rapportversie {id}")))?;
    if status == ReportStatus::Final.code() {
        return Err(Error::Frozen(format!("rapportversie {id}")));
    }
    if old == markdown {
        return Ok(());
    }
    sqlx::query("UPDATE reports SET markdown = ?, updated_at = ? WHERE id = ?")
        .bind(markdown)
        .bind(now())
        .bind(id)
        .execute(change.conn())
        .await?;
    change
        .commit(
            actor,
            "report.save",
            json!({ "report": id, "chars": markdown.chars().count() }),
        )
        .await
}

/// The checks that stand in the way of a final version of this kind: errors always; for a
/// rapport or rapportbrief also open conflicts and points without an oordeel. A verslag van
/// bevindingen exists to put open findings to the parties, so only errors block it.
pub fn blocking(kind: ReportKind, checks: &[Check]) -> Vec<Check> {
    checks
        .iter()
        .filter(|c| {
            c.severity == Severity::Error
                || (kind != ReportKind::VerslagVanBevindingen
                    && matches!(c.rule, CheckRule::OpenBlocksFinal | CheckRule::VerdictOpen))
        })
        .cloned()
        .collect()
}

/// Makes a draft final: dated, frozen from now on, and the one report step that is not undone.
/// The checks are read in the same transaction that makes it final, so no edit can slip in
/// between; refused ([`Error::Blocked`]) while they block it (see [`blocking`]). The version's
/// own undo steps are dropped ([`changes::forget_report`]): nothing can take back a save of a
/// text that is final.
pub async fn finalise(db: &Db, version_id: i64, today: NaiveDate, actor: &Actor) -> Result<()> {
    // IMMEDIATE: the write lock from the start, so what the checks read is what is made final.
    let mut tx = db.begin_write().await?;
    let row: Option<(i64, String, String)> =
        sqlx::query_as("SELECT dossier_id, kind, status FROM reports WHERE id = ?")
            .bind(version_id)
            .fetch_optional(&mut *tx)
            .await?;
    let (dossier_id, kind, status) =
        row.ok_or_else(|| Error::NotFound(format!("rapportversie {version_id}")))?;
    if status == ReportStatus::Final.code() {
        return Err(Error::Frozen(format!("rapportversie {version_id}")));
    }
    let kind = vocab(&kind, ReportKind::from_code)?;
    let blocked = blocking(kind, &overview::checks(&mut tx, dossier_id).await?);
    if !blocked.is_empty() {
        return Err(Error::Blocked(blocked));
    }
    sqlx::query("UPDATE reports SET status = 'final', date = ?, updated_at = ? WHERE id = ? AND status = 'draft'")
        .bind(iso_day(today))
        .bind(now())
        .bind(version_id)
        .execute(&mut *tx)
        .await?;
    changes::forget_report(&mut tx, version_id).await?;
    let reference = dossiers::reference_of(&mut tx, dossier_id).await?;
    let detail = json!({ "report": version_id, "date": iso_day(today) });
    audit::append(&mut tx, actor, "report.finalise", Some(&reference), &detail).await?;
    tx.commit().await?;
    Ok(())
}
