//! Signals across dossiers: what the complaints of a period say about the bodies complained
//! about and the partners acting for them — counts per body, per norm judged niet behoorlijk,
//! per verdict, per trefwoord and per quarter (DESIGN.md §2, `Signal`). Pure counting over
//! the facts the store reads in a few queries; every count keeps the dossiers behind it.
//!
//! Verdicts and norms are counted per complaint point, bodies and trefwoorden per dossier
//! (INTERFACES.md §2). A partner (a party that `acts_for` a body and is not a person) counts
//! under the body it acts for, and on its own beneath it. Older norms count under the current
//! norms they map to (DOMAIN.md §1c) and on their own.

use crate::dates::parse_user_date;
use crate::fold::fold;
use crate::norms::{self, Catalogue};
use crate::parties::is_person;
use crate::vocab::{DossierStatus, PartyRole, Verdict};
use crate::wire::{
    BodyCell, DossierFacets, FieldCode, FieldError, KeywordCell, NormCell, PartnerCell,
    QuarterCell, SignalPeriod, Signals, VerdictCell,
};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Below this many dossiers a count could point to a person; publications mark it.
pub const SMALL_BELOW: u32 = 5;

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

impl SignalPeriod {
    /// The whole of one calendar year.
    pub fn year(year: i32) -> Self {
        SignalPeriod {
            from: Some(format!("{year:04}-01-01")),
            to: Some(format!("{year:04}-12-31")),
        }
    }

    fn bounds(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let day = |s: &Option<String>| s.as_deref().and_then(|d| d.parse::<NaiveDate>().ok());
        (day(&self.from), day(&self.to))
    }

    /// A period as typed in the Signalen screen (`1-1-2025` or `2025-01-01`; empty for an
    /// open side), or the fields that cannot be read; `to` may not lie before `from`.
    pub fn from_typed(from: &str, to: &str) -> std::result::Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut read = |field: &str, typed: &str| match typed.trim() {
            "" => None,
            typed => match parse_user_date(typed) {
                Ok(day) => Some(day),
                Err(_) => {
                    errors.push(FieldError {
                        field: field.into(),
                        code: FieldCode::InvalidDate,
                    });
                    None
                }
            },
        };
        let (from, to) = (read("from", from), read("to", to));
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                errors.push(FieldError {
                    field: "to".into(),
                    code: FieldCode::BeforeStart,
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SignalPeriod {
            from: from.map(|d| d.format("%Y-%m-%d").to_string()),
            to: to.map(|d| d.format("%Y-%m-%d").to_string()),
        })
    }

    /// Whether a dossier received on this day falls in the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        let (from, to) = self.bounds();
        from.is_none_or(|f| day >= f) && to.is_none_or(|t| day <= t)
    }
}

