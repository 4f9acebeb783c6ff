//! Report versions and Beoordeling: drafts, autosave, finalising against the rule checks, the
//! frozen final version (also in SQL), "stale" after a dossier change, and point assessments.

use crate::common::{actor, demo_db, table_count, today};
use wederhoor_core::checks::{CheckRef, CheckRule};
use wederhoor_core::vocab::{Outcome, ReportKind, ReportStatus, Verdict};
use wederhoor_core::wire::{JudgementEdit, PointAssessmentEdit, PointInput, RecommendationView};
use wederhoor_store::{assessment, overview, points, reports, Error};

#[tokio::test]
async fn a_draft_is_saved_and_a_final_version_is_frozen_even_against_plain_sql() {
    let (db, dossier) = demo_db().await;
    let id = reports::create_draft(&db, dossier, ReportKind::Rapport, "# Eerste", &actor())
        .await
        .unwrap();
    reports::save_text(&db, id, "# Tweede", &actor())
        .await
        .unwrap();
    let (_, version) = reports::version(&db, id).await.unwrap();
    assert_eq!(version.markdown, "# Tweede", "autosave writes the text");
    assert!(
        !version.stale,
        "nothing changed in the dossier since the draft"
    );

    reports::finalise(&db, id, today(), &actor()).await.unwrap();
    let (_, version) = reports::version(&db, id).await.unwrap();
    assert_eq!(version.status, ReportStatus::Final);
    assert_eq!(
        version.date.as_deref(),
        Some("2026-11-25"),
        "a final version is dated"
    );

    let refused = reports::save_text(&db, id, "# Later", &actor()).await;
    assert!(matches!(refused, Err(Error::Frozen(_))), "{refused:?}");
    let sql = sqlx::query("UPDATE reports SET markdown = 'gewijzigd' WHERE id = ?")
        .bind(id)
        .execute(db.pool())
        .await;
    assert!(
        sql.is_err(),
        "the trigger keeps a final version frozen whoever writes"
    );
    let (_, version) = reports::version(&db, id).await.unwrap();
    assert_eq!(version.markdown, "# Tweede");
}

#[tokio::test]
async fn a_change_to_the_dossier_after_the_draft_marks_it_stale_but_report_edits_do_not() {
    let (db, dossier) = demo_db().await;
    let id = reports::create_draft(&db, dossier, ReportKind::Rapport, "tekst", &actor())
        .await
        .unwrap();
    reports::save_text(&db, id, "tekst 2", &actor())
        .await
        .unwrap();
    assert!(
        !reports::version(&db, id).await.unwrap().1.stale,
        "editing the report itself is not a dossier change"
    );

    let point = assessment::view(&db, dossier).await.unwrap().points[2].clone();
    let edit = PointAssessmentEdit {
        point_id: point.id,
        verdict: Verdict::NietGegrond,
        judgements: point.judgements.clone(),
    };
    assessment::save_point(&db, &edit, &actor()).await.unwrap();
    assert!(
        reports::version(&db, id).await.unwrap().1.stale,
        "the dossier changed after the draft"
    );
}

#[tokio::test]
async fn finalising_is_refused_while_the_dossiers_own_checks_block_it_and_nothing_changes() {
    let (db, dossier) = demo_db().await;
    let id = reports::create_draft(&db, dossier, ReportKind::Rapport, "tekst", &actor())
        .await
        .unwrap();
    // A new point has no oordeel yet: the dossier now has a check that blocks a rapport.
    let point = points::save(
        &db,
        &PointInput {
            id: None,
            dossier_id: dossier,
            text: "Niet teruggebeld.".into(),
        },
        &actor(),
    )
    .await
    .unwrap();
    let audit_before = table_count(&db, "audit_log").await;
    // Finalise reads the checks itself, in its own transaction: no caller can pass stale ones.
    match reports::finalise(&db, id, today(), &actor()).await {
        Err(Error::Blocked(reasons)) => assert_eq!(
            reasons
                .iter()
                .map(|c| c.message.as_str())
                .collect::<Vec<_>>(),
            vec!["Klachtonderdeel 4 heeft nog geen oordeel."],
            "a rapport gives an oordeel on every point"
        ),
        other => panic!("a point without an oordeel blocks a final rapport: {other:?}"),
    }
    assert_eq!(
        reports::version(&db, id).await.unwrap().1.status,
        ReportStatus::Draft
    );
    assert_eq!(
        table_count(&db, "audit_log").await,
        audit_before,
        "a refused finalise logs nothing"
    );

    let verslag = reports::create_draft(
        &db,
        dossier,
        ReportKind::VerslagVanBevindingen,
        "v",
        &actor(),
    )
    .await
    .unwrap();
    reports::finalise(&db, verslag, today(), &actor())
        .await
        .expect("a verslag van bevindingen exists to put open findings to the parties");

    // Once the point is assessed, the same draft can be made final.
    let assessed = PointAssessmentEdit {
        point_id: point,
        verdict: Verdict::NietGegrond,
        judgements: vec![JudgementEdit {
            norm: "voortvarendheid".into(),
            outcome: Outcome::Behoorlijk,
            considerations: String::new(),
        }],
    };
    assessment::save_point(&db, &assessed, &actor())
        .await
        .unwrap();
    reports::finalise(&db, id, today(), &actor()).await.unwrap();
    assert_eq!(
        reports::version(&db, id).await.unwrap().1.status,
        ReportStatus::Final
    );
}

