//! The form of a text that the search index holds. Stored text stays as it was read (a quote
//! must match the document); the index gets the compatibility form (NFKC: the ligature "ﬁ"
//! is "fi", a full-width "Ａ" is "A") and words broken at a line end joined again
//! ("behan-\ndeling" is found as "behandeling").

use std::borrow::Cow;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The text as the index should see it, borrowed when nothing changes (the usual case).
pub fn search_text(text: &str) -> Cow<'_, str> {
    let normal: Cow<'_, str> = match is_nfkc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfkc().collect()),
    };
    if !(normal.contains('-') && normal.contains('\n')) {
        return normal;
    }
    match join_broken_words(&normal) {
        Some(joined) => Cow::Owned(joined),
        None => normal,
    }
}

/// Joins "letter-\nletter" (a word hyphenated at a line end, with optional blanks after the
/// break) into one word. A hyphen after a digit or before a capital stays: "2018-\n2019" and
/// "Noord-\nHolland" are not broken words. `None` when there was nothing to join.
fn join_broken_words(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut joined = false;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '-' && i > 0 && chars[i - 1].is_alphabetic() {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], ' ' | '\t' | '\r') {
                j += 1;
            }
            if j < chars.len() && chars[j] == '\n' {
                let mut k = j + 1;
                while k < chars.len() && matches!(chars[k], ' ' | '\t') {
                    k += 1;
                }
                if k < chars.len() && chars[k].is_lowercase() {
                    i = k;
                    joined = true;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    joined.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::search_text;

    #[test]
    fn ligatures_and_width_variants_become_plain_letters() {
        // A PDF that kept the "ﬁ" glyph must still be found by "officieel".
        assert_eq!(search_text("ofﬁcieel ﬂuctuatie"), "officieel fluctuatie");
        assert_eq!(search_text("ＷＩＪ-team"), "WIJ-team");
    }

    #[test]
    fn a_word_broken_at_a_line_end_is_joined_for_the_index_only() {
        assert_eq!(
            search_text("de klacht-\nbehandeling duurde"),
            "de klachtbehandeling duurde"
        );
        assert_eq!(
            search_text("bijzon-  \n  dere bijstand"),
            "bijzondere bijstand"
        );
        // Not broken words: numbers, proper names, a dash on its own.
        assert_eq!(search_text("2018-\n2019"), "2018-\n2019");
        assert_eq!(search_text("Noord-\nHolland"), "Noord-\nHolland");
        assert_eq!(search_text("zie -\nhieronder"), "zie -\nhieronder");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let text = "Coördinatie met het WIJ-team, één keer gebeld.";
        assert!(matches!(search_text(text), std::borrow::Cow::Borrowed(t) if t == text));
    }
}
