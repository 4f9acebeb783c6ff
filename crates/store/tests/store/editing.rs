//! Building a dossier in the app from an empty one: parties, complaint points, statements,
//! sources, reactions and the dossier's own fields, each edit undoable and redoable in order;
//! removals that would orphan something are refused and change nothing.

use crate::common::*;
use wederhoor_core::file::DossierFile;
use wederhoor_core::vocab::{DossierStatus, Kenbaarheid, PartyRole, ReportKind, SourceKind};
use wederhoor_core::wire::{
    ChangeVerb, DossierEdit, FieldCode, ItemKind, PartyInput, PointInput, ReactionInput,
    ReferenceCount, StatementEdit, TypedSourceInput,
};
use wederhoor_store::{
    changes, dossier_file, dossiers, overview, parties, points, reactions, sources, statements, Db,
    Error,
};

/// A new dossier made with the form, as a new user starts: its id.
async fn new_dossier(db: &Db) -> i64 {
    dossiers::create(
        db,
        &form("Geen antwoord op bezwaar", "4-3-2026"),
        today(),
        &actor(),
    )
    .await
    .unwrap()
    .id
}

fn party(dossier_id: i64, role: PartyRole, name: &str, pseudonym: &str) -> PartyInput {
    PartyInput {
        id: None,
        dossier_id,
        role,
        name: name.into(),
        pseudonym: pseudonym.into(),
        aliases: vec![],
        public_name: role.public_name_by_default(),
        acts_for: None,
    }
}

fn point(dossier_id: i64, text: &str) -> PointInput {
    PointInput {
        id: None,
        dossier_id,
        text: text.into(),
    }
}

async fn point_texts(db: &Db, dossier_id: i64) -> Vec<(u32, String)> {
    points::list(&mut db.pool().acquire().await.unwrap(), dossier_id)
        .await
        .unwrap()
        .into_iter()
        .map(|p| (p.number, p.text))
        .collect()
}

#[tokio::test]
async fn a_new_dossier_has_its_requester_and_bodies_as_parties() {
    let db = db().await;
    let id = new_dossier(&db).await;
    let parties = parties::list(&mut db.pool().acquire().await.unwrap(), id)
        .await
        .unwrap();
    let summary: Vec<(PartyRole, &str, &str, bool)> = parties
        .iter()
        .map(|p| (p.role, p.name.as_str(), p.pseudonym.as_str(), p.public_name))
        .collect();
    assert_eq!(
        summary,
        vec![
            (PartyRole::Requester, "Noëlle van den Berg", "verzoekster", false),
            (PartyRole::Body, "Gemeente Voorbeeldstad", "de gemeente", true),
        ],
        "a statement can be made at once: the form's requester and body are parties, the body's name public"
    );
}

#[tokio::test]
async fn parties_are_added_edited_and_checked() {
    let db = db().await;
    let id = new_dossier(&db).await;
    let body = party_id(&db, id, "body").await;
    let mut wij = party(id, PartyRole::ThirdParty, "WIJ-team Noord", "het WIJ-team");
    wij.acts_for = Some(body);
    let wij_id = parties::save(&db, &wij, &actor()).await.unwrap();

    let clash = party(
        id,
        PartyRole::Witness,
        "Daniël Kuipers",
        "Noelle van den Berg",
    );
    match parties::save(&db, &clash, &actor()).await {
        Err(Error::Invalid(fields)) => assert_eq!(
            fields.iter().map(|f| f.code).collect::<Vec<_>>(),
            vec![FieldCode::PseudonymIsAName],
            "the public version would name the requester"
        ),
        other => panic!("expected a field error, got {other:?}"),
    }

    wij.id = Some(wij_id);
    wij.name = "WIJ-team Noord-Oost".into();
    parties::save(&db, &wij, &actor()).await.unwrap();
    let saved = parties::list(&mut db.pool().acquire().await.unwrap(), id)
        .await
        .unwrap();
    let saved = saved.iter().find(|p| p.id == wij_id).unwrap();
    assert_eq!(saved.name, "WIJ-team Noord-Oost");
    assert_eq!(saved.acts_for, Some(body), "the partner acts for the body");
}