#[tokio::test]
async fn an_error_check_blocks_even_a_verslag_van_bevindingen() {
    let (db, dossier) = demo_db().await;
    let point = assessment::view(&db, dossier).await.unwrap().points[2].clone();
    // Gegrond without a breached norm is an error (Awb 9:36 lid 2), whatever the report.
    let edit = PointAssessmentEdit {
        point_id: point.id,
        verdict: Verdict::Gegrond,
        judgements: point.judgements.clone(),
    };
    assessment::save_point(&db, &edit, &actor()).await.unwrap();
    let verslag = reports::create_draft(
        &db,
        dossier,
        ReportKind::VerslagVanBevindingen,
        "v",
        &actor(),
    )
    .await
    .unwrap();
    assert!(matches!(
        reports::finalise(&db, verslag, today(), &actor()).await,
        Err(Error::Blocked(reasons)) if reasons.len() == 1
    ));
    assert_eq!(
        reports::version(&db, verslag).await.unwrap().1.status,
        ReportStatus::Draft
    );
}

#[tokio::test]
async fn the_newest_version_of_a_kind_is_what_gets_rendered() {
    let (db, dossier) = demo_db().await;
    assert!(reports::latest(&db, dossier, ReportKind::Rapport)
        .await
        .unwrap()
        .is_none());
    reports::create_draft(&db, dossier, ReportKind::Rapport, "oud", &actor())
        .await
        .unwrap();
    reports::create_draft(&db, dossier, ReportKind::Rapportbrief, "brief", &actor())
        .await
        .unwrap();
    reports::create_draft(&db, dossier, ReportKind::Rapport, "nieuw", &actor())
        .await
        .unwrap();
    let latest = reports::latest(&db, dossier, ReportKind::Rapport)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(latest.markdown, "nieuw");
}

#[tokio::test]
async fn a_point_assessment_replaces_its_judgements_and_the_checks_follow() {
    let (db, dossier) = demo_db().await;
    let point = assessment::view(&db, dossier).await.unwrap().points[2].clone();
    assert_eq!(point.number, 3);
    let edit = PointAssessmentEdit {
        point_id: point.id,
        verdict: Verdict::Gegrond,
        judgements: vec![JudgementEdit {
            norm: "samenwerking".into(),
            outcome: Outcome::Behoorlijk,
            considerations: "Het WIJ-team wees een contactpersoon toe.".into(),
        }],
    };
    assessment::save_point(&db, &edit, &actor()).await.unwrap();
    let checks = overview::overview(&db, dossier).await.unwrap().checks;
    assert!(
        checks
            .iter()
            .any(|c| c.rule == CheckRule::GegrondWithoutBreach
                && c.refs == vec![CheckRef::Point { number: 3 }]
                && c.verdict == Some(Verdict::Gegrond)),
        "gegrond without a breached norm is flagged (Awb 9:36 lid 2): {checks:?}"
    );
    assert!(
        !reports::blocking(ReportKind::Rapport, &checks).is_empty(),
        "and it blocks a final rapport"
    );

    let fixed = PointAssessmentEdit {
        judgements: vec![JudgementEdit {
            outcome: Outcome::NietBehoorlijk,
            ..edit.judgements[0].clone()
        }],
        ..edit
    };
    assessment::save_point(&db, &fixed, &actor()).await.unwrap();
    let view = assessment::view(&db, dossier).await.unwrap();
    assert_eq!(
        view.points[2].judgements.len(),
        1,
        "a save replaces the judgements, it does not add to them"
    );
    assert!(!view
        .checks
        .iter()
        .any(|c| c.rule == CheckRule::GegrondWithoutBreach));
}

#[tokio::test]
async fn unknown_and_doubled_norms_are_refused_and_nothing_is_written() {
    let (db, dossier) = demo_db().await;
    let before = assessment::view(&db, dossier).await.unwrap();
    let point = before.points[0].clone();
    let judgement = |norm: &str| JudgementEdit {
        norm: norm.into(),
        outcome: Outcome::Behoorlijk,
        considerations: String::new(),
    };
    for judgements in [
        vec![judgement("bestaat-niet")],
        vec![judgement("transparantie"), judgement("transparantie")],
    ] {
        let edit = PointAssessmentEdit {
            point_id: point.id,
            verdict: Verdict::NietGegrond,
            judgements,
        };
        assert!(matches!(
            assessment::save_point(&db, &edit, &actor()).await,
            Err(Error::Invalid(_))
        ));
    }
    assert_eq!(
        assessment::view(&db, dossier).await.unwrap(),
        before,
        "a refused save changes nothing"
    );
}

#[tokio::test]
async fn recommendations_are_added_answered_and_removed() {
    let (db, dossier) = demo_db().await;
    let point = assessment::view(&db, dossier).await.unwrap().points[0].id;
    let empty = RecommendationView {
        id: None,
        complaint_point_id: Some(point),
        text: "  ".into(),
        response: None,
    };
    assert!(matches!(
        assessment::save_recommendation(&db, dossier, &empty, &actor()).await,
        Err(Error::Invalid(_))
    ));
    let id = assessment::save_recommendation(
        &db,
        dossier,
        &RecommendationView {
            text: "Leg elk contact vast.".into(),
            ..empty.clone()
        },
        &actor(),
    )
    .await
    .unwrap();
    assessment::save_recommendation(
        &db,
        dossier,
        &RecommendationView {
            id: Some(id),
            text: "Leg elk contact vast.".into(),
            response: Some("Toegezegd.".into()),
            ..empty
        },
        &actor(),
    )
    .await
    .unwrap();
    let view = assessment::view(&db, dossier).await.unwrap();
    let rec = view
        .recommendations
        .iter()
        .find(|r| r.id == Some(id))
        .unwrap();
    assert_eq!(rec.response.as_deref(), Some("Toegezegd."));
    assessment::delete_recommendation(&db, id, &actor())
        .await
        .unwrap();
    let view = assessment::view(&db, dossier).await.unwrap();
    assert!(view.recommendations.iter().all(|r| r.id != Some(id)));
}
