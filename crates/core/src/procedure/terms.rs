//! The terms of a dossier's procedure, judged on a day.
//!
//! Choices where the law or the file leaves room (each one a reading, for the investigator to
//! weigh; DOMAIN.md §3c):
//! - "The first" filing, decision or request is the earliest by its day (the first recorded
//!   on a tie). A decision or postponement counts only when dated on or after the filing.
//! - A first postponement without its weeks recorded counts as the four weeks 9:11 lid 2
//!   allows at most (the body gets the benefit of the doubt); a further one without weeks is
//!   not counted. The weeks are added to the filing day together, and the Algemene
//!   termijnenwet moves only the final end.
//! - 9:24 runs from the decision on the complaint when it came on or before the request;
//!   when the body decided only after the request came in (or never), from the day the 9:11
//!   term ended: at the time of the request the handling "had behoren te zijn beëindigd".
//! - The 9:24 term names the request as its step and the requester as its party: it judges
//!   when the request came in.
//! - `due_on` on a filing, postponement, decision or request is not a term of its own: those
//!   terms come from the law (9:11, 9:24) and are counted above.

use super::{calendar, state_of, text, Setting, Step, Term, TermKind};
use crate::vocab::{EventKind, Kenbaarheid};
use chrono::NaiveDate;

/// The most 9:11 lid 2 allows for the (one) postponement, in weeks.
pub(super) const MAX_POSTPONEMENT: u32 = 4;

/// Every term the steps set, judged on `today`, in the order their last days fall:
/// - 9:11 for each `internal_complaint_filed` (the first one, if several): six weeks from that
///   day, ten with an advisory committee; each `internal_complaint_extended` after it moves the
///   end by its weeks (at most 4 counted for the first; a further one only with the
///   complainant's written consent, counted as announced, see [`super::findings`]); then the
///   Algemene termijnenwet. Met by the first `internal_complaint_decided` on or after the filing.
/// - 9:24: when a `request_received` exists: a year after the 9:11 term's end (or after the
///   decision, when decided), moved to a working day; with kenbaarheid not required, a year
///   after the last day of the conduct. Met when the request came in on or before the end,
///   overrun (with the request's day as `done_on`) after it; never `open`.
/// - a step with `due_on` of kind `information_requested`, `findings_sent`, `report_sent`,
///   `promise` or any other kind: the date given, met by its `done_on`.
///
/// The module documentation lists the readings chosen where the rules leave room.
pub fn terms(setting: &Setting, steps: &[Step], today: NaiveDate) -> Vec<Term> {
    let mut terms = Vec::new();
    if let Some(internal) = Internal::of(steps) {
        terms.push(internal_term(setting, &internal, today));
    }
    if let Some(term) = request_year_term(setting, steps, today) {
        terms.push(term);
    }
    terms.extend(steps.iter().filter_map(|step| set_term(step, today)));
    terms.sort_by_key(|term| (term.due_on, term.kind));
    terms
}

/// The earliest step of a kind (the first recorded on a tie).
pub(super) fn first_of(steps: &[Step], kind: EventKind) -> Option<&Step> {
    steps
        .iter()
        .filter(|step| step.kind == kind)
        .min_by_key(|step| step.on)
}

/// The internal complaint as 9:11 reads it.
pub(super) struct Internal<'a> {
    /// The first filing.
    pub filing: &'a Step,
    /// The postponements on or after the filing, in the order of their days.
    pub extensions: Vec<&'a Step>,
    /// The first acknowledgement of receipt (9:6) on or after the filing.
    pub acknowledged: Option<&'a Step>,
    /// The first decision on or after the filing.
    pub decided: Option<&'a Step>,
}

impl<'a> Internal<'a> {
    /// The internal complaint of the steps, when one was filed.
    pub fn of(steps: &'a [Step]) -> Option<Self> {
        let filing = first_of(steps, EventKind::InternalComplaintFiled)?;
        let after = |kind: EventKind| {
            steps
                .iter()
                .filter(move |step| step.kind == kind && step.on >= filing.on)
        };
        let mut extensions: Vec<&Step> = after(EventKind::InternalComplaintExtended).collect();
        extensions.sort_by_key(|step| step.on);
        let acknowledged =
            after(EventKind::InternalComplaintAcknowledged).min_by_key(|step| step.on);
        let decided = after(EventKind::InternalComplaintDecided).min_by_key(|step| step.on);
        Some(Internal {
            filing,
            extensions,
            acknowledged,
            decided,
        })
    }

    /// The weeks a postponement counts for: the first at most four (four when none are
    /// recorded), a further one as announced (none when not recorded).
    pub fn counted(index: usize, step: &Step) -> u32 {
        match (index, step.weeks) {
            (0, Some(weeks)) => weeks.min(MAX_POSTPONEMENT),
            (0, None) => MAX_POSTPONEMENT,
            (_, weeks) => weeks.unwrap_or(0),
        }
    }

