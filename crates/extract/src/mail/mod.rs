//! E-mail as it arrives: headers, body, forwarded and attached messages, attachments.
//!
//! The text starts with Dutch header lines (`Van:`, `Aan:`, `Cc:`, `Bcc:`, `Datum:`,
//! `Onderwerp:`), then the body (the plain text, or else the HTML as text), then a line
//! `Bijlagen: …` naming the attachments. Attached and forwarded messages (message/rfc822)
//! follow, each under `--- Doorgestuurd bericht ---`, read the same way up to 8 deep; their
//! attachments join the outer list. Every other part is an attachment with its decoded bytes,
//! so nothing in the mail is lost. Work is bounded: mail-parser reads each level once (see
//! [`hide`] for why it never nests messages itself), at most 8 levels deep.

mod hide;
mod html;
mod names;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::HashSet;

use mail_parser::decoders::{base64::base64_decode, quoted_printable::quoted_printable_decode};
use mail_parser::{
    Address, Encoding, HeaderName, Message, MessageParser, MessagePart, MimeHeaders, PartType,
};

/// An attachment: a document of its own, stored as a source attached to the e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Its file name as the mail gives it (or one made up from its type).
    pub file_name: String,
    /// Its decoded bytes.
    pub bytes: Vec<u8>,
}

/// A read e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// Headers (Van, Aan, Cc, Datum, Onderwerp) and body, forwarded messages included.
    pub text: String,
    /// The attachments, in the order the mail holds them.
    pub attachments: Vec<Attachment>,
}

/// How many levels of attached messages are read; deeper ones are kept as `.eml` attachments.
const MAX_DEPTH: usize = 8;
/// How many attachments are kept; the rest are counted and named in a note.
const MAX_ATTACHMENTS: usize = 500;
/// The line above an attached or forwarded message.
const FORWARDED: &str = "--- Doorgestuurd bericht ---";

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// Reads an RFC 5322 message, or gives a Dutch reason why it cannot.
pub(crate) fn read_mail(bytes: &[u8]) -> Result<Mail, String> {
    // A byte-order mark or blank lines before the headers would hide them from the parser.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let mut reader = Reader::default();
    let mut text = reader
        .message(&bytes[start..], 0)
        .ok_or_else(|| "geen geldig e-mailbericht".to_string())?;
    if reader.left_out > 0 {
        text.push_str(&format!(
            "\n\nLet op: het bericht heeft meer dan {MAX_ATTACHMENTS} bijlagen; alleen de eerste \
             {MAX_ATTACHMENTS} zijn bewaard, {} niet.",
            reader.left_out
        ));
    }
    if reader.marked {
        text = hide::unhide_text(&text);
        for attachment in &mut reader.attachments {
            attachment.file_name = hide::unhide_text(&attachment.file_name);
            if let Cow::Owned(bytes) = hide::unhide(&attachment.bytes) {
                attachment.bytes = bytes;
            }
        }
    }
    Ok(Mail {
        text: tidy(&text),
        attachments: reader.attachments,
    })
}

#[derive(Default)]
struct Reader {
    attachments: Vec<Attachment>,
    /// Attachments beyond [`MAX_ATTACHMENTS`], not kept.
    left_out: usize,
    /// Whether [`hide`] changed any bytes (so they must be restored).
    marked: bool,
}

