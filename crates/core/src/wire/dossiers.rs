//! Wire types of the dossier list, the "Nieuw dossier" form, the Overzicht and errors.

use crate::checks::Check;
use crate::vocab::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One row of the dossier list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DossierSummary {
    /// Database id, used to open the dossier.
    #[ts(type = "number")]
    pub id: i64,
    /// The dossier's reference, e.g. `2019-0117`.
    pub reference: String,
    /// Short title of the complaint.
    pub title: String,
    /// Bodies complained about.
    pub bodies: Vec<String>,
    /// Where the dossier stands.
    pub status: DossierStatus,
    /// The day the complaint was received, `YYYY-MM-DD`.
    pub received_on: String,
    /// Trefwoorden.
    pub keywords: Vec<String>,
}

/// What the "Nieuw dossier" form sends. Dates are as typed (`4-3-2019` or `2019-03-04`); the
/// reference may be empty, and then the next free one of the received year is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct NewDossier {
    /// Optional reference; empty means "give the next free one".
    pub reference: String,
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
    /// The requester's real name; the requester and each body become parties.
    pub requester_name: String,
    /// The requester's name in the public version ("verzoeker" or "verzoekster").
    pub requester_pseudonym: String,
}

/// What is wrong with a field; the UI has a message for each. On the wire (and in the CLI's
/// messages) it is the snake_case name, e.g. `invalid_date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum FieldCode {
    /// The field is empty but must be filled in.
    Required,
    /// The text is longer than allowed (a dossier's title).
    TooLong,
    /// The typed date does not exist or cannot be read.
    InvalidDate,
    /// The date lies after today.
    FutureDate,
    /// The reference has characters a reference may not have.
    InvalidReference,
    /// Another dossier already has this reference.
    Duplicate,
    /// The pseudonym is the name or an alias of a party, so the public version would print it.
    PseudonymIsAName,
    /// A natural person's name cannot stay in the public version.
    PersonNamePublic,
    /// The party a party acts for is not a body.
    NotABody,
    /// The selected passage is empty.
    EmptySelection,
    /// The party is not one of this dossier.
    UnknownParty,
    /// The source is not one of this dossier (or has no text).
    UnknownSource,
    /// The passage lies outside the source's text.
    OutOfRange,
    /// A statement is not one of this dossier.
    UnknownStatement,
    /// The complaint point is not one of this dossier.
    UnknownPoint,
    /// The norm is not in the catalogue.
    UnknownNorm,
    /// The norm is already tested on this complaint point.
    DuplicateNorm,
    /// A statement is on both the citizen's and the body's side of a conflict.
    BothSides,
    /// "Niet vast te stellen" before both sides have seen the other's version.
    NotHeard,
    /// The date lies before the day of the step it belongs to.
    BeforeStart,
    /// A postponement of more than the four weeks Awb 9:11 lid 2 allows.
    TooManyWeeks,
    /// The value is not allowed here.
    Invalid,
    /// The UI built the request wrongly (a missing body or header): a bug.
    BadRequest,
}

impl FieldCode {
    /// The wire name, e.g. `invalid_date`.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldCode::Required => "required",
            FieldCode::TooLong => "too_long",
            FieldCode::InvalidDate => "invalid_date",
            FieldCode::FutureDate => "future_date",
            FieldCode::InvalidReference => "invalid_reference",
            FieldCode::Duplicate => "duplicate",
            FieldCode::PseudonymIsAName => "pseudonym_is_a_name",
            FieldCode::PersonNamePublic => "person_name_public",
            FieldCode::NotABody => "not_a_body",
            FieldCode::EmptySelection => "empty_selection",
            FieldCode::UnknownParty => "unknown_party",
            FieldCode::UnknownSource => "unknown_source",
            FieldCode::OutOfRange => "out_of_range",
            FieldCode::UnknownStatement => "unknown_statement",
            FieldCode::UnknownPoint => "unknown_point",
            FieldCode::UnknownNorm => "unknown_norm",
            FieldCode::DuplicateNorm => "duplicate_norm",
            FieldCode::BothSides => "both_sides",
            FieldCode::NotHeard => "not_heard",
            FieldCode::BeforeStart => "before_start",
            FieldCode::TooManyWeeks => "too_many_weeks",
            FieldCode::Invalid => "invalid",
            FieldCode::BadRequest => "bad_request",
        }
    }
}

impl std::fmt::Display for FieldCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A field of a form that failed validation, with a code the UI translates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// The field's name in the wire type (`title`, `receivedOn`, ...).
    pub field: String,
    /// What is wrong.
    pub code: FieldCode,
}

/// A party as the UI shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PartyView {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// The part it plays.
    pub role: PartyRole,
    /// Real name (confidential).
    pub name: String,
    /// Name used in public reports.
    pub pseudonym: String,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// Whether the real name stays in the public version.
    pub public_name: bool,
    /// The body it carries out a task for.
    #[ts(type = "number | null")]
    pub acts_for: Option<i64>,
}

