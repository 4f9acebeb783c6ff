//! The facts the signals across dossiers are counted from (`wederhoor_core::signals`): per
//! dossier its received day, trefwoorden, bodies and partners, and its complaint points with
//! their verdicts and the norms judged niet behoorlijk. Read in three queries in one read
//! transaction (one consistent snapshot), only for the dossiers of the period.

use crate::error::{Error, Result};
use crate::{day, parse_list, vocab, Db};
use std::collections::HashMap;
use wederhoor_core::parties::is_person;
use wederhoor_core::signals::{
    self, DossierFacts, HiddenName, Organisation, PointFacts, RecommendationFacts, RegisterEntry,
};
use wederhoor_core::vocab::{DossierStatus, PartyRole, Verdict};
use wederhoor_core::wire::{SignalPeriod, Signals};

/// The facts of every dossier, most recently received first (the dossier list's order).
pub async fn facts(db: &Db) -> Result<Vec<DossierFacts>> {
    facts_in(db, &SignalPeriod::default()).await
}

/// The dossiers received in the period (`?1`, `?2`: first and last ISO day, or NULL).
const IN_PERIOD: &str =
    "(?1 IS NULL OR d.received_on >= ?1) AND (?2 IS NULL OR d.received_on <= ?2)";

type DossierRow = (i64, String, String);
type PartyRow = (i64, i64, String, String, String, bool, Option<i64>);
/// A point comes once per norm judged niet behoorlijk on it, or once with NULL for none.
type PointRow = (i64, i64, String, Option<String>);

