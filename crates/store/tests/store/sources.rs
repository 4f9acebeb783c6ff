//! Sources, statements from passages, search, and the side-by-side data.

use crate::common::*;
use wederhoor_core::vocab::{ConflictKind, SourceKind, StatementKind};
use wederhoor_core::wire::{
    DateInputKind, FieldCode, NewConflict, NewExcerpt, SearchHitKind, Side,
};
use wederhoor_store::sources::NewDocument;
use wederhoor_store::{conflicts, dossiers, search, side_by_side, sources, statements, Error};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/data/sources/",
            $name
        ))
        .as_slice()
    };
}

/// Reads the document in this process (as the app does in its helper process) and stores it.
async fn add_document(
    db: &wederhoor_store::Db,
    doc: &NewDocument<'_>,
    actor: &wederhoor_store::Actor,
) -> Result<wederhoor_core::wire::SourceAdded, Error> {
    let options = wederhoor_extract::Options {
        no_ocr: true,
        ..Default::default()
    };
    let reading = wederhoor_extract::read(doc.file_name, doc.bytes, &options, &mut |_| {});
    sources::add_document(db, doc, &reading, actor).await
}

fn doc<'a>(dossier_id: i64, file_name: &'a str, bytes: &'a [u8]) -> NewDocument<'a> {
    NewDocument {
        dossier_id,
        file_name,
        bytes,
        kind: None,
        title: "",
        supplied_by: None,
        received_on: "",
    }
}

#[tokio::test]
async fn a_pdf_is_stored_whole_with_hash_text_and_guessed_kind() {
    let (db, dossier) = demo_db().await;
    let requester = party_id(&db, dossier, "requester").await;
    let mut new = doc(dossier, "klachtbrief.pdf", fixture!("klachtbrief.pdf"));
    new.supplied_by = Some(requester);
    new.received_on = "7-1-2019";
    let added = add_document(&db, &new, &actor()).await.unwrap();
    let source = &added.source;
    assert_eq!(
        source.kind,
        SourceKind::Letter,
        "a PDF is taken for a letter unless told otherwise"
    );
    assert_eq!(
        source.title, "klachtbrief.pdf",
        "the file name is the default title"
    );
    assert_eq!(source.received_on.as_deref(), Some("2019-01-07"));
    assert_eq!(
        source.supplied_by_name.as_deref(),
        Some("Noëlle van den Berg")
    );
    assert_eq!(source.size, Some(fixture!("klachtbrief.pdf").len() as i64));
    let detail = sources::detail(db.pool(), source.id).await.unwrap();
    assert!(detail
        .text
        .unwrap()
        .contains("Op 2 oktober 2018 heb ik het KCC gebeld"));
    let (bytes,): (Vec<u8>,) = sqlx::query_as("SELECT content FROM sources WHERE id = ?")
        .bind(source.id)
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(
        bytes,
        fixture!("klachtbrief.pdf"),
        "the original bytes are kept unchanged"
    );
    assert_eq!(
        wederhoor_store::audit::verify(db.pool())
            .await
            .unwrap()
            .first_break,
        None
    );
}

#[tokio::test]
async fn the_same_bytes_twice_are_noticed_and_not_stored_again() {
    let (db, dossier) = demo_db().await;
    let mut first = doc(dossier, "brief.pdf", fixture!("klachtbrief.pdf"));
    first.title = "Klachtbrief";
    add_document(&db, &first, &actor()).await.unwrap();
    let err = add_document(
        &db,
        &doc(dossier, "kopie.pdf", fixture!("klachtbrief.pdf")),
        &actor(),
    )
    .await
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "dit stuk is al toegevoegd als \"Klachtbrief\""
    );
}

#[tokio::test]
async fn empty_and_oversized_files_leave_the_database_as_it_was() {
    let (db, dossier) = demo_db().await;
    let before = all_counts(&db).await;
    let huge = vec![b'x'; wederhoor_extract::MAX_SOURCE_BYTES + 1];
    let cases: [(&str, &[u8]); 2] = [("leeg.txt", fixture!("leeg.txt")), ("groot.txt", &huge)];
    for (name, bytes) in cases {
        let err = add_document(&db, &doc(dossier, name, bytes), &actor())
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Unreadable(_)), "{name}: {err}");
        assert!(
            err.to_string().starts_with("het stuk is niet toegevoegd: "),
            "{name}: a Dutch sentence: {err}"
        );
    }
    assert_eq!(all_counts(&db).await, before, "nothing was written");
}

