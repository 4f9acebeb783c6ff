//! What a file is, read from its bytes. The name's extension is only a hint: a Word file
//! saved as `.pdf` is read as Word, and the investigator is told.

use serde::{Deserialize, Serialize};
use std::io::Read;

/// What kind of document the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// Portable Document Format.
    Pdf,
    /// Word (Office Open XML).
    Docx,
    /// OpenDocument Text (LibreOffice).
    Odt,
    /// An e-mail message (RFC 5322).
    Eml,
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// Comma- or semicolon-separated values.
    Csv,
    /// A picture (PNG, JPEG, TIFF, …): its text comes from OCR.
    Image,
    /// A sound recording: stored as-is, no text.
    Audio,
    /// Anything else: stored as-is, no text.
    Other,
}

impl Format {
    /// The media type stored with the source (images and audio get a precise one from
    /// [`detect`]).
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Odt => "application/vnd.oasis.opendocument.text",
            Format::Eml => "message/rfc822",
            Format::Text => "text/plain",
            Format::Markdown => "text/markdown",
            Format::Csv => "text/csv",
            Format::Image => "image/*",
            Format::Audio => "audio/*",
            Format::Other => "application/octet-stream",
        }
    }

    /// How the investigator names the kind, in a sentence: "een Word-bestand".
    pub fn described(self) -> &'static str {
        match self {
            Format::Pdf => "een PDF-bestand",
            Format::Docx => "een Word-bestand",
            Format::Odt => "een OpenDocument-tekst (LibreOffice)",
            Format::Eml => "een e-mailbericht",
            Format::Text => "een tekstbestand",
            Format::Markdown => "een Markdown-tekst",
            Format::Csv => "een CSV-tabel",
            Format::Image => "een afbeelding",
            Format::Audio => "een geluidsopname",
            Format::Other => "een onbekend bestandstype",
        }
    }
}

/// The outcome of [`detect`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// What the bytes are.
    pub format: Format,
    /// The media type to store.
    pub media_type: String,
    /// Said when the name claims another type than the bytes are.
    pub mismatch: Option<String>,
}

/// Decides the format from the bytes; the extension only separates kinds of text (Markdown,
/// CSV) and names what the file claims to be.
pub fn detect(file_name: &str, bytes: &[u8]) -> Detected {
    let ext = extension(file_name);
    let (format, media_type) = sniff(&ext, bytes);
    let claimed = claimed_format(&ext);
    let mismatch = match claimed {
        Some(claimed) if !compatible(claimed, format) => Some(format!(
            "dit is {} met de naam .{ext}; het is gelezen als wat het is",
            format.described()
        )),
        _ => None,
    };
    Detected {
        format,
        media_type: media_type.to_string(),
        mismatch,
    }
}

fn extension(file_name: &str) -> String {
    file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

fn claimed_format(ext: &str) -> Option<Format> {
    Some(match ext {
        "pdf" => Format::Pdf,
        "docx" => Format::Docx,
        "odt" => Format::Odt,
        "eml" => Format::Eml,
        "txt" | "text" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "csv" | "tsv" => Format::Csv,
        "png" | "jpg" | "jpeg" | "tif" | "tiff" | "gif" | "webp" | "bmp" => Format::Image,
        "wav" | "mp3" | "m4a" | "ogg" | "flac" => Format::Audio,
        _ => return None,
    })
}

/// Text kinds are one family: a `.txt` holding CSV is not a lie worth a note.
fn compatible(claimed: Format, actual: Format) -> bool {
    let text = |f| matches!(f, Format::Text | Format::Markdown | Format::Csv);
    claimed == actual || (text(claimed) && text(actual))
}

fn sniff(ext: &str, bytes: &[u8]) -> (Format, &'static str) {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return (Format::Pdf, Format::Pdf.media_type());
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_kind(bytes);
    }
    if let Some(media) = image_or_audio(bytes) {
        let format = if media.starts_with("image/") {
            Format::Image
        } else {
            Format::Audio
        };
        return (format, media);
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        // An OLE container: Outlook .msg, Word 97-2003, or a password-protected Office file.
        return (Format::Other, "application/x-ole-storage");
    }
    if looks_like_mail(bytes) {
        return (Format::Eml, Format::Eml.media_type());
    }
    if crate::text::decode_text(bytes).is_ok() {
        return match ext {
            "md" | "markdown" => (Format::Markdown, Format::Markdown.media_type()),
            "csv" | "tsv" => (Format::Csv, Format::Csv.media_type()),
            _ => (Format::Text, Format::Text.media_type()),
        };
    }
    (Format::Other, Format::Other.media_type())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A zip is Word when it holds `word/document.xml`, OpenDocument text when its `mimetype`
/// says so; other zips (spreadsheets, archives) are kept without text.
fn zip_kind(bytes: &[u8]) -> (Format, &'static str) {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return (Format::Other, "application/zip");
    };
    if archive.by_name("word/document.xml").is_ok() {
        return (Format::Docx, Format::Docx.media_type());
    }
    let mut mimetype = String::new();
    if let Ok(entry) = archive.by_name("mimetype") {
        let _ = entry.take(200).read_to_string(&mut mimetype);
    }
    match mimetype.trim() {
        "application/vnd.oasis.opendocument.text" => (Format::Odt, Format::Odt.media_type()),
        _ if archive.by_name("xl/workbook.xml").is_ok() => (
            Format::Other,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        _ => (Format::Other, "application/zip"),
    }
}

/// The precise media type of a picture or a recording, from its signature.
pub(crate) fn image_or_audio(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff", "image/jpeg"),
        (b"II*\0", "image/tiff"),
        (b"MM\0*", "image/tiff"),
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
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return match &bytes[8..12] {
            b"heic" | b"heix" | b"mif1" => Some("image/heic"),
            b"M4A " | b"isom" | b"mp42" => Some("audio/mp4"),
            _ => None,
        };
    }
    // "BM" alone starts many a text; a bitmap also has four zero bytes at offset 6.
    if bytes.len() > 26 && bytes.starts_with(b"BM") && bytes[6..10] == [0, 0, 0, 0] {
        return Some("image/bmp");
    }
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, media)| *media)
}

