//! The facts the signals across dossiers are counted from (`wederhoor_core::signals`): per
//! dossier its received day, trefwoorden, bodies and partners, and its complaint points with
//! their verdicts and the norms judged niet behoorlijk. Read in four queries, one consistent
//! snapshot, so 10,000 dossiers count in milliseconds.

use crate::error::Result;
use crate::{day, parse_list, vocab, Db};
use std::collections::HashMap;
use wederhoor_core::signals::{self, DossierFacts, Organisation, PointFacts};
use wederhoor_core::vocab::{PartyRole, Verdict};
use wederhoor_core::wire::{SignalPeriod, Signals};

/// The facts of every dossier, most recently received first (the dossier list's order).
pub async fn facts(db: &Db) -> Result<Vec<DossierFacts>> {
    let mut tx = db.pool().begin().await?;
    let dossiers: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, received_on, keywords FROM dossiers ORDER BY received_on DESC, reference DESC",
    )
    .fetch_all(&mut *tx)
    .await?;
    type PartyRow = (i64, i64, String, String, String, bool, Option<i64>);
    let parties: Vec<PartyRow> = sqlx::query_as(
        "SELECT dossier_id, id, role, name, pseudonym, public_name, acts_for FROM parties
         WHERE role = 'body' OR acts_for IS NOT NULL ORDER BY id",
    )
    .fetch_all(&mut *tx)
    .await?;
    let points: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT dossier_id, id, verdict FROM complaint_points ORDER BY number")
            .fetch_all(&mut *tx)
            .await?;
    let judged: Vec<(i64, String)> = sqlx::query_as(
        "SELECT complaint_point_id, norm FROM judgements WHERE outcome = 'niet_behoorlijk' ORDER BY id",
    )
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;

    let mut norms: HashMap<i64, Vec<String>> = HashMap::new();
    for (point, norm) in judged {
        norms.entry(point).or_default().push(norm);
    }
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
    for (dossier, id, verdict) in points {
        by_dossier.entry(dossier).or_default().1.push(PointFacts {
            verdict: vocab(&verdict, Verdict::from_code)?,
            niet_behoorlijk: norms.remove(&id).unwrap_or_default(),
        });
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
    Ok(signals::count(&facts(db).await?, period))
}
