//! Procedural findings (`Check`s with `procedure.*` rules) over a dossier's steps and terms.
//!
//! A procedural fact never blocks a final rapport: the findings are warnings (a term overrun,
//! a postponement beyond the law, a request the ombudsman need not handle) or information, never
//! errors. The investigator weighs them.

use super::terms::{first_of, year_from, Internal, YearFrom, MAX_POSTPONEMENT};
use super::{calendar, text, Setting, Step, Term, TermKind, TermState};
use crate::checks::{Check, CheckRef, CheckRule, Severity};
use crate::vocab::{EventKind, Kenbaarheid};
use chrono::NaiveDate;

/// The procedural findings of a dossier on `today`, most serious first. Each names its article
/// and carries the term it is about as a `CheckRef::Term` where there is one.
///
/// `terms` are the dossier's terms as [`super::terms`] judged them on the same `today`.
pub fn findings(setting: &Setting, steps: &[Step], terms: &[Term], today: NaiveDate) -> Vec<Check> {
    let mut checks = Vec::new();
    if steps.is_empty() {
        checks.push(check(
            Severity::Info,
            CheckRule::ProcedureNotRecorded,
            "Er is geen stap van de procedure vastgelegd, dus de termijnen van Awb 9:11 en 9:24 kunnen niet worden beoordeeld.".to_string(),
            Vec::new(),
        ));
        return checks;
    }
    kenbaarheid(setting, steps, &mut checks);
    let internal = Internal::of(steps);
    if let Some(internal) = &internal {
        old_conduct(setting, internal.filing, &mut checks);
    }
    let mut postponed = false;
    for term in terms {
        match term.kind {
            TermKind::InternalHandling => {
                internal_overrun(term, today, &mut checks);
                if let (Some(internal), false) = (&internal, postponed) {
                    postponements(internal, Some(term), &mut checks);
                    postponed = true;
                }
            }
            TermKind::RequestYear => request_after_a_year(setting, steps, term, &mut checks),
            TermKind::Promise => promise_broken(term, today, &mut checks),
            _ => term_overrun(steps, term, today, &mut checks),
        }
    }
    if let (Some(internal), false) = (&internal, postponed) {
        // Terms judged without the 9:11 term: the postponements still count.
        postponements(internal, None, &mut checks);
    }
    checks.sort_by_key(|c| std::cmp::Reverse(c.severity));
    checks
}

fn check(severity: Severity, rule: CheckRule, message: String, refs: Vec<CheckRef>) -> Check {
    Check {
        severity,
        rule,
        message,
        refs,
        verdict: None,
    }
}

fn step_ref(step: &Step) -> CheckRef {
    CheckRef::Step {
        id: step.id,
        step: step.kind,
        on: step.on,
    }
}

fn term_ref(term: &Term) -> CheckRef {
    CheckRef::Term { term: term.clone() }
}

/// Awb 9:20: a request while the body should first have handled a complaint, and none is
/// recorded.
fn kenbaarheid(setting: &Setting, steps: &[Step], checks: &mut Vec<Check>) {
    if setting.kenbaarheid != Kenbaarheid::Required
        || first_of(steps, EventKind::InternalComplaintFiled).is_some()
    {
        return;
    }
    if let Some(request) = first_of(steps, EventKind::RequestReceived) {
        checks.push(check(
            Severity::Warning,
            CheckRule::NoInternalComplaint,
            format!(
                "Het verzoek is op {} ontvangen, maar er is geen klacht bij de instantie vastgelegd: Awb 9:20 vraagt dat de verzoeker eerst bij de instantie zelf klaagt, tenzij dat redelijkerwijs niet kan worden gevraagd.",
                text::day(request.on)
            ),
            vec![step_ref(request)],
        ));
    }
}

/// Awb 9:8 lid 1 sub b: conduct that began more than a year before the complaint. The first
/// dated statement may be background rather than the conduct complained about, so the finding
/// says "mogelijk" and leaves the weighing to the investigator.
fn old_conduct(setting: &Setting, filing: &Step, checks: &mut Vec<Check>) {
    let Some((first, _)) = setting.conduct else {
        return;
    };
    if calendar::add_year(first) < filing.on {
        checks.push(check(
            Severity::Info,
            CheckRule::ConductOverAYearOld,
            format!(
                "De klacht van {} gaat mogelijk over een gedraging van meer dan een jaar eerder: de vroegste gedateerde verklaring in het dossier is van {}. Voor zo'n gedraging was de instantie niet verplicht de klacht te behandelen (Awb 9:8 lid 1 sub b); ga na waarover de klacht gaat.",
                text::day(filing.on),
                text::day(first)
            ),
            vec![step_ref(filing)],
        ));
    }
}

/// Awb 9:11: the body decided late, or not at all.
fn internal_overrun(term: &Term, today: NaiveDate, checks: &mut Vec<Check>) {
    let TermState::Overrun {
        days,
        weeks,
        done_on,
    } = term.state
    else {
        return;
    };
    let how = match done_on {
        None => format!(
            "is op {} {} overschreden",
            text::day(today),
            text::days_weeks(days, weeks)
        ),
        Some(done) => format!(
            "de beslissing kwam op {}, {} te laat",
            text::day(done),
            text::days_weeks(days, weeks)
        ),
    };
    checks.push(check(
        Severity::Warning,
        CheckRule::InternalTermOverrun,
        format!(
            "De instantie heeft de klacht van {} niet binnen de termijn van Awb 9:11 afgehandeld: die liep af op {} en {how}.",
            text::day(term.starts_on),
            text::day(term.due_on)
        ),
        vec![term_ref(term)],
    ));
}

