//! Register import: mapping, bad rows, one transaction, records pointing at their rows.

use crate::common::*;
use wederhoor_core::vocab::{Channel, StatementKind};
use wederhoor_core::wire::{RegisterImportMeta, RegisterMapping, Side};
use wederhoor_store::{
    dossier_file, register, search, side_by_side, sources, statements, Db, Error,
};

const KCC: &str = "Datum;Kanaal;Onderwerp;Notitie\r\n\
02-10-2018 10:14;Telefoon;Postadres;Vraag over postadres\r\n\
14-11-2018 15:40;telefoon;Postadres;Opnieuw postadres\r\n\
3-12-2018;E-mail;Uitkering;Mail over de uitkering\r\n";

async fn setup() -> (Db, i64, i64) {
    let (db, dossier) = demo_db().await;
    let body = party_id(&db, dossier, "body").await;
    (db, dossier, body)
}

fn meta(dossier_id: i64, party_id: i64, spec: &str, skip: bool) -> RegisterImportMeta {
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
async fn windows_1252_and_comma_exports_preview_with_a_guessed_mapping() {
    let latin = windows_1252(
        "Datum,Tijd,Kanaal,Onderwerp,Notitie\r\n02-10-2018,10:14,Balie,Coördinatie,Café\r\n",
    );
    let preview = register::preview(&latin, None).unwrap();
    assert_eq!(
        (preview.encoding.as_str(), preview.delimiter.as_str()),
        ("windows-1252", ",")
    );
    assert_eq!(preview.mapping.time.as_deref(), Some("Tijd"));
    assert_eq!(preview.rows[0].date.as_deref(), Some("2018-10-02T10:14"));
    assert_eq!(preview.rows[0].topic.as_deref(), Some("Coördinatie"));
    assert_eq!(preview.rows[0].channel, Some(Channel::Counter));
    assert_eq!((preview.total_rows, preview.bad_row_count), (1, 0));
}

/// A text of Latin letters and ö and é, as Windows-1252 bytes.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'ö' => 0xF6,
            'é' => 0xE9,
            c => c as u8,
        })
        .collect()
}

#[tokio::test]
async fn a_windows_1252_export_says_how_it_was_read() {
    // Adding a document says when its text was not UTF-8 and how it was read; an import must
    // say it too, or a misread accent goes unnoticed in every record.
    let (db, dossier, body) = setup().await;
    let latin =
        windows_1252("Datum;Kanaal;Onderwerp;Notitie\r\n02-10-2018;Balie;Coördinatie;Café\r\n");
    let m = meta(
        dossier,
        body,
        "date=Datum,topic=Onderwerp,text=Notitie",
        false,
    );
    let done = register::import(&db, &m, &latin, &actor(), |_| {})
        .await
        .unwrap();
    assert_eq!(
        done.notes,
        vec![
            "de tekst was niet in UTF-8 en is gelezen als windows-1252; controleer letters met accenten"
                .to_string()
        ],
        "the sentence adding a document gives"
    );
    let utf8 = register::import(&db, &m, KCC.as_bytes(), &actor(), |_| {})
        .await
        .unwrap();
    assert!(
        utf8.notes.is_empty(),
        "UTF-8 needs no word: {:?}",
        utf8.notes
    );
}

#[tokio::test]
async fn a_guessed_mapping_without_a_date_column_is_refused_and_nothing_is_written() {
    // An export without a date column used to have its first column read as dates, and every
    // row refused for "\"1\" is geen datum". The preview must instead ask for the column
    // (no rows read, none called bad), and an import with that mapping write nothing.
    let (db, dossier, body) = setup().await;
    let csv = "Nr;Onderwerp;Notitie\n1;Paspoort;Aanvraag verlengd\n2;Postadres;Verwezen naar WIJ\n";
    let preview = register::preview(csv.as_bytes(), None).unwrap();
    assert_eq!(preview.mapping.date, "", "no column is taken for the date");
    assert_eq!(preview.headers, vec!["Nr", "Onderwerp", "Notitie"]);
    assert_eq!(
        (
            preview.rows.len(),
            preview.total_rows,
            preview.bad_row_count
        ),
        (0, 2, 0),
        "the rows are counted, not refused one by one"
    );
    let before = all_counts(&db).await;
    let m = RegisterImportMeta {
        mapping: preview.mapping,
        ..meta(dossier, body, "date=Datum", false)
    };
    let err = register::import(&db, &m, csv.as_bytes(), &actor(), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Register(_)), "{err}");
    assert_eq!(
        err.to_string(),
        "registratie niet ingelezen: geen datumkolom gevonden; de kopregel heeft: \"Nr\", \"Onderwerp\", \"Notitie\"; geef aan welke kolom de datum is"
    );
    assert_eq!(all_counts(&db).await, before, "refused: nothing written");
    assert_bulk_settings_undone(&db).await;
}

