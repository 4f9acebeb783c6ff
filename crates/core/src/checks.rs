//! Rule checks over a dossier: plain functions that return findings (`Check`), never decide
//! anything themselves. Shown in the Overzicht and printed by `wederhoor show`.
//! Rules here: verdict consistency (Awb 9:36 lid 2) and the state of conflicts per point.

use crate::vocab::{Outcome, Resolution, Verdict};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Must be dealt with before the rapport is final.
    Warning,
    /// Contradicts a rule; the rapport cannot be right like this.
    Error,
}

/// Which rule made a finding. The wire ids are the stable codes of the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum CheckRule {
    /// A (deels) gegrond verdict without any norm judged niet behoorlijk (Awb 9:36 lid 2).
    #[serde(rename = "verdict.gegrond_without_breach")]
    GegrondWithoutBreach,
    /// A niet gegrond verdict while not every judgement is behoorlijk.
    #[serde(rename = "verdict.niet_gegrond_needs_all_proper")]
    NietGegrondNeedsAllProper,
    /// A point without a verdict yet.
    #[serde(rename = "verdict.open")]
    VerdictOpen,
    /// A conflict judged not establishable before both sides saw the other's version.
    #[serde(rename = "conflict.not_establishable_unheard")]
    NotEstablishableUnheard,
    /// An open conflict, which stands in the way of a final rapport.
    #[serde(rename = "conflict.open_blocks_final")]
    OpenBlocksFinal,
    /// Geen oordeel while every conflict of the point was decided.
    #[serde(rename = "verdict.geen_oordeel_with_decided_conflicts")]
    GeenOordeelWithDecidedConflicts,
    /// No procedure step recorded at all (the terms cannot be judged).
    #[serde(rename = "procedure.not_recorded")]
    ProcedureNotRecorded,
    /// The body did not decide on the internal complaint within the 9:11 term.
    #[serde(rename = "procedure.internal_term_overrun")]
    InternalTermOverrun,
    /// A postponement of more than the four weeks 9:11 lid 2 allows.
    #[serde(rename = "procedure.postponement_too_long")]
    PostponementTooLong,
    /// A second postponement: 9:11 lid 2 allows it only with the complainant's written consent.
    #[serde(rename = "procedure.further_postponement")]
    FurtherPostponement,
    /// The request came more than a year after the internal handling ended (9:24).
    #[serde(rename = "procedure.request_after_a_year")]
    RequestAfterAYear,
    /// A request while kenbaarheid is required and no internal complaint is recorded (9:20).
    #[serde(rename = "procedure.no_internal_complaint")]
    NoInternalComplaint,
    /// Conduct more than a year before the internal complaint (9:8 lid 1 sub b).
    #[serde(rename = "procedure.conduct_over_a_year_old")]
    ConductOverAYearOld,
    /// A term the ombudsman set (information, reaction, answer to recommendations) overrun.
    #[serde(rename = "procedure.term_overrun")]
    TermOverrun,
    /// A promise not kept by its day (broken, or kept late).
    #[serde(rename = "procedure.promise_broken")]
    PromiseBroken,
}

impl CheckRule {
    /// The stable code, as on the wire, e.g. `verdict.gegrond_without_breach`.
    pub fn code(self) -> &'static str {
        match self {
            CheckRule::GegrondWithoutBreach => "verdict.gegrond_without_breach",
            CheckRule::NietGegrondNeedsAllProper => "verdict.niet_gegrond_needs_all_proper",
            CheckRule::VerdictOpen => "verdict.open",
            CheckRule::NotEstablishableUnheard => "conflict.not_establishable_unheard",
            CheckRule::OpenBlocksFinal => "conflict.open_blocks_final",
            CheckRule::GeenOordeelWithDecidedConflicts => {
                "verdict.geen_oordeel_with_decided_conflicts"
            }
            CheckRule::ProcedureNotRecorded => "procedure.not_recorded",
            CheckRule::InternalTermOverrun => "procedure.internal_term_overrun",
            CheckRule::PostponementTooLong => "procedure.postponement_too_long",
            CheckRule::FurtherPostponement => "procedure.further_postponement",
            CheckRule::RequestAfterAYear => "procedure.request_after_a_year",
            CheckRule::NoInternalComplaint => "procedure.no_internal_complaint",
            CheckRule::ConductOverAYearOld => "procedure.conduct_over_a_year_old",
            CheckRule::TermOverrun => "procedure.term_overrun",
            CheckRule::PromiseBroken => "procedure.promise_broken",
        }
    }
}

