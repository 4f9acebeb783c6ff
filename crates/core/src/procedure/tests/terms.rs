//! The terms: 9:11, 9:24 and the terms the ombudsman or a promise set.

use super::*;
use crate::procedure::TermState;

/// The 9:11 term of a complaint filed on `on`, with more steps, judged on `today`.
fn internal(setting: &Setting, steps: &[Step], today: NaiveDate) -> Term {
    only(&terms_on(setting, steps, today), TermKind::InternalHandling)
}

fn due_of_filing(on: NaiveDate) -> NaiveDate {
    internal(&setting(), &[filed(on)], on).due_on
}

#[test]
fn six_weeks_from_monday_2_july_2018_end_on_monday_13_august() {
    // DOMAIN.md §3c.
    let term = internal(&setting(), &[filed(day(2018, 7, 2))], day(2018, 7, 3));
    assert_eq!(term.starts_on, day(2018, 7, 2));
    assert_eq!(term.due_on, day(2018, 8, 13));
    assert_eq!(term.article, "Awb 9:11");
    assert_eq!(term.basis, "6 weken na 2 juli 2018");
    assert_eq!(term.step, Some(1));
    assert_eq!(
        term.party, None,
        "the filing's party is the citizen, not the body"
    );
    assert!(term.open);
}

#[test]
fn the_day_before_of_and_after_the_end() {
    // The term runs through its last day; the next day it is overrun by one.
    let steps = [filed(day(2018, 7, 2))];
    let on = |today| internal(&setting(), &steps, today).state;
    assert_eq!(on(day(2018, 8, 12)), TermState::Running { days_left: 1 });
    assert_eq!(on(day(2018, 8, 13)), TermState::Running { days_left: 0 });
    assert_eq!(
        on(day(2018, 8, 14)),
        TermState::Overrun {
            days: 1,
            weeks: 0,
            done_on: None
        }
    );
    assert!(internal(&setting(), &steps, day(2018, 8, 14)).overdue());
}

#[test]
fn a_decision_on_the_last_day_is_in_time_the_next_day_late() {
    let today = day(2019, 1, 1);
    let on_time = internal(
        &setting(),
        &[filed(day(2018, 7, 2)), decided(2, day(2018, 8, 13))],
        today,
    );
    assert_eq!(
        on_time.state,
        TermState::Met {
            on: day(2018, 8, 13)
        }
    );
    assert!(!on_time.open);
    assert_eq!(on_time.party, Some(BODY), "the party of the decision");
    let late = internal(
        &setting(),
        &[filed(day(2018, 7, 2)), decided(2, day(2018, 8, 14))],
        today,
    );
    assert_eq!(
        late.state,
        TermState::Overrun {
            days: 1,
            weeks: 0,
            done_on: Some(day(2018, 8, 14))
        }
    );
    assert!(!late.open && !late.overdue());
}

#[test]
fn a_postponement_of_four_weeks_ends_on_10_september_2018() {
    // DOMAIN.md §3c: 6 + 4 weeks from 2 July 2018.
    let term = internal(
        &setting(),
        &[filed(day(2018, 7, 2)), extended(2, day(2018, 8, 1), 4)],
        day(2018, 8, 2),
    );
    assert_eq!(term.due_on, day(2018, 9, 10));
    assert_eq!(term.basis, "6 weken na 2 juli 2018, verdaagd met 4 weken");
    assert_eq!(term.party, Some(BODY), "the party that postponed");
}

#[test]
fn a_postponement_of_five_weeks_counts_for_four() {
    // 9:11 lid 2 allows at most four weeks; the rest is flagged by the findings.
    let term = internal(
        &setting(),
        &[filed(day(2018, 7, 2)), extended(2, day(2018, 8, 1), 5)],
        day(2018, 8, 2),
    );
    assert_eq!(term.due_on, day(2018, 9, 10));
    assert!(term
        .basis
        .contains("verdaagd met 5 weken, waarvan 4 geteld"));
}

