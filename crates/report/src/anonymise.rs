//! The public version's pseudonyms: every spelling of a party's name (its name and aliases)
//! becomes its pseudonym, in any text the rapport prints. Matching ignores case, needs whole
//! words, lets any run of white space (a line break included) stand between the words of a
//! name, and takes a possessive along ("Noëlles", "Noëlle's"). The same matcher searches the
//! rendered PDF's text afterwards, so what is replaced and what is checked cannot drift apart.

/// A party as the pseudonymiser needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyNames {
    /// The full name.
    pub name: String,
    /// Other spellings used in the dossier.
    pub aliases: Vec<String>,
    /// What the public version says instead, e.g. "verzoekster".
    pub pseudonym: String,
}

/// One line of the redaction log: which spelling was replaced by what, how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    /// The spelling as registered (name or alias).
    pub original: String,
    /// The pseudonym it became.
    pub pseudonym: String,
    /// Number of replacements.
    pub count: usize,
}

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The registered spelling that matched.
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
}

/// Finds and replaces the registered spellings of parties' names.
#[derive(Debug, Clone)]
pub struct Pseudonymiser {
    needles: Vec<Needle>,
}

fn fold(c: char) -> char {
    // One char in, one char out, so indexes in the folded text are indexes in the original.
    c.to_lowercase().next().unwrap_or(c)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

impl Pseudonymiser {
    /// A pseudonymiser for these parties. Spellings shorter than two letters are ignored: they
    /// would match ordinary words.
    pub fn new(parties: &[PartyNames]) -> Self {
        let mut needles: Vec<Needle> = Vec::new();
        for party in parties {
            let spellings = std::iter::once(&party.name).chain(party.aliases.iter());
            for spelling in spellings {
                let words: Vec<Vec<char>> = spelling
                    .split_whitespace()
                    .map(|w| w.chars().map(fold).collect())
                    .collect();
                let letters: usize = words.iter().map(Vec::len).sum();
                if letters < 2 || needles.iter().any(|n| n.words == words) {
                    continue;
                }
                needles.push(Needle {
                    spelling: spelling.trim().to_string(),
                    pseudonym: party.pseudonym.trim().to_string(),
                    words,
                });
            }
        }
        // Longest first, so "Noëlle van den Berg" wins over "Noëlle".
        needles.sort_by_key(|n| std::cmp::Reverse(n.words.iter().map(Vec::len).sum::<usize>()));
        Pseudonymiser { needles }
    }

    /// Whether there is anything to look for.
    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    fn match_at(&self, text: &[char], folded: &[char], start: usize) -> Option<Hit> {
        if start > 0 && is_word_char(text[start - 1]) {
            return None;
        }
        'needles: for needle in &self.needles {
            let mut at = start;
            for (w, word) in needle.words.iter().enumerate() {
                if w > 0 {
                    let gap_start = at;
                    while at < text.len() && text[at].is_whitespace() {
                        at += 1;
                    }
                    if at == gap_start {
                        continue 'needles;
                    }
                }
                if folded.len() < at + word.len() || folded[at..at + word.len()] != word[..] {
                    continue 'needles;
                }
                at += word.len();
            }
            let next = text.get(at).copied();
            let after = |i: usize| text.get(i).copied().is_none_or(|c| !is_word_char(c));
            let last = needle.words.last().and_then(|w| w.last()).copied();
            let (end, possessive) = match next {
                None => (at, false),
                Some(c) if !is_word_char(c) => {
                    if is_apostrophe(c)
                        && text.get(at + 1).map(|&c| fold(c)) == Some('s')
                        && after(at + 2)
                    {
                        (at + 2, true)
                    } else {
                        (at, false)
                    }
                }
                Some(c) if fold(c) == 's' && last != Some('s') && after(at + 1) => (at + 1, true),
                Some(_) => continue 'needles,
            };
            return Some(Hit {
                spelling: needle.spelling.clone(),
                pseudonym: needle.pseudonym.clone(),
                start,
                end,
                possessive,
            });
        }
        None
    }

    /// Every match in the text, left to right, never overlapping.
    pub fn find_all(&self, text: &str) -> Vec<Hit> {
        let chars: Vec<char> = text.chars().collect();
        let folded: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
        let firsts: Vec<char> = self
            .needles
            .iter()
            .filter_map(|n| n.words.first().and_then(|w| w.first()).copied())
            .collect();
        let mut hits = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if firsts.contains(&folded[i]) {
                if let Some(hit) = self.match_at(&chars, &folded, i) {
                    i = hit.end;
                    hits.push(hit);
                    continue;
                }
            }
            i += 1;
        }
        hits
    }

    /// The text with every match replaced by its pseudonym, and what was replaced.
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
            let mut replacement = if starts_sentence(&chars[..hit.start]) {
                capitalise(&hit.pseudonym)
            } else {
                hit.pseudonym.clone()
            };
            if hit.possessive {
                replacement.push_str(possessive_ending(&hit.pseudonym));
            }
            out.push_str(&replacement);
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

/// Whether a word after this text begins a sentence (Markdown marks skipped).
fn starts_sentence(before: &[char]) -> bool {
    before
        .iter()
        .rev()
        .find(|c| {
            !c.is_whitespace() && !matches!(c, '*' | '_' | '#' | '>' | '|' | '-' | '"' | '„' | '“')
        })
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
    match pseudonym.chars().last().map(fold) {
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
            },
            PartyNames {
                name: "Marieke Oosterhuis".into(),
                aliases: vec!["M. Oosterhuis".into()],
                pseudonym: "het hoofd van het KCC".into(),
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

    #[test]
    fn one_letter_spellings_are_ignored_because_they_match_ordinary_words() {
        let p = Pseudonymiser::new(&[PartyNames {
            name: "X".into(),
            aliases: vec![],
            pseudonym: "derde".into(),
        }]);
        assert!(p.is_empty());
    }
}
