//! What the overview says per dossier: the recommendations made with what the bodies answered,
//! and, for the register Awb 9:12a asks of a body ([`super::ledger`]), a dossier's oordeel in
//! words and its doorlooptijd. The entries come pseudonymised ([`super::published`]).

use crate::html::{escape, markdown_body};
use crate::overview::figures::VERDICT_ORDER;
use wederhoor_core::signals::RegisterEntry;
use wederhoor_core::vocab::Verdict;

/// The oordeel of a dossier's klachtonderdelen in words, from gegrond down: "2 gegrond,
/// 1 niet gegrond".
pub fn verdict_summary(verdicts: &[Verdict]) -> String {
    if verdicts.is_empty() {
        return "geen klachtonderdelen".into();
    }
    VERDICT_ORDER
        .iter()
        .filter_map(|v| {
            let n = verdicts.iter().filter(|x| *x == v).count();
            (n > 0).then(|| format!("{n} {}", v.label_nl()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Weeks from receipt to completion, rounded; `None` while not completed (or completed on a
/// day before it was received, which no count can use).
pub fn weeks(entry: &RegisterEntry) -> Option<i64> {
    let days = (entry.completed_on? - entry.received_on).num_days();
    (days >= 0).then(|| (days + 3) / 7)
}

/// "1 aanbeveling", "3 aanbevelingen".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The recommendations section's body: how many were answered, then each with its answer.
pub fn recommendations(register: &[RegisterEntry], period_phrase: &str) -> String {
    let all: Vec<_> = register
        .iter()
        .flat_map(|e| e.recommendations.iter().map(move |r| (e, r)))
        .collect();
    if all.is_empty() {
        return format!(
            "<p>Er zijn {period_phrase} geen aanbevelingen gedaan in de getelde dossiers.</p>"
        );
    }
    let answered = all.iter().filter(|(_, r)| r.response.is_some()).count();
    let open = all.len() - answered;
    let mut html = format!(
        "<p>Er {} {} gedaan. Op {answered} daarvan is een reactie van de instantie vastgelegd, op {open} nog niet.</p>",
        if all.len() == 1 { "is" } else { "zijn" },
        counted(all.len(), "aanbeveling", "aanbevelingen"),
    );
    for (entry, r) in all {
        let point = r
            .point
            .map(|n| format!(", klachtonderdeel {n}"))
            .unwrap_or_default();
        let (inline, text) = inline_or_block(&r.text);
        let head = format!("<b>Dossier {}</b>{point}", escape(&entry.reference));
        html.push_str("<div class=\"aanbeveling\">");
        if inline {
            html.push_str(&format!("<p>{head}: {text}</p>"));
        } else {
            html.push_str(&format!("<p>{head}:</p>{text}"));
        }
        let answer = match &r.response {
            Some(answer) => inline_or_block(answer),
            None => (true, "<i>nog geen reactie vastgelegd</i>".into()),
        };
        match answer {
            (true, text) => html.push_str(&format!(
                "<p class=\"reactie\"><span class=\"label\">Reactie van de instantie:</span> {text}</p>"
            )),
            (false, text) => html.push_str(&format!(
                "<p class=\"reactie\"><span class=\"label\">Reactie van de instantie:</span></p><div class=\"reactie\">{text}</div>"
            )),
        }
        html.push_str("</div>");
    }
    html
}

/// A Markdown text as HTML: inline (`true`) when it is one paragraph, so it can follow a
/// label on the same line, else as blocks.
fn inline_or_block(markdown: &str) -> (bool, String) {
    let html = markdown_body(markdown);
    let trimmed = html.trim();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => (true, inner.to_string()),
        _ => (false, html),
    }
}
