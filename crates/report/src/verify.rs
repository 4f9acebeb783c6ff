//! The last gate of a public export: the rendered PDF's own text, read back page by page, is
//! searched for every spelling of every party's name. A hit fails the export and names the
//! page. Words the layout hyphenated at a line end are searched joined up as well.

use crate::anonymise::{Hit, Pseudonymiser};
use crate::error::{ReportError, Result};

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

fn context(text: &str, hit: &Hit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let from = hit.start.saturating_sub(30);
    let to = (hit.end + 30).min(chars.len());
    let before: String = chars[from..hit.start].iter().collect();
    let after: String = chars[hit.end..to].iter().collect();
    format!("{}[naam]{}", before, after)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fails with the first page that still carries a name. `must_contain` is a text every page
/// set must show (the reference): if it is absent the text was not read back properly, and a
/// check that cannot see the text must not pass.
pub fn no_names_left(pdf: &[u8], names: &Pseudonymiser, must_contain: &str) -> Result<()> {
    let pages = page_texts(pdf)?;
    let all: String = pages.concat();
    if !all.contains(must_contain) {
        return Err(ReportError::Unverifiable(format!(
            "\"{must_contain}\" staat niet in de teruggelezen tekst"
        )));
    }
    for (index, page) in pages.iter().enumerate() {
        for text in [page.clone(), dehyphenated(page)] {
            if let Some(hit) = names.find_all(&text).into_iter().next() {
                return Err(ReportError::NameInPublicVersion {
                    context: context(&text, &hit),
                    name: hit.spelling,
                    party: hit.pseudonym,
                    page: index + 1,
                });
            }
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
