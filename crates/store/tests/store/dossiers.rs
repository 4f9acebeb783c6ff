//! Dossiers: create, import/export, audit chain, overview.

use crate::common::*;

use wederhoor_core::checks::Severity;
use wederhoor_core::file::DossierFile;
use wederhoor_core::vocab::{DossierStatus, Verdict};
use wederhoor_core::wire::FieldCode;
use wederhoor_store::{audit, demo, dossier_file, dossiers, overview, Db, Error};

#[tokio::test]
async fn the_demo_dossier_round_trips_through_the_store_unchanged() {
    let db = db().await;
    let reference = demo::ensure_demo(&db, &actor()).await.unwrap();
    assert_eq!(reference, "2019-0117");
    let exported = dossier_file::export(&db, &reference).await.unwrap();
    let original: serde_json::Value = serde_json::from_str(demo::DEMO_JSON).unwrap();
    let written: serde_json::Value = serde_json::from_str(&exported.to_json()).unwrap();
    assert_eq!(
        written, original,
        "import then export gives back the same content, ids and key order aside"
    );

    let other = self::db().await;
    dossier_file::import_json(&other, &exported.to_json(), &actor())
        .await
        .unwrap();
    let again = dossier_file::export(&other, &reference).await.unwrap();
    assert_eq!(again, exported, "export -> import -> export is lossless");
}

#[tokio::test]
async fn every_table_is_filled_by_the_demo() {
    let db = db().await;
    demo::ensure_demo(&db, &actor()).await.unwrap();
    for (table, count) in TABLES.iter().zip(all_counts(&db).await) {
        if *table != "reports" && *table != "changes" {
            assert!(count > 0, "the demo exercises {table}");
        }
    }
}

#[tokio::test]
async fn ensure_demo_adds_it_once() {
    let db = db().await;
    assert!(
        demo::load_if_empty(&db, &actor()).await.unwrap(),
        "an empty library gets the demo"
    );
    assert!(
        !demo::load_if_empty(&db, &actor()).await.unwrap(),
        "a library with dossiers is left alone"
    );
    demo::ensure_demo(&db, &actor()).await.unwrap();
    assert_eq!(
        dossiers::count(db.pool()).await.unwrap(),
        1,
        "the demo is not added twice"
    );
}

#[tokio::test]
async fn an_existing_reference_is_refused_and_nothing_is_written() {
    let db = db().await;
    demo::ensure_demo(&db, &actor()).await.unwrap();
    let before = all_counts(&db).await;
    let err = dossier_file::import(&db, &demo::demo_file(), &actor())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::DuplicateReference(ref r) if r == "2019-0117"),
        "{err}"
    );
    assert_eq!(
        all_counts(&db).await,
        before,
        "a refused import writes nothing"
    );
}

#[tokio::test]
async fn an_invalid_file_is_refused_with_its_path_and_nothing_is_written() {
    let db = db().await;
    let mut value: serde_json::Value = serde_json::from_str(demo::DEMO_JSON).unwrap();
    value["conflicts"][1]["body"][0] = "st99".into();
    let err = dossier_file::import_json(&db, &value.to_string(), &actor())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "dossierbestand geweigerd: conflicts[1].body[0]: onbekende lezing \"st99\""
    );
    assert_eq!(
        all_counts(&db).await,
        vec![0; TABLES.len()],
        "nothing was written"
    );
    assert_eq!(
        table_count(&db, "audit_log").await,
        0,
        "and nothing was logged"
    );
}

#[tokio::test]
async fn a_failure_halfway_through_an_import_leaves_nothing_behind() {
    let db = db().await;
    // Simulate a disk or constraint failure late in the import: the last table refuses rows.
    sqlx::query("CREATE TRIGGER fail_reactions BEFORE INSERT ON reactions BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")
        .execute(db.pool())
        .await
        .unwrap();
    let err = demo::ensure_demo(&db, &actor()).await.unwrap_err();
    assert!(matches!(err, Error::Database(_)), "{err}");
    assert_eq!(
        all_counts(&db).await,
        vec![0; TABLES.len()],
        "one transaction: all or nothing"
    );
}

#[tokio::test]
async fn creating_a_dossier_gives_the_next_reference_of_its_year() {
    let db = db().await;
    demo::ensure_demo(&db, &actor()).await.unwrap();
    let created = dossiers::create(
        &db,
        &form("Parkeervergunning geweigerd", "12-5-2019"),
        today(),
        &actor(),
    )
    .await
    .unwrap();
    assert_eq!(created.reference, "2019-0118", "the demo holds 2019-0117");
    assert_eq!(
        created.status,
        DossierStatus::Intake,
        "a new dossier starts at intake"
    );
    let list = dossiers::list(db.pool()).await.unwrap();
    assert_eq!(
        list.first().map(|d| d.reference.as_str()),
        Some("2019-0118"),
        "newest received first"
    );
}

