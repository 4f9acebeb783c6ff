//! Register exports as they come: a detected encoding said, a missing date column asked for
//! instead of guessed, an empty note kept empty.

use super::register::{assert_bulk_settings_undone, meta, setup, KCC};
use crate::common::*;
use wederhoor_core::vocab::Channel;
use wederhoor_core::wire::{RegisterImportMeta, RegisterMapping};
use wederhoor_store::{dossier_file, register, Error};

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
