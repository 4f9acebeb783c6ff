//! Personal details in a text that a public version must not print: BSN (with the 11-proef),
//! IBAN (with its check digits), Dutch phone numbers, e-mail addresses, a street with its house
//! number, a postcode, a date of birth — and capitalised names that belong to no registered
//! party. Pure functions over a text; the rapport's export runs them on what it is about to
//! print and again on the PDF's own text.

mod contact;
mod numbers;
mod unregistered;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use numbers::{bsn_valid, iban_valid};
pub use unregistered::KnownNames;

/// What kind of personal detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum DetailKind {
    /// Burgerservicenummer: nine digits that pass the 11-proef.
    Bsn,
    /// A bank account number whose check digits are right.
    Iban,
    /// A Dutch phone number (06, area codes, +31).
    Phone,
    /// An e-mail address.
    Email,
    /// A street with its house number.
    Address,
    /// A Dutch postcode ("1234 AB").
    Postcode,
    /// A date written next to "geboren" or "geboortedatum".
    BirthDate,
    /// A capitalised name that is no registered party's.
    Name,
}

impl DetailKind {
    /// The Dutch word for it.
    pub fn label(self) -> &'static str {
        match self {
            DetailKind::Bsn => "BSN",
            DetailKind::Iban => "IBAN",
            DetailKind::Phone => "telefoonnummer",
            DetailKind::Email => "e-mailadres",
            DetailKind::Address => "adres",
            DetailKind::Postcode => "postcode",
            DetailKind::BirthDate => "geboortedatum",
            DetailKind::Name => "naam",
        }
    }

    /// The wire code (`bsn`, `birth_date`, …), as stored with an allowance.
    pub fn code(self) -> &'static str {
        match self {
            DetailKind::Bsn => "bsn",
            DetailKind::Iban => "iban",
            DetailKind::Phone => "phone",
            DetailKind::Email => "email",
            DetailKind::Address => "address",
            DetailKind::Postcode => "postcode",
            DetailKind::BirthDate => "birth_date",
            DetailKind::Name => "name",
        }
    }

    /// The kind for a wire code.
    pub fn from_code(code: &str) -> Option<Self> {
        ALL.iter().copied().find(|k| k.code() == code)
    }
}

const ALL: [DetailKind; 8] = [
    DetailKind::Bsn,
    DetailKind::Iban,
    DetailKind::Phone,
    DetailKind::Email,
    DetailKind::Address,
    DetailKind::Postcode,
    DetailKind::BirthDate,
    DetailKind::Name,
];

/// A personal detail found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// What it is.
    pub kind: DetailKind,
    /// Char index of its start in the text searched.
    pub start: usize,
    /// Char index just past it.
    pub end: usize,
    /// The text as found.
    pub text: String,
    /// What identifies it whatever its spelling (digits only, lower case, folded): an
    /// allowance is kept under this key.
    pub key: String,
}

impl Detail {
    fn new(kind: DetailKind, chars: &[char], start: usize, end: usize) -> Self {
        let text: String = chars[start..end].iter().collect();
        let key = key_of(kind, &text);
        Detail {
            kind,
            start,
            end,
            text,
            key,
        }
    }

    /// The text with most of it hidden, so a list of hits can be shown and logged without
    /// repeating the detail: "12•••••82", "n•••@•••.nl", "K••••••".
    pub fn masked(&self) -> String {
        mask(self.kind, &self.text)
    }
}

/// The allowance key of a detail's text.
pub fn key_of(kind: DetailKind, text: &str) -> String {
    match kind {
        DetailKind::Bsn => text.chars().filter(char::is_ascii_digit).collect(),
        DetailKind::Phone => {
            // +31 6…, 0031 6…, +31 (0)6… and 06… are one number.
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            let national = match digits.strip_prefix("0031") {
                Some(rest) => Some(rest),
                None if text.trim_start().starts_with('+') => digits.strip_prefix("31"),
                None => None,
            };
            match national {
                Some(rest) => format!("0{}", rest.trim_start_matches('0')),
                None => digits,
            }
        }
        DetailKind::Iban | DetailKind::Postcode => text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect(),
        _ => crate::fold::fold(text)
            .split(|c: char| !c.is_alphanumeric() && c != '@')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A masked rendering of a detail.
pub fn mask(kind: DetailKind, text: &str) -> String {
    let visible: Vec<bool> = match kind {
        DetailKind::Name | DetailKind::Address => {
            // The first letter of each word.
            let mut prev_alpha = false;
            text.chars()
                .map(|c| {
                    let show = c.is_alphanumeric() && !prev_alpha;
                    prev_alpha = c.is_alphanumeric();
                    show || !c.is_alphanumeric()
                })
                .collect()
        }
        DetailKind::Email => {
            let at = text.find('@').map(|b| text[..b].chars().count());
            let mut seen_dot_after_at = false;
            text.chars()
                .enumerate()
                .map(|(i, c)| {
                    if Some(i) == at || !c.is_alphanumeric() {
                        if at.is_some_and(|a| i > a) && c == '.' {
                            seen_dot_after_at = true;
                        }
                        return true;
                    }
                    i == 0 || seen_dot_after_at
                })
                .collect()
        }
        _ => {
            let alnum = text.chars().filter(|c| c.is_alphanumeric()).count();
            let keep = if alnum > 6 { 2 } else { 1 };
            let mut n = 0;
            text.chars()
                .map(|c| {
                    if !c.is_alphanumeric() {
                        return true;
                    }
                    n += 1;
                    n <= keep || n > alnum - keep
                })
                .collect()
        }
    };
    text.chars()
        .zip(visible)
        .map(|(c, show)| if show { c } else { '•' })
        .collect()
}

/// Every personal detail in the text, in order, never overlapping (a number that is a phone
/// number is not also taken for a BSN). Names are looked for only when `known` is given.
pub fn scan(text: &str, known: Option<&KnownNames>) -> Vec<Detail> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<Detail> = Vec::new();
    found.extend(contact::emails(&chars));
    found.extend(numbers::ibans(&chars));
    found.extend(numbers::number_runs(&chars));
    found.extend(contact::postcodes(&chars));
    found.extend(contact::addresses(&chars));
    found.extend(contact::birth_dates(&chars));
    if let Some(known) = known {
        found.extend(unregistered::names(&chars, known));
    }
    // Earlier detectors win an overlap: an e-mail address's digits are no phone number.
    let mut kept: Vec<Detail> = Vec::new();
    for d in found {
        if !kept.iter().any(|k| d.start < k.end && k.start < d.end) {
            kept.push(d);
        }
    }
    kept.sort_by_key(|d| d.start);
    kept
}

#[cfg(test)]
mod tests;
