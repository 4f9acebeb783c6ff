//! The Verloop in the store: steps made, edited and removed as undoable edits, a party of
//! another dossier refused, a norm offered by the procedure accepted (outcome open) and undone,
//! the dossier list's order and the deadlines across dossiers, and a letter that offers its
//! step once final.

use crate::common::*;
use crate::undoing::{export, undo_and_redo};
use chrono::NaiveDate;
use wederhoor_core::procedure::TermKind;
use wederhoor_core::vocab::{DossierStatus, EventKind, Outcome, ReportKind};
use wederhoor_core::wire::{ChangeVerb, EventInput, FieldCode, ItemKind};
use wederhoor_store::{changes, dossiers, events, procedure, reports, Db, Error};

fn step(dossier_id: i64, kind: EventKind, on: &str) -> EventInput {
    EventInput {
        id: None,
        dossier_id,
        kind,
        on: on.into(),
        party_id: None,
        due_on: String::new(),
        done_on: String::new(),
        weeks: None,
        source_id: None,
        text: String::new(),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

async fn first_point_id(db: &Db, dossier: i64) -> i64 {
    let (id,): (i64,) = sqlx::query_as(
        "SELECT id FROM complaint_points WHERE dossier_id = ? ORDER BY number LIMIT 1",
    )
    .bind(dossier)
    .fetch_one(db.pool())
    .await
    .unwrap();
    id
}

async fn save(db: &Db, input: &EventInput) -> i64 {
    events::save(db, input, today(), &actor()).await.unwrap()
}

#[tokio::test]
async fn a_step_is_added_edited_and_removed_and_each_edit_undone() {
    let (db, dossier) = demo_db().await;
    let before = export(&db).await;
    let mut filed = step(dossier, EventKind::InternalComplaintFiled, "2-7-2018");
    let id = save(&db, &filed).await;
    let added = export(&db).await;
    assert_eq!(added.events.len(), before.events.len() + 1);
    let (item, verb, subject) = undo_and_redo(&db, dossier, &before, &added).await;
    assert_eq!((item, verb), (ItemKind::Event, ChangeVerb::Create));
    assert_eq!(
        subject, "klacht ingediend bij de instantie (2 juli 2018)",
        "the undo button names the step and its day"
    );

    filed.id = Some(id);
    filed.party_id = Some(party_id(&db, dossier, "requester").await);
    filed.text = "Per brief, met de bijlagen.".into();
    save(&db, &filed).await;
    let edited = export(&db).await;
    undo_and_redo(&db, dossier, &added, &edited).await;

    events::remove(&db, dossier, id, &actor()).await.unwrap();
    let removed = export(&db).await;
    assert_eq!(
        removed.events, before.events,
        "removed, the procedure is as before"
    );
    undo_and_redo(&db, dossier, &edited, &removed).await;
}

#[tokio::test]
async fn a_step_naming_a_party_of_another_dossier_is_refused_and_nothing_is_saved() {
    let (db, dossier) = demo_db().await;
    let other = dossiers::create(&db, &form("Ander dossier", "1-11-2026"), today(), &actor())
        .await
        .unwrap()
        .id;
    let stranger = party_id(&db, other, "requester").await;
    let counts = all_counts(&db).await;
    let mut asked = step(dossier, EventKind::InformationRequested, "1-11-2026");
    asked.party_id = Some(stranger);
    match events::save(&db, &asked, today(), &actor()).await {
        Err(Error::Invalid(fields)) => {
            assert_eq!(fields[0].field, "partyId");
            assert_eq!(fields[0].code, FieldCode::UnknownParty);
        }
        other => panic!("a party of another dossier must be refused: {other:?}"),
    }
    assert_eq!(all_counts(&db).await, counts, "nothing was written");
}

#[tokio::test]
async fn a_late_decision_offers_voortvarendheid_which_is_added_with_its_outcome_open() {
    let (db, dossier) = demo_db().await;
    save(
        &db,
        &step(dossier, EventKind::InternalComplaintFiled, "2-7-2018"),
    )
    .await;
    save(
        &db,
        &step(dossier, EventKind::InternalComplaintDecided, "1-10-2018"),
    )
    .await;
    let view = procedure::view(&db, dossier, today()).await.unwrap();
    let norms: Vec<&str> = view
        .suggestions
        .iter()
        .map(|o| o.suggestion.norm.as_str())
        .collect();
    // Decided, so the complaint was not lost: voortvarendheid only, not goede organisatie.
    assert_eq!(norms, ["voortvarendheid"]);
    let offer = &view.suggestions[0];
    // No point of the demo speaks of how the complaint was handled: the investigator chooses.
    assert_eq!(offer.point_id, None);
    let point = first_point_id(&db, dossier).await;
    let key = offer.suggestion.key.clone();
    let before = export(&db).await;

    procedure::accept(&db, dossier, &key, point, today(), &actor())
        .await
        .unwrap();
    let after = export(&db).await;
    let judged = after
        .complaint_points
        .iter()
        .flat_map(|p| &p.judgements)
        .find(|j| j.norm == "voortvarendheid")
        .expect("the norm is on the point");
    assert_eq!(
        judged.outcome,
        Outcome::GeenOordeel,
        "a suggestion is never a verdict"
    );
    assert!(
        judged.considerations.contains("13 augustus 2018"),
        "the facts start the considerations: {}",
        judged.considerations
    );
    assert!(
        procedure::view(&db, dossier, today())
            .await
            .unwrap()
            .suggestions
            .is_empty(),
        "an accepted offer is not made again"
    );
    changes::undo(&db, dossier, &actor()).await.unwrap();
    assert_eq!(export(&db).await, before, "one undo takes the norm back");
    assert_eq!(
        procedure::view(&db, dossier, today())
            .await
            .unwrap()
            .suggestions
            .len(),
        1,
        "and the offer is made again"
    );
}

#[tokio::test]
async fn an_overdue_dossier_heads_the_list_until_it_is_closed() {
    let (db, demo) = demo_db().await;
    let newer = dossiers::create(&db, &form("Nieuw dossier", "20-11-2026"), today(), &actor())
        .await
        .unwrap()
        .id;
    let order = |rows: &[wederhoor_core::wire::DossierRow]| -> Vec<i64> {
        rows.iter().map(|r| r.dossier.id).collect()
    };
    let rows = procedure::rows(&db, today()).await.unwrap();
    assert_eq!(
        order(&rows),
        [newer, demo],
        "newest received first while nothing is overdue"
    );

    let mut asked = step(demo, EventKind::InformationRequested, "1-11-2026");
    asked.due_on = "20-11-2026".into();
    save(&db, &asked).await;
    let mut soon = step(newer, EventKind::Promise, "24-11-2026");
    soon.due_on = "27-11-2026".into();
    save(&db, &soon).await;
    let rows = procedure::rows(&db, today()).await.unwrap();
    assert_eq!(
        order(&rows),
        [demo, newer],
        "the overdue dossier comes first"
    );
    assert_eq!((rows[0].overdue, rows[0].due_this_week), (1, 0));
    assert_eq!((rows[1].overdue, rows[1].due_this_week), (0, 1));
    let next = rows[0].next_term.as_ref().unwrap();
    assert_eq!(
        (next.kind, next.due_on),
        (TermKind::Information, day(2026, 11, 20))
    );

    let all = procedure::deadlines(&db, today(), None).await.unwrap();
    assert_eq!((all.overdue, all.this_week, all.deadlines.len()), (1, 1, 2));
    assert_eq!(all.deadlines[0].reference, "2019-0117", "overdue first");

    dossiers::set_status(&db, demo, DossierStatus::Closed, &actor())
        .await
        .unwrap();
    let all = procedure::deadlines(&db, today(), None).await.unwrap();
    assert_eq!(
        all.deadlines.len(),
        1,
        "a closed dossier has no open terms to chase"
    );
    let rows = procedure::rows(&db, today()).await.unwrap();
    assert_eq!(order(&rows), [newer, demo]);
    assert!(rows[1].next_term.is_none());
}

#[tokio::test]
async fn a_final_letter_offers_its_step_with_the_term_it_gave() {
    let (db, dossier) = demo_db().await;
    let body = party_id(&db, dossier, "body").await;
    let letter = reports::LetterTerms {
        party_id: Some(body),
        asks: "De klachtregistratie van 2018.".into(),
        due_on: Some(day(2026, 12, 9)),
    };
    let id = reports::create_letter(
        &db,
        dossier,
        ReportKind::LetterInformationRequest,
        "# Verzoek om informatie\n\nTekst.",
        &letter,
        &actor(),
    )
    .await
    .unwrap();
    assert_eq!(
        reports::step_offer(&db, id).await.unwrap(),
        None,
        "a draft is not sent yet"
    );
    reports::finalise(&db, id, today(), &actor()).await.unwrap();
    let offer = reports::step_offer(&db, id)
        .await
        .unwrap()
        .expect("an offer");
    let input = offer.input;
    assert_eq!(input.kind, EventKind::InformationRequested);
    assert_eq!(
        (input.on.as_str(), input.due_on.as_str()),
        ("2026-11-25", "2026-12-09")
    );
    assert_eq!(input.party_id, Some(body));
    assert_eq!(input.text, "De klachtregistratie van 2018.");
    // A copy to go on from the final letter keeps what it asks, of whom and by when.
    let copy = reports::copy(&db, id, &actor()).await.unwrap();
    reports::finalise(&db, copy, today(), &actor())
        .await
        .unwrap();
    let again = reports::step_offer(&db, copy)
        .await
        .unwrap()
        .expect("an offer")
        .input;
    assert_eq!(
        (again.due_on.as_str(), again.party_id),
        ("2026-12-09", Some(body))
    );
    // The offer saves as it is.
    save(&db, &input).await;
    let terms = procedure::view(&db, dossier, today()).await.unwrap().terms;
    assert!(terms
        .iter()
        .any(|t| t.kind == TermKind::Information && t.due_on == day(2026, 12, 9) && t.open));
}
