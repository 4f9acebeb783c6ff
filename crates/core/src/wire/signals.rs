//! Wire types of the signals across dossiers (the Signalen screen, the council's yearly
//! overview and `wederhoor signals`), of the dossier list's filter facets and of the library
//! search. Every count carries the ids of the dossiers behind it, so each number can open them.

use crate::vocab::Verdict;
use crate::wire::SearchHit;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The period the signals cover: dossiers received from `from` up to and including `to`
/// (ISO days); an empty side is open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SignalPeriod {
    /// First day received, `YYYY-MM-DD`, or `null` for no lower bound.
    pub from: Option<String>,
    /// Last day received, `YYYY-MM-DD`, or `null` for no upper bound.
    pub to: Option<String>,
}

/// The counts across the dossiers received in a period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Signals {
    /// The period counted.
    pub period: SignalPeriod,
    /// Every dossier counted, most recently received first.
    #[ts(type = "number[]")]
    pub dossiers: Vec<i64>,
    /// How many complaint points those dossiers have.
    pub points: u32,
    /// Per verdict, counted per complaint point; every verdict, in the vocabulary's order.
    pub verdicts: Vec<VerdictCell>,
    /// Per body (partners rolled up), counted per dossier; most dossiers first.
    pub bodies: Vec<BodyCell>,
    /// Per current norm judged niet behoorlijk, counted per complaint point, with the older
    /// norms that map to it (DOMAIN.md §1c) counted in and listed beneath; most points first.
    pub norms: Vec<NormCell>,
    /// Per norm as it was judged (older norms on their own); most points first.
    pub judged_norms: Vec<NormCell>,
    /// Per trefwoord, counted per dossier; most dossiers first.
    pub keywords: Vec<KeywordCell>,
    /// Per quarter received, every quarter of the period in order (none left out, so a line
    /// through them is a trend).
    pub quarters: Vec<QuarterCell>,
    /// Below this many dossiers a count could point to a person: marked in publications.
    pub small_below: u32,
}

/// Complaint points with one verdict.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct VerdictCell {
    /// The verdict.
    pub verdict: Verdict,
    /// How many complaint points have it.
    pub points: u32,
    /// The dossiers with at least one such point.
    #[ts(type = "number[]")]
    pub dossiers: Vec<i64>,
    /// Fewer than [`Signals::small_below`] dossiers.
    pub small: bool,
}

/// A body complained about, with the partners that act for it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct BodyCell {
    /// The body's name, as in the dossiers.
    pub name: String,
    /// What a publication shows: the name when the party keeps it in public, else its
    /// pseudonym.
    pub public_name: String,
    /// The dossiers about it or about one of its partners.
    #[ts(type = "number[]")]
    pub dossiers: Vec<i64>,
    /// Complaint points of those dossiers judged gegrond.
    pub points_gegrond: u32,
    /// Fewer than [`Signals::small_below`] dossiers.
    pub small: bool,
    /// The partners acting for it, most dossiers first.
    pub partners: Vec<PartnerCell>,
}

/// A partner that carries out a task for a body (the WIJ-team for the municipality).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PartnerCell {
    /// The partner's name, as in the dossiers.
    pub name: String,
    /// What a publication shows (see [`BodyCell::public_name`]).
    pub public_name: String,
    /// The dossiers in which it appears.
    #[ts(type = "number[]")]
    pub dossiers: Vec<i64>,
    /// Complaint points of those dossiers judged gegrond.
    pub points_gegrond: u32,
    /// Fewer than [`Signals::small_below`] dossiers.
    pub small: bool,
}

/// A norm judged niet behoorlijk.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct NormCell {
    /// The norm's code (`voortvarendheid`, `klassiek/motivering`).
    pub code: String,
    /// Its Dutch name; the code when the catalogue does not know it.
    pub name: String,
    /// Whether it is a norm of the current Behoorlijkheidswijzer.
    pub current: bool,
    /// Complaint points on which it (or, for a current norm, an older norm mapping to it)
    /// was judged niet behoorlijk.
    pub points: u32,
    /// The dossiers of those points.
    #[ts(type = "number[]")]
    pub dossiers: Vec<i64>,
    /// Fewer than [`Signals::small_below`] dossiers.
    pub small: bool,
    /// For a current norm: the older norms counted in, each with its own count.
    pub older: Vec<NormCell>,
}

/// Dossiers with one trefwoord.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct KeywordCell {
    /// The trefwoord, as first written.
    pub keyword: String,
    /// The dossiers that carry it.
    #[ts(type = "number[]")]
    pub dossiers: Vec<i64>,
    /// Fewer than [`Signals::small_below`] dossiers.
    pub small: bool,
}

/// The dossiers received in one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct QuarterCell {
    /// The year.
    pub year: i32,
    /// The quarter, 1 to 4.
    pub quarter: u32,
    /// The dossiers received in it.
    #[ts(type = "number[]")]
    pub dossiers: Vec<i64>,
    /// Their complaint points.
    pub points: u32,
    /// Their complaint points judged gegrond.
    pub points_gegrond: u32,
    /// Fewer than [`Signals::small_below`] dossiers (and not none).
    pub small: bool,
}

/// What the dossier list filters on, per dossier: derived from the same facts as the signals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DossierFacets {
    /// The year received.
    pub year: i32,
    /// The bodies it is about, partners rolled up to the body they act for.
    pub bodies: Vec<String>,
    /// The partners that appear in it, each with the body it acts for.
    pub partners: Vec<PartnerFacet>,
    /// The norms judged niet behoorlijk on one of its points, as judged and, for older norms,
    /// also the current norms they map to.
    pub norms: Vec<String>,
    /// The verdicts of its points (each once).
    pub verdicts: Vec<Verdict>,
}

/// A partner in a dossier and the body it acts for (at the end of its `acts_for` chain).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PartnerFacet {
    /// The partner's name.
    pub name: String,
    /// The body's name.
    pub body: String,
}

/// The library search's results for one dossier.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct LibraryGroup {
    /// The dossier's id.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// Its reference.
    pub reference: String,
    /// Its title.
    pub title: String,
    /// Its passages that match: at most five, the kinds taking turns, listed sources first,
    /// then statements, then reports, each kind newest first.
    pub hits: Vec<SearchHit>,
    /// Whether it has more matches than shown (the dossier's own search lists them).
    pub more: bool,
}
