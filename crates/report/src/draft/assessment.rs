//! Beoordeling, Oordeel and Aanbevelingen: per complaint point the norms tested with their
//! meaning and the investigator's considerations, the conclusion per norm in the words of
//! Awb 9:27 ("De onderzochte gedraging is op dit punt (niet) behoorlijk"), and the verdict.

use super::Context;
use wederhoor_core::file::FileComplaintPoint;
use wederhoor_core::norms;
use wederhoor_core::vocab::{Outcome, Verdict};

fn norm_name(code: &str) -> String {
    norms::find(code).map_or_else(|| code.to_string(), |n| n.name.to_string())
}

fn conclusion(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Behoorlijk => "De onderzochte gedraging is op dit punt behoorlijk.",
        Outcome::NietBehoorlijk => "De onderzochte gedraging is op dit punt niet behoorlijk.",
        Outcome::GeenOordeel => "De ombudsman geeft op dit punt geen oordeel.",
    }
}

pub(crate) fn beoordeling(cx: &Context) -> String {
    let mut out = String::from("## Beoordeling\n");
    if cx.dossier.complaint_points.is_empty() {
        out.push_str("\n*Er zijn nog geen klachtonderdelen om te beoordelen.*\n");
    }
    for point in &cx.dossier.complaint_points {
        out.push_str(&format!(
            "\n### Klachtonderdeel {}\n\n*{}*\n",
            point.number,
            point.text.trim()
        ));
        if point.judgements.is_empty() {
            out.push_str("\n*Dit onderdeel is nog niet aan een norm getoetst.*\n");
        }
        for judgement in &point.judgements {
            let norm = norms::find(&judgement.norm);
            let name = norm_name(&judgement.norm);
            out.push_str(&format!("\n#### {name}\n\n"));
            if let Some(norm) = norm {
                out.push_str(&format!(
                    "Het vereiste van {} houdt in: {}\n\n",
                    norm.name.to_lowercase(),
                    norm.description
                ));
            }
            let considerations = judgement.considerations.trim();
            if considerations.is_empty() {
                out.push_str("*Schrijf hier de overwegingen bij deze norm.*\n\n");
            } else {
                out.push_str(considerations);
                out.push_str("\n\n");
            }
            out.push_str(conclusion(judgement.outcome));
            out.push('\n');
        }
    }
    out
}

fn verdict_sentence(point: &FileComplaintPoint) -> String {
    let breached: Vec<String> = point
        .judgements
        .iter()
        .filter(|j| j.outcome == Outcome::NietBehoorlijk)
        .map(|j| norm_name(&j.norm).to_lowercase())
        .collect();
    let breach = if breached.is_empty() {
        String::new()
    } else {
        format!(
            ", wegens strijd met het vereiste van {}",
            breached.join(" en het vereiste van ")
        )
    };
    match point.verdict {
        Verdict::Gegrond => format!("is **gegrond**{breach}."),
        Verdict::DeelsGegrond => format!("is **deels gegrond**{breach}."),
        Verdict::NietGegrond => "is **niet gegrond**.".into(),
        Verdict::GeenOordeel => "krijgt **geen oordeel**.".into(),
        Verdict::Open => "heeft *nog geen oordeel*.".into(),
    }
}

pub(crate) fn oordeel(cx: &Context) -> String {
    let mut out = String::from("## Oordeel\n\n");
    if cx.dossier.complaint_points.is_empty() {
        out.push_str("*Er is nog geen oordeel.*\n");
        return out;
    }
    for point in &cx.dossier.complaint_points {
        out.push_str(&format!(
            "- Klachtonderdeel {} ({}) {}\n",
            point.number,
            point.text.trim().trim_end_matches('.'),
            verdict_sentence(point)
        ));
    }
    out
}

pub(crate) fn aanbevelingen(cx: &Context) -> String {
    let mut out = String::from("## Aanbevelingen\n\n");
    if cx.dossier.recommendations.is_empty() {
        out.push_str("De ombudsman doet geen aanbeveling.\n");
        return out;
    }
    for (i, recommendation) in cx.dossier.recommendations.iter().enumerate() {
        let point = recommendation
            .complaint_point
            .as_deref()
            .and_then(|id| cx.dossier.complaint_points.iter().find(|p| p.id == id))
            .map(|p| format!(" (klachtonderdeel {})", p.number))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}. {}{}\n",
            i + 1,
            recommendation.text.trim(),
            point
        ));
        if let Some(response) = recommendation.response.as_deref().map(str::trim) {
            if !response.is_empty() {
                out.push_str(&format!("\n   *Reactie van {}:* {}\n\n", cx.body, response));
            }
        }
    }
    out.push_str(&format!(
        "\n{} laat de ombudsman binnen een redelijke termijn weten hoe zij de aanbeveling opvolgt, en waarom als zij dat niet doet (Awb 9:36 lid 4).\n",
        cx.body_capital()
    ));
    out
}
