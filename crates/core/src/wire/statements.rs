//! Wire types of statements: making one from a passage, and the side-by-side view.

use crate::vocab::{Channel, ConflictKind, PartyRole, StatementKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How precisely a statement's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum DateInputKind {
    /// Unknown.
    None,
    /// One day, perhaps with a time.
    Day,
    /// A month.
    Month,
    /// Between two days.
    Range,
}

/// A date as the statement form sends it, each part as typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct FuzzyDateInput {
    /// Which parts count.
    pub kind: DateInputKind,
    /// `d-m-jjjj` or `d-m-jjjj uu:mm`.
    pub day: String,
    /// `m-jjjj` or `jjjj-mm`.
    pub month: String,
    /// Range start, `d-m-jjjj`.
    pub from: String,
    /// Range end, `d-m-jjjj`.
    pub to: String,
}

/// The passage a new statement rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct NewExcerpt {
    /// Source quoted.
    #[ts(type = "number")]
    pub source_id: i64,
    /// Start offset in the source text (characters).
    pub start_offset: u32,
    /// End offset (exclusive).
    pub end_offset: u32,
}

/// The statement form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct NewStatement {
    /// The dossier.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// Who says it, or whose administration holds it.
    #[ts(type = "number | null")]
    pub party_id: Option<i64>,
    /// Claim or record.
    pub kind: StatementKind,
    /// When.
    pub date: FuzzyDateInput,
    /// Topic, may be empty.
    pub topic: String,
    /// Channel, if any.
    pub channel: Option<Channel>,
    /// The assertion in the investigator's words.
    pub text: String,
    /// "At least N", if counted.
    pub quantity_at_least: Option<u32>,
    /// Unit of the quantity (e.g. `contact`).
    pub quantity_unit: String,
    /// The passage it rests on.
    pub excerpt: Option<NewExcerpt>,
}

/// Which column of the side-by-side view a party's statements go in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The citizen and their representative.
    Citizen,
    /// The body and its officials.
    Body,
    /// Witnesses and third parties.
    Other,
}

impl Side {
    /// The column of a party with this role.
    pub fn of(role: PartyRole) -> Side {
        match role {
            PartyRole::Requester | PartyRole::Representative => Side::Citizen,
            PartyRole::Body | PartyRole::Official => Side::Body,
            PartyRole::Witness | PartyRole::ThirdParty => Side::Other,
        }
    }
}

/// A statement as the side-by-side view draws it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct StatementView {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Party id.
    #[ts(type = "number")]
    pub party_id: i64,
    /// Column.
    pub side: Side,
    /// Claim or record.
    pub kind: StatementKind,
    /// The date in the file's ISO form (`2018-10-02T10:14`, `2018-10`, `2018-09-15/2018-12-20`).
    pub date: Option<String>,
    /// First day it can mean.
    pub span_start: Option<String>,
    /// Last day it can mean.
    pub span_end: Option<String>,
    /// Topic.
    pub topic: Option<String>,
    /// Channel.
    pub channel: Option<Channel>,
    /// The assertion.
    pub text: String,
    /// "At least N".
    pub quantity_at_least: Option<u32>,
    /// Unit.
    pub quantity_unit: Option<String>,
    /// The first excerpt, to link to the passage.
    pub excerpt: Option<crate::wire::ExcerptView>,
}

/// A statement as the side-by-side view draws it: a [`StatementView`] with, of its excerpt,
/// only the source the card links to. The view holds thousands of these, so it carries no
/// quote (the conflicts screen, which shows quotes, reads [`StatementView`]s).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AxisStatement {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Party id.
    #[ts(type = "number")]
    pub party_id: i64,
    /// Column.
    pub side: Side,
    /// Claim or record.
    pub kind: StatementKind,
    /// The date in the file's ISO form (`2018-10-02T10:14`, `2018-10`, `2018-09-15/2018-12-20`).
    pub date: Option<String>,
    /// First day it can mean.
    pub span_start: Option<String>,
    /// Last day it can mean.
    pub span_end: Option<String>,
    /// Topic.
    pub topic: Option<String>,
    /// Channel.
    pub channel: Option<Channel>,
    /// The assertion.
    pub text: String,
    /// "At least N".
    pub quantity_at_least: Option<u32>,
    /// The source of its first excerpt, to open the passage; none without an excerpt.
    #[ts(type = "number | null")]
    pub source_id: Option<i64>,
}

impl From<&StatementView> for AxisStatement {
    fn from(s: &StatementView) -> Self {
        AxisStatement {
            id: s.id,
            party_id: s.party_id,
            side: s.side,
            kind: s.kind,
            date: s.date.clone(),
            span_start: s.span_start.clone(),
            span_end: s.span_end.clone(),
            topic: s.topic.clone(),
            channel: s.channel,
            text: s.text.clone(),
            quantity_at_least: s.quantity_at_least,
            source_id: s.excerpt.as_ref().map(|e| e.source_id),
        }
    }
}

/// Claimed against registered contacts in one week (Monday).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct WeekCount {
    /// Monday of the week, `YYYY-MM-DD`.
    pub week_start: String,
    /// Claimed contacts spread evenly over the claimed period (may be fractional).
    pub claimed: f64,
    /// Registered contacts (records) dated in this week.
    pub registered: u32,
}

/// A conflict as the side-by-side view links it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ConflictLink {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: ConflictKind,
    /// Statement ids on the citizen's side.
    #[ts(type = "number[]")]
    pub citizen: Vec<i64>,
    /// Statement ids on the body's side.
    #[ts(type = "number[]")]
    pub body: Vec<i64>,
}

/// Everything the side-by-side view needs, decoded: what the rules (suggestions, conflicts)
/// read. The UI receives [`SideBySideView`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SideBySide {
    /// Parties, for names and filters.
    pub parties: Vec<crate::wire::PartyView>,
    /// Statements ordered on the time axis (undated last).
    pub statements: Vec<StatementView>,
    /// The weekly chart.
    pub weeks: Vec<WeekCount>,
    /// Conflicts already marked.
    pub conflicts: Vec<ConflictLink>,
}

/// Tegenover elkaar as the UI receives it: the content of [`SideBySide`] with light
/// statements. The store writes this JSON directly (`side_by_side::side_by_side_json`), the
/// statements as SQLite built them; this type names its shape for the UI and the tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SideBySideView {
    /// Parties, for names and filters.
    pub parties: Vec<crate::wire::PartyView>,
    /// Statements ordered on the time axis (undated last).
    pub statements: Vec<AxisStatement>,
    /// The weekly chart.
    pub weeks: Vec<WeekCount>,
    /// Conflicts already marked.
    pub conflicts: Vec<ConflictLink>,
}

/// "Markeer als tegenstrijdig": a new, open conflict between selected statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct NewConflict {
    /// The dossier.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: ConflictKind,
    /// Statements of the citizen's side.
    #[ts(type = "number[]")]
    pub citizen: Vec<i64>,
    /// Statements of the body's side.
    #[ts(type = "number[]")]
    pub body: Vec<i64>,
}

/// Where a suggested conflict stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionStatus {
    /// Not yet accepted or dismissed.
    New,
    /// A conflict already holds these claims.
    Recorded,
    /// Dismissed by the investigator.
    Dismissed,
}

/// A suggestion with its status, for the UI and `wederhoor check`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SuggestionView {
    /// The suggestion.
    pub suggestion: crate::suggest::Suggestion,
    /// New, recorded or dismissed.
    pub status: SuggestionStatus,
    /// The recorded conflict's title, when recorded.
    pub conflict_title: Option<String>,
}
