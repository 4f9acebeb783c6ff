//! Words as the search index sees them, for the part of a prefix search done outside SQLite:
//! lower case and without diacritics, as FTS5's `unicode61` tokenizer with
//! `remove_diacritics 2` folds them ("Coördinatie" and "coordinatie" are one word).

use std::ops::Range;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A word folded: decomposed, diacritics dropped, lower case.
pub fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a text: letters and digits (with their diacritics), each with its place.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let is_word = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|(_, c)| is_word(*c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some(start..end)
    })
}

/// What a typed search looks for, folded: whole words, and the last word as a beginning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    /// Words that must occur whole.
    pub whole: Vec<String>,
    /// The word being typed: a word must begin with it.
    pub start: String,
}

impl Wanted {
    /// Whether this word is one of the searched words or begins as the last one does.
    fn marks(&self, folded: &str) -> bool {
        folded.starts_with(&self.start) || self.whole.iter().any(|w| w == folded)
    }

    /// Whether some word of the text begins with the typed beginning.
    pub fn begins_a_word_in(&self, text: &str) -> bool {
        words(text).any(|r| fold(&text[r]).starts_with(&self.start))
    }

    /// A passage of about `width` words around the first searched word, searched words in
    /// `[ ]` and cuts marked `…`, as SQLite's `snippet()` writes them for the other searches.
    pub fn snippet(&self, text: &str, width: usize) -> String {
        let spans: Vec<Range<usize>> = words(text).collect();
        let marked: Vec<bool> = spans
            .iter()
            .map(|r| self.marks(&fold(&text[r.clone()])))
            .collect();
        let first = marked.iter().position(|m| *m).unwrap_or(0);
        let from = first
            .saturating_sub(width / 4)
            .min(spans.len().saturating_sub(width));
        let to = (from + width).min(spans.len());
        if spans.is_empty() {
            return text.to_string();
        }
        let mut out = String::new();
        if from > 0 {
            out.push('…');
        }
        let mut cursor = if from > 0 { spans[from].start } else { 0 };
        for i in from..to {
            let span = &spans[i];
            out.push_str(&text[cursor..span.start]);
            if marked[i] {
                out.push('[');
                out.push_str(&text[span.clone()]);
                out.push(']');
            } else {
                out.push_str(&text[span.clone()]);
            }
            cursor = span.end;
        }
        if to < spans.len() {
            out.push('…');
        } else {
            out.push_str(&text[cursor..]);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_as_the_search_index_folds_them() {
        assert_eq!(fold("Coördinatie"), "coordinatie");
        assert_eq!(fold("CAFÉ"), "cafe");
        assert_eq!(fold("Noëlle"), "noelle");
        assert_eq!(fold("ÏJssel"), "ijssel");
        assert_eq!(fold("12345"), "12345");
    }

    #[test]
    fn a_text_splits_into_words_with_their_places() {
        let text = "Klantvraag 12, coördinatie—KCC!";
        let found: Vec<&str> = words(text).map(|r| &text[r]).collect();
        assert_eq!(found, vec!["Klantvraag", "12", "coördinatie", "KCC"]);
        let decomposed = "coo\u{308}rdinatie x";
        assert_eq!(
            words(decomposed)
                .map(|r| &decomposed[r])
                .collect::<Vec<_>>(),
            vec!["coo\u{308}rdinatie", "x"],
            "a combining diacritic stays inside its word"
        );
    }

    #[test]
    fn only_a_word_that_begins_with_the_typed_part_counts() {
        let wanted = Wanted {
            whole: vec![],
            start: "klantc".into(),
        };
        assert!(wanted.begins_a_word_in("Het Klantcontactcentrum belde."));
        assert!(!wanted.begins_a_word_in("Een klacht over het klantteam."));
        assert!(
            !wanted.begins_a_word_in("deklantcontact"),
            "inside a word does not count"
        );
    }

    #[test]
    fn the_snippet_marks_the_searched_words_and_cuts_long_texts() {
        let wanted = Wanted {
            whole: vec!["over".into()],
            start: "coord".into(),
        };
        assert_eq!(
            wanted.snippet("Vraag over de coördinatie.", 12),
            "Vraag [over] de [coördinatie]."
        );
        let long = format!("{} Coördinatie {}", "woord ".repeat(30), "rest ".repeat(30));
        let snippet = wanted.snippet(&long, 12);
        assert!(
            snippet.starts_with('…') && snippet.ends_with('…'),
            "{snippet}"
        );
        assert!(snippet.contains("[Coördinatie]"), "{snippet}");
        assert_eq!(wanted.snippet("", 12), "");
    }
}
