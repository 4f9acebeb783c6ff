//! Reading a stored document: its text, where the text came from, what the investigator
//! should know, and — when there is no text — why, and what to do.

use crate::format::{detect, Format};
use crate::ocr;
use serde::{Deserialize, Serialize};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// How to read.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Options {
    /// The password of a protected PDF.
    pub password: Option<String>,
    /// Leave OCR out (scans are then kept without text, with a note).
    pub no_ocr: bool,
}

/// Where a text came from (`text_origin` of the dossier file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// Read from the document's own text.
    Extracted,
    /// Recognised in an image by OCR.
    Ocr,
}

/// Why a stored document has no text (or not all of it). Each says what the investigator
/// can do; the original is kept in every case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Problem {
    /// A PDF that opens only with a password.
    #[error(
        "het PDF-bestand is beveiligd met een wachtwoord; geef het wachtwoord om de tekst te lezen"
    )]
    PasswordRequired,
    /// The password given does not open it.
    #[error("het wachtwoord opent dit PDF-bestand niet; probeer het opnieuw")]
    WrongPassword,
    /// The file is damaged beyond what the reader repairs.
    #[error("{format} kan niet worden gelezen ({detail}); het origineel is bewaard; typ of plak de tekst, of vraag de afzender om een nieuw exemplaar")]
    Damaged {
        /// "PDF", "Word-bestand", …
        format: String,
        /// What went wrong, in Dutch where we could say it.
        detail: String,
    },
    /// A kind Wederhoor keeps but does not read.
    #[error("{0}: het origineel is bewaard, maar de tekst wordt niet gelezen; typ of plak de tekst, of sla het op als PDF, DOCX of EML")]
    Unsupported(String),
    /// OCR would be needed but cannot run here.
    #[error("{0}; het stuk is bewaard zonder tekst (installeer tesseract-ocr en tesseract-ocr-nld, of typ de tekst)")]
    OcrUnavailable(String),
    /// OCR ran and failed.
    #[error("{0}; het stuk is bewaard zonder tekst")]
    OcrFailed(String),
    /// Too large or too deep to read safely.
    #[error("{0}; het origineel is bewaard zonder tekst")]
    TooBig(String),
    /// The reading was stopped: it took too long, used too much memory, or broke off.
    #[error("het lezen is afgebroken ({0}); het origineel is bewaard zonder tekst")]
    Stopped(String),
}

impl Problem {
    /// A stable code for the app (what to offer: a password field, a text field).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::PasswordRequired => "password_required",
            Problem::WrongPassword => "wrong_password",
            Problem::Damaged { .. } => "damaged",
            Problem::Unsupported(_) => "unsupported",
            Problem::OcrUnavailable(_) => "ocr_unavailable",
            Problem::OcrFailed(_) => "ocr_failed",
            Problem::TooBig(_) => "too_big",
            Problem::Stopped(_) => "stopped",
        }
    }
}

/// An attachment of an e-mail, read like any document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadAttachment {
    /// Its file name.
    pub file_name: String,
    /// Its bytes.
    #[serde(with = "base64_bytes")]
    pub bytes: Vec<u8>,
    /// What reading it gave.
    pub reading: Reading,
}

/// What reading a document gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The document's kind, from its bytes.
    pub format: Format,
    /// Its media type (precise for images and audio, e.g. `image/png`).
    pub media_type: String,
    /// The text, or `None`.
    pub text: Option<String>,
    /// Where the text came from.
    pub origin: Option<Origin>,
    /// For OCR: the words' mean confidence, 0–100.
    pub ocr_confidence: Option<f32>,
    /// Things the investigator should know (an encoding, a renamed file, OCR'd pages).
    pub notes: Vec<String>,
    /// Why there is no text, or not all of it.
    pub problem: Option<Problem>,
    /// An e-mail's attachments.
    pub attachments: Vec<ReadAttachment>,
}

/// A progress report of a long reading (OCR): `done` of `total` steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// What is being done, in Dutch ("OCR, pagina 2 van 5").
    pub step: String,
    /// Steps done.
    pub done: u32,
    /// Steps in all.
    pub total: u32,
}

/// How deep e-mails inside e-mails are followed for attachments.
const MAX_ATTACHMENT_DEPTH: u32 = 3;

