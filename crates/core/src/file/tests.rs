use super::*;

const MINIMAL: &str = r#"{
  "format": "wederhoor-dossier/1",
  "dossier": { "reference": "2019-0117", "title": "Geen postadres", "ombudsman": "Gemeentelijke ombudsman",
    "bodies": ["Gemeente Voorbeeldstad"], "received_on": "2019-03-04", "status": "investigation",
    "keywords": [], "summary": "" },
  "parties": [
    { "id": "p1", "role": "requester", "name": "Lotte Verhoef", "pseudonym": "verzoekster", "aliases": [] },
    { "id": "p2", "role": "body", "name": "Gemeente Voorbeeldstad", "pseudonym": "de gemeente", "aliases": [] }
  ],
  "sources": [
    { "id": "s1", "kind": "phone_note", "title": "Notitie", "supplied_by": "p2", "received_on": null,
      "file_name": null, "media_type": null, "sha256": null, "content_base64": null, "text": "tekst" }
  ],
  "statements": [
    { "id": "st1", "party": "p1", "kind": "claim", "date": { "from": "2018-09-15", "to": "2018-12-20" },
      "topic": "postadres", "channel": "phone", "text": "Tien keer gebeld.",
      "quantity": { "at_least": 10, "unit": "contact" }, "excerpts": [] },
    { "id": "st2", "party": "p2", "kind": "record", "date": { "on": "2018-10-02T10:14" }, "topic": null,
      "channel": "phone", "text": "Vraag over postadres.", "quantity": null,
      "excerpts": [ { "source": "s1", "quote": "postadres", "page": null } ] }
  ],
  "complaint_points": [
    { "id": "k1", "number": 1, "text": "Niet geholpen.", "verdict": "geen_oordeel",
      "judgements": [ { "norm": "voortvarendheid", "outcome": "geen_oordeel", "considerations": "" } ] }
  ],
  "conflicts": [
    { "id": "c1", "title": "Aantal contacten", "kind": "count", "citizen": ["st1"], "body": ["st2"],
      "complaint_point": "k1", "both_sides_heard": true, "resolution": "not_establishable", "reasoning": "" }
  ],
  "recommendations": [], "reactions": [], "reports": []
}"#;

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    edit(&mut value);
    value.to_string()
}

fn error_of(json: &str) -> (String, String) {
    match DossierFile::parse(json) {
        Err(Error::InvalidFile { path, message }) => (path, message),
        other => panic!("expected a file error, got {other:?}"),
    }
}

#[test]
fn a_valid_file_parses_and_writes_back_the_same_content() {
    let file = DossierFile::parse(MINIMAL).expect("the minimal file is valid");
    let again = DossierFile::parse(&file.to_json()).expect("what we write, we read");
    assert_eq!(file, again, "writing then reading loses nothing");
    let written: serde_json::Value = serde_json::from_str(&file.to_json()).unwrap();
    let mut original: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    // A /1 file is written as /2, with the defaults of INTERFACES.md §1a.
    original["format"] = "wederhoor-dossier/2".into();
    original["dossier"]["kenbaarheid"] = "required".into();
    original["dossier"]["advisory_committee"] = false.into();
    original["parties"][0]["public_name"] = false.into();
    original["parties"][0]["acts_for"] = serde_json::Value::Null;
    original["parties"][1]["public_name"] = true.into();
    original["parties"][1]["acts_for"] = serde_json::Value::Null;
    original["sources"][0]["attached_to"] = serde_json::Value::Null;
    original["sources"][0]["text_origin"] = "extracted".into();
    original["events"] = serde_json::json!([]);
    assert_eq!(
        written, original,
        "every key is written, nulls included, so files diff cleanly; a person's name is not public, a body's is"
    );
}

#[test]
fn version_2_keys_are_read_and_checked() {
    let v2 = with(|v| {
        v["format"] = "wederhoor-dossier/2".into();
        v["parties"][0]["acts_for"] = "p2".into();
        v["events"] = serde_json::json!([
            { "id": "e1", "kind": "internal_complaint_extended", "on": "2018-08-01", "party": "p2",
              "due_on": "2018-09-12", "done_on": null, "weeks": 4, "source": "s1", "text": "" }
        ]);
    });
    let file = DossierFile::parse(&v2).expect("a partner of the body and a postponement are valid");
    assert_eq!(file.events.len(), 1);
    assert_eq!(
        DossierFile::parse(&file.to_json()).unwrap(),
        file,
        "events survive writing and reading"
    );
    let too_long = with(|v| {
        v["format"] = "wederhoor-dossier/2".into();
        v["events"] = serde_json::json!([
            { "id": "e1", "kind": "internal_complaint_extended", "on": "2018-08-01", "party": null,
              "due_on": null, "done_on": null, "weeks": 6, "source": null, "text": "" }
        ]);
    });
    assert_eq!(
        error_of(&too_long).0,
        "events[0].weeks",
        "9:11 lid 2 allows at most four weeks"
    );
    let acts_for_requester = with(|v| v["parties"][1]["acts_for"] = "p1".into());
    assert_eq!(
        error_of(&acts_for_requester).0,
        "parties[1].acts_for",
        "a partner acts for a body"
    );
    let self_attached = with(|v| v["sources"][0]["attached_to"] = "s1".into());
    assert_eq!(error_of(&self_attached).0, "sources[0].attached_to");
}

