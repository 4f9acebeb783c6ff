//! Import and export of whole dossiers as dossier files: import reads `wederhoor-dossier/1`
//! and `/2`, export writes `/2`. Import is one transaction: a refused or failing file leaves
//! the database as it was. It is not an undoable edit (nothing of the dossier is there to go
//! back to). Export and snapshot read in one transaction too: one consistent view. Export
//! numbers the local ids (`p1`, `s1`, `st1`, `k1`, `c1`, `a1`, `r1`) in stored order, so
//! exporting an imported file gives back the same content.

use crate::error::{Error, Result};
use crate::{
    audit, conflicts, day, dossiers, events, parties, points, reactions, recommendations, reports,
    sources, statements, vocab,
};
use crate::{Actor, Db};
use serde_json::json;
use sqlx::SqliteConnection;
use std::collections::HashMap;
use wederhoor_core::file::*;
use wederhoor_core::vocab::{ReportKind, ReportStatus, TextOrigin};

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// Database id of the new dossier.
    pub id: i64,
    /// Its reference.
    pub reference: String,
}

/// Local file ids to database ids, per collection.
#[derive(Default)]
struct Ids(HashMap<(&'static str, String), i64>);

impl Ids {
    fn put(&mut self, kind: &'static str, local: &str, id: i64) {
        self.0.insert((kind, local.to_string()), id);
    }

    /// The file was validated, so every reference resolves; a miss means a bug, reported as such.
    fn get(&self, kind: &'static str, local: &str) -> Result<i64> {
        self.0
            .get(&(kind, local.to_string()))
            .copied()
            .ok_or_else(|| {
                Error::Corrupt(format!("interne fout: {kind} \"{local}\" niet ingelezen"))
            })
    }

    fn all(&self, kind: &'static str, locals: &[String]) -> Result<Vec<i64>> {
        locals.iter().map(|l| self.get(kind, l)).collect()
    }
}

/// Reads, validates and stores a dossier file. A reference that already exists is refused.
pub async fn import_json(db: &Db, json: &str, actor: &Actor) -> Result<Imported> {
    let file = DossierFile::parse(json)?;
    import(db, &file, actor).await
}

/// Stores a validated dossier file in one transaction with its audit entry.
pub async fn import(db: &Db, file: &DossierFile, actor: &Actor) -> Result<Imported> {
    file.validate()?;
    let mut tx = db.begin_write().await?;
    if dossiers::exists(&mut tx, &file.dossier.reference).await? {
        return Err(Error::DuplicateReference(file.dossier.reference.clone()));
    }
    let dossier_id = dossiers::insert(&mut tx, &file.dossier).await?;
    let mut ids = Ids::default();
    for party in &file.parties {
        ids.put(
            "party",
            &party.id,
            parties::insert(&mut tx, dossier_id, party, None).await?,
        );
    }
    // A partner may be listed before the body it acts for: linked once all parties are in.
    for party in &file.parties {
        if let Some(body) = &party.acts_for {
            sqlx::query("UPDATE parties SET acts_for = ? WHERE id = ?")
                .bind(ids.get("party", body)?)
                .bind(ids.get("party", &party.id)?)
                .execute(&mut *tx)
                .await?;
        }
    }
    for source in &file.sources {
        let supplier = source
            .supplied_by
            .as_deref()
            .map(|p| ids.get("party", p))
            .transpose()?;
        ids.put(
            "source",
            &source.id,
            sources::insert(&mut tx, dossier_id, source, supplier).await?,
        );
    }
    for source in &file.sources {
        if let Some(parent) = &source.attached_to {
            sqlx::query("UPDATE sources SET attached_to = ? WHERE id = ?")
                .bind(ids.get("source", parent)?)
                .bind(ids.get("source", &source.id)?)
                .execute(&mut *tx)
                .await?;
        }
    }
    for statement in &file.statements {
        let party = ids.get("party", &statement.party)?;
        let excerpt_sources: Vec<i64> = statement
            .excerpts
            .iter()
            .map(|e| ids.get("source", &e.source))
            .collect::<Result<_>>()?;
        let id =
            statements::insert(&mut tx, dossier_id, statement, party, &excerpt_sources).await?;
        ids.put("statement", &statement.id, id);
    }
    for point in &file.complaint_points {
        ids.put(
            "point",
            &point.id,
            points::insert(&mut tx, dossier_id, point).await?,
        );
    }
    for conflict in &file.conflicts {
        let point = conflict
            .complaint_point
            .as_deref()
            .map(|k| ids.get("point", k))
            .transpose()?;
        let citizen = ids.all("statement", &conflict.citizen)?;
        let body = ids.all("statement", &conflict.body)?;
        conflicts::insert(&mut tx, dossier_id, conflict, point, &citizen, &body).await?;
    }
    for rec in &file.recommendations {
        let point = rec
            .complaint_point
            .as_deref()
            .map(|k| ids.get("point", k))
            .transpose()?;
        recommendations::insert(&mut tx, dossier_id, rec, point).await?;
    }
    for reaction in &file.reactions {
        let party = ids.get("party", &reaction.party)?;
        let contests = ids.all("statement", &reaction.contests)?;
        reactions::insert(&mut tx, dossier_id, reaction, party, &contests).await?;
    }
    for report in &file.reports {
        reports::insert(&mut tx, dossier_id, report).await?;
    }
    for event in &file.events {
        let party = event
            .party
            .as_deref()
            .map(|p| ids.get("party", p))
            .transpose()?;
        let source = event
            .source
            .as_deref()
            .map(|s| ids.get("source", s))
            .transpose()?;
        events::insert(&mut tx, dossier_id, event, party, source).await?;
    }
    let detail = json!({
        "title": file.dossier.title,
        "parties": file.parties.len(),
        "sources": file.sources.len(),
        "statements": file.statements.len(),
        "complaint_points": file.complaint_points.len(),
        "conflicts": file.conflicts.len(),
    });
    audit::append(
        &mut tx,
        actor,
        "dossier.import",
        Some(&file.dossier.reference),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(Imported {
        id: dossier_id,
        reference: file.dossier.reference.clone(),
    })
}

/// Reads a whole dossier back as a dossier file, in one transaction (one consistent read).
pub async fn export(db: &Db, reference: &str) -> Result<DossierFile> {
    let mut tx = db.pool().begin().await?;
    let file = read(&mut tx, reference, true).await?;
    tx.commit().await?;
    Ok(file)
}

/// The dossier as a file without the sources' bytes and extracted texts: what a rapport
/// draft is made from, cheap even when a register export of megabytes is among the sources.
/// Read in one transaction, so an edit saved meanwhile is in it whole or not at all.
pub async fn snapshot(db: &Db, reference: &str) -> Result<DossierFile> {
    let mut tx = db.pool().begin().await?;
    let file = snapshot_in(&mut tx, reference).await?;
    tx.commit().await?;
    Ok(file)
}

/// [`snapshot`] read on `conn`; in a transaction, the dossier as that transaction sees it.
pub async fn snapshot_in(conn: &mut SqliteConnection, reference: &str) -> Result<DossierFile> {
    read(conn, reference, false).await
}

/// Every read on `conn`: in a transaction, one view of the dossier.
async fn read(
    conn: &mut SqliteConnection,
    reference: &str,
    with_contents: bool,
) -> Result<DossierFile> {
    let dossier = dossiers::by_reference(&mut *conn, reference).await?;
    let party_rows = parties::list(&mut *conn, dossier.id).await?;
    let source_rows = sources::list_full(&mut *conn, dossier.id).await?;
    let statement_rows = statements::list(&mut *conn, dossier.id).await?;
    let mut excerpts = statements::excerpts_by_statement(&mut *conn, dossier.id).await?;
    let point_rows = points::list(&mut *conn, dossier.id).await?;
    let conflict_rows = conflicts::list(&mut *conn, dossier.id).await?;
    let rec_rows = recommendations::list(&mut *conn, dossier.id).await?;
    let reaction_rows = reactions::list(&mut *conn, dossier.id).await?;
    let report_rows = reports::list(&mut *conn, dossier.id).await?;
    let event_rows = events::list(&mut *conn, dossier.id).await?;

    let mut ids = IdMap::default();
    ids.assign('p', "p", party_rows.iter().map(|r| r.id));
    ids.assign('s', "s", source_rows.iter().map(|r| r.id));
    ids.assign('t', "st", statement_rows.iter().map(|r| r.id));
    ids.assign('k', "k", point_rows.iter().map(|r| r.id));
    let local = |kind: char, id: i64| {
        ids.get(kind, id)
            .ok_or_else(|| Error::Corrupt(format!("verwijzing naar ontbrekend item {id}")))
    };
    let locals = |kind: char, list: &[i64]| {
        list.iter()
            .map(|id| local(kind, *id))
            .collect::<Result<Vec<_>>>()
    };

    let parties = party_rows
        .into_iter()
        .map(|p| {
            Ok(FileParty {
                id: local('p', p.id)?,
                role: p.role,
                name: p.name,
                pseudonym: p.pseudonym,
                aliases: p.aliases,
                public_name: Some(p.public_name),
                acts_for: p.acts_for.map(|b| local('p', b)).transpose()?,
            })
        })
        .collect::<Result<_>>()?;
    let sources = source_rows
        .iter()
        .map(|s| {
            Ok(FileSource {
                id: local('s', s.id)?,
                kind: s.kind()?,
                title: s.title.clone(),
                supplied_by: s.supplied_by.map(|p| local('p', p)).transpose()?,
                received_on: s.received_on()?,
                file_name: s.file_name.clone(),
                media_type: s.media_type.clone(),
                sha256: s.sha256.clone(),
                content_base64: s
                    .content
                    .as_deref()
                    .filter(|_| with_contents)
                    .map(encode_content),
                text: s.text.clone().filter(|_| with_contents),
                attached_to: s.attached_to.map(|a| local('s', a)).transpose()?,
                text_origin: s
                    .text_origin
                    .as_deref()
                    .map(|o| vocab(o, TextOrigin::from_code))
                    .transpose()?,
            })
        })
        .collect::<Result<_>>()?;
    let statements = statement_rows
        .iter()
        .map(|s| {
            let excerpts = excerpts
                .remove(&s.id)
                .unwrap_or_default()
                .into_iter()
                .map(|e| {
                    Ok(FileExcerpt {
                        source: local('s', e.source_id)?,
                        quote: e.quote,
                        page: e.page.map(|p| p as u32),
                    })
                })
                .collect::<Result<_>>()?;
            Ok(FileStatement {
                id: local('t', s.id)?,
                party: local('p', s.party_id)?,
                kind: s.kind()?,
                date: s.date()?,
                topic: s.topic.clone(),
                channel: s.channel()?,
                text: s.text.clone(),
                quantity: s.quantity()?,
                excerpts,
            })
        })
        .collect::<Result<_>>()?;
    let complaint_points = point_rows
        .iter()
        .map(|k| {
            Ok(FileComplaintPoint {
                id: local('k', k.id)?,
                number: k.number,
                text: k.text.clone(),
                judgements: k.judgements.clone(),
                verdict: k.verdict,
            })
        })
        .collect::<Result<_>>()?;
    let conflicts = conflict_rows
        .into_iter()
        .enumerate()
        .map(|(n, c)| {
            Ok(FileConflict {
                id: format!("c{}", n + 1),
                title: c.title,
                kind: c.kind,
                citizen: locals('t', &c.citizen)?,
                body: locals('t', &c.body)?,
                complaint_point: c.complaint_point_id.map(|k| local('k', k)).transpose()?,
                both_sides_heard: c.both_sides_heard,
                resolution: c.resolution,
                reasoning: c.reasoning,
            })
        })
        .collect::<Result<_>>()?;
    let recommendations = rec_rows
        .into_iter()
        .enumerate()
        .map(|(n, a)| {
            Ok(FileRecommendation {
                id: format!("a{}", n + 1),
                complaint_point: a.complaint_point_id.map(|k| local('k', k)).transpose()?,
                text: a.text,
                response: a.response,
            })
        })
        .collect::<Result<_>>()?;
    let reactions = reaction_rows
        .into_iter()
        .enumerate()
        .map(|(n, r)| {
            Ok(FileReaction {
                id: format!("r{}", n + 1),
                party: local('p', r.party_id)?,
                received_on: day(&r.received_on)?,
                on_report: r
                    .on_report
                    .as_deref()
                    .map(|k| vocab(k, ReportKind::from_code))
                    .transpose()?,
                text: r.text,
                contests: locals('t', &r.contests)?,
            })
        })
        .collect::<Result<_>>()?;
    let reports = report_rows
        .into_iter()
        .map(|r| {
            Ok(FileReport {
                kind: vocab(&r.kind, ReportKind::from_code)?,
                status: vocab(&r.status, ReportStatus::from_code)?,
                date: r.date.as_deref().map(day).transpose()?,
                markdown: r.markdown,
            })
        })
        .collect::<Result<_>>()?;

    let events = event_rows
        .into_iter()
        .enumerate()
        .map(|(n, e)| {
            Ok(FileEvent {
                id: format!("e{}", n + 1),
                party: e.party_id.map(|p| local('p', p)).transpose()?,
                source: e.source_id.map(|s| local('s', s)).transpose()?,
                ..e.event
            })
        })
        .collect::<Result<_>>()?;
    Ok(DossierFile {
        events,
        format: FORMAT.to_string(),
        dossier: dossier.to_file()?,
        parties,
        sources,
        statements,
        complaint_points,
        conflicts,
        recommendations,
        reactions,
        reports,
    })
}
