//! The procedural findings.

use super::*;
use crate::checks::{CheckRef, Severity};
use crate::procedure::TermState;

/// The DOMAIN.md §3c example: filed 2 July 2018, no decision, request on `on`, judged on
/// 1 October 2019.
fn domain_example(on: NaiveDate) -> Vec<Check> {
    findings_on(
        &setting(),
        &[filed(day(2018, 7, 2)), request(5, on)],
        day(2019, 10, 1),
    )
}

#[test]
fn no_steps_at_all_is_one_info_finding() {
    // Without steps no term can be judged; that is worth knowing, nothing more.
    let checks = findings_on(&setting(), &[], day(2019, 10, 1));
    assert_eq!(rules_of(&checks), vec![CheckRule::ProcedureNotRecorded]);
    assert_eq!(checks[0].severity, Severity::Info);
    assert!(checks[0].message.contains("Awb 9:11 en 9:24"));
}

#[test]
fn the_domain_example_completely() {
    // 9:11 ended 13 August 2018; on 1 October 2019 that is 414 days (59 weeks) ago. The request
    // of 6 August 2019 is within the year that ran to 13 August 2019.
    let steps = [filed(day(2018, 7, 2)), request(5, day(2019, 8, 6))];
    let terms = terms_on(&setting(), &steps, day(2019, 10, 1));
    let internal = only(&terms, TermKind::InternalHandling);
    assert_eq!(
        internal.state,
        TermState::Overrun {
            days: (day(2019, 10, 1) - day(2018, 8, 13)).num_days(),
            weeks: 59,
            done_on: None
        }
    );
    assert!(matches!(
        internal.state,
        TermState::Overrun { days: 414, .. }
    ));
    assert_eq!(
        only(&terms, TermKind::RequestYear).state,
        TermState::Met {
            on: day(2019, 8, 6)
        }
    );
    let checks = super::super::findings(&setting(), &steps, &terms, day(2019, 10, 1));
    assert_eq!(rules_of(&checks), vec![CheckRule::InternalTermOverrun]);
    assert_eq!(checks[0].severity, Severity::Warning);
    assert_eq!(
        checks[0].message,
        "De instantie heeft de klacht van 2 juli 2018 niet binnen de termijn van Awb 9:11 afgehandeld: die liep af op 13 augustus 2018 en is op 1 oktober 2019 414 dagen (59 weken) overschreden."
    );
    assert_eq!(checks[0].refs, vec![CheckRef::Term { term: internal }]);
}

#[test]
fn a_request_after_the_year_is_flagged_one_within_it_not() {
    // DOMAIN.md §3c: 14 August 2019 is a day late, 12 and 13 August are in time.
    let late = domain_example(day(2019, 8, 14));
    assert_eq!(
        rules_of(&late),
        vec![CheckRule::InternalTermOverrun, CheckRule::RequestAfterAYear]
    );
    let year = &late[1];
    assert_eq!(year.severity, Severity::Warning);
    assert_eq!(
        year.message,
        "Het verzoek is op 14 augustus 2019 ontvangen, meer dan een jaar nadat de instantie de klacht uiterlijk op 13 augustus 2018 had moeten afhandelen (Awb 9:11): het jaar van Awb 9:24 liep tot en met 13 augustus 2019 en is 1 dag overschreden, dus de ombudsman is niet verplicht het verzoek te behandelen."
    );
    for on in [day(2019, 8, 12), day(2019, 8, 13)] {
        assert_eq!(
            rules_of(&domain_example(on)),
            vec![CheckRule::InternalTermOverrun]
        );
    }
}

#[test]
fn a_decision_late_is_an_overrun_too() {
    let checks = findings_on(
        &setting(),
        &[filed(day(2018, 7, 2)), decided(2, day(2018, 10, 1))],
        day(2019, 10, 1),
    );
    assert_eq!(rules_of(&checks), vec![CheckRule::InternalTermOverrun]);
    assert!(checks[0]
        .message
        .ends_with("die liep af op 13 augustus 2018 en de beslissing kwam op 1 oktober 2018, 49 dagen (7 weken) te laat."));
}

#[test]
fn a_term_still_running_or_met_is_no_finding() {
    let running = findings_on(&setting(), &[filed(day(2018, 7, 2))], day(2018, 8, 13));
    assert!(running.is_empty(), "{running:?}");
    let met = findings_on(
        &setting(),
        &[filed(day(2018, 7, 2)), decided(2, day(2018, 8, 13))],
        day(2019, 10, 1),
    );
    assert!(met.is_empty(), "{met:?}");
}

#[test]
fn a_postponement_of_four_weeks_is_no_finding() {
    // The term now ends 10 September 2018; a decision on that day is in time.
    let checks = findings_on(
        &setting(),
        &[
            filed(day(2018, 7, 2)),
            extended(2, day(2018, 8, 1), 4),
            decided(3, day(2018, 9, 10)),
        ],
        day(2019, 10, 1),
    );
    assert!(checks.is_empty(), "{checks:?}");
}