#[tokio::test]
async fn a_document_without_readable_text_is_kept_whole_with_the_reason() {
    // Nothing readable is refused and nothing is lost: a damaged PDF and a binary file are
    // stored with their hash, without text, and the reader says why.
    let (db, dossier) = demo_db().await;
    for (name, bytes, problem) in [
        ("kapot.pdf", b"%PDF-1.4 nothing else".as_slice(), "damaged"),
        ("binair.txt", fixture!("binair.txt"), "unsupported"),
    ] {
        let added = add_document(&db, &doc(dossier, name, bytes), &actor())
            .await
            .unwrap();
        assert_eq!(
            added.source.text_problem.as_deref(),
            Some(problem),
            "{name}"
        );
        assert!(!added.source.has_text, "{name}");
        assert_eq!(added.source.text_origin, None, "{name}");
        assert_eq!(
            added.source.size,
            Some(bytes.len() as i64),
            "{name}: kept whole"
        );
        let detail = sources::detail(db.pool(), added.source.id).await.unwrap();
        assert!(
            detail
                .reading_notes
                .iter()
                .any(|n| n.contains("het origineel is bewaard")),
            "{name}: {:?}",
            detail.reading_notes
        );
    }
}

#[tokio::test]
async fn a_supplier_from_another_dossier_is_refused() {
    let (db, dossier) = demo_db().await;
    let other = dossiers::create(&db, &form("Ander dossier", "1-1-2020"), today(), &actor())
        .await
        .unwrap();
    let mut new = doc(other.id, "notitie.txt", fixture!("telefoonnotitie.txt"));
    new.supplied_by = Some(party_id(&db, dossier, "requester").await);
    let Error::Invalid(fields) = add_document(&db, &new, &actor()).await.unwrap_err() else {
        panic!("field error expected")
    };
    assert_eq!(
        (fields[0].field.as_str(), fields[0].code),
        ("suppliedBy", FieldCode::UnknownParty)
    );
}

#[tokio::test]
async fn a_statement_from_a_selected_passage_quotes_the_source_exactly() {
    let (db, dossier) = demo_db().await;
    let added = add_document(
        &db,
        &doc(dossier, "notitie.txt", fixture!("telefoonnotitie.txt")),
        &actor(),
    )
    .await
    .unwrap();
    let text = sources::detail(db.pool(), added.source.id)
        .await
        .unwrap()
        .text
        .unwrap();
    let phrase = "vaker dan tien keer heeft gebeld";
    let start = text[..text.find(phrase).unwrap()].chars().count() as u32;
    let end = start + phrase.chars().count() as u32;
    let requester = party_id(&db, dossier, "requester").await;
    let excerpt = NewExcerpt {
        source_id: added.source.id,
        start_offset: start,
        end_offset: end,
    };
    let id = statements::create(&db, &claim(dossier, requester, Some(excerpt)), &actor())
        .await
        .unwrap();

    let detail = sources::detail(db.pool(), added.source.id).await.unwrap();
    assert_eq!(detail.excerpts.len(), 1);
    assert_eq!(
        detail.excerpts[0].quote, phrase,
        "the quote is cut from the stored text, not taken from the UI"
    );
    assert_eq!(detail.excerpts[0].statement_id, id);

    let view = side_by_side::side_by_side(&db, dossier).await.unwrap();
    let made = view.statements.iter().find(|s| s.id == id).unwrap();
    assert_eq!(
        made.side,
        Side::Citizen,
        "the requester's statement goes in the citizen's column"
    );
    assert_eq!(
        made.excerpt.as_ref().unwrap().quote,
        phrase,
        "it links to its passage"
    );
}

