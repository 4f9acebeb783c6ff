//! The object `wederhoor signals --json` prints (INTERFACES.md §2): a projection of the
//! signals with exactly the specified keys.

use crate::wire::Signals;
use serde::Serialize;
use std::collections::BTreeMap;

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
