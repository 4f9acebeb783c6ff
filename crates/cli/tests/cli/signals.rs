//! `wederhoor signals`: the demo dossier and three imported ones (one judged on an older norm,
//! one with a partner acting for the body, one of another body), counted by hand.

use super::{stderr, stdout, wederhoor, with_demo};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/dossiers/signalen")
        .join(name)
}

/// The demo (2019) and the three files: 2011-0042 (older norms), 2025-0003 (WIJ-team Noord
/// acting for Gemeente Voorbeeldstad), 2025-0011 (Gemeente Anderdorp).
fn four_dossiers() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = with_demo();
    for file in [
        "2011-0042-oudere-norm.json",
        "2025-0003-partner.json",
        "2025-0011-anderdorp.json",
    ] {
        let out = wederhoor(&db, &["import", data(file).to_str().unwrap()]);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
    }
    (dir, db)
}

fn signals_json(db: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["signals", "--json"];
    args.extend(extra);
    let out = wederhoor(db, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("stdout is one JSON object")
}

/// The entries of a list of objects as (key, count) pairs, order left aside.
fn pairs(list: &Value, key: &str, count: &str) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e[key].as_str().unwrap().to_string(),
                e[count].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn owned(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    let mut out: Vec<_> = list.iter().map(|(k, n)| (k.to_string(), *n)).collect();
    out.sort();
    out
}

#[test]
fn all_years_are_counted_per_point_and_per_dossier_as_by_hand() {
    let (_dir, db) = four_dossiers();
    let s = signals_json(&db, &[]);
    assert_eq!(
        s.as_object().unwrap().len(),
        5,
        "exactly the keys of INTERFACES.md §2"
    );
    assert_eq!(s["dossiers"], 4);
    // Per complaint point: demo (geen oordeel, gegrond, niet gegrond), 2011-0042 (gegrond,
    // niet gegrond), 2025-0003 (gegrond, deels gegrond), 2025-0011 (open, geen oordeel).
    assert_eq!(
        s["points_by_verdict"],
        json!({"gegrond": 3, "niet_gegrond": 2, "deels_gegrond": 1, "geen_oordeel": 2, "open": 1})
    );
    // Judged niet behoorlijk, as judged: the older norm stays itself; behoorlijk and geen
    // oordeel judgements do not count.
    assert_eq!(
        pairs(&s["norms_niet_behoorlijk"], "norm", "count"),
        owned(&[
            ("goede-organisatie", 1),
            ("voortvarendheid", 1),
            ("goede-informatieverstrekking", 1),
            ("klassiek/voortvarendheid", 1),
        ])
    );
    // Per dossier: Voorbeeldstad in the demo (its WIJ-team too, counted once), 2011-0042 and
    // 2025-0003 (through WIJ-team Noord as well); one gegrond point in each.
    assert_eq!(
        s["bodies"],
        json!([
            {"body": "Gemeente Voorbeeldstad", "dossiers": 3, "points_gegrond": 3},
            {"body": "Gemeente Anderdorp", "dossiers": 1, "points_gegrond": 0},
        ])
    );
    // "Bijstand" in 2025-0011 is the same trefwoord as "bijstand".
    assert_eq!(
        pairs(&s["keywords"], "keyword", "dossiers"),
        owned(&[
            ("bijstand", 3),
            ("bereikbaarheid", 2),
            ("postadres", 1),
            ("contactpersoon", 1),
            ("woningbrand", 1),
            ("parkeren", 1),
        ])
    );
}

#[test]
fn a_year_keeps_only_the_dossiers_received_in_it() {
    let (_dir, db) = four_dossiers();
    let s = signals_json(&db, &["--year", "2025"]);
    assert_eq!(s["dossiers"], 2, "2025-0003 and 2025-0011");
    assert_eq!(
        s["points_by_verdict"],
        json!({"gegrond": 1, "niet_gegrond": 0, "deels_gegrond": 1, "geen_oordeel": 1, "open": 1})
    );
    assert_eq!(
        pairs(&s["norms_niet_behoorlijk"], "norm", "count"),
        owned(&[("voortvarendheid", 1), ("goede-informatieverstrekking", 1)])
    );
    assert_eq!(
        pairs(&s["bodies"], "body", "dossiers"),
        owned(&[("Gemeente Voorbeeldstad", 1), ("Gemeente Anderdorp", 1)])
    );
    // "Bijstand" and "bijstand" once each this year: one trefwoord, in either spelling.
    let mut keywords = pairs(&s["keywords"], "keyword", "dossiers");
    keywords.iter_mut().for_each(|(k, _)| *k = k.to_lowercase());
    keywords.sort();
    assert_eq!(
        keywords,
        owned(&[("bijstand", 2), ("bereikbaarheid", 1), ("parkeren", 1)])
    );
    let none = signals_json(&db, &["--year", "2030"]);
    assert_eq!(none["dossiers"], 0);
    assert_eq!(
        none["bodies"],
        json!([]),
        "a year without dossiers counts nothing"
    );
}

#[test]
fn the_table_for_people_rolls_partners_and_older_norms_up_in_dutch() {
    let (_dir, db) = four_dossiers();
    let out = wederhoor(&db, &["signals"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Signalen over 4 dossiers (alle jaren), 9 klachtonderdelen"),
        "{text}"
    );
    assert!(
        text.contains("    WIJ-team Noord"),
        "a partner indented under its body:\n{text}"
    );
    assert!(
        text.contains("    Voortvarendheid"),
        "the older norm under the current one:\n{text}"
    );
}

#[test]
fn the_yearly_overview_and_the_csv_are_written_and_name_no_person() {
    let (dir, db) = four_dossiers();
    let pdf = dir.path().join("jaaroverzicht.pdf");
    let csv = dir.path().join("telling.csv");
    let out = wederhoor(
        &db,
        &[
            "signals",
            "--year",
            "2025",
            "-o",
            pdf.to_str().unwrap(),
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Jaaroverzicht geschreven"),
        "{}",
        stdout(&out)
    );
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by make");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Gemeente Voorbeeldstad"),
        "a body keeps its public name:\n{text}"
    );
    assert!(
        text.contains("2025-0003") && text.contains("2025-0011"),
        "the register lists both:\n{text}"
    );
    let csv = std::fs::read_to_string(&csv).unwrap();
    // The persons of the dossiers counted: requesters and an official, in titles,
    // recommendations and answers. None may reach a publication, not even a surname.
    for name in [
        "Jeroen",
        "Ëlzinga",
        "Elzinga",
        "Priscilla",
        "Wiersma",
        "Doğan",
        "Loïs",
        "Bakker",
    ] {
        assert!(!text.contains(name), "{name} in the PDF:\n{text}");
        assert!(!csv.contains(name), "{name} in the CSV:\n{csv}");
    }
    // The WIJ-team does not keep its name in public: its pseudonym stands in for it.
    assert!(!text.contains("WIJ-team Noord"), "{text}");
    let audit = wederhoor(&db, &["audit", "verify"]);
    assert!(audit.status.success(), "{}", stderr(&audit));
}
