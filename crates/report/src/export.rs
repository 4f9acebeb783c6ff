//! One rapport (or procedure letter) from Markdown to PDF: the title block (for a letter, its
//! letter head) and text for the chosen version (confidential, or public with pseudonyms), the
//! HTML the preview shows, and the PDF with the public version's name check.

use crate::anonymise::{Pseudonymiser, Redaction};
use crate::draft::{is_letter, kind_title, letter_head, split_addressee, title_block};
use crate::error::{ReportError, Result};
use crate::html::{document, letter_document, LetterHead, TitleBlock};
use crate::pdf::{render, PageFrame};
use crate::public::{findings, known_names, pseudonymised, refusal, sections, Allowed, Printed};
use crate::strict::NameParts;
use chrono::NaiveDate;
use wederhoor_core::dates::dutch_long_date;
use wederhoor_core::file::DossierFile;
use wederhoor_core::vocab::ReportKind;
use wederhoor_core::wire::{ExportStep, PublicFinding};

/// Which rendering: for the parties, or for publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// With names; "Vertrouwelijk" in the header.
    Confidential,
    /// Names replaced by pseudonyms and checked after rendering.
    Public,
}

/// A rapport made ready for the preview or the PDF.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The whole HTML document.
    pub html: String,
    /// Header, footer and metadata.
    pub frame: PageFrame,
    /// What the public version replaced (empty for the confidential one).
    pub redactions: Vec<Redaction>,
    /// The dossier's reference, which the rendered text must show.
    pub reference: String,
    /// Public version: personal details and unregistered names not yet allowed; the export
    /// is refused while there are any.
    pub findings: Vec<PublicFinding>,
    /// Public version: why none can be made of this dossier at all.
    pub refusal: Option<String>,
    names: Pseudonymiser,
    parts: NameParts,
    allowed: Allowed,
    version: Version,
}

/// A finished PDF.
#[derive(Debug, Clone)]
pub struct Exported {
    /// The file's bytes.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// What the public version replaced.
    pub redactions: Vec<Redaction>,
}

/// A redaction log line: "Noëlle van den Berg → verzoekster (3×)".
pub fn redaction_line(r: &Redaction) -> String {
    format!("{} → {} ({}×)", r.original, r.pseudonym, r.count)
}

/// Every spelling of the name of every party whose name does not stay in the public version
/// (`public_name`: a body keeps its name, a person never does), with its pseudonym.
pub fn party_names(dossier: &DossierFile) -> Pseudonymiser {
    Pseudonymiser::new(&pseudonymised(dossier))
}

fn anonymise_title(title: &mut TitleBlock, names: &Pseudonymiser, log: &mut Vec<Redaction>) {
    title.title = names.apply(&title.title, log);
    title.body = names.apply(&title.body, log);
    title.ombudsman = names.apply(&title.ombudsman, log);
    for point in &mut title.points {
        point.text = names.apply(&point.text, log);
    }
}

fn anonymise_letter(head: &mut LetterHead, names: &Pseudonymiser, log: &mut Vec<Redaction>) {
    head.sender = names.apply(&head.sender, log);
    head.subject = names.apply(&head.subject, log);
}

/// What stands above the text on the first page: a rapport's title block, or a letter's head.
enum Head {
    Title(TitleBlock),
    Letter(LetterHead),
}

impl Head {
    fn ombudsman(&self) -> &str {
        match self {
            Head::Title(t) => &t.ombudsman,
            Head::Letter(l) => &l.sender,
        }
    }

    fn title(&self) -> &str {
        match self {
            Head::Title(t) => &t.title,
            Head::Letter(l) => &l.subject,
        }
    }

    /// Every text the head prints, for the public gate.
    fn texts(&self) -> Vec<String> {
        match self {
            Head::Title(t) => {
                let mut texts = vec![t.title.clone(), t.body.clone()];
                texts.extend(t.points.iter().map(|p| p.text.clone()));
                texts
            }
            Head::Letter(l) => {
                let mut texts = vec![l.subject.clone()];
                texts.extend(l.addressee.iter().cloned());
                texts
            }
        }
    }
}