#[tokio::test]
async fn a_date_column_the_guess_cannot_choose_imports_once_it_is_named() {
    // Two columns of dates under headers that name no date: the guess does not choose, and
    // named, the column's dates are the records' dates.
    let (db, dossier, body) = setup().await;
    let csv = "Nr;Gesprek;Afgehandeld;Onderwerp;Notitie\n\
        1;02-10-2018 10:14;04-10-2018;Postadres;Vraag over postadres\n\
        2;14-11-2018;15-11-2018;Postadres;Opnieuw postadres\n";
    let guessed = register::preview(csv.as_bytes(), None).unwrap();
    assert_eq!((guessed.mapping.date.as_str(), guessed.rows.len()), ("", 0));
    let spec = "date=Gesprek,topic=Onderwerp,text=Notitie";
    let named = register::preview(
        csv.as_bytes(),
        Some(&RegisterMapping::parse_spec(spec).unwrap()),
    )
    .unwrap();
    assert_eq!(
        named
            .rows
            .iter()
            .map(|r| r.date.as_deref())
            .collect::<Vec<_>>(),
        vec![Some("2018-10-02T10:14"), Some("2018-11-14")]
    );
    let done = register::import(
        &db,
        &meta(dossier, body, spec, false),
        csv.as_bytes(),
        &actor(),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!((done.imported, done.skipped), (2, 0));
    let dates: Vec<(String,)> = sqlx::query_as(
        "SELECT s.date_a FROM statements s JOIN excerpts e ON e.statement_id = s.id
         WHERE e.source_id = ? ORDER BY s.id",
    )
    .bind(done.source.id)
    .fetch_all(db.pool())
    .await
    .unwrap();
    assert_eq!(
        dates,
        vec![
            ("2018-10-02T10:14".to_string(),),
            ("2018-11-14".to_string(),)
        ]
    );
}

#[tokio::test]
async fn an_empty_note_stays_empty() {
    // A row without a note was stored with its topic as its note: it then read as something
    // the municipality wrote. The topic keeps its own field; the preview shows no note; and
    // since a statement needs a text (a dossier file with an empty one is refused), the record
    // says in so many words that it has no note, so the dossier still exports and reads back.
    let (db, dossier, body) = setup().await;
    let csv = "Datum;Kanaal;Onderwerp;Notitie\n\
        02-10-2018;Balie;Paspoort;\n\
        03-10-2018;Telefoon;;\n\
        04-10-2018;Telefoon;Postadres;Verwezen naar WIJ\n";
    let spec = "date=Datum,channel=Kanaal,topic=Onderwerp,text=Notitie";
    let preview = register::preview(csv.as_bytes(), None).unwrap();
    assert_eq!(preview.mapping, RegisterMapping::parse_spec(spec).unwrap());
    let shown: Vec<_> = preview
        .rows
        .iter()
        .map(|r| (r.topic.as_deref(), r.text.as_str()))
        .collect();
    assert_eq!(
        shown,
        vec![
            (Some("Paspoort"), ""),
            (None, ""),
            (Some("Postadres"), "Verwezen naar WIJ")
        ],
        "the preview shows the notes as they are"
    );
    let done = register::import(
        &db,
        &meta(dossier, body, spec, false),
        csv.as_bytes(),
        &actor(),
        |_| {},
    )
    .await
    .unwrap();
    let stored: Vec<(Option<String>, String)> = sqlx::query_as(
        "SELECT s.topic, s.text FROM statements s JOIN excerpts e ON e.statement_id = s.id
         WHERE e.source_id = ? ORDER BY s.id",
    )
    .bind(done.source.id)
    .fetch_all(db.pool())
    .await
    .unwrap();
    assert_eq!(
        stored,
        vec![
            (
                Some("Paspoort".to_string()),
                "Geregistreerd contact over Paspoort, zonder notitie".to_string()
            ),
            (None, "Geregistreerd contact, zonder notitie".to_string()),
            (
                Some("Postadres".to_string()),
                "Verwezen naar WIJ".to_string()
            ),
        ]
    );
    let json = dossier_file::export(&db, "2019-0117")
        .await
        .unwrap()
        .to_json();
    wederhoor_core::file::DossierFile::parse(&json)
        .expect("the exported dossier reads back: no statement without text");
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
async fn assert_bulk_settings_undone(db: &Db) {
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
