//! The overview's counts as lines: one per count with its category, public label, figures and
//! whether it is small. The charts of the PDF and the rows of the CSV are both drawn from
//! [`lines`], so the two can never disagree.

use crate::overview::published::Published;
use std::fmt;
use wederhoor_core::vocab::Verdict;
use wederhoor_core::wire::{NormCell, Signals};

/// One count as published: the number, and whether it comes from a cell of fewer than
/// `small_below` dossiers. Shown as "3*" when small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// The number.
    pub value: u32,
    /// Fewer than `small_below` dossiers are behind it.
    pub small: bool,
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.value, if self.small { "*" } else { "" })
    }
}

/// What a line counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// All dossiers of the period.
    Totaal,
    /// A body complained about (its partners rolled up into it).
    Instantie,
    /// A partner acting for a body, beneath that body.
    Partner,
    /// A verdict, counted per klachtonderdeel.
    Oordeel,
    /// A current norm judged niet behoorlijk (older norms mapping to it counted in).
    Norm,
    /// An older norm, beneath the current norm it maps to.
    OudereNorm,
    /// A trefwoord, counted per dossier.
    Trefwoord,
    /// A quarter of the period, by day received.
    Kwartaal,
}

impl Category {
    /// Its Dutch name, as the CSV's first column writes it.
    pub fn label_nl(self) -> &'static str {
        match self {
            Category::Totaal => "totaal",
            Category::Instantie => "instantie",
            Category::Partner => "partner",
            Category::Oordeel => "oordeel",
            Category::Norm => "norm",
            Category::OudereNorm => "oudere norm",
            Category::Trefwoord => "trefwoord",
            Category::Kwartaal => "kwartaal",
        }
    }
}

/// One count with what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What kind of thing is counted.
    pub category: Category,
    /// Its public label: a body's `public_name`, a verdict's or norm's Dutch name, the
    /// pseudonymised trefwoord, "K1 2025".
    pub name: String,
    /// Its code, where it has one (verdict, norm, quarter `2025-K1`).
    pub code: String,
    /// For a partner or an older norm: the label of the line it stands beneath.
    pub under: Option<String>,
    /// Dossiers behind it.
    pub dossiers: Figure,
    /// Klachtonderdelen, where counted per klachtonderdeel.
    pub points: Option<Figure>,
    /// Klachtonderdelen judged gegrond, where counted.
    pub gegrond: Option<Figure>,
}

/// The order a reader takes the verdicts in: the judged ones from gegrond down, then the
/// points without one.
pub(crate) const VERDICT_ORDER: [Verdict; 5] = [
    Verdict::Gegrond,
    Verdict::DeelsGegrond,
    Verdict::NietGegrond,
    Verdict::GeenOordeel,
    Verdict::Open,
];

fn figure(value: usize, small: bool) -> Figure {
    Figure {
        value: value as u32,
        small,
    }
}

/// The quarter's label, "K1 2025".
pub fn quarter_label(year: i32, quarter: u32) -> String {
    format!("K{quarter} {year}")
}

/// How many klachtonderdelen of the signals are gegrond.
pub fn gegrond_points(signals: &Signals) -> u32 {
    signals
        .verdicts
        .iter()
        .filter(|v| v.verdict == Verdict::Gegrond)
        .map(|v| v.points)
        .sum()
}

/// Whether the period's total is itself a small number (not none).
pub fn total_small(signals: &Signals) -> bool {
    let n = signals.dossiers.len() as u32;
    n > 0 && n < signals.small_below
}

fn norm_line(cell: &NormCell, category: Category, under: Option<&str>) -> Line {
    Line {
        category,
        name: cell.name.clone(),
        code: cell.code.clone(),
        under: under.map(str::to_string),
        dossiers: figure(cell.dossiers.len(), cell.small),
        points: Some(Figure {
            value: cell.points,
            small: cell.small,
        }),
        gegrond: None,
    }
}

/// Every count of the overview: the total, bodies with their partners beneath (one line per
/// public label, as `published` merged them), verdicts (from gegrond to not yet judged),
/// current norms with their older norms beneath, every trefwoord, every quarter.
pub fn lines(signals: &Signals, published: &Published) -> Vec<Line> {
    let total_small = total_small(signals);
    let mut out = vec![Line {
        category: Category::Totaal,
        name: "alle dossiers".into(),
        code: String::new(),
        under: None,
        dossiers: figure(signals.dossiers.len(), total_small),
        points: Some(Figure {
            value: signals.points,
            small: total_small,
        }),
        gegrond: Some(Figure {
            value: gegrond_points(signals),
            small: total_small,
        }),
    }];
    for body in &published.bodies {
        out.push(Line {
            category: Category::Instantie,
            name: body.public_name.clone(),
            code: String::new(),
            under: None,
            dossiers: figure(body.dossiers.len(), body.small),
            points: None,
            gegrond: Some(Figure {
                value: body.points_gegrond,
                small: body.small,
            }),
        });
        for partner in &body.partners {
            out.push(Line {
                category: Category::Partner,
                name: partner.public_name.clone(),
                code: String::new(),
                under: Some(body.public_name.clone()),
                dossiers: figure(partner.dossiers.len(), partner.small),
                points: None,
                gegrond: Some(Figure {
                    value: partner.points_gegrond,
                    small: partner.small,
                }),
            });
        }
    }
    let mut verdicts: Vec<_> = signals.verdicts.iter().collect();
    verdicts.sort_by_key(|c| VERDICT_ORDER.iter().position(|v| *v == c.verdict));
    for cell in verdicts {
        out.push(Line {
            category: Category::Oordeel,
            name: cell.verdict.label_nl().to_string(),
            code: cell.verdict.code().to_string(),
            under: None,
            dossiers: figure(cell.dossiers.len(), cell.small),
            points: Some(Figure {
                value: cell.points,
                small: cell.small,
            }),
            gegrond: None,
        });
    }
    for norm in &signals.norms {
        out.push(norm_line(norm, Category::Norm, None));
        for older in &norm.older {
            out.push(norm_line(older, Category::OudereNorm, Some(&norm.name)));
        }
    }
    for (cell, keyword) in signals.keywords.iter().zip(&published.keywords) {
        out.push(Line {
            category: Category::Trefwoord,
            name: keyword.clone(),
            code: String::new(),
            under: None,
            dossiers: figure(cell.dossiers.len(), cell.small),
            points: None,
            gegrond: None,
        });
    }
    for q in &signals.quarters {
        out.push(Line {
            category: Category::Kwartaal,
            name: quarter_label(q.year, q.quarter),
            code: format!("{}-K{}", q.year, q.quarter),
            under: None,
            dossiers: figure(q.dossiers.len(), q.small),
            points: Some(Figure {
                value: q.points,
                small: q.small,
            }),
            gegrond: Some(Figure {
                value: q.points_gegrond,
                small: q.small,
            }),
        });
    }
    out
}
