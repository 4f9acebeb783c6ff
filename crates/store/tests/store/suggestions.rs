//! Suggested conflicts over stored dossiers: status recorded, new, dismissed.

use crate::common::*;
use wederhoor_core::suggest::{RuleSettings, SuggestionRule};
use wederhoor_core::vocab::{Channel, StatementKind};
use wederhoor_core::wire::{
    DateInputKind, FieldCode, FuzzyDateInput, NewStatement, SuggestionStatus,
};
use wederhoor_store::{statements, suggestions};

#[tokio::test]
async fn the_demo_count_is_suggested_with_its_numbers_and_known_as_recorded() {
    let (db, dossier) = demo_db().await;
    let all = suggestions::for_dossier(&db, dossier, RuleSettings::default())
        .await
        .unwrap();
    let count = all
        .iter()
        .find(|s| s.suggestion.rule == SuggestionRule::Count)
        .expect("the count rule fires on the demo");
    assert!(
        count
            .suggestion
            .message
            .starts_with("ten minste 10 geclaimd tegenover 2 geregistreerd"),
        "{}",
        count.suggestion.message
    );
    assert_eq!(
        count.status,
        SuggestionStatus::Recorded,
        "the demo already holds this conflict"
    );
    assert_eq!(
        count.conflict_title.as_deref(),
        Some("Aantal contacten met het KCC")
    );
}

#[tokio::test]
async fn a_dismissed_suggestion_stays_dismissed() {
    let (db, dossier) = demo_db().await;
    let (requester,): (i64,) =
        sqlx::query_as("SELECT id FROM parties WHERE dossier_id = ? AND role = 'requester'")
            .bind(dossier)
            .fetch_one(db.pool())
            .await
            .unwrap();
    let claim = NewStatement {
        dossier_id: dossier,
        party_id: Some(requester),
        kind: StatementKind::Claim,
        date: FuzzyDateInput {
            kind: DateInputKind::Day,
            day: "20-12-2018".into(),
            month: String::new(),
            from: String::new(),
            to: String::new(),
        },
        topic: "postadres".into(),
        channel: Some(Channel::Counter),
        text: "Verzoekster ging naar de balie voor een postadres.".into(),
        quantity_at_least: None,
        quantity_unit: String::new(),
        excerpt: None,
    };
    let id = statements::create(&db, &claim, &actor()).await.unwrap();
    let new = suggestions::for_dossier(&db, dossier, RuleSettings::default())
        .await
        .unwrap();
    let occurrence = new
        .iter()
        .find(|s| s.suggestion.citizen == vec![id])
        .expect("a counter visit without a record is suggested");
    assert_eq!(
        (occurrence.suggestion.rule, occurrence.status),
        (SuggestionRule::Occurrence, SuggestionStatus::New)
    );

    suggestions::dismiss(&db, dossier, &occurrence.suggestion.key, &actor())
        .await
        .unwrap();
    let after = suggestions::for_dossier(&db, dossier, RuleSettings::default())
        .await
        .unwrap();
    let again = after
        .iter()
        .find(|s| s.suggestion.citizen == vec![id])
        .unwrap();
    assert_eq!(
        again.status,
        SuggestionStatus::Dismissed,
        "a dismissal is remembered"
    );
    suggestions::dismiss(&db, dossier, &occurrence.suggestion.key, &actor())
        .await
        .expect("dismissing twice is harmless");
}

#[tokio::test]
async fn geen_oordeel_is_refused_until_both_sides_were_heard() {
    use wederhoor_core::vocab::{ConflictKind, Resolution};
    use wederhoor_core::wire::{ConflictEdit, NewConflict};
    use wederhoor_store::{conflicts, Error};
    let (db, dossier) = demo_db().await;
    let citizen = first_statement(&db, dossier, wederhoor_core::wire::Side::Citizen).await;
    let body = first_statement(&db, dossier, wederhoor_core::wire::Side::Body).await;
    let id = conflicts::create_open(
        &db,
        &NewConflict {
            dossier_id: dossier,
            title: "Doorverbinden".into(),
            kind: ConflictKind::Content,
            citizen: vec![citizen],
            body: vec![body],
        },
        &actor(),
    )
    .await
    .unwrap();
    let mut edit = ConflictEdit {
        id,
        title: "Doorverbinden".into(),
        kind: ConflictKind::Content,
        complaint_point_id: None,
        both_sides_heard: false,
        resolution: Resolution::NotEstablishable,
        reasoning: "Niet na te gaan.".into(),
    };
    let Error::Invalid(fields) = conflicts::update(&db, &edit, &actor()).await.unwrap_err() else {
        panic!("refused")
    };
    assert_eq!(
        (fields[0].field.as_str(), fields[0].code),
        ("resolution", FieldCode::NotHeard)
    );

    edit.both_sides_heard = true;
    conflicts::update(&db, &edit, &actor())
        .await
        .expect("allowed once both sides were heard");
    let detail = conflicts::details(&db, dossier)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.conflict.id == id)
        .unwrap();
    assert_eq!(detail.conflict.resolution, Resolution::NotEstablishable);
    assert!(
        detail.findings.contains("**Lezing van verzoekster.**")
            && detail.findings.contains("**Lezing van de gemeente.**"),
        "{}",
        detail.findings
    );
    assert!(detail.findings.contains(
        "De ombudsman kan daarom niet vaststellen welke lezing juist is. Niet na te gaan."
    ));
    let overview = wederhoor_store::overview::overview(&db, dossier)
        .await
        .unwrap();
    assert!(
        overview
            .conflicts
            .iter()
            .any(|c| c.id == id && c.resolution == Resolution::NotEstablishable),
        "the Overzicht lists it"
    );
}

