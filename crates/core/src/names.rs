//! Dutch personal names taken apart — given names, tussenvoegsels, the surname and the parts of
//! a double surname — and the spellings a text may use for a person: with and without the
//! prefix, with a form of address ("mevrouw", "mw.", "dhr."), with initials ("N. van den
//! Berg", "N.v.d. Berg"), each part of a double name. The public version replaces and checks
//! these.

/// Surname prefixes (tussenvoegsels): not a name on their own.
pub const PREFIXES: &[&str] = &[
    "van", "de", "den", "der", "het", "ter", "ten", "te", "in", "'t", "op", "la", "le", "du", "d'",
    "von", "vander", "vd", "v.d.",
];

/// Forms of address that may stand before a surname, folded, with their dots.
pub const TITLES: &[&str] = &[
    "mevrouw", "mevr.", "mw.", "mw", "meneer", "mnr.", "dhr.", "dhr", "de heer", "heer", "mr.",
    "dr.", "drs.", "ir.", "ing.", "prof.", "familie", "fam.",
];

/// Dutch words that are also surnames or first names ("Groot", "Vos", "Berg", "Roos"): a
/// name part that is one of these counts in a public text only when it is capitalised.
pub const COMMON_WORDS: &[&str] = &[
    "groot",
    "klein",
    "vos",
    "berg",
    "bos",
    "beek",
    "visser",
    "bakker",
    "boer",
    "jong",
    "bruin",
    "wit",
    "zwart",
    "lang",
    "kok",
    "koster",
    "brouwer",
    "schipper",
    "smid",
    "molenaar",
    "veen",
    "dijk",
    "meer",
    "haan",
    "hoek",
    "kuiper",
    "koning",
    "prins",
    "graaf",
    "hertog",
    "ridder",
    "keizer",
    "vogel",
    "haas",
    "wolf",
    "beer",
    "leeuw",
    "valk",
    "kraai",
    "mol",
    "das",
    "vink",
    "duif",
    "zwaan",
    "roos",
    "lelie",
    "bloem",
    "boom",
    "eik",
    "linde",
    "hout",
    "steen",
    "rots",
    "zee",
    "water",
    "wal",
    "brug",
    "weg",
    "laan",
    "kerk",
    "toren",
    "molen",
    "huis",
    "hof",
    "kamp",
    "veld",
    "heuvel",
    "dal",
    "bron",
    "poort",
    "markt",
    "plein",
    "hage",
    "vis",
    "kaas",
    "brood",
    "wijn",
    "zout",
    "goud",
    "zilver",
    "ijzer",
    "koper",
    "dekker",
    "kramer",
    "jager",
    "herder",
    "knecht",
    "meester",
    "dokter",
    "pastoor",
    "wever",
    "verver",
    "slager",
    "kapper",
    "schilder",
    "schrijver",
    "snijder",
    "timmerman",
    "wijk",
    "stad",
    "dorp",
    "zon",
    "maan",
    "ster",
    "storm",
    "regen",
    "winter",
    "zomer",
    "mei",
    "mooi",
    "snel",
    "goed",
    "sterk",
    "stil",
    "blij",
    "recht",
    "hart",
    "hand",
    "voet",
    "kop",
    "baard",
    "haar",
    "rood",
    "groen",
    "geel",
    "blauw",
    "grijs",
    "riet",
    "gras",
    "kool",
    "peer",
    "hoen",
    "kip",
    "eend",
    "gans",
    "hert",
    "bok",
    "stier",
    "paard",
    "schaap",
    "mees",
    "uil",
    "reiger",
    "kraan",
    "pot",
    "pan",
    "kan",
    "vat",
    "ton",
    "zak",
    "mand",
    "ring",
    "kroon",
    "hamer",
    "nagel",
    "wiel",
    "kar",
    "wagen",
    "schip",
    "boot",
    "anker",
    "zeil",
    "mast",
    "touw",
    "net",
    "haak",
    "lijn",
    "kort",
    "hoog",
    "laag",
    "breed",
    "smal",
    "dik",
    "oud",
    "nieuw",
    "vrij",
    "blank",
    "kaal",
    "vet",
    "droog",
    "warm",
    "koud",
    "zoet",
    "wild",
    "trouw",
    "vroom",
    "wijs",
    "dapper",
    "zeker",
    "waar",
    "vast",
    "los",
    "open",
    "vol",
    "post",
    "mens",
    "man",
    "vrouw",
    "kind",
    "heer",
    "dame",
    "hoop",
    "jan",
    "will",
    "mark",
    "bas",
    "iris",
    "noord",
    "zuid",
    "oost",
    "west",
    "van",
    "baas",
    "bouw",
    "winkel",
    "dam",
];