impl std::fmt::Display for CheckRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum CheckRef {
    /// A complaint point, by its number.
    Point {
        /// The point's number.
        number: u32,
    },
    /// A conflict, by its title.
    Conflict {
        /// The conflict's title.
        title: String,
    },
    /// A procedure step, by its kind and day.
    Step {
        /// The step's database id.
        #[ts(type = "number")]
        id: i64,
        /// What the step is.
        step: crate::vocab::EventKind,
        /// The day of the step, `YYYY-MM-DD`.
        #[serde(with = "crate::dates::iso_date")]
        #[ts(type = "string")]
        on: chrono::NaiveDate,
    },
    /// A term of the procedure, as judged.
    Term {
        /// The term.
        term: crate::procedure::Term,
    },
}

impl CheckRef {
    /// The number of the complaint point this names, if it names one.
    pub fn point(&self) -> Option<u32> {
        match self {
            CheckRef::Point { number } => Some(*number),
            _ => None,
        }
    }

    /// The title of the conflict this names, if it names one.
    pub fn conflict(&self) -> Option<&str> {
        match self {
            CheckRef::Conflict { title } => Some(title),
            _ => None,
        }
    }
}

/// In Dutch, as the command line has always shown it: `klachtonderdeel 2`,
/// `tegenstrijdigheid "Titel"`.
impl std::fmt::Display for CheckRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckRef::Point { number } => write!(f, "klachtonderdeel {number}"),
            CheckRef::Conflict { title } => write!(f, "tegenstrijdigheid \"{title}\""),
            CheckRef::Step { step, on, .. } => write!(
                f,
                "stap \"{}\" van {}",
                step.label_nl(),
                crate::dates::dutch_long_date(*on)
            ),
            CheckRef::Term { term } => write!(
                f,
                "termijn {} ({}), einde {}",
                term.kind.label_nl(),
                term.article,
                crate::dates::dutch_long_date(term.due_on)
            ),
        }
    }
}

/// One finding of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// How serious.
    pub severity: Severity,
    /// Which rule found it.
    pub rule: CheckRule,
    /// The Dutch sentence, for the command line and the audit log; the UI writes its own from
    /// `rule`, `refs` and `verdict`.
    pub message: String,
    /// What it is about: the complaint point, the conflict, or both.
    pub refs: Vec<CheckRef>,
    /// The point's verdict, when the sentence names it.
    pub verdict: Option<Verdict>,
}

impl Check {
    /// The number of the first complaint point it names.
    pub fn point(&self) -> Option<u32> {
        self.refs.iter().find_map(CheckRef::point)
    }

    /// The title of the first conflict it names.
    pub fn conflict(&self) -> Option<&str> {
        self.refs.iter().find_map(CheckRef::conflict)
    }
}

/// A complaint point as the rules need it.
#[derive(Debug, Clone)]
pub struct PointFacts {
    /// Its number.
    pub number: u32,
    /// Its verdict.
    pub verdict: Verdict,
    /// The outcome of each norm test, with the norm code.
    pub judgements: Vec<(String, Outcome)>,
}

/// A conflict as the rules need it.
#[derive(Debug, Clone)]
pub struct ConflictFacts {
    /// Its title.
    pub title: String,
    /// Number of the complaint point it bears on.
    pub point: Option<u32>,
    /// Whether both sides have seen the other's version.
    pub both_sides_heard: bool,
    /// How it was decided.
    pub resolution: Resolution,
}

/// Runs every rule over the points and conflicts of one dossier.
pub fn check_dossier(points: &[PointFacts], conflicts: &[ConflictFacts]) -> Vec<Check> {
    let mut checks = Vec::new();
    for point in points {
        check_verdict(point, &mut checks);
        let own: Vec<&ConflictFacts> = conflicts
            .iter()
            .filter(|c| c.point == Some(point.number))
            .collect();
        check_point_conflicts(point, &own, &mut checks);
    }
    for conflict in conflicts {
        if !conflict.resolution.permitted(conflict.both_sides_heard) {
            checks.push(Check {
                severity: Severity::Error,
                rule: CheckRule::NotEstablishableUnheard,
                message: format!(
                    "Tegenstrijdigheid \"{}\" is als niet vast te stellen beoordeeld, maar niet beide kanten hebben elkaars lezing gezien.",
                    conflict.title
                ),
                refs: vec![CheckRef::Conflict {
                    title: conflict.title.clone(),
                }],
                verdict: None,
            });
        }
    }
    checks.sort_by_key(|c| std::cmp::Reverse(c.severity));
    checks
}

