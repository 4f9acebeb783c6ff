//! Rules for the parties of a dossier: what a party needs before it is stored, the pseudonym a
//! role suggests, and the usual variants of a person's name (for aliases the public version
//! must replace).

use crate::vocab::PartyRole;
use crate::wire::{FieldCode, FieldError, PartyInput};

/// A party whose fields passed validation, trimmed, aliases without empties or repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidParty {
    /// Role.
    pub role: PartyRole,
    /// Real name.
    pub name: String,
    /// Public name.
    pub pseudonym: String,
    /// Aliases.
    pub aliases: Vec<String>,
    /// Whether the name stays in the public version.
    pub public_name: bool,
    /// The body it acts for.
    pub acts_for: Option<i64>,
}

/// Another party of the dossier, as far as validating a party needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    /// Database id.
    pub id: i64,
    /// Role.
    pub role: PartyRole,
    /// Real name.
    pub name: String,
    /// Aliases.
    pub aliases: Vec<String>,
}

/// Case- and accent-insensitive form of a name, for comparing names: white space made single,
/// then folded as [`crate::fold::fold`] does.
pub fn fold(name: &str) -> String {
    crate::fold::fold(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Checks the party form against the dossier's other parties; returns every failing field.
///
/// A pseudonym may not be a name (or alias) of any party of the dossier, this one included:
/// the public version would print the name it is meant to hide. A person's name never stays in
/// the public version; `acts_for` must name another party with role body.
pub fn validate(input: &PartyInput, others: &[Registered]) -> Result<ValidParty, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, code: FieldCode| {
        errors.push(FieldError {
            field: field.into(),
            code,
        })
    };
    let name = input.name.trim().to_string();
    if name.is_empty() {
        fail("name", FieldCode::Required);
    }
    let pseudonym = input.pseudonym.trim().to_string();
    let aliases = clean(&input.aliases, &name);
    if pseudonym.is_empty() {
        fail("pseudonym", FieldCode::Required);
    } else {
        let folded = fold(&pseudonym);
        let others = others.iter().filter(|o| Some(o.id) != input.id);
        let own = std::iter::once(&name).chain(&aliases);
        let names_a_party = own
            .chain(others.flat_map(|o| std::iter::once(&o.name).chain(&o.aliases)))
            .any(|n| fold(n) == folded);
        if names_a_party && !(input.public_name && fold(&name) == folded) {
            fail("pseudonym", FieldCode::PseudonymIsAName);
        }
    }
    if input.public_name && is_person(input.role) {
        fail("publicName", FieldCode::PersonNamePublic);
    }
    if let Some(body) = input.acts_for {
        let target = others.iter().find(|o| o.id == body);
        if Some(body) == input.id || target.is_none_or(|o| o.role != PartyRole::Body) {
            fail("actsFor", FieldCode::NotABody);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidParty {
        role: input.role,
        name,
        pseudonym,
        aliases,
        public_name: input.public_name,
        acts_for: input.acts_for,
    })
}

/// Whether a party of this role is a natural person, whose name never stays public.
pub fn is_person(role: PartyRole) -> bool {
    !matches!(role, PartyRole::Body | PartyRole::ThirdParty)
}

fn clean(values: &[String], name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        if fold(value) != fold(name) && !out.iter().any(|o| fold(o) == fold(value)) {
            out.push(value.to_string());
        }
    }
    out
}

/// The pseudonym a role suggests: "verzoeker", "de gemeente" for a municipality,
/// "ambtenaar A." (the next free letter) for an official, "het WIJ-team" for a team.
/// `taken` are the pseudonyms the dossier already uses.
pub fn suggest_pseudonym(role: PartyRole, name: &str, taken: &[String]) -> String {
    let lower = name.trim().to_lowercase();
    let free = |base: &str| -> String {
        for letter in 'A'..='Z' {
            let candidate = format!("{base} {letter}.");
            if !taken.iter().any(|t| fold(t) == fold(&candidate)) {
                return candidate;
            }
        }
        base.to_string()
    };
    match role {
        PartyRole::Requester => "verzoeker".into(),
        PartyRole::Body if lower.starts_with("gemeente") => "de gemeente".into(),
        PartyRole::Body | PartyRole::ThirdParty if lower.contains("team") => {
            let team = name
                .split_whitespace()
                .find(|w| w.to_lowercase().contains("team"))
                .unwrap_or("team");
            format!("het {team}")
        }
        PartyRole::Body => "het bestuursorgaan".into(),
        PartyRole::Official => free("ambtenaar"),
        PartyRole::Representative => "de gemachtigde".into(),
        PartyRole::Witness => free("getuige"),
        PartyRole::ThirdParty => free("derde"),
    }
}

/// Surname prefixes (tussenvoegsels) that are not a name on their own.
const PREFIXES: &[&str] = &[
    "van", "de", "den", "der", "het", "ter", "ten", "te", "in", "'t", "op", "la", "le", "du",
];

/// The usual variants of a person's name, for aliases: first name, "mevrouw"/"meneer" +
/// surname (both, when the form of address is not known), initials + surname. An institution
/// gets none.
pub fn suggest_aliases(role: PartyRole, name: &str) -> Vec<String> {
    if !is_person(role) {
        return vec![];
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first_prefix_or_surname) = words
        .iter()
        .skip(1)
        .position(|w| PREFIXES.contains(&w.to_lowercase().as_str()))
        .map(|p| p + 1)
        .or((words.len() > 1).then_some(words.len() - 1))
    else {
        return vec![];
    };
    let given = &words[..first_prefix_or_surname];
    let surname = words[first_prefix_or_surname..].join(" ");
    let initials: String = given
        .iter()
        .filter_map(|g| g.chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect();
    let capitalised = capitalise_first(&surname);
    vec![
        given[0].to_string(),
        format!("mevrouw {capitalised}"),
        format!("meneer {capitalised}"),
        format!("{initials} {surname}"),
    ]
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(role: PartyRole, name: &str, pseudonym: &str) -> PartyInput {
        PartyInput {
            id: None,
            dossier_id: 1,
            role,
            name: name.into(),
            pseudonym: pseudonym.into(),
            aliases: vec![],
            public_name: role == PartyRole::Body,
            acts_for: None,
        }
    }

    fn codes(result: Result<ValidParty, Vec<FieldError>>) -> Vec<(String, FieldCode)> {
        result
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    fn requester() -> Registered {
        Registered {
            id: 1,
            role: PartyRole::Requester,
            name: "Noëlle van den Berg".into(),
            aliases: vec!["mevrouw Van den Berg".into()],
        }
    }

    #[test]
    fn a_pseudonym_that_is_a_registered_name_is_refused() {
        let witness = input(PartyRole::Witness, "Kees Kuipers", "Noelle van den Berg");
        assert_eq!(
            codes(validate(&witness, &[requester()])),
            vec![("pseudonym".into(), FieldCode::PseudonymIsAName)],
            "the public version would print the requester's name, accents or not"
        );
        let own_alias = PartyInput {
            aliases: vec!["Kees".into()],
            ..input(PartyRole::Witness, "Kees Kuipers", "kees")
        };
        assert_eq!(
            codes(validate(&own_alias, &[])),
            vec![("pseudonym".into(), FieldCode::PseudonymIsAName)]
        );
    }

    #[test]
    fn an_institution_keeps_its_name_but_a_person_never() {
        let body = input(
            PartyRole::Body,
            "Gemeente Voorbeeldstad",
            "Gemeente Voorbeeldstad",
        );
        assert!(
            validate(&body, &[]).is_ok(),
            "a body whose name stays public may use it as its public name"
        );
        let mut person = input(PartyRole::Official, "Jan de Vries", "ambtenaar A.");
        person.public_name = true;
        assert_eq!(
            codes(validate(&person, &[])),
            vec![("publicName".into(), FieldCode::PersonNamePublic)]
        );
    }

    #[test]
    fn every_failing_field_is_reported_at_once() {
        let mut party = input(PartyRole::ThirdParty, " ", " ");
        party.acts_for = Some(1);
        assert_eq!(
            codes(validate(&party, &[requester()])),
            vec![
                ("name".into(), FieldCode::Required),
                ("pseudonym".into(), FieldCode::Required),
                ("actsFor".into(), FieldCode::NotABody)
            ],
            "a partner acts for a body, not for the requester"
        );
    }

    #[test]
    fn pseudonyms_follow_the_role() {
        let taken = vec!["ambtenaar A.".to_string()];
        assert_eq!(
            suggest_pseudonym(PartyRole::Official, "Jan de Vries", &taken),
            "ambtenaar B."
        );
        assert_eq!(
            suggest_pseudonym(PartyRole::Body, "Gemeente Voorbeeldstad", &[]),
            "de gemeente"
        );
        assert_eq!(
            suggest_pseudonym(PartyRole::ThirdParty, "Stichting WIJ-team Noord", &[]),
            "het WIJ-team"
        );
    }

    #[test]
    fn aliases_are_the_usual_forms_of_a_persons_name() {
        assert_eq!(
            suggest_aliases(PartyRole::Requester, "Noëlle Maria van den Berg"),
            vec![
                "Noëlle",
                "mevrouw Van den Berg",
                "meneer Van den Berg",
                "N.M. van den Berg"
            ]
        );
        assert!(
            suggest_aliases(PartyRole::Body, "Gemeente Voorbeeldstad").is_empty(),
            "an institution is named as it is"
        );
        assert!(suggest_aliases(PartyRole::Witness, "Kuipers").is_empty());
    }
}
