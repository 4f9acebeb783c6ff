//! What a person types, as FTS5 queries: every word must occur whole and the last one, still
//! being typed, counts as the beginning of a word once it has [`INDEXED_PREFIX`] letters. Each
//! word is quoted, so FTS syntax ("NEAR", "OR", `*`, quotes) is neutralised. A beginning longer
//! than an index keeps beginnings for is found through [`Candidates`].

use super::hits::SNIPPET_WORDS;
use super::words::{fold, Wanted};

/// The length of the beginnings the statements' index keeps (`prefix = '3'` in the search
/// migration). The word being typed counts as a beginning from this length on; shorter, it must
/// match a whole word.
pub(super) const INDEXED_PREFIX: usize = 3;

/// Candidates read at most before a long beginning is left to SQLite's own prefix search.
pub(super) const CANDIDATES: i64 = 2_000;

/// Of [`CANDIDATES`] read, at least this many must have the whole beginning for reading
/// candidates to stay cheaper than SQLite's own prefix search (one in forty).
const KEPT_PER_BUDGET: i64 = 50;

/// Candidates read before their rate is judged (a page of the dossier search).
const JUDGED_AFTER: i64 = 250;

/// The words a person typed; the last one is the one still being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Typed<'a> {
    rest: Vec<&'a str>,
    last: &'a str,
}

impl<'a> Typed<'a> {
    /// The words of a typed text, split on everything but letters and digits; `None` when
    /// there is no word at all.
    pub(super) fn parse(typed: &'a str) -> Option<Self> {
        let words: Vec<&str> = typed
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let (last, rest) = words.split_last()?;
        Some(Typed {
            rest: rest.to_vec(),
            last,
        })
    }

    /// The FTS5 query: the whole words, and the last one as a beginning when long enough.
    pub(super) fn query(&self) -> String {
        query_with_start(&self.rest, self.last)
    }

    /// For a last word longer than the beginnings an index keeps (`indexed` letters): the
    /// query on its first `indexed` letters, whose results are candidates to check for the
    /// whole beginning. `None` when the index's beginnings are long enough for the word.
    pub(super) fn long_start(&self, indexed: usize) -> Option<Candidates> {
        let start = fold(self.last);
        if start.chars().count() <= indexed {
            return None;
        }
        let beginning: String = start.chars().take(indexed).collect();
        Some(Candidates {
            query: query_with_start(&self.rest, &beginning),
            wanted: self.wanted(),
            read: 0,
            kept: 0,
        })
    }

    /// The words folded, as a snippet marks them: the last one as a beginning once it has
    /// [`INDEXED_PREFIX`] letters, else whole like the others.
    pub(super) fn wanted(&self) -> Wanted {
        let mut whole: Vec<String> = self.rest.iter().map(|w| fold(w)).collect();
        let last = fold(self.last);
        let start = if last.chars().count() >= INDEXED_PREFIX {
            Some(last)
        } else {
            whole.push(last);
            None
        };
        Wanted { whole, start }
    }
}

/// Turns what a person types into an FTS5 query: every word must occur, the last one may be
/// the start of a word once it has [`INDEXED_PREFIX`] letters; each word is quoted.
pub fn fts_query(typed: &str) -> Option<String> {
    Typed::parse(typed).map(|t| t.query())
}

fn query_with_start(rest: &[&str], last: &str) -> String {
    let mut parts: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    if last.chars().count() >= INDEXED_PREFIX {
        parts.push(format!("\"{last}\"*"));
    } else {
        parts.push(format!("\"{last}\""));
    }
    parts.join(" ")
}

/// A word being typed that is longer than the index's beginnings. SQLite's own prefix search
/// merges the lists of every word with that beginning before it returns anything (100 ms when
/// a word is in every statement, and again for every query), so the index's three-letter
/// beginning finds candidates, newest first, and each candidate is checked here for the whole
/// beginning. When few candidates have it, few rows do, and SQLite's prefix search is the
/// cheaper one ([`Candidates::too_few`]).
#[derive(Debug, Clone)]
pub(super) struct Candidates {
    /// The query on the three-letter beginning.
    pub(super) query: String,
    wanted: Wanted,
    read: i64,
    kept: i64,
}

