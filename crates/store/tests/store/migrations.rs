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
