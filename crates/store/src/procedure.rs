//! The Verloop of a dossier and the terms across dossiers: the steps read from `events`, the
//! term rules of `core::procedure` over them on a given day, the norms they point to offered
//! on a complaint point, and every open term of every dossier for the list, the start notice
//! and `wederhoor deadlines`.

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::{day, dossiers, events, now, points, vocab, Actor, Db};
use chrono::NaiveDate;
use serde_json::json;
use sqlx::SqliteConnection;
use std::collections::{HashMap, HashSet};
use wederhoor_core::checks::Check;
use wederhoor_core::dates::iso_day;
use wederhoor_core::procedure::{self, NormSuggestion, Setting, Step, Term, TermKind};
use wederhoor_core::vocab::{DossierStatus, Kenbaarheid, Outcome};
use wederhoor_core::wire::{
    ChangeVerb, Deadline, DeadlineSummary, DossierFacets, DossierRow, ItemKind, OfferedNorm,
    ProcedureView,
};

/// Days, counted from today, that "deze week" covers: today and the six days after.
pub const WEEK_DAYS: i64 = 6;

/// What the rules need of a dossier besides its steps: kenbaarheid, the advisory committee,
/// and the span of the conduct as its dated statements from before the request show it.
pub async fn setting(conn: &mut SqliteConnection, dossier_id: i64) -> Result<Setting> {
    let (kenbaarheid, advisory_committee, received_on): (String, bool, String) = sqlx::query_as(
        "SELECT kenbaarheid, advisory_committee, received_on FROM dossiers WHERE id = ?",
    )
    .bind(dossier_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| Error::NotFound(format!("dossier {dossier_id}")))?;
    // The conduct complained about lies before the request; a reaction dated later is not it.
    let (first, last): (Option<String>, Option<String>) = sqlx::query_as(
        "SELECT min(span_start), max(min(span_end, ?2)) FROM statements
         WHERE dossier_id = ?1 AND span_start IS NOT NULL AND span_start <= ?2",
    )
    .bind(dossier_id)
    .bind(&received_on)
    .fetch_one(&mut *conn)
    .await?;
    let conduct = match (first, last) {
        (Some(first), Some(last)) => Some((day(&first[..10])?, day(&last[..10])?)),
        _ => None,
    };
    Ok(Setting {
        kenbaarheid: vocab(&kenbaarheid, Kenbaarheid::from_code)?,
        advisory_committee,
        conduct,
    })
}

/// The procedural findings of a dossier on `today` (the `procedure.*` checks).
pub async fn checks(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    today: NaiveDate,
) -> Result<Vec<Check>> {
    let setting = setting(&mut *conn, dossier_id).await?;
    let steps: Vec<Step> = events::list(&mut *conn, dossier_id)
        .await?
        .iter()
        .map(events::EventRecord::to_step)
        .collect();
    let terms = procedure::terms(&setting, &steps, today);
    Ok(procedure::findings(&setting, &steps, &terms, today))
}

/// The Verloop of the dossier with this id, its terms judged on `today`.
pub async fn view(db: &Db, dossier_id: i64, today: NaiveDate) -> Result<ProcedureView> {
    let mut conn = db.pool().acquire().await?;
    let setting = setting(&mut conn, dossier_id).await?;
    let records = events::list(&mut conn, dossier_id).await?;
    let steps: Vec<Step> = records.iter().map(events::EventRecord::to_step).collect();
    let terms = procedure::terms(&setting, &steps, today);
    let checks = procedure::findings(&setting, &steps, &terms, today);
    let suggestions = offered(&mut conn, dossier_id, &steps, &terms).await?;
    Ok(ProcedureView {
        today: iso_day(today),
        kenbaarheid: setting.kenbaarheid,
        advisory_committee: setting.advisory_committee,
        events: records.iter().map(events::EventRecord::to_view).collect(),
        terms,
        checks,
        suggestions,
    })
}

/// The norms the terms point to that were neither accepted nor dismissed, each with the point
/// it seems to be about.
async fn offered(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    steps: &[Step],
    terms: &[Term],
) -> Result<Vec<OfferedNorm>> {
    let handled: HashSet<String> = sqlx::query_as::<_, (String,)>(
        "SELECT key FROM dismissed_suggestions WHERE dossier_id = ?",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(k,)| k)
    .collect();
    let points = points::list(&mut *conn, dossier_id).await?;
    Ok(procedure::norm_suggestions(steps, terms)
        .into_iter()
        .filter(|s| !handled.contains(&s.key))
        .map(|suggestion| {
            let point_id = likely_point(&suggestion, &points);
            OfferedNorm {
                suggestion,
                point_id,
            }
        })
        .collect())
}

