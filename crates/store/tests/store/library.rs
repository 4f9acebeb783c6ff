//! Search across the whole library: every dossier's sources, statements and reports, grouped
//! per dossier, with the same folding and word beginnings as the dossier search.

use crate::common::*;
use wederhoor_core::vocab::{ReportKind, ReportStatus};
use wederhoor_core::wire::{LibraryGroup, SearchHitKind};
use wederhoor_store::{dossiers, reports, search, Db};

/// A new dossier with this title (its requester and body are made with it).
pub(crate) async fn dossier(db: &Db, title: &str) -> i64 {
    dossiers::create(db, &form(title, "12-5-2019"), today(), &actor())
        .await
        .unwrap()
        .id
}

/// A statement of the dossier's body, indexed by its trigger as one from the form is.
pub(crate) async fn statement(db: &Db, dossier: i64, text: &str) -> i64 {
    let body = party_id(db, dossier, "body").await;
    sqlx::query(
        "INSERT INTO statements (dossier_id, party_id, kind, text) VALUES (?, ?, 'record', ?)",
    )
    .bind(dossier)
    .bind(body)
    .bind(text)
    .execute(db.pool())
    .await
    .unwrap()
    .last_insert_rowid()
}

/// A typed note as a source of the dossier.
pub(crate) async fn source(db: &Db, dossier: i64, title: &str, text: &str) -> i64 {
    sqlx::query("INSERT INTO sources (dossier_id, kind, title, text, added_at) VALUES (?, 'phone_note', ?, ?, '2019-05-12T10:00:00Z')")
        .bind(dossier)
        .bind(title)
        .bind(text)
        .execute(db.pool())
        .await
        .unwrap()
        .last_insert_rowid()
}

pub(crate) async fn find(db: &Db, typed: &str) -> Vec<LibraryGroup> {
    search::library(db, typed).await.unwrap()
}

pub(crate) fn kinds(group: &LibraryGroup) -> Vec<SearchHitKind> {
    group.hits.iter().map(|h| h.kind).collect()
}

#[tokio::test]
async fn a_word_in_a_source_of_one_dossier_and_a_statement_of_another_finds_both() {
    let db = db().await;
    let heating = dossier(&db, "Stookkosten bij de bijstand").await;
    let parking = dossier(&db, "Parkeervergunning geweigerd").await;
    let other = dossier(&db, "Paspoort kwijt").await;
    let note = source(
        &db,
        heating,
        "Telefoonnotitie",
        "Verzoekster vroeg naar haar stookkosten over 2018.",
    )
    .await;
    let said = statement(
        &db,
        parking,
        "De stookkosten van de garage vallen buiten de vergunning.",
    )
    .await;
    statement(&db, other, "Niets over verwarming.").await;

    let groups = find(&db, "stookkosten").await;
    let found: Vec<i64> = groups.iter().map(|g| g.dossier_id).collect();
    assert_eq!(
        found.len(),
        2,
        "only the two dossiers that have the word: {found:?}"
    );
    assert!(found.contains(&heating) && found.contains(&parking));
    let of = |id: i64| groups.iter().find(|g| g.dossier_id == id).unwrap();
    let heating_group = of(heating);
    assert_eq!(
        heating_group.title, "Stookkosten bij de bijstand",
        "a group names its dossier"
    );
    assert!(
        heating_group.reference.starts_with("2019-"),
        "{}",
        heating_group.reference
    );
    assert_eq!(kinds(heating_group), vec![SearchHitKind::Source]);
    assert_eq!(heating_group.hits[0].id, note);
    assert_eq!(
        heating_group.hits[0].source_id,
        Some(note),
        "a source hit opens that source"
    );
    assert!(
        heating_group.hits[0].snippet.contains("[stookkosten]"),
        "{}",
        heating_group.hits[0].snippet
    );
    let parking_group = of(parking);
    assert_eq!(kinds(parking_group), vec![SearchHitKind::Statement]);
    assert_eq!(parking_group.hits[0].id, said);
    assert!(
        !heating_group.more && !parking_group.more,
        "one hit each, nothing more"
    );
    // Newest dossier first.
    assert_eq!(found, vec![parking, heating]);
}

#[tokio::test]
async fn a_word_in_a_report_is_found_with_its_kind_status_and_day() {
    let db = db().await;
    let id = dossier(&db, "Kwijtschelding").await;
    let version = reports::create_draft(
        &db,
        id,
        ReportKind::Rapport,
        "## Bevindingen\n\nDe gemeente wees de kwijtschelding af.",
        &actor(),
    )
    .await
    .unwrap();
    let groups = find(&db, "kwijtschelding").await;
    assert_eq!(groups.len(), 1);
    let hit = &groups[0].hits[0];
    assert_eq!(hit.kind, SearchHitKind::Report);
    assert_eq!(
        hit.id, version,
        "a report hit is the version's id, to open the Rapport screen on"
    );
    assert_eq!(hit.source_id, None);
    assert!(hit.snippet.contains("[kwijtschelding]"), "{}", hit.snippet);
    let facts = hit
        .report
        .as_ref()
        .expect("a report hit says which version it is");
    assert_eq!(
        (facts.kind, facts.status),
        (ReportKind::Rapport, ReportStatus::Draft)
    );
    let day = facts
        .day
        .as_deref()
        .expect("a draft is dated by its last save");
    assert_eq!(day.len(), 10, "a day, YYYY-MM-DD: {day}");
    assert!(
        hit.report.is_some()
            && groups[0]
                .hits
                .iter()
                .all(|h| h.kind == SearchHitKind::Report)
    );
}

