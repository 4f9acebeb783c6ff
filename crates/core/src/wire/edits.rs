//! Wire types of building a dossier in the app: the forms for the dossier's own fields,
//! parties, complaint points, reactions and typed sources, the references that stop a
//! removal, and the undo history.

use crate::vocab::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The dossier's own fields, as the edit form sends them (dates as typed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DossierEdit {
    /// The dossier.
    #[ts(type = "number")]
    pub id: i64,
    /// Short title of the complaint.
    pub title: String,
    /// Which ombudsman handles it.
    pub ombudsman: String,
    /// Bodies complained about.
    pub bodies: Vec<String>,
    /// The day the complaint was received, as typed.
    pub received_on: String,
    /// Trefwoorden.
    pub keywords: Vec<String>,
    /// Samenvatting in Markdown.
    pub summary: String,
    /// Whether the body must first have handled the complaint (Awb 9:20).
    pub kenbaarheid: Kenbaarheid,
    /// Whether the body handles complaints with an advisory committee (9:11: ten weeks).
    pub advisory_committee: bool,
}

/// A party as the party form sends it; `id` is `null` for a new party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PartyInput {
    /// The party being edited, or `null` for a new one.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The dossier.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// The part it plays.
    pub role: PartyRole,
    /// Real name.
    pub name: String,
    /// Name in the public version.
    pub pseudonym: String,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// Whether the real name stays in the public version.
    pub public_name: bool,
    /// The body this party carries out a task for.
    #[ts(type = "number | null")]
    pub acts_for: Option<i64>,
}

/// A complaint point as its form sends it; `id` is `null` for a new one (numbered last).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PointInput {
    /// The point being edited, or `null`.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The dossier.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// What the citizen complains about.
    pub text: String,
}

/// A party's reaction in a hoor-en-wederhoor round; `id` is `null` for a new one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReactionInput {
    /// The reaction being edited, or `null`.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The dossier.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// Who reacted.
    #[ts(type = "number | null")]
    pub party_id: Option<i64>,
    /// When it came in, as typed.
    pub received_on: String,
    /// The report it answers.
    pub on_report: Option<ReportKind>,
    /// Its text (Markdown).
    pub text: String,
    /// The statements it contests.
    #[ts(type = "number[]")]
    pub contests: Vec<i64>,
    /// The document it came in.
    #[ts(type = "number | null")]
    pub source_id: Option<i64>,
}

/// What the party form suggests for a role and a name: a pseudonym not yet taken in the
/// dossier, and the usual variants of a person's name as aliases (none for an institution).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PartySuggestion {
    /// The suggested pseudonym.
    pub pseudonym: String,
    /// The suggested aliases.
    pub aliases: Vec<String>,
}

/// A reaction as the Overzicht lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReactionView {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Who reacted.
    #[ts(type = "number")]
    pub party_id: i64,
    /// ISO day received.
    pub received_on: String,
    /// The report it answers.
    pub on_report: Option<ReportKind>,
    /// Its text.
    pub text: String,
    /// The statements it contests.
    #[ts(type = "number[]")]
    pub contests: Vec<i64>,
    /// The document it came in.
    #[ts(type = "number | null")]
    pub source_id: Option<i64>,
}

/// A source's own fields, as its edit form sends them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SourceEdit {
    /// The source.
    #[ts(type = "number")]
    pub id: i64,
    /// Title.
    pub title: String,
    /// Kind of document.
    pub kind: SourceKind,
    /// Who supplied it.
    #[ts(type = "number | null")]
    pub supplied_by: Option<i64>,
    /// When it came in, as typed; may be empty.
    pub received_on: String,
}

/// A source typed in the app (a phone note, an interview record): no file, only its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct TypedSourceInput {
    /// The dossier.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// Title.
    pub title: String,
    /// Kind of document (usually a phone note or an interview record).
    pub kind: SourceKind,
    /// Who supplied it (for a phone note: whose words it records).
    #[ts(type = "number | null")]
    pub supplied_by: Option<i64>,
    /// The day of the note, as typed; may be empty.
    pub received_on: String,
    /// The text as typed.
    pub text: String,
}

/// A statement's fields as its edit form sends them (the passage it rests on stays).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct StatementEdit {
    /// The statement.
    #[ts(type = "number")]
    pub id: i64,
    /// The fields, as the new-statement form has them (its `excerpt` is ignored).
    pub fields: crate::wire::NewStatement,
}

/// What a part of a dossier is, in refusals and the undo history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// The dossier itself.
    Dossier,
    /// A partij.
    Party,
    /// A klachtonderdeel.
    ComplaintPoint,
    /// A lezing or registratie.
    Statement,
    /// A stuk.
    Source,
    /// A citaat.
    Excerpt,
    /// A tegenstrijdigheid.
    Conflict,
    /// A reactie.
    Reaction,
    /// An aanbeveling.
    Recommendation,
    /// A procedurestap.
    Event,
    /// A report version.
    Report,
    /// A dismissed suggestion.
    Suggestion,
    /// A norm judgement.
    Judgement,
}

/// How many things of one kind refer to an item that was to be removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceCount {
    /// What refers to it.
    pub kind: ItemKind,
    /// How many.
    pub count: u32,
}

/// What an edit did, for the undo history and the "Ongedaan maken" button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ChangeVerb {
    /// Something was added.
    Create,
    /// Something was changed.
    Update,
    /// Something was removed.
    Remove,
    /// Complaint points were put in another order.
    Reorder,
    /// The dossier's status changed.
    Status,
}

/// One edit in a dossier's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ChangeSummary {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// What kind of part.
    pub item: ItemKind,
    /// What happened to it.
    pub verb: ChangeVerb,
    /// Which one: a name, a number, a title (confidential, as the app shows it).
    pub subject: String,
    /// When (RFC 3339).
    pub at: String,
}

/// What "Ongedaan maken" and "Opnieuw" would do now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct UndoState {
    /// The edit an undo takes back, if any.
    pub undo: Option<ChangeSummary>,
    /// The edit a redo makes again, if any.
    pub redo: Option<ChangeSummary>,
}