/// The complaint point a procedural fact is most likely about: for a promise the point that
/// speaks of a promise or a call back, else the one about the handling of the complaint; the
/// only point when there is one; `None` when the investigator must choose.
fn likely_point(suggestion: &NormSuggestion, points: &[points::PointRecord]) -> Option<i64> {
    let words: &[&str] = if suggestion.term.kind == TermKind::Promise {
        &[
            "toegezegd",
            "toezegging",
            "beloofd",
            "belofte",
            "terugbel",
            "teruggebeld",
            "afspraak",
        ]
    } else {
        &[
            "klachtbehandeling",
            "afhandeling",
            "behandel",
            "afgehandeld",
            "beantwoord",
            "antwoord",
            "reactie op",
            "kwijt",
        ]
    };
    let about = |text: &str| {
        let text = text.to_lowercase();
        words.iter().any(|w| text.contains(w))
    };
    points
        .iter()
        .find(|p| about(&p.text))
        .or(match points {
            [only] => Some(only),
            _ => None,
        })
        .map(|p| p.id)
}

/// Accepts an offered norm on a complaint point, as one undoable edit: the norm is added to
/// the point with its outcome still open and the facts as the start of its considerations (or,
/// when the point already tests that norm, the facts are added to its considerations). The
/// offer is not made again. Never a verdict.
pub async fn accept(
    db: &Db,
    dossier_id: i64,
    key: &str,
    point_id: i64,
    today: NaiveDate,
    actor: &Actor,
) -> Result<()> {
    let offer = view(db, dossier_id, today)
        .await?
        .suggestions
        .into_iter()
        .find(|o| o.suggestion.key == key)
        .ok_or_else(|| Error::NotFound(format!("voorstel {key}")))?
        .suggestion;
    let mut change = Change::begin(
        db,
        dossier_id,
        ItemKind::Judgement,
        ChangeVerb::Create,
        &offer.norm,
        false,
    )
    .await?;
    points::require_in_dossier(change.conn(), dossier_id, point_id).await?;
    let existing: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, considerations FROM judgements WHERE complaint_point_id = ? AND norm = ?",
    )
    .bind(point_id)
    .bind(&offer.norm)
    .fetch_optional(change.conn())
    .await?;
    match existing {
        Some((id, considerations)) => {
            let joined = if considerations.trim().is_empty() {
                offer.facts.clone()
            } else {
                format!("{}\n\n{}", considerations.trim_end(), offer.facts)
            };
            sqlx::query("UPDATE judgements SET considerations = ? WHERE id = ?")
                .bind(joined)
                .bind(id)
                .execute(change.conn())
                .await?;
        }
        None => {
            sqlx::query("INSERT INTO judgements (complaint_point_id, norm, outcome, considerations) VALUES (?, ?, ?, ?)")
                .bind(point_id)
                .bind(&offer.norm)
                .bind(Outcome::GeenOordeel.code())
                .bind(&offer.facts)
                .execute(change.conn())
                .await?;
        }
    }
    sqlx::query("INSERT OR IGNORE INTO dismissed_suggestions (dossier_id, key, dismissed_at) VALUES (?, ?, ?)")
        .bind(dossier_id)
        .bind(key)
        .bind(now())
        .execute(change.conn())
        .await?;
    change
        .commit(
            actor,
            "procedure.accept_norm",
            json!({ "key": key, "norm": offer.norm, "point": point_id }),
        )
        .await
}