#[test]
fn a_first_postponement_without_weeks_counts_for_the_four_allowed() {
    // The body gets the benefit of the doubt; a further one without weeks counts for none.
    let mut first = extended(2, day(2018, 8, 1), 0);
    first.weeks = None;
    let mut second = extended(3, day(2018, 9, 1), 0);
    second.weeks = None;
    let term = internal(
        &setting(),
        &[filed(day(2018, 7, 2)), first, second],
        day(2018, 8, 2),
    );
    assert_eq!(term.due_on, day(2018, 9, 10));
}

#[test]
fn a_second_postponement_is_counted_as_announced() {
    // Further delay needs the complainant's consent (a finding), but the body did announce it.
    let term = internal(
        &setting(),
        &[
            filed(day(2018, 7, 2)),
            extended(3, day(2018, 9, 3), 2),
            extended(2, day(2018, 8, 1), 4),
        ],
        day(2018, 8, 2),
    );
    // 6 + 4 + 2 weeks, whatever order the steps were recorded in.
    assert_eq!(term.due_on, day(2018, 9, 24));
    assert_eq!(
        term.basis,
        "6 weken na 2 juli 2018, verdaagd met 4 weken, nogmaals verdaagd met 2 weken"
    );
}

#[test]
fn a_postponement_or_decision_before_the_filing_does_not_count() {
    let term = internal(
        &setting(),
        &[
            extended(2, day(2018, 6, 1), 4),
            decided(3, day(2018, 6, 2)),
            filed(day(2018, 7, 2)),
        ],
        day(2018, 8, 2),
    );
    assert_eq!(term.due_on, day(2018, 8, 13));
    assert!(term.open);
}

#[test]
fn ten_weeks_with_an_advisory_committee() {
    // 9:11 lid 1: ten weeks from 2 July 2018 is 10 September 2018.
    let committee = Setting {
        advisory_committee: true,
        ..setting()
    };
    let term = internal(&committee, &[filed(day(2018, 7, 2))], day(2018, 7, 3));
    assert_eq!(term.due_on, day(2018, 9, 10));
    assert_eq!(
        term.basis,
        "10 weken na 2 juli 2018 (klachtadviescommissie)"
    );
    let postponed = internal(
        &committee,
        &[filed(day(2018, 7, 2)), extended(2, day(2018, 9, 1), 4)],
        day(2018, 7, 3),
    );
    assert_eq!(postponed.due_on, day(2018, 10, 8), "10 + 4 weeks");
}

#[test]
fn the_first_filing_starts_the_term() {
    let mut later = filed(day(2018, 9, 1));
    later.id = 7;
    let term = internal(
        &setting(),
        &[later, filed(day(2018, 7, 2))],
        day(2018, 7, 3),
    );
    assert_eq!(term.step, Some(1));
    assert_eq!(term.due_on, day(2018, 8, 13));
}

#[test]
fn a_term_ending_on_a_saturday_runs_to_monday() {
    // Filed Saturday 2 July 2022: six weeks end Saturday 13 August.
    let term = internal(&setting(), &[filed(day(2022, 7, 2))], day(2022, 7, 3));
    assert_eq!(term.due_on, day(2022, 8, 15));
    assert_eq!(
        term.basis,
        "6 weken na 2 juli 2022; 13 augustus 2022 is een zaterdag, dus loopt de termijn door tot de eerstvolgende werkdag, 15 augustus 2022"
    );
}

#[test]
fn a_term_ending_on_koningsdag_runs_to_the_next_working_day() {
    // 27 April 2023 is a Thursday: to Friday the 28th.
    assert_eq!(due_of_filing(day(2023, 3, 16)), day(2023, 4, 28));
    // 2025: Koningsdag is Saturday 26 April (the 27th is a Sunday): to Monday the 28th.
    let term = internal(&setting(), &[filed(day(2025, 3, 15))], day(2025, 3, 16));
    assert_eq!(term.due_on, day(2025, 4, 28));
    assert!(
        term.basis.contains("26 april 2025 is Koningsdag"),
        "{}",
        term.basis
    );
}