impl Reader {
    /// The text of one message (at nesting `depth`), its attachments added to the list; None
    /// if the bytes are not a message.
    fn message(&mut self, raw: &[u8], depth: usize) -> Option<String> {
        let raw = hide::hide(raw);
        self.marked |= matches!(raw, Cow::Owned(_));
        let raw = raw.as_ref();
        let message = MessageParser::default().parse(raw)?;
        let root = message.parts.first()?;
        if root
            .headers
            .iter()
            .all(|h| matches!(h.name, HeaderName::Other(_)))
        {
            return None; // only unknown "headers": some other text with colons in it
        }

        let digest_children = digest_children(&message);
        let text_body: HashSet<u32> = message.text_body.iter().copied().collect();
        let html_body: HashSet<u32> = message.html_body.iter().copied().collect();
        let is_body_text = |id: u32, part: &MessagePart<'_>| {
            matches!(&part.body, PartType::Text(t) if !t.trim().is_empty())
                && text_body.contains(&id)
                && !digest_children.contains(&id)
        };
        let has_plain = (0u32..)
            .zip(&message.parts)
            .any(|(id, part)| is_body_text(id, part));
        let mut body = Vec::new();
        let mut names = Vec::new();
        let mut forwarded = Vec::new();
        for (id, part) in (0u32..).zip(&message.parts) {
            let in_text = text_body.contains(&id);
            let in_html = html_body.contains(&id);
            if digest_children.contains(&id) || is_message(part) {
                let bytes = match &part.body {
                    PartType::Binary(b) | PartType::InlineBinary(b) => b.to_vec(),
                    _ => part_bytes(raw, part),
                };
                self.nested(&bytes, part, depth, &mut names, &mut forwarded);
                continue;
            }
            match &part.body {
                PartType::Multipart(_) | PartType::Message(_) => {}
                PartType::Text(t) if is_body_text(id, part) => body.push(t.to_string()),
                PartType::Html(h) if !has_plain && (in_text || in_html) => {
                    body.push(html::html_to_text(h));
                }
                PartType::Text(t) if !has_plain && in_html && !t.trim().is_empty() => {
                    body.push(t.to_string());
                }
                PartType::Text(_) | PartType::Html(_) if in_text || in_html => {
                    // The other form of the body, or a blank one; but an HTML part next to a
                    // plain body (not an alternative to it) is kept as an attachment.
                    if has_plain && in_text && matches!(part.body, PartType::Html(_)) {
                        self.attach(part, part_bytes(raw, part), None, &mut names);
                    }
                }
                PartType::Text(_) | PartType::Html(_) => {
                    self.attach(part, part_bytes(raw, part), None, &mut names);
                }
                PartType::Binary(b) | PartType::InlineBinary(b) => {
                    if self.has_room(b) {
                        self.attach(part, b.to_vec(), None, &mut names);
                    }
                }
            }
        }

        let mut text = header_lines(&message);
        text.push('\n');
        text.push_str(&body.join("\n\n"));
        if !names.is_empty() {
            text.push_str(&format!("\n\nBijlagen: {}", names.join(", ")));
        }
        for section in forwarded {
            text.push_str("\n\n");
            text.push_str(&section);
        }
        Some(text)
    }

    /// Reads an attached message one level deeper, or keeps it as an `.eml` attachment when it
    /// is too deep or cannot be read.
    fn nested(
        &mut self,
        bytes: &[u8],
        part: &MessagePart<'_>,
        depth: usize,
        names: &mut Vec<String>,
        forwarded: &mut Vec<String>,
    ) {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        let why = if depth + 1 > MAX_DEPTH {
            format!("dieper genest dan {MAX_DEPTH} berichten")
        } else if let Some(text) = self.message(bytes, depth + 1) {
            forwarded.push(format!("{FORWARDED}\n{text}"));
            return;
        } else {
            "niet te lezen als e-mail".to_string()
        };
        let stored = self.attach(part, bytes.to_vec(), Some("eml"), names);
        let kept = stored.map_or("niet bewaard: te veel bijlagen".to_string(), |name| {
            format!("bewaard als bijlage {name}")
        });
        forwarded.push(format!("--- Doorgestuurd bericht ({why}; {kept}) ---"));
    }

    fn has_room(&mut self, bytes: &[u8]) -> bool {
        if bytes.is_empty() {
            return false;
        }
        if self.attachments.len() >= MAX_ATTACHMENTS {
            self.left_out += 1;
            return false;
        }
        true
    }

    /// Adds an attachment (not if empty or over the limit); gives its file name if kept. A
    /// made-up name gets `ext`, or else an extension from the part's media type.
    fn attach(
        &mut self,
        part: &MessagePart<'_>,
        bytes: Vec<u8>,
        ext: Option<&'static str>,
        names: &mut Vec<String>,
    ) -> Option<String> {
        if !self.has_room(&bytes) {
            return None;
        }
        let file_name = part
            .attachment_name()
            .and_then(names::clean_name)
            .unwrap_or_else(|| {
                let (c_type, c_subtype) = part.content_type().map_or(("text", "plain"), |ct| {
                    (ct.ctype(), ct.subtype().unwrap_or(""))
                });
                let n = self.attachments.len() + 1;
                let ext = ext.unwrap_or_else(|| names::extension(c_type, c_subtype));
                format!("bijlage-{n}.{ext}")
            });
        self.attachments.push(Attachment {
            file_name: file_name.clone(),
            bytes,
        });
        names.push(file_name.clone());
        Some(file_name)
    }
}

