//! Text out of evidence documents. An investigator adds letters (PDF, DOCX), e-mails (EML),
//! notes (TXT, Markdown) and register exports (CSV); Wederhoor keeps the original bytes and the
//! text extracted here, so passages can be quoted and searched. Images and audio are kept
//! without text. Every input is untrusted: any bytes give a result or a clear Dutch error,
//! never a panic.

mod table;
mod text;

pub use table::{decode_table_text, read_decoded_table, read_table, Table, TableRow};
pub use text::{decode_text, Decoded};

use std::panic::{catch_unwind, AssertUnwindSafe};

/// The largest document we store (bytes). Larger files are refused before anything is written.
pub const MAX_SOURCE_BYTES: usize = 100 * 1024 * 1024;

/// What kind of document the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Portable Document Format.
    Pdf,
    /// Word (Office Open XML).
    Docx,
    /// An e-mail message (RFC 5322).
    Eml,
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// Comma- or semicolon-separated values.
    Csv,
    /// A picture: stored as-is, no text.
    Image,
    /// A sound recording: stored as-is, no text.
    Audio,
}

impl Format {
    /// The media type stored with the source.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Eml => "message/rfc822",
            Format::Text => "text/plain",
            Format::Markdown => "text/markdown",
            Format::Csv => "text/csv",
            Format::Image => "image/*",
            Format::Audio => "audio/*",
        }
    }
}

/// The result of reading a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The document's kind.
    pub format: Format,
    /// Its media type (precise for images and audio, e.g. `image/png`).
    pub media_type: String,
    /// The text, or `None` for images and audio.
    pub text: Option<String>,
    /// Things the investigator should know, e.g. that the text was not UTF-8.
    pub notes: Vec<String>,
}

/// Why a document could not be read. Messages are Dutch, for the investigator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// Zero bytes.
    #[error("het bestand is leeg")]
    Empty,
    /// Over [`MAX_SOURCE_BYTES`].
    #[error("het bestand is {} MB; het maximum is {} MB", .size / (1024 * 1024), MAX_SOURCE_BYTES / (1024 * 1024))]
    TooLarge {
        /// Its size in bytes.
        size: usize,
    },
    /// A file type Wederhoor does not know.
    #[error("dit bestandstype wordt niet ondersteund ({0}); gebruik PDF, DOCX, EML, TXT, Markdown, CSV, een afbeelding of een geluidsopname")]
    Unsupported(String),
    /// The document is damaged or not what its name says.
    #[error(
        "{format} kan niet worden gelezen: het bestand is beschadigd of onvolledig ({detail})"
    )]
    Damaged {
        /// The format name, e.g. "PDF".
        format: &'static str,
        /// What the library said.
        detail: String,
    },
    /// Bytes that are not text in any encoding we accept.
    #[error("het bestand bevat geen leesbare tekst ({0})")]
    NotText(String),
}

/// Decides the format from the leading bytes, then from the file name's extension.
pub fn detect(file_name: &str, bytes: &[u8]) -> Result<Format, ExtractError> {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match ext.as_str() {
            "docx" => Ok(Format::Docx),
            other => Err(ExtractError::Unsupported(format!("zip-archief .{other}"))),
        };
    }
    if let Some(media) = image_or_audio(bytes) {
        return Ok(if media.starts_with("image/") {
            Format::Image
        } else {
            Format::Audio
        });
    }
    match ext.as_str() {
        "pdf" => Ok(Format::Pdf),
        "docx" => Ok(Format::Docx),
        "eml" => Ok(Format::Eml),
        "txt" | "text" | "" => Ok(Format::Text),
        "md" | "markdown" => Ok(Format::Markdown),
        "csv" | "tsv" => Ok(Format::Csv),
        other => Err(ExtractError::Unsupported(format!(".{other}"))),
    }
}

fn image_or_audio(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff", "image/jpeg"),
        (b"GIF87a", "image/gif"),
        (b"GIF89a", "image/gif"),
        (b"ID3", "audio/mpeg"),
        (b"\xff\xfb", "audio/mpeg"),
        (b"OggS", "audio/ogg"),
        (b"fLaC", "audio/flac"),
    ];
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" {
        return match &bytes[8..12] {
            b"WAVE" => Some("audio/wav"),
            b"WEBP" => Some("image/webp"),
            _ => None,
        };
    }
    if bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && (&bytes[8..11] == b"M4A" || &bytes[8..12] == b"isom")
    {
        return Some("audio/mp4");
    }
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, media)| *media)
}

