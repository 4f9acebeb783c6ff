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

use super::kind_title;
use crate::html::LetterHead;
use chrono::NaiveDate;
use wederhoor_core::dates::dutch_long_date;
use wederhoor_core::file::{DossierFile, FileParty};
use wederhoor_core::vocab::{EventKind, Kenbaarheid, PartyRole, ReportKind, Verdict};

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

/// A paragraph of the investigator's own words, when there are any.
fn asks_paragraph(letter: &Letter) -> Option<String> {
    let asks = letter.asks.trim();
    (!asks.is_empty()).then(|| format!("{asks}\n"))
}

/// An instruction when the term does not fall after the letter's date.
fn term_check(letter: &Letter) -> Option<String> {
    let due = letter.due_on?;
    (due <= letter.date).then(|| {
        format!(
            "*Deze termijn ({}) valt niet na de datum van de brief ({}); kies een latere datum.*\n",
            dutch_long_date(due),
            dutch_long_date(letter.date)
        )
    })
}

fn acknowledgement(w: &Words, letter: &Letter) -> Vec<String> {
    let bodies = w.bodies();
    let mut out = Vec::new();
    out.push(if w.to.role() == Some(PartyRole::Representative) {
        format!(
            "Op {} hebben wij het verzoekschrift ontvangen dat u namens {} hebt ingediend. Daarin wordt de ombudsman gevraagd een onderzoek in te stellen naar een gedraging van {bodies}. Met deze brief bevestigen wij de ontvangst.\n",
            w.received(),
            w.requester()
        )
    } else {
        format!(
            "Op {} hebben wij uw verzoekschrift ontvangen. U vraagt de ombudsman een onderzoek in te stellen naar een gedraging van {bodies}. Met deze brief bevestigen wij de ontvangst.\n",
            w.received()
        )
    });
    out.push(format!(
        "Uw verzoek is bij ons geregistreerd onder kenmerk {}. Wilt u dit kenmerk noemen als u ons schrijft of belt?\n",
        w.reference()
    ));
    let mut next = String::from(
        "### Wat gebeurt er nu?\n\nWij bekijken eerst of de ombudsman uw klacht kan onderzoeken.",
    );
    if w.dossier.dossier.kenbaarheid == Kenbaarheid::Required {
        next.push_str(&format!(
            " Daarbij gaan wij onder meer na of de klacht eerst bij {bodies} zelf is ingediend. Dat is nodig: de instantie moet de kans hebben gehad de klacht zelf te behandelen (artikel 9:20 van de Algemene wet bestuursrecht)."
        ));
    }
    next.push_str(" Ontbreken er gegevens in het verzoek, dan vragen wij u die aan te vullen.\n");
    out.push(next);
    out.extend(asks_paragraph(letter));
    out.push(match letter.due_on {
        Some(due) => format!("U hoort uiterlijk {} van ons.\n", dutch_long_date(due)),
        None => "Zodra wij dat hebben bekeken, laten wij u weten of de ombudsman de klacht gaat onderzoeken.\n".into(),
    });
    out.extend(term_check(letter));
    out
}