#[tokio::test]
async fn creating_a_dossier_validates_and_refuses_a_taken_reference() {
    let db = db().await;
    demo::ensure_demo(&db, &actor()).await.unwrap();
    let mut input = form("", "30-02-2020");
    let Error::Invalid(fields) = dossiers::create(&db, &input, today(), &actor())
        .await
        .unwrap_err()
    else {
        panic!("validation error expected")
    };
    let codes: Vec<_> = fields.iter().map(|f| (f.field.as_str(), f.code)).collect();
    assert_eq!(
        codes,
        vec![
            ("title", FieldCode::Required),
            ("receivedOn", FieldCode::InvalidDate)
        ]
    );

    input = form("Dubbel", "1-1-2020");
    input.reference = "2019-0117".into();
    let Error::Invalid(fields) = dossiers::create(&db, &input, today(), &actor())
        .await
        .unwrap_err()
    else {
        panic!("a taken reference is a field error")
    };
    assert_eq!(
        (fields[0].field.as_str(), fields[0].code),
        ("reference", FieldCode::Duplicate)
    );
    assert_eq!(
        dossiers::count(db.pool()).await.unwrap(),
        1,
        "nothing was created"
    );
}

#[tokio::test]
async fn the_audit_chain_verifies_and_names_a_tampered_entry() {
    let db = db().await;
    demo::ensure_demo(&db, &actor()).await.unwrap();
    dossiers::create(&db, &form("Een", "1-2-2020"), today(), &actor())
        .await
        .unwrap();
    dossiers::create(&db, &form("Twee", "2-2-2020"), today(), &actor())
        .await
        .unwrap();
    let ok = audit::verify(db.pool()).await.unwrap();
    assert_eq!(
        (ok.entries, ok.first_break),
        (3, None),
        "three changes, three intact entries"
    );

    sqlx::query("UPDATE audit_log SET actor = 'iemand anders' WHERE id = 2")
        .execute(db.pool())
        .await
        .unwrap();
    let broken = audit::verify(db.pool()).await.unwrap();
    assert_eq!(
        broken.first_break.map(|b| b.id),
        Some(2),
        "the edited entry is the first break"
    );
}

#[tokio::test]
async fn a_deleted_audit_entry_breaks_the_chain() {
    let db = db().await;
    for title in ["Een", "Twee", "Drie"] {
        dossiers::create(&db, &form(title, "1-2-2020"), today(), &actor())
            .await
            .unwrap();
    }
    sqlx::query("DELETE FROM audit_log WHERE id = 2")
        .execute(db.pool())
        .await
        .unwrap();
    let broken = audit::verify(db.pool()).await.unwrap();
    assert_eq!(
        broken.first_break.map(|b| b.id),
        Some(3),
        "the entry after the gap is named"
    );
}

#[tokio::test]
async fn the_demo_overview_counts_and_checks() {
    let db = db().await;
    demo::ensure_demo(&db, &actor()).await.unwrap();
    let row = dossiers::by_reference(&mut db.pool().acquire().await.unwrap(), "2019-0117")
        .await
        .unwrap();
    let view = overview::overview(&db, row.id).await.unwrap();
    assert_eq!(view.parties.len(), 5);
    assert_eq!(view.counts.sources, 3 + 2);
    assert_eq!(
        (view.counts.claims, view.counts.records),
        (10, 2),
        "two registered contacts, as in the case"
    );
    assert_eq!((view.counts.conflicts, view.counts.open_conflicts), (2, 0));
    let verdicts: Vec<Verdict> = view.complaint_points.iter().map(|k| k.verdict).collect();
    assert_eq!(
        verdicts,
        vec![Verdict::GeenOordeel, Verdict::Gegrond, Verdict::NietGegrond]
    );
    assert_eq!(
        view.complaint_points[1].judgements[0].norm_name, "Goede organisatie",
        "norm names come from the catalogue"
    );
    assert!(
        view.checks.iter().all(|c| c.severity < Severity::Error),
        "the demo's verdicts are consistent: {:?}",
        view.checks
    );
}

#[tokio::test]
async fn not_found_is_its_own_error() {
    let db = db().await;
    assert!(matches!(
        dossier_file::export(&db, "1999-0001").await,
        Err(Error::NotFound(_))
    ));
    assert!(matches!(
        overview::overview(&db, 42).await,
        Err(Error::NotFound(_))
    ));
}

#[tokio::test]
async fn a_database_file_keeps_its_data_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("wederhoor.db");
    let db = Db::open(&path).await.unwrap();
    dossiers::create(&db, &form("Blijft bewaard", "3-3-2021"), today(), &actor())
        .await
        .unwrap();
    db.close().await;
    let db = Db::open(&path).await.unwrap();
    assert_eq!(
        dossiers::list(db.pool()).await.unwrap()[0].title,
        "Blijft bewaard"
    );
    db.integrity_check()
        .await
        .expect("PRAGMA integrity_check answers ok");
    let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(
        mode, "wal",
        "WAL keeps readers and the writer apart and survives a kill"
    );
    let (fk,): (i64,) = sqlx::query_as("PRAGMA foreign_keys")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(fk, 1, "foreign keys are enforced");
}

#[tokio::test]
async fn the_schema_refuses_unheard_not_establishable() {
    let db = db().await;
    demo::ensure_demo(&db, &actor()).await.unwrap();
    let result = sqlx::query(
        "UPDATE conflicts SET both_sides_heard = 0 WHERE resolution = 'not_establishable'",
    )
    .execute(db.pool())
    .await;
    assert!(
        result.is_err(),
        "the database itself keeps the rule of DOMAIN.md §5b"
    );
}

#[test]
fn the_demo_file_is_a_valid_dossier_file() {
    let file = DossierFile::parse(demo::DEMO_JSON).expect("shipped demo is valid");
    assert_eq!(file.complaint_points.len(), 3);
    assert_eq!(file.conflicts.len(), 2);
}