fn point_ref(point: &PointFacts) -> Vec<CheckRef> {
    vec![CheckRef::Point {
        number: point.number,
    }]
}

fn check_verdict(point: &PointFacts, checks: &mut Vec<Check>) {
    let breaches = point
        .judgements
        .iter()
        .filter(|(_, o)| *o == Outcome::NietBehoorlijk)
        .count();
    let all_proper = point
        .judgements
        .iter()
        .all(|(_, o)| *o == Outcome::Behoorlijk);
    let mut push = |severity, rule, message: String, verdict: Option<Verdict>| {
        checks.push(Check {
            severity,
            rule,
            message,
            refs: point_ref(point),
            verdict,
        })
    };
    match point.verdict {
        Verdict::Gegrond | Verdict::DeelsGegrond if breaches == 0 => push(
            Severity::Error,
            CheckRule::GegrondWithoutBreach,
            format!(
                "Klachtonderdeel {} is {}, maar geen norm is als niet behoorlijk beoordeeld; het rapport moet de geschonden norm noemen (Awb 9:36 lid 2).",
                point.number,
                point.verdict.label_nl()
            ),
            Some(point.verdict),
        ),
        Verdict::NietGegrond if point.judgements.is_empty() || !all_proper => push(
            Severity::Error,
            CheckRule::NietGegrondNeedsAllProper,
            format!("Klachtonderdeel {} is niet gegrond, maar niet elke toetsing is behoorlijk.", point.number),
            None,
        ),
        Verdict::Open => push(
            Severity::Info,
            CheckRule::VerdictOpen,
            format!("Klachtonderdeel {} heeft nog geen oordeel.", point.number),
            None,
        ),
        _ => {}
    }
}

