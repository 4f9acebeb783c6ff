//! Capitalised names in a text that belong to no registered party: "mevrouw Jansen",
//! "Pieter Dijkstra", "J. de Vries". The investigator registers such a person (so the public
//! version replaces the name) or allows the name with a reason. Institutions, the names that
//! may stay (bodies, pseudonyms) and the capitalised words of ordinary Dutch are left alone.

use super::{Detail, DetailKind};
use crate::dates::DUTCH_MONTHS;
use crate::fold::fold;
use crate::names::{PREFIXES, TITLES};
use std::collections::HashSet;

/// Words that make a capitalised phrase an institution, a law or a date rather than a person.
const NOT_A_PERSON: &[&str] = &[
    "gemeente",
    "raad",
    "college",
    "dienst",
    "afdeling",
    "team",
    "wet",
    "ombudsman",
    "stichting",
    "centrum",
    "bureau",
    "ministerie",
    "provincie",
    "rechtbank",
    "hof",
    "belastingdienst",
    "politie",
    "burgemeester",
    "wethouder",
    "wethouders",
    "staten",
    "kamer",
    "bank",
    "school",
    "ziekenhuis",
    "zorg",
    "waterschap",
    "vereniging",
    "bv",
    "nv",
    "holding",
    "groep",
    "regio",
    "unit",
    "sector",
    "directie",
    "programma",
    "loket",
    "klantcontactcentrum",
    "contactcentrum",
    "servicepunt",
    "wijkteam",
    "sociaal",
    "omgevingsdienst",
    "veiligheidsregio",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "nederland",
    "koningsdag",
    "pasen",
    "pinksteren",
    "kerstmis",
    "hemelvaartsdag",
    "nieuwjaarsdag",
    "bevrijdingsdag",
    "awb",
    "avg",
    "woo",
    "wmo",
    "participatiewet",
    "jeugdwet",
    "bijlage",
    "artikel",
    "rapport",
    "verslag",
    "oordeel",
];

/// Words that often begin a Dutch sentence; capitalised there, they are no name.
const SENTENCE_WORDS: &[&str] = &[
    "de",
    "het",
    "een",
    "dit",
    "dat",
    "deze",
    "die",
    "daarna",
    "toen",
    "volgens",
    "op",
    "in",
    "bij",
    "na",
    "voor",
    "over",
    "tijdens",
    "ook",
    "zij",
    "hij",
    "ze",
    "wij",
    "we",
    "ik",
    "u",
    "uw",
    "haar",
    "zijn",
    "hun",
    "er",
    "hier",
    "daar",
    "nadat",
    "omdat",
    "als",
    "wanneer",
    "maar",
    "en",
    "of",
    "dus",
    "want",
    "verder",
    "vervolgens",
    "eerst",
    "later",
    "uiteindelijk",
    "namens",
    "aan",
    "met",
    "door",
    "tot",
    "sinds",
    "vanaf",
    "zonder",
    "tegen",
    "onder",
    "wel",
    "niet",
    "geen",
    "alle",
    "elke",
    "iedere",
    "dan",
    "nu",
    "toch",
    "zo",
    "hoe",
    "wat",
    "wie",
    "waar",
    "waarom",
    "mede",
    "gelet",
    "gezien",
    "beste",
    "geachte",
    "lieve",
    "aldus",
    "bovendien",
];

/// The names and words that may stand in a public text: names kept in public (bodies), the
/// pseudonyms, the ombudsman, and the registered persons (whose names the pseudonymiser
/// handles).
#[derive(Debug, Clone, Default)]
pub struct KnownNames {
    phrases: Vec<String>,
    words: HashSet<String>,
}

impl KnownNames {
    /// Known names from their spellings.
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(names: I) -> Self {
        let mut known = KnownNames::default();
        for name in names {
            let folded = words_of(&fold(name.as_ref())).join(" ");
            if folded.is_empty() {
                continue;
            }
            known
                .words
                .extend(words_of(&folded).into_iter().map(str::to_string));
            known.phrases.push(folded);
        }
        known
    }

    /// Whether a word is known, or (for "WIJ-team") each of its parts is known or an
    /// institution's word.
    fn knows_word(&self, word: &str) -> bool {
        self.words.contains(word)
            || word
                .split('-')
                .all(|part| self.words.contains(part) || NOT_A_PERSON.contains(&part))
    }

    fn knows(&self, phrase: &str) -> bool {
        let padded = format!(" {phrase} ");
        self.phrases
            .iter()
            .any(|p| p == phrase || format!(" {p} ").contains(&padded))
    }
}

fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// Starts with a capital and has a small letter: "Jansen", "Van".
    Capitalised,
    /// One capital and a dot: "J.".
    Initial,
    /// Anything else.
    Other,
}

struct Word {
    start: usize,
    end: usize,
    folded: String,
    shape: Shape,
    /// Only white space (on one line or across one) between it and the word before.
    joined: bool,
    sentence_start: bool,
}