/// One norm a complaint point was tested against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct JudgementView {
    /// Norm code from the catalogue.
    pub norm: String,
    /// The norm's Dutch name.
    pub norm_name: String,
    /// Behoorlijk, niet behoorlijk or geen oordeel.
    pub outcome: Outcome,
}

/// A complaint point with its verdict, for the Overzicht.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ComplaintPointView {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Its number in the complaint.
    pub number: u32,
    /// What the citizen complains about.
    pub text: String,
    /// The oordeel so far.
    pub verdict: Verdict,
    /// The norms tested.
    pub judgements: Vec<JudgementView>,
}

/// How much a dossier holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DossierCounts {
    /// Stukken.
    pub sources: u32,
    /// Lezingen (claims).
    pub claims: u32,
    /// Registraties (records).
    pub records: u32,
    /// Tegenstrijdigheden.
    pub conflicts: u32,
    /// Of which still open.
    pub open_conflicts: u32,
    /// Aanbevelingen.
    pub recommendations: u32,
    /// Reacties.
    pub reactions: u32,
}

/// A dossier's Overzicht: who, what, how far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DossierOverview {
    /// The list row of the dossier.
    pub dossier: DossierSummary,
    /// Which ombudsman handles it.
    pub ombudsman: String,
    /// Summary in Markdown.
    pub summary: String,
    /// Whether the body must first have handled the complaint (Awb 9:20).
    pub kenbaarheid: Kenbaarheid,
    /// Whether the body handles complaints with an advisory committee.
    pub advisory_committee: bool,
    /// The statuses the dossier may go to now (forward and back).
    pub next_statuses: Vec<DossierStatus>,
    /// Reacties (hoor en wederhoor).
    pub reactions: Vec<crate::wire::ReactionView>,
    /// Partijen.
    pub parties: Vec<PartyView>,
    /// Klachtonderdelen.
    pub complaint_points: Vec<ComplaintPointView>,
    /// Counts of what the dossier holds.
    pub counts: DossierCounts,
    /// Tegenstrijdigheden.
    pub conflicts: Vec<crate::wire::ConflictSummary>,
    /// Rule findings.
    pub checks: Vec<Check>,
}

/// The kinds of error the UI can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The thing asked for does not exist.
    NotFound,
    /// Input that fails validation; see `fields`.
    Invalid,
    /// A dossier file that cannot be imported.
    InvalidFile,
    /// Something already exists (e.g. a reference, or the same document).
    Conflict,
    /// A document or register export whose content cannot be read or used.
    Unreadable,
    /// A final report version, which no longer changes.
    Frozen,
    /// The rule checks block this step (e.g. an open conflict before a final rapport).
    Blocked,
    /// The rapport could not be rendered, or its public version still holds a name.
    Report,
    /// Database or disk trouble.
    Storage,
    /// A removal that other parts of the dossier still refer to; see `references`.
    InUse,
    /// An undo or redo whose rows changed since in a way that cannot be undone.
    Stale,
    /// The database is encrypted and not (yet) opened with its passphrase, or the passphrase
    /// given is wrong.
    Locked,
}

/// The error shape every command returns: the UI branches on `kind`, never on `message`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    /// What kind of error.
    pub kind: ErrorKind,
    /// A Dutch sentence for people (e.g. the path of a file error).
    pub message: String,
    /// For `invalid`: which fields failed and why.
    pub fields: Vec<FieldError>,
    /// For `in_use`: what still refers to the item.
    pub references: Vec<crate::wire::ReferenceCount>,
    /// For `in_use`: what was to be removed.
    pub item: Option<crate::wire::ItemKind>,
    /// For `blocked`: the rule checks that stand in the way, for the UI to word itself.
    pub checks: Vec<crate::checks::Check>,
    /// For `report`: the personal details and names that stop a public version.
    pub findings: Vec<crate::wire::PublicFinding>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_codes_cross_the_wire_as_their_snake_case_names() {
        use FieldCode::*;
        let all = [
            Required,
            TooLong,
            InvalidDate,
            FutureDate,
            InvalidReference,
            Duplicate,
            PseudonymIsAName,
            PersonNamePublic,
            NotABody,
            EmptySelection,
            UnknownParty,
            UnknownSource,
            OutOfRange,
            UnknownStatement,
            UnknownPoint,
            UnknownNorm,
            DuplicateNorm,
            BothSides,
            NotHeard,
            Invalid,
            BadRequest,
        ];
        for code in all {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, code.as_str(), "as_str is the wire name");
            assert_eq!(serde_json::from_value::<FieldCode>(json).unwrap(), code);
        }
        let error = FieldError {
            field: "requesterPseudonym".into(),
            code: PseudonymIsAName,
        };
        assert_eq!(
            serde_json::to_value(&error).unwrap(),
            serde_json::json!({ "field": "requesterPseudonym", "code": "pseudonym_is_a_name" }),
            "the wire format of a field error is unchanged"
        );
    }
}