/// Awb 9:11 lid 2: one postponement of at most four weeks; a further one only with the
/// complainant's written consent.
fn postponements(internal: &Internal<'_>, term: Option<&Term>, checks: &mut Vec<Check>) {
    let filed = text::day(internal.filing.on);
    for (index, step) in internal.extensions.iter().enumerate() {
        let mut refs = vec![step_ref(step)];
        refs.extend(term.map(term_ref));
        match (index, step.weeks) {
            (0, Some(weeks)) if weeks > MAX_POSTPONEMENT => checks.push(check(
                Severity::Warning,
                CheckRule::PostponementTooLong,
                format!(
                    "De instantie heeft de afhandeling van de klacht van {filed} op {} met {} verdaagd, maar Awb 9:11 lid 2 staat één verdaging van ten hoogste vier weken toe; voor de termijn zijn {MAX_POSTPONEMENT} weken geteld.",
                    text::day(step.on),
                    text::weeks(weeks)
                ),
                refs,
            )),
            (0, _) => {}
            (_, weeks) => checks.push(check(
                Severity::Info,
                CheckRule::FurtherPostponement,
                format!(
                    "De instantie heeft de afhandeling van de klacht van {filed} op {} nogmaals verdaagd{}; Awb 9:11 lid 2 staat dat alleen toe met schriftelijke instemming van de klager, dus ga na of die er is.",
                    text::day(step.on),
                    match weeks {
                        Some(weeks) => format!(", met {}", text::weeks(weeks)),
                        None => " (aantal weken niet vastgelegd, niet geteld)".to_string(),
                    }
                ),
                refs,
            )),
        }
    }
}

/// Awb 9:24: the request came more than a year after the internal handling ended or should
/// have ended (or after the conduct).
fn request_after_a_year(setting: &Setting, steps: &[Step], term: &Term, checks: &mut Vec<Check>) {
    let TermState::Overrun {
        days,
        weeks,
        done_on: Some(received),
    } = term.state
    else {
        return;
    };
    let since = match year_from(setting, steps).map(|(_, from)| from) {
        Some(YearFrom::Decision(day)) => format!(
            "meer dan een jaar nadat de instantie op {} op de klacht besliste",
            text::day(day)
        ),
        Some(YearFrom::InternalEnd(day)) => format!(
            "meer dan een jaar nadat de instantie de klacht uiterlijk op {} had moeten afhandelen (Awb 9:11)",
            text::day(day)
        ),
        Some(YearFrom::Conduct(day)) => format!(
            "meer dan een jaar na de gedraging, waarvan de laatste dag {} is (kenbaarheid niet vereist)",
            text::day(day)
        ),
        None => format!("meer dan een jaar na {}", text::day(term.starts_on)),
    };
    checks.push(check(
        Severity::Warning,
        CheckRule::RequestAfterAYear,
        format!(
            "Het verzoek is op {} ontvangen, {since}: het jaar van Awb 9:24 liep tot en met {} en is {} overschreden, dus de ombudsman is niet verplicht het verzoek te behandelen.",
            text::day(received),
            text::day(term.due_on),
            text::days_weeks(days, weeks)
        ),
        vec![term_ref(term)],
    ));
}

/// A term the ombudsman set (information, a reaction, an answer, another step's term), overrun.
fn term_overrun(steps: &[Step], term: &Term, today: NaiveDate, checks: &mut Vec<Check>) {
    let TermState::Overrun {
        days,
        weeks,
        done_on,
    } = term.state
    else {
        return;
    };
    let on = text::day(term.starts_on);
    let (what, verb) = match term.kind {
        TermKind::Information => (
            format!("de informatie die op {on} is gevraagd (Awb 9:31)"),
            "binnengekomen",
        ),
        TermKind::FindingsReaction => (
            format!("de reactie op het verslag van bevindingen van {on}"),
            "binnengekomen",
        ),
        TermKind::RecommendationsAnswer => (
            format!("het antwoord op de aanbevelingen van het rapport van {on} (Awb 9:36 lid 4)"),
            "binnengekomen",
        ),
        _ => {
            let kind = term
                .step
                .and_then(|id| steps.iter().find(|step| step.id == id))
                .map(|step| step.kind.label_nl())
                .unwrap_or("gestelde termijn");
            (format!("de stap \"{kind}\" van {on}"), "afgedaan")
        }
    };
    let how = match done_on {
        None => format!(
            "is op {} {} overschreden; het is nog niet {verb}",
            text::day(today),
            text::days_weeks(days, weeks)
        ),
        Some(done) => format!(
            "is {} overschreden: het is pas op {} {verb}",
            text::days_weeks(days, weeks),
            text::day(done)
        ),
    };
    checks.push(check(
        Severity::Warning,
        CheckRule::TermOverrun,
        format!(
            "De termijn voor {what} liep af op {} en {how}.",
            text::day(term.due_on)
        ),
        vec![term_ref(term)],
    ));
}

/// A promise not kept by its day: still not kept, or kept late.
fn promise_broken(term: &Term, today: NaiveDate, checks: &mut Vec<Check>) {
    let TermState::Overrun {
        days,
        weeks,
        done_on,
    } = term.state
    else {
        return;
    };
    let how = match done_on {
        None => format!(
            "is op {} nog niet nagekomen, {} na die dag",
            text::day(today),
            text::days_weeks(days, weeks)
        ),
        Some(done) => format!(
            "is pas op {} nagekomen, {} te laat",
            text::day(done),
            text::days_weeks(days, weeks)
        ),
    };
    checks.push(check(
        Severity::Warning,
        CheckRule::PromiseBroken,
        format!(
            "De toezegging van {}, na te komen uiterlijk {}, {how}.",
            text::day(term.starts_on),
            text::day(term.due_on)
        ),
        vec![term_ref(term)],
    ));
}
