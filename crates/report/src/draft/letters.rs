//! The four procedure letters (INTERFACES.md §1a): the ontvangstbevestiging to the requester,
//! the informatieverzoek (Awb 9:31), the letter that goes with the verslag van bevindingen and
//! the one that goes with the rapport (Awb 9:36). Each is drafted from the dossier and what the
//! investigator adds in a [`Letter`]: to whom, what is asked, by when. Where the dossier lacks
//! something a letter needs, an italic instruction says so; nothing is invented.
//!
//! A letter's Markdown opens with its addressee: a paragraph whose first line begins with
//! `Aan:`, one line per address line. [`split_addressee`] lifts that paragraph into the letter
//! head (sender, addressee, Datum, Kenmerk, Onderwerp), so the investigator edits the address
//! like any other part of the text, and the public version replaces the names in it too.

mod bodies;

use super::kind_title;
use crate::html::LetterHead;
use bodies::{acknowledgement, findings_letter, information_request, report_letter};
use chrono::NaiveDate;
use wederhoor_core::dates::dutch_long_date;
use wederhoor_core::file::{DossierFile, FileParty};
use wederhoor_core::vocab::{EventKind, PartyRole, ReportKind};

/// What a procedure letter says beyond the dossier: to whom, what is asked, by when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// The `parties[].id` (in the DossierFile) of the addressee, or None: the requester for an
    /// acknowledgement, the (first) body for the others.
    pub to: Option<String>,
    /// What is asked (information request) or a line the investigator adds; Markdown, may be
    /// empty.
    pub asks: String,
    /// The term: the day the answer / reaction is expected, or None.
    pub due_on: Option<NaiveDate>,
    /// The letter's date as drafted (today). The letter head prints the date of the rendered
    /// version; this one serves to check that the term falls after the letter.
    pub date: NaiveDate,
}

impl Letter {
    /// The letter [`super::draft`] makes when nobody says more. From the newest event of the
    /// procedure that this letter belongs to (`request_acknowledged`, `information_requested`,
    /// `findings_sent`, `report_sent`) it takes the party (when the dossier has it), the term
    /// and the day; without such an event it goes to the default addressee, with no term,
    /// dated the day the request came in (the one day every dossier has). Nothing is asked.
    pub fn from_dossier(dossier: &DossierFile, kind: ReportKind) -> Letter {
        let event_kind = match kind {
            ReportKind::LetterAcknowledgement => Some(EventKind::RequestAcknowledged),
            ReportKind::LetterInformationRequest => Some(EventKind::InformationRequested),
            ReportKind::LetterFindings => Some(EventKind::FindingsSent),
            ReportKind::LetterReport => Some(EventKind::ReportSent),
            _ => None,
        };
        let event = dossier
            .events
            .iter()
            .filter(|e| Some(e.kind) == event_kind)
            .max_by_key(|e| e.on);
        match event {
            Some(e) => Letter {
                to: e
                    .party
                    .clone()
                    .filter(|id| dossier.parties.iter().any(|p| &p.id == id)),
                asks: String::new(),
                due_on: e.due_on,
                date: e.on,
            },
            None => Letter {
                to: None,
                asks: String::new(),
                due_on: None,
                date: dossier.dossier.received_on,
            },
        }
    }
}

/// Whether a report kind is one of the procedure letters.
pub fn is_letter(kind: ReportKind) -> bool {
    matches!(
        kind,
        ReportKind::LetterAcknowledgement
            | ReportKind::LetterInformationRequest
            | ReportKind::LetterFindings
            | ReportKind::LetterReport
    )
}

