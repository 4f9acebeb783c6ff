//! `wederhoor check --today` and `wederhoor deadlines` on `/2` dossiers whose procedure is in
//! their `events`: the example of DOMAIN.md §3c (a complaint filed on Monday 2 July 2018 that
//! the body never decided) and promises kept and not kept.

use super::{scratch, stderr, stdout, wederhoor};
use serde_json::Value;
use std::path::Path;

/// A `/2` dossier with a requester (p1), a body (p2) and these events.
fn dossier(reference: &str, received_on: &str, events: Value) -> String {
    serde_json::json!({
        "format": "wederhoor-dossier/2",
        "dossier": { "reference": reference, "title": "Klacht over de afhandeling van een klacht",
            "ombudsman": "Gemeentelijke ombudsman Voorbeeldstad", "bodies": ["Gemeente Voorbeeldstad"],
            "received_on": received_on, "status": "investigation" },
        "parties": [
            { "id": "p1", "role": "requester", "name": "Zoë de Vries", "pseudonym": "verzoekster" },
            { "id": "p2", "role": "body", "name": "Gemeente Voorbeeldstad", "pseudonym": "de gemeente" }
        ],
        "sources": [], "statements": [], "complaint_points": [], "conflicts": [], "recommendations": [],
        "reactions": [], "reports": [],
        "events": events
    })
    .to_string()
}

fn event(id: &str, kind: &str, on: &str, party: &str) -> Value {
    serde_json::json!({ "id": id, "kind": kind, "on": on, "party": party,
        "due_on": null, "done_on": null, "weeks": null, "source": null, "text": "" })
}

fn import(db: &Path, dir: &Path, json: &str) {
    let file = dir.join("d.json");
    std::fs::write(&file, json).unwrap();
    let out = wederhoor(db, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

fn check(db: &Path, reference: &str, today: &str) -> Value {
    let out = wederhoor(db, &["check", reference, "--json", "--today", today]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn rules(check: &Value) -> Vec<String> {
    check["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap().to_string())
        .collect()
}

fn term<'a>(check: &'a Value, kind: &str) -> &'a Value {
    check["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} term in {check}"))
}

#[test]
fn an_undecided_complaint_of_2_july_2018_is_overrun_and_the_year_of_9_24_counts_from_its_end() {
    // DOMAIN.md §3c: six weeks from Monday 2 July 2018 end on Monday 13 August 2018; with no
    // decision, the year of 9:24 runs to 13 August 2019.
    for (received, late) in [
        ("2019-08-06", false),
        ("2019-08-12", false),
        ("2019-08-14", true),
    ] {
        let (dir, db) = scratch();
        let events = serde_json::json!([
            event("e1", "internal_complaint_filed", "2018-07-02", "p1"),
            event("e2", "request_received", received, "p1"),
        ]);
        import(&db, dir.path(), &dossier("2019-0042", received, events));
        let found = check(&db, "2019-0042", "2019-10-01");
        let handling = term(&found, "internal_handling");
        assert_eq!(handling["due_on"], "2018-08-13");
        assert_eq!(handling["state"], "overrun");
        // 13 August 2018 to 1 October 2019.
        assert_eq!(handling["days_overdue"], 414);
        assert_eq!(handling["weeks_overdue"], 59);
        let rules = rules(&found);
        assert!(rules.contains(&"procedure.internal_term_overrun".to_string()));
        assert_eq!(
            rules.contains(&"procedure.request_after_a_year".to_string()),
            late,
            "a request received {received} is {}more than a year after 13 August 2018",
            if late { "" } else { "not " }
        );
    }
}

#[test]
fn a_postponement_of_four_weeks_moves_the_term_to_10_september_2018() {
    let (dir, db) = scratch();
    let mut extended = event("e2", "internal_complaint_extended", "2018-08-01", "p2");
    extended["weeks"] = 4.into();
    let events = serde_json::json!([
        event("e1", "internal_complaint_filed", "2018-07-02", "p1"),
        extended,
        event("e3", "request_received", "2019-08-06", "p1"),
    ]);
    import(&db, dir.path(), &dossier("2019-0043", "2019-08-06", events));
    let found = check(&db, "2019-0043", "2019-10-01");
    assert_eq!(term(&found, "internal_handling")["due_on"], "2018-09-10");
    let text = stdout(&wederhoor(
        &db,
        &["check", "2019-0043", "--today", "2019-10-01"],
    ));
    assert!(
        text.contains("Awb 9:11") && text.contains("10 september 2018"),
        "the people's output names the article and the day in Dutch: {text}"
    );
}

#[test]
fn an_unkept_promise_past_its_day_is_a_deadline_and_a_kept_one_is_not() {
    let (dir, db) = scratch();
    let mut broken = event("e1", "promise", "2019-08-20", "p2");
    broken["due_on"] = "2019-08-23".into();
    broken["text"] = "De gemeente belt verzoekster deze week.".into();
    let mut kept = event("e2", "promise", "2019-08-20", "p2");
    kept["due_on"] = "2019-08-30".into();
    kept["done_on"] = "2019-08-28".into();
    import(
        &db,
        dir.path(),
        &dossier("2019-0044", "2019-08-01", serde_json::json!([broken, kept])),
    );
    // A second dossier with a term still running, to see the overdue one come first.
    let mut asked = event("e1", "information_requested", "2019-09-20", "p2");
    asked["due_on"] = "2019-10-04".into();
    let other = dossier("2019-0045", "2019-09-01", serde_json::json!([asked]))
        .replace("Klacht over de afhandeling van een klacht", "Andere klacht");
    import(&db, dir.path(), &other);

    let out = wederhoor(&db, &["deadlines", "--json", "--today", "2019-10-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let all: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = all["deadlines"].as_array().unwrap();
    assert_eq!(list.len(), 2, "the kept promise is no open term: {all}");
    assert_eq!(list[0]["reference"], "2019-0044", "overdue first");
    assert_eq!(list[0]["kind"], "promise");
    assert_eq!(list[0]["days_overdue"], 39);
    assert_eq!(list[0]["party"], "Gemeente Voorbeeldstad");
    assert_eq!(list[1]["reference"], "2019-0045");
    assert_eq!(list[1]["days_left"], 3);
    assert_eq!(
        (all["overdue"].as_u64(), all["this_week"].as_u64()),
        (Some(1), Some(1))
    );

    let soon = wederhoor(
        &db,
        &[
            "deadlines",
            "--json",
            "--within",
            "2",
            "--today",
            "2019-10-01",
        ],
    );
    let soon: Value = serde_json::from_str(&stdout(&soon)).unwrap();
    assert_eq!(
        soon["deadlines"].as_array().unwrap().len(),
        1,
        "--within 2 drops the term 3 days ahead and keeps the overdue one"
    );
    let bad = wederhoor(&db, &["deadlines", "--today", "1-10-2019"]);
    assert_eq!(bad.status.code(), Some(2), "--today takes an ISO day");
}
