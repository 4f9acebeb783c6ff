//! What the overview shows of the dossiers themselves, made fit to publish: every title,
//! recommendation, answer and trefwoord with the names replaced that its dossier hides
//! (`RegisterEntry::hidden`, through [`Pseudonymiser`]).
//!
//! An overview puts the texts of many dossiers side by side, so one dossier's text may name a
//! person registered only in another (the official of the first complaint, mentioned in the
//! second's title). After its own dossier's names, each text therefore also gets the names of
//! every other counted dossier that shares a word with it, and a trefwoord — counted across
//! dossiers — the names of each dossier carrying it. Last, an independent pass looks for every
//! part of every person's name on its own ([`NameParts`]) and replaces what is left: a text may
//! lose a word too many, never keep a name.
//!
//! The bodies and partners come as a publication names them: cells sharing a public label
//! (two partners with the same pseudonym) are one row ([`merged`](super::merged)).

use crate::anonymise::{PartyNames, Pseudonymiser};
use crate::overview::{merged, Overview};
use crate::strict::NameParts;
use std::collections::{BTreeSet, HashMap};
use wederhoor_core::fold::fold;
use wederhoor_core::names::{parse, PREFIXES};
use wederhoor_core::signals::{HiddenName, RegisterEntry};
use wederhoor_core::wire::BodyCell;

/// Said instead of a name whose party has no pseudonym.
const NO_PSEUDONYM: &str = "[naam]";

/// The overview's texts taken from dossiers, pseudonymised.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// The register, in its order, with title and recommendations pseudonymised and `hidden`
    /// emptied.
    pub register: Vec<RegisterEntry>,
    /// Each trefwoord of `signals.keywords`, in its order, pseudonymised.
    pub keywords: Vec<String>,
    /// The bodies of `signals.bodies` with their partners, one per public label.
    pub bodies: Vec<BodyCell>,
}

/// The names of every dossier counted, and which dossiers a word may point to.
struct Names {
    /// Per register entry, its own names.
    own: Vec<Pseudonymiser>,
    /// Folded word of a hidden name → the entries whose names hold it.
    by_word: HashMap<String, Vec<usize>>,
    /// Every part of every person's name, across all entries.
    parts: NameParts,
}

fn party_names(hidden: &[HiddenName]) -> Vec<PartyNames> {
    hidden
        .iter()
        .map(|h| PartyNames {
            name: h.name.clone(),
            aliases: h.aliases.clone(),
            pseudonym: if h.pseudonym.trim().is_empty() {
                NO_PSEUDONYM.to_string()
            } else {
                h.pseudonym.clone()
            },
            person: h.person,
        })
        .collect()
}

/// The folded words of a text (runs of letters and digits).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
}

/// The words of a hidden name that select its dossier: a person's identifying parts and
/// every other word of two letters or more that is not a tussenvoegsel.
fn name_words(hidden: &HiddenName) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = if hidden.person {
        parse(&hidden.name)
            .identifying_parts()
            .iter()
            .flat_map(|p| words(p).collect::<Vec<_>>())
            .collect()
    } else {
        BTreeSet::new()
    };
    for spelling in std::iter::once(&hidden.name).chain(hidden.aliases.iter()) {
        out.extend(words(spelling));
    }
    out.retain(|w| w.chars().count() >= 2 && !PREFIXES.contains(&w.as_str()));
    out
}

impl Names {
    fn new(register: &[RegisterEntry]) -> Self {
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut all = Vec::new();
        let mut own = Vec::with_capacity(register.len());
        for (index, entry) in register.iter().enumerate() {
            let names = party_names(&entry.hidden);
            own.push(Pseudonymiser::new(&names));
            for hidden in &entry.hidden {
                for word in name_words(hidden) {
                    let list = by_word.entry(word).or_default();
                    if list.last() != Some(&index) {
                        list.push(index);
                    }
                }
            }
            all.extend(names);
        }
        Names {
            own,
            by_word,
            parts: NameParts::new(&all),
        }
    }

    /// The text with the names of the entries `first` replaced, then those of any other entry
    /// sharing a word with it, then any part of a person's name still left.
    fn publish(&self, text: &str, first: &[usize]) -> String {
        let mut log = Vec::new();
        let mut out = text.to_string();
        for &i in first {
            out = self.own[i].apply(&out, &mut log);
        }
        let others: BTreeSet<usize> = words(&out)
            .filter_map(|w| self.by_word.get(&w))
            .flatten()
            .copied()
            .filter(|i| !first.contains(i))
            .collect();
        for i in others {
            out = self.own[i].apply(&out, &mut log);
        }
        let hits = self.parts.find_all(&out);
        if hits.is_empty() {
            return out;
        }
        let chars: Vec<char> = out.chars().collect();
        let mut clean = String::with_capacity(out.len());
        let mut at = 0;
        for hit in hits {
            clean.extend(&chars[at..hit.start]);
            clean.push_str(&hit.pseudonym);
            at = hit.end;
        }
        clean.extend(&chars[at..]);
        clean
    }
}

/// The overview's dossier texts, pseudonymised.
pub fn publish(overview: &Overview) -> Published {
    let names = Names::new(&overview.register);
    let register = overview
        .register
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let mut public = entry.clone();
            public.title = names.publish(&entry.title, &[i]);
            for r in &mut public.recommendations {
                r.text = names.publish(&r.text, &[i]);
                r.response = r.response.as_ref().map(|a| names.publish(a, &[i]));
            }
            public.hidden.clear();
            public
        })
        .collect();
    let position: HashMap<i64, usize> = overview
        .register
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id, i))
        .collect();
    let keywords = overview
        .signals
        .keywords
        .iter()
        .map(|cell| {
            let carrying: Vec<usize> = cell
                .dossiers
                .iter()
                .filter_map(|id| position.get(id).copied())
                .collect();
            names.publish(&cell.keyword, &carrying)
        })
        .collect();
    let bodies = merged::bodies(&overview.signals, &overview.register);
    Published {
        register,
        keywords,
        bodies,
    }
}
