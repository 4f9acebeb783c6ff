//! Word processors: DOCX (Office Open XML) and ODT (OpenDocument Text), read from their XML
//! with a streaming reader, so that all of their text is there and findable: the text of
//! formatted runs exactly as written (no spaces added or lost), tables in reading order (also
//! nested ones), text boxes once, headers and footers, footnotes and endnotes, comments;
//! deleted text of tracked changes and field codes left out.
//!
//! The text: `[Koptekst] …` lines, the body (one paragraph a line, a table row a line with
//! its cells joined by " | "), then `[Voetnoot 1] …`, `[Eindnoot i] …` (numbered as the
//! document shows them), `[Opmerking van X] …` and `[Voettekst] …` lines. Every input is
//! untrusted: any bytes give the text or a Dutch reason, within fixed bounds of memory
//! ([`LIMITS`]).

use std::collections::HashSet;

mod archive;
mod docx;
mod flow;
mod numbering;
mod odt;
mod rels;
mod xml;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_limits;
#[cfg(test)]
mod tests_odt;

pub(crate) use archive::{Limits, LIMITS};

/// The text of a DOCX file, or a Dutch reason why it cannot be read.
pub(crate) fn docx_text(bytes: &[u8]) -> Result<String, String> {
    docx_text_within(bytes, LIMITS)
}

/// The text of an ODT file, or a Dutch reason why it cannot be read.
pub(crate) fn odt_text(bytes: &[u8]) -> Result<String, String> {
    odt_text_within(bytes, LIMITS)
}

/// [`docx_text`] with other limits on unpacking.
pub(crate) fn docx_text_within(bytes: &[u8], limits: Limits) -> Result<String, String> {
    let mut archive = archive::Archive::open(bytes, limits)?;
    Ok(docx::read(&mut archive)?.render())
}

/// [`odt_text`] with other limits on unpacking.
pub(crate) fn odt_text_within(bytes: &[u8], limits: Limits) -> Result<String, String> {
    let mut archive = archive::Archive::open(bytes, limits)?;
    Ok(odt::read(&mut archive)?.render())
}

/// The parts of a document's text, in the order they are written out.
#[derive(Default)]
struct Document {
    headers: Vec<String>,
    body: Vec<String>,
    /// Label (the number as cited in the body) and text.
    footnotes: Vec<(String, String)>,
    endnotes: Vec<(String, String)>,
    /// Author (may be empty) and text.
    comments: Vec<(String, String)>,
    footers: Vec<String>,
}

impl Document {
    fn render(self) -> String {
        let mut sections: Vec<Vec<String>> = Vec::new();
        sections.push(distinct(self.headers, "[Koptekst]"));
        sections.push(self.body);
        let notes = |notes: Vec<(String, String)>, kind: &str| {
            notes
                .into_iter()
                .filter(|(_, text)| !text.is_empty())
                .map(|(label, text)| format!("[{kind} {label}] {text}"))
                .collect::<Vec<_>>()
        };
        sections.push(notes(self.footnotes, "Voetnoot"));
        sections.push(notes(self.endnotes, "Eindnoot"));
        sections.push(
            self.comments
                .into_iter()
                .filter(|(_, text)| !text.is_empty())
                .map(|(author, text)| match author.trim() {
                    "" => format!("[Opmerking] {text}"),
                    author => format!("[Opmerking van {author}] {text}"),
                })
                .collect(),
        );
        sections.push(distinct(self.footers, "[Voettekst]"));
        sections
            .into_iter()
            .filter(|lines| !lines.is_empty())
            .map(|lines| lines.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Headers or footers as lines with their label: each text once, empty ones left out.
fn distinct(texts: Vec<String>, label: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    texts
        .into_iter()
        .filter(|text| !text.is_empty() && seen.insert(text.clone()))
        .map(|text| format!("{label} {text}"))
        .collect()
}