#[tokio::test]
async fn complaint_points_follow_their_order() {
    let db = db().await;
    let id = new_dossier(&db).await;
    for text in [
        "Geen ontvangstbevestiging.",
        "Niet teruggebeld.",
        "Onvriendelijk te woord gestaan.",
    ] {
        points::save(&db, &point(id, text), &actor()).await.unwrap();
    }
    let third = points::list(&mut db.pool().acquire().await.unwrap(), id)
        .await
        .unwrap()[2]
        .id;
    points::move_to(&db, id, third, 1, &actor()).await.unwrap();
    assert_eq!(
        point_texts(&db, id).await,
        vec![
            (1, "Onvriendelijk te woord gestaan.".into()),
            (2, "Geen ontvangstbevestiging.".into()),
            (3, "Niet teruggebeld.".into())
        ],
        "numbers follow the new order"
    );
    let second = points::list(&mut db.pool().acquire().await.unwrap(), id)
        .await
        .unwrap()[1]
        .id;
    points::remove(&db, id, second, &actor()).await.unwrap();
    assert_eq!(
        point_texts(&db, id)
            .await
            .iter()
            .map(|p| p.0)
            .collect::<Vec<_>>(),
        vec![1, 2],
        "no gap is left"
    );
    match points::save(&db, &point(id, "  "), &actor()).await {
        Err(Error::Invalid(fields)) => assert_eq!(fields[0].field, "text"),
        other => panic!("a point without text is refused, got {other:?}"),
    }
}

#[tokio::test]
async fn a_referred_party_source_statement_or_point_is_not_removed() {
    let (db, id) = demo_db().await;
    let requester = party_id(&db, id, "requester").await;
    let before = all_counts(&db).await;
    let audit_before = table_count(&db, "audit_log").await;
    match parties::remove(&db, id, requester, &actor()).await {
        Err(Error::InUse { item, refs }) => {
            assert_eq!(item, ItemKind::Party);
            assert!(
                refs.contains(&ReferenceCount {
                    kind: ItemKind::Statement,
                    count: 6
                }),
                "the demo's requester has six statements: {refs:?}"
            );
            assert!(refs
                .iter()
                .any(|r| r.kind == ItemKind::Reaction && r.count == 1));
            let message = Error::InUse { item, refs }.to_string();
            assert!(
                message.contains("6 × lezing"),
                "the CLI message names them: {message}"
            );
        }
        other => panic!("expected InUse, got {other:?}"),
    }
    let source = sources::list(db.pool(), id).await.unwrap()[0].id;
    assert!(matches!(
        sources::remove(&db, source, &actor()).await,
        Err(Error::InUse { .. })
    ));
    let statement = first_statement(&db, id, wederhoor_core::wire::Side::Body).await;
    let in_conflict = statements::references(&mut db.pool().acquire().await.unwrap(), statement)
        .await
        .unwrap();
    assert!(
        !in_conflict.is_empty(),
        "the first record is part of a conflict"
    );
    assert!(matches!(
        statements::remove(&db, statement, &actor()).await,
        Err(Error::InUse { .. })
    ));
    let point_one = points::list(&mut db.pool().acquire().await.unwrap(), id)
        .await
        .unwrap()[0]
        .id;
    assert!(matches!(
        points::remove(&db, id, point_one, &actor()).await,
        Err(Error::InUse { .. })
    ));
    assert_eq!(
        all_counts(&db).await,
        before,
        "a refused removal changes nothing"
    );
    assert_eq!(
        table_count(&db, "audit_log").await,
        audit_before,
        "and logs nothing"
    );
}

#[tokio::test]
async fn edits_are_undone_and_redone_in_order_and_undo_is_audited() {
    let db = db().await;
    let id = new_dossier(&db).await;
    let requester = party_id(&db, id, "requester").await;
    let start = dossier_file::export(&db, "2026-0001").await.unwrap();

    let mut rename = party(
        id,
        PartyRole::Requester,
        "Noëlle van den Berg-Jansen",
        "verzoekster",
    );
    rename.id = Some(requester);
    parties::save(&db, &rename, &actor()).await.unwrap();
    points::save(&db, &point(id, "Geen ontvangstbevestiging."), &actor())
        .await
        .unwrap();
    let note = TypedSourceInput {
        dossier_id: id,
        title: "Telefoonnotitie 12 maart".into(),
        kind: SourceKind::PhoneNote,
        supplied_by: Some(requester),
        received_on: "12-3-2026".into(),
        text: "Verzoekster belt: zij heeft nog niets gehoord.".into(),
    };
    sources::add_typed(&db, &note, today(), &actor())
        .await
        .unwrap();
    let built = dossier_file::export(&db, "2026-0001").await.unwrap();

    let state = changes::state(&db, id).await.unwrap();
    let undo = state.undo.expect("three edits to undo");
    assert_eq!(
        (undo.item, undo.verb),
        (ItemKind::Source, ChangeVerb::Create)
    );
    assert_eq!(
        undo.subject, "Telefoonnotitie 12 maart",
        "the button can say what it undoes"
    );

    for _ in 0..3 {
        changes::undo(&db, id, &actor()).await.unwrap();
    }
    assert_eq!(
        dossier_file::export(&db, "2026-0001").await.unwrap(),
        start,
        "three undos give back the dossier as it was"
    );
    assert!(
        matches!(
            changes::undo(&db, id, &actor()).await,
            Err(Error::NotFound(_))
        ),
        "making the dossier is not an edit of it"
    );
    let search = wederhoor_store::search::search(&db, id, "niets gehoord")
        .await
        .unwrap();
    assert!(
        search.is_empty(),
        "an undone source is gone from the search index too"
    );

    for _ in 0..3 {
        changes::redo(&db, id, &actor()).await.unwrap();
    }
    assert_eq!(
        dossier_file::export(&db, "2026-0001").await.unwrap(),
        built,
        "three redos give back every edit"
    );
    let logged: Vec<(String,)> =
        sqlx::query_as("SELECT action FROM audit_log WHERE action LIKE 'change.%' ORDER BY id")
            .fetch_all(db.pool())
            .await
            .unwrap();
    assert_eq!(logged.len(), 6, "each undo and redo is itself logged");
}