#[tokio::test]
async fn a_selection_outside_the_text_is_refused() {
    let (db, dossier) = demo_db().await;
    let added = add_document(
        &db,
        &doc(dossier, "notitie.txt", fixture!("telefoonnotitie.txt")),
        &actor(),
    )
    .await
    .unwrap();
    let requester = party_id(&db, dossier, "requester").await;
    let excerpt = NewExcerpt {
        source_id: added.source.id,
        start_offset: 100,
        end_offset: 100_000,
    };
    let Error::Invalid(fields) =
        statements::create(&db, &claim(dossier, requester, Some(excerpt)), &actor())
            .await
            .unwrap_err()
    else {
        panic!("field error expected")
    };
    assert_eq!(fields[0].code, FieldCode::OutOfRange);
}

#[tokio::test]
async fn the_side_by_side_view_orders_the_demo_on_one_axis() {
    let (db, dossier) = demo_db().await;
    let view = side_by_side::side_by_side(&db, dossier).await.unwrap();
    assert_eq!(view.statements.len(), 12);
    let starts: Vec<_> = view
        .statements
        .iter()
        .filter_map(|s| s.span_start.clone())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted, "dated statements are in time order");
    assert!(
        view.statements.last().unwrap().span_start.is_none(),
        "the undated statement comes last"
    );
    let records: Vec<_> = view
        .statements
        .iter()
        .filter(|s| s.side == Side::Body && s.kind == StatementKind::Record)
        .collect();
    assert_eq!(
        records.len(),
        2,
        "two registered contacts in the body's column"
    );
    let registered: u32 = view.weeks.iter().map(|w| w.registered).sum();
    let claimed: f64 = view.weeks.iter().map(|w| w.claimed).sum();
    assert_eq!(registered, 2);
    assert!(
        (claimed - 10.0).abs() < 1e-9,
        "at least ten claimed, spread over the weeks: {claimed}"
    );
    assert_eq!(view.conflicts.len(), 2);
}

#[tokio::test]
async fn marking_statements_as_conflicting_makes_an_open_conflict() {
    let (db, dossier) = demo_db().await;
    let citizen = first_statement(&db, dossier, Side::Citizen).await;
    let body = first_statement(&db, dossier, Side::Body).await;
    let input = NewConflict {
        dossier_id: dossier,
        title: "Doorverbinden".into(),
        kind: ConflictKind::Content,
        citizen: vec![citizen],
        body: vec![body],
    };
    let id = conflicts::create_open(&db, &input, &actor()).await.unwrap();
    let all = conflicts::list(&mut db.pool().acquire().await.unwrap(), dossier)
        .await
        .unwrap();
    let made = all.iter().find(|c| c.id == id).unwrap();
    assert_eq!(
        (made.citizen.clone(), made.body.clone()),
        (vec![citizen], vec![body])
    );
    assert_eq!(
        made.resolution,
        wederhoor_core::vocab::Resolution::Open,
        "a marked conflict starts open"
    );

    let same_side = NewConflict {
        citizen: vec![citizen],
        body: vec![citizen],
        ..input
    };
    assert!(matches!(
        conflicts::create_open(&db, &same_side, &actor()).await,
        Err(Error::Invalid(_))
    ));
}

#[tokio::test]
async fn search_folds_case_and_diacritics_across_sources_and_statements() {
    let (db, dossier) = demo_db().await;
    add_document(
        &db,
        &doc(dossier, "notitie.txt", fixture!("telefoonnotitie.txt")),
        &actor(),
    )
    .await
    .unwrap();
    let hits = search::search(&db, dossier, "COORDINATIE").await.unwrap();
    assert!(
        hits.iter()
            .any(|h| h.kind == SearchHitKind::Source && h.snippet.contains("[coördinatie]")),
        "{hits:?}"
    );
    let hits = search::search(&db, dossier, "tien kee").await.unwrap();
    assert!(
        hits.iter().any(|h| h.kind == SearchHitKind::Statement),
        "the last word is a prefix: {hits:?}"
    );
    let statement_hit = hits
        .iter()
        .find(|h| h.kind == SearchHitKind::Statement)
        .unwrap();
    assert!(
        statement_hit.source_id.is_some(),
        "a statement hit links to the source of its passage"
    );
    let other = dossiers::create(&db, &form("Leeg", "1-1-2020"), today(), &actor())
        .await
        .unwrap();
    assert!(
        search::search(&db, other.id, "coordinatie")
            .await
            .unwrap()
            .is_empty(),
        "search stays inside its dossier"
    );
    assert!(search::search(&db, dossier, "  ").await.unwrap().is_empty());
}

