//! The last gate of a public export: the rendered PDF's own text, read back page by page, and
//! its metadata (the Info dictionary and any XMP stream) are searched again, by two
//! independent passes — every spelling the pseudonymiser knows, and every part of every
//! person's name on its own ([`crate::strict`]) — and for personal details. A hit fails the
//! export and names the page. Words the layout hyphenated at a line end are searched joined up
//! as well. The metadata must carry the export's date.

use crate::anonymise::Pseudonymiser;
use crate::error::{ReportError, Result};
use crate::public::{context, Allowed};
use crate::strict::NameParts;
use wederhoor_core::personal::{mask, scan, DetailKind};
/// The text of each page of a PDF.
pub fn page_texts(pdf: &[u8]) -> Result<Vec<String>> {
    let pages = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(pdf))
        .map_err(|_| ReportError::Unverifiable("de tekstlezer brak af".into()))?
        .map_err(|e| ReportError::Unverifiable(e.to_string()))?;
    Ok(pages)
}

/// The page's text with line-end hyphens removed ("Ooster-\nhuis" → "Oosterhuis").
fn dehyphenated(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '-' || c == '\u{ad}' {
            let mut lookahead = chars.clone();
            let mut saw_newline = false;
            while let Some(&n) = lookahead.peek() {
                if n == '\n' {
                    saw_newline = true;
                } else if !n.is_whitespace() {
                    break;
                }
                lookahead.next();
            }
            if saw_newline {
                chars = lookahead;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// What the read-back looks for.
#[derive(Debug, Clone, Copy)]
pub struct ReadBack<'a> {
    /// Every spelling of every pseudonymised party.
    pub names: &'a Pseudonymiser,
    /// Every part of every person's name.
    pub parts: &'a NameParts,
    /// Details the investigator allowed.
    pub allowed: &'a Allowed,
    /// A text the pages must show (the dossier's reference): if it is absent the text was not
    /// read back properly, and a check that cannot see the text must not pass.
    pub must_contain: &'a str,
}

impl ReadBack<'_> {
    /// Fails on the first name or personal detail in `text`, found at `place`.
    pub fn check(&self, text: &str, place: &str) -> Result<()> {
        for text in [text.to_string(), dehyphenated(text)] {
            if let Some(hit) = self.names.find_all(&text).into_iter().next() {
                let shown = mask(DetailKind::Name, &hit.spelling);
                return Err(ReportError::NameInPublicVersion {
                    context: context(&text, hit.start, hit.end, "[naam]"),
                    name: shown,
                    party: hit.pseudonym,
                    place: place.to_string(),
                });
            }
            if let Some(hit) = self.parts.find_all(&text).into_iter().next() {
                return Err(ReportError::NameInPublicVersion {
                    context: context(&text, hit.start, hit.end, "[naam]"),
                    name: mask(DetailKind::Name, &hit.part),
                    party: hit.pseudonym,
                    place: place.to_string(),
                });
            }
            // Unregistered names were listed before the layout; here only the details, whose
            // form the layout cannot change.
            let detail = scan(&text, None)
                .into_iter()
                .find(|d| !self.allowed.contains(d.kind, &d.key));
            if let Some(d) = detail {
                return Err(ReportError::DetailInPublicVersion {
                    kind: d.kind.label().to_string(),
                    masked: d.masked(),
                    context: context(&text, d.start, d.end, &d.masked()),
                    place: place.to_string(),
                });
            }
        }
        Ok(())
    }
}

/// Reads the PDF back: every page and the metadata must pass [`ReadBack::check`], and the
/// metadata's dates must be `today` (as `YYYYMMDD`, local or UTC).
pub fn read_back(pdf: &[u8], gate: &ReadBack<'_>, today: &[String]) -> Result<()> {
    let pages = page_texts(pdf)?;
    let all: String = pages.concat();
    if !all.contains(gate.must_contain) {
        return Err(ReportError::Unverifiable(format!(
            "\"{}\" staat niet in de teruggelezen tekst",
            gate.must_contain
        )));
    }
    for (index, page) in pages.iter().enumerate() {
        gate.check(page, &format!("pagina {}", index + 1))?;
    }
    let meta = crate::metadata::read(pdf)?;
    for (key, value) in &meta.strings {
        gate.check(value, &format!("de metadata van de PDF ({key})"))?;
    }
    if let Some(xmp) = &meta.xmp {
        gate.check(xmp, "de XMP-metadata van de PDF")?;
    }
    for date in &meta.dates {
        let day = date.trim_start_matches("D:").get(..8).unwrap_or("");
        if !today.iter().any(|t| t == day) {
            return Err(ReportError::MetadataDate(date.clone()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_hyphenated_at_a_line_end_is_joined_for_the_search() {
        assert_eq!(
            dehyphenated("Ooster-\nhuis en WIJ-team"),
            "Oosterhuis en WIJ-team"
        );
    }
}
