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

/// One finding of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// How serious.
    pub severity: Severity,
    /// Stable code of the rule, e.g. `verdict.gegrond_without_breach`.
    pub rule: String,
    /// A Dutch sentence for people.
    pub message: String,
    /// What it is about, e.g. `klachtonderdeel 2`.
    pub refs: Vec<String>,
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
                rule: "conflict.not_establishable_unheard".into(),
                message: format!(
                    "Tegenstrijdigheid \"{}\" is als niet vast te stellen beoordeeld, maar niet beide kanten hebben elkaars lezing gezien.",
                    conflict.title
                ),
                refs: vec![format!("tegenstrijdigheid \"{}\"", conflict.title)],
            });
        }
    }
    checks.sort_by_key(|c| std::cmp::Reverse(c.severity));
    checks
}

fn point_ref(point: &PointFacts) -> Vec<String> {
    vec![format!("klachtonderdeel {}", point.number)]
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
    let mut push = |severity, rule: &str, message: String| {
        checks.push(Check {
            severity,
            rule: rule.into(),
            message,
            refs: point_ref(point),
        })
    };
    match point.verdict {
        Verdict::Gegrond | Verdict::DeelsGegrond if breaches == 0 => push(
            Severity::Error,
            "verdict.gegrond_without_breach",
            format!(
                "Klachtonderdeel {} is {}, maar geen norm is als niet behoorlijk beoordeeld; het rapport moet de geschonden norm noemen (Awb 9:36 lid 2).",
                point.number,
                point.verdict.label_nl()
            ),
        ),
        Verdict::NietGegrond if point.judgements.is_empty() || !all_proper => push(
            Severity::Error,
            "verdict.niet_gegrond_needs_all_proper",
            format!("Klachtonderdeel {} is niet gegrond, maar niet elke toetsing is behoorlijk.", point.number),
        ),
        Verdict::Open => push(
            Severity::Info,
            "verdict.open",
            format!("Klachtonderdeel {} heeft nog geen oordeel.", point.number),
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
            rule: "conflict.open_blocks_final".into(),
            message: format!(
                "Tegenstrijdigheid \"{}\" bij klachtonderdeel {} is nog open; een definitief rapport kan pas als zij is beslist.",
                conflict.title, point.number
            ),
            refs: vec![format!("klachtonderdeel {}", point.number), format!("tegenstrijdigheid \"{}\"", conflict.title)],
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
            rule: "verdict.geen_oordeel_with_decided_conflicts".into(),
            message: format!(
                "Klachtonderdeel {} heeft geen oordeel, terwijl alle tegenstrijdigheden erbij zijn beslist; is een oordeel toch mogelijk?",
                point.number
            ),
            refs: point_ref(point),
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

    fn rules(checks: &[Check]) -> Vec<&str> {
        checks.iter().map(|c| c.rule.as_str()).collect()
    }

    #[test]
    fn gegrond_needs_a_breached_norm() {
        let checks = check_dossier(&[point(Verdict::Gegrond, &[Outcome::Behoorlijk])], &[]);
        assert_eq!(
            rules(&checks),
            vec!["verdict.gegrond_without_breach"],
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
        assert_eq!(rules(&mixed), vec!["verdict.niet_gegrond_needs_all_proper"]);
        let none = check_dossier(&[point(Verdict::NietGegrond, &[])], &[]);
        assert_eq!(
            rules(&none),
            vec!["verdict.niet_gegrond_needs_all_proper"],
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
        assert_eq!(rules(&checks), vec!["conflict.open_blocks_final"]);
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
            vec!["verdict.geen_oordeel_with_decided_conflicts"]
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
            vec!["conflict.not_establishable_unheard", "verdict.open"],
            "errors sort first"
        );
    }
}