/// Reads a document: checks size, detects the format and extracts its text.
pub fn extract(file_name: &str, bytes: &[u8]) -> Result<Extracted, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(ExtractError::TooLarge { size: bytes.len() });
    }
    let format = detect(file_name, bytes)?;
    let mut notes = Vec::new();
    let text = match format {
        Format::Pdf => Some(pdf_text(bytes)?),
        Format::Docx => Some(docx_text(bytes)?),
        Format::Eml => Some(eml_text(bytes)?),
        Format::Text | Format::Markdown | Format::Csv => {
            let decoded = decode_text(bytes)?;
            if let Some(note) = decoded.note() {
                notes.push(note);
            }
            Some(decoded.text)
        }
        Format::Image | Format::Audio => None,
    };
    if let Some(text) = &text {
        if text.trim().is_empty() && format == Format::Pdf {
            notes.push("de PDF bevat geen tekstlaag (misschien een scan); er is geen tekst om uit te citeren".into());
        }
    }
    let media_type = match format {
        Format::Image | Format::Audio => image_or_audio(bytes)
            .unwrap_or(format.media_type())
            .to_string(),
        _ => format.media_type().to_string(),
    };
    Ok(Extracted {
        format,
        media_type,
        text,
        notes,
    })
}

/// Runs a third-party parser, turning a panic on hostile input into an error.
fn guarded<T>(
    format: &'static str,
    parse: impl FnOnce() -> Result<T, String>,
) -> Result<T, ExtractError> {
    match catch_unwind(AssertUnwindSafe(parse)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(detail)) => Err(ExtractError::Damaged { format, detail }),
        Err(_) => Err(ExtractError::Damaged {
            format,
            detail: "de lezer brak af".into(),
        }),
    }
}

fn pdf_text(bytes: &[u8]) -> Result<String, ExtractError> {
    // `pdf_extract::extract_text_from_mem`, taken apart so the page tree can be checked
    // between loading and reading: pdf-extract looks up a page's inherited keys (Resources,
    // MediaBox) by following /Parent without remembering where it has been, so a page that is
    // its own ancestor made it loop forever, out of reach of `catch_unwind` (found by fuzzing).
    let text = guarded("PDF", || {
        let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| e.to_string())?;
        if doc.is_encrypted() {
            doc.decrypt("").map_err(|e| e.to_string())?;
        }
        check_page_tree(&doc)?;
        let mut text = String::new();
        pdf_extract::output_doc(&doc, &mut pdf_extract::PlainTextOutput::new(&mut text))
            .map_err(|e| e.to_string())?;
        Ok(text)
    })?;
    Ok(tidy(&text))
}

/// Refuses a page tree in which following /Parent from a page comes back to where it was.
fn check_page_tree(doc: &pdf_extract::Document) -> Result<(), String> {
    for (number, page) in doc.get_pages() {
        let mut seen = std::collections::HashSet::from([page]);
        let mut at = page;
        while let Some(parent) = doc
            .get_dictionary(at)
            .ok()
            .and_then(|dict| dict.get(b"Parent").ok())
            .and_then(|parent| parent.as_reference().ok())
        {
            if !seen.insert(parent) {
                return Err(format!(
                    "pagina {number} is via /Parent haar eigen voorouder; de paginaboom bevat een kringverwijzing"
                ));
            }
            at = parent;
        }
    }
    Ok(())
}

fn docx_text(bytes: &[u8]) -> Result<String, ExtractError> {
    let text = guarded("DOCX", || {
        docx_lite::extract_text_from_bytes(bytes).map_err(|e| e.to_string())
    })?;
    Ok(tidy(&text))
}

fn eml_text(bytes: &[u8]) -> Result<String, ExtractError> {
    guarded("E-mail", || {
        let message = mail_parser::MessageParser::default()
            .parse(bytes)
            .ok_or_else(|| "geen geldig e-mailbericht".to_string())?;
        let mut out = String::new();
        let addresses = |a: Option<&mail_parser::Address>| {
            a.map(|a| {
                a.iter()
                    .map(|addr| match (addr.name(), addr.address()) {
                        (Some(n), Some(e)) => format!("{n} <{e}>"),
                        (None, Some(e)) => e.to_string(),
                        (Some(n), None) => n.to_string(),
                        (None, None) => String::new(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        };
        if let Some(from) = addresses(message.from()) {
            out.push_str(&format!("Van: {from}\n"));
        }
        if let Some(to) = addresses(message.to()) {
            out.push_str(&format!("Aan: {to}\n"));
        }
        if let Some(date) = message.date() {
            out.push_str(&format!("Datum: {}\n", date.to_rfc3339()));
        }
        if let Some(subject) = message.subject() {
            out.push_str(&format!("Onderwerp: {subject}\n"));
        }
        out.push('\n');
        let body = message
            .body_text(0)
            .or_else(|| message.body_html(0))
            .unwrap_or_default();
        out.push_str(&body);
        Ok(tidy(&out))
    })
}

/// Normalises line ends and trims trailing blank space on each line.
fn tidy(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out: String = text
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests;