fn tokens(chars: &[char]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut i = 0;
    let mut last_end = 0;
    while i < chars.len() {
        if !chars[i].is_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_alphabetic()
                || (matches!(chars[i], '-' | '\'' | '’')
                    && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())))
        {
            i += 1;
        }
        let mut end = i;
        let text: String = chars[start..end].iter().collect();
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let shape =
            if letters.len() == 1 && letters[0].is_uppercase() && chars.get(end) == Some(&'.') {
                end += 1;
                i = end;
                Shape::Initial
            } else if letters.len() >= 2
                && letters[0].is_uppercase()
                && letters[1..].iter().any(|c| c.is_lowercase())
            {
                Shape::Capitalised
            } else {
                Shape::Other
            };
        let gap = &chars[last_end..start];
        // An initial's dot ends its token, so "N.v.d." has no gap at all.
        let joined = !out.is_empty()
            && gap.iter().all(|c| matches!(c, ' ' | '\n' | '.'))
            && gap.iter().filter(|c| **c == '\n').count() <= 1;
        let before = chars[..start].iter().rev().find(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '*' | '_' | '#' | '>' | '-' | '|' | '"' | '„' | '“' | '(' | '['
                )
        });
        let line_start = chars[..start]
            .iter()
            .rev()
            .take_while(|c| **c != '\n')
            .all(|c| {
                c.is_whitespace()
                    || matches!(
                        c,
                        '*' | '_' | '#' | '>' | '-' | '|' | '"' | '„' | '“' | '(' | '['
                    )
            });
        let sentence_start =
            line_start || before.is_none_or(|c| matches!(c, '.' | '!' | '?' | ':'));
        out.push(Word {
            start,
            end,
            folded: fold(&text),
            shape,
            joined,
            sentence_start,
        });
        last_end = end;
    }
    out
}

fn is_prefix(w: &Word) -> bool {
    // "v" and "d" are the letters of "v.d.".
    PREFIXES.contains(&w.folded.as_str()) || matches!(w.folded.as_str(), "v" | "d" | "t")
}

fn title_at(words: &[Word], i: usize) -> Option<usize> {
    // "de heer" is two words; the others one (with a dot the tokenizer left out).
    if words[i].folded == "de"
        && words
            .get(i + 1)
            .is_some_and(|w| w.folded == "heer" && w.joined)
    {
        return Some(i + 2);
    }
    let single = TITLES
        .iter()
        .any(|t| t.trim_end_matches('.') == words[i].folded && !t.contains(' '));
    (single && words[i].folded != "heer").then_some(i + 1)
}

/// Capitalised names that no known name covers.
pub(super) fn names(chars: &[char], known: &KnownNames) -> Vec<Detail> {
    let words = tokens(chars);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let titled = title_at(&words, i);
        let mut j = titled.unwrap_or(i);
        let first = j;
        // Initials, prefixes and capitalised words, joined by spaces.
        let mut last_capital = None;
        while j < words.len()
            && (j == first && (titled.is_none() || words[j].joined) || j > first && words[j].joined)
        {
            let w = &words[j];
            match w.shape {
                // "Van" in "Jan Van Dijk" is a prefix, written large.
                Shape::Capitalised if is_prefix(w) => {}
                Shape::Capitalised => {
                    if NOT_A_PERSON.contains(&w.folded.as_str())
                        || DUTCH_MONTHS.contains(&w.folded.as_str())
                    {
                        break;
                    }
                    last_capital = Some(j);
                }
                Shape::Initial => {}
                _ if is_prefix(w) => {}
                _ => break,
            }
            j += 1;
        }
        let Some(last) = last_capital else {
            i += 1;
            continue;
        };
        // A sentence's first word is no name when it is an ordinary word or a known one.
        let mut from = first;
        if titled.is_none()
            && words[from].sentence_start
            && (SENTENCE_WORDS.contains(&words[from].folded.as_str())
                || known.knows_word(&words[from].folded))
        {
            from += 1;
            while from <= last
                && (is_prefix(&words[from]) && words[from].shape != Shape::Capitalised)
            {
                from += 1;
            }
        }
        let span = &words[from..=last];
        let capitalised: Vec<&Word> = span
            .iter()
            .filter(|w| w.shape == Shape::Capitalised)
            .collect();
        let unknown: Vec<&&Word> = capitalised
            .iter()
            .filter(|w| !known.knows_word(&w.folded))
            .collect();
        let initials = span.iter().any(|w| w.shape == Shape::Initial);
        // One unknown capitalised word is a name only with a title or initials before it, or
        // inside a sentence beside another capitalised word ("Brief van Jansen"); at a
        // sentence's start it is an ordinary word ("E-mail van het WIJ-team").
        let enough = match unknown.len() {
            0 => false,
            1 => {
                titled.is_some() || initials || capitalised.len() >= 2 && !unknown[0].sentence_start
            }
            _ => true,
        };
        let start = if titled.is_some() {
            words[i].start
        } else {
            span.first().map_or(0, |w| w.start)
        };
        let end = words[last].end;
        let phrase = span
            .iter()
            .map(|w| w.folded.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if enough && !known.knows(&phrase) {
            out.push(Detail::new(DetailKind::Name, chars, start, end));
        }
        i = last + 1;
    }
    out
}
