//! Register import: mapping, bad rows, one transaction, records pointing at their rows.

use crate::common::*;
use wederhoor_core::vocab::{Channel, StatementKind};
use wederhoor_core::wire::{RegisterImportMeta, RegisterMapping, Side};
use wederhoor_store::{register, search, side_by_side, sources, statements, Db, Error};

pub(crate) const KCC: &str = "Datum;Kanaal;Onderwerp;Notitie\r\n\
02-10-2018 10:14;Telefoon;Postadres;Vraag over postadres\r\n\
14-11-2018 15:40;telefoon;Postadres;Opnieuw postadres\r\n\
3-12-2018;E-mail;Uitkering;Mail over de uitkering\r\n";

pub(crate) async fn setup() -> (Db, i64, i64) {
    let (db, dossier) = demo_db().await;
    let body = party_id(&db, dossier, "body").await;
    (db, dossier, body)
}

pub(crate) fn meta(dossier_id: i64, party_id: i64, spec: &str, skip: bool) -> RegisterImportMeta {
    RegisterImportMeta {
        dossier_id,
        party_id,
        file_name: "kcc-export.csv".into(),
        mapping: RegisterMapping::parse_spec(spec).unwrap(),
        skip_bad_rows: skip,
    }
}

#[tokio::test]
async fn rows_become_body_records_pointing_at_their_row() {
    let (db, dossier, body) = setup().await;
    let mut steps = Vec::new();
    let m = meta(
        dossier,
        body,
        "date=Datum,channel=Kanaal,topic=Onderwerp,text=Notitie",
        false,
    );
    let done = register::import(&db, &m, KCC.as_bytes(), &actor(), |p| steps.push(p))
        .await
        .unwrap();
    assert_eq!((done.imported, done.skipped), (3, 0));
    assert_eq!(
        steps.last().map(|p| (p.done, p.total)),
        Some((3, 3)),
        "progress ends at the total"
    );

    let view = side_by_side::side_by_side(&db, dossier).await.unwrap();
    let imported: Vec<_> = view
        .statements
        .iter()
        .filter(|s| {
            s.excerpt
                .as_ref()
                .is_some_and(|e| e.source_id == done.source.id)
        })
        .collect();
    assert_eq!(imported.len(), 3);
    assert!(imported
        .iter()
        .all(|s| s.kind == StatementKind::Record && s.side == Side::Body));
    let mail = imported
        .iter()
        .find(|s| s.channel == Some(Channel::Email))
        .unwrap();
    assert_eq!(
        mail.date.as_deref(),
        Some("2018-12-03"),
        "a date without time stays a day"
    );
    assert_eq!(
        mail.excerpt.as_ref().unwrap().quote,
        "3-12-2018;E-mail;Uitkering;Mail over de uitkering",
        "the excerpt is the row"
    );

    let detail = sources::detail(db.pool(), done.source.id).await.unwrap();
    let text = detail.text.unwrap();
    for excerpt in &detail.excerpts {
        let (s, e) = (
            excerpt.start_offset.unwrap() as usize,
            excerpt.end_offset.unwrap() as usize,
        );
        assert_eq!(
            text.chars().skip(s).take(e - s).collect::<String>(),
            excerpt.quote,
            "offsets point at the row in the stored text"
        );
    }
}

#[tokio::test]
async fn a_bad_row_cancels_unless_skipping_and_is_named_by_line() {
    let (db, dossier, body) = setup().await;
    let bad =
        format!("{KCC}31-09-2018;Telefoon;Postadres;Bestaat niet\r\n;Telefoon;Leeg;Geen datum\r\n");
    let before = all_counts(&db).await;
    let err = register::import(
        &db,
        &meta(dossier, body, "date=Datum,text=Notitie", false),
        bad.as_bytes(),
        &actor(),
        |_| {},
    )
    .await
    .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("2 regel(s)")
            && message.contains("regel 5: \"31-09-2018\" is geen datum")
            && message.contains("regel 6"),
        "{message}"
    );
    assert_eq!(all_counts(&db).await, before, "cancelled: nothing written");
    assert_bulk_settings_undone(&db).await;

    let done = register::import(
        &db,
        &meta(dossier, body, "date=Datum,text=Notitie", true),
        bad.as_bytes(),
        &actor(),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(
        (done.imported, done.skipped),
        (3, 2),
        "skipping keeps the good rows"
    );
}