#[test]
fn a_term_ending_on_tweede_paasdag_runs_to_tuesday() {
    assert_eq!(due_of_filing(day(2024, 2, 19)), day(2024, 4, 2));
    let term = internal(&setting(), &[filed(day(2025, 3, 10))], day(2025, 3, 11));
    assert_eq!(term.due_on, day(2025, 4, 22));
    assert!(term.basis.contains("21 april 2025 is tweede Paasdag"));
}

#[test]
fn terms_around_the_year_end() {
    // 31 December is a working day (Tuesday in 2019): the term stays.
    assert_eq!(due_of_filing(day(2019, 11, 19)), day(2019, 12, 31));
    // Eerste and tweede Kerstdag: to Friday 27 December.
    assert_eq!(due_of_filing(day(2019, 11, 13)), day(2019, 12, 27));
    // Nieuwjaarsdag: to 2 January.
    assert_eq!(due_of_filing(day(2019, 11, 20)), day(2020, 1, 2));
}

#[test]
fn a_term_ending_on_goede_vrijdag_stays() {
    // Good Friday 18 April 2025 is no holiday of the Algemene termijnenwet.
    assert_eq!(due_of_filing(day(2025, 3, 7)), day(2025, 4, 18));
}

#[test]
fn six_weeks_over_february_of_a_leap_year() {
    // 1 February 2024 + 42 days crosses 29 February: 14 March; in 2023 15 March.
    assert_eq!(due_of_filing(day(2024, 2, 1)), day(2024, 3, 14));
    assert_eq!(due_of_filing(day(2023, 2, 1)), day(2023, 3, 15));
}

/// The 9:24 term of the DOMAIN example (filed 2 July 2018, no decision), request on `on`.
fn request_year(on: NaiveDate) -> Term {
    let steps = [filed(day(2018, 7, 2)), request(5, on)];
    only(
        &terms_on(&setting(), &steps, day(2019, 10, 1)),
        TermKind::RequestYear,
    )
}

#[test]
fn without_a_decision_the_year_runs_from_the_end_of_the_9_11_term() {
    // DOMAIN.md §3c: the year runs to 13 August 2019.
    let term = request_year(day(2019, 8, 13));
    assert_eq!(term.starts_on, day(2018, 8, 13));
    assert_eq!(term.due_on, day(2019, 8, 13));
    assert_eq!(
        term.state,
        TermState::Met {
            on: day(2019, 8, 13)
        }
    );
    assert_eq!(term.step, Some(5), "the request it judges");
    assert!(!term.open, "9:24 judges a step already taken");
    assert!(term
        .basis
        .starts_with("een jaar na 13 augustus 2018, het einde van de termijn van Awb 9:11"));
}

#[test]
fn a_request_the_day_after_the_year_is_overrun_by_one_day() {
    // DOMAIN.md §3c: 14 August 2019 may be refused, 12 August 2019 not.
    assert_eq!(
        request_year(day(2019, 8, 14)).state,
        TermState::Overrun {
            days: 1,
            weeks: 0,
            done_on: Some(day(2019, 8, 14))
        }
    );
    assert_eq!(
        request_year(day(2019, 8, 12)).state,
        TermState::Met {
            on: day(2019, 8, 12)
        }
    );
}

#[test]
fn after_a_decision_the_year_runs_from_the_decision() {
    // Decided Friday 17 August 2018: a year later is a Saturday, so Monday 19 August 2019.
    let steps = |on| {
        [
            filed(day(2018, 7, 2)),
            decided(2, day(2018, 8, 17)),
            request(5, on),
        ]
    };
    let term = only(
        &terms_on(&setting(), &steps(day(2019, 8, 19)), day(2019, 10, 1)),
        TermKind::RequestYear,
    );
    assert_eq!(term.starts_on, day(2018, 8, 17));
    assert_eq!(term.due_on, day(2019, 8, 19));
    assert_eq!(
        term.state,
        TermState::Met {
            on: day(2019, 8, 19)
        }
    );
    assert!(term.basis.starts_with("een jaar na de beslissing op de klacht van 17 augustus 2018; 17 augustus 2019 is een zaterdag"));
    let late = only(
        &terms_on(&setting(), &steps(day(2019, 8, 20)), day(2019, 10, 1)),
        TermKind::RequestYear,
    );
    assert!(matches!(late.state, TermState::Overrun { days: 1, .. }));
}

