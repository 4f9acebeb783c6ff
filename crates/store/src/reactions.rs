//! Reactions of parties in a hoor-en-wederhoor round, the statements each contests and the
//! document it came in: recorded, edited and removed in the app as undoable edits.

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{vocab, Actor, Db};
use serde_json::json;
use sqlx::SqliteConnection;
use std::collections::HashMap;
use wederhoor_core::dates::iso_day;
use wederhoor_core::file::FileReaction;
use wederhoor_core::vocab::ReportKind;
use wederhoor_core::wire::{
    ChangeVerb, FieldCode, FieldError, ItemKind, ReactionInput, ReactionView,
};

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
    /// The source it came in.
    pub source_id: Option<i64>,
}

impl ReactionRecord {
    /// The Overzicht's view of it.
    pub fn to_view(&self) -> Result<ReactionView> {
        Ok(ReactionView {
            id: self.id,
            party_id: self.party_id,
            received_on: self.received_on.clone(),
            on_report: self
                .on_report
                .as_deref()
                .map(|k| vocab(k, ReportKind::from_code))
                .transpose()?,
            text: self.text.clone(),
            contests: self.contests.clone(),
            source_id: self.source_id,
        })
    }
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

/// A reaction row: id, party, received on, report kind, text, source.
type ReactionTuple = (i64, i64, String, Option<String>, String, Option<i64>);

/// The reactions of a dossier in order.
pub async fn list(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<ReactionRecord>> {
    let rows: Vec<ReactionTuple> =
        sqlx::query_as("SELECT id, party_id, received_on, on_report, text, source_id FROM reactions WHERE dossier_id = ? ORDER BY id")
            .bind(dossier_id)
            .fetch_all(&mut *conn)
            .await?;
    let links: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT rc.reaction_id, rc.statement_id FROM reaction_contests rc
         JOIN reactions r ON r.id = rc.reaction_id WHERE r.dossier_id = ? ORDER BY rc.rowid",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut contests: HashMap<i64, Vec<i64>> = HashMap::new();
    for (reaction_id, statement_id) in links {
        contests.entry(reaction_id).or_default().push(statement_id);
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, party_id, received_on, on_report, text, source_id)| ReactionRecord {
                id,
                party_id,
                received_on,
                on_report,
                text,
                contests: contests.remove(&id).unwrap_or_default(),
                source_id,
            },
        )
        .collect())
}

/// Records a reaction (`input.id` is `None`) or saves an edited one, with the statements it
/// contests, as an undoable edit; returns its id. Every reference must be of this dossier.
pub async fn save(
    db: &Db,
    input: &ReactionInput,
    today: chrono::NaiveDate,
    actor: &Actor,
) -> Result<i64> {
    let valid = wederhoor_core::reactions::validate(input, today).map_err(Error::Invalid)?;
    if input
        .on_report
        .is_some_and(|k| !ReportKind::REPORTS.contains(&k))
    {
        return Err(invalid("onReport", FieldCode::Invalid));
    }
    let verb = if input.id.is_some() {
        ChangeVerb::Update
    } else {
        ChangeVerb::Create
    };
    let mut change =
        Change::begin(db, input.dossier_id, ItemKind::Reaction, verb, "", false).await?;
    let party = crate::parties::require_in_dossier(
        change.conn(),
        input.dossier_id,
        valid.party_id,
        "partyId",
    )
    .await;
    party?;
    let (name,): (String,) = sqlx::query_as("SELECT name FROM parties WHERE id = ?")
        .bind(valid.party_id)
        .fetch_one(change.conn())
        .await?;
    change.set_subject(&name).await?;
    for statement in &input.contests {
        let (n,): (i64,) =
            sqlx::query_as("SELECT count(*) FROM statements WHERE id = ? AND dossier_id = ?")
                .bind(statement)
                .bind(input.dossier_id)
                .fetch_one(change.conn())
                .await?;
        if n == 0 {
            return Err(invalid("contests", FieldCode::UnknownStatement));
        }
    }
    if let Some(source) = input.source_id {
        let (n,): (i64,) =
            sqlx::query_as("SELECT count(*) FROM sources WHERE id = ? AND dossier_id = ?")
                .bind(source)
                .bind(input.dossier_id)
                .fetch_one(change.conn())
                .await?;
        if n == 0 {
            return Err(invalid("sourceId", FieldCode::UnknownSource));
        }
    }
    let received_on = wederhoor_core::dates::iso_day(valid.received_on);
    let id = match input.id {
        Some(id) => {
            let updated = sqlx::query("UPDATE reactions SET party_id = ?, received_on = ?, on_report = ?, text = ?, source_id = ? WHERE id = ? AND dossier_id = ?")
                .bind(valid.party_id)
                .bind(&received_on)
                .bind(input.on_report.map(|k| k.code()))
                .bind(&valid.text)
                .bind(input.source_id)
                .bind(id)
                .bind(input.dossier_id)
                .execute(change.conn())
                .await?;
            if updated.rows_affected() == 0 {
                return Err(Error::NotFound(format!("reactie {id}")));
            }
            sqlx::query("DELETE FROM reaction_contests WHERE reaction_id = ?")
                .bind(id)
                .execute(change.conn())
                .await?;
            id
        }
        None => sqlx::query("INSERT INTO reactions (dossier_id, party_id, received_on, on_report, text, source_id) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(input.dossier_id)
            .bind(valid.party_id)
            .bind(&received_on)
            .bind(input.on_report.map(|k| k.code()))
            .bind(&valid.text)
            .bind(input.source_id)
            .execute(change.conn())
            .await?
            .last_insert_rowid(),
    };
    let mut seen = std::collections::HashSet::new();
    for statement in input.contests.iter().filter(|s| seen.insert(**s)) {
        sqlx::query("INSERT INTO reaction_contests (reaction_id, statement_id) VALUES (?, ?)")
            .bind(id)
            .bind(statement)
            .execute(change.conn())
            .await?;
    }
    let action = if input.id.is_some() {
        "reaction.update"
    } else {
        "reaction.create"
    };
    change
        .commit(
            actor,
            action,
            json!({ "reaction": id, "party": valid.party_id }),
        )
        .await?;
    Ok(id)
}

fn invalid(field: &str, code: FieldCode) -> Error {
    Error::Invalid(vec![FieldError {
        field: field.into(),
        code,
    }])
}

/// Removes a reaction (nothing refers to one); undoable.
pub async fn remove(db: &Db, dossier_id: i64, id: i64, actor: &Actor) -> Result<()> {
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Reaction,
        ChangeVerb::Remove,
        "",
        false,
    )
    .await?;
    let name: Option<(String,)> = sqlx::query_as(
        "SELECT p.name FROM reactions r JOIN parties p ON p.id = r.party_id WHERE r.id = ? AND r.dossier_id = ?",
    )
    .bind(id)
    .bind(dossier_id)
    .fetch_optional(change.conn())
    .await?;
    let (name,) = name.ok_or_else(|| Error::NotFound(format!("reactie {id}")))?;
    change.set_subject(&name).await?;
    sqlx::query("DELETE FROM reactions WHERE id = ?")
        .bind(id)
        .execute(change.conn())
        .await?;
    change
        .commit(actor, "reaction.remove", json!({ "reaction": id }))
        .await
}
