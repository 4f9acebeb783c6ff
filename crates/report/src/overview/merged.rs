//! Bodies and partners as a publication names them: cells whose public labels are the same
//! are one row. The counting keeps parties apart by their own names, but a party that does
//! not keep its name in public is shown by its pseudonym, and two parties may share one ("het
//! WIJ-team" for the WIJ-teams Oost and Noord, "de gemeente" for two municipalities). Two rows
//! both called "het WIJ-team" would tell a reader nothing and would show a small count twice,
//! so such cells are merged: labels compared trimmed, with runs of spaces as one and case
//! aside; dossiers the union of theirs (each dossier once); gegronde klachtonderdelen summed
//! over those distinct dossiers; small when fewer than `small_below` dossiers remain. Bodies
//! merge with their partners, whose cells then merge under the one body in the same way.

use std::collections::{HashMap, HashSet};
use wederhoor_core::signals::RegisterEntry;
use wederhoor_core::vocab::Verdict;
use wederhoor_core::wire::{BodyCell, PartnerCell, Signals};

/// When two public labels are one row: trimmed, runs of white space as one, lower case.
pub(crate) fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a merge needs to know of the dossiers counted.
struct Dossiers {
    /// Per dossier id, its place in `signals.dossiers` (most recently received first).
    position: HashMap<i64, usize>,
    /// Per dossier id, its klachtonderdelen judged gegrond (from the register).
    gegrond: HashMap<i64, u32>,
    small_below: u32,
}

impl Dossiers {
    fn new(signals: &Signals, register: &[RegisterEntry]) -> Self {
        Dossiers {
            position: signals
                .dossiers
                .iter()
                .enumerate()
                .map(|(i, id)| (*id, i))
                .collect(),
            gegrond: register
                .iter()
                .map(|e| {
                    let n = e
                        .verdicts
                        .iter()
                        .filter(|v| **v == Verdict::Gegrond)
                        .count();
                    (e.id, n as u32)
                })
                .collect(),
            small_below: signals.small_below,
        }
    }

    /// The dossiers of several cells, each once and in the counted order, and their gegrond
    /// points: each cell's points are the sum over its dossiers, so a dossier met in a second
    /// cell takes its own points off again.
    fn union<'a>(&self, cells: impl Iterator<Item = (&'a [i64], u32)>) -> (Vec<i64>, u32) {
        let mut seen = HashSet::new();
        let mut dossiers = Vec::new();
        let mut gegrond = 0u32;
        let mut twice = 0u32;
        for (ids, points) in cells {
            gegrond += points;
            for id in ids {
                if seen.insert(*id) {
                    dossiers.push(*id);
                } else {
                    twice += self.gegrond.get(id).copied().unwrap_or(0);
                }
            }
        }
        dossiers.sort_by_key(|id| self.position.get(id).copied().unwrap_or(usize::MAX));
        (dossiers, gegrond.saturating_sub(twice))
    }

    fn small(&self, dossiers: &[i64]) -> bool {
        !dossiers.is_empty() && (dossiers.len() as u32) < self.small_below
    }
}

/// The cells grouped by public label, each group in the order its first cell came.
fn groups<T>(cells: Vec<T>, label: impl Fn(&T) -> &str) -> Vec<Vec<T>> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Vec<T>> = Vec::new();
    for cell in cells {
        let key = label_key(label(&cell));
        match index.get(&key) {
            Some(&i) => out[i].push(cell),
            None => {
                index.insert(key, out.len());
                out.push(vec![cell]);
            }
        }
    }
    out
}

/// Most dossiers first, as the counting sorts them; equals keep their order.
fn by_dossiers<T>(cells: &mut [T], dossiers: impl Fn(&T) -> usize) {
    cells.sort_by_key(|c| std::cmp::Reverse(dossiers(c)));
}

fn partners(all: Vec<PartnerCell>, dossiers: &Dossiers) -> Vec<PartnerCell> {
    let mut out: Vec<PartnerCell> = groups(all, |p| p.public_name.as_str())
        .into_iter()
        .map(|mut group| {
            if group.len() == 1 {
                return group.remove(0);
            }
            let (ids, gegrond) = dossiers.union(
                group
                    .iter()
                    .map(|p| (p.dossiers.as_slice(), p.points_gegrond)),
            );
            let first = group.remove(0);
            PartnerCell {
                small: dossiers.small(&ids),
                dossiers: ids,
                points_gegrond: gegrond,
                ..first
            }
        })
        .collect();
    by_dossiers(&mut out, |p| p.dossiers.len());
    out
}

/// The bodies of `signals` as published rows: one per public label, partners beneath merged
/// per label as well. A cell that shares its label with no other is passed on as it is.
pub fn bodies(signals: &Signals, register: &[RegisterEntry]) -> Vec<BodyCell> {
    let dossiers = Dossiers::new(signals, register);
    let mut out: Vec<BodyCell> = groups(signals.bodies.clone(), |b| b.public_name.as_str())
        .into_iter()
        .map(|mut group| {
            if group.len() == 1 {
                let mut body = group.remove(0);
                body.partners = partners(std::mem::take(&mut body.partners), &dossiers);
                return body;
            }
            let (ids, gegrond) = dossiers.union(
                group
                    .iter()
                    .map(|b| (b.dossiers.as_slice(), b.points_gegrond)),
            );
            let all = group
                .iter_mut()
                .flat_map(|b| std::mem::take(&mut b.partners))
                .collect();
            let first = group.remove(0);
            BodyCell {
                small: dossiers.small(&ids),
                dossiers: ids,
                points_gegrond: gegrond,
                partners: partners(all, &dossiers),
                ..first
            }
        })
        .collect();
    by_dossiers(&mut out, |b| b.dossiers.len());
    out
}