/// Whether the part is an attached message (its subtype marked by [`hide`]).
fn is_message(part: &MessagePart<'_>) -> bool {
    part.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("message")
            && ct.subtype().is_some_and(|s| {
                ["x-wdh-rfc822", "x-wdh-global", "rfc822", "global"]
                    .iter()
                    .any(|m| s.eq_ignore_ascii_case(m))
            })
    })
}

/// Parts of a multipart/digest without a Content-Type of their own: messages, by RFC 2046.
fn digest_children(message: &Message<'_>) -> HashSet<u32> {
    let mut children = HashSet::new();
    for part in &message.parts {
        let is_digest = part.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("multipart")
                && ct.subtype().is_some_and(|s| s.ends_with("digest"))
        });
        if let (true, PartType::Multipart(ids)) = (is_digest, &part.body) {
            children.extend(ids.iter().copied().filter(|&id| {
                message
                    .parts
                    .get(id as usize)
                    .is_some_and(|p| p.content_type().is_none())
            }));
        }
    }
    children
}

/// A text part's bytes as the sender had them (transfer encoding undone, charset kept), so a
/// text attachment comes back byte for byte; mail-parser's UTF-8 text if that fails.
fn part_bytes(raw: &[u8], part: &MessagePart<'_>) -> Vec<u8> {
    let region = raw.get(part.offset_body as usize..part.offset_end as usize);
    let decoded = region.and_then(|r| match part.encoding {
        Encoding::Base64 => base64_decode(r),
        Encoding::QuotedPrintable => quoted_printable_decode(r),
        Encoding::None => Some(r.to_vec()),
    });
    decoded.unwrap_or_else(|| part.contents().to_vec())
}

/// Van, Aan, Cc, Bcc, Datum and Onderwerp, those the message has, one per line.
fn header_lines(message: &Message<'_>) -> String {
    let mut lines = String::new();
    let mut line = |label: &str, value: Option<String>| {
        if let Some(value) = value.map(|v| one_line(&v)).filter(|v| !v.is_empty()) {
            lines.push_str(&format!("{label}: {value}\n"));
        }
    };
    line("Van", message.from().map(addresses));
    line("Aan", message.to().map(addresses));
    line("Cc", message.cc().map(addresses));
    line("Bcc", message.bcc().map(addresses));
    let date = match message.date() {
        Some(date) if date.is_valid() => Some(dutch_date(date)),
        _ => raw_header(message, HeaderName::Date),
    };
    line("Datum", date);
    line("Onderwerp", message.subject().map(str::to_string));
    lines
}

fn addresses(address: &Address<'_>) -> String {
    address
        .iter()
        .filter_map(|a| match (a.name(), a.address()) {
            (Some(n), Some(e)) if !n.trim().is_empty() => Some(format!("{} <{e}>", n.trim())),
            (_, Some(e)) => Some(e.to_string()),
            (Some(n), None) => Some(n.to_string()),
            (None, None) => None,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `5 oktober 2018, 14:03 (+02:00)`.
fn dutch_date(date: &mail_parser::DateTime) -> String {
    let month = MONTHS[usize::from(date.month.clamp(1, 12)) - 1];
    let sign = if date.tz_before_gmt && (date.tz_hour > 0 || date.tz_minute > 0) {
        '-'
    } else {
        '+'
    };
    format!(
        "{} {month} {}, {:02}:{:02} ({sign}{:02}:{:02})",
        date.day, date.year, date.hour, date.minute, date.tz_hour, date.tz_minute
    )
}

/// A header's value as written (for a date mail-parser cannot read).
fn raw_header(message: &Message<'_>, name: HeaderName<'_>) -> Option<String> {
    let header = message
        .parts
        .first()?
        .headers
        .iter()
        .find(|h| h.name == name)?;
    let raw = message
        .raw_message
        .get(header.offset_start as usize..header.offset_end as usize)?;
    Some(String::from_utf8_lossy(raw).trim().to_string())
}

/// A header value on one line: control characters (a line break could fake a header line)
/// become spaces.
fn one_line(value: &str) -> String {
    let spaced: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Line ends as `\n`, no trailing blanks, at most one blank line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_lines = 0;
    for line in text.replace("\r\n", "\n").replace('\r', "\n").lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        out.push_str(line);
    }
    out
}
