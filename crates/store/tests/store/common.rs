//! Shared fixtures: an in-memory database, a fixed "today", a test actor.

use chrono::NaiveDate;
use wederhoor_core::wire::NewDossier;
use wederhoor_store::{Actor, Db};

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
    }
}

pub async fn table_count(db: &Db, table: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(db.pool())
        .await
        .unwrap();
    n
}

pub const TABLES: [&str; 13] = [
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
];

pub async fn all_counts(db: &Db) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in TABLES {
        counts.push(table_count(db, table).await);
    }
    counts
}