fn check_point_conflicts(
    point: &PointFacts,
    conflicts: &[&ConflictFacts],
    checks: &mut Vec<Check>,
) {
    for conflict in conflicts
        .iter()
        .filter(|c| c.resolution == Resolution::Open)
    {
        checks.push(Check {
            severity: Severity::Warning,
            rule: CheckRule::OpenBlocksFinal,
            message: format!(
                "Tegenstrijdigheid \"{}\" bij klachtonderdeel {} is nog open; een definitief rapport kan pas als zij is beslist.",
                conflict.title, point.number
            ),
            refs: vec![
                CheckRef::Point {
                    number: point.number,
                },
                CheckRef::Conflict {
                    title: conflict.title.clone(),
                },
            ],
            verdict: None,
        });
    }
    let all_decided =
        !conflicts.is_empty() && conflicts.iter().all(|c| c.resolution != Resolution::Open);
    let any_unestablishable = conflicts
        .iter()
        .any(|c| c.resolution == Resolution::NotEstablishable);
    if point.verdict == Verdict::GeenOordeel && all_decided && !any_unestablishable {
        checks.push(Check {
            severity: Severity::Warning,
            rule: CheckRule::GeenOordeelWithDecidedConflicts,
            message: format!(
                "Klachtonderdeel {} heeft geen oordeel, terwijl alle tegenstrijdigheden erbij zijn beslist; is een oordeel toch mogelijk?",
                point.number
            ),
            refs: point_ref(point),
            verdict: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(verdict: Verdict, outcomes: &[Outcome]) -> PointFacts {
        PointFacts {
            number: 1,
            verdict,
            judgements: outcomes
                .iter()
                .map(|o| ("voortvarendheid".to_string(), *o))
                .collect(),
        }
    }

    fn conflict(resolution: Resolution, heard: bool) -> ConflictFacts {
        ConflictFacts {
            title: "Aantal contacten".into(),
            point: Some(1),
            both_sides_heard: heard,
            resolution,
        }
    }

    fn rules(checks: &[Check]) -> Vec<CheckRule> {
        checks.iter().map(|c| c.rule).collect()
    }

    #[test]
    fn gegrond_needs_a_breached_norm() {
        let checks = check_dossier(&[point(Verdict::Gegrond, &[Outcome::Behoorlijk])], &[]);
        assert_eq!(
            rules(&checks),
            vec![CheckRule::GegrondWithoutBreach],
            "Awb 9:36 lid 2"
        );
        let fine = check_dossier(
            &[point(
                Verdict::Gegrond,
                &[Outcome::NietBehoorlijk, Outcome::Behoorlijk],
            )],
            &[],
        );
        assert!(fine.is_empty(), "one breach suffices: {fine:?}");
    }

    #[test]
    fn niet_gegrond_needs_every_judgement_proper() {
        let mixed = check_dossier(
            &[point(
                Verdict::NietGegrond,
                &[Outcome::Behoorlijk, Outcome::GeenOordeel],
            )],
            &[],
        );
        assert_eq!(rules(&mixed), vec![CheckRule::NietGegrondNeedsAllProper]);
        let none = check_dossier(&[point(Verdict::NietGegrond, &[])], &[]);
        assert_eq!(
            rules(&none),
            vec![CheckRule::NietGegrondNeedsAllProper],
            "a verdict rests on at least one test"
        );
        assert!(
            check_dossier(&[point(Verdict::NietGegrond, &[Outcome::Behoorlijk])], &[]).is_empty()
        );
    }

    #[test]
    fn an_open_conflict_blocks_the_final_rapport() {
        let checks = check_dossier(
            &[point(Verdict::GeenOordeel, &[Outcome::GeenOordeel])],
            &[conflict(Resolution::Open, false)],
        );
        assert_eq!(rules(&checks), vec![CheckRule::OpenBlocksFinal]);
    }

    #[test]
    fn geen_oordeel_is_questioned_when_every_conflict_was_decided_otherwise() {
        let decided = [conflict(Resolution::BodyVersionEstablished, true)];
        let checks = check_dossier(
            &[point(Verdict::GeenOordeel, &[Outcome::GeenOordeel])],
            &decided,
        );
        assert_eq!(
            rules(&checks),
            vec![CheckRule::GeenOordeelWithDecidedConflicts]
        );
        let unestablishable = [conflict(Resolution::NotEstablishable, true)];
        assert!(
            check_dossier(
                &[point(Verdict::GeenOordeel, &[Outcome::GeenOordeel])],
                &unestablishable
            )
            .is_empty(),
            "not establishable is exactly why there is no verdict"
        );
    }

    #[test]
    fn not_establishable_without_hearing_both_sides_is_an_error_and_comes_first() {
        let checks = check_dossier(
            &[point(Verdict::Open, &[])],
            &[conflict(Resolution::NotEstablishable, false)],
        );
        assert_eq!(
            rules(&checks),
            vec![CheckRule::NotEstablishableUnheard, CheckRule::VerdictOpen],
            "errors sort first"
        );
    }

    #[test]
    fn the_finding_names_its_point_and_verdict_and_the_conflict_by_title() {
        let checks = check_dossier(
            &[point(Verdict::DeelsGegrond, &[Outcome::Behoorlijk])],
            &[conflict(Resolution::Open, false)],
        );
        let breach = checks
            .iter()
            .find(|c| c.rule == CheckRule::GegrondWithoutBreach)
            .expect("Awb 9:36 lid 2");
        assert_eq!(breach.refs, vec![CheckRef::Point { number: 1 }]);
        assert_eq!(breach.verdict, Some(Verdict::DeelsGegrond));
        assert!(breach
            .message
            .starts_with("Klachtonderdeel 1 is deels gegrond, maar"));
        let open = checks
            .iter()
            .find(|c| c.rule == CheckRule::OpenBlocksFinal)
            .expect("the open conflict");
        assert_eq!(open.point(), Some(1));
        assert_eq!(open.conflict(), Some("Aantal contacten"));
        assert_eq!(open.verdict, None, "its sentence names no verdict");
        let refs: Vec<String> = open.refs.iter().map(ToString::to_string).collect();
        assert_eq!(
            refs,
            vec![
                "klachtonderdeel 1",
                "tegenstrijdigheid \"Aantal contacten\""
            ]
        );
    }

    #[test]
    fn the_wire_keeps_the_rule_codes_and_tags_the_refs() {
        for rule in [
            CheckRule::GegrondWithoutBreach,
            CheckRule::NietGegrondNeedsAllProper,
            CheckRule::VerdictOpen,
            CheckRule::NotEstablishableUnheard,
            CheckRule::OpenBlocksFinal,
            CheckRule::GeenOordeelWithDecidedConflicts,
        ] {
            assert_eq!(serde_json::to_value(rule).unwrap(), rule.code());
        }
        let check = Check {
            severity: Severity::Warning,
            rule: CheckRule::OpenBlocksFinal,
            message: "m".into(),
            refs: vec![
                CheckRef::Point { number: 2 },
                CheckRef::Conflict { title: "X".into() },
            ],
            verdict: None,
        };
        let json = serde_json::to_value(&check).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "severity": "warning",
                "rule": "conflict.open_blocks_final",
                "message": "m",
                "refs": [{ "kind": "point", "number": 2 }, { "kind": "conflict", "title": "X" }],
                "verdict": null,
            })
        );
        assert_eq!(serde_json::from_value::<Check>(json).unwrap(), check);
    }
}
