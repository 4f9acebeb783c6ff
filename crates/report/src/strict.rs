//! The read-back's second, stricter pass over a public text, independent of the
//! pseudonymiser: the text is cut into runs of letters (any other char — space, digit, dot,
//! hyphen, apostrophe — ends a word), and every identifying part of every person's name
//! (given names and surname parts of three letters or more, without tussenvoegsels, titles or
//! initials) is looked for on its own. A part that is also an ordinary Dutch word ("Groot",
//! "Vos") counts only when capitalised. So "Kuipers" alone, "N.v.d. Berg" and
//! "Noelle_van_den_Berg" are found even when no variant of the pseudonymiser matched them.

use crate::anonymise::PartyNames;
use std::collections::HashMap;
use wederhoor_core::fold::{fold, Folded};
use wederhoor_core::names::{parse, COMMON_WORDS, PREFIXES, TITLES};

/// A name part found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartHit {
    /// The part as registered ("Kuipers").
    pub part: String,
    /// Whose: the party's pseudonym.
    pub pseudonym: String,
    /// Char index of the start.
    pub start: usize,
    /// Char index past the end.
    pub end: usize,
}

/// Every identifying part of every person's name.
#[derive(Debug, Clone, Default)]
pub struct NameParts {
    /// Folded part → (part as registered, pseudonym, counts only when capitalised).
    parts: HashMap<String, (String, String, bool)>,
}

fn letters(word: &str) -> usize {
    word.chars().filter(|c| c.is_alphabetic()).count()
}

impl NameParts {
    /// The parts of the persons among these parties (institutions are matched whole by the
    /// pseudonymiser only: their words are ordinary words).
    pub fn new(parties: &[PartyNames]) -> Self {
        let mut parts = HashMap::new();
        for party in parties.iter().filter(|p| p.person) {
            let mut words = parse(&party.name).identifying_parts();
            for alias in &party.aliases {
                words.extend(
                    alias
                        .split(|c: char| !c.is_alphabetic())
                        .filter(|w| letters(w) >= 3)
                        .map(str::to_string),
                );
            }
            for word in words {
                let folded = fold(&word);
                let ignorable = PREFIXES.contains(&folded.as_str())
                    || TITLES.iter().any(|t| t.trim_end_matches('.') == folded)
                    || letters(&folded) < 3;
                if ignorable {
                    continue;
                }
                let common = COMMON_WORDS.contains(&folded.as_str());
                parts
                    .entry(folded)
                    .or_insert((word, party.pseudonym.trim().to_string(), common));
            }
        }
        NameParts { parts }
    }

    /// Whether there is anything to look for.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Every name part in the text.
    pub fn find_all(&self, text: &str) -> Vec<PartHit> {
        let f = Folded::new(text);
        let mut hits = Vec::new();
        let mut i = 0;
        while i < f.chars.len() {
            if !f.chars[i].is_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < f.chars.len() && f.chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = f.chars[start..i].iter().collect();
            if let Some((part, pseudonym, common)) = self.parts.get(&word) {
                if !*common || f.is_upper(start) {
                    hits.push(PartHit {
                        part: part.clone(),
                        pseudonym: pseudonym.clone(),
                        start: f.start_of(start),
                        end: f.end_of(i),
                    });
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> NameParts {
        NameParts::new(&[
            PartyNames {
                name: "Noëlle van den Berg".into(),
                aliases: vec!["mevrouw Van den Berg".into()],
                pseudonym: "verzoekster".into(),
                person: true,
            },
            PartyNames {
                name: "Henk Kuipers".into(),
                aliases: vec![],
                pseudonym: "getuige A.".into(),
                person: true,
            },
            PartyNames {
                name: "Stadsbeheer Parkeren Noord".into(),
                aliases: vec![],
                pseudonym: "de uitvoerder".into(),
                person: false,
            },
        ])
    }

    fn found(text: &str) -> Vec<String> {
        parts().find_all(text).into_iter().map(|h| h.part).collect()
    }

    #[test]
    fn each_part_is_found_alone_whatever_stands_around_it() {
        assert_eq!(found("getuige Kuipers zag het"), vec!["Kuipers"]);
        assert_eq!(found("N.v.d. Berg schreef"), vec!["Berg"]);
        assert_eq!(
            found("bijlage Noelle_van_den_Berg.pdf"),
            vec!["Noëlle", "Berg"]
        );
        assert_eq!(found("NOE\u{308}LLE"), vec!["Noëlle"]);
    }

    #[test]
    fn a_part_that_is_an_ordinary_word_counts_only_with_a_capital() {
        assert!(found("zij liep de berg op").is_empty());
        assert_eq!(found("De Berg liep op"), vec!["Berg"]);
    }

    #[test]
    fn prefixes_titles_and_institutions_words_are_not_parts() {
        assert!(found("mevrouw van den de ter").is_empty());
        assert!(
            found("Parkeren in Noord").is_empty(),
            "an institution is matched whole only"
        );
    }
}
