//! The gate before a public version is laid out: it fails closed. No public version is made
//! while no person of the dossier has a pseudonym (nothing would be replaced), and none while
//! the text about to be printed holds a personal detail or an unregistered name that the
//! investigator has not replaced or allowed with a reason.

use crate::anonymise::PartyNames;
use std::collections::HashSet;
use wederhoor_core::file::DossierFile;
use wederhoor_core::personal::{scan, DetailKind, KnownNames};
use wederhoor_core::wire::PublicFinding;

/// The details the investigator allowed in this dossier's public versions, by kind and key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allowed(HashSet<(DetailKind, String)>);

impl Allowed {
    /// Allowances from (kind, key) pairs.
    pub fn new(pairs: impl IntoIterator<Item = (DetailKind, String)>) -> Self {
        Allowed(pairs.into_iter().collect())
    }

    /// Whether this detail is allowed.
    pub fn contains(&self, kind: DetailKind, key: &str) -> bool {
        self.0.contains(&(kind, key.to_string()))
    }
}

/// The parties whose names the public version replaces: every party that does not keep its
/// name (`public_name`), persons and organisations alike.
pub fn pseudonymised(dossier: &DossierFile) -> Vec<PartyNames> {
    dossier
        .parties
        .iter()
        .filter(|p| !p.keeps_name_in_public())
        .map(|p| PartyNames {
            name: p.name.clone(),
            aliases: p.aliases.clone(),
            pseudonym: p.pseudonym.clone(),
            person: wederhoor_core::parties::is_person(p.role),
        })
        .collect()
}

/// Why no public version can be made of this dossier at all, or `None`.
pub fn refusal(dossier: &DossierFile) -> Option<String> {
    let parties = pseudonymised(dossier);
    if let Some(p) = parties.iter().find(|p| p.pseudonym.trim().is_empty()) {
        return Some(format!(
            "Een partij zonder pseudoniem ({}) kan in een openbare versie niet worden vervangen. Geef haar een pseudoniem onder Partijen.",
            initials_only(&p.name)
        ));
    }
    if !parties.iter().any(|p| p.person) {
        return Some("Dit dossier heeft geen persoon met een pseudoniem, dus zou de openbare versie niets vervangen. Registreer verzoeker (en wie verder genoemd wordt) onder Partijen.".into());
    }
    None
}

fn initials_only(name: &str) -> String {
    wederhoor_core::personal::mask(DetailKind::Name, name)
}

/// The names that may stand in the public text: bodies and others that keep their name, the
/// pseudonyms, the ombudsman, and the persons' own names (which the pseudonymiser and the
/// read-back handle).
pub fn known_names(dossier: &DossierFile) -> KnownNames {
    let mut names: Vec<String> = vec![dossier.dossier.ombudsman.clone()];
    names.extend(dossier.dossier.bodies.iter().cloned());
    for party in &dossier.parties {
        names.push(party.pseudonym.clone());
        names.push(party.name.clone());
        names.extend(party.aliases.iter().cloned());
    }
    KnownNames::new(names)
}

/// One text the public version prints, with where it stands.
#[derive(Debug, Clone)]
pub struct Printed<'a> {
    /// "titelblad", or the heading it stands under.
    pub place: String,
    /// The text, after the pseudonyms went in.
    pub text: &'a str,
}

/// Every personal detail and unregistered name in these texts that is not allowed, each
/// distinct one once with its count and first place.
pub fn findings(
    texts: &[Printed<'_>],
    known: &KnownNames,
    allowed: &Allowed,
) -> Vec<PublicFinding> {
    let mut out: Vec<PublicFinding> = Vec::new();
    for printed in texts {
        for detail in scan(printed.text, Some(known)) {
            if allowed.contains(detail.kind, &detail.key) {
                continue;
            }
            if let Some(seen) = out
                .iter_mut()
                .find(|f| f.kind == detail.kind && f.key == detail.key)
            {
                seen.count += 1;
                continue;
            }
            out.push(PublicFinding {
                kind: detail.kind,
                masked: detail.masked(),
                text: detail.text.clone(),
                key: detail.key.clone(),
                place: printed.place.clone(),
                context: context(printed.text, detail.start, detail.end, &detail.masked()),
                count: 1,
            });
        }
    }
    out
}

/// The text around a place, that place replaced by `shown`, on one line.
pub fn context(text: &str, start: usize, end: usize, shown: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let from = start.saturating_sub(30);
    let to = (end + 30).min(chars.len());
    let before: String = chars[from..start].iter().collect();
    let after: String = chars[end..to].iter().collect();
    format!("{before}{shown}{after}")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Markdown cut at its headings: each piece with the heading it stands under.
pub fn sections(markdown: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![("begin van de tekst".into(), String::new())];
    for line in markdown.lines() {
        let heading = line.trim_start();
        if heading.starts_with('#') {
            let title = heading.trim_start_matches('#').trim();
            out.push((format!("§ {title}"), String::new()));
        }
        if let Some(last) = out.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    out.retain(|(_, text)| !text.trim().is_empty());
    out
}