#[test]
fn a_dangling_party_reference_names_its_path() {
    let json = with(|v| v["statements"][1]["party"] = "p9".into());
    let (path, message) = error_of(&json);
    assert_eq!(path, "statements[1].party");
    assert!(
        message.contains("\"p9\""),
        "the message names the missing id: {message}"
    );
}

#[test]
fn an_unknown_norm_code_names_its_path() {
    let json = with(|v| v["complaint_points"][0]["judgements"][0]["norm"] = "snelheid".into());
    let (path, message) = error_of(&json);
    assert_eq!(path, "complaint_points[0].judgements[0].norm");
    assert!(message.contains("snelheid"));
}

#[test]
fn unknown_keys_and_vocabulary_values_are_errors_with_a_path() {
    let (path, _) = error_of(&with(|v| v["parties"][0]["nickname"] = "Lot".into()));
    assert_eq!(
        path, "parties[0].nickname",
        "an unknown key is not silently dropped"
    );
    let (path, message) = error_of(&with(|v| v["dossier"]["status"] = "done".into()));
    assert_eq!(path, "dossier.status");
    assert!(message.contains("niet toegestaan"), "{message}");
    let (path, _) = error_of(&with(|v| v["dossier"]["received_on"] = "2019-02-30".into()));
    assert_eq!(
        path, "dossier.received_on",
        "an impossible date is refused where it stands"
    );
}

#[test]
fn references_inside_conflicts_excerpts_and_reactions_are_checked() {
    assert_eq!(
        error_of(&with(|v| v["conflicts"][0]["body"][0] = "st7".into())).0,
        "conflicts[0].body[0]"
    );
    assert_eq!(
        error_of(&with(|v| v["conflicts"][0]["complaint_point"] = "k3".into())).0,
        "conflicts[0].complaint_point"
    );
    assert_eq!(
        error_of(&with(
            |v| v["statements"][1]["excerpts"][0]["source"] = "s5".into()
        ))
        .0,
        "statements[1].excerpts[0].source"
    );
    assert_eq!(
        error_of(&with(|v| v["sources"][0]["supplied_by"] = "p3".into())).0,
        "sources[0].supplied_by"
    );
}

#[test]
fn not_establishable_needs_both_sides_heard() {
    let (path, _) = error_of(&with(|v| {
        v["conflicts"][0]["both_sides_heard"] = false.into()
    }));
    assert_eq!(
        path, "conflicts[0].resolution",
        "DOMAIN.md §5b: geen oordeel only after confrontation"
    );
}

#[test]
fn duplicate_ids_and_wrong_format_are_refused() {
    assert_eq!(
        error_of(&with(|v| v["parties"][1]["id"] = "p1".into())).0,
        "parties[1].id"
    );
    assert_eq!(
        error_of(&with(|v| v["format"] = "wederhoor-dossier/3".into())).0,
        "format"
    );
    assert_eq!(
        error_of("{").0,
        "",
        "broken JSON is an error about the whole file"
    );
}

#[test]
fn source_content_must_match_its_hash() {
    let content = encode_content("Geachte heer, mevrouw".as_bytes());
    let good = sha256_hex("Geachte heer, mevrouw".as_bytes());
    let ok = with(|v| {
        v["sources"][0]["content_base64"] = content.clone().into();
        v["sources"][0]["sha256"] = good.clone().into();
    });
    assert!(DossierFile::parse(&ok).is_ok(), "matching hash is accepted");
    let bad = with(|v| {
        v["sources"][0]["content_base64"] = content.clone().into();
        v["sources"][0]["sha256"] = "00".repeat(32).into();
    });
    assert_eq!(
        error_of(&bad).0,
        "sources[0].sha256",
        "a changed document is noticed on import"
    );
}
