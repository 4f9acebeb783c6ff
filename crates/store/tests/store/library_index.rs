//! The library index kept right: report texts edited, undone and redone, statements edited and
//! removed, a register import indexed through the backlog, and rows added in any order.

use crate::common::*;
use crate::library::{dossier, find, kinds, source, statement};
use wederhoor_core::vocab::ReportKind;
use wederhoor_core::wire::{
    LibraryGroup, RegisterImportMeta, RegisterMapping, SearchHitKind, StatementEdit,
};
use wederhoor_store::{changes, register, reports, search, statements, Db};

#[tokio::test]
async fn a_report_edit_undone_and_redone_keeps_the_index_right() {
    let db = db().await;
    let id = dossier(&db, "Bomen").await;
    let version =
        reports::create_draft(&db, id, ReportKind::Rapport, "Over de appelboom.", &actor())
            .await
            .unwrap();
    reports::save_text(&db, version, "Over de perenboom.", &actor())
        .await
        .unwrap();
    let count = |groups: Vec<LibraryGroup>| groups.iter().map(|g| g.hits.len()).sum::<usize>();
    assert_eq!(
        count(find(&db, "appelboom").await),
        0,
        "the old text is gone from the index"
    );
    assert_eq!(count(find(&db, "perenboom").await), 1);

    changes::undo(&db, id, &actor()).await.unwrap();
    assert_eq!(
        count(find(&db, "appelboom").await),
        1,
        "undoing the save brings back the old text"
    );
    assert_eq!(count(find(&db, "perenboom").await), 0);
    changes::redo(&db, id, &actor()).await.unwrap();
    assert_eq!(
        count(find(&db, "perenboom").await),
        1,
        "redoing it the new one"
    );
    assert_eq!(count(find(&db, "appelboom").await), 0);

    // Undoing the save and then the draft itself removes the version, and its words with it.
    changes::undo(&db, id, &actor()).await.unwrap();
    changes::undo(&db, id, &actor()).await.unwrap();
    assert_eq!(
        count(find(&db, "appelboom").await),
        0,
        "an undone draft is not found"
    );
    changes::redo(&db, id, &actor()).await.unwrap();
    assert_eq!(
        count(find(&db, "appelboom").await),
        1,
        "a redone draft is found again"
    );
    sqlx::query("INSERT INTO library_fts(library_fts) VALUES ('integrity-check')")
        .execute(db.pool())
        .await
        .expect("the library index is whole after undoing and redoing");
}

/// The rows of one kind a dossier should show: its newest matching ones.
async fn newest(db: &Db, table: &str, dossier: i64, word: &str) -> Vec<i64> {
    let rows: Vec<(i64,)> = sqlx::query_as(&format!(
        "SELECT id FROM {table} WHERE dossier_id = ? AND lower(text) LIKE '%' || ? || '%' ORDER BY id DESC"
    ))
    .bind(dossier)
    .bind(word)
    .fetch_all(db.pool())
    .await
    .unwrap();
    rows.into_iter().map(|(id,)| id).collect()
}

fn ids_of(group: &LibraryGroup, kind: SearchHitKind) -> Vec<i64> {
    group
        .hits
        .iter()
        .filter(|h| h.kind == kind)
        .map(|h| h.id)
        .collect()
}