#[tokio::test]
async fn a_marked_and_decided_conflict_round_trips_through_the_dossier_file() {
    use wederhoor_core::vocab::{ConflictKind, Resolution};
    use wederhoor_core::wire::{ConflictEdit, NewConflict, Side};
    use wederhoor_store::{conflicts, dossier_file};
    let (db, dossier) = demo_db().await;
    let citizen = first_statement(&db, dossier, Side::Citizen).await;
    let body = first_statement(&db, dossier, Side::Body).await;
    let input = NewConflict {
        dossier_id: dossier,
        title: "Doorverbinden".into(),
        kind: ConflictKind::Conduct,
        citizen: vec![citizen],
        body: vec![body],
    };
    let id = conflicts::create_open(&db, &input, &actor()).await.unwrap();
    let edit = ConflictEdit {
        id,
        title: "Doorverbinden met juridische zaken".into(),
        kind: ConflictKind::Conduct,
        complaint_point_id: None,
        both_sides_heard: true,
        resolution: Resolution::BodyVersionEstablished,
        reasoning: "De gemeente legde het gesprek vast.".into(),
    };
    conflicts::update(&db, &edit, &actor()).await.unwrap();

    let first = dossier_file::export(&db, "2019-0117").await.unwrap();
    let made = first.conflicts.last().unwrap();
    assert_eq!(
        (made.title.as_str(), made.resolution, made.both_sides_heard),
        (
            "Doorverbinden met juridische zaken",
            Resolution::BodyVersionEstablished,
            true
        )
    );
    let other = self::db().await;
    dossier_file::import_json(&other, &first.to_json(), &actor())
        .await
        .unwrap();
    assert_eq!(
        dossier_file::export(&other, "2019-0117").await.unwrap(),
        first,
        "the conflict survives export and import"
    );
}

#[tokio::test]
async fn a_missing_record_becomes_a_breach_of_goede_organisatie_on_its_point() {
    use wederhoor_core::vocab::{ConflictKind, Outcome, Resolution};
    use wederhoor_core::wire::{ConflictEdit, NewConflict, Side};
    use wederhoor_store::{conflicts, points, Error};
    let (db, dossier) = demo_db().await;
    let citizen = first_statement(&db, dossier, Side::Citizen).await;
    let id = conflicts::create_open(
        &db,
        &NewConflict {
            dossier_id: dossier,
            title: "Balie zonder registratie".into(),
            kind: ConflictKind::Occurrence,
            citizen: vec![citizen],
            body: vec![],
        },
        &actor(),
    )
    .await
    .expect("a conflict about whether something happened may have no body statements");
    let err = conflicts::record_missing_record_finding(&db, id, "goede-organisatie", &actor())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(_)),
        "a finding needs the complaint point it belongs to"
    );

    let point = points::list(&mut db.pool().acquire().await.unwrap(), dossier)
        .await
        .unwrap()
        .into_iter()
        .find(|k| k.number == 1)
        .unwrap();
    let edit = ConflictEdit {
        id,
        title: "Balie zonder registratie".into(),
        kind: ConflictKind::Occurrence,
        complaint_point_id: Some(point.id),
        both_sides_heard: true,
        resolution: Resolution::CitizenVersionEstablished,
        reasoning: String::new(),
    };
    conflicts::update(&db, &edit, &actor()).await.unwrap();
    assert_eq!(
        conflicts::record_missing_record_finding(&db, id, "goede-organisatie", &actor())
            .await
            .unwrap(),
        1
    );
    let after = points::list(&mut db.pool().acquire().await.unwrap(), dossier)
        .await
        .unwrap()
        .into_iter()
        .find(|k| k.number == 1)
        .unwrap();
    let finding = after
        .judgements
        .iter()
        .find(|j| j.norm == "goede-organisatie")
        .expect("the norm is now tested on point 1");
    assert_eq!(finding.outcome, Outcome::NietBehoorlijk);
    assert!(
        finding.considerations.contains("Balie zonder registratie"),
        "{}",
        finding.considerations
    );
    assert_eq!(
        after.judgements.len(),
        point.judgements.len() + 1,
        "one test added"
    );
    conflicts::record_missing_record_finding(&db, id, "goede-organisatie", &actor())
        .await
        .unwrap();
    let again = points::list(&mut db.pool().acquire().await.unwrap(), dossier)
        .await
        .unwrap()
        .into_iter()
        .find(|k| k.number == 1)
        .unwrap();
    assert_eq!(
        again.judgements.len(),
        after.judgements.len(),
        "recording it twice updates, never repeats"
    );
    assert!(matches!(
        conflicts::record_missing_record_finding(&db, id, "snelheid", &actor()).await,
        Err(Error::Invalid(_))
    ));
}