/// An RFC 5322 message starts with header fields; a text that merely mentions "From:" later
/// does not count. At least two known fields in the first lines, the first line one of them.
fn looks_like_mail(bytes: &[u8]) -> bool {
    const FIELDS: &[&str] = &[
        "from:",
        "to:",
        "date:",
        "subject:",
        "received:",
        "return-path:",
        "message-id:",
        "mime-version:",
        "delivered-to:",
        "x-",
        "content-type:",
        "reply-to:",
        "cc:",
    ];
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let header_lines: Vec<&str> = head
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| !l.starts_with([' ', '\t']))
        .take(30)
        .collect();
    let known = |l: &str| FIELDS.iter().any(|f| l.starts_with(f));
    header_lines.first().is_some_and(|l| known(l))
        && header_lines.iter().filter(|l| known(l)).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_decide_and_a_lying_name_is_said() {
        // A PDF named .docx is a PDF; the investigator is told what it really is.
        let pdf = detect("brief.docx", b"%PDF-1.7\n...");
        assert_eq!(pdf.format, Format::Pdf);
        assert_eq!(
            pdf.mismatch.as_deref(),
            Some("dit is een PDF-bestand met de naam .docx; het is gelezen als wat het is")
        );
        // Junk before the header is allowed by viewers, so by us too.
        assert_eq!(detect("x.pdf", b"\r\n\r\n%PDF-1.4").format, Format::Pdf);
        assert_eq!(
            detect("scan.tif", b"II*\0\x08\0\0\0rest").format,
            Format::Image
        );
        assert_eq!(
            detect("scan.tif", b"II*\0\x08\0\0\0rest").media_type,
            "image/tiff"
        );
        assert_eq!(detect("scan.tif", b"II*\0\x08\0\0\0").mismatch, None);
    }

    #[test]
    fn text_kinds_follow_the_extension_without_a_note() {
        let csv = detect("export.csv", b"Datum;Notitie\n02-10-2018;gebeld\n");
        assert_eq!((csv.format, csv.mismatch), (Format::Csv, None));
        assert_eq!(detect("notitie.md", b"# Kop").format, Format::Markdown);
        assert_eq!(detect("README", b"gewoon tekst").format, Format::Text);
        assert_eq!(detect("x.txt", b"\0\x01\x02binary").format, Format::Other);
    }

    #[test]
    fn a_mail_is_known_by_its_header_fields_not_by_one_word() {
        let mail = b"Return-Path: <a@b.nl>\r\nFrom: A <a@b.nl>\r\nSubject: x\r\n\r\nbody";
        assert_eq!(detect("bericht", mail).format, Format::Eml);
        let note = b"Van het gesprek.\nFrom: iemand\nTo: iemand anders\n";
        assert_eq!(detect("notitie.txt", note).format, Format::Text);
    }

    #[test]
    fn zips_and_ole_files_that_are_not_documents_are_other() {
        assert_eq!(
            detect("tabel.xlsx", b"PK\x03\x04rest").format,
            Format::Other
        );
        let ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 rest of an old .doc";
        assert_eq!(
            detect("brief.doc", ole).media_type,
            "application/x-ole-storage"
        );
    }
}