#[tokio::test]
async fn a_wrong_delimiter_is_explained_and_nothing_is_written() {
    let (db, dossier, body) = setup().await;
    let piped = KCC.replace(';', "|");
    let before = all_counts(&db).await;
    let err = register::import(
        &db,
        &meta(dossier, body, "date=Datum,text=Notitie", true),
        piped.as_bytes(),
        &actor(),
        |_| {},
    )
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Register(_)));
    assert!(err.to_string().contains("scheidingsteken"), "{err}");
    assert_eq!(all_counts(&db).await, before);
}

#[tokio::test]
async fn the_same_export_twice_is_refused() {
    let (db, dossier, body) = setup().await;
    let m = meta(dossier, body, "date=Datum,text=Notitie", false);
    register::import(&db, &m, KCC.as_bytes(), &actor(), |_| {})
        .await
        .unwrap();
    let err = register::import(&db, &m, KCC.as_bytes(), &actor(), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, Error::DuplicateSource(_)), "{err}");
}

#[tokio::test]
async fn a_thousand_rows_import_in_batches_with_consecutive_ids() {
    let (db, dossier, body) = setup().await;
    let mut csv = String::from("Datum;Kanaal;Notitie\n");
    for i in 0..1234 {
        csv.push_str(&format!(
            "{}-10-2018 09:{:02};Telefoon;Contact {i}\n",
            1 + i % 28,
            i % 60
        ));
    }
    let done = register::import(
        &db,
        &meta(
            dossier,
            body,
            "date=Datum,channel=Kanaal,text=Notitie",
            false,
        ),
        csv.as_bytes(),
        &actor(),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(done.imported, 1234);
    let (linked,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM excerpts e JOIN statements s ON s.id = e.statement_id WHERE e.source_id = ? AND s.text = substr(e.quote, instr(e.quote, 'Contact'))",
    )
    .bind(done.source.id)
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(
        linked, 1234,
        "every record's excerpt is its own row, across batch boundaries"
    );
    // Ids follow the time axis (day, then time), whatever the order of the file: the axis
    // index then grows in order.
    let by_id: Vec<(String, String)> = sqlx::query_as(
        "SELECT s.span_start, s.date_a FROM statements s JOIN excerpts e ON e.statement_id = s.id
         WHERE e.source_id = ? ORDER BY s.id",
    )
    .bind(done.source.id)
    .fetch_all(db.pool())
    .await
    .unwrap();
    let mut on_axis = by_id.clone();
    on_axis.sort();
    assert_eq!(by_id, on_axis, "ids in time-axis order");
    db.integrity_check().await.unwrap();
    // The import writes without SQLite's foreign-key lookups; every row must still have its
    // parent.
    let orphans: Vec<(String, i64, String, i64)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(db.pool())
        .await
        .unwrap();
    assert_eq!(orphans, vec![], "every record and excerpt has its parent");
    assert_bulk_settings_undone(&db).await;
}

#[tokio::test]
async fn a_large_export_read_in_two_halves_keeps_every_row_with_its_own_line() {
    // From 10,000 rows the rows are read on two threads; the records, their excerpts and the
    // bad rows must come out as if read in one go.
    let (db, dossier, body) = setup().await;
    let mut csv = String::from("Datum;Kanaal;Notitie\n");
    let rows = 12_000;
    let bad_rows = [10, 5_999, 6_000, 11_999];
    for i in 0..rows {
        let date = if bad_rows.contains(&i) {
            "31-09-2018".to_string()
        } else {
            format!("{}-{}-2018", 1 + i % 28, 1 + i % 12)
        };
        csv.push_str(&format!("{date};Balie;Rij {i}\n"));
    }
    let spec = "date=Datum,channel=Kanaal,text=Notitie";
    let refused = register::import(
        &db,
        &meta(dossier, body, spec, false),
        csv.as_bytes(),
        &actor(),
        |_| {},
    )
    .await
    .unwrap_err()
    .to_string();
    // Row i is on line i + 2 (after the header).
    assert!(
        refused.contains("4 regel(s)")
            && refused.contains("regel 12:")
            && refused.contains("regel 6001:")
            && refused.contains("regel 6002:"),
        "{refused}"
    );
    let done = register::import(
        &db,
        &meta(dossier, body, spec, true),
        csv.as_bytes(),
        &actor(),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!((done.imported, done.skipped), (rows as u32 - 4, 4));
    let (linked,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM excerpts e JOIN statements s ON s.id = e.statement_id
         WHERE e.source_id = ?
           AND e.quote = CAST(substr(s.date_a, 9, 2) AS INTEGER) || '-'
                      || CAST(substr(s.date_a, 6, 2) AS INTEGER) || '-2018;Balie;' || s.text",
    )
    .bind(done.source.id)
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(linked, rows as i64 - 4, "every record quotes its own row");
}

/// The import's connection writes without foreign-key checks or automatic checkpoints; the
/// connection that goes back to the pool (the only one of an in-memory test database) must
/// have both again, after a refused import as after a good one.
pub(crate) async fn assert_bulk_settings_undone(db: &Db) {
    let (keys,): (i64,) = sqlx::query_as("PRAGMA foreign_keys")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let (pages,): (i64,) = sqlx::query_as("PRAGMA wal_autocheckpoint")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(
        (keys, pages),
        (1, 1000),
        "foreign keys on, checkpoints at 1000 pages"
    );
}

#[tokio::test]
async fn imported_records_become_searchable_without_the_caller_indexing_them() {
    let (db, dossier, body) = setup().await;
    let m = meta(
        dossier,
        body,
        "date=Datum,channel=Kanaal,topic=Onderwerp,text=Notitie",
        false,
    );
    register::import(&db, &m, KCC.as_bytes(), &actor(), |_| {})
        .await
        .unwrap();
    let statement_hits = |hits: Vec<wederhoor_core::wire::SearchHit>| {
        hits.into_iter()
            .filter(|h| h.kind == wederhoor_core::wire::SearchHitKind::Statement)
            .count()
    };
    let export_hits = |hits: Vec<wederhoor_core::wire::SearchHit>| {
        hits.iter().filter(|h| h.title == "kcc-export.csv").count()
    };
    // The import finishes itself after its commit (checkpoint, then the search index): once
    // that background work is done the records and the export are found, with nothing left
    // for the caller to run.
    db.settle().await;
    assert_eq!(
        statement_hits(search::search(&db, dossier, "uitkering").await.unwrap()),
        1
    );
    assert_eq!(
        export_hits(search::search(&db, dossier, "uitkering").await.unwrap()),
        1,
        "the export's own text is found too"
    );
    assert_eq!(
        search::index_backlog(&db).await.unwrap(),
        0,
        "the import left no backlog"
    );

    // The import sets the statements' search trigger aside while it writes; a later statement
    // from the form must be found at once again, without any backlog.
    let requester = party_id(&db, dossier, "requester").await;
    let mut later = claim(dossier, requester, None);
    later.text = "Verzoekster belde over haar parkeerboete.".into();
    statements::create(&db, &later, &actor()).await.unwrap();
    assert_eq!(
        statement_hits(search::search(&db, dossier, "parkeerboete").await.unwrap()),
        1,
        "the insert trigger is back after the import"
    );
    sqlx::query("INSERT INTO sources_fts(sources_fts) VALUES ('integrity-check')")
        .execute(db.pool())
        .await
        .expect("the sources index agrees with the sources table");
    sqlx::query("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
        .execute(db.pool())
        .await
        .expect("the external-content index agrees with the statements table");
}

async fn change_trigger_count(conn: &mut sqlx::SqliteConnection) -> i64 {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE '%\\_change\\_%' ESCAPE '\\'",
    )
    .fetch_one(conn)
    .await
    .unwrap();
    n
}

/// The import writes on a connection without the change triggers, and gives it back with them:
/// an edit after an import is undoable as any other, and the import itself recorded nothing.
#[tokio::test]
async fn an_import_writes_without_change_triggers_and_gives_its_connection_back_with_them() {
    let (db, dossier, body) = setup().await;
    let m = meta(
        dossier,
        body,
        "date=Datum,channel=Kanaal,topic=Onderwerp,text=Notitie",
        false,
    );
    register::import(&db, &m, KCC.as_bytes(), &actor(), |_| {})
        .await
        .unwrap();
    db.settle().await;
    let mut conn = db.pool().acquire().await.unwrap();
    assert_eq!(
        change_trigger_count(&mut conn).await,
        45,
        "three per tracked table"
    );
    drop(conn);
    let (recorded,): (i64,) = sqlx::query_as("SELECT count(*) FROM change_rows")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(recorded, 0, "an import is not an undoable edit");
}

/// A database file's pool opens connections as they are needed; each must have the triggers,
/// or an edit made on a connection without them could not be undone.
#[tokio::test]
async fn every_pooled_connection_of_a_database_file_has_the_change_triggers() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("w.db")).await.unwrap();
    let mut a = db.pool().acquire().await.unwrap();
    let mut b = db.pool().acquire().await.unwrap();
    assert_eq!(change_trigger_count(&mut a).await, 45);
    assert_eq!(change_trigger_count(&mut b).await, 45);
    let (permanent,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_change\\_%' ESCAPE '\\'",
    )
    .fetch_one(&mut *a)
    .await
    .unwrap();
    assert_eq!(
        permanent, 0,
        "none left in the file, where every connection would carry them"
    );
}
