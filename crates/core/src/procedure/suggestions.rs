//! From terms to the Beoordeling: the norms an overrun term or a broken promise points to,
//! offered with their facts. The investigator accepts (the norm is added to a point, its
//! outcome still open) or dismisses; nothing here is a verdict.

use super::{text, Step, Term, TermKind, TermState};
use crate::vocab::EventKind;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A norm a procedural fact points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct NormSuggestion {
    /// Stable identity, to remember a dismissal: `procedure:{norm}:{step id}`.
    pub key: String,
    /// The norm's code (`voortvarendheid`, `goede-organisatie`, `betrouwbaarheid`).
    pub norm: String,
    /// The facts, in Dutch, as the considerations would start: "De klacht is op 2 juli 2018
    /// ingediend. De termijn van Awb 9:11 liep af op 13 augustus 2018; ...".
    pub facts: String,
    /// The term the facts are about.
    pub term: Term,
}

/// The norms the terms point to: an overrun 9:11 term offers `voortvarendheid`, and also
/// `goede-organisatie` when nothing shows the body handled the complaint at all (no
/// acknowledgement, postponement or decision: the complaint looks lost); an overrun promise
/// (broken, or kept late) offers `betrouwbaarheid`.
///
/// A term still not done was judged on the day its state was counted to (its last day plus
/// the days overrun); the facts name that day.
pub fn norm_suggestions(steps: &[Step], terms: &[Term]) -> Vec<NormSuggestion> {
    let mut suggestions = Vec::new();
    for term in terms {
        let TermState::Overrun {
            days,
            weeks,
            done_on,
        } = term.state
        else {
            continue;
        };
        let late = text::days_weeks(days, weeks);
        let judged = term.due_on + Duration::days(days);
        match term.kind {
            TermKind::InternalHandling => {
                let opening = format!(
                    "De klacht is op {} bij de instantie ingediend.",
                    text::day(term.starts_on)
                );
                let end = format!(
                    "De termijn van Awb 9:11 liep af op {}.",
                    text::day(term.due_on)
                );
                let outcome = match done_on {
                    Some(done) => format!(
                        "De instantie besliste pas op {} op de klacht, {late} na het einde van de termijn.",
                        text::day(done)
                    ),
                    None => format!(
                        "Op {} had de instantie nog niet op de klacht beslist, {late} na het einde van de termijn.",
                        text::day(judged)
                    ),
                };
                suggestions.push(suggestion(
                    "voortvarendheid",
                    format!("{opening} {end} {outcome}"),
                    term,
                ));
                if !handled(steps, term.starts_on) {
                    suggestions.push(suggestion(
                        "goede-organisatie",
                        format!(
                            "{opening} Er is geen ontvangstbevestiging, verdaging of beslissing op de klacht vastgelegd. {end} {outcome}"
                        ),
                        term,
                    ));
                }
            }
            TermKind::Promise => {
                let kept = match done_on {
                    Some(done) => format!(
                        "De toezegging is pas op {} nagekomen, {late} te laat.",
                        text::day(done)
                    ),
                    None => format!(
                        "Op {} was de toezegging nog niet nagekomen, {late} na die dag.",
                        text::day(judged)
                    ),
                };
                suggestions.push(suggestion(
                    "betrouwbaarheid",
                    format!(
                        "Op {} is een toezegging gedaan die uiterlijk {} zou worden nagekomen. {kept}",
                        text::day(term.starts_on),
                        text::day(term.due_on)
                    ),
                    term,
                ));
            }
            _ => {}
        }
    }
    suggestions
}

fn suggestion(norm: &str, facts: String, term: &Term) -> NormSuggestion {
    let step = term.step.map(|id| id.to_string()).unwrap_or_default();
    NormSuggestion {
        key: format!("procedure:{norm}:{step}"),
        norm: norm.to_string(),
        facts,
        term: term.clone(),
    }
}

/// Whether any step on or after the filing shows the body handled the complaint: an
/// acknowledgement, a postponement or a decision.
fn handled(steps: &[Step], filed: NaiveDate) -> bool {
    steps.iter().any(|step| {
        step.on >= filed
            && matches!(
                step.kind,
                EventKind::InternalComplaintAcknowledged
                    | EventKind::InternalComplaintExtended
                    | EventKind::InternalComplaintDecided
            )
    })
}
