//! The public version's pseudonyms: every spelling of a person's name — the registered name
//! and aliases, and the variants derived from the name (`wederhoor_core::names`: surname with
//! and without prefix, forms of address, initials, each part of a double name) — becomes the
//! pseudonym, in any text the rapport prints. Matching works on folded text (decomposed,
//! accents dropped, lower case: "Noelle", an NFD "Noëlle" and "NOËLLE" are one), needs whole
//! words, and lets white space and the punctuation of file names and Markdown (`.`, `-`, `_`,
//! `,`, `*`) stand between the words of a name. A bare single word derived from a name
//! ("Berg", "Groot") counts only when written with a capital. A possessive is taken along
//! ("Noëlles", "Noëlle's").

use wederhoor_core::fold::Folded;
use wederhoor_core::names::variants;

/// A party as the pseudonymiser needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyNames {
    /// The full name.
    pub name: String,
    /// Other spellings used in the dossier.
    pub aliases: Vec<String>,
    /// What the public version says instead, e.g. "verzoekster".
    pub pseudonym: String,
    /// Whether it is a person (`wederhoor_core::parties::is_person`): only a person's name
    /// gets derived variants and has its parts looked for alone.
    pub person: bool,
}

/// One line of the redaction log: which spelling was replaced by what, how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    /// The spelling as registered or derived (name, alias, variant).
    pub original: String,
    /// The pseudonym it became.
    pub pseudonym: String,
    /// Number of replacements.
    pub count: usize,
}

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The spelling that matched.
    pub spelling: String,
    /// The pseudonym of its party.
    pub pseudonym: String,
    /// Char index of the match's start.
    pub start: usize,
    /// Char index just past the match (possessive included).
    pub end: usize,
    /// Whether a possessive ending was part of the match.
    pub possessive: bool,
}

#[derive(Debug, Clone)]
struct Needle {
    spelling: String,
    pseudonym: String,
    words: Vec<Vec<char>>,
    needs_capital: bool,
}

/// Finds and replaces every spelling of the parties' names.
#[derive(Debug, Clone)]
pub struct Pseudonymiser {
    needles: Vec<Needle>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

/// What may stand between the words of a name.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '_' | ',' | '*' | '~')
}

/// The folded words of a spelling.
fn needle_words(spelling: &str) -> Vec<Vec<char>> {
    Folded::new(spelling)
        .chars
        .split(|c| !is_word_char(*c) && !is_apostrophe(*c))
        .filter(|w| !w.is_empty())
        .map(<[char]>::to_vec)
        .collect()
}

impl Pseudonymiser {
    /// A pseudonymiser for these parties. Spellings shorter than two letters are ignored: they
    /// would match ordinary words.
    pub fn new(parties: &[PartyNames]) -> Self {
        let mut needles: Vec<Needle> = Vec::new();
        for party in parties {
            let registered = std::iter::once(&party.name)
                .chain(party.aliases.iter())
                .map(|s| (s.clone(), false));
            let derived = if party.person {
                variants(&party.name, &party.pseudonym)
            } else {
                Vec::new()
            }
            .into_iter()
            .map(|v| (v.text, v.needs_capital));
            for (spelling, needs_capital) in registered.chain(derived) {
                let words = needle_words(&spelling);
                let letters: usize = words.iter().map(Vec::len).sum();
                if letters < 2 || needles.iter().any(|n| n.words == words) {
                    continue;
                }
                needles.push(Needle {
                    spelling: spelling.trim().to_string(),
                    pseudonym: party.pseudonym.trim().to_string(),
                    words,
                    needs_capital,
                });
            }
        }
        // Longest first, so "Noëlle van den Berg" wins over "Noëlle".
        needles.sort_by_key(|n| {
            std::cmp::Reverse((n.words.len(), n.words.iter().map(Vec::len).sum::<usize>()))
        });
        Pseudonymiser { needles }
    }

