//! Undo and redo of the edits made on the demo dossier after it is in: conflicts, the missing
//! record finding, point assessments, recommendations and dismissed suggestions (report
//! versions are in `undoing_reports`).

use crate::common::*;
use wederhoor_core::file::DossierFile;
use wederhoor_core::suggest::RuleSettings;
use wederhoor_core::vocab::{Channel, ConflictKind, Outcome, Resolution, Verdict};
use wederhoor_core::wire::{
    ChangeVerb, ConflictEdit, ItemKind, JudgementEdit, NewConflict, PointAssessmentEdit,
    RecommendationView, Side, SuggestionStatus,
};
use wederhoor_store::{
    assessment, changes, conflicts, dossier_file, overview, points, reactions, reports, statements,
    suggestions, Db,
};

pub(crate) async fn export(db: &Db) -> DossierFile {
    dossier_file::export(db, "2019-0117").await.unwrap()
}

/// Undoes the dossier's last edit and checks it is back to `before`; redoes it and checks it
/// is `after` again. Returns what the undo offered, to check its words.
pub(crate) async fn undo_and_redo(
    db: &Db,
    dossier: i64,
    before: &DossierFile,
    after: &DossierFile,
) -> (ItemKind, ChangeVerb, String) {
    assert_ne!(before, after, "the edit changed the dossier");
    let offered = changes::state(db, dossier)
        .await
        .unwrap()
        .undo
        .expect("the edit can be undone");
    changes::undo(db, dossier, &actor()).await.unwrap();
    assert_eq!(
        &export(db).await,
        before,
        "undo gives back the dossier as it was"
    );
    changes::redo(db, dossier, &actor()).await.unwrap();
    assert_eq!(&export(db).await, after, "redo makes the edit again");
    (offered.item, offered.verb, offered.subject)
}

pub(crate) async fn report_text(db: &Db, id: i64) -> String {
    reports::version(db, id).await.unwrap().1.markdown
}

fn new_conflict(dossier: i64, citizen: i64, body: i64) -> NewConflict {
    NewConflict {
        dossier_id: dossier,
        title: "Datum van het gesprek".into(),
        kind: ConflictKind::Date,
        citizen: vec![citizen],
        body: vec![body],
    }
}

#[tokio::test]
async fn a_new_conflict_is_undone_and_redone() {
    let (db, dossier) = demo_db().await;
    let citizen = first_statement(&db, dossier, Side::Citizen).await;
    let body = first_statement(&db, dossier, Side::Body).await;
    let before = export(&db).await;
    let id = conflicts::create_open(&db, &new_conflict(dossier, citizen, body), &actor())
        .await
        .unwrap();
    let after = export(&db).await;
    // Marking two statements as conflicting is an edit like any other: a slip is taken back.
    let offered = undo_and_redo(&db, dossier, &before, &after).await;
    assert_eq!(
        offered,
        (
            ItemKind::Conflict,
            ChangeVerb::Create,
            "Datum van het gesprek".into()
        )
    );
    let stored = conflicts::list(&mut db.pool().acquire().await.unwrap(), dossier)
        .await
        .unwrap();
    let redone = stored
        .iter()
        .find(|c| c.id == id)
        .expect("redo brings it back under its id");
    assert_eq!(
        (redone.citizen.clone(), redone.body.clone()),
        (vec![citizen], vec![body])
    );
}

#[tokio::test]
async fn a_conflict_edit_is_undone_and_redone() {
    let (db, dossier) = demo_db().await;
    let citizen = first_statement(&db, dossier, Side::Citizen).await;
    let body = first_statement(&db, dossier, Side::Body).await;
    let id = conflicts::create_open(&db, &new_conflict(dossier, citizen, body), &actor())
        .await
        .unwrap();
    let point = points::list(&mut db.pool().acquire().await.unwrap(), dossier)
        .await
        .unwrap()[1]
        .id;
    let before = export(&db).await;
    let edit = ConflictEdit {
        id,
        title: "Datum van het gesprek".into(),
        kind: ConflictKind::Date,
        complaint_point_id: Some(point),
        both_sides_heard: true,
        resolution: Resolution::BodyVersionEstablished,
        reasoning: "Het gespreksverslag is dezelfde dag opgemaakt.".into(),
    };
    conflicts::update(&db, &edit, &actor()).await.unwrap();
    let after = export(&db).await;
    // A resolution decides a point's outcome; one chosen by mistake must be reversible.
    let offered = undo_and_redo(&db, dossier, &before, &after).await;
    assert_eq!(
        (offered.0, offered.1),
        (ItemKind::Conflict, ChangeVerb::Update)
    );
    changes::undo(&db, dossier, &actor()).await.unwrap();
    let stored = conflicts::list(&mut db.pool().acquire().await.unwrap(), dossier)
        .await
        .unwrap();
    let undone = stored.iter().find(|c| c.id == id).unwrap();
    assert_eq!(
        (
            undone.resolution,
            undone.complaint_point_id,
            undone.reasoning.as_str()
        ),
        (Resolution::Open, None, ""),
        "the conflict is open and unlinked again"
    );
}