#[test]
fn a_postponement_of_five_weeks_is_too_long() {
    // 9:11 lid 2: one postponement of at most four weeks. Counted as four, the decision on
    // 17 September 2018 (in time by the five weeks) is a week late.
    let ext = extended(2, day(2018, 8, 1), 5);
    let checks = findings_on(
        &setting(),
        &[
            filed(day(2018, 7, 2)),
            ext.clone(),
            decided(3, day(2018, 9, 17)),
        ],
        day(2019, 10, 1),
    );
    assert_eq!(
        rules_of(&checks),
        vec![
            CheckRule::InternalTermOverrun,
            CheckRule::PostponementTooLong
        ]
    );
    let too_long = &checks[1];
    assert_eq!(too_long.severity, Severity::Warning);
    assert!(too_long
        .message
        .contains("9:11 lid 2 staat één verdaging van ten hoogste vier weken toe"));
    assert!(too_long.message.contains("met 5 weken verdaagd"));
    assert_eq!(
        too_long.refs[0],
        CheckRef::Step {
            id: 2,
            step: EventKind::InternalComplaintExtended,
            on: ext.on
        }
    );
    assert!(
        matches!(&too_long.refs[1], CheckRef::Term { term } if term.due_on == day(2018, 9, 10))
    );
}

#[test]
fn a_second_postponement_needs_the_complainants_consent() {
    // 9:11 lid 2: further delay only with written consent; the investigator checks.
    let checks = findings_on(
        &setting(),
        &[
            filed(day(2018, 7, 2)),
            extended(2, day(2018, 8, 1), 4),
            extended(3, day(2018, 9, 3), 2),
            decided(4, day(2018, 9, 24)),
        ],
        day(2019, 10, 1),
    );
    assert_eq!(rules_of(&checks), vec![CheckRule::FurtherPostponement]);
    assert_eq!(checks[0].severity, Severity::Info);
    assert!(checks[0]
        .message
        .contains("alleen toe met schriftelijke instemming van de klager"));
    assert!(checks[0]
        .message
        .contains("op 3 september 2018 nogmaals verdaagd, met 2 weken"));
}

#[test]
fn a_request_without_the_required_internal_complaint() {
    // Awb 9:20: first complain to the body itself.
    let checks = findings_on(&setting(), &[request(5, day(2019, 8, 6))], day(2019, 10, 1));
    assert_eq!(rules_of(&checks), vec![CheckRule::NoInternalComplaint]);
    assert_eq!(checks[0].severity, Severity::Warning);
    assert!(checks[0].message.contains("Awb 9:20"));
    // Not when kenbaarheid is not required; the year then runs from the conduct.
    let free = Setting {
        kenbaarheid: Kenbaarheid::NotRequired,
        conduct: Some((day(2019, 1, 1), day(2019, 3, 1))),
        ..setting()
    };
    let checks = findings_on(&free, &[request(5, day(2019, 8, 6))], day(2019, 10, 1));
    assert!(checks.is_empty(), "{checks:?}");
    let late = findings_on(&free, &[request(5, day(2020, 3, 3))], day(2020, 3, 3));
    assert_eq!(rules_of(&late), vec![CheckRule::RequestAfterAYear]);
    assert!(late[0]
        .message
        .contains("na de gedraging, waarvan de laatste dag 1 maart 2019 is"));
}

#[test]
fn conduct_more_than_a_year_before_the_complaint() {
    // Awb 9:8 lid 1 sub b: more than a year. Exactly a year is not more.
    let with_conduct = |first| Setting {
        conduct: Some((first, day(2018, 6, 1))),
        ..setting()
    };
    let judge = |first, filing| findings_on(&with_conduct(first), &[filed(filing)], filing);
    let old = judge(day(2017, 7, 1), day(2018, 7, 2));
    assert_eq!(rules_of(&old), vec![CheckRule::ConductOverAYearOld]);
    assert_eq!(old[0].severity, Severity::Info);
    assert_eq!(
        old[0].message,
        "De klacht van 2 juli 2018 gaat mogelijk over een gedraging van meer dan een jaar eerder: de vroegste gedateerde verklaring in het dossier is van 1 juli 2017. Voor zo'n gedraging was de instantie niet verplicht de klacht te behandelen (Awb 9:8 lid 1 sub b); ga na waarover de klacht gaat."
    );
    assert!(judge(day(2017, 7, 2), day(2018, 7, 2)).is_empty());
    // A year from 28 February 2023 ends 28 February 2024; 29 February is a day more.
    assert_eq!(
        rules_of(&judge(day(2023, 2, 28), day(2024, 2, 29))),
        vec![CheckRule::ConductOverAYearOld]
    );
    assert!(judge(day(2023, 2, 28), day(2024, 2, 28)).is_empty());
}