/// Reads a document. Never fails: a document without text gives a `Reading` whose `problem`
/// says why. (Check the size first with [`crate::check_size`].)
pub fn read(
    file_name: &str,
    bytes: &[u8],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Reading {
    read_at_depth(file_name, bytes, options, progress, 0)
}

fn read_at_depth(
    file_name: &str,
    bytes: &[u8],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
    depth: u32,
) -> Reading {
    let detected = detect(file_name, bytes);
    let mut reading = Reading {
        format: detected.format,
        media_type: detected.media_type,
        text: None,
        origin: None,
        ocr_confidence: None,
        notes: detected.mismatch.into_iter().collect(),
        problem: None,
        attachments: Vec::new(),
    };
    let outcome = guarded(|| match reading.format {
        Format::Pdf => crate::pdf::read(bytes, options, progress),
        Format::Docx => office(crate::office::docx_text(bytes), "Het Word-bestand"),
        Format::Odt => office(crate::office::odt_text(bytes), "De OpenDocument-tekst"),
        Format::Eml => mail(bytes, options, progress, depth),
        Format::Text | Format::Markdown | Format::Csv => plain(bytes),
        Format::Image => image(bytes, options, progress),
        Format::Audio => Ok(Text::none("een geluidsopname wordt bewaard zonder tekst")),
        Format::Other => Err(Problem::Unsupported(other_kind(&reading.media_type))),
    });
    match outcome {
        Ok(text) => {
            reading.notes.extend(text.notes);
            reading.origin = text.text.as_ref().map(|_| text.origin);
            reading.ocr_confidence = text.confidence;
            reading.text = text.text.map(|t| crate::tidy(&plain_ligatures(&t)));
            reading.problem = text.problem;
            reading.attachments = text.attachments;
        }
        Err(problem) => reading.problem = Some(problem),
    }
    if reading.text.as_deref().is_some_and(|t| t.is_empty()) {
        reading.text = None;
        reading.origin = None;
    }
    reading
}

/// What a format's reader gives back.
pub(crate) struct Text {
    pub text: Option<String>,
    pub origin: Origin,
    pub confidence: Option<f32>,
    pub notes: Vec<String>,
    pub problem: Option<Problem>,
    pub attachments: Vec<ReadAttachment>,
}

impl Text {
    pub(crate) fn extracted(text: String) -> Text {
        Text {
            text: Some(text),
            origin: Origin::Extracted,
            confidence: None,
            notes: Vec::new(),
            problem: None,
            attachments: Vec::new(),
        }
    }

    fn none(note: &str) -> Text {
        Text {
            text: None,
            notes: vec![note.to_string()],
            ..Text::extracted(String::new())
        }
    }
}

/// Runs a reader, turning a panic on hostile input into a problem.
fn guarded(read: impl FnOnce() -> Result<Text, Problem>) -> Result<Text, Problem> {
    catch_unwind(AssertUnwindSafe(read))
        .unwrap_or_else(|_| Err(Problem::Stopped("de lezer brak af op dit bestand".into())))
}

fn office(result: Result<String, String>, what: &str) -> Result<Text, Problem> {
    result
        .map(Text::extracted)
        .map_err(|detail| Problem::Damaged {
            format: what.to_string(),
            detail,
        })
}

fn plain(bytes: &[u8]) -> Result<Text, Problem> {
    let decoded = crate::text::decode_text(bytes).map_err(|e| Problem::Damaged {
        format: "Het tekstbestand".into(),
        detail: e.to_string(),
    })?;
    let mut text = Text::extracted(decoded.text.clone());
    text.notes.extend(decoded.note());
    Ok(text)
}

fn mail(
    bytes: &[u8],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
    depth: u32,
) -> Result<Text, Problem> {
    let mail = crate::mail::read_mail(bytes).map_err(|detail| Problem::Damaged {
        format: "Het e-mailbericht".into(),
        detail,
    })?;
    let mut text = Text::extracted(mail.text);
    if depth >= MAX_ATTACHMENT_DEPTH && !mail.attachments.is_empty() {
        text.notes.push(format!(
            "de bijlagen van dit bericht zijn niet apart bewaard: het zit {depth} berichten diep"
        ));
        return Ok(text);
    }
    let total = mail.attachments.len() as u32;
    for (i, attachment) in mail.attachments.into_iter().enumerate() {
        progress(Progress {
            step: format!("Bijlage {} lezen", attachment.file_name),
            done: i as u32,
            total,
        });
        if crate::check_size(attachment.bytes.len()).is_err() {
            text.notes.push(format!(
                "bijlage {} is leeg of groter dan het maximum en is niet bewaard",
                attachment.file_name
            ));
            continue;
        }
        let reading = read_at_depth(
            &attachment.file_name,
            &attachment.bytes,
            options,
            progress,
            depth + 1,
        );
        text.attachments.push(ReadAttachment {
            file_name: attachment.file_name,
            bytes: attachment.bytes,
            reading,
        });
    }
    Ok(text)
}

fn image(
    bytes: &[u8],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Text, Problem> {
    if options.no_ocr {
        return Ok(Text::none(
            "de afbeelding is bewaard zonder tekst (OCR stond uit)",
        ));
    }
    if let Some(pixels) = ocr::pixels(bytes) {
        if pixels > ocr::MAX_PIXELS {
            return Err(Problem::TooBig(format!(
                "de afbeelding is {} megapixel, te groot om te lezen (het maximum is {})",
                pixels / 1_000_000,
                ocr::MAX_PIXELS / 1_000_000
            )));
        }
    }
    ocr::check_available()?;
    progress(Progress {
        step: "OCR van de afbeelding".into(),
        done: 0,
        total: 1,
    });
    let dir = tempfile::tempdir().map_err(|e| Problem::OcrFailed(e.to_string()))?;
    let path = dir.path().join("afbeelding");
    std::fs::write(&path, bytes).map_err(|e| Problem::OcrFailed(e.to_string()))?;
    let found = ocr::image_file(&path)?;
    progress(Progress {
        step: "OCR van de afbeelding".into(),
        done: 1,
        total: 1,
    });
    Ok(ocr_text(found))
}

fn ocr_text(found: ocr::OcrText) -> Text {
    let mut text = Text::extracted(found.text);
    text.origin = Origin::Ocr;
    text.confidence = found.confidence;
    if text.text.as_deref().is_some_and(|t| t.trim().is_empty()) {
        text.notes
            .push("OCR vond geen tekst in de afbeelding".to_string());
    }
    text
}

fn other_kind(media_type: &str) -> String {
    match media_type {
        "application/x-ole-storage" => "een Outlook-bericht (.msg), een Word 97-2003-bestand of een met een wachtwoord beveiligd Office-bestand".into(),
        "application/zip" => "een zip-archief".into(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => {
            "een Excel-werkmap".into()
        }
        _ => "dit bestandstype is onbekend".into(),
    }
}

/// Ligature characters (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) spelled out: a quote in a rapport should read "fi".
fn plain_ligatures(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

mod base64_bytes {
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(text)
            .map_err(serde::de::Error::custom)
    }
}
