//! Drafts: a Markdown text for each kind of report (verslag van bevindingen, rapport,
//! rapportbrief) and for each procedure letter ([`letters`]), filled from a dossier snapshot. The investigator edits the draft; nothing
//! here decides anything. Where the dossier does not hold what a section needs, the draft says
//! so in an italic instruction instead of inventing it.

mod assessment;
mod findings;
pub mod letters;

pub use letters::{draft_letter, is_letter, letter_head, split_addressee, Letter};

use crate::html::{PointSummary, TitleBlock};
use chrono::NaiveDate;
use wederhoor_core::dates::{dutch_long_date, dutch_month_year, FuzzyDate};
use wederhoor_core::file::{DossierFile, FileParty};
use wederhoor_core::vocab::{PartyRole, ReportKind, Verdict};

/// The dossier and the words the draft uses for its parties.
pub(crate) struct Context<'a> {
    pub(crate) dossier: &'a DossierFile,
    /// "verzoeker" or "verzoekster".
    pub(crate) requester: String,
    /// The body as the rapport names it: its pseudonym ("de gemeente", "de dienst").
    pub(crate) body: String,
}

impl<'a> Context<'a> {
    fn new(dossier: &'a DossierFile) -> Self {
        let sides = wederhoor_core::findings::Sides::of(
            dossier
                .parties
                .iter()
                .map(|p| (p.role, p.pseudonym.as_str())),
        );
        Context {
            dossier,
            requester: sides.citizen,
            body: sides.body,
        }
    }