#[test]
fn a_decision_after_the_request_does_not_restart_the_year() {
    // At the request the handling had not ended but should have: the year runs from the 9:11
    // end (13 August 2018), not from a decision that came later.
    let steps = [
        filed(day(2018, 7, 2)),
        request(5, day(2019, 9, 2)),
        decided(2, day(2019, 9, 20)),
    ];
    let term = only(
        &terms_on(&setting(), &steps, day(2019, 10, 1)),
        TermKind::RequestYear,
    );
    assert_eq!(term.due_on, day(2019, 8, 13));
    assert!(matches!(term.state, TermState::Overrun { days: 20, .. }));
}

#[test]
fn without_kenbaarheid_the_year_runs_from_the_conduct() {
    // 9:24: a year after the conduct's last day, 1 March 2019; 1 March 2020 is a Sunday.
    let free = Setting {
        kenbaarheid: Kenbaarheid::NotRequired,
        conduct: Some((day(2019, 1, 1), day(2019, 3, 1))),
        ..setting()
    };
    let term = |on| {
        only(
            &terms_on(&free, &[request(5, on)], on),
            TermKind::RequestYear,
        )
    };
    let in_time = term(day(2020, 3, 2));
    assert_eq!(in_time.starts_on, day(2019, 3, 1));
    assert_eq!(in_time.due_on, day(2020, 3, 2));
    assert_eq!(
        in_time.state,
        TermState::Met {
            on: day(2020, 3, 2)
        }
    );
    assert!(matches!(
        term(day(2020, 3, 3)).state,
        TermState::Overrun { days: 1, .. }
    ));
    // Without a dated conduct there is nothing to count from.
    let undated = Setting {
        conduct: None,
        ..free
    };
    assert!(terms_on(&undated, &[request(5, day(2020, 3, 2))], day(2020, 3, 2)).is_empty());
}

#[test]
fn no_year_without_a_request_or_without_the_required_complaint() {
    // Nothing to judge without a request; with kenbaarheid required, nothing to count from
    // without the complaint (that is a finding of 9:20).
    let only_filing = terms_on(&setting(), &[filed(day(2018, 7, 2))], day(2019, 10, 1));
    assert_eq!(only_filing.len(), 1);
    assert!(terms_on(&setting(), &[request(5, day(2019, 8, 6))], day(2019, 10, 1)).is_empty());
}

#[test]
fn a_term_the_ombudsman_set_is_the_date_given() {
    // 24 August 2019 is a Saturday; a term the ombudsman sets is not moved.
    let asked = with_term(
        3,
        EventKind::InformationRequested,
        day(2019, 8, 10),
        day(2019, 8, 24),
        Some(day(2019, 8, 20)),
    );
    let term = only(
        &terms_on(&setting(), &[asked], day(2019, 10, 1)),
        TermKind::Information,
    );
    assert_eq!(term.due_on, day(2019, 8, 24));
    assert_eq!(term.article, "Awb 9:31");
    assert_eq!(
        term.basis,
        "gesteld op 10 augustus 2019: antwoord uiterlijk 24 augustus 2019"
    );
    assert_eq!(
        term.state,
        TermState::Met {
            on: day(2019, 8, 20)
        }
    );
    assert_eq!(
        (term.step, term.party, term.open),
        (Some(3), Some(BODY), false)
    );
}

#[test]
fn each_kind_of_step_gives_its_kind_of_term() {
    let due = day(2019, 9, 1);
    let kinds = [
        (EventKind::FindingsSent, TermKind::FindingsReaction),
        (EventKind::ReportSent, TermKind::RecommendationsAnswer),
        (EventKind::Promise, TermKind::Promise),
        (EventKind::Hearing, TermKind::Other),
        (EventKind::Other, TermKind::Other),
    ];
    for (kind, expected) in kinds {
        let step = with_term(3, kind, day(2019, 8, 1), due, None);
        let terms = terms_on(&setting(), &[step], day(2019, 8, 2));
        assert_eq!(terms.len(), 1);
        assert_eq!(terms[0].kind, expected, "{kind:?}");
        assert_eq!(terms[0].state, TermState::Running { days_left: 30 });
    }
}

