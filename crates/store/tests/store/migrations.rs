//! Migrations that rebuild a table must keep every row, in it and in the tables that refer to it.

use crate::common::*;
use wederhoor_store::search;

/// Everything the statements rebuild could lose: the statements themselves and the three
/// tables whose rows would be deleted with them (ON DELETE CASCADE) if not put back.
async fn snapshot(db: &wederhoor_store::Db) -> Vec<String> {
    let mut rows = Vec::new();
    for sql in [
        "SELECT json_group_array(json_array(id, dossier_id, party_id, kind, date_kind, date_a, date_b, span_start, span_end, topic, channel, text, quantity_at_least, quantity_unit)) FROM (SELECT * FROM statements ORDER BY id)",
        "SELECT json_group_array(json_array(id, statement_id, source_id, quote, page, start_offset, end_offset)) FROM (SELECT * FROM excerpts ORDER BY id)",
        "SELECT json_group_array(json_array(conflict_id, statement_id, side)) FROM (SELECT * FROM conflict_statements ORDER BY 1, 2)",
        "SELECT json_group_array(json_array(reaction_id, statement_id)) FROM (SELECT * FROM reaction_contests ORDER BY 1, 2)",
    ] {
        let (json,): (String,) = sqlx::query_as(sql).fetch_one(db.pool()).await.unwrap();
        rows.push(json);
    }
    rows
}

#[tokio::test]
async fn the_statement_checks_rebuild_keeps_every_row_and_every_rule() {
    let (db, dossier) = demo_db().await;
    let before = snapshot(&db).await;
    for (table, json) in [
        "statements",
        "excerpts",
        "conflict_statements",
        "reaction_contests",
    ]
    .iter()
    .zip(&before)
    {
        assert_ne!(
            json, "[]",
            "the demo has {table}, so the test can see them lost"
        );
    }

    // Run the rebuild again on a migrated database: the same steps, the same data at stake.
    let mut tx = db.pool().begin().await.unwrap();
    sqlx::raw_sql(include_str!(
        "../../migrations/20261126120000_statement_checks_as_comparisons.sql"
    ))
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();

    assert_eq!(
        snapshot(&db).await,
        before,
        "no row changed or went missing"
    );
    db.integrity_check().await.unwrap();
    let (fk_errors,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM pragma_foreign_key_check")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(fk_errors, 0);
    sqlx::query("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
        .execute(db.pool())
        .await
        .expect("the search index still agrees with the statements");

    // The rules hold as before: a value outside the vocabulary is refused.
    let body = party_id(&db, dossier, "body").await;
    for (what, kind, channel, date_kind) in [
        ("kind", "gerucht", "phone", "on"),
        ("channel", "record", "duif", "on"),
        ("date_kind", "record", "phone", "ooit"),
    ] {
        let err = sqlx::query(
            "INSERT INTO statements (dossier_id, party_id, kind, channel, date_kind, date_a, text)
             VALUES (?, ?, ?, ?, ?, '2018-10-02', 'x')",
        )
        .bind(dossier)
        .bind(body)
        .bind(kind)
        .bind(channel)
        .bind(date_kind)
        .execute(db.pool())
        .await
        .expect_err(&format!("an unknown {what} is refused"));
        assert!(err.to_string().contains("CHECK"), "{err}");
    }

    // And the search trigger is back: a new statement is found without a backlog.
    sqlx::query(
        "INSERT INTO statements (dossier_id, party_id, kind, text) VALUES (?, ?, 'record', 'Nieuwe notitie over een kwijtschelding')",
    )
    .bind(dossier)
    .bind(body)
    .execute(db.pool())
    .await
    .unwrap();
    let hits = search::search(&db, dossier, "kwijtschelding")
        .await
        .unwrap();
    assert_eq!(hits.len(), 1);
}

#[tokio::test]
async fn change_images_recorded_without_the_first_column_of_their_key_get_it_back() {
    let (db, dossier) = demo_db().await;
    let all = wederhoor_store::overview::overview(&db, dossier)
        .await
        .unwrap()
        .reactions;
    wederhoor_store::reactions::remove(&db, dossier, all[0].id, &actor())
        .await
        .unwrap();
    wederhoor_store::suggestions::dismiss(&db, dossier, "occurrence:1:", &actor())
        .await
        .unwrap();
    // As the first change triggers recorded them: the contests without their reaction, the
    // dismissal without its dossier.
    for sql in [
        "UPDATE change_rows SET old = json_remove(old, '$.reaction_id') WHERE tbl = 'reaction_contests'",
        "UPDATE change_rows SET new = json_remove(new, '$.dossier_id') WHERE tbl = 'dismissed_suggestions'",
    ] {
        sqlx::query(sql).execute(db.pool()).await.unwrap();
    }

    let mut tx = db.pool().begin().await.unwrap();
    sqlx::raw_sql(include_str!(
        "../../migrations/20261202120000_change_images_keep_two_column_keys.sql"
    ))
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();

    // Both edits were made before the fix; they are undone whole, as edits made after it.
    wederhoor_store::changes::undo(&db, dossier, &actor())
        .await
        .unwrap();
    assert_eq!(table_count(&db, "dismissed_suggestions").await, 0);
    wederhoor_store::changes::undo(&db, dossier, &actor())
        .await
        .unwrap();
    assert_eq!(
        wederhoor_store::overview::overview(&db, dossier)
            .await
            .unwrap()
            .reactions,
        all,
        "the reaction is back with the statements it contests"
    );
}

#[tokio::test]
async fn a_change_whose_image_keys_cannot_be_found_leaves_the_history() {
    let (db, dossier) = demo_db().await;
    let citizen = first_statement(&db, dossier, wederhoor_core::wire::Side::Citizen).await;
    let body = first_statement(&db, dossier, wederhoor_core::wire::Side::Body).await;
    let input = wederhoor_core::wire::NewConflict {
        dossier_id: dossier,
        title: "Datum".into(),
        kind: wederhoor_core::vocab::ConflictKind::Date,
        citizen: vec![citizen],
        body: vec![body],
    };
    wederhoor_store::conflicts::create_open(&db, &input, &actor())
        .await
        .unwrap();
    // Sides without their conflict, and no conflict in the same edit to take it from.
    for sql in [
        "UPDATE change_rows SET new = json_remove(new, '$.conflict_id') WHERE tbl = 'conflict_statements'",
        "DELETE FROM change_rows WHERE tbl = 'conflicts'",
    ] {
        sqlx::query(sql).execute(db.pool()).await.unwrap();
    }
    sqlx::raw_sql(include_str!(
        "../../migrations/20261202120000_change_images_keep_two_column_keys.sql"
    ))
    .execute(db.pool())
    .await
    .unwrap();
    // Better no step than one that fails half-way when its turn comes.
    assert_eq!(
        wederhoor_store::changes::state(&db, dossier)
            .await
            .unwrap()
            .undo,
        None
    );
    assert_eq!(table_count(&db, "change_rows").await, 0);
}
