//! `wederhoor deadlines` and the procedure part of `wederhoor check`: terms in Dutch for people,
//! and as JSON for scripts (INTERFACES.md §2).

use serde_json::{json, Value};
use std::fmt::Write;
use wederhoor_core::dates::{dutch_long_date, iso_day};
use wederhoor_core::procedure::{Term, TermState};
use wederhoor_core::wire::DeadlineSummary;

/// Where a term stands, in Dutch: "verlopen: 414 dagen over de termijn (59 weken)", "loopt nog
/// 3 dagen", "gehaald op 20 augustus 2019".
pub fn state_words(term: &Term) -> String {
    match term.state {
        TermState::Met { on } => format!("gehaald op {}", dutch_long_date(on)),
        TermState::Running { days_left: 0 } => "loopt vandaag af".to_string(),
        TermState::Running { days_left: 1 } => "loopt nog 1 dag".to_string(),
        TermState::Running { days_left } => format!("loopt nog {days_left} dagen"),
        TermState::Overrun {
            days,
            weeks,
            done_on: Some(on),
        } => format!(
            "te laat: gedaan op {}, {} na het einde{}",
            dutch_long_date(on),
            days_words(days),
            weeks_words(weeks)
        ),
        TermState::Overrun {
            days,
            weeks,
            done_on: None,
        } => format!(
            "verlopen: {} over de termijn{}",
            days_words(days),
            weeks_words(weeks)
        ),
    }
}

fn days_words(days: i64) -> String {
    if days == 1 {
        "1 dag".into()
    } else {
        format!("{days} dagen")
    }
}

fn weeks_words(weeks: i64) -> String {
    match weeks {
        0 => String::new(),
        1 => " (1 week)".into(),
        n => format!(" ({n} weken)"),
    }
}

/// One term as a line: "Awb 9:11  afhandeling van de klacht door de instantie  einde 13
/// augustus 2018  verlopen: …".
pub fn term_line(term: &Term) -> String {
    format!(
        "{}: {}, einde {} ({}); {}",
        term.article,
        term.kind.label_nl(),
        dutch_long_date(term.due_on),
        term.basis,
        state_words(term)
    )
}

/// A term as JSON: its kind, article, days and state, with the figures scripts need.
pub fn term_json(term: &Term) -> Value {
    let (state, days_left, days_over, weeks_over, done_on) = match term.state {
        TermState::Met { on } => ("met", None, None, None, Some(iso_day(on))),
        TermState::Running { days_left } => ("running", Some(days_left), None, None, None),
        TermState::Overrun {
            days,
            weeks,
            done_on,
        } => (
            "overrun",
            None,
            Some(days),
            Some(weeks),
            done_on.map(iso_day),
        ),
    };
    json!({
        "kind": term.kind,
        "article": term.article,
        "label": term.kind.label_nl(),
        "starts_on": iso_day(term.starts_on),
        "due_on": iso_day(term.due_on),
        "basis": term.basis,
        "state": state,
        "days_left": days_left,
        "days_overdue": days_over,
        "weeks_overdue": weeks_over,
        "done_on": done_on,
        "open": term.open,
        "event": term.step,
    })
}

/// `deadlines --json`: the day judged and every open term with its dossier.
pub fn json(summary: &DeadlineSummary) -> Value {
    json!({
        "today": summary.today,
        "overdue": summary.overdue,
        "this_week": summary.this_week,
        "deadlines": summary.deadlines.iter().map(|d| {
            let mut term = term_json(&d.term);
            term["reference"] = json!(d.reference);
            term["title"] = json!(d.title);
            term["party"] = json!(d.party);
            term
        }).collect::<Vec<_>>(),
    })
}

/// `deadlines` for people: one block per term, overdue first.
pub fn text(summary: &DeadlineSummary) -> String {
    let mut out = String::new();
    let today = wederhoor_core::dates::parse_iso_day(&summary.today)
        .map(dutch_long_date)
        .unwrap_or_else(|_| summary.today.clone());
    let _ = writeln!(
        out,
        "Open termijnen op {today}: {} verlopen, {} deze week (vandaag en de 6 dagen daarna)",
        summary.overdue, summary.this_week
    );
    if summary.deadlines.is_empty() {
        let _ = writeln!(out, "  Geen open termijnen.");
    }
    for d in &summary.deadlines {
        let who = d
            .party
            .as_deref()
            .map(|p| format!(" · {p}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}  {}{who}\n    {}",
            d.reference,
            d.title,
            term_line(&d.term)
        );
    }
    out
}

/// The procedure part of `check` for people.
pub fn terms_text(terms: &[Term]) -> String {
    let mut out = String::from("\nVerloop en termijnen\n");
    if terms.is_empty() {
        out.push_str("  Geen termijnen: er is geen procedurestap met een termijn vastgelegd.\n");
    }
    for term in terms {
        let _ = writeln!(out, "  {}", term_line(term));
    }
    out
}
