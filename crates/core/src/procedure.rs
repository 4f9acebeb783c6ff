//! The procedure of a dossier (Awb chapter 9) and its terms, as pure functions over its steps
//! (`events` of INTERFACES.md §1a). DOMAIN.md §3c is the reference for how each term is
//! counted. A term that runs out is a fact, never a verdict: the rules here say which terms are
//! met, running or overrun, which procedural points an investigator should look at
//! ([`findings`]), and which norms a fact points to ([`norm_suggestions`]); the investigator
//! decides.
//!
//! Terms set by law (9:11, 9:24) that end on a Saturday, a Sunday or a holiday of the Algemene
//! termijnenwet run to the next working day ([`calendar`]). Terms the ombudsman or a promise
//! set are the date given.

pub mod calendar;
mod rules;
mod suggestions;
mod terms;
#[cfg(test)]
mod tests;
mod text;

use crate::dates;
use crate::vocab::{EventKind, Kenbaarheid};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use rules::findings;
pub use suggestions::{norm_suggestions, NormSuggestion};
pub use terms::terms;

/// A procedure step as the rules read it (a stored `events` row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Database id of the step.
    pub id: i64,
    /// What happened.
    pub kind: EventKind,
    /// The day it happened (for a promise: the day it was made).
    pub on: NaiveDate,
    /// The term set for what it asks, if any.
    pub due_on: Option<NaiveDate>,
    /// The day that came in or was done.
    pub done_on: Option<NaiveDate>,
    /// For a postponement (`internal_complaint_extended`): the weeks announced.
    pub weeks: Option<u32>,
    /// Who took the step (database id of the party).
    pub party: Option<i64>,
}

/// What the rules need of a dossier besides its steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// Whether the body must first have handled the complaint itself (Awb 9:20).
    pub kenbaarheid: Kenbaarheid,
    /// Whether the body has a klachtadviescommissie (9:11: ten weeks instead of six).
    pub advisory_committee: bool,
    /// The first and the last day of the conduct complained about, as far as the dossier's
    /// dated statements show it; `None` when no statement is dated. Read for 9:8 lid 1 sub b
    /// and for 9:24 when kenbaarheid is not required (the year then runs from the conduct).
    pub conduct: Option<(NaiveDate, NaiveDate)>,
}

/// Which term it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    /// Awb 9:11: the body decides on the internal complaint within six (ten) weeks.
    InternalHandling,
    /// Awb 9:24 lid 1: the request to the ombudsman within a year after the internal handling
    /// ended or should have ended.
    RequestYear,
    /// Awb 9:31: information asked of the body, by the term the ombudsman set.
    Information,
    /// The parties' reaction to the verslag van bevindingen, by the term it gives.
    FindingsReaction,
    /// Awb 9:36 lid 4: the body's answer to the recommendations of the rapport.
    RecommendationsAnswer,
    /// A promise (toezegging), by the day it was to be kept.
    Promise,
    /// Another term set by the ombudsman (a hearing's follow-up, another step with a term).
    Other,
}

impl TermKind {
    /// The article the term rests on, as the UI and the command line cite it.
    pub fn article(self) -> &'static str {
        match self {
            TermKind::InternalHandling => "Awb 9:11",
            TermKind::RequestYear => "Awb 9:24",
            TermKind::Information => "Awb 9:31",
            TermKind::FindingsReaction => "verslag van bevindingen",
            TermKind::RecommendationsAnswer => "Awb 9:36 lid 4",
            TermKind::Promise => "toezegging",
            TermKind::Other => "gestelde termijn",
        }
    }

    /// A Dutch name for the term: "afhandeling van de klacht door de instantie".
    pub fn label_nl(self) -> &'static str {
        match self {
            TermKind::InternalHandling => "afhandeling van de klacht door de instantie",
            TermKind::RequestYear => "verzoek aan de ombudsman binnen een jaar",
            TermKind::Information => "gevraagde informatie",
            TermKind::FindingsReaction => "reactie op het verslag van bevindingen",
            TermKind::RecommendationsAnswer => "antwoord op de aanbevelingen",
            TermKind::Promise => "nakomen van de toezegging",
            TermKind::Other => "gestelde termijn",
        }
    }

    /// Whether the law sets the term (and the Algemene termijnenwet moves its end off a
    /// weekend or holiday).
    pub fn statutory(self) -> bool {
        matches!(self, TermKind::InternalHandling | TermKind::RequestYear)
    }
}

/// Where a term stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum TermState {
    /// Done on or before its last day.
    Met {
        /// The day it was done.
        #[serde(with = "dates::iso_date")]
        #[ts(type = "string")]
        on: NaiveDate,
    },
    /// Not done yet, and its last day has not passed.
    Running {
        /// Days from the day judged to the last day (0: it ends today).
        #[ts(type = "number")]
        days_left: i64,
    },
    /// Past its last day: done late (`done_on`), or still not done on the day judged.
    Overrun {
        /// Days past the last day (to `done_on`, or to the day judged).
        #[ts(type = "number")]
        days: i64,
        /// The same in whole weeks.
        #[ts(type = "number")]
        weeks: i64,
        /// The day it was done after all, or `null` while it is still not done.
        #[serde(with = "dates::iso_date::option")]
        #[ts(type = "string | null")]
        done_on: Option<NaiveDate>,
    },
}

/// One term of a dossier, judged on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    /// Which term.
    pub kind: TermKind,
    /// The article or basis it rests on ([`TermKind::article`]).
    pub article: String,
    /// The step that set it running (the filing, the information request, the promise).
    #[ts(type = "number | null")]
    pub step: Option<i64>,
    /// Who must act (the party of that step, or for 9:11 the body when known), or `null`.
    #[ts(type = "number | null")]
    pub party: Option<i64>,
    /// The day it started.
    #[serde(with = "dates::iso_date")]
    #[ts(type = "string")]
    pub starts_on: NaiveDate,
    /// Its last day, after any postponement and the Algemene termijnenwet.
    #[serde(with = "dates::iso_date")]
    #[ts(type = "string")]
    pub due_on: NaiveDate,
    /// How the last day was found, in Dutch, e.g. "6 weken na 2 juli 2018, verdaagd met 4
    /// weken" or "1 april 2024 is tweede Paasdag: de termijn loopt door tot 2 april 2024".
    pub basis: String,
    /// Where it stands on the day judged.
    pub state: TermState,
    /// Whether someone still has to act on it: not done, and not a term that only judges a
    /// step already taken (9:24 is judged when the request comes in, never "open").
    pub open: bool,
}

impl Term {
    /// Whether it is past its last day and still not done on the day judged.
    pub fn overdue(&self) -> bool {
        matches!(self.state, TermState::Overrun { done_on: None, .. })
    }
}

/// Days and whole weeks from `from` to `to` (`to` later).
pub fn overrun(from: NaiveDate, to: NaiveDate) -> (i64, i64) {
    let days = (to - from).num_days();
    (days, days / 7)
}

/// Where a term with last day `due` stands on `today`, given the day it was done.
pub fn state_of(due: NaiveDate, done: Option<NaiveDate>, today: NaiveDate) -> TermState {
    match done {
        Some(on) if on <= due => TermState::Met { on },
        Some(on) => {
            let (days, weeks) = overrun(due, on);
            TermState::Overrun {
                days,
                weeks,
                done_on: Some(on),
            }
        }
        None if today <= due => TermState::Running {
            days_left: (due - today).num_days(),
        },
        None => {
            let (days, weeks) = overrun(due, today);
            TermState::Overrun {
                days,
                weeks,
                done_on: None,
            }
        }
    }
}
