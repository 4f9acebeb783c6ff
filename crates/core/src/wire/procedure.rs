//! Wire types of the Verloop (the procedure's steps and terms), the dossier list's terms, the
//! deadlines across dossiers and the procedure letters.

use crate::checks::Check;
use crate::procedure::{NormSuggestion, Term};
use crate::vocab::{EventKind, Kenbaarheid, ReportKind};
use crate::wire::{DossierFacets, DossierSummary};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A procedure step as the Verloop form sends it; `id` is `null` for a new step. Dates are as
/// typed (`2-7-2018` or `2018-07-02`); an empty `dueOn` or `doneOn` means none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct EventInput {
    /// The step being edited, or `null` for a new one.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The dossier.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// What happened.
    pub kind: EventKind,
    /// The day it happened (a promise: the day it was made).
    pub on: String,
    /// Who took the step, or `null`.
    #[ts(type = "number | null")]
    pub party_id: Option<i64>,
    /// The term set for what it asks, or empty.
    pub due_on: String,
    /// The day that came in or was done, or empty while outstanding.
    pub done_on: String,
    /// For a postponement: the weeks announced (1 to 4).
    pub weeks: Option<u32>,
    /// The document that shows the step, or `null`.
    #[ts(type = "number | null")]
    pub source_id: Option<i64>,
    /// A note in Markdown (what was asked, what was promised, how admissibility was decided).
    pub text: String,
}

/// A stored procedure step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct EventView {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// What happened.
    pub kind: EventKind,
    /// The day, `YYYY-MM-DD`.
    pub on: String,
    /// Who took the step.
    #[ts(type = "number | null")]
    pub party_id: Option<i64>,
    /// The term set, `YYYY-MM-DD`.
    pub due_on: Option<String>,
    /// The day it was done, `YYYY-MM-DD`.
    pub done_on: Option<String>,
    /// For a postponement: the weeks announced.
    pub weeks: Option<u32>,
    /// The document that shows it.
    #[ts(type = "number | null")]
    pub source_id: Option<i64>,
    /// The note, Markdown.
    pub text: String,
}

/// The Verloop of a dossier: its steps, the terms they set as judged today, the procedural
/// findings, and the norms the terms point to (not yet accepted or dismissed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ProcedureView {
    /// The day the terms are judged on, `YYYY-MM-DD`.
    pub today: String,
    /// Whether the body must first have handled the complaint (Awb 9:20).
    pub kenbaarheid: Kenbaarheid,
    /// Whether the body has a klachtadviescommissie (9:11: ten weeks).
    pub advisory_committee: bool,
    /// The steps, by day.
    pub events: Vec<EventView>,
    /// The terms, by last day.
    pub terms: Vec<Term>,
    /// Procedural findings (`procedure.*` rules).
    pub checks: Vec<Check>,
    /// Norms offered for the Beoordeling, with their facts.
    pub suggestions: Vec<OfferedNorm>,
}

/// A norm the procedure points to, offered on a complaint point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct OfferedNorm {
    /// The norm, its facts and the term.
    pub suggestion: NormSuggestion,
    /// The point it seems to be about (the one about the complaint handling, or the promise),
    /// or `null` when the investigator must choose.
    #[ts(type = "number | null")]
    pub point_id: Option<i64>,
}

/// One row of the dossier list, with the terms that are open in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DossierRow {
    /// The dossier.
    pub dossier: DossierSummary,
    /// Its most urgent open term: the longest overdue, else the next to end; `null` when none.
    pub next_term: Option<Term>,
    /// How many of its open terms are past their last day.
    pub overdue: u32,
    /// How many end today or in the six days after (not yet overdue).
    pub due_this_week: u32,
    /// What the list's filters look at: year, bodies and partners, norms, verdicts.
    pub facets: DossierFacets,
}

/// An open term of some dossier, for `wederhoor deadlines` and the start notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    /// The dossier's id.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// Its reference.
    pub reference: String,
    /// Its title.
    pub title: String,
    /// The name of the party that must act, when known.
    pub party: Option<String>,
    /// The term.
    pub term: Term,
}

/// The open terms of all dossiers on a day, overdue first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DeadlineSummary {
    /// The day judged, `YYYY-MM-DD`.
    pub today: String,
    /// Every open term, overdue first, then by last day.
    pub deadlines: Vec<Deadline>,
    /// How many are past their last day.
    pub overdue: u32,
    /// How many end today or in the six days after.
    pub this_week: u32,
}

/// What the letter form sends to draft a procedure letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct LetterInput {
    /// The dossier.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// Which letter (one of the `letter_*` kinds).
    pub kind: ReportKind,
    /// The addressee, or `null` for the default (the requester for an acknowledgement, the
    /// body for the others).
    #[ts(type = "number | null")]
    pub party_id: Option<i64>,
    /// What is asked, or a paragraph to add; Markdown, may be empty.
    pub asks: String,
    /// The term, as typed, or empty.
    pub due_on: String,
}

/// The procedure step a final letter offers to record, filled from the letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct StepOffer {
    /// The step, ready to be saved as it is or after editing (`id` is `null`).
    pub input: EventInput,
}
