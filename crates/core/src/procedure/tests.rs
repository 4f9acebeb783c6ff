//! Tests of the procedure's terms, findings and norm suggestions: each at the boundary where a
//! rule turns, with the reason it should hold. Dates are checked against DOMAIN.md §3c.

mod calendar;
mod rules;
mod suggestions;
mod terms;

use super::{Setting, Step, Term, TermKind};
use crate::checks::{Check, CheckRule};
use crate::vocab::{EventKind, Kenbaarheid};
use chrono::NaiveDate;

/// The citizen (who files and requests).
const CITIZEN: i64 = 1;
/// The body complained about.
const BODY: i64 = 2;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Kenbaarheid required, no advisory committee, no dated conduct.
fn setting() -> Setting {
    Setting {
        kenbaarheid: Kenbaarheid::Required,
        advisory_committee: false,
        conduct: None,
    }
}

fn step(id: i64, kind: EventKind, on: NaiveDate) -> Step {
    Step {
        id,
        kind,
        on,
        due_on: None,
        done_on: None,
        weeks: None,
        party: None,
    }
}

/// The internal complaint, filed by the citizen: id 1.
fn filed(on: NaiveDate) -> Step {
    Step {
        party: Some(CITIZEN),
        ..step(1, EventKind::InternalComplaintFiled, on)
    }
}

fn extended(id: i64, on: NaiveDate, weeks: u32) -> Step {
    Step {
        weeks: Some(weeks),
        party: Some(BODY),
        ..step(id, EventKind::InternalComplaintExtended, on)
    }
}

fn decided(id: i64, on: NaiveDate) -> Step {
    Step {
        party: Some(BODY),
        ..step(id, EventKind::InternalComplaintDecided, on)
    }
}

fn request(id: i64, on: NaiveDate) -> Step {
    Step {
        party: Some(CITIZEN),
        ..step(id, EventKind::RequestReceived, on)
    }
}

/// A step with a term set: `due_on`, done on `done`.
fn with_term(
    id: i64,
    kind: EventKind,
    on: NaiveDate,
    due: NaiveDate,
    done: Option<NaiveDate>,
) -> Step {
    Step {
        due_on: Some(due),
        done_on: done,
        party: Some(BODY),
        ..step(id, kind, on)
    }
}

/// The terms of the steps on `today`.
fn terms_on(setting: &Setting, steps: &[Step], today: NaiveDate) -> Vec<Term> {
    super::terms(setting, steps, today)
}

/// The findings of the steps on `today`, with the terms judged on the same day.
fn findings_on(setting: &Setting, steps: &[Step], today: NaiveDate) -> Vec<Check> {
    let terms = terms_on(setting, steps, today);
    super::findings(setting, steps, &terms, today)
}

/// The only term of a kind.
fn only(terms: &[Term], kind: TermKind) -> Term {
    let found: Vec<&Term> = terms.iter().filter(|t| t.kind == kind).collect();
    assert_eq!(found.len(), 1, "one {kind:?} term in {terms:#?}");
    found[0].clone()
}

fn rules_of(checks: &[Check]) -> Vec<CheckRule> {
    checks.iter().map(|c| c.rule).collect()
}
