//! Details that locate or reach a person: e-mail addresses, postcodes, a street with its house
//! number, and a date written as a date of birth.

use super::{Detail, DetailKind};
use crate::dates::DUTCH_MONTHS;
use crate::fold::fold;

fn word_before(chars: &[char], at: usize) -> bool {
    at > 0 && chars[at - 1].is_alphanumeric()
}

fn word_after(chars: &[char], at: usize) -> bool {
    chars.get(at).is_some_and(|c| c.is_alphanumeric())
}

/// E-mail addresses: a local part, "@", and a domain with a dot and a top-level part of two
/// letters or more.
pub(super) fn emails(chars: &[char]) -> Vec<Detail> {
    let local = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    let domain = |c: char| c.is_alphanumeric() || ".-".contains(c);
    let mut out = Vec::new();
    let mut last_end = 0;
    for at in 0..chars.len() {
        if chars[at] != '@' || at < last_end {
            continue;
        }
        let mut start = at;
        while start > 0 && local(chars[start - 1]) {
            start -= 1;
        }
        while start < at && !chars[start].is_alphanumeric() {
            start += 1;
        }
        let mut end = at + 1;
        while end < chars.len() && domain(chars[end]) {
            end += 1;
        }
        while end > at + 1 && !chars[end - 1].is_alphanumeric() {
            end -= 1;
        }
        let host: String = chars[at + 1..end].iter().collect();
        let tld_ok = host.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty() && tld.chars().filter(|c| c.is_alphabetic()).count() >= 2
        });
        if start < at && tld_ok {
            out.push(Detail::new(DetailKind::Email, chars, start, end));
            last_end = end;
        }
    }
    out
}

/// Dutch postcodes: four digits (not starting with 0), an optional space, two capitals
/// (SA, SD and SS are not used).
pub(super) fn postcodes(chars: &[char]) -> Vec<Detail> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 6 <= chars.len() {
        let digits = (i..i + 4).all(|k| chars[k].is_ascii_digit()) && chars[i] != '0';
        if !digits || word_before(chars, i) {
            i += 1;
            continue;
        }
        let letters_at = if chars[i + 4] == ' ' { i + 5 } else { i + 4 };
        let letters: String = chars
            .get(letters_at..letters_at + 2)
            .unwrap_or(&[])
            .iter()
            .collect();
        let capitals = letters.len() == 2 && letters.chars().all(|c| c.is_ascii_uppercase());
        if capitals
            && !["SA", "SD", "SS"].contains(&letters.as_str())
            && !word_after(chars, letters_at + 2)
        {
            out.push(Detail::new(DetailKind::Postcode, chars, i, letters_at + 2));
            i = letters_at + 2;
        } else {
            i += 1;
        }
    }
    out
}

/// Endings of Dutch street names.
const STREET_ENDINGS: &[&str] = &[
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "dreef",
    "pad",
    "steeg",
    "hof",
    "park",
    "plantsoen",
    "ring",
    "markt",
    "baan",
    "wal",
    "haven",
    "allee",
    "boulevard",
    "erf",
    "veld",
    "gaarde",
    "hoven",
    "burg",
    "zijde",
    "kant",
    "oord",
    "akker",
    "weide",
    "wetering",
    "vaart",
    "dam",
    "hoek",
    "straatweg",
    "polder",
    "pier",
    "stede",
    "straatje",
];

/// A street with its house number: a capitalised word with a street ending, then a number
/// with an optional letter or addition ("Kerkstraat 12", "Van Goghlaan 3a", "Dorpsweg 4-2").
pub(super) fn addresses(chars: &[char]) -> Vec<Detail> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphabetic() || word_before(chars, i) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && (chars[end].is_alphabetic() || chars[end] == '-') {
            end += 1;
        }
        let word: String = fold(&chars[i..end].iter().collect::<String>());
        let street = chars[i].is_uppercase()
            && STREET_ENDINGS
                .iter()
                .any(|e| word.ends_with(e) && word.chars().count() > e.len());
        if street && chars.get(end) == Some(&' ') {
            if let Some(number_end) = house_number(chars, end + 1) {
                // Take the capitalised words before it along: "Burgemeester Van Reenensingel".
                let mut start = i;
                while let Some(prev) = previous_capitalised_word(chars, start) {
                    start = prev;
                }
                out.push(Detail::new(DetailKind::Address, chars, start, number_end));
                i = number_end;
                continue;
            }
        }
        i = end.max(i + 1);
    }
    out
}