/// A name as its parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DutchName {
    /// Given names or initials, as written ("Noëlle", "N.A.").
    pub given: Vec<String>,
    /// Tussenvoegsels, as written ("van", "den").
    pub prefix: Vec<String>,
    /// The surname as written ("Berg-Jansen").
    pub surname: String,
    /// The parts of a double surname, each without its own prefix ("Berg", "Jansen").
    pub surname_parts: Vec<String>,
}

fn is_prefix(word: &str) -> bool {
    PREFIXES.contains(&word.to_lowercase().as_str())
}

/// Takes a name apart. The surname is what follows the first tussenvoegsel after the first
/// word, or else the last word; a name of one word is a surname.
pub fn parse(name: &str) -> DutchName {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() {
        return DutchName::default();
    }
    let prefix_at = words
        .iter()
        .skip(1)
        .position(|w| is_prefix(w))
        .map(|p| p + 1);
    let (given, rest) = match prefix_at {
        Some(at) => (&words[..at], &words[at..]),
        None => (&words[..words.len() - 1], &words[words.len() - 1..]),
    };
    let prefix_len = rest
        .iter()
        .take_while(|w| is_prefix(w))
        .count()
        .min(rest.len().saturating_sub(1));
    let prefix: Vec<String> = rest[..prefix_len].iter().map(|w| w.to_string()).collect();
    let surname = rest[prefix_len..].join(" ");
    let surname_parts = surname
        .split(['-', ' '])
        .filter(|p| !p.is_empty() && !is_prefix(p))
        .map(str::to_string)
        .collect();
    DutchName {
        given: given.iter().map(|w| w.to_string()).collect(),
        prefix,
        surname,
        surname_parts,
    }
}

impl DutchName {
    /// The initials, each with its dot: "N." for "Noëlle", "N.A." for "Noëlle Anna" or "N.A.".
    pub fn initials(&self) -> Vec<String> {
        self.given
            .iter()
            .flat_map(|g| g.split('.').filter(|p| !p.is_empty()).map(str::to_string))
            .filter_map(|g| g.chars().next())
            .map(|c| format!("{}.", c.to_uppercase()))
            .collect()
    }

    /// The prefix's initials: "v.d." for "van den".
    fn prefix_initials(&self) -> String {
        self.prefix
            .iter()
            .filter_map(|p| p.chars().next())
            .map(|c| format!("{}.", c.to_lowercase()))
            .collect()
    }

    /// "van den Berg-Jansen", or the surname alone without prefix.
    pub fn with_prefix(&self) -> String {
        let mut words = self.prefix.clone();
        words.push(self.surname.clone());
        words.join(" ")
    }

    /// Every part of the name that could identify the person on its own: given names and
    /// surname parts of three letters or more, without tussenvoegsels and initials.
    pub fn identifying_parts(&self) -> Vec<String> {
        let mut parts: Vec<String> = self
            .given
            .iter()
            .flat_map(|g| g.split(['-', '.']))
            .chain(self.surname_parts.iter().flat_map(|p| p.split(['-', ' '])))
            .filter(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !is_prefix(p))
            .map(str::to_string)
            .collect();
        parts.dedup();
        parts
    }
}

/// A spelling a text may use for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The spelling.
    pub text: String,
    /// Whether it counts only when it begins with a capital: a single word such as a bare
    /// surname ("Berg", "Groot") is also an ordinary word when written small.
    pub needs_capital: bool,
}