#[test]
fn due_on_of_a_filing_or_request_is_no_term_of_its_own() {
    // Their terms come from the law (9:11, 9:24).
    let mut filing = filed(day(2018, 7, 2));
    filing.due_on = Some(day(2018, 7, 9));
    let mut asked = request(5, day(2019, 8, 6));
    asked.due_on = Some(day(2019, 8, 9));
    let kinds: Vec<TermKind> = terms_on(&setting(), &[filing, asked], day(2019, 10, 1))
        .iter()
        .map(|t| t.kind)
        .collect();
    assert_eq!(
        kinds,
        vec![TermKind::InternalHandling, TermKind::RequestYear]
    );
}

#[test]
fn a_promise_kept_late_in_time_or_not_at_all() {
    let promise = |done| {
        with_term(
            4,
            EventKind::Promise,
            day(2019, 8, 20),
            day(2019, 8, 23),
            done,
        )
    };
    let judge = |done| {
        only(
            &terms_on(&setting(), &[promise(done)], day(2019, 10, 1)),
            TermKind::Promise,
        )
    };
    // Kept a week late: overrun, with the day it was kept.
    let late = judge(Some(day(2019, 8, 30)));
    assert_eq!(
        late.state,
        TermState::Overrun {
            days: 7,
            weeks: 1,
            done_on: Some(day(2019, 8, 30))
        }
    );
    assert!(!late.overdue() && !late.open);
    assert_eq!(
        late.basis,
        "toegezegd op 20 augustus 2019, na te komen uiterlijk 23 augustus 2019"
    );
    // Kept on its day: met.
    assert_eq!(
        judge(Some(day(2019, 8, 23))).state,
        TermState::Met {
            on: day(2019, 8, 23)
        }
    );
    // Not kept and past its day: overdue and still open.
    let broken = judge(None);
    assert!(broken.overdue() && broken.open);
    assert!(matches!(
        broken.state,
        TermState::Overrun {
            days: 39,
            weeks: 5,
            done_on: None
        }
    ));
}

#[test]
fn terms_come_in_the_order_their_last_days_fall() {
    let steps = [
        with_term(
            3,
            EventKind::Promise,
            day(2018, 7, 3),
            day(2018, 9, 1),
            None,
        ),
        filed(day(2018, 7, 2)),
        with_term(
            4,
            EventKind::InformationRequested,
            day(2018, 7, 3),
            day(2018, 8, 13),
            None,
        ),
        with_term(
            5,
            EventKind::Promise,
            day(2018, 7, 3),
            day(2018, 7, 20),
            None,
        ),
    ];
    let order: Vec<(NaiveDate, TermKind)> = terms_on(&setting(), &steps, day(2018, 7, 4))
        .iter()
        .map(|t| (t.due_on, t.kind))
        .collect();
    assert_eq!(
        order,
        vec![
            (day(2018, 7, 20), TermKind::Promise),
            // Same last day: by kind, the statutory term first.
            (day(2018, 8, 13), TermKind::InternalHandling),
            (day(2018, 8, 13), TermKind::Information),
            (day(2018, 9, 1), TermKind::Promise),
        ]
    );
}

#[test]
fn no_steps_no_terms() {
    assert!(terms_on(&setting(), &[], day(2019, 10, 1)).is_empty());
}

#[test]
fn a_term_on_the_wire() {
    // The UI reads camelCase keys, ISO days and a tagged state.
    let term = internal(&setting(), &[filed(day(2018, 7, 2))], day(2019, 10, 1));
    let json = serde_json::to_value(&term).unwrap();
    assert_eq!(json["kind"], "internal_handling");
    assert_eq!(json["startsOn"], "2018-07-02");
    assert_eq!(json["dueOn"], "2018-08-13");
    assert_eq!(
        json["state"],
        serde_json::json!({ "state": "overrun", "days": 414, "weeks": 59, "done_on": null })
    );
    assert_eq!(serde_json::from_value::<Term>(json).unwrap(), term);
}