/// Who a letter goes to.
enum To<'a> {
    /// A party of the dossier.
    Party(&'a FileParty),
    /// A body the dossier names (`dossier.bodies`) without a party for it.
    Named(&'a str),
    /// Nobody the dossier knows: the instruction that says so.
    Unknown(String),
}

impl To<'_> {
    fn role(&self) -> Option<PartyRole> {
        match self {
            To::Party(p) => Some(p.role),
            To::Named(_) => Some(PartyRole::Body),
            To::Unknown(_) => None,
        }
    }

    /// The requester, or someone who acts for the requester.
    fn is_requester_side(&self) -> bool {
        matches!(
            self.role(),
            Some(PartyRole::Requester | PartyRole::Representative)
        )
    }

    fn is_body(&self) -> bool {
        self.role() == Some(PartyRole::Body)
    }

    /// The addressee's name, or an instruction when there is none.
    fn name(&self) -> String {
        match self {
            To::Party(p) if !p.name.trim().is_empty() => p.name.trim().to_string(),
            To::Party(_) => "*Deze partij heeft nog geen naam; vul de geadresseerde in.*".into(),
            To::Named(name) => name.trim().to_string(),
            To::Unknown(why) => why.clone(),
        }
    }

    /// "Geachte {naam}," for a person (the app does not know anyone's gender, and a full name
    /// is correct without it); "Geachte heer, mevrouw," for an organisation or an unknown
    /// addressee ("Geacht college" fits only some bodies).
    fn salutation(&self) -> String {
        match self {
            To::Party(p)
                if wederhoor_core::parties::is_person(p.role) && !p.name.trim().is_empty() =>
            {
                format!("Geachte {},", p.name.trim())
            }
            _ => "Geachte heer, mevrouw,".into(),
        }
    }
}

/// The dossier and the words each letter uses for its parties.
struct Words<'a> {
    dossier: &'a DossierFile,
    to: To<'a>,
}

impl<'a> Words<'a> {
    fn new(dossier: &'a DossierFile, kind: ReportKind, letter: &Letter) -> Self {
        let to = match letter.to.as_deref() {
            Some(id) => match dossier.parties.iter().find(|p| p.id == id) {
                Some(p) => To::Party(p),
                None => To::Unknown(format!(
                    "*Het dossier kent geen partij {}; vul de geadresseerde in.*",
                    id.trim()
                )),
            },
            None => {
                let role = if kind == ReportKind::LetterAcknowledgement {
                    PartyRole::Requester
                } else {
                    PartyRole::Body
                };
                match dossier.parties.iter().find(|p| p.role == role) {
                    Some(p) => To::Party(p),
                    None => match dossier.dossier.bodies.iter().find(|b| !b.trim().is_empty()) {
                        Some(body) if role == PartyRole::Body => To::Named(body),
                        _ => To::Unknown(format!(
                            "*Het dossier heeft nog geen {}; vul de geadresseerde in.*",
                            role.label_nl()
                        )),
                    },
                }
            }
        };
        Words { dossier, to }
    }

    /// The requester's name, or a placeholder to fill in.
    fn requester(&self) -> String {
        self.dossier
            .parties
            .iter()
            .find(|p| p.role == PartyRole::Requester && !p.name.trim().is_empty())
            .map_or_else(
                || "*[naam van verzoeker]*".to_string(),
                |p| p.name.trim().to_string(),
            )
    }

    /// The body (or bodies) complained about, as the dossier names them.
    fn bodies(&self) -> String {
        let named: Vec<&str> = self
            .dossier
            .dossier
            .bodies
            .iter()
            .map(|b| b.trim())
            .filter(|b| !b.is_empty())
            .collect();
        if !named.is_empty() {
            return named.join(" en ");
        }
        let parties: Vec<&str> = self
            .dossier
            .parties
            .iter()
            .filter(|p| p.role == PartyRole::Body && !p.name.trim().is_empty())
            .map(|p| p.name.trim())
            .collect();
        if parties.is_empty() {
            "*[het bestuursorgaan]*".into()
        } else {
            parties.join(" en ")
        }
    }

    /// How the rapport names the requester: "verzoeker" or "verzoekster".
    fn requester_word(&self) -> String {
        super::Context::new(self.dossier).requester
    }

    /// "uw klacht over X" to the requester, "de klacht van Y over X" to anyone else.
    fn the_complaint(&self) -> String {
        if self.to.role() == Some(PartyRole::Requester) {
            format!("uw klacht over {}", self.bodies())
        } else {
            format!("de klacht van {} over {}", self.requester(), self.bodies())
        }
    }

    fn reference(&self) -> String {
        let reference = self.dossier.dossier.reference.trim();
        if reference.is_empty() {
            "*[kenmerk]*".into()
        } else {
            reference.to_string()
        }
    }

    fn received(&self) -> String {
        dutch_long_date(self.dossier.dossier.received_on)
    }

    /// The opening paragraph that [`split_addressee`] lifts into the letter head.
    fn address(&self) -> String {
        format!(
            "Aan: {}\n*Vul hier het adres in.*\n",
            self.to.name().replace('\n', " ")
        )
    }

