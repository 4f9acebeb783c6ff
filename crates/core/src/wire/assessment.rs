//! Wire types of Beoordeling: per complaint point the norms tested with their outcome and
//! considerations, the verdict, and the recommendations. The catalogue itself is `norms::Norm`.

use crate::checks::Check;
use crate::vocab::{Outcome, Verdict};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One norm tested on a point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct JudgementEdit {
    /// Norm code.
    pub norm: String,
    /// Behoorlijk, niet behoorlijk or geen oordeel.
    pub outcome: Outcome,
    /// Considerations (Markdown).
    pub considerations: String,
}

/// A complaint point as Beoordeling shows and edits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PointAssessment {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Number in the complaint.
    pub number: u32,
    /// The complaint point.
    pub text: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Norms tested, in order.
    pub judgements: Vec<JudgementEdit>,
    /// Conflicts on this point still open.
    pub open_conflicts: u32,
}

/// A recommendation with the body's response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RecommendationView {
    /// Database id (absent for a new one).
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The complaint point it follows from.
    #[ts(type = "number | null")]
    pub complaint_point_id: Option<i64>,
    /// The recommendation.
    pub text: String,
    /// The body's response, once known.
    pub response: Option<String>,
}

/// Everything Beoordeling shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentView {
    /// The points.
    pub points: Vec<PointAssessment>,
    /// The recommendations.
    pub recommendations: Vec<RecommendationView>,
    /// The rule checks over the whole dossier.
    pub checks: Vec<Check>,
}

/// What the investigator saves for one point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PointAssessmentEdit {
    /// The point.
    #[ts(type = "number")]
    pub point_id: i64,
    /// The verdict.
    pub verdict: Verdict,
    /// The norms tested.
    pub judgements: Vec<JudgementEdit>,
}