#[tokio::test]
async fn diacritics_and_case_are_folded_and_the_last_word_is_a_beginning() {
    let db = db().await;
    let id = dossier(&db, "Coördinatie").await;
    statement(&db, id, "Gebrek aan Coördinatie tussen de afdelingen.").await;
    source(&db, id, "Verslag", "Over de coördinatie met het WIJ-team.").await;
    for typed in [
        "coordinatie",
        "COÖRDINATIE",
        "coord",
        "coö",
        "gebrek coordi",
    ] {
        let groups = find(&db, typed).await;
        assert_eq!(groups.len(), 1, "{typed} finds the dossier");
        let expected = if typed.starts_with("gebrek") { 1 } else { 2 };
        assert_eq!(
            groups[0].hits.len(),
            expected,
            "{typed}: {:?}",
            groups[0].hits
        );
    }
    let long = find(&db, "coordina").await;
    assert!(
        long[0]
            .hits
            .iter()
            .any(|h| h.snippet.contains("[Coördinatie]")),
        "a long beginning marks the whole word: {:?}",
        long[0].hits
    );
    assert!(
        find(&db, "co").await.is_empty(),
        "two letters must be a whole word"
    );
    assert!(
        find(&db, "dinatie").await.is_empty(),
        "a word's middle is no beginning"
    );
}

#[tokio::test]
async fn fts_syntax_is_neutralised_and_an_empty_query_finds_nothing() {
    let db = db().await;
    let id = dossier(&db, "Syntax").await;
    statement(&db, id, "Een klacht over NEAR en OR in een tekst.").await;
    for typed in [
        "\"NEAR(klacht tekst)\"",
        "klacht OR",
        "*",
        "tekst\"",
        "klacht -tekst",
        "col:klacht",
        "^klacht",
    ] {
        search::library(&db, typed)
            .await
            .unwrap_or_else(|e| panic!("{typed} must not reach FTS5 as syntax: {e}"));
    }
    assert_eq!(
        find(&db, "klacht OR").await.len(),
        1,
        "OR is a word like any other"
    );
    for empty in ["", "   ", "...", "*\"()"] {
        assert!(
            find(&db, empty).await.is_empty(),
            "{empty:?} has no word to look for"
        );
    }
}

#[tokio::test]
async fn a_dossier_shows_five_passages_sources_first_and_says_there_are_more() {
    let db = db().await;
    let id = dossier(&db, "Veel treffers").await;
    for i in 0..3 {
        source(&db, id, &format!("Notitie {i}"), "Een wachttijd van weken.").await;
    }
    let mut newest = 0;
    for i in 0..8 {
        newest = statement(&db, id, &format!("Wachttijd {i} bij het loket.")).await;
    }
    let groups = find(&db, "wachttijd").await;
    let group = &groups[0];
    assert_eq!(
        kinds(group),
        vec![
            SearchHitKind::Source,
            SearchHitKind::Source,
            SearchHitKind::Source,
            SearchHitKind::Statement,
            SearchHitKind::Statement
        ],
        "its three sources, then the newest two of its statements"
    );
    assert_eq!(group.hits[3].id, newest, "statements newest first");
    assert!(group.more, "eleven passages match, five are shown");
}

#[tokio::test]
async fn at_most_twenty_dossiers_newest_first() {
    let db = db().await;
    let mut ids = Vec::new();
    for i in 0..25 {
        ids.push(dossier(&db, &format!("Dossier {i}")).await);
    }
    // Added in an order unlike the dossiers' own: the dossier's own age decides.
    for &i in &[
        3, 24, 0, 7, 12, 1, 19, 5, 22, 9, 14, 2, 17, 11, 20, 6, 23, 8, 15, 4, 18, 10, 21, 13, 16,
    ] {
        statement(&db, ids[i], "Een brief over de afvalstoffenheffing.").await;
    }
    let groups = find(&db, "afvalstoffenheffing").await;
    let expected: Vec<i64> = ids.iter().rev().take(search::GROUPS).copied().collect();
    assert_eq!(
        groups.iter().map(|g| g.dossier_id).collect::<Vec<_>>(),
        expected,
        "a bounded number of dossiers, the newest first; the five oldest fall off"
    );
}

#[tokio::test]
async fn a_long_beginning_reads_on_past_candidates_that_fail() {
    // The index keeps beginnings up to six letters: "postadressen" is read as "postad" and the
    // candidates are checked on their texts. Newer dossiers full of "postadres" must not hide
    // the older ones that really have the word, nor newer candidates hide a dossier's own.
    let db = db().await;
    let mut ids = Vec::new();
    for i in 0..25 {
        ids.push(dossier(&db, &format!("Postadres {i}")).await);
    }
    let mixed = ids[24];
    for _ in 0..3 {
        statement(&db, ids[1], "Een lijst met postadressen van de gemeente.").await;
    }
    statement(&db, mixed, "De postadressenlijst is bijgewerkt.").await;
    statement(&db, mixed, "Ook de postadressen van de wijkteams.").await;
    for &d in &ids[2..] {
        for _ in 0..8 {
            statement(&db, d, "Verzoekster vroeg om een postadres.").await;
        }
    }
    let groups = find(&db, "postadressen").await;
    assert_eq!(
        groups.iter().map(|g| g.dossier_id).collect::<Vec<_>>(),
        vec![mixed, ids[1]],
        "the two dossiers with the word, and none of the 23 with only postadres"
    );
    assert_eq!(
        groups[0].hits.len(),
        2,
        "below eight newer candidates, both of its own"
    );
    assert!(
        groups[0]
            .hits
            .iter()
            .all(|h| h.snippet.contains("[postadressen")),
        "{:?}",
        groups[0].hits
    );
    assert_eq!((groups[1].hits.len(), groups[1].more), (3, false));
}