impl Candidates {
    /// Checks one candidate: its snippet when its text or topic has a word with the whole
    /// beginning (and so is a real match), `None` otherwise.
    pub(super) fn keep(&mut self, text: &str, topic: Option<&str>) -> Option<String> {
        self.accepts(text, topic)
            .then(|| self.wanted.snippet(text, SNIPPET_WORDS))
    }

    /// Checks one candidate: whether its text or topic has a word with the whole beginning
    /// (and so is a real match).
    pub(super) fn accepts(&mut self, text: &str, topic: Option<&str>) -> bool {
        self.read += 1;
        let topic = topic.unwrap_or_default();
        let real = self.wanted.begins_a_word_in(text) || self.wanted.begins_a_word_in(topic);
        if real {
            self.kept += 1;
        }
        real
    }

    /// How many candidates were read.
    pub(super) fn read(&self) -> i64 {
        self.read
    }

    /// Whether so few of the candidates read had the whole beginning that SQLite's own prefix
    /// search is the cheaper way on (judged once [`JUDGED_AFTER`] were read), or the budget
    /// of candidates is spent.
    pub(super) fn too_few(&self) -> bool {
        self.read >= CANDIDATES
            || (self.read >= JUDGED_AFTER && self.kept * CANDIDATES < KEPT_PER_BUDGET * self.read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_become_a_safe_prefix_query() {
        assert_eq!(
            fts_query("tien keer").as_deref(),
            Some("\"tien\" \"keer\"*")
        );
        assert_eq!(
            fts_query("\"NEAR(a b)\" OR xyz*").as_deref(),
            Some("\"NEAR\" \"a\" \"b\" \"OR\" \"xyz\"*"),
            "syntax is neutralised"
        );
        assert_eq!(fts_query("  ... "), None, "nothing to search for");
        assert_eq!(
            fts_query("tien ke").as_deref(),
            Some("\"tien\" \"ke\""),
            "shorter than the index's beginnings: a whole word"
        );
    }

    #[test]
    fn a_long_beginning_is_searched_by_its_first_letters_and_checked_whole() {
        let typed = Typed::parse("over Klantc").unwrap();
        let mut candidates = typed
            .long_start(INDEXED_PREFIX)
            .expect("six letters is past the index");
        assert_eq!(candidates.query, "\"over\" \"kla\"*");
        assert_eq!(
            candidates.keep("Vraag over het klantcontact.", None),
            Some("Vraag [over] het [klantcontact].".to_string())
        );
        assert_eq!(
            candidates.keep("Een klacht over het loket.", Some("klantcontact")),
            Some("Een klacht [over] het loket.".to_string()),
            "the topic counts too"
        );
        assert_eq!(candidates.keep("Een klacht over het loket.", None), None);
        assert_eq!(candidates.read(), 3);
        assert!(
            Typed::parse("kla")
                .unwrap()
                .long_start(INDEXED_PREFIX)
                .is_none(),
            "three letters come straight from the index"
        );
    }

    #[test]
    fn a_short_last_word_is_marked_whole_a_longer_one_as_a_beginning() {
        let short = Typed::parse("Tien ke").unwrap().wanted();
        assert_eq!(short.whole, vec!["tien", "ke"]);
        assert_eq!(short.start, None);
        let long = Typed::parse("COÖRD").unwrap().wanted();
        assert_eq!(long.start.as_deref(), Some("coord"));
    }

    #[test]
    fn few_kept_candidates_hand_over_to_sqlite() {
        let mut candidates = Typed::parse("klaxo")
            .unwrap()
            .long_start(INDEXED_PREFIX)
            .unwrap();
        for _ in 0..243 {
            candidates.keep("Klacht", None);
        }
        for _ in 0..6 {
            candidates.keep("De klaxon.", None);
        }
        assert!(!candidates.too_few(), "not judged before 250 candidates");
        candidates.keep("De klaxon.", None);
        assert!(!candidates.too_few(), "7 in 250 is more than one in forty");
        let mut rare = Typed::parse("klaxo")
            .unwrap()
            .long_start(INDEXED_PREFIX)
            .unwrap();
        for _ in 0..244 {
            rare.keep("Klacht", None);
        }
        for _ in 0..6 {
            rare.keep("De klaxon.", None);
        }
        assert!(rare.too_few(), "6 in 250 is fewer than one in forty");
    }
}