    /// Whether there is anything to look for.
    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    fn match_at(&self, f: &Folded, start: usize) -> Option<Hit> {
        let text = &f.chars;
        if start > 0 && is_word_char(text[start - 1]) {
            return None;
        }
        'needles: for needle in &self.needles {
            if needle.needs_capital && !f.is_upper(start) {
                continue;
            }
            let mut at = start;
            for (w, word) in needle.words.iter().enumerate() {
                if w > 0 {
                    let gap_start = at;
                    while at < text.len() && is_gap(text[at]) {
                        at += 1;
                    }
                    if at == gap_start {
                        continue 'needles;
                    }
                }
                if text.len() < at + word.len() || text[at..at + word.len()] != word[..] {
                    continue 'needles;
                }
                at += word.len();
            }
            // A double name goes on after a hyphen with a capital: "van den Berg-Jansen" is
            // one name even where only "van den Berg" is registered.
            if text.get(at) == Some(&'-')
                && text.get(at + 1).is_some_and(|c| c.is_alphabetic())
                && f.is_upper(at + 1)
            {
                at += 1;
                while at < text.len() && text[at].is_alphabetic() {
                    at += 1;
                }
            }
            let after = |i: usize| text.get(i).copied().is_none_or(|c| !is_word_char(c));
            let last = needle.words.last().and_then(|w| w.last()).copied();
            let (end, possessive) = match text.get(at).copied() {
                None => (at, false),
                Some(c) if !is_word_char(c) => {
                    if is_apostrophe(c) && text.get(at + 1) == Some(&'s') && after(at + 2) {
                        (at + 2, true)
                    } else {
                        (at, false)
                    }
                }
                Some('s') if last != Some('s') && after(at + 1) => (at + 1, true),
                Some(_) => continue 'needles,
            };
            return Some(Hit {
                spelling: needle.spelling.clone(),
                pseudonym: needle.pseudonym.clone(),
                start: f.start_of(start),
                end: f.end_of(end),
                possessive,
            });
        }
        None
    }

    /// Every match in the text, left to right, never overlapping; places are char indexes of
    /// the text as given.
    pub fn find_all(&self, text: &str) -> Vec<Hit> {
        let f = Folded::new(text);
        let firsts: Vec<char> = self
            .needles
            .iter()
            .filter_map(|n| n.words.first().and_then(|w| w.first()).copied())
            .collect();
        let mut hits = Vec::new();
        let mut i = 0;
        while i < f.chars.len() {
            if firsts.contains(&f.chars[i]) {
                if let Some(hit) = self.match_at(&f, i) {
                    // Go on after the hit, in folded places.
                    i = f
                        .origin
                        .iter()
                        .position(|&o| o >= hit.end)
                        .unwrap_or(f.chars.len());
                    hits.push(hit);
                    continue;
                }
            }
            i += 1;
        }
        hits
    }

    /// The text with every match replaced by its pseudonym, and what was replaced. Emphasis
    /// marks inside a match ("**Noëlle** van den Berg") are kept after the pseudonym, so the
    /// Markdown stays balanced.
    pub fn apply(&self, text: &str, log: &mut Vec<Redaction>) -> String {
        let hits = self.find_all(text);
        if hits.is_empty() {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for hit in hits {
            out.extend(&chars[at..hit.start]);
            // "van het WIJ-team" becomes "van het WIJ-team", not "van het het WIJ-team".
            let pseudonym = without_repeated_article(&out, &hit.pseudonym);
            let mut replacement = if starts_sentence(&chars[..hit.start]) {
                capitalise(pseudonym)
            } else {
                pseudonym.to_string()
            };
            if hit.possessive {
                replacement.push_str(possessive_ending(&hit.pseudonym));
            }
            out.push_str(&replacement);
            out.push_str(&kept_marks(&chars[hit.start..hit.end]));
            at = hit.end;
            match log
                .iter_mut()
                .find(|r| r.original == hit.spelling && r.pseudonym == hit.pseudonym)
            {
                Some(entry) => entry.count += 1,
                None => log.push(Redaction {
                    original: hit.spelling,
                    pseudonym: hit.pseudonym,
                    count: 1,
                }),
            }
        }
        out.extend(&chars[at..]);
        out
    }
}

