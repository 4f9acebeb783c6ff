//! Allowances of the public version: a detail may be printed only with a reason, the log
//! keeps the masked form and the reason but never the detail, and a withdrawn allowance
//! stops the export again.

use crate::common::*;
use wederhoor_core::personal::DetailKind;
use wederhoor_store::{allowances, demo, dossiers};

#[tokio::test]
async fn an_allowance_needs_a_reason_is_logged_masked_and_can_be_withdrawn() {
    let db = db().await;
    let reference = demo::ensure_demo(&db, &actor()).await.unwrap();
    let mut conn = db.pool().acquire().await.unwrap();
    let id = dossiers::by_reference(&mut conn, &reference)
        .await
        .unwrap()
        .id;
    drop(conn);

    let refused = allowances::allow(
        &db,
        id,
        DetailKind::Phone,
        "0201234567",
        "02•••••••67",
        "  ",
        &actor(),
    )
    .await;
    assert!(refused.is_err(), "an allowance without a reason is refused");

    let allowance = allowances::allow(
        &db,
        id,
        DetailKind::Phone,
        "0201234567",
        "02•••••••67",
        "het algemene nummer van het KCC",
        &actor(),
    )
    .await
    .unwrap();
    let mut conn = db.pool().acquire().await.unwrap();
    assert_eq!(
        allowances::allowed(&mut conn, id).await.unwrap(),
        vec![(DetailKind::Phone, "0201234567".to_string())]
    );
    let (action, detail): (String, String) =
        sqlx::query_as("SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
    assert_eq!(action, "public.allow");
    assert!(
        detail.contains("het algemene nummer van het KCC"),
        "the reason is logged: {detail}"
    );
    assert!(detail.contains("02•••••••67"), "with the masked form");
    assert!(
        !detail.contains("0201234567"),
        "and never the detail itself: {detail}"
    );
    drop(conn);

    allowances::withdraw(&db, allowance, &actor())
        .await
        .unwrap();
    let mut conn = db.pool().acquire().await.unwrap();
    assert!(allowances::allowed(&mut conn, id).await.unwrap().is_empty());
    drop(conn);
    let verification = wederhoor_store::audit::verify(db.pool()).await.unwrap();
    assert!(
        verification.first_break.is_none(),
        "the chain holds: {verification:?}"
    );
}
