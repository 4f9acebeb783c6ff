//! Signals across dossiers: what the complaints of a period say about the bodies complained
//! about and the partners acting for them — counts per body, per norm judged niet behoorlijk,
//! per verdict, per trefwoord and per quarter (DESIGN.md §2, `Signal`). Pure counting over
//! the facts the store reads in a few queries; every count keeps the dossiers behind it.
//!
//! Verdicts and norms are counted per complaint point, bodies and trefwoorden per dossier
//! (INTERFACES.md §2). A partner (a party that `acts_for` a body and is not a person) counts
//! under the body it acts for, and on its own beneath it. Older norms count under the current
//! norms they map to (DOMAIN.md §1c) and on their own.

use crate::fold::fold;
use crate::norms::{self, Catalogue};
use crate::vocab::Verdict;
use crate::wire::{
    BodyCell, KeywordCell, NormCell, PartnerCell, QuarterCell, SignalPeriod, Signals, VerdictCell,
};
use chrono::{Datelike, NaiveDate};
use facts::roles;
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod facts;
mod interface;
mod period;

pub use facts::{
    facets, public_bodies, DossierFacts, HiddenName, Organisation, PointFacts, RecommendationFacts,
    RegisterEntry,
};
pub use interface::{InterfaceBody, InterfaceKeyword, InterfaceNorm, InterfaceSignals};

/// Below this many dossiers a count could point to a person; publications mark it.
pub const SMALL_BELOW: u32 = 5;

/// The key two spellings of one name share: folded, spaces collapsed. (Folding ASCII is
/// lower-casing it; that shortcut keeps 10,000 dossiers' names cheap.)
fn name_key(name: &str) -> String {
    let mut collapsed = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    if collapsed.is_ascii() {
        collapsed.make_ascii_lowercase();
        collapsed
    } else {
        fold(&collapsed)
    }
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
    tallies: HashMap<String, NamedTally>,
}

/// One name's tally, with every spelling met and how often.
struct NamedTally {
    spellings: Vec<(String, u32)>,
    public: String,
    tally: Tally,
}

impl Named {
    fn entry(&mut self, name: &str, public: &str) -> &mut Tally {
        let key = name_key(name);
        if !self.tallies.contains_key(&key) {
            self.order.push(key.clone());
        }
        let (name, public) = (name.trim(), public.trim());
        let entry = self.tallies.entry(key).or_insert_with(|| NamedTally {
            spellings: Vec::new(),
            public: public.to_string(),
            tally: Tally::default(),
        });
        match entry.spellings.iter_mut().find(|(s, _)| s == name) {
            Some((_, n)) => *n += 1,
            None => entry.spellings.push((name.to_string(), 1)),
        }
        // A name shown in public in one dossier and pseudonymised in another is pseudonymised.
        if entry.public != public && public != name {
            entry.public = public.to_string();
        }
        &mut entry.tally
    }

    /// Name (the most used spelling; of equals, the first met), public label and tally, most
    /// dossiers first.
    fn into_sorted(self) -> Vec<(String, String, Tally)> {
        let Named { order, mut tallies } = self;
        let mut out: Vec<_> = order
            .iter()
            .filter_map(|k| tallies.remove(k))
            .map(|t| {
                let most = t.spellings.iter().map(|(_, n)| *n).max().unwrap_or(0);
                let name = t
                    .spellings
                    .iter()
                    .find(|(_, n)| *n == most)
                    .map(|(s, _)| s.clone())
                    .unwrap_or_default();
                let public = if t.public.is_empty() {
                    name.clone()
                } else {
                    t.public
                };
                (name, public, t.tally)
            })
            .collect();
        out.sort_by(|a, b| {
            b.2.dossiers
                .len()
                .cmp(&a.2.dossiers.len())
                .then_with(|| fold(&a.0).cmp(&fold(&b.0)))
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
    // The current norms each judged code counts under, looked up once per code.
    let mut successors: HashMap<&str, Vec<String>> = HashMap::new();
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
            for code in &own {
                successors
                    .entry(code)
                    .or_insert_with(|| current_codes(code));
            }
            let rolled: BTreeSet<&String> = own.iter().flat_map(|c| &successors[c]).collect();
            for code in own {
                let tally = judged.entry(code.to_string()).or_default();
                tally.points += 1;
                tally.add_dossier(f.id);
            }
            for code in rolled {
                let tally = current.entry(code.clone()).or_default();
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

#[cfg(test)]
mod tests;
