//! Dutch plain-text output of `list` and `show`.

use std::fmt::Write;
use wederhoor_core::checks::Check;
use wederhoor_core::checks::Severity;
use wederhoor_core::dates::{dutch_long_date, parse_iso_day};
use wederhoor_core::wire::{DossierOverview, DossierSummary, SuggestionStatus, SuggestionView};

fn long_date(iso: &str) -> String {
    parse_iso_day(iso)
        .map(dutch_long_date)
        .unwrap_or_else(|_| iso.to_string())
}

/// One line per dossier: reference, status, received date, title.
pub fn list(dossiers: &[DossierSummary]) -> String {
    if dossiers.is_empty() {
        return "Geen dossiers.\n".into();
    }
    let width = dossiers
        .iter()
        .map(|d| d.reference.chars().count())
        .max()
        .unwrap_or(0);
    let status_width = dossiers
        .iter()
        .map(|d| d.status.label_nl().chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for d in dossiers {
        let _ = writeln!(
            out,
            "{:width$}  {:status_width$}  {}  {}",
            d.reference,
            d.status.label_nl(),
            d.received_on,
            d.title,
        );
    }
    out
}

/// A dossier's overview for people.
pub fn overview(view: &DossierOverview) -> String {
    let d = &view.dossier;
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}", d.reference, d.title);
    let _ = writeln!(
        out,
        "Status: {} · ontvangen {}",
        d.status.label_nl(),
        long_date(&d.received_on)
    );
    if !view.ombudsman.is_empty() {
        let _ = writeln!(out, "Ombudsman: {}", view.ombudsman);
    }
    let _ = writeln!(out, "Klacht over: {}", d.bodies.join("; "));
    if !d.keywords.is_empty() {
        let _ = writeln!(out, "Trefwoorden: {}", d.keywords.join(", "));
    }

    let _ = writeln!(out, "\nPartijen");
    if view.parties.is_empty() {
        let _ = writeln!(out, "  (nog geen partijen)");
    }
    for p in &view.parties {
        let _ = writeln!(
            out,
            "  {:<20} {} (openbaar: {})",
            p.role.label_nl(),
            p.name,
            p.pseudonym
        );
    }

    let _ = writeln!(out, "\nKlachtonderdelen");
    if view.complaint_points.is_empty() {
        let _ = writeln!(out, "  (nog geen klachtonderdelen)");
    }
    for k in &view.complaint_points {
        let _ = writeln!(out, "  {}. {}", k.number, k.text);
        let norms: Vec<String> = k
            .judgements
            .iter()
            .map(|j| format!("{}: {}", j.norm_name, j.outcome.label_nl()))
            .collect();
        let _ = writeln!(
            out,
            "     oordeel: {}{}",
            k.verdict.label_nl(),
            if norms.is_empty() {
                String::new()
            } else {
                format!(" ({})", norms.join("; "))
            }
        );
    }

    let c = &view.counts;
    let _ = writeln!(
        out,
        "\nInhoud: {} · {} · {} · {} ({} open) · {} · {}",
        count(c.sources, "stuk", "stukken"),
        count(c.claims, "lezing", "lezingen"),
        count(c.records, "registratie", "registraties"),
        count(c.conflicts, "tegenstrijdigheid", "tegenstrijdigheden"),
        c.open_conflicts,
        count(c.recommendations, "aanbeveling", "aanbevelingen"),
        count(c.reactions, "reactie", "reacties"),
    );

    let _ = writeln!(out, "\nControles");
    write_checks(&mut out, &view.checks);
    out
}

/// The checks as the command line's JSON has always given them: rule, severity, the Dutch
/// sentence and what it is about as Dutch words (`klachtonderdeel 2`), so scripts that read
/// `show --json` or `check --json` keep working while the app's wire type is typed.
pub fn checks_json(checks: &[Check]) -> serde_json::Value {
    checks
        .iter()
        .map(|c| {
            serde_json::json!({
                "severity": c.severity,
                "rule": c.rule,
                "message": c.message,
                "refs": c.refs.iter().map(ToString::to_string).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn write_checks(out: &mut String, checks: &[Check]) {
    if checks.is_empty() {
        let _ = writeln!(out, "  Geen bevindingen.");
    }
    for check in checks {
        let label = match check.severity {
            Severity::Error => "FOUT",
            Severity::Warning => "LET OP",
            Severity::Info => "info",
        };
        let _ = writeln!(out, "  [{label}] {}", check.message);
    }
}

/// `wederhoor check`: suggested conflicts, then the rule findings.
pub fn check(
    reference: &str,
    title: &str,
    suggestions: &[SuggestionView],
    checks: &[Check],
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{reference}  {title}\n\nVoorgestelde tegenstrijdigheden"
    );
    if suggestions.is_empty() {
        let _ = writeln!(
            out,
            "  Geen: de lezingen en registraties spreken elkaar volgens de regels niet tegen."
        );
    }
    for s in suggestions {
        let status = match (s.status, &s.conflict_title) {
            (SuggestionStatus::Recorded, Some(title)) => format!("vastgelegd als \"{title}\""),
            (SuggestionStatus::Recorded, None) => "vastgelegd".to_string(),
            (SuggestionStatus::Dismissed, _) => "afgewezen".to_string(),
            (SuggestionStatus::New, _) => "nieuw".to_string(),
        };
        let _ = writeln!(
            out,
            "  [{status}] {}: {}",
            s.suggestion.title, s.suggestion.message
        );
    }
    let _ = writeln!(out, "\nRegels");
    write_checks(&mut out, checks);
    out
}

/// "1 stuk", "3 stukken".
pub fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
