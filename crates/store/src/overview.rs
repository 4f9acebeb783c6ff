//! A dossier's Overzicht: parties, complaint points with verdicts, counts, and rule checks.

use crate::error::Result;
use crate::{conflicts, dossiers, parties, points, Db};
use sqlx::SqliteConnection;
use std::collections::HashMap;
use wederhoor_core::checks::{check_dossier, Check, ConflictFacts, PointFacts};
use wederhoor_core::vocab::{DossierStatus, Resolution};
use wederhoor_core::wire::{DossierCounts, DossierOverview};

/// The Overzicht of the dossier with this id.
pub async fn overview(db: &Db, dossier_id: i64) -> Result<DossierOverview> {
    let pool = db.pool();
    let dossier = dossiers::by_id(pool, dossier_id).await?;
    let parties = parties::list(&mut *pool.acquire().await?, dossier_id).await?;
    let points = points::list(&mut *pool.acquire().await?, dossier_id).await?;
    let conflicts = conflicts::list(&mut *pool.acquire().await?, dossier_id).await?;
    let counts = counts(db, dossier_id, &conflicts).await?;

    let file = dossier.to_file()?;
    let reactions = crate::reactions::list(&mut *pool.acquire().await?, dossier_id)
        .await?
        .iter()
        .map(|r| r.to_view())
        .collect::<Result<Vec<_>>>()?;
    Ok(DossierOverview {
        dossier: dossier.to_summary()?,
        ombudsman: dossier.ombudsman.clone(),
        summary: dossier.summary.clone(),
        kenbaarheid: file.kenbaarheid,
        advisory_committee: file.advisory_committee,
        next_statuses: DossierStatus::ALL
            .iter()
            .copied()
            .filter(|to| file.status.may_become(*to).is_some())
            .collect(),
        reactions,
        parties,
        complaint_points: points.iter().map(|k| k.to_view()).collect(),
        counts,
        conflicts: conflicts::summaries(db, dossier_id).await?,
        checks: checks_of(&points, &conflicts),
    })
}

/// The rule checks of a dossier, read on `conn`: in a transaction, they are the checks of what
/// that transaction sees (finalising a report reads them so). The Overzicht shows the same.
pub async fn checks(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Vec<Check>> {
    let points = points::list(&mut *conn, dossier_id).await?;
    let conflicts = conflicts::list(&mut *conn, dossier_id).await?;
    Ok(checks_of(&points, &conflicts))
}

/// The rules of `core::checks` over a dossier's points and conflicts as read.
pub(crate) fn checks_of(
    points: &[points::PointRecord],
    conflicts: &[conflicts::ConflictRecord],
) -> Vec<Check> {
    let number_of: HashMap<i64, u32> = points.iter().map(|k| (k.id, k.number)).collect();
    let point_facts: Vec<PointFacts> = points
        .iter()
        .map(|k| PointFacts {
            number: k.number,
            verdict: k.verdict,
            judgements: k
                .judgements
                .iter()
                .map(|j| (j.norm.clone(), j.outcome))
                .collect(),
        })
        .collect();
    let conflict_facts: Vec<ConflictFacts> = conflicts
        .iter()
        .map(|c| ConflictFacts {
            title: c.title.clone(),
            point: c
                .complaint_point_id
                .and_then(|id| number_of.get(&id).copied()),
            both_sides_heard: c.both_sides_heard,
            resolution: c.resolution,
        })
        .collect();
    check_dossier(&point_facts, &conflict_facts)
}

async fn counts(
    db: &Db,
    dossier_id: i64,
    conflicts: &[conflicts::ConflictRecord],
) -> Result<DossierCounts> {
    let (sources, claims, records, recommendations, reactions): (i64, i64, i64, i64, i64) =
        sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM sources WHERE dossier_id = ?1),
                (SELECT COUNT(*) FROM statements WHERE dossier_id = ?1 AND kind = 'claim'),
                (SELECT COUNT(*) FROM statements WHERE dossier_id = ?1 AND kind = 'record'),
                (SELECT COUNT(*) FROM recommendations WHERE dossier_id = ?1),
                (SELECT COUNT(*) FROM reactions WHERE dossier_id = ?1)",
        )
        .bind(dossier_id)
        .fetch_one(db.pool())
        .await?;
    Ok(DossierCounts {
        sources: sources as u32,
        claims: claims as u32,
        records: records as u32,
        conflicts: conflicts.len() as u32,
        open_conflicts: conflicts
            .iter()
            .filter(|c| c.resolution == Resolution::Open)
            .count() as u32,
        recommendations: recommendations as u32,
        reactions: reactions as u32,
    })
}