#[tokio::test]
async fn a_new_edit_ends_what_could_be_redone() {
    let db = db().await;
    let id = new_dossier(&db).await;
    points::save(&db, &point(id, "Eerste."), &actor())
        .await
        .unwrap();
    changes::undo(&db, id, &actor()).await.unwrap();
    assert!(changes::state(&db, id).await.unwrap().redo.is_some());
    points::save(&db, &point(id, "Anders."), &actor())
        .await
        .unwrap();
    assert_eq!(
        changes::state(&db, id).await.unwrap().redo,
        None,
        "redo after a new edit would mix two histories"
    );
}

#[tokio::test]
async fn an_undo_that_would_overwrite_a_later_change_is_refused() {
    let db = db().await;
    let id = new_dossier(&db).await;
    let point_id = points::save(&db, &point(id, "Eerste."), &actor())
        .await
        .unwrap();
    // Something that is not an undoable edit (an import, a script) changes the same row.
    sqlx::query("UPDATE complaint_points SET text = 'Buiten de app gewijzigd.' WHERE id = ?")
        .bind(point_id)
        .execute(db.pool())
        .await
        .unwrap();
    assert!(matches!(
        changes::undo(&db, id, &actor()).await,
        Err(Error::Stale(_))
    ));
    assert_eq!(
        point_texts(&db, id).await,
        vec![(1, "Buiten de app gewijzigd.".into())],
        "nothing was overwritten"
    );
}

#[tokio::test]
async fn the_history_survives_closing_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wederhoor.db");
    let db = Db::open(&path).await.unwrap();
    let id = new_dossier(&db).await;
    points::save(&db, &point(id, "Eerste."), &actor())
        .await
        .unwrap();
    changes::undo(&db, id, &actor()).await.unwrap();
    db.close().await;
    let db = Db::open(&path).await.unwrap();
    changes::redo(&db, id, &actor()).await.unwrap();
    assert_eq!(
        point_texts(&db, id).await,
        vec![(1, "Eerste.".into())],
        "redo after a restart"
    );
}

#[tokio::test]
async fn statements_and_reactions_are_edited_and_removed() {
    let db = db().await;
    let id = new_dossier(&db).await;
    let requester = party_id(&db, id, "requester").await;
    let body = party_id(&db, id, "body").await;
    let statement = statements::create(&db, &claim(id, requester, None), &actor())
        .await
        .unwrap();
    let mut fields = claim(id, requester, None);
    fields.text = "Verzoekster belde twee keer.".into();
    statements::update(
        &db,
        &StatementEdit {
            id: statement,
            fields,
        },
        &actor(),
    )
    .await
    .unwrap();
    let hits = wederhoor_store::search::search(&db, id, "twee keer")
        .await
        .unwrap();
    assert_eq!(hits.len(), 1, "the edited text is what search finds");

    let reaction = ReactionInput {
        id: None,
        dossier_id: id,
        party_id: Some(body),
        received_on: "20-11-2026".into(),
        on_report: Some(ReportKind::VerslagVanBevindingen),
        text: "De gemeente betwist het aantal.".into(),
        contests: vec![statement],
        source_id: None,
    };
    let reaction_id = reactions::save(&db, &reaction, today(), &actor())
        .await
        .unwrap();
    assert!(
        matches!(
            statements::remove(&db, statement, &actor()).await,
            Err(Error::InUse { .. })
        ),
        "a contested statement stays"
    );
    let view = overview::overview(&db, id).await.unwrap();
    assert_eq!(view.reactions.len(), 1);
    assert_eq!(view.reactions[0].contests, vec![statement]);
    reactions::remove(&db, id, reaction_id, &actor())
        .await
        .unwrap();
    statements::remove(&db, statement, &actor()).await.unwrap();
    assert_eq!(table_count(&db, "statements").await, 0);
}

