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
    /// The word being typed: a word must begin with it. `None` when the last word was too
    /// short to count as a beginning (it is then among the whole words).
    pub start: Option<String>,
}

impl Wanted {
    /// Whether this word is one of the searched words or begins as the last one does.
    fn marks(&self, folded: &str) -> bool {
        self.start
            .as_ref()
            .is_some_and(|s| folded.starts_with(s.as_str()))
            || self.whole.iter().any(|w| w == folded)
    }

    /// Whether some word of the text begins with the typed beginning.
    pub fn begins_a_word_in(&self, text: &str) -> bool {
        let Some(start) = &self.start else {
            return false;
        };
        words(text).any(|r| fold(&text[r]).starts_with(start.as_str()))
    }

    /// A passage of about `width` words around the first searched word, searched words in
    /// `[ ]` and cuts marked `…`, as SQLite's `snippet()` writes them for the other searches.
    /// Words are folded only up to the passage, so a long text costs little when it matches
    /// early. `None` when no word of the text is a searched one.
    pub fn marked_snippet(&self, text: &str, width: usize) -> Option<String> {
        let before = width / 4;
        let mut spans: Vec<Range<usize>> = Vec::new();
        let mut all = words(text);
        let first = loop {
            let span = all.next()?;
            let hit = self.marks(&fold(&text[span.clone()]));
            spans.push(span);
            if hit {
                break spans.len() - 1;
            }
        };
        spans.extend(all.by_ref().take(width.saturating_sub(spans.len() - first)));
        let more = all.next().is_some();
        // As many words before the first hit as the width leaves room for.
        let from = first
            .saturating_sub(before)
            .min(spans.len().saturating_sub(width));
        let to = (from + width).min(spans.len());
        let cut_after = more || to < spans.len();
        let mut out = String::new();
        if from > 0 {
            out.push('…');
        }
        let mut cursor = if from > 0 { spans[from].start } else { 0 };
        for span in &spans[from..to] {
            out.push_str(&text[cursor..span.start]);
            let word = &text[span.clone()];
            if self.marks(&fold(word)) {
                out.push('[');
                out.push_str(word);
                out.push(']');
            } else {
                out.push_str(word);
            }
            cursor = span.end;
        }
        if cut_after {
            out.push('…');
        } else {
            out.push_str(&text[cursor..]);
        }
        Some(out)
    }

    /// [`Wanted::marked_snippet`], or the text's beginning when no word of it is searched for.
    pub fn snippet(&self, text: &str, width: usize) -> String {
        self.marked_snippet(text, width).unwrap_or_else(|| {
            let mut spans = words(text).skip(width.saturating_sub(1));
            match (spans.next(), spans.next()) {
                (Some(last), Some(_)) => format!("{}…", &text[..last.end]),
                _ => text.to_string(),
            }
        })
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
            start: Some("klantc".into()),
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
            start: Some("coord".into()),
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
        assert_eq!(
            wanted.snippet("Niets, hier; ook niet daar.", 3),
            "Niets, hier; ook…",
            "no searched word: the text's beginning"
        );
        assert_eq!(wanted.marked_snippet("Niets hier.", 12), None);
        let late = format!("{}coördinatie", "woord ".repeat(100));
        assert_eq!(
            wanted.snippet(&late, 12),
            format!("…{}[coördinatie]", "woord ".repeat(11)),
            "a match at the very end keeps the words before it"
        );
    }
}