/// The key two spellings of one name share: folded, spaces collapsed.
fn name_key(name: &str) -> String {
    fold(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A dossier's bodies (roots) and partners, each with the root body it counts under.
struct Roles<'a> {
    bodies: Vec<&'a Organisation>,
    partners: Vec<(&'a Organisation, &'a Organisation)>,
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

fn roles(facts: &DossierFacts) -> Roles<'_> {
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

/// The current norms a judged code counts under: itself when current or unknown, else the
/// current norms it maps to.
fn current_codes(code: &str) -> Vec<String> {
    match norms::find(code) {
        Some(n) if n.catalogue == Catalogue::Klassiek => {
            n.successors.iter().map(|s| s.to_string()).collect()
        }
        _ => vec![code.to_string()],
    }
}

fn norm_name(code: &str) -> (String, bool) {
    match norms::find(code) {
        Some(n) => (
            n.name.to_string(),
            n.catalogue == Catalogue::Behoorlijkheidswijzer,
        ),
        None => (code.to_string(), false),
    }
}

/// A count being gathered: its dossiers (each once, in the order met) and its points.
#[derive(Default)]
struct Tally {
    dossiers: Vec<i64>,
    points: u32,
    points_gegrond: u32,
}

impl Tally {
    fn add_dossier(&mut self, id: i64) {
        if self.dossiers.last() != Some(&id) {
            self.dossiers.push(id);
        }
    }

    fn small(&self) -> bool {
        !self.dossiers.is_empty() && (self.dossiers.len() as u32) < SMALL_BELOW
    }
}

/// A tally per name key, remembering the first spelling and its public label.
#[derive(Default)]
struct Named {
    order: Vec<String>,
    tallies: HashMap<String, (String, String, Tally)>,
}

impl Named {
    fn entry(&mut self, name: &str, public: &str) -> &mut Tally {
        let key = name_key(name);
        if !self.tallies.contains_key(&key) {
            self.order.push(key.clone());
        }
        let entry = self.tallies.entry(key).or_insert_with(|| {
            (
                name.trim().to_string(),
                public.trim().to_string(),
                Tally::default(),
            )
        });
        // A name shown in public in one dossier and pseudonymised in another is pseudonymised.
        if entry.1 != public.trim() && public.trim() != name.trim() {
            entry.1 = public.trim().to_string();
        }
        &mut entry.2
    }

    fn into_sorted(self) -> Vec<(String, String, Tally)> {
        let Named { order, mut tallies } = self;
        let mut out: Vec<_> = order.iter().filter_map(|k| tallies.remove(k)).collect();
        out.sort_by(|a, b| {
            b.2.dossiers
                .len()
                .cmp(&a.2.dossiers.len())
                .then_with(|| a.0.cmp(&b.0))
        });
        out
    }
}

/// Counts the dossiers received in `period`. `facts` come most recently received first; the
/// dossier lists of the cells keep that order.
pub fn count(facts: &[DossierFacts], period: &SignalPeriod) -> Signals {
    let kept: Vec<&DossierFacts> = facts
        .iter()
        .filter(|f| period.contains(f.received_on))
        .collect();
    let mut verdicts: BTreeMap<Verdict, Tally> = Verdict::ALL
        .iter()
        .map(|v| (*v, Tally::default()))
        .collect();
    let mut bodies = Named::default();
    let mut partners: HashMap<String, Named> = HashMap::new();
    let mut judged: BTreeMap<String, Tally> = BTreeMap::new();
    let mut current: BTreeMap<String, Tally> = BTreeMap::new();
    let mut keywords = Named::default();
    let mut quarters: BTreeMap<(i32, u32), Tally> = BTreeMap::new();
    let mut points = 0;
    for f in &kept {
        let gegrond = f
            .points
            .iter()
            .filter(|p| p.verdict == Verdict::Gegrond)
            .count() as u32;
        points += f.points.len() as u32;
        for p in &f.points {
            let tally = verdicts.entry(p.verdict).or_default();
            tally.points += 1;
            tally.add_dossier(f.id);
            let own: BTreeSet<&str> = p.niet_behoorlijk.iter().map(String::as_str).collect();
            let rolled: BTreeSet<String> = own.iter().flat_map(|c| current_codes(c)).collect();
            for code in own {
                let tally = judged.entry(code.to_string()).or_default();
                tally.points += 1;
                tally.add_dossier(f.id);
            }
            for code in rolled {
                let tally = current.entry(code).or_default();
                tally.points += 1;
                tally.add_dossier(f.id);
            }
        }
        let roles = roles(f);
        for body in &roles.bodies {
            add_once(bodies.entry(&body.name, body.public_label()), f.id, gegrond);
        }
        for (partner, root) in &roles.partners {
            add_once(bodies.entry(&root.name, root.public_label()), f.id, gegrond);
            let under = partners.entry(name_key(&root.name)).or_default();
            add_once(
                under.entry(&partner.name, partner.public_label()),
                f.id,
                gegrond,
            );
        }
        for keyword in f.keywords.iter().filter(|k| !k.trim().is_empty()) {
            keywords.entry(keyword, keyword).add_dossier(f.id);
        }
        let quarter = quarters.entry(quarter_of(f.received_on)).or_default();
        quarter.add_dossier(f.id);
        quarter.points += f.points.len() as u32;
        quarter.points_gegrond += gegrond;
    }
    Signals {
        period: period.clone(),
        dossiers: kept.iter().map(|f| f.id).collect(),
        points,
        verdicts: verdicts
            .into_iter()
            .map(|(verdict, t)| VerdictCell {
                verdict,
                points: t.points,
                small: t.small(),
                dossiers: t.dossiers,
            })
            .collect(),
        bodies: body_cells(bodies, partners),
        norms: norm_groups(current, &judged),
        judged_norms: sorted_norms(
            judged
                .iter()
                .map(|(code, t)| norm_cell(code, t, Vec::new()))
                .collect(),
        ),
        keywords: keywords
            .into_sorted()
            .into_iter()
            .map(|(keyword, _, t)| KeywordCell {
                keyword,
                small: t.small(),
                dossiers: t.dossiers,
            })
            .collect(),
        quarters: quarter_cells(quarters, period, &kept),
        small_below: SMALL_BELOW,
    }
}

/// Adds a dossier to a body's or partner's tally once, with its gegrond points.
fn add_once(tally: &mut Tally, id: i64, gegrond: u32) {
    if tally.dossiers.last() != Some(&id) {
        tally.dossiers.push(id);
        tally.points_gegrond += gegrond;
    }
}

fn body_cells(bodies: Named, mut partners: HashMap<String, Named>) -> Vec<BodyCell> {
    bodies
        .into_sorted()
        .into_iter()
        .map(|(name, public_name, t)| BodyCell {
            partners: partners
                .remove(&name_key(&name))
                .map(|p| {
                    p.into_sorted()
                        .into_iter()
                        .map(|(name, public_name, t)| PartnerCell {
                            name,
                            public_name,
                            points_gegrond: t.points_gegrond,
                            small: t.small(),
                            dossiers: t.dossiers,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            name,
            public_name,
            points_gegrond: t.points_gegrond,
            small: t.small(),
            dossiers: t.dossiers,
        })
        .collect()
}

fn norm_cell(code: &str, tally: &Tally, older: Vec<NormCell>) -> NormCell {
    let (name, current) = norm_name(code);
    NormCell {
        code: code.to_string(),
        name,
        current,
        points: tally.points,
        dossiers: tally.dossiers.clone(),
        small: tally.small(),
        older,
    }
}

fn sorted_norms(mut cells: Vec<NormCell>) -> Vec<NormCell> {
    cells.sort_by(|a, b| b.points.cmp(&a.points).then_with(|| a.name.cmp(&b.name)));
    cells
}

fn norm_groups(
    current: BTreeMap<String, Tally>,
    judged: &BTreeMap<String, Tally>,
) -> Vec<NormCell> {
    let cells = current
        .iter()
        .map(|(code, tally)| {
            let older = judged
                .iter()
                .filter(|(old, _)| {
                    norms::find(old).is_some_and(|n| {
                        n.catalogue == Catalogue::Klassiek && n.successors.contains(&code.as_str())
                    })
                })
                .map(|(old, t)| norm_cell(old, t, Vec::new()))
                .collect();
            norm_cell(code, tally, sorted_norms(older))
        })
        .collect();
    sorted_norms(cells)
}

/// The year and quarter (1–4) a day falls in.
pub fn quarter_of(day: NaiveDate) -> (i32, u32) {
    (day.year(), day.month0() / 3 + 1)
}

/// Every quarter from the period's first to its last (or, for an open side, the first or last
/// dossier's), so that a quarter without dossiers shows as zero.
fn quarter_cells(
    mut quarters: BTreeMap<(i32, u32), Tally>,
    period: &SignalPeriod,
    kept: &[&DossierFacts],
) -> Vec<QuarterCell> {
    let (from, to) = period.bounds();
    let first = from.or_else(|| kept.iter().map(|f| f.received_on).min());
    let last = to.or_else(|| kept.iter().map(|f| f.received_on).max());
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let (mut at, end) = (quarter_of(first), quarter_of(last));
    let mut out = Vec::new();
    // A period of centuries is not a chart; the quarters with dossiers are kept regardless.
    while at <= end && out.len() < 400 {
        let t = quarters.remove(&at).unwrap_or_default();
        out.push(quarter_cell(at, t));
        at = if at.1 == 4 {
            (at.0 + 1, 1)
        } else {
            (at.0, at.1 + 1)
        };
    }
    out.extend(quarters.into_iter().map(|(q, t)| quarter_cell(q, t)));
    out.sort_by_key(|q| (q.year, q.quarter));
    out
}

fn quarter_cell((year, quarter): (i32, u32), t: Tally) -> QuarterCell {
    QuarterCell {
        year,
        quarter,
        points: t.points,
        points_gegrond: t.points_gegrond,
        small: t.small(),
        dossiers: t.dossiers,
    }
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
    let mut partners = Vec::new();
    for (p, root) in &roles.partners {
        push(&mut bodies, &root.name);
        push(&mut partners, &p.name);
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

/// The object `wederhoor signals --json` prints, exactly as INTERFACES.md §2 specifies it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterfaceSignals {
    /// Dossiers counted.
    pub dossiers: u32,
    /// Complaint points per verdict code, every verdict present.
    pub points_by_verdict: BTreeMap<&'static str, u32>,
    /// Complaint points per norm judged niet behoorlijk, as judged.
    pub norms_niet_behoorlijk: Vec<InterfaceNorm>,
    /// Dossiers and gegrond points per body, partners rolled up.
    pub bodies: Vec<InterfaceBody>,
    /// Dossiers per trefwoord.
    pub keywords: Vec<InterfaceKeyword>,
}

/// One entry of `norms_niet_behoorlijk`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterfaceNorm {
    /// The norm's code.
    pub norm: String,
    /// Complaint points.
    pub count: u32,
}

/// One entry of `bodies`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterfaceBody {
    /// The body's name.
    pub body: String,
    /// Dossiers about it or its partners.
    pub dossiers: u32,
    /// Their complaint points judged gegrond.
    pub points_gegrond: u32,
}

/// One entry of `keywords`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterfaceKeyword {
    /// The trefwoord.
    pub keyword: String,
    /// Dossiers carrying it.
    pub dossiers: u32,
}

impl From<&Signals> for InterfaceSignals {
    fn from(s: &Signals) -> Self {
        InterfaceSignals {
            dossiers: s.dossiers.len() as u32,
            points_by_verdict: s
                .verdicts
                .iter()
                .map(|v| (v.verdict.code(), v.points))
                .collect(),
            norms_niet_behoorlijk: s
                .judged_norms
                .iter()
                .map(|n| InterfaceNorm {
                    norm: n.code.clone(),
                    count: n.points,
                })
                .collect(),
            bodies: s
                .bodies
                .iter()
                .map(|b| InterfaceBody {
                    body: b.name.clone(),
                    dossiers: b.dossiers.len() as u32,
                    points_gegrond: b.points_gegrond,
                })
                .collect(),
            keywords: s
                .keywords
                .iter()
                .map(|k| InterfaceKeyword {
                    keyword: k.keyword.clone(),
                    dossiers: k.dossiers.len() as u32,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