    /// The 9:11 term's last day and how it was found.
    pub fn end(&self, setting: &Setting) -> (NaiveDate, String) {
        let (base, committee) = if setting.advisory_committee {
            (10, " (klachtadviescommissie)")
        } else {
            (6, "")
        };
        let mut basis = format!(
            "{} na {}{committee}",
            text::weeks(base),
            text::day(self.filing.on)
        );
        let mut total = base;
        for (index, step) in self.extensions.iter().enumerate() {
            total += Self::counted(index, step);
            basis.push_str(&match (index, step.weeks) {
                (0, Some(w)) if w <= MAX_POSTPONEMENT => {
                    format!(", verdaagd met {}", text::weeks(w))
                }
                (0, Some(w)) => format!(
                    ", verdaagd met {}, waarvan {MAX_POSTPONEMENT} geteld (Awb 9:11 lid 2)",
                    text::weeks(w)
                ),
                (0, None) => format!(
                    ", verdaagd zonder vastgelegd aantal weken ({MAX_POSTPONEMENT} geteld, het meeste dat Awb 9:11 lid 2 toestaat)"
                ),
                (_, Some(w)) => format!(", nogmaals verdaagd met {}", text::weeks(w)),
                (_, None) => {
                    ", nogmaals verdaagd zonder vastgelegd aantal weken (niet geteld)".to_string()
                }
            });
        }
        let (end, clause) = text::moved(calendar::add_weeks(self.filing.on, total));
        basis.push_str(&clause);
        (end, basis)
    }
}

fn internal_term(setting: &Setting, internal: &Internal<'_>, today: NaiveDate) -> Term {
    let (due_on, basis) = internal.end(setting);
    let party = internal
        .decided
        .and_then(|step| step.party)
        .or_else(|| internal.extensions.iter().find_map(|step| step.party))
        .or_else(|| internal.acknowledged.and_then(|step| step.party));
    Term {
        kind: TermKind::InternalHandling,
        article: TermKind::InternalHandling.article().to_string(),
        step: Some(internal.filing.id),
        party,
        starts_on: internal.filing.on,
        due_on,
        basis,
        state: state_of(due_on, internal.decided.map(|step| step.on), today),
        open: internal.decided.is_none(),
    }
}

/// What the year of 9:24 runs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearFrom {
    /// The day the body decided on the complaint (on or before the request).
    Decision(NaiveDate),
    /// The last day of the 9:11 term: the body had not decided when the request came in.
    InternalEnd(NaiveDate),
    /// The last day of the conduct: kenbaarheid is not required.
    Conduct(NaiveDate),
}

impl YearFrom {
    /// The day the year runs from.
    pub fn day(self) -> NaiveDate {
        match self {
            YearFrom::Decision(day) | YearFrom::InternalEnd(day) | YearFrom::Conduct(day) => day,
        }
    }

    /// What it is, after "een jaar na": "de beslissing op de klacht van 10 september 2018".
    pub fn phrase(self) -> String {
        match self {
            YearFrom::Decision(day) => {
                format!("de beslissing op de klacht van {}", text::day(day))
            }
            YearFrom::InternalEnd(day) => format!(
                "{}, het einde van de termijn van Awb 9:11 (bij het verzoek was de klacht niet afgehandeld)",
                text::day(day)
            ),
            YearFrom::Conduct(day) => format!(
                "de laatste dag van de gedraging, {} (kenbaarheid niet vereist)",
                text::day(day)
            ),
        }
    }
}

/// The request and what its 9:24 year runs from, when there is such a year.
pub(super) fn year_from<'a>(setting: &Setting, steps: &'a [Step]) -> Option<(&'a Step, YearFrom)> {
    let request = first_of(steps, EventKind::RequestReceived)?;
    let from = match setting.kenbaarheid {
        Kenbaarheid::NotRequired => YearFrom::Conduct(setting.conduct?.1),
        Kenbaarheid::Required => {
            let internal = Internal::of(steps)?;
            match internal.decided {
                Some(decided) if decided.on <= request.on => YearFrom::Decision(decided.on),
                _ => YearFrom::InternalEnd(internal.end(setting).0),
            }
        }
    };
    Some((request, from))
}

fn request_year_term(setting: &Setting, steps: &[Step], today: NaiveDate) -> Option<Term> {
    let (request, from) = year_from(setting, steps)?;
    let (due_on, clause) = text::moved(calendar::add_year(from.day()));
    Some(Term {
        kind: TermKind::RequestYear,
        article: TermKind::RequestYear.article().to_string(),
        step: Some(request.id),
        party: request.party,
        starts_on: from.day(),
        due_on,
        basis: format!("een jaar na {}{clause}", from.phrase()),
        state: state_of(due_on, Some(request.on), today),
        open: false,
    })
}

/// The term a step with `due_on` sets: the date given, not moved.
fn set_term(step: &Step, today: NaiveDate) -> Option<Term> {
    use EventKind::*;
    let due_on = step.due_on?;
    let (on, due) = (text::day(step.on), text::day(due_on));
    let (kind, basis) = match step.kind {
        InternalComplaintFiled
        | InternalComplaintAcknowledged
        | InternalComplaintExtended
        | InternalComplaintDecided
        | RequestReceived => return None,
        InformationRequested => (
            TermKind::Information,
            format!("gesteld op {on}: antwoord uiterlijk {due}"),
        ),
        FindingsSent => (
            TermKind::FindingsReaction,
            format!("verslag van bevindingen verzonden op {on}: reactie uiterlijk {due}"),
        ),
        ReportSent => (
            TermKind::RecommendationsAnswer,
            format!("rapport verzonden op {on}: antwoord op de aanbevelingen uiterlijk {due}"),
        ),
        Promise => (
            TermKind::Promise,
            format!("toegezegd op {on}, na te komen uiterlijk {due}"),
        ),
        other => (
            TermKind::Other,
            format!("gesteld op {on} ({}): uiterlijk {due}", other.label_nl()),
        ),
    };
    Some(Term {
        kind,
        article: kind.article().to_string(),
        step: Some(step.id),
        party: step.party,
        starts_on: step.on,
        due_on,
        basis,
        state: state_of(due_on, step.done_on, today),
        open: step.done_on.is_none(),
    })
}