#[tokio::test]
async fn the_ui_view_passes_through_the_same_statements_and_chart_as_the_decoded_view() {
    // The UI's view skips decoding: it must carry exactly what the rules read, in axis order,
    // with each statement's first excerpt; a register import adds many dated records.
    let (db, dossier) = demo_db().await;
    let body = party_id(&db, dossier, "body").await;
    let csv = "Datum;Kanaal;Onderwerp;Notitie\n02-10-2018;Telefoon;Postadres;Belde\n03-10-2018;Balie;Postadres;Kwam langs\n";
    let meta = wederhoor_core::wire::RegisterImportMeta {
        dossier_id: dossier,
        party_id: body,
        file_name: "kcc.csv".into(),
        mapping: wederhoor_core::wire::RegisterMapping::parse_spec(
            "date=Datum,channel=Kanaal,topic=Onderwerp,text=Notitie",
        )
        .unwrap(),
        skip_bad_rows: false,
    };
    wederhoor_store::register::import(&db, &meta, csv.as_bytes(), &actor(), |_| {})
        .await
        .unwrap();

    // An undated statement: the axis is built in parts (the dated cut at a day, and the
    // undated), and the undated come last.
    let requester = party_id(&db, dossier, "requester").await;
    // A one-day range written before a plain day on that same day: they tie up to the `/` of
    // their dates, so the ids decide, in the store's index as in `sort_on_axis`.
    let mut one_day_range = claim(dossier, requester, None);
    one_day_range.date.kind = DateInputKind::Range;
    one_day_range.date.from = "9-10-2018".into();
    one_day_range.date.to = "9-10-2018".into();
    statements::create(&db, &one_day_range, &actor())
        .await
        .unwrap();
    let mut same_day = claim(dossier, requester, None);
    same_day.date.day = "9-10-2018".into();
    statements::create(&db, &same_day, &actor()).await.unwrap();
    let mut undated = claim(dossier, requester, None);
    undated.date.kind = DateInputKind::None;
    undated.date.day.clear();
    let undated_id = statements::create(&db, &undated, &actor()).await.unwrap();

    let decoded = side_by_side::side_by_side(&db, dossier).await.unwrap();
    let json = side_by_side::side_by_side_json(&db, dossier).await.unwrap();
    let view: wederhoor_core::wire::SideBySideView = serde_json::from_str(&json).unwrap();
    let passed = view.statements;
    let expected: Vec<wederhoor_core::wire::AxisStatement> =
        decoded.statements.iter().map(Into::into).collect();
    assert_eq!(
        passed, expected,
        "same statements, same order, each linked to the source of its first excerpt"
    );
    let mut ids: Vec<i64> = passed.iter().map(|s| s.id).collect();
    assert_eq!(
        passed.last().map(|s| s.id),
        Some(undated_id),
        "undated last"
    );
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids.len() as i64,
        table_count(&db, "statements").await,
        "both parts together hold every statement once"
    );
    assert!(passed.iter().filter(|s| s.source_id.is_some()).count() >= 14);
    assert_eq!(
        view.weeks, decoded.weeks,
        "the chart read from its own columns agrees"
    );
    assert_eq!(view.conflicts, decoded.conflicts);
    assert_eq!(view.parties, decoded.parties);
    let listed: Vec<(i64, Vec<i64>, Vec<i64>)> =
        conflicts::list(&mut db.pool().acquire().await.unwrap(), dossier)
            .await
            .unwrap()
            .into_iter()
            .map(|c| (c.id, c.citizen, c.body))
            .collect();
    let linked: Vec<(i64, Vec<i64>, Vec<i64>)> = view
        .conflicts
        .into_iter()
        .map(|c| (c.id, c.citizen, c.body))
        .collect();
    assert!(!listed.is_empty());
    assert_eq!(
        linked, listed,
        "the view links the conflicts as the conflict list has them"
    );
}

fn corpus(file: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/data/corpus")
            .join(file),
    )
    .unwrap()
}

