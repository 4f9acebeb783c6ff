//! The facts one dossier contributes to the signals, its roles (bodies, and partners with the
//! body they act for), its filter facets, and the entries of the yearly register.

use super::{current_codes, name_key};
use crate::parties::is_person;
use crate::vocab::{DossierStatus, PartyRole, Verdict};
use crate::wire::{DossierFacets, PartnerFacet};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeSet;

/// How far a chain of partners acting for partners is followed to its body.
const MAX_CHAIN: usize = 8;

/// What one dossier contributes to the signals.
#[derive(Debug, Clone, PartialEq)]
pub struct DossierFacts {
    /// Database id.
    pub id: i64,
    /// The day the complaint was received.
    pub received_on: NaiveDate,
    /// Trefwoorden, as written.
    pub keywords: Vec<String>,
    /// Its parties that are organisations or act for one (bodies and partners).
    pub organisations: Vec<Organisation>,
    /// Its complaint points.
    pub points: Vec<PointFacts>,
}

/// A party of a dossier as the signals need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Database id.
    pub id: i64,
    /// Its role.
    pub role: PartyRole,
    /// Its name.
    pub name: String,
    /// Its pseudonym in public versions.
    pub pseudonym: String,
    /// Whether its name stays in public versions.
    pub public_name: bool,
    /// The party (of the same dossier) it acts for.
    pub acts_for: Option<i64>,
}

impl Organisation {
    /// What a publication shows for it.
    pub fn public_label(&self) -> &str {
        if self.public_name {
            &self.name
        } else {
            &self.pseudonym
        }
    }
}

/// One complaint point as the signals need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointFacts {
    /// Its oordeel.
    pub verdict: Verdict,
    /// The norm codes judged niet behoorlijk on it.
    pub niet_behoorlijk: Vec<String>,
}

/// One complaint as the yearly overview lists it: the registration Awb 9:12a asks of a body,
/// and the recommendations made with what the body answered. Its texts are the dossier's own;
/// a publication replaces the names in `hidden` before showing them.
#[derive(Debug, Clone, PartialEq)]
pub struct RegisterEntry {
    /// Database id.
    pub id: i64,
    /// The dossier's reference.
    pub reference: String,
    /// Its title (the subject of the complaint).
    pub title: String,
    /// The day the complaint was received.
    pub received_on: NaiveDate,
    /// Where it stands.
    pub status: DossierStatus,
    /// The bodies it is about, partners rolled up, as a publication names them.
    pub bodies: Vec<String>,
    /// The verdict of each complaint point, in number order.
    pub verdicts: Vec<Verdict>,
    /// The day of its first final rapport or rapportbrief: when it was completed.
    pub completed_on: Option<NaiveDate>,
    /// The recommendations made.
    pub recommendations: Vec<RecommendationFacts>,
    /// The parties whose names a publication replaces (every party that does not keep its
    /// name in public).
    pub hidden: Vec<HiddenName>,
}

/// A recommendation and the body's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationFacts {
    /// The number of the complaint point it belongs to, if any.
    pub point: Option<u32>,
    /// What the body should do.
    pub text: String,
    /// What the body answered; `None` while no answer is recorded.
    pub response: Option<String>,
}

/// A name a publication replaces by its pseudonym.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenName {
    /// The full name.
    pub name: String,
    /// Other spellings used in the dossier.
    pub aliases: Vec<String>,
    /// What a publication says instead.
    pub pseudonym: String,
    /// Whether it is a natural person.
    pub person: bool,
}

/// A dossier's bodies (roots) and partners, each with the root body it counts under.
pub(super) struct Roles<'a> {
    pub(super) bodies: Vec<&'a Organisation>,
    pub(super) partners: Vec<(&'a Organisation, &'a Organisation)>,
}

/// The body a party ends at when its `acts_for` chain is followed; `None` when the chain
/// breaks, loops or ends at a party that is not a body.
fn root_of<'a>(org: &'a Organisation, all: &'a [Organisation]) -> Option<&'a Organisation> {
    let mut at = org;
    for _ in 0..MAX_CHAIN {
        match at.acts_for {
            None => return (at.role == PartyRole::Body).then_some(at),
            Some(next) => at = all.iter().find(|o| o.id == next)?,
        }
    }
    None
}

pub(super) fn roles(facts: &DossierFacts) -> Roles<'_> {
    let all = &facts.organisations;
    let mut roles = Roles {
        bodies: Vec::new(),
        partners: Vec::new(),
    };
    for org in all {
        match org.acts_for {
            None if org.role == PartyRole::Body => roles.bodies.push(org),
            Some(_) if !is_person(org.role) => {
                if let Some(root) = root_of(org, all) {
                    roles.partners.push((org, root));
                }
            }
            _ => {}
        }
    }
    roles
}

/// A dossier's filter facets, from its facts.
pub fn facets(facts: &DossierFacts) -> DossierFacets {
    let roles = roles(facts);
    let mut bodies: Vec<String> = Vec::new();
    let push = |list: &mut Vec<String>, name: &str| {
        let name = name.trim().to_string();
        if !list.iter().any(|n| name_key(n) == name_key(&name)) {
            list.push(name);
        }
    };
    for b in &roles.bodies {
        push(&mut bodies, &b.name);
    }
    let mut partners: Vec<PartnerFacet> = Vec::new();
    for (p, root) in &roles.partners {
        push(&mut bodies, &root.name);
        if !partners
            .iter()
            .any(|f| name_key(&f.name) == name_key(&p.name))
        {
            partners.push(PartnerFacet {
                name: p.name.trim().to_string(),
                body: root.name.trim().to_string(),
            });
        }
    }
    let mut norms = BTreeSet::new();
    let mut verdicts = BTreeSet::new();
    for p in &facts.points {
        verdicts.insert(p.verdict);
        for code in &p.niet_behoorlijk {
            norms.insert(code.clone());
            norms.extend(current_codes(code));
        }
    }
    DossierFacets {
        year: facts.received_on.year(),
        bodies,
        partners,
        norms: norms.into_iter().collect(),
        verdicts: verdicts.into_iter().collect(),
    }
}

/// The bodies a dossier is about (partners rolled up), as a publication names them.
pub fn public_bodies(facts: &DossierFacts) -> Vec<String> {
    let roles = roles(facts);
    let mut out: Vec<String> = Vec::new();
    let roots = roles
        .bodies
        .iter()
        .copied()
        .chain(roles.partners.iter().map(|(_, root)| *root));
    for root in roots {
        let label = root.public_label().trim().to_string();
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}