/// The facts of the dossiers received in `period`, in the list's order: three plain queries
/// in one read transaction, one consistent snapshot. (Plain rows cost less to read than rows
/// SQLite first builds up as JSON or text per dossier, measured; reading the three at once
/// on three connections was slower still.)
pub async fn facts_in(db: &Db, period: &SignalPeriod) -> Result<Vec<DossierFacts>> {
    let (from, to) = (period.from.as_deref(), period.to.as_deref());
    let mut tx = db.pool().begin().await?;
    let dossiers: Vec<DossierRow> = sqlx::query_as(&format!(
        "SELECT d.id, d.received_on, d.keywords FROM dossiers d WHERE {IN_PERIOD}
         ORDER BY d.received_on DESC, d.reference DESC"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(&mut *tx)
    .await?;
    let parties: Vec<PartyRow> = sqlx::query_as(&format!(
        "SELECT p.dossier_id, p.id, p.role, p.name, p.pseudonym, p.public_name, p.acts_for
         FROM parties p JOIN dossiers d ON d.id = p.dossier_id
         WHERE (p.role = 'body' OR p.acts_for IS NOT NULL) AND {IN_PERIOD} ORDER BY p.id"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(&mut *tx)
    .await?;
    let points: Vec<PointRow> = sqlx::query_as(&format!(
        "SELECT c.dossier_id, c.id, c.verdict, j.norm
         FROM complaint_points c JOIN dossiers d ON d.id = c.dossier_id
         LEFT JOIN judgements j ON j.complaint_point_id = c.id AND j.outcome = 'niet_behoorlijk'
         WHERE {IN_PERIOD} ORDER BY c.id, j.id"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;

    let mut by_dossier: HashMap<i64, (Vec<Organisation>, Vec<PointFacts>)> = HashMap::new();
    for (dossier, id, role, name, pseudonym, public_name, acts_for) in parties {
        by_dossier.entry(dossier).or_default().0.push(Organisation {
            id,
            role: vocab(&role, PartyRole::from_code)?,
            name,
            pseudonym,
            public_name,
            acts_for,
        });
    }
    let mut last_point = None;
    for (dossier, id, verdict, norm) in points {
        let list = &mut by_dossier.entry(dossier).or_default().1;
        if last_point != Some(id) {
            last_point = Some(id);
            list.push(PointFacts {
                verdict: vocab(&verdict, Verdict::from_code)?,
                niet_behoorlijk: Vec::new(),
            });
        }
        if let (Some(norm), Some(point)) = (norm, list.last_mut()) {
            point.niet_behoorlijk.push(norm);
        }
    }
    dossiers
        .into_iter()
        .map(|(id, received_on, keywords)| {
            let (organisations, points) = by_dossier.remove(&id).unwrap_or_default();
            Ok(DossierFacts {
                id,
                received_on: day(&received_on)?,
                keywords: parse_list(&keywords)?,
                organisations,
                points,
            })
        })
        .collect()
}

/// The signals of the dossiers received in `period`.
pub async fn signals(db: &Db, period: &SignalPeriod) -> Result<Signals> {
    Ok(signals::count(&facts_in(db, period).await?, period))
}

/// The register entries (Awb 9:12a) of the dossiers counted in `signals`, in its order: the
/// texts a publication shows after replacing the names in each entry's `hidden`.
pub async fn register(db: &Db, signals: &Signals) -> Result<Vec<RegisterEntry>> {
    let ids =
        serde_json::to_string(&signals.dossiers).map_err(|e| Error::Corrupt(e.to_string()))?;
    let mut tx = db.pool().begin().await?;
    let dossiers: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT id, reference, title, received_on, status FROM dossiers
         WHERE id IN (SELECT value FROM json_each(?1))",
    )
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?;
    let points: Vec<(i64, String)> = sqlx::query_as(
        "SELECT dossier_id, verdict FROM complaint_points
         WHERE dossier_id IN (SELECT value FROM json_each(?1)) ORDER BY number",
    )
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?;
    // Completed: the day of the first final rapport or rapportbrief (a verslag is not the end).
    let completed: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT dossier_id, MIN(date) FROM reports
         WHERE status = 'final' AND kind IN ('rapport', 'rapportbrief') AND date IS NOT NULL
           AND dossier_id IN (SELECT value FROM json_each(?1))
         GROUP BY dossier_id",
    )
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?;
    let recommendations: Vec<(i64, Option<i64>, String, Option<String>)> = sqlx::query_as(
        "SELECT r.dossier_id, p.number, r.text, r.response FROM recommendations r
         LEFT JOIN complaint_points p ON p.id = r.complaint_point_id
         WHERE r.dossier_id IN (SELECT value FROM json_each(?1)) ORDER BY r.id",
    )
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?;
    let hidden: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT dossier_id, role, name, aliases, pseudonym FROM parties
         WHERE public_name = 0 AND dossier_id IN (SELECT value FROM json_each(?1)) ORDER BY id",
    )
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;

    let mut entries: HashMap<i64, RegisterEntry> = HashMap::new();
    for (id, reference, title, received_on, status) in dossiers {
        let entry = RegisterEntry {
            id,
            reference,
            title,
            received_on: day(&received_on)?,
            status: vocab(&status, DossierStatus::from_code)?,
            bodies: Vec::new(),
            verdicts: Vec::new(),
            completed_on: None,
            recommendations: Vec::new(),
            hidden: Vec::new(),
        };
        entries.insert(id, entry);
    }
    for (id, verdict) in points {
        if let Some(e) = entries.get_mut(&id) {
            e.verdicts.push(vocab(&verdict, Verdict::from_code)?);
        }
    }
    for (id, date) in completed {
        if let (Some(e), Some(date)) = (entries.get_mut(&id), date) {
            e.completed_on = Some(day(&date)?);
        }
    }
    for (id, point, text, response) in recommendations {
        if let Some(e) = entries.get_mut(&id) {
            e.recommendations.push(RecommendationFacts {
                point: point.map(|n| n as u32),
                text,
                response: response.filter(|r| !r.trim().is_empty()),
            });
        }
    }
    for (id, role, name, aliases, pseudonym) in hidden {
        if let Some(e) = entries.get_mut(&id) {
            e.hidden.push(HiddenName {
                name,
                aliases: parse_list(&aliases)?,
                pseudonym,
                person: is_person(vocab(&role, PartyRole::from_code)?),
            });
        }
    }
    for f in facts_in(db, &signals.period).await? {
        if let Some(e) = entries.get_mut(&f.id) {
            e.bodies = signals::public_bodies(&f);
        }
    }
    Ok(signals
        .dossiers
        .iter()
        .filter_map(|id| entries.remove(id))
        .collect())
}

/// Who made the overview: the ombudsman named in most of the dossiers counted; of equals, the
/// one of the most recently received dossier (empty when none names one).
pub async fn ombudsman(db: &Db, signals: &Signals) -> Result<String> {
    let ids =
        serde_json::to_string(&signals.dossiers).map_err(|e| Error::Corrupt(e.to_string()))?;
    let found: Option<(String,)> = sqlx::query_as(
        "SELECT ombudsman FROM dossiers
         WHERE ombudsman <> '' AND id IN (SELECT value FROM json_each(?1))
         GROUP BY ombudsman ORDER BY COUNT(*) DESC, MAX(received_on) DESC, ombudsman LIMIT 1",
    )
    .bind(&ids)
    .fetch_optional(db.pool())
    .await?;
    Ok(found.map(|(name,)| name).unwrap_or_default())
}