    fn closing(&self) -> String {
        let ombudsman = self.dossier.dossier.ombudsman.trim();
        if ombudsman.is_empty() {
            "Met vriendelijke groet,\n\n*Vul hier de naam van de ombudsman in.*\n".into()
        } else {
            format!("Met vriendelijke groet,\n\n{ombudsman}\n")
        }
    }

    /// The complaint points as a numbered list, or the instruction to describe the complaint.
    fn points(&self) -> String {
        if self.dossier.complaint_points.is_empty() {
            return "*De klacht is nog niet in klachtonderdelen verdeeld; beschrijf hier kort waarover zij gaat.*\n".into();
        }
        let mut out = String::new();
        for point in &self.dossier.complaint_points {
            out.push_str(&format!(
                "{}. {}\n",
                point.number,
                point.text.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        }
        out
    }
}

/// The Markdown draft of a procedure letter: the addressee paragraph (`Aan: …`), the
/// salutation, the letter's text from the dossier and `letter`, and the closing with the
/// ombudsman's name. For a kind that is not a letter it is that report's draft.
pub fn draft_letter(dossier: &DossierFile, kind: ReportKind, letter: &Letter) -> String {
    let w = Words::new(dossier, kind, letter);
    let body = match kind {
        ReportKind::LetterAcknowledgement => acknowledgement(&w, letter),
        ReportKind::LetterInformationRequest => information_request(&w, letter),
        ReportKind::LetterFindings => findings_letter(&w, letter),
        ReportKind::LetterReport => report_letter(&w, letter),
        _ => return super::draft(dossier, kind),
    };
    let mut parts = vec![w.address(), format!("{}\n", w.to.salutation())];
    parts.extend(body);
    parts.push(w.closing());
    parts.join("\n")
}

/// Splits a letter's Markdown into its addressee lines (the opening paragraph whose first line
/// begins with `Aan:`, without that word; Markdown, one line each, opening with a capital as an
/// address line does: "Van den Berg", and "Verzoekster" in the public version) and the rest of
/// the text. Without such a paragraph the lines are empty and the text is returned whole.
pub fn split_addressee(markdown: &str) -> (Vec<String>, String) {
    let trimmed = markdown.trim_start_matches(['\n', '\r', ' ', '\t']);
    let Some(first) = trimmed.strip_prefix("Aan:") else {
        return (Vec::new(), markdown.to_string());
    };
    let (paragraph, rest) = match first.find("\n\n").or_else(|| first.find("\r\n\r\n")) {
        Some(end) => (&first[..end], &first[end..]),
        None => (first, ""),
    };
    let lines = paragraph
        .lines()
        .map(|line| super::capitalise(line.trim().trim_end_matches('\\').trim_end()))
        .filter(|line| !line.is_empty())
        .collect();
    (lines, rest.trim_start_matches(['\n', '\r']).to_string())
}

/// What the letter is about, for its Onderwerp line.
fn subject(kind: ReportKind) -> String {
    match kind {
        ReportKind::LetterAcknowledgement => "Ontvangstbevestiging".into(),
        ReportKind::LetterInformationRequest => "Verzoek om informatie".into(),
        ReportKind::LetterFindings => "Verslag van bevindingen".into(),
        ReportKind::LetterReport => "Rapport".into(),
        other => kind_title(other),
    }
}

/// What goes with the letter, for its Bijlage line.
fn enclosure(kind: ReportKind) -> Option<String> {
    match kind {
        ReportKind::LetterFindings => Some("verslag van bevindingen".into()),
        ReportKind::LetterReport => Some("rapport".into()),
        _ => None,
    }
}

/// The letter head for this dossier and letter kind: the ombudsman as sender, the addressee
/// lines [`split_addressee`] took from the text, the date, the dossier's reference as kenmerk,
/// the subject (what the letter is about and the dossier's title), the enclosure, the marking.
pub fn letter_head(
    dossier: &DossierFile,
    kind: ReportKind,
    date: NaiveDate,
    marking: &str,
    addressee: Vec<String>,
) -> LetterHead {
    let title = dossier.dossier.title.trim();
    LetterHead {
        sender: dossier.dossier.ombudsman.clone(),
        kind_label: kind_title(kind),
        addressee,
        date: dutch_long_date(date),
        reference: dossier.dossier.reference.clone(),
        subject: if title.is_empty() {
            subject(kind)
        } else {
            format!("{}: {title}", subject(kind))
        },
        enclosure: enclosure(kind),
        marking: marking.to_string(),
    }
}