#[tokio::test]
async fn a_missing_record_finding_is_undone_and_redone() {
    let (db, dossier) = demo_db().await;
    // The demo's first conflict bears on point 1, which has no test of goede organisatie.
    let conflict = conflicts::list(&mut db.pool().acquire().await.unwrap(), dossier)
        .await
        .unwrap()[0]
        .id;
    let before = export(&db).await;
    let number =
        conflicts::record_missing_record_finding(&db, conflict, "goede-organisatie", &actor())
            .await
            .unwrap();
    assert_eq!(number, 1);
    let after = export(&db).await;
    let norms = |file: &DossierFile| -> Vec<(String, Outcome)> {
        file.complaint_points[0]
            .judgements
            .iter()
            .map(|j| (j.norm.clone(), j.outcome))
            .collect()
    };
    assert_eq!(
        norms(&after),
        vec![
            ("voortvarendheid".into(), Outcome::GeenOordeel),
            ("goede-organisatie".into(), Outcome::NietBehoorlijk)
        ]
    );
    // The finding is a judgement in the rapport; an unwanted one goes with one undo.
    let offered = undo_and_redo(&db, dossier, &before, &after).await;
    assert_eq!(
        offered,
        (
            ItemKind::Judgement,
            ChangeVerb::Create,
            "1: Goede organisatie".into()
        )
    );
}

#[tokio::test]
async fn a_point_assessment_is_undone_and_redone() {
    let (db, dossier) = demo_db().await;
    let point = assessment::view(&db, dossier).await.unwrap().points[0].clone();
    let before = export(&db).await;
    let edit = PointAssessmentEdit {
        point_id: point.id,
        verdict: Verdict::Gegrond,
        judgements: vec![JudgementEdit {
            norm: "voortvarendheid".into(),
            outcome: Outcome::NietBehoorlijk,
            considerations: "Acht maanden zonder antwoord.".into(),
        }],
    };
    assessment::save_point(&db, &edit, &actor()).await.unwrap();
    let after = export(&db).await;
    assert_eq!(after.complaint_points[0].verdict, Verdict::Gegrond);
    // A verdict and its judgements are saved together, so they come back together.
    let offered = undo_and_redo(&db, dossier, &before, &after).await;
    assert_eq!(
        offered,
        (
            ItemKind::Judgement,
            ChangeVerb::Update,
            "klachtonderdeel 1".into()
        )
    );
    changes::undo(&db, dossier, &actor()).await.unwrap();
    let undone = assessment::view(&db, dossier).await.unwrap().points[0].clone();
    assert_eq!(
        (undone.verdict, undone.judgements),
        (point.verdict, point.judgements),
        "the verdict and the judgements as they were"
    );
}

#[tokio::test]
async fn a_saved_recommendation_is_undone_and_redone() {
    let (db, dossier) = demo_db().await;
    let point = points::list(&mut db.pool().acquire().await.unwrap(), dossier)
        .await
        .unwrap()[1]
        .id;
    let before = export(&db).await;
    let rec = RecommendationView {
        id: None,
        complaint_point_id: Some(point),
        text: "Leg elk contact vast.".into(),
        response: None,
    };
    let id = assessment::save_recommendation(&db, dossier, &rec, &actor())
        .await
        .unwrap();
    let added = export(&db).await;
    // A recommendation goes to the body; adding one is an edit that can be taken back.
    let offered = undo_and_redo(&db, dossier, &before, &added).await;
    assert_eq!(
        offered,
        (
            ItemKind::Recommendation,
            ChangeVerb::Create,
            "Leg elk contact vast.".into()
        )
    );
    let answered = RecommendationView {
        id: Some(id),
        response: Some("Toegezegd.".into()),
        ..rec
    };
    assessment::save_recommendation(&db, dossier, &answered, &actor())
        .await
        .unwrap();
    let after = export(&db).await;
    // And so is recording the body's answer to it.
    let offered = undo_and_redo(&db, dossier, &added, &after).await;
    assert_eq!(offered.1, ChangeVerb::Update);
}