/// The pseudonym without its article when the text before already ends with that article.
fn without_repeated_article<'a>(before: &str, pseudonym: &'a str) -> &'a str {
    for article in ["de ", "het ", "een "] {
        if let Some(rest) = pseudonym.strip_prefix(article) {
            let word = article.trim_end();
            let tail = before.trim_end();
            let ends_with_article = tail.len() < before.len()
                && tail.to_lowercase().ends_with(word)
                && tail[..tail.len() - word.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
            if ends_with_article {
                return rest;
            }
        }
    }
    pseudonym
}

/// The emphasis marks of a matched text that stand beside white space (Markdown's, not a file
/// name's "Noelle_van_den_Berg").
fn kept_marks(matched: &[char]) -> String {
    let mut marks = String::new();
    for (i, &c) in matched.iter().enumerate() {
        if matches!(c, '*' | '_' | '~') {
            let near_space = |j: Option<usize>| {
                j.and_then(|j| matched.get(j))
                    .is_some_and(|n| n.is_whitespace() || matches!(n, '*' | '_' | '~'))
            };
            if near_space(i.checked_sub(1)) || near_space(Some(i + 1)) {
                marks.push(c);
            }
        }
    }
    marks
}

/// Whether a word after this text begins a sentence (Markdown marks skipped).
fn starts_sentence(before: &[char]) -> bool {
    let is_mark = |c: &char| {
        c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '|' | '-' | '"' | '„' | '“')
    };
    let skipped = before.iter().rev().take_while(|c| is_mark(c)).count();
    let gap = &before[before.len() - skipped..];
    if gap.contains(&'\n') {
        // A new paragraph, a list item, or the line after a heading.
        let line_start = gap.iter().position(|&c| c == '\n').unwrap_or(0);
        let rest = &before[..before.len() - skipped + line_start];
        let previous_line: String = rest.iter().rev().take_while(|&&c| c != '\n').collect();
        let previous_line: String = previous_line.chars().rev().collect();
        let blank_line = gap.iter().filter(|&&c| c == '\n').count() >= 2;
        let list_item = gap
            .iter()
            .skip(line_start)
            .any(|c| matches!(c, '-' | '*' | '>'));
        if blank_line || list_item || previous_line.trim_start().starts_with('#') {
            return true;
        }
    }
    before[..before.len() - skipped]
        .last()
        .is_none_or(|c| matches!(c, '.' | '!' | '?'))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The Dutch possessive ending for a pseudonym: "verzoeksters", "de gemeente's" is avoided