#[test]
fn a_term_the_ombudsman_set_overrun_still_open_or_done_late() {
    let asked = |done| {
        with_term(
            3,
            EventKind::InformationRequested,
            day(2019, 8, 10),
            day(2019, 8, 24),
            done,
        )
    };
    let open = findings_on(&setting(), &[asked(None)], day(2019, 10, 1));
    assert_eq!(rules_of(&open), vec![CheckRule::TermOverrun]);
    assert_eq!(open[0].severity, Severity::Warning);
    assert_eq!(
        open[0].message,
        "De termijn voor de informatie die op 10 augustus 2019 is gevraagd (Awb 9:31) liep af op 24 augustus 2019 en is op 1 oktober 2019 38 dagen (5 weken) overschreden; het is nog niet binnengekomen."
    );
    let late = findings_on(
        &setting(),
        &[asked(Some(day(2019, 8, 30)))],
        day(2019, 10, 1),
    );
    assert_eq!(
        late[0].message,
        "De termijn voor de informatie die op 10 augustus 2019 is gevraagd (Awb 9:31) liep af op 24 augustus 2019 en is 6 dagen overschreden: het is pas op 30 augustus 2019 binnengekomen."
    );
    let in_time = findings_on(
        &setting(),
        &[asked(Some(day(2019, 8, 24)))],
        day(2019, 10, 1),
    );
    assert!(in_time.is_empty());
    // Another step's term names the step.
    let hearing = with_term(
        6,
        EventKind::Hearing,
        day(2019, 8, 1),
        day(2019, 8, 15),
        None,
    );
    let other = findings_on(&setting(), &[hearing], day(2019, 8, 16));
    assert_eq!(rules_of(&other), vec![CheckRule::TermOverrun]);
    assert!(other[0]
        .message
        .starts_with("De termijn voor de stap \"hoorzitting\" van 1 augustus 2019"));
}

#[test]
fn a_promise_broken_or_kept_late() {
    let promise = |done| {
        with_term(
            4,
            EventKind::Promise,
            day(2019, 8, 20),
            day(2019, 8, 23),
            done,
        )
    };
    let broken = findings_on(&setting(), &[promise(None)], day(2019, 10, 1));
    assert_eq!(rules_of(&broken), vec![CheckRule::PromiseBroken]);
    assert_eq!(broken[0].severity, Severity::Warning);
    assert_eq!(
        broken[0].message,
        "De toezegging van 20 augustus 2019, na te komen uiterlijk 23 augustus 2019, is op 1 oktober 2019 nog niet nagekomen, 39 dagen (5 weken) na die dag."
    );
    let late = findings_on(
        &setting(),
        &[promise(Some(day(2019, 8, 30)))],
        day(2019, 10, 1),
    );
    assert_eq!(
        late[0].message,
        "De toezegging van 20 augustus 2019, na te komen uiterlijk 23 augustus 2019, is pas op 30 augustus 2019 nagekomen, 7 dagen (1 week) te laat."
    );
    // Kept on its day: nothing to say.
    assert!(findings_on(
        &setting(),
        &[promise(Some(day(2019, 8, 23)))],
        day(2019, 10, 1)
    )
    .is_empty());
    // Not yet due: nothing either.
    assert!(findings_on(&setting(), &[promise(None)], day(2019, 8, 23)).is_empty());
}

#[test]
fn most_serious_first_and_never_an_error() {
    // A procedure fact never blocks a final rapport: warnings before information, no errors.
    let conduct = Setting {
        conduct: Some((day(2017, 1, 1), day(2018, 6, 1))),
        ..setting()
    };
    let steps = [
        filed(day(2018, 7, 2)),
        extended(2, day(2018, 8, 1), 5),
        extended(3, day(2018, 9, 3), 2),
        request(5, day(2019, 12, 1)),
        with_term(
            6,
            EventKind::Promise,
            day(2019, 8, 20),
            day(2019, 8, 23),
            None,
        ),
    ];
    let checks = findings_on(&conduct, &steps, day(2020, 1, 6));
    let severities: Vec<Severity> = checks.iter().map(|c| c.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by_key(|s| std::cmp::Reverse(*s));
    assert_eq!(severities, sorted);
    assert!(!severities.contains(&Severity::Error));
    assert_eq!(
        rules_of(&checks),
        vec![
            CheckRule::InternalTermOverrun,
            CheckRule::PostponementTooLong,
            CheckRule::PromiseBroken,
            CheckRule::RequestAfterAYear,
            CheckRule::ConductOverAYearOld,
            CheckRule::FurtherPostponement,
        ]
    );
}

#[test]
fn the_procedure_rules_keep_their_codes_on_the_wire() {
    for rule in [
        CheckRule::ProcedureNotRecorded,
        CheckRule::InternalTermOverrun,
        CheckRule::PostponementTooLong,
        CheckRule::FurtherPostponement,
        CheckRule::RequestAfterAYear,
        CheckRule::NoInternalComplaint,
        CheckRule::ConductOverAYearOld,
        CheckRule::TermOverrun,
        CheckRule::PromiseBroken,
    ] {
        assert_eq!(serde_json::to_value(rule).unwrap(), rule.code());
        assert!(rule.code().starts_with("procedure."));
    }
}