    pub(crate) fn party(&self, id: &str) -> Option<&'a FileParty> {
        self.dossier.parties.iter().find(|p| p.id == id)
    }

    pub(crate) fn requester_capital(&self) -> String {
        capitalise(&self.requester)
    }

    /// The body's name with a capital, to open a sentence: "De gemeente".
    pub(crate) fn body_capital(&self) -> String {
        capitalise(&self.body)
    }

    /// The findings' names for the two sides.
    pub(crate) fn sides(&self) -> wederhoor_core::findings::Sides {
        wederhoor_core::findings::Sides {
            citizen: self.requester.clone(),
            body: self.body.clone(),
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A fuzzy date in words: "2 oktober 2018", "oktober 2018", "15 september 2018 tot en met
/// 20 december 2018".
pub fn fuzzy_date_words(date: &FuzzyDate) -> String {
    match date {
        FuzzyDate::On(moment) => dutch_long_date(moment.day()),
        FuzzyDate::Month(month) => dutch_month_year(month.first_day()),
        FuzzyDate::Range { from, to } => format!(
            "{} tot en met {}",
            dutch_long_date(*from),
            dutch_long_date(*to)
        ),
    }
}

/// The kind's name as a title: "Rapport", "Verslag van bevindingen", "Rapportbrief".
pub fn kind_title(kind: ReportKind) -> String {
    let label = kind.label_nl();
    let mut c = label.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The first page's block for this dossier and kind. A verslag van bevindingen gives no
/// oordeel, so its points carry none.
pub fn title_block(
    dossier: &DossierFile,
    kind: ReportKind,
    date: NaiveDate,
    marking: &str,
) -> TitleBlock {
    TitleBlock {
        ombudsman: dossier.dossier.ombudsman.clone(),
        kind_label: kind_title(kind),
        reference: dossier.dossier.reference.clone(),
        date: dutch_long_date(date),
        body: dossier.dossier.bodies.join("; "),
        title: dossier.dossier.title.clone(),
        points: dossier
            .complaint_points
            .iter()
            .map(|p| PointSummary {
                number: p.number,
                text: p.text.clone(),
                verdict: (kind != ReportKind::VerslagVanBevindingen)
                    .then(|| p.verdict.label_nl().to_string()),
            })
            .collect(),
        marking: marking.to_string(),
    }
}

fn samenvatting(cx: &Context) -> String {
    let summary = cx.dossier.dossier.summary.trim();
    if summary.is_empty() {
        "## Samenvatting\n\n*Schrijf hier in gewone taal waar de klacht over gaat en wat de ombudsman ervan vindt.*\n".into()
    } else {
        format!("## Samenvatting\n\n{summary}\n")
    }
}

fn klacht(cx: &Context) -> String {
    let mut out = String::from("## Klacht\n\n");
    if cx.dossier.complaint_points.is_empty() {
        out.push_str("*De klacht is nog niet in klachtonderdelen verdeeld.*\n");
        return out;
    }
    out.push_str(&format!(
        "{} klaagt erover dat:\n\n",
        cx.requester_capital()
    ));
    for point in &cx.dossier.complaint_points {
        out.push_str(&format!("{}. {}\n", point.number, point.text.trim()));
    }
    out
}

fn bevoegdheid(cx: &Context) -> String {
    format!(
        "## Bevoegdheid en ontvankelijkheid\n\n{} heeft de klacht op {} ontvangen. *Ga na en beschrijf of de klacht eerst bij {} zelf is behandeld (Awb 9:20), of zij binnen een jaar na die afhandeling is ingediend en of er geen grond is om haar niet te behandelen (Awb 9:22 tot en met 9:24).*\n",
        cx.dossier.dossier.ombudsman.trim(),
        dutch_long_date(cx.dossier.dossier.received_on),
        cx.body
    )
}

fn verloop(cx: &Context, kind: ReportKind) -> String {
    let mut out = String::from("## Verloop van het onderzoek\n\n");
    out.push_str(&format!(
        "De klacht is ontvangen op {}.",
        dutch_long_date(cx.dossier.dossier.received_on)
    ));
    let sources: Vec<String> = cx
        .dossier
        .sources
        .iter()
        .map(|s| match s.received_on {
            Some(day) => format!("- {} (ontvangen {})", s.title.trim(), dutch_long_date(day)),
            None => format!("- {}", s.title.trim()),
        })
        .collect();
    if sources.is_empty() {
        out.push('\n');
    } else {
        out.push_str(" In het onderzoek zijn de volgende stukken betrokken:\n\n");
        out.push_str(&sources.join("\n"));
        out.push('\n');
    }
    if kind == ReportKind::VerslagVanBevindingen {
        return out;
    }
    let reactions: Vec<_> = cx
        .dossier
        .reactions
        .iter()
        .filter(|r| r.on_report == Some(ReportKind::VerslagVanBevindingen))
        .collect();
    out.push('\n');
    if reactions.is_empty() {
        out.push_str("De bevindingen zijn als verslag van bevindingen aan beide partijen voorgelegd. *Er is (nog) geen reactie op het verslag vastgelegd.*\n");
        return out;
    }
    out.push_str("De bevindingen zijn als verslag van bevindingen aan beide partijen voorgelegd. Daarop kwamen deze reacties binnen:\n\n");
    for reaction in reactions {
        let who = cx
            .party(&reaction.party)
            .map_or("een partij", |p| p.pseudonym.as_str());
        out.push_str(&format!(
            "- {} ({}):\n\n  > {}\n\n",
            who,
            dutch_long_date(reaction.received_on),
            reaction.text.trim().replace('\n', "\n  > ")
        ));
    }
    out
}

fn reaction_request(cx: &Context) -> String {
    format!(
        "## Reactie op dit verslag\n\nDit verslag bevat de bevindingen van het onderzoek, nog zonder oordeel. {} en {} kunnen schriftelijk reageren; de reacties worden in het rapport vermeld. *Vul de termijn voor een reactie in die uw ombudsman hanteert.*\n",
        cx.requester_capital(),
        cx.body
    )
}

fn letter_opening(cx: &Context) -> String {
    let name = cx
        .dossier
        .parties
        .iter()
        .find(|p| p.role == PartyRole::Requester)
        .map_or("verzoeker", |p| p.name.trim());
    format!(
        "Geachte {name},\n\nU diende op {} een klacht in over {}. In deze brief leest u wat ik heb onderzocht en wat mijn oordeel is.\n",
        dutch_long_date(cx.dossier.dossier.received_on),
        cx.dossier.dossier.bodies.join(" en ")
    )
}

fn letter_closing(cx: &Context) -> String {
    format!(
        "Met vriendelijke groet,\n\n{}\n",
        cx.dossier.dossier.ombudsman.trim()
    )
}

/// The Markdown draft of a report of this kind for the dossier. A procedure letter is drafted
/// with [`Letter::from_dossier`]: to whom, by when and dated as the newest event of its step
/// of the procedure says, or to its default addressee without a term; the store drafts a
/// letter with [`draft_letter`] and what the investigator filled in.
pub fn draft(dossier: &DossierFile, kind: ReportKind) -> String {
    let cx = Context::new(dossier);
    let sections: Vec<String> = match kind {
        ReportKind::VerslagVanBevindingen => vec![
            klacht(&cx),
            verloop(&cx, kind),
            findings::bevindingen(&cx),
            reaction_request(&cx),
        ],
        ReportKind::Rapport => vec![
            samenvatting(&cx),
            klacht(&cx),
            bevoegdheid(&cx),
            verloop(&cx, kind),
            findings::bevindingen(&cx),
            assessment::beoordeling(&cx),
            assessment::oordeel(&cx),
            assessment::aanbevelingen(&cx),
        ],
        ReportKind::Rapportbrief => vec![
            letter_opening(&cx),
            klacht(&cx).replacen("## Klacht", "## Klacht voorgelegd", 1),
            findings::bevindingen(&cx),
            assessment::beoordeling(&cx),
            assessment::oordeel(&cx),
            assessment::aanbevelingen(&cx),
            letter_closing(&cx),
        ],
        ReportKind::LetterAcknowledgement
        | ReportKind::LetterInformationRequest
        | ReportKind::LetterFindings
        | ReportKind::LetterReport => {
            return draft_letter(dossier, kind, &Letter::from_dossier(dossier, kind))
        }
    };
    sections.join("\n")
}

/// Whether any point still lacks an oordeel (a final rapport needs them all).
pub fn has_open_verdicts(dossier: &DossierFile) -> bool {
    dossier
        .complaint_points
        .iter()
        .any(|p| p.verdict == Verdict::Open)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod letter_tests;
