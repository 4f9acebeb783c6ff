//! `register import` as a user scripts it: a guessed mapping that finds no date column asks
//! for it and writes nothing; named with `--map`, the column is used; an export that was not
//! UTF-8 says how it was read, as `source add` does.

use crate::{stderr, stdout, wederhoor, with_demo};
use std::path::Path;

/// The demo dossier as `export` writes it: unchanged when nothing was written.
fn exported(db: &Path) -> String {
    let out = wederhoor(db, &["export", "2019-0117"]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn import(db: &Path, csv: &Path, map: Option<&str>) -> std::process::Output {
    let mut args = vec![
        "register",
        "import",
        "2019-0117",
        csv.to_str().unwrap(),
        "--party",
        "body",
    ];
    if let Some(spec) = map {
        args.extend(["--map", spec]);
    }
    wederhoor(db, &args)
}

#[test]
fn a_guessed_mapping_without_a_date_column_is_refused_with_the_columns_and_nothing_written() {
    // Its first column used to be read as dates: every row refused for "\"1\" is geen datum".
    // The user is told there is no date column, which columns there are, and how to name one.
    let (dir, db) = with_demo();
    let csv = dir.path().join("contacten.csv");
    std::fs::write(
        &csv,
        "Nr;Onderwerp;Notitie\n1;Paspoort;Aanvraag verlengd\n2;Postadres;Verwezen naar WIJ\n",
    )
    .unwrap();
    let before = exported(&db);
    let out = import(&db, &csv, None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "wederhoor: registratie niet ingelezen: geen datumkolom gevonden; de kopregel heeft: \"Nr\", \"Onderwerp\", \"Notitie\"; geef aan welke kolom de datum is (--map date=KOLOM)\n"
    );
    assert!(!stderr(&out).contains("geen datum ("), "no row is blamed");
    assert_eq!(exported(&db), before, "refused: nothing written");
}

#[test]
fn a_date_column_the_guess_cannot_choose_is_named_with_map_and_imports() {
    // Two columns of dates under names that say no date: the guess does not pick one, and
    // the user's choice is used.
    let (dir, db) = with_demo();
    let csv = dir.path().join("contacten.csv");
    std::fs::write(
        &csv,
        "Nr;Gesprek;Afgehandeld;Onderwerp;Notitie\n\
         1;02-10-2018 10:14;04-10-2018;Postadres;Vraag over postadres\n\
         2;14-11-2018;15-11-2018;Postadres;Opnieuw postadres\n",
    )
    .unwrap();
    let before = exported(&db);
    let refused = import(&db, &csv, None);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("geen datumkolom gevonden")
            && stderr(&refused).contains("\"Gesprek\", \"Afgehandeld\"")
            && stderr(&refused).contains("--map date=KOLOM"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(exported(&db), before);

    let out = import(&db, &csv, Some("date=Gesprek,topic=Onderwerp,text=Notitie"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "2 registraties ingelezen als stuk \"contacten.csv\"; 0 overgeslagen.\n"
    );
    assert_eq!(stderr(&out), "", "a UTF-8 export needs no note");
    let after = exported(&db);
    assert!(
        after.contains("\"2018-10-02T10:14\"") && after.contains("Opnieuw postadres"),
        "the records carry the named column's dates"
    );
}

#[test]
fn a_windows_1252_export_says_how_it_was_read() {
    // `source add` notes on stderr when a text was not UTF-8 and how it was read; an import
    // must say the same, or misread accents go unnoticed in every record.
    let (dir, db) = with_demo();
    let csv = dir.path().join("kcc-1252.csv");
    let bytes: Vec<u8> = "Datum;Kanaal;Onderwerp;Notitie\r\n02-10-2018;Balie;Coördinatie;Café\r\n"
        .chars()
        .map(|c| match c {
            'ö' => 0xF6,
            'é' => 0xE9,
            c => c as u8,
        })
        .collect();
    std::fs::write(&csv, &bytes).unwrap();
    let out = import(&db, &csv, None);
    assert!(out.status.success(), "{}", stderr(&out));
    let note = wederhoor_extract::decode_text(&bytes)
        .unwrap()
        .note()
        .expect("not UTF-8");
    assert_eq!(
        note,
        "de tekst was niet in UTF-8 en is gelezen als windows-1252; controleer letters met accenten"
    );
    assert_eq!(
        stderr(&out),
        format!("let op: {note}\n"),
        "the sentence `source add` gives, in the same form"
    );
    assert_eq!(
        stdout(&out),
        "1 registratie ingelezen als stuk \"kcc-1252.csv\"; 0 overgeslagen.\n"
    );
}