#[tokio::test]
async fn however_rows_were_added_each_dossier_shows_its_newest_passages() {
    // Statements in runs (as imports write them) and sources added in turn across dossiers:
    // the reading jumps from one dossier to the next; whatever the order rows were added in,
    // each group must hold exactly its dossier's newest matches, sources first.
    let db = db().await;
    let mut ids = Vec::new();
    for i in 0..30 {
        ids.push(dossier(&db, &format!("Indeling {i}")).await);
    }
    for round in 0..4 {
        for (n, &d) in ids.iter().enumerate() {
            let text = if (n + round) % 3 == 0 {
                "Het leefgeld is te laag."
            } else {
                "Niets."
            };
            source(&db, d, "Stuk", text).await;
        }
    }
    for (n, &d) in ids.iter().enumerate() {
        for i in 0..(n % 4) * 4 {
            let text = if i % 2 == 0 {
                "Vraag over leefgeld."
            } else {
                "Vraag over iets anders."
            };
            statement(&db, d, text).await;
        }
    }
    for typed in ["leefgeld", "leefg", "LEEFGELD te"] {
        let groups = find(&db, typed).await;
        assert!(!groups.is_empty(), "{typed}");
        for group in &groups {
            let word = "leefgeld";
            let sources = newest(&db, "sources", group.dossier_id, word).await;
            let statements = newest(&db, "statements", group.dossier_id, word).await;
            let (sources, statements) = if typed.ends_with("te") {
                (sources, Vec::new())
            } else {
                (sources, statements)
            };
            let shown = ids_of(group, SearchHitKind::Source);
            assert_eq!(
                shown,
                sources[..sources.len().min(search::HITS)],
                "{typed}: newest sources of {}",
                group.title
            );
            let rest = search::HITS - shown.len();
            assert_eq!(
                ids_of(group, SearchHitKind::Statement),
                statements[..statements.len().min(rest)],
                "{typed}: then the newest statements of {}",
                group.title
            );
            let total = sources.len() + statements.len();
            assert_eq!(group.more, total > search::HITS, "{typed}: {}", group.title);
        }
    }
}

#[tokio::test]
async fn edits_removals_and_imports_keep_the_library_index_right() {
    let (db, demo) = demo_db().await;
    let requester = party_id(&db, demo, "requester").await;
    let mut input = claim(demo, requester, None);
    input.text = "Verzoekster vroeg om een tegemoetkoming in de verhuiskosten.".into();
    let id = statements::create(&db, &input, &actor()).await.unwrap();
    let count = |groups: Vec<LibraryGroup>| groups.iter().map(|g| g.hits.len()).sum::<usize>();
    assert_eq!(count(find(&db, "verhuiskosten").await), 1);

    input.text = "Verzoekster vroeg om een tegemoetkoming in de inrichtingskosten.".into();
    let edit = StatementEdit { id, fields: input };
    statements::update(&db, &edit, &actor()).await.unwrap();
    assert_eq!(
        count(find(&db, "verhuiskosten").await),
        0,
        "an edited statement loses its old words"
    );
    assert_eq!(
        count(find(&db, "inrichtingskosten").await),
        1,
        "and is found by its new ones"
    );
    statements::remove(&db, id, &actor()).await.unwrap();
    assert_eq!(
        count(find(&db, "inrichtingskosten").await),
        0,
        "a removed statement is not found"
    );
    changes::undo(&db, demo, &actor()).await.unwrap();
    assert_eq!(
        count(find(&db, "inrichtingskosten").await),
        1,
        "undoing the removal brings it back"
    );

    // A register import is indexed after its commit, through the backlog, for the library too.
    let body = party_id(&db, demo, "body").await;
    let meta = RegisterImportMeta {
        dossier_id: demo,
        party_id: body,
        file_name: "kcc-bibliotheek.csv".into(),
        mapping: RegisterMapping::parse_spec("date=Datum,text=Notitie").unwrap(),
        skip_bad_rows: false,
    };
    let csv = "Datum;Notitie\n02-10-2018;Vraag over de kwijtscheldingsregeling\n03-10-2018;Nogmaals de kwijtscheldingsregeling\n";
    register::import(&db, &meta, csv.as_bytes(), &actor(), |_| {})
        .await
        .unwrap();
    db.settle().await;
    let groups = find(&db, "kwijtscheldingsregeling").await;
    assert_eq!(
        kinds(&groups[0]),
        vec![
            SearchHitKind::Source,
            SearchHitKind::Statement,
            SearchHitKind::Statement
        ],
        "the export and its two records"
    );
    let later = statements::create(&db, &claim(demo, requester, None), &actor())
        .await
        .unwrap();
    let groups = find(&db, "postadres").await;
    assert!(
        groups[0].hits.iter().any(|h| h.id == later),
        "after the import the statements' library trigger is back: {:?}",
        groups[0].hits
    );
    sqlx::query("INSERT INTO library_fts(library_fts) VALUES ('integrity-check')")
        .execute(db.pool())
        .await
        .expect("the library index is whole");
}