fn information_request(w: &Words, letter: &Letter) -> Vec<String> {
    let mut out = Vec::new();
    out.push(if w.to.is_requester_side() {
        format!(
            "Ik onderzoek {}. Voor dat onderzoek heb ik informatie van u nodig.\n",
            w.the_complaint()
        )
    } else if w.to.is_body() {
        format!(
            "Op {} ontving ik een verzoek van {} om een onderzoek in te stellen naar een gedraging van {}. Ik onderzoek die klacht en vraag u daarvoor om informatie.\n",
            w.received(),
            w.requester(),
            w.bodies()
        )
    } else {
        format!(
            "Ik onderzoek {}. Voor dat onderzoek vraag ik ook u om informatie.\n",
            w.the_complaint()
        )
    });
    out.push(format!(
        "### De klacht\n\n{} bestaat uit de volgende onderdelen:\n\n{}",
        if w.to.role() == Some(PartyRole::Requester) {
            "Uw klacht"
        } else {
            "De klacht"
        },
        w.points()
    ));
    out.push("### Mijn verzoek\n\nOp grond van artikel 9:31 van de Algemene wet bestuursrecht verzoek ik u mij de volgende informatie en stukken te sturen:\n".into());
    out.push(
        asks_paragraph(letter)
            .unwrap_or_else(|| "*Noem hier welke informatie en stukken u vraagt.*\n".into()),
    );
    out.push(match letter.due_on {
        Some(due) => format!(
            "Ik ontvang uw antwoord graag uiterlijk {}.\n",
            dutch_long_date(due)
        ),
        None => "*Noem hier de datum waarop u het antwoord uiterlijk wilt ontvangen: „Ik ontvang uw antwoord graag uiterlijk …”.*\n".into(),
    });
    out.extend(term_check(letter));
    out.push("Zijn er volgens u gewichtige redenen om bepaalde informatie of stukken niet te geven, of om ze alleen aan mij ter kennis te brengen? Laat mij dan weten om welke informatie het gaat en waarom. Ik beslis daarna of dat gerechtvaardigd is.\n".into());
    out.push(format!(
        "Wilt u bij uw antwoord het kenmerk {} vermelden?\n",
        w.reference()
    ));
    out
}

fn findings_letter(w: &Words, letter: &Letter) -> Vec<String> {
    let (views, others) = if w.to.is_requester_side() {
        (
            format!("uw standpunt en dat van {}", w.bodies()),
            format!(
                "Ook {} krijgt het verslag en kan daarop reageren.\n",
                w.bodies()
            ),
        )
    } else if w.to.is_body() {
        (
            format!("uw standpunt en dat van {}", w.requester()),
            format!(
                "Ook {} krijgt het verslag en kan daarop reageren.\n",
                w.requester()
            ),
        )
    } else {
        (
            format!("de standpunten van {} en van {}", w.requester(), w.bodies()),
            format!(
                "Ook {} en {} krijgen het verslag en kunnen daarop reageren.\n",
                w.requester(),
                w.bodies()
            ),
        )
    };
    let mut out = Vec::new();
    out.push(format!(
        "Hierbij stuur ik u het verslag van bevindingen van mijn onderzoek naar {}.\n",
        w.the_complaint()
    ));
    out.push(format!(
        "### Wat staat er in het verslag?\n\nIn het verslag beschrijf ik wat ik in het onderzoek heb vastgesteld: de feiten, {views}. Het verslag bevat nog geen oordeel. Dat geef ik pas in het rapport, nadat alle betrokkenen op het verslag hebben kunnen reageren.\n"
    ));
    let term = match letter.due_on {
        Some(due) => format!(
            "Ik ontvang uw reactie graag uiterlijk {}.",
            dutch_long_date(due)
        ),
        None => "*Noem hier de datum waarop u de reactie uiterlijk wilt ontvangen.*".into(),
    };
    out.push(format!(
        "### Uw reactie\n\nU kunt schriftelijk op het verslag reageren. {term} Klopt er volgens u iets niet in de feiten, of ontbreekt er iets? Noem dan de passage waar het om gaat en licht toe wat er volgens u anders is.\n"
    ));
    out.extend(term_check(letter));
    out.push(others);
    out.push("### Hoe gaat het verder?\n\nDe reacties die ik ontvang, neem ik op in het rapport. Na afloop van de termijn schrijf ik het rapport, met daarin mijn oordeel over de klacht. Ontvang ik binnen de termijn geen reactie van u, dan ga ik ervan uit dat u geen opmerkingen hebt.\n".into());
    out.extend(asks_paragraph(letter));
    out
}