fn house_number(chars: &[char], at: usize) -> Option<usize> {
    let mut k = at;
    while k < chars.len() && chars[k].is_ascii_digit() && k - at < 5 {
        k += 1;
    }
    if k == at || chars[at] == '0' || chars.get(k).is_some_and(char::is_ascii_digit) {
        return None;
    }
    // "12a", "12-2", "12 bis" are kept whole; "12 A" as well.
    if chars.get(k).is_some_and(|c| c.is_ascii_alphabetic()) && !word_after(chars, k + 1) {
        k += 1;
    } else if chars.get(k) == Some(&'-')
        && chars.get(k + 1).is_some_and(|c| c.is_ascii_alphanumeric())
    {
        k += 1;
        while k < chars.len() && chars[k].is_ascii_alphanumeric() {
            k += 1;
        }
    }
    if word_after(chars, k) {
        return None;
    }
    Some(k)
}

fn previous_capitalised_word(chars: &[char], start: usize) -> Option<usize> {
    if start < 2 || chars[start - 1] != ' ' {
        return None;
    }
    let end = start - 1;
    let mut from = end;
    while from > 0 && chars[from - 1].is_alphabetic() {
        from -= 1;
    }
    (from < end && chars[from].is_uppercase()).then_some(from)
}

/// Month abbreviations beside the full names of [`DUTCH_MONTHS`].
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
];

fn is_month(word: &str) -> bool {
    DUTCH_MONTHS.contains(&word) || MONTH_ABBREVIATIONS.contains(&word)
}

const BIRTH_WORDS: &[&str] = &[
    "geboren",
    "geboorte",
    "geb.",
    "geb ",
    "geb:",
    "date of birth",
    "d.o.b",
];

/// A date and where it ends, when one starts at `i`: 3-4-1961, 03/04/1961, 3.4.61,
/// 1961-04-03, 3 april 1961, 3 apr. 1961.
fn date_at(chars: &[char], i: usize) -> Option<usize> {
    let number = |from: usize, max: usize| -> Option<usize> {
        let mut k = from;
        while k < chars.len() && chars[k].is_ascii_digit() && k - from < max {
            k += 1;
        }
        (k > from && !chars.get(k).is_some_and(char::is_ascii_digit)).then_some(k)
    };
    let sep = |k: usize| chars.get(k).is_some_and(|c| matches!(c, '-' | '/' | '.'));
    let first = number(i, 4)?;
    if first - i == 4 {
        // ISO: yyyy-mm-dd
        if chars.get(first) == Some(&'-') {
            let m = number(first + 1, 2)?;
            if chars.get(m) == Some(&'-') {
                return number(m + 1, 2);
            }
        }
        return None;
    }
    if sep(first) {
        let m = number(first + 1, 2)?;
        if sep(m) {
            let y = number(m + 1, 4)?;
            return matches!(y - (m + 1), 2 | 4).then_some(y);
        }
        return None;
    }
    if chars.get(first) == Some(&' ') {
        let mut k = first + 1;
        while k < chars.len() && chars[k].is_alphabetic() {
            k += 1;
        }
        let month: String = chars[first + 1..k]
            .iter()
            .collect::<String>()
            .to_lowercase();
        if is_month(&month) {
            if chars.get(k) == Some(&'.') {
                k += 1;
            }
            if chars.get(k) == Some(&' ') {
                let y = number(k + 1, 4)?;
                return (y - (k + 1) == 4).then_some(y);
            }
        }
    }
    None
}

/// Dates written as a date of birth: within a few words after "geboren", "geboortedatum" or
/// "geb.".
pub(super) fn birth_dates(chars: &[char]) -> Vec<Detail> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || word_before(chars, i) {
            i += 1;
            continue;
        }
        if let Some(end) = date_at(chars, i) {
            let from = i.saturating_sub(40);
            let before = fold(&chars[from..i].iter().collect::<String>());
            if BIRTH_WORDS.iter().any(|w| before.contains(w)) {
                out.push(Detail::new(DetailKind::BirthDate, chars, i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}