/// in favour of plain "s" after a mute e; an apostrophe after a long vowel; only an
/// apostrophe after a sibilant.
fn possessive_ending(pseudonym: &str) -> &'static str {
    match pseudonym
        .chars()
        .last()
        .and_then(|c| c.to_lowercase().next())
    {
        Some('a' | 'i' | 'o' | 'u' | 'y' | 'é') => "'s",
        Some('s' | 'x' | 'z') => "'",
        _ => "s",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Pseudonymiser {
        Pseudonymiser::new(&[
            PartyNames {
                name: "Noëlle van den Berg".into(),
                aliases: vec!["Noëlle".into(), "mevrouw Van den Berg".into()],
                pseudonym: "verzoekster".into(),
                person: true,
            },
            PartyNames {
                name: "Marieke Oosterhuis".into(),
                aliases: vec!["M. Oosterhuis".into()],
                pseudonym: "het hoofd van het KCC".into(),
                person: true,
            },
        ])
    }

    fn apply(text: &str) -> (String, Vec<Redaction>) {
        let mut log = Vec::new();
        (demo().apply(text, &mut log), log)
    }

    #[test]
    fn the_full_name_wins_over_the_first_name_alias() {
        let (out, log) = apply("Volgens Noëlle van den Berg belde zij vaak.");
        assert_eq!(out, "Volgens verzoekster belde zij vaak.");
        assert_eq!(log.len(), 1, "one spelling was replaced, the full name");
        assert_eq!(log[0].original, "Noëlle van den Berg");
    }

    #[test]
    fn a_name_split_across_a_line_is_still_found() {
        let (out, _) = apply("zegt Noëlle van\nden Berg dat");
        assert_eq!(
            out, "zegt verzoekster dat",
            "any white space may separate the words"
        );
    }

    #[test]
    fn possessives_are_replaced_with_the_pseudonym_in_possessive_form() {
        let (out, _) = apply("Noëlles zoon en Noëlle's moeder");
        assert_eq!(out, "Verzoeksters zoon en verzoeksters moeder");
    }

    #[test]
    fn case_does_not_matter_but_whole_words_do() {
        let (out, _) = apply("MEVROUW VAN DEN BERG sprak met Noëllestraat-bewoners.");
        assert_eq!(
            out, "Verzoekster sprak met Noëllestraat-bewoners.",
            "a name inside a longer word is a different word"
        );
    }

    #[test]
    fn a_pseudonym_at_the_start_of_a_sentence_gets_a_capital() {
        let (out, _) = apply("Het KCC belde. M. Oosterhuis schreef terug.");
        assert_eq!(out, "Het KCC belde. Het hoofd van het KCC schreef terug.");
        let (out, _) = apply("## Verloop\n\nNoëlle belde.\n\n- Noëlle mailde.");
        assert_eq!(
            out, "## Verloop\n\nVerzoekster belde.\n\n- Verzoekster mailde.",
            "a paragraph and a list item begin a sentence"
        );
    }

    #[test]
    fn the_log_counts_each_spelling() {
        let (_, log) = apply("Noëlle, Noëlle en Marieke Oosterhuis");
        assert_eq!(
            log,
            vec![
                Redaction {
                    original: "Noëlle".into(),
                    pseudonym: "verzoekster".into(),
                    count: 2
                },
                Redaction {
                    original: "Marieke Oosterhuis".into(),
                    pseudonym: "het hoofd van het KCC".into(),
                    count: 1
                },
            ]
        );
    }

    /// The spellings that came out of a public PDF unreplaced (issue 12), each with the
    /// registered names of the demo dossier only.
    #[test]
    fn the_issues_spellings_are_all_replaced() {
        let p = Pseudonymiser::new(&[
            PartyNames {
                name: "Noëlle van den Berg".into(),
                aliases: vec!["Noëlle".into()],
                pseudonym: "verzoekster".into(),
                person: true,
            },
            PartyNames {
                name: "Daniël Kuipers".into(),
                aliases: vec![],
                pseudonym: "de werkcoach".into(),
                person: true,
            },
        ]);
        let mut log = Vec::new();
        for (text, wanted) in [
            ("Noelle van den Berg belde.", "Verzoekster belde."),
            ("Noe\u{308}lle belde.", "Verzoekster belde."),
            ("Van den Berg belde.", "Verzoekster belde."),
            ("Zo schreef mw. Van den Berg.", "Zo schreef verzoekster."),
            ("Zo schreef N.v.d. Berg.", "Zo schreef verzoekster."),
            ("**Noëlle** van den Berg belde.", "**Verzoekster** belde."),
            ("Verzoekster van den Berg belde.", "Verzoekster belde."),
            ("Getuige Kuipers zag het.", "Getuige de werkcoach zag het."),
            ("Zo schreef van den Berg-Jansen.", "Zo schreef verzoekster."),
            (
                "bijlage Noelle_van_den_Berg_brief.pdf",
                "bijlage verzoekster_brief.pdf",
            ),
            ("Berg, N. van den", "Verzoekster"),
            ("Zij liep de berg op.", "Zij liep de berg op."),
        ] {
            assert_eq!(p.apply(text, &mut log), wanted, "{text}");
        }
    }

    #[test]
    fn an_organisations_name_gets_no_derived_variants() {
        let p = Pseudonymiser::new(&[PartyNames {
            name: "WIJ-team Oost".into(),
            aliases: vec![],
            pseudonym: "het WIJ-team".into(),
            person: false,
        }]);
        let mut log = Vec::new();
        assert_eq!(
            p.apply("Een e-mail van het WIJ-team Oost over Oost.", &mut log),
            "Een e-mail van het WIJ-team over Oost.",
            "\"Oost\" alone is a place, and the article is not doubled"
        );
    }

    #[test]
    fn one_letter_spellings_are_ignored_because_they_match_ordinary_words() {
        let p = Pseudonymiser::new(&[PartyNames {
            name: "X".into(),
            aliases: vec![],
            pseudonym: "derde".into(),
            person: true,
        }]);
        assert!(p.is_empty());
    }
}
