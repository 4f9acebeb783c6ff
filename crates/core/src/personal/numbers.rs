//! Numbers that identify a person: a BSN (nine digits passing the 11-proef), an IBAN (its
//! check digits right under ISO 7064 mod 97-10) and Dutch phone numbers.

use super::{Detail, DetailKind};

/// The 11-proef of a burgerservicenummer: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11
/// (and the number is not all zeros).
pub fn bsn_valid(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 9 || digits.chars().count() != 9 || d.iter().all(|&x| x == 0) {
        return false;
    }
    let sum: i64 = d[..8]
        .iter()
        .enumerate()
        .map(|(i, &x)| (9 - i as i64) * x as i64)
        .sum::<i64>()
        - d[8] as i64;
    sum % 11 == 0
}

/// Whether an IBAN (spaces removed) has the right check digits: moved to the end, letters
/// as 10..35, the number modulo 97 is 1.
pub fn iban_valid(iban: &str) -> bool {
    let chars: Vec<char> = iban.chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&chars.len())
        || !chars[..2].iter().all(|c| c.is_ascii_alphabetic())
        || !chars[2..4].iter().all(|c| c.is_ascii_digit())
        || !chars.iter().all(|c| c.is_ascii_alphanumeric())
    {
        return false;
    }
    if chars[..2]
        .iter()
        .collect::<String>()
        .eq_ignore_ascii_case("NL")
        && chars.len() != 18
    {
        return false;
    }
    let mut rest: u32 = 0;
    for c in chars[4..].iter().chain(chars[..4].iter()) {
        let value = c.to_digit(36).unwrap_or(0);
        rest = if value >= 10 {
            (rest * 100 + value) % 97
        } else {
            (rest * 10 + value) % 97
        };
    }
    rest == 1
}

fn word_before(chars: &[char], at: usize) -> bool {
    at > 0 && chars[at - 1].is_alphanumeric()
}

/// IBANs: two letters, two digits, then letters and digits in groups of up to four.
pub(super) fn ibans(chars: &[char]) -> Vec<Detail> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let starts = !word_before(chars, i)
            && chars[i].is_ascii_alphabetic()
            && chars[i + 1].is_ascii_alphabetic()
            && chars[i + 2].is_ascii_digit()
            && chars[i + 3].is_ascii_digit();
        if !starts {
            i += 1;
            continue;
        }
        // Collect letters and digits across single spaces; remember where each group ends.
        let mut compact = String::new();
        let mut group_ends: Vec<(usize, usize)> = Vec::new(); // (compact length, char end)
        let mut j = i;
        while j < chars.len() && compact.len() < 34 {
            if chars[j].is_ascii_alphanumeric() {
                compact.push(chars[j]);
                j += 1;
                if j == chars.len() || !chars[j].is_ascii_alphanumeric() {
                    group_ends.push((compact.len(), j));
                }
            } else if chars[j] == ' '
                && j + 1 < chars.len()
                && chars[j + 1].is_ascii_alphanumeric()
                && !compact.is_empty()
            {
                j += 1;
            } else {
                break;
            }
        }
        let hit = group_ends
            .iter()
            .rev()
            .find(|(len, end)| {
                iban_valid(&compact[..*len]) && chars.get(*end).is_none_or(|c| !c.is_alphanumeric())
            })
            .copied();
        match hit {
            Some((_, end)) => {
                out.push(Detail::new(DetailKind::Iban, chars, i, end));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A run of digit groups with the separators numbers are written with: "123.456.782",
/// "06-1234 5678", "+31 (0)6 12345678". Each group is its char range.
struct Run {
    plus_at: Option<usize>,
    groups: Vec<(usize, usize)>,
}

fn runs(chars: &[char]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let plus = chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !(plus || chars[i].is_ascii_digit()) || word_before(chars, i) {
            i += 1;
            continue;
        }
        let plus_at = plus.then_some(i);
        if plus {
            i += 1;
        }
        let mut groups = Vec::new();
        loop {
            let from = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            groups.push((from, i));
            // At most two separators (" (" or ") "), then a digit.
            let mut k = i;
            while k < chars.len() && k - i < 2 && matches!(chars[k], ' ' | '.' | '-' | '(' | ')') {
                k += 1;
            }
            if k > i && k < chars.len() && chars[k].is_ascii_digit() {
                i = k;
            } else {
                break;
            }
        }
        let end = groups.last().map_or(i, |g| g.1);
        if !chars.get(end).is_some_and(|c| c.is_alphanumeric()) {
            out.push(Run { plus_at, groups });
        }
        i = end.max(i + 1);
    }
    out
}

fn digits_of(chars: &[char], groups: &[(usize, usize)]) -> String {
    groups
        .iter()
        .flat_map(|&(a, b)| chars[a..b].iter())
        .collect()
}

fn is_phone(d: &str, plus: bool) -> bool {
    if plus || d.starts_with("00") {
        let national = d
            .strip_prefix("0031")
            .or(d.strip_prefix("31").filter(|_| plus));
        return national.is_some_and(|n| {
            let n = n.strip_prefix('0').unwrap_or(n);
            n.len() == 9 && !n.starts_with('0')
        });
    }
    d.len() == 10 && d.starts_with('0') && !d[1..].starts_with('0')
}

fn is_bsn(d: &str, groups: &[(usize, usize)]) -> bool {
    let sizes: Vec<usize> = groups.iter().map(|g| g.1 - g.0).collect();
    let grouped = matches!(sizes.as_slice(), [9] | [3, 3, 3] | [4, 2, 3] | [2, 3, 2, 2]);
    grouped && bsn_valid(d)
}

/// Phone numbers and BSNs among the digit runs. A run may hold more than one number ("in
/// 2019 0612345678"), so every window of whole groups is tried, longest first.
pub(super) fn number_runs(chars: &[char]) -> Vec<Detail> {
    let mut out = Vec::new();
    for run in runs(chars) {
        let n = run.groups.len();
        let mut from = 0;
        while from < n {
            let mut found = None;
            for to in (from + 1..=n).rev() {
                let window = &run.groups[from..to];
                let digits = digits_of(chars, window);
                let plus = from == 0 && run.plus_at.is_some();
                let kind = if is_phone(&digits, plus) {
                    DetailKind::Phone
                } else if !plus && is_bsn(&digits, window) {
                    DetailKind::Bsn
                } else {
                    continue;
                };
                let start = if plus {
                    run.plus_at.unwrap_or(window[0].0)
                } else {
                    window[0].0
                };
                let end = window[window.len() - 1].1;
                found = Some((to, Detail::new(kind, chars, start, end)));
                break;
            }
            match found {
                Some((to, detail)) => {
                    out.push(detail);
                    from = to;
                }
                None => from += 1,
            }
        }
    }
    out
}
