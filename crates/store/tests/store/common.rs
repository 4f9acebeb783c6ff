//! Shared fixtures: an in-memory database, a fixed "today", a test actor.

use chrono::NaiveDate;
use wederhoor_core::vocab::{Channel, StatementKind};
use wederhoor_core::wire::{DateInputKind, FuzzyDateInput, NewDossier, NewExcerpt, NewStatement};
use wederhoor_store::{demo, dossiers, Actor, Db};

pub fn actor() -> Actor {
    Actor("tester".into())
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

pub async fn db() -> Db {
    Db::open_in_memory()
        .await
        .expect("an in-memory database opens and migrates")
}

pub fn form(title: &str, received: &str) -> NewDossier {
    NewDossier {
        reference: String::new(),
        title: title.into(),
        ombudsman: "Gemeentelijke ombudsman".into(),
        bodies: vec!["Gemeente Voorbeeldstad".into()],
        received_on: received.into(),
        keywords: vec![],
        requester_name: "Noëlle van den Berg".into(),
        requester_pseudonym: "verzoekster".into(),
    }
}

pub async fn table_count(db: &Db, table: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(db.pool())
        .await
        .unwrap();
    n
}

pub const TABLES: [&str; 15] = [
    "dossiers",
    "parties",
    "sources",
    "statements",
    "excerpts",
    "complaint_points",
    "judgements",
    "conflicts",
    "conflict_statements",
    "recommendations",
    "reactions",
    "reaction_contests",
    "reports",
    "events",
    "changes",
];

pub async fn all_counts(db: &Db) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in TABLES {
        counts.push(table_count(db, table).await);
    }
    counts
}

/// A database holding the demo dossier, and that dossier's id.
pub async fn demo_db() -> (Db, i64) {
    let db = db().await;
    demo::ensure_demo(&db, &actor()).await.unwrap();
    let id = dossiers::by_reference(&mut db.pool().acquire().await.unwrap(), "2019-0117")
        .await
        .unwrap()
        .id;
    (db, id)
}

/// The first party of a dossier with this role code.
pub async fn party_id(db: &Db, dossier_id: i64, role: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as(
        "SELECT id FROM parties WHERE dossier_id = ? AND role = ? ORDER BY id LIMIT 1",
    )
    .bind(dossier_id)
    .bind(role)
    .fetch_one(db.pool())
    .await
    .unwrap();
    id
}

/// The id of the first statement on the time axis in this column of the side-by-side view.
pub async fn first_statement(db: &Db, dossier_id: i64, side: wederhoor_core::wire::Side) -> i64 {
    let view = wederhoor_store::side_by_side::side_by_side(db, dossier_id)
        .await
        .unwrap();
    view.statements
        .iter()
        .find(|s| s.side == side)
        .expect("the demo has statements on both sides")
        .id
}

/// A claim of `party` about a call on 2 October 2018, as the statement form sends it.
pub fn claim(dossier_id: i64, party: i64, excerpt: Option<NewExcerpt>) -> NewStatement {
    NewStatement {
        dossier_id,
        party_id: Some(party),
        kind: StatementKind::Claim,
        date: FuzzyDateInput {
            kind: DateInputKind::Day,
            day: "2-10-2018".into(),
            month: String::new(),
            from: String::new(),
            to: String::new(),
        },
        topic: "postadres".into(),
        channel: Some(Channel::Phone),
        text: "Verzoekster belde het KCC over een postadres.".into(),
        quantity_at_least: None,
        quantity_unit: String::new(),
        excerpt,
    }
}