#[tokio::test]
async fn a_removed_recommendation_is_undone_and_redone() {
    let (db, dossier) = demo_db().await;
    let before = export(&db).await;
    let rec = assessment::view(&db, dossier)
        .await
        .unwrap()
        .recommendations[0]
        .clone();
    assessment::delete_recommendation(&db, rec.id.unwrap(), &actor())
        .await
        .unwrap();
    let after = export(&db).await;
    assert!(after.recommendations.is_empty());
    // A removal by mistake must not lose the text: undo puts it back as it was.
    let offered = undo_and_redo(&db, dossier, &before, &after).await;
    assert_eq!(
        (offered.0, offered.1),
        (ItemKind::Recommendation, ChangeVerb::Remove)
    );
    changes::undo(&db, dossier, &actor()).await.unwrap();
    let back = assessment::view(&db, dossier)
        .await
        .unwrap()
        .recommendations;
    assert_eq!(back, vec![rec], "back under its own id, with its response");
}

#[tokio::test]
async fn a_dismissed_suggestion_is_undone_and_redone() {
    let (db, dossier) = demo_db().await;
    let status = |all: Vec<wederhoor_core::wire::SuggestionView>, key: &str| {
        all.into_iter()
            .find(|s| s.suggestion.key == key)
            .map(|s| s.status)
    };
    // A counter visit nothing on the body's side records: the rules suggest a conflict.
    let requester = party_id(&db, dossier, "requester").await;
    let mut visit = claim(dossier, requester, None);
    visit.date.day = "20-12-2018".into();
    visit.channel = Some(Channel::Counter);
    let visit = statements::create(&db, &visit, &actor()).await.unwrap();
    let all = suggestions::for_dossier(&db, dossier, RuleSettings::default())
        .await
        .unwrap();
    let key = all
        .iter()
        .find(|s| s.suggestion.citizen == vec![visit] && s.status == SuggestionStatus::New)
        .expect("a counter visit without a record is suggested")
        .suggestion
        .key
        .clone();
    suggestions::dismiss(&db, dossier, &key, &actor())
        .await
        .unwrap();
    let read = || async {
        status(
            suggestions::for_dossier(&db, dossier, RuleSettings::default())
                .await
                .unwrap(),
            &key,
        )
    };
    assert_eq!(read().await, Some(SuggestionStatus::Dismissed));
    // Dismissing hides a suggestion; one dismissed by a slip of the mouse must come back.
    changes::undo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(read().await, Some(SuggestionStatus::New));
    changes::redo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(read().await, Some(SuggestionStatus::Dismissed));

    suggestions::dismiss(&db, dossier, &key, &actor())
        .await
        .unwrap();
    changes::undo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(
        read().await,
        Some(SuggestionStatus::New),
        "dismissing twice is one step: nothing was left to undo the second time"
    );
}

#[tokio::test]
async fn a_snapshot_reads_everything_on_the_connection_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("wederhoor.db")).await.unwrap();
    demo_db_into(&db).await;
    let mut tx = db.pool().begin().await.unwrap();
    sqlx::query("UPDATE dossiers SET title = 'Nog niet opgeslagen'")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("DELETE FROM recommendations")
        .execute(&mut *tx)
        .await
        .unwrap();
    // One transaction is one view of the dossier: every part of the snapshot comes from it.
    let inside = dossier_file::snapshot_in(&mut tx, "2019-0117")
        .await
        .unwrap();
    assert_eq!(inside.dossier.title, "Nog niet opgeslagen");
    assert!(inside.recommendations.is_empty());
    let outside = dossier_file::snapshot(&db, "2019-0117").await.unwrap();
    assert_ne!(outside.dossier.title, "Nog niet opgeslagen");
    assert_eq!(
        outside.recommendations.len(),
        1,
        "a read elsewhere sees none of it"
    );
    tx.rollback().await.unwrap();
}

async fn demo_db_into(db: &Db) {
    wederhoor_store::demo::ensure_demo(db, &actor())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_removed_reaction_comes_back_with_the_statements_it_contests() {
    let (db, dossier) = demo_db().await;
    let all = overview::overview(&db, dossier).await.unwrap().reactions;
    let reaction = all[0].clone();
    assert!(
        !reaction.contests.is_empty(),
        "the demo's reaction contests statements"
    );
    let before = export(&db).await;
    reactions::remove(&db, dossier, reaction.id, &actor())
        .await
        .unwrap();
    let after = export(&db).await;
    // A contest row's key is two columns; its image must hold both, or undo cannot put it back.
    undo_and_redo(&db, dossier, &before, &after).await;
    changes::undo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(
        overview::overview(&db, dossier).await.unwrap().reactions,
        all
    );
}

#[test]
fn a_long_subject_is_cut_after_a_whole_word() {
    // The undo button names what it undoes; half a word ("geregistreer") reads as a typo.
    let long = "Een terugbelverzoek van 21 oktober 2026 is niet geregistreerd in het klantsysteem.";
    let subject = wederhoor_store::changes::subject_of(long);
    assert_eq!(subject, "Een terugbelverzoek van 21 oktober 2026 is niet…");
    assert_eq!(wederhoor_store::changes::subject_of("  Kort.  "), "Kort.");
}
