//! Search while typing: whole words, and the last word as the beginning of a word.

use crate::common::*;
use wederhoor_core::wire::SearchHitKind;
use wederhoor_store::{dossiers, search, Db};

/// A new dossier with nothing in it yet but the municipality as a party.
async fn empty_dossier() -> (Db, i64) {
    let db = db().await;
    let created = dossiers::create(&db, &form("Zoeken", "12-5-2019"), today(), &actor())
        .await
        .unwrap();
    sqlx::query("INSERT INTO parties (dossier_id, role, name, pseudonym, aliases) VALUES (?, 'body', 'Gemeente Zoekstad', 'de gemeente', '[]')")
        .bind(created.id)
        .execute(db.pool())
        .await
        .unwrap();
    (db, created.id)
}

/// Adds statements of the body with these texts, oldest first; the search index takes them
/// through its trigger, as it takes a statement from the form.
async fn add_texts(db: &Db, dossier: i64, texts: &[&str]) {
    let body = party_id(db, dossier, "body").await;
    for text in texts {
        sqlx::query(
            "INSERT INTO statements (dossier_id, party_id, kind, text) VALUES (?, ?, 'record', ?)",
        )
        .bind(dossier)
        .bind(body)
        .bind(text)
        .execute(db.pool())
        .await
        .unwrap();
    }
}

async fn statement_snippets(db: &Db, dossier: i64, typed: &str) -> Vec<String> {
    search::search(db, dossier, typed)
        .await
        .unwrap()
        .into_iter()
        .filter(|h| h.kind == SearchHitKind::Statement)
        .map(|h| h.snippet)
        .collect()
}

#[tokio::test]
async fn the_word_being_typed_matches_words_that_begin_with_it() {
    let (db, dossier) = empty_dossier().await;
    add_texts(
        &db,
        dossier,
        &[
            "Het Klantcontactcentrum belde terug.",
            "Een klacht over het loket.",
            "Klantvraag over de pas.",
        ],
    )
    .await;

    // Longer than the index's three-letter beginnings: checked word by word, newest first.
    assert_eq!(
        statement_snippets(&db, dossier, "klantc").await,
        vec!["Het [Klantcontactcentrum] belde terug."],
        "klacht and klantvraag also begin with kla, but not with klantc"
    );
    assert_eq!(
        statement_snippets(&db, dossier, "KLANT").await.len(),
        2,
        "case does not matter"
    );
    // Exactly three letters: straight from the index.
    assert_eq!(statement_snippets(&db, dossier, "kla").await.len(), 3);
    // Shorter than three letters: only a whole word.
    assert!(statement_snippets(&db, dossier, "kl").await.is_empty());
    // Whole words before the last one must occur too, and are marked.
    assert_eq!(
        statement_snippets(&db, dossier, "over klantv").await,
        vec!["[Klantvraag] [over] de pas."]
    );
    // Diacritics are folded both ways.
    add_texts(&db, dossier, &["Gebrek aan coördinatie tussen afdelingen."]).await;
    assert_eq!(
        statement_snippets(&db, dossier, "coordina").await,
        vec!["Gebrek aan [coördinatie] tussen afdelingen."]
    );
    assert_eq!(statement_snippets(&db, dossier, "coörd").await.len(), 1);
}

#[tokio::test]
async fn a_rare_word_behind_thousands_of_candidates_is_still_found() {
    // 2,500 newer statements begin a word with "kla" but not with "klax": the candidates run
    // out of budget, and SQLite's own prefix search must still find the old one.
    let (db, dossier) = empty_dossier().await;
    add_texts(&db, dossier, &["De klaxon van de vuilniswagen."]).await;
    let body = party_id(&db, dossier, "body").await;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
         INSERT INTO statements (dossier_id, party_id, kind, text)
         SELECT ?, ?, 'record', 'Klacht nummer ' || i FROM n",
    )
    .bind(dossier)
    .bind(body)
    .execute(db.pool())
    .await
    .unwrap();
    let found = statement_snippets(&db, dossier, "klaxo").await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("[klaxon]"), "{found:?}");
    assert_eq!(
        statement_snippets(&db, dossier, "klach").await.len(),
        50,
        "a common beginning fills one page of results"
    );
}
