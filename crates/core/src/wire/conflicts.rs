//! Wire types of Tegenstrijdigheden: the list, one conflict with both sides, editing it.

use crate::vocab::{ConflictKind, Resolution};
use crate::wire::StatementView;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A conflict in the list and the Overzicht.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ConflictSummary {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: ConflictKind,
    /// How it was decided.
    pub resolution: Resolution,
    /// Whether both sides have seen the other's version.
    pub both_sides_heard: bool,
    /// Complaint point id.
    #[ts(type = "number | null")]
    pub complaint_point_id: Option<i64>,
    /// Its number.
    pub complaint_point_number: Option<u32>,
}

/// One conflict with the statements of both sides and its findings paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ConflictDetail {
    /// The list row.
    pub conflict: ConflictSummary,
    /// Why it was decided so (Markdown).
    pub reasoning: String,
    /// The citizen's side.
    pub citizen: Vec<StatementView>,
    /// The body's side.
    pub body: Vec<StatementView>,
    /// The findings paragraph for the rapport (Markdown).
    pub findings: String,
    /// Reactions in a hoor-en-wederhoor round that contest statements of this conflict: what
    /// shows each side saw the other's version.
    pub hearing: Vec<HearingEvidence>,
}

/// A reaction that shows a party saw (and contested) a statement of the conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct HearingEvidence {
    /// The reacting party.
    pub party_name: String,
    /// Its side.
    pub side: crate::wire::Side,
    /// Day received, `YYYY-MM-DD`.
    pub received_on: String,
    /// The report it reacted to.
    pub on_report: Option<crate::vocab::ReportKind>,
    /// The reaction (Markdown).
    pub text: String,
}

/// The edit form of a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ConflictEdit {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: ConflictKind,
    /// Complaint point it bears on.
    #[ts(type = "number | null")]
    pub complaint_point_id: Option<i64>,
    /// Whether both sides have seen the other's version.
    pub both_sides_heard: bool,
    /// The decision.
    pub resolution: Resolution,
    /// Why (Markdown).
    pub reasoning: String,
}