fn report_letter(w: &Words, letter: &Letter) -> Vec<String> {
    let d = w.dossier;
    let mut out = Vec::new();
    out.push(format!(
        "Hierbij stuur ik u mijn rapport over {}. In het rapport leest u wat ik heb onderzocht en wat mijn oordeel is.\n",
        w.the_complaint()
    ));
    let mut oordeel = String::from("### Mijn oordeel\n\n");
    if d.complaint_points.is_empty() {
        oordeel.push_str("*Vat hier het oordeel over de klacht samen.*\n");
    } else {
        oordeel.push_str("Mijn oordeel per klachtonderdeel:\n\n");
        for point in &d.complaint_points {
            let verdict = match point.verdict {
                Verdict::Open => "*nog geen oordeel vastgelegd*".to_string(),
                v => v.label_nl().to_string(),
            };
            oordeel.push_str(&format!("- klachtonderdeel {}: {verdict}\n", point.number));
        }
    }
    if d.recommendations.is_empty() {
        oordeel.push_str("\nHet rapport bevat geen aanbeveling.\n");
    }
    out.push(oordeel);
    if !d.recommendations.is_empty() {
        let several = d.recommendations.len() > 1;
        let mut recs = format!(
            "### {}\n\nIn het rapport doe ik {}:\n\n",
            if several {
                "Aanbevelingen"
            } else {
                "Aanbeveling"
            },
            if several {
                "de volgende aanbevelingen"
            } else {
                "de volgende aanbeveling"
            }
        );
        for (i, r) in d.recommendations.iter().enumerate() {
            recs.push_str(&format!(
                "{}. {}\n",
                i + 1,
                r.text.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        }
        let when = letter.due_on.map_or_else(
            || "binnen een redelijke termijn".to_string(),
            |due| format!("uiterlijk {}", dutch_long_date(due)),
        );
        let what = if several {
            "de aanbevelingen"
        } else {
            "de aanbeveling"
        };
        let which = if several {
            "een aanbeveling"
        } else {
            "de aanbeveling"
        };
        if w.to.is_body() {
            recs.push_str(&format!(
                "\nOp grond van artikel 9:36 lid 4 van de Algemene wet bestuursrecht verzoek ik u mij {when} te laten weten hoe u gevolg geeft aan {what}. Bent u niet van plan {which} op te volgen, dan hoor ik graag waarom niet.\n"
            ));
        } else {
            recs.push_str(&format!(
                "\n{} moet mij {when} laten weten hoe het gevolg geeft aan {what}, en waarom niet als het {which} niet opvolgt (artikel 9:36 lid 4 van de Algemene wet bestuursrecht).\n",
                super::capitalise(&w.bodies())
            ));
        }
        out.push(recs);
    }
    out.extend(term_check(letter));
    // Awb 9:36 lid 3: the rapport goes to the body, the requester and the official whose
    // conduct the complaint is about.
    let mut copies: Vec<String> = Vec::new();
    if !w.to.is_body() {
        copies.push(w.bodies());
    }
    if w.to.role() != Some(PartyRole::Requester) {
        copies.push(w.requester());
    }
    copies.extend(
        d.parties
            .iter()
            .filter(|p| p.role == PartyRole::Official && !p.name.trim().is_empty())
            .filter(|p| !matches!(&w.to, To::Party(to) if to.id == p.id))
            .map(|p| p.name.trim().to_string()),
    );
    let mut public = String::from("### Openbaarheid\n\n");
    match copies.split_last() {
        Some((last, [])) => public.push_str(&format!("Ook {last} ontvangt het rapport. ")),
        Some((last, rest)) => public.push_str(&format!(
            "Ook {} en {last} ontvangen het rapport. ",
            rest.join(", ")
        )),
        None => {}
    }
    public.push_str(&format!(
        "Het rapport is openbaar: iedereen kan om een afschrift vragen, en het wordt ter inzage gelegd (artikel 9:36 lid 5 van de Algemene wet bestuursrecht). Openbaar wordt een geanonimiseerde versie: de namen van {} en van andere betrokken personen staan daarin niet.\n",
        w.requester_word()
    ));
    out.push(public);
    out.extend(asks_paragraph(letter));
    out
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
