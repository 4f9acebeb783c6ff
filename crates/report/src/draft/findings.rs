//! The Bevindingen section: the facts no one disputes, in order of date, and for each
//! conflict both sides' accounts and what the ombudsman established.

use super::{fuzzy_date_words, Context};
use std::collections::HashSet;
use wederhoor_core::file::FileStatement;
use wederhoor_core::findings::paragraph;

/// How many undisputed statements the draft lists before it refers to the dossier; a register
/// import can add thousands, which belong in the dossier, not in the rapport.
pub(crate) const MAX_FACTS: usize = 40;

fn fact_line(cx: &Context, statement: &FileStatement) -> String {
    let mut line = String::from("- ");
    if let Some(date) = &statement.date {
        line.push_str(&fuzzy_date_words(date));
        if let Some(channel) = statement.channel {
            line.push_str(&format!(" ({})", channel.label_nl()));
        }
        line.push_str(": ");
    }
    line.push_str(statement.text.trim());
    let who = cx
        .party(&statement.party)
        .map_or("onbekend", |p| p.pseudonym.as_str());
    let sources: Vec<&str> = statement
        .excerpts
        .iter()
        .filter_map(|e| cx.dossier.sources.iter().find(|s| s.id == e.source))
        .map(|s| s.title.trim())
        .collect();
    if sources.is_empty() {
        line.push_str(&format!(" ({who})"));
    } else {
        line.push_str(&format!(" ({who}; bron: {})", sources.join(", ")));
    }
    line
}

fn texts(cx: &Context, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| cx.dossier.statements.iter().find(|s| &s.id == id))
        .map(|s| match &s.date {
            Some(date) => format!(
                "{} ({})",
                s.text.trim().trim_end_matches('.'),
                fuzzy_date_words(date)
            ),
            None => s.text.trim().to_string(),
        })
        .collect()
}

pub(crate) fn bevindingen(cx: &Context) -> String {
    let mut out = String::from("## Bevindingen\n\n### Vaststaande feiten\n\n");
    let disputed: HashSet<&str> = cx
        .dossier
        .conflicts
        .iter()
        .flat_map(|c| c.citizen.iter().chain(c.body.iter()))
        .map(String::as_str)
        .collect();
    let mut facts: Vec<&FileStatement> = cx
        .dossier
        .statements
        .iter()
        .filter(|s| !disputed.contains(s.id.as_str()))
        .collect();
    facts.sort_by_key(|s| s.date.map(|d| d.span().0));
    if facts.is_empty() {
        out.push_str("*Er zijn geen onbetwiste feiten vastgelegd.*\n");
    } else {
        let shown: Vec<String> = facts
            .iter()
            .take(MAX_FACTS)
            .map(|s| fact_line(cx, s))
            .collect();
        out.push_str(&shown.join("\n"));
        out.push('\n');
        if facts.len() > MAX_FACTS {
            out.push_str(&format!(
                "\n*En {} andere vastleggingen; zie het dossier. Neem op wat voor het oordeel van belang is.*\n",
                facts.len() - MAX_FACTS
            ));
        }
    }
    for conflict in &cx.dossier.conflicts {
        out.push('\n');
        out.push_str(&paragraph(
            &conflict.title,
            &texts(cx, &conflict.citizen),
            &texts(cx, &conflict.body),
            &cx.sides(),
            conflict.resolution,
            &conflict.reasoning,
        ));
    }
    out
}