/// Reads with OCR, as the app does (there in its helper process).
async fn add_read(
    db: &wederhoor_store::Db,
    dossier: i64,
    name: &str,
    bytes: &[u8],
) -> wederhoor_core::wire::SourceAdded {
    let reading = wederhoor_extract::read(name, bytes, &Default::default(), &mut |_| {});
    sources::add_document(db, &doc(dossier, name, bytes), &reading, &actor())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_scanned_letter_is_found_by_a_word_in_it() {
    // The scan has no text layer; OCR gives its words, and search finds the letter by one.
    if wederhoor_extract::ocr::check_available().is_err() {
        assert!(
            std::env::var_os("WEDERHOOR_REQUIRE_OCR").is_none(),
            "Tesseract is required here"
        );
        return;
    }
    let (db, dossier) = demo_db().await;
    let added = add_read(&db, dossier, "scan.png", &corpus("images/scan-bezwaar.png")).await;
    assert_eq!(
        added.source.text_origin,
        Some(wederhoor_core::vocab::TextOrigin::Ocr)
    );
    assert!(added.source.ocr_confidence.is_some_and(|c| c > 50.0));
    let hits = search::search(&db, dossier, "bezwaarschrift")
        .await
        .unwrap();
    assert!(
        hits.iter().any(|h| h.source_id == Some(added.source.id)),
        "{hits:?}"
    );
}

#[tokio::test]
async fn an_email_with_a_pdf_becomes_two_linked_sources_and_the_pdfs_words_are_found() {
    let (db, dossier) = demo_db().await;
    let added = add_read(
        &db,
        dossier,
        "brief.eml",
        &corpus("mail/bericht-als-bijlage.eml"),
    )
    .await;
    assert_eq!(added.attachments.len(), 1, "{:?}", added.attachments);
    let pdf = &added.attachments[0];
    assert_eq!(pdf.attached_to, Some(added.source.id));
    assert_eq!(pdf.media_type.as_deref(), Some("application/pdf"));
    assert_eq!(
        pdf.supplied_by, added.source.supplied_by,
        "it came from whoever sent the mail"
    );
    // A word only the PDF (attached to the forwarded mail inside) holds is found, in it.
    let hits = search::search(&db, dossier, "bomenkapverbod")
        .await
        .unwrap();
    assert!(hits.iter().any(|h| h.source_id == Some(pdf.id)), "{hits:?}");
    // Removing the mail is refused while its attachment refers to it.
    assert!(matches!(
        sources::remove(&db, added.source.id, &actor()).await,
        Err(Error::InUse { .. })
    ));
}

#[tokio::test]
async fn a_ligature_and_a_broken_word_are_found_as_plain_words() {
    // The stored text keeps the line break of "klacht-\nbehandeling"; the index joins it.
    let (db, dossier) = demo_db().await;
    let text = "De klacht-\nbehandeling was ofﬁcieel afgerond.".as_bytes();
    let added = add_read(&db, dossier, "notitie.txt", text).await;
    let detail = sources::detail(db.pool(), added.source.id).await.unwrap();
    assert!(detail.text.unwrap().contains("klacht-\nbehandeling"));
    for word in ["klachtbehandeling", "officieel"] {
        let hits = search::search(&db, dossier, word).await.unwrap();
        assert!(
            hits.iter().any(|h| h.source_id == Some(added.source.id)),
            "{word}: {hits:?}"
        );
    }
}

#[tokio::test]
async fn the_same_attachment_twice_in_one_mail_is_stored_once_and_said_so() {
    let (db, dossier) = demo_db().await;
    let part = |name: &str| {
        format!(
            "--b\r\nContent-Type: text/plain; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\r\nDe notitie van het gesprek.\r\n"
        )
    };
    let mail = format!(
        "From: A <a@voorbeeld.nl>\r\nTo: B <b@voorbeeld.nl>\r\nSubject: Twee keer\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nZie bijlagen.\r\n{}{}--b--\r\n",
        part("notitie.txt"),
        part("kopie.txt")
    );
    let added = add_read(&db, dossier, "twee.eml", mail.as_bytes()).await;
    assert_eq!(added.attachments.len(), 1, "{:?}", added.attachments);
    assert!(
        added.notes.iter().any(
            |n| n.contains("kopie.txt is hetzelfde bestand als \"notitie.txt\" in dit bericht")
        ),
        "{:?}",
        added.notes
    );
}
