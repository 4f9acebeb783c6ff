//! Undo and redo of report versions: a new draft, its saves (autosaves coalesce into one
//! step), and finalising, the one step no undo goes back over.

use crate::common::*;
use crate::undoing::{export, report_text, undo_and_redo};
use wederhoor_core::vocab::{ReportKind, ReportStatus};
use wederhoor_core::wire::{ChangeVerb, ItemKind, PointInput};
use wederhoor_store::{changes, points, reports, Error};

/// A rapport draft "# Eerste", then saved as "# Tweede": its id.
async fn draft_saved_once(db: &wederhoor_store::Db, dossier: i64) -> i64 {
    let id = reports::create_draft(db, dossier, ReportKind::Rapport, "# Eerste", &actor())
        .await
        .unwrap();
    reports::save_text(db, id, "# Tweede", &actor())
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn a_new_report_draft_is_undone_and_redone() {
    let (db, dossier) = demo_db().await;
    let before = export(&db).await;
    let id = reports::create_draft(&db, dossier, ReportKind::Rapport, "# Rapport", &actor())
        .await
        .unwrap();
    let after = export(&db).await;
    // A draft made by mistake is undone like any edit; it is not final yet.
    let offered = undo_and_redo(&db, dossier, &before, &after).await;
    assert_eq!(
        offered,
        (
            ItemKind::Report,
            ChangeVerb::Create,
            "rapport, versie 1".into()
        )
    );
    assert_eq!(
        report_text(&db, id).await,
        "# Rapport",
        "redone under its own id"
    );
}

#[tokio::test]
async fn a_report_text_save_is_undone_and_redone() {
    let (db, dossier) = demo_db().await;
    let id = draft_saved_once(&db, dossier).await;
    // A draft's text is the investigator's work; a save is as undoable as any other edit.
    let state = changes::state(&db, dossier).await.unwrap();
    let offered = state.undo.unwrap();
    assert_eq!(
        (offered.item, offered.verb, offered.subject.as_str()),
        (ItemKind::Report, ChangeVerb::Update, "rapport, versie 1")
    );
    changes::undo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(report_text(&db, id).await, "# Eerste");
    changes::redo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(report_text(&db, id).await, "# Tweede");
}

#[tokio::test]
async fn report_autosaves_coalesce_into_one_undo_step() {
    let (db, dossier) = demo_db().await;
    let id = reports::create_draft(&db, dossier, ReportKind::Rapport, "# R", &actor())
        .await
        .unwrap();
    let other = reports::create_draft(&db, dossier, ReportKind::Rapportbrief, "# B", &actor())
        .await
        .unwrap();
    let mut typed = String::from("# R");
    for word in [" Verzoekster", " belde", " het", " KCC."] {
        typed.push_str(word);
        reports::save_text(&db, id, &typed, &actor()).await.unwrap();
    }
    let (steps,): (i64,) = sqlx::query_as("SELECT count(*) FROM changes WHERE dossier_id = ?")
        .bind(dossier)
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(steps, 3, "two drafts made and one text typed");
    let (images,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM change_rows WHERE change_id = (SELECT max(id) FROM changes)",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    // Kept as it was and as it is, not once per save: a long text typed for an hour stays small.
    assert_eq!(images, 1, "the saves' images fold into one");

    // Autosave fires every few seconds while typing; one undo must take back the typing, not a word.
    changes::undo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(report_text(&db, id).await, "# R");
    changes::redo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(report_text(&db, id).await, typed);

    reports::save_text(&db, other, "# B en meer", &actor())
        .await
        .unwrap();
    reports::save_text(&db, id, &format!("{typed} Later."), &actor())
        .await
        .unwrap();
    changes::undo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(
        (report_text(&db, id).await, report_text(&db, other).await),
        (typed.clone(), "# B en meer".to_string()),
        "typing in another version between saves makes a new step"
    );
}

#[tokio::test]
async fn undoing_a_report_save_does_not_mark_drafts_stale() {
    let (db, dossier) = demo_db().await;
    let id = draft_saved_once(&db, dossier).await;
    changes::undo(&db, dossier, &actor()).await.unwrap();
    changes::redo(&db, dossier, &actor()).await.unwrap();
    // "Stale" warns that the dossier changed under the draft; its own text is not the dossier.
    assert!(!reports::version(&db, id).await.unwrap().1.stale);
}

#[tokio::test]
async fn after_finalising_no_undo_or_redo_changes_the_final_version() {
    let (db, dossier) = demo_db().await;
    let point = points::list(&mut db.pool().acquire().await.unwrap(), dossier)
        .await
        .unwrap()[0]
        .clone();
    points::save(
        &db,
        &PointInput {
            id: Some(point.id),
            dossier_id: dossier,
            text: "Eerder gewijzigd.".into(),
        },
        &actor(),
    )
    .await
    .unwrap();
    let id = draft_saved_once(&db, dossier).await;
    let other = reports::create_draft(&db, dossier, ReportKind::Rapportbrief, "# B", &actor())
        .await
        .unwrap();
    reports::save_text(&db, other, "# B2", &actor())
        .await
        .unwrap();
    changes::undo(&db, dossier, &actor()).await.unwrap();
    assert!(
        changes::state(&db, dossier).await.unwrap().redo.is_some(),
        "the other draft's save could be redone"
    );

    reports::finalise(&db, id, today(), &actor()).await.unwrap();
    // A final version is what was sent; no undo or redo may change it afterwards, so its own
    // steps are no longer offered: the last step back is the other draft, then the point edit.
    let state = changes::state(&db, dossier).await.unwrap();
    assert_eq!(
        state.undo.map(|c| (c.item, c.verb, c.subject)),
        Some((
            ItemKind::Report,
            ChangeVerb::Create,
            "rapportbrief, versie 1".into()
        ))
    );
    assert!(
        state.redo.is_some(),
        "another version's steps stay: only the final one is frozen"
    );
    changes::undo(&db, dossier, &actor()).await.unwrap();
    let undone = changes::state(&db, dossier).await.unwrap().undo.unwrap();
    assert_eq!(
        (undone.item, undone.verb),
        (ItemKind::ComplaintPoint, ChangeVerb::Update)
    );
    changes::undo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(
        points::list(&mut db.pool().acquire().await.unwrap(), dossier)
            .await
            .unwrap()[0]
            .text,
        point.text,
        "the edit before the report is still undone"
    );
    assert!(
        matches!(
            changes::undo(&db, dossier, &actor()).await,
            Err(Error::NotFound(_))
        ),
        "nothing is left to undo: the final version's saves are gone from the history"
    );
    let (_, version) = reports::version(&db, id).await.unwrap();
    assert_eq!(
        (version.status, version.markdown.as_str()),
        (ReportStatus::Final, "# Tweede")
    );
}

#[tokio::test]
async fn after_finalising_an_undone_save_of_it_is_not_redone() {
    let (db, dossier) = demo_db().await;
    let id = draft_saved_once(&db, dossier).await;
    changes::undo(&db, dossier, &actor()).await.unwrap();
    reports::finalise(&db, id, today(), &actor()).await.unwrap();
    // What was made final is the text as it stood; a redo would rewrite what was sent.
    assert_eq!(changes::state(&db, dossier).await.unwrap().redo, None);
    assert!(matches!(
        changes::redo(&db, dossier, &actor()).await,
        Err(Error::NotFound(_))
    ));
    assert_eq!(report_text(&db, id).await, "# Eerste");
}