#[tokio::test]
async fn the_dossier_fields_and_status_are_edited_along_the_procedure() {
    let db = db().await;
    let id = new_dossier(&db).await;
    let edit = DossierEdit {
        id,
        title: "Geen antwoord op bezwaar tegen WOZ-beschikking".into(),
        ombudsman: "Ombudsman Metropool".into(),
        bodies: vec!["Gemeente Voorbeeldstad".into()],
        received_on: "5-3-2026".into(),
        keywords: vec!["bezwaar".into()],
        summary: "Verzoekster wacht **een jaar** op een beslissing.".into(),
        kenbaarheid: Kenbaarheid::NotRequired,
        advisory_committee: true,
    };
    dossiers::update(&db, &edit, today(), &actor())
        .await
        .unwrap();
    let file = dossier_file::export(&db, "2026-0001").await.unwrap();
    assert_eq!(file.dossier.title, edit.title);
    assert_eq!(file.dossier.kenbaarheid, Kenbaarheid::NotRequired);
    assert!(file.dossier.advisory_committee);

    dossiers::set_status(&db, id, DossierStatus::Intervention, &actor())
        .await
        .unwrap();
    assert!(
        matches!(
            dossiers::set_status(&db, id, DossierStatus::FindingsSent, &actor()).await,
            Err(Error::Status { .. })
        ),
        "an interventie sends no verslag"
    );
    dossiers::set_status(&db, id, DossierStatus::Intake, &actor())
        .await
        .unwrap();
    let (back,): (String,) = sqlx::query_as(
        "SELECT detail FROM audit_log WHERE action = 'dossier.status' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert!(
        back.contains("\"back\":true"),
        "a step back is logged as one: {back}"
    );
}

#[tokio::test]
async fn a_dossier_built_in_the_app_exports_as_version_2_and_imports_losslessly() {
    let db = db().await;
    let id = new_dossier(&db).await;
    let body = party_id(&db, id, "body").await;
    let mut wij = party(id, PartyRole::ThirdParty, "WIJ-team Noord", "het WIJ-team");
    wij.acts_for = Some(body);
    parties::save(&db, &wij, &actor()).await.unwrap();
    points::save(&db, &point(id, "Niet teruggebeld."), &actor())
        .await
        .unwrap();
    let exported = dossier_file::export(&db, "2026-0001").await.unwrap();
    let json = exported.to_json();
    assert!(json.contains("\"format\": \"wederhoor-dossier/2\""));
    let other = self::db().await;
    dossier_file::import_json(&other, &json, &actor())
        .await
        .unwrap();
    assert_eq!(
        dossier_file::export(&other, "2026-0001").await.unwrap(),
        exported,
        "export, import, export gives the same content"
    );
}

#[tokio::test]
async fn a_version_1_file_imports_and_exports_as_version_2_with_public_names_by_role() {
    let v1 = include_str!("../../../../tests/data/dossiers/2019-0117-versie-1.json");
    assert!(v1.contains("\"format\": \"wederhoor-dossier/1\""));
    let db = db().await;
    dossier_file::import_json(&db, v1, &actor()).await.unwrap();
    let exported = dossier_file::export(&db, "2019-0117").await.unwrap();
    assert_eq!(exported.format, "wederhoor-dossier/2");
    for party in &exported.parties {
        assert_eq!(
            party.public_name,
            Some(party.role == PartyRole::Body),
            "{}: a body keeps its name, a person never",
            party.name
        );
    }
    let again = DossierFile::parse(&exported.to_json()).unwrap();
    assert_eq!(again, exported);
}

#[tokio::test]
async fn the_change_triggers_image_every_column_of_every_tracked_table() {
    let db = db().await;
    for table in changes::tracked_tables() {
        let columns: Vec<(String, String, i64)> = sqlx::query_as(&format!(
            "SELECT name, type, pk FROM pragma_table_info('{table}')"
        ))
        .fetch_all(db.pool())
        .await
        .unwrap();
        for event in ["insert", "update", "delete"] {
            let (sql,): (String,) = sqlx::query_as(
                "SELECT sql FROM sqlite_temp_master WHERE type = 'trigger' AND name = ?",
            )
            .bind(format!("{table}_change_{event}"))
            .fetch_one(db.pool())
            .await
            .unwrap_or_else(|_| panic!("{table} has its {event} trigger"));
            let keys = columns.iter().filter(|(_, _, pk)| *pk > 0).count();
            for (column, kind, pk) in &columns {
                if *pk == 1 && keys == 1 && kind == "INTEGER" {
                    continue; // the rowid, recorded apart; a key of two columns is not
                }
                assert!(
                    sql.contains(&format!("'{column}', ")),
                    "{table}_change_{event} images {column}: without it an undo would lose it"
                );
            }
        }
    }
}