/// The HTML and page frame of one version of a rapport text. A public version also gets its
/// findings (details and names not allowed in `allowed`) and, when none can be made, why.
/// A procedure letter gets a letter head instead of the rapport's title block: the addressee
/// paragraph its text opens with (`Aan: …`) moves into the head.
pub fn prepare(
    dossier: &DossierFile,
    kind: ReportKind,
    markdown: &str,
    date: NaiveDate,
    version: Version,
    allowed: &Allowed,
) -> Prepared {
    let parties = pseudonymised(dossier);
    let names = Pseudonymiser::new(&parties);
    let marking = match version {
        Version::Confidential => "Vertrouwelijk",
        Version::Public => "Openbare versie",
    };
    let mut redactions = Vec::new();
    let text = match version {
        Version::Confidential => markdown.to_string(),
        Version::Public => names.apply(markdown, &mut redactions),
    };
    let (mut head, text) = if is_letter(kind) {
        let (addressee, rest) = split_addressee(&text);
        (
            Head::Letter(letter_head(dossier, kind, date, marking, addressee)),
            rest,
        )
    } else {
        (Head::Title(title_block(dossier, kind, date, marking)), text)
    };
    if version == Version::Public {
        match &mut head {
            Head::Title(title) => anonymise_title(title, &names, &mut redactions),
            Head::Letter(letter) => anonymise_letter(letter, &names, &mut redactions),
        }
    }
    let mut frame = PageFrame {
        header: format!(
            "{} {} · {}",
            kind_title(kind),
            dossier.dossier.reference,
            marking
        ),
        footer: format!("{} · {}", head.ombudsman(), dutch_long_date(date)),
        title: format!(
            "{} {}: {}",
            kind_title(kind),
            dossier.dossier.reference,
            head.title()
        ),
        author: head.ombudsman().to_string(),
    };
    let (found, refused) = match version {
        Version::Confidential => (Vec::new(), None),
        Version::Public => {
            frame.title = names.apply(&frame.title, &mut redactions);
            (
                public_findings(dossier, head.texts(), &frame, &text, allowed),
                refusal(dossier),
            )
        }
    };
    let html = match &head {
        Head::Title(title) => document(title, &text),
        Head::Letter(letter) => letter_document(letter, &text),
    };
    Prepared {
        html,
        frame,
        redactions,
        reference: dossier.dossier.reference.clone(),
        findings: found,
        refusal: refused,
        names,
        parts: NameParts::new(&parties),
        allowed: allowed.clone(),
        version,
    }
}

/// The personal details and unregistered names in every text a public version prints.
fn public_findings(
    dossier: &DossierFile,
    head: Vec<String>,
    frame: &PageFrame,
    text: &str,
    allowed: &Allowed,
) -> Vec<PublicFinding> {
    let mut front = head;
    front.push(frame.title.clone());
    let front = front.join("\n\n");
    let pieces = sections(text);
    let mut printed = vec![Printed {
        place: "titelblad".into(),
        text: &front,
    }];
    printed.extend(pieces.iter().map(|(place, text)| Printed {
        place: place.clone(),
        text,
    }));
    findings(&printed, &known_names(dossier), allowed)
}

/// Renders the prepared rapport. A public version fails closed: refused when the dossier
/// allows none, when findings are open, and when the PDF read back still holds a name or a
/// detail.
pub fn export(prepared: &Prepared) -> Result<Exported> {
    if prepared.version == Version::Public {
        if let Some(why) = &prepared.refusal {
            return Err(ReportError::NoPublicVersion(why.clone()));
        }
        if !prepared.findings.is_empty() {
            return Err(ReportError::PublicBlocked(prepared.findings.clone()));
        }
    }
    let (pdf, pages) = render(&prepared.html, &prepared.frame)?;
    if prepared.version == Version::Public {
        prepared.read_back(&pdf)?;
    }
    Ok(Exported {
        pdf,
        pages,
        redactions: prepared.redactions.clone(),
    })
}

impl Prepared {
    /// Reads a rendered PDF back through the public gate of this rapport's dossier: no
    /// spelling of a pseudonymised name, no part of a person's name, no personal detail that is
    /// not allowed, in the pages or the metadata; the metadata dated today.
    pub fn read_back(&self, pdf: &[u8]) -> Result<()> {
        let gate = crate::verify::ReadBack {
            names: &self.names,
            parts: &self.parts,
            allowed: &self.allowed,
            must_contain: &self.reference,
        };
        let today = [
            chrono::Local::now().format("%Y%m%d").to_string(),
            chrono::Utc::now().format("%Y%m%d").to_string(),
        ];
        crate::verify::read_back(pdf, &gate, &today)
    }
}

/// A stored version's text and date (ISO day; none while it is a draft), as the store keeps them.
#[derive(Debug, Clone, Copy)]
pub struct StoredText<'a> {
    /// The Markdown.
    pub markdown: &'a str,
    /// The day it was made final.
    pub date: Option<&'a str>,
}

/// A rendered rapport and where its text came from.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF and the redaction log.
    pub exported: Exported,
    /// Whether no version was stored and the template's draft was rendered.
    pub from_template: bool,
}

/// The one road from a stored version (or, with none, the template's draft) to its PDF, taken
/// by the app's export and by `wederhoor report` alike. A final version carries its own date;
/// a draft is dated `today`; a stored date that is not a day is refused, not replaced.
/// `progress` hears each step before it starts.
pub fn render_version(
    dossier: &DossierFile,
    kind: ReportKind,
    stored: Option<StoredText<'_>>,
    today: NaiveDate,
    version: Version,
    allowed: &Allowed,
    progress: &mut dyn FnMut(ExportStep),
) -> Result<Rendered> {
    let (markdown, date, from_template) = match stored {
        Some(text) => {
            let date = match text.date {
                Some(day) => wederhoor_core::dates::parse_iso_day(day)
                    .map_err(|_| crate::ReportError::BadStoredDate(day.to_string()))?,
                None => today,
            };
            (text.markdown.to_string(), date, false)
        }
        None => (crate::draft::draft(dossier, kind), today, true),
    };
    progress(match version {
        Version::Confidential => ExportStep::Layout,
        Version::Public => ExportStep::LayoutAndCheck,
    });
    let prepared = prepare(dossier, kind, &markdown, date, version, allowed);
    Ok(Rendered {
        exported: export(&prepared)?,
        from_template,
    })
}