/// The usual spellings of a person's name, the name itself first. `pseudonym` gives "verzoekster
/// van den Berg", a half-replaced name, too.
pub fn variants(name: &str, pseudonym: &str) -> Vec<Variant> {
    let parsed = parse(name);
    let mut out: Vec<Variant> = Vec::new();
    // Seen spellings, lower case: a set, so a long name stays linear (the fuzzer found the
    // list scan quadratic: 2 s for 2,000 words).
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut push = |text: String, needs_capital: bool| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().filter(|c| c.is_alphanumeric()).count() >= 2
            && seen.insert(text.to_lowercase())
        {
            out.push(Variant {
                text,
                needs_capital,
            });
        }
    };
    let single = |s: &str| !s.contains([' ', '-']);
    push(name.to_string(), single(name.trim()));
    if parsed
        .surname
        .chars()
        .filter(|c| c.is_alphanumeric())
        .count()
        < 2
    {
        return out;
    }
    let prefixed = parsed.with_prefix();
    let mut surnames = vec![prefixed.clone(), parsed.surname.clone()];
    for part in &parsed.surname_parts {
        surnames.push(part.clone());
        if !parsed.prefix.is_empty() {
            surnames.push(format!("{} {}", parsed.prefix.join(" "), part));
        }
    }
    let initials = parsed.initials().concat();
    for surname in &surnames {
        push(surname.clone(), single(surname));
        for title in TITLES {
            push(format!("{title} {surname}"), false);
            if !initials.is_empty() {
                push(format!("{title} {initials} {surname}"), false);
            }
        }
        if !initials.is_empty() {
            push(format!("{initials} {surname}"), false);
            if let Some(first) = parsed.initials().first() {
                push(format!("{first} {surname}"), false);
            }
            // Registers write the surname first: "Berg, N. van den".
            let prefix = parsed.prefix.join(" ");
            push(format!("{}, {initials} {prefix}", parsed.surname), false);
        }
        if !pseudonym.trim().is_empty() {
            push(format!("{} {surname}", pseudonym.trim()), false);
        }
    }
    if !parsed.prefix.is_empty() && !initials.is_empty() {
        let bare = std::iter::once(&parsed.surname).chain(parsed.surname_parts.iter());
        for surname in bare {
            push(
                format!("{initials}{} {surname}", parsed.prefix_initials()),
                false,
            );
        }
    }
    for given in &parsed.given {
        if !given.contains('.') {
            push(given.clone(), true);
            push(format!("{given} {}", parsed.surname), false);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(name: &str) -> Vec<String> {
        variants(name, "verzoekster")
            .into_iter()
            .map(|v| v.text)
            .collect()
    }

    #[test]
    fn a_name_with_a_prefix_is_taken_apart() {
        let n = parse("Noëlle van den Berg-Jansen");
        assert_eq!(n.given, vec!["Noëlle"]);
        assert_eq!(n.prefix, vec!["van", "den"]);
        assert_eq!(n.surname, "Berg-Jansen");
        assert_eq!(n.surname_parts, vec!["Berg", "Jansen"]);
        assert_eq!(n.identifying_parts(), vec!["Noëlle", "Berg", "Jansen"]);
    }

    #[test]
    fn a_name_without_prefix_has_its_last_word_as_surname() {
        let n = parse("Pieter Jan Dijkstra");
        assert_eq!(n.given, vec!["Pieter", "Jan"]);
        assert_eq!(n.surname, "Dijkstra");
        assert_eq!(n.initials(), vec!["P.", "J."]);
    }

    #[test]
    fn the_issues_spellings_are_all_variants() {
        // These came out of a public PDF unreplaced (issue 12).
        let all = texts("Noëlle van den Berg-Jansen");
        for wanted in [
            "van den Berg-Jansen",
            "van den Berg",
            "Berg",
            "Jansen",
            "mw. van den Berg",
            "mevrouw van den Berg-Jansen",
            "N. van den Berg",
            "N.v.d. Berg-Jansen",
            "N.v.d. Berg",
            "verzoekster van den Berg",
            "Berg-Jansen, N. van den",
            "Noëlle",
        ] {
            assert!(all.iter().any(|v| v == wanted), "{wanted} missing: {all:?}");
        }
    }

    #[test]
    fn only_single_words_need_a_capital() {
        let v = variants("Sanne de Groot", "getuige A.");
        let groot = v.iter().find(|v| v.text == "Groot").unwrap();
        assert!(groot.needs_capital, "groot is also an ordinary word");
        let full = v.iter().find(|v| v.text == "de Groot").unwrap();
        assert!(!full.needs_capital);
    }
}