/// Every dossier of the list with its open terms on `today`: overdue dossiers first (the
/// longest overdue on top), then the rest as [`dossiers::list`] orders them.
pub async fn rows(db: &Db, today: NaiveDate) -> Result<Vec<DossierRow>> {
    let summaries = dossiers::list(db.pool()).await?;
    let mut open = open_terms(db, today).await?;
    let mut facets: HashMap<i64, DossierFacets> = crate::signals::facts(db)
        .await?
        .iter()
        .map(|f| (f.id, wederhoor_core::signals::facets(f)))
        .collect();
    let mut rows: Vec<DossierRow> = summaries
        .into_iter()
        .map(|dossier| {
            let terms = open.remove(&dossier.id).unwrap_or_default();
            let overdue = terms.iter().filter(|t| t.overdue()).count() as u32;
            let due_this_week = terms.iter().filter(|t| this_week(t, today)).count() as u32;
            DossierRow {
                next_term: terms.into_iter().next(),
                facets: facets.remove(&dossier.id).unwrap_or_default(),
                dossier,
                overdue,
                due_this_week,
            }
        })
        .collect();
    // Stable: the others keep the list's own order (most recently received first).
    rows.sort_by_key(|r| match &r.next_term {
        Some(t) if t.overdue() => (0, t.due_on),
        _ => (1, NaiveDate::MIN),
    });
    Ok(rows)
}

/// Whether an open term ends today or in the six days after.
pub fn this_week(term: &Term, today: NaiveDate) -> bool {
    !term.overdue() && (term.due_on - today).num_days() <= WEEK_DAYS
}

/// The open terms of every dossier that is not closed, per dossier id, most urgent first.
async fn open_terms(db: &Db, today: NaiveDate) -> Result<HashMap<i64, Vec<Term>>> {
    let mut conn = db.pool().acquire().await?;
    let dossiers: Vec<(i64, String, bool, String)> =
        sqlx::query_as("SELECT id, kenbaarheid, advisory_committee, status FROM dossiers")
            .fetch_all(&mut *conn)
            .await?;
    let mut steps: HashMap<i64, Vec<Step>> = HashMap::new();
    for (dossier_id, record) in events::list_all(&mut conn).await? {
        steps.entry(dossier_id).or_default().push(record.to_step());
    }
    let mut out = HashMap::new();
    for (id, kenbaarheid, advisory_committee, status) in dossiers {
        if vocab(&status, DossierStatus::from_code)? == DossierStatus::Closed {
            continue;
        }
        let Some(steps) = steps.get(&id) else {
            continue;
        };
        // Open terms never depend on the conduct (only 9:24 and 9:8 do, and they are not open).
        let setting = Setting {
            kenbaarheid: vocab(&kenbaarheid, Kenbaarheid::from_code)?,
            advisory_committee,
            conduct: None,
        };
        let mut terms: Vec<Term> = procedure::terms(&setting, steps, today)
            .into_iter()
            .filter(|t| t.open)
            .collect();
        terms.sort_by_key(|t| (!t.overdue(), t.due_on));
        if !terms.is_empty() {
            out.insert(id, terms);
        }
    }
    Ok(out)
}

/// Every open term of every dossier that is not closed, on `today`: overdue first, then by
/// last day; `within` keeps those that end within that many days (overdue ones always stay).
pub async fn deadlines(db: &Db, today: NaiveDate, within: Option<i64>) -> Result<DeadlineSummary> {
    let open = open_terms(db, today).await?;
    // Who must act, by party id: one query for every dossier's parties.
    let names: HashMap<i64, String> =
        sqlx::query_as::<_, (i64, String)>("SELECT id, name FROM parties")
            .fetch_all(db.pool())
            .await?
            .into_iter()
            .collect();
    let mut deadlines = Vec::new();
    for dossier in dossiers::list(db.pool()).await? {
        let Some(terms) = open.get(&dossier.id) else {
            continue;
        };
        for term in terms {
            if let (Some(days), false) = (within, term.overdue()) {
                if (term.due_on - today).num_days() > days {
                    continue;
                }
            }
            let party = match term.party {
                Some(id) => Some(
                    names
                        .get(&id)
                        .cloned()
                        .ok_or_else(|| Error::NotFound(format!("partij {id}")))?,
                ),
                None => None,
            };
            deadlines.push(Deadline {
                dossier_id: dossier.id,
                reference: dossier.reference.clone(),
                title: dossier.title.clone(),
                party,
                term: term.clone(),
            });
        }
    }
    deadlines.sort_by(|a, b| {
        (!a.term.overdue(), a.term.due_on, &a.reference).cmp(&(
            !b.term.overdue(),
            b.term.due_on,
            &b.reference,
        ))
    });
    Ok(DeadlineSummary {
        today: iso_day(today),
        overdue: deadlines.iter().filter(|d| d.term.overdue()).count() as u32,
        this_week: deadlines
            .iter()
            .filter(|d| this_week(&d.term, today))
            .count() as u32,
        deadlines,
    })
}
