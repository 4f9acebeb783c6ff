//! Wire types of Stukken: the source list, one source with its text, adding a document, search.

use crate::vocab::SourceKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A source in the list (without its bytes or text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SourceSummary {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Kind of document.
    pub kind: SourceKind,
    /// Title.
    pub title: String,
    /// Party that supplied it.
    #[ts(type = "number | null")]
    pub supplied_by: Option<i64>,
    /// That party's name.
    pub supplied_by_name: Option<String>,
    /// Day received, `YYYY-MM-DD`.
    pub received_on: Option<String>,
    /// Original file name.
    pub file_name: Option<String>,
    /// Media type.
    pub media_type: Option<String>,
    /// SHA-256 of the original bytes.
    pub sha256: Option<String>,
    /// Size of the original bytes.
    #[ts(type = "number | null")]
    pub size: Option<i64>,
    /// Whether text was extracted or typed.
    pub has_text: bool,
    /// Number of excerpts quoting it.
    pub excerpts: u32,
    /// The source (an e-mail) it came attached to.
    #[ts(type = "number | null")]
    pub attached_to: Option<i64>,
    /// Where its text came from.
    pub text_origin: Option<crate::vocab::TextOrigin>,
    /// Why it has no text, as a code: `password_required`, `wrong_password`, `damaged`,
    /// `unsupported`, `ocr_unavailable`, `ocr_failed`, `too_big`, `stopped`.
    pub text_problem: Option<String>,
    /// For text read by OCR: the words' mean confidence, 0–100.
    pub ocr_confidence: Option<f32>,
}

/// An excerpt (citaat) of a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ExcerptView {
    /// The statement resting on it.
    #[ts(type = "number")]
    pub statement_id: i64,
    /// The source quoted.
    #[ts(type = "number")]
    pub source_id: i64,
    /// The source's title.
    pub source_title: String,
    /// The quoted text.
    pub quote: String,
    /// Character offsets in the source text, where known.
    pub start_offset: Option<u32>,
    /// End offset (exclusive).
    pub end_offset: Option<u32>,
    /// Page, where known.
    pub page: Option<u32>,
}

/// One source with its text, for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SourceDetail {
    /// The list row.
    pub source: SourceSummary,
    /// The text, if any.
    pub text: Option<String>,
    /// Excerpts taken from it.
    pub excerpts: Vec<ExcerptView>,
    /// What reading it gave that the investigator should know, in Dutch (the encoding, a
    /// renamed file, pages read by OCR, why there is no text).
    pub reading_notes: Vec<String>,
    /// For an e-mail: its sender, addressees, date and subject as the header lines give them.
    pub mail: Option<MailHeaders>,
}

/// The header lines of an e-mail's text, for the reader's heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct MailHeaders {
    /// Van.
    pub from: Option<String>,
    /// Aan.
    pub to: Option<String>,
    /// Cc.
    pub cc: Option<String>,
    /// Datum, as written.
    pub date: Option<String>,
    /// Onderwerp.
    pub subject: Option<String>,
}

/// What the UI sends with a document's bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct NewSourceMeta {
    /// The dossier it belongs to.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// Original file name.
    pub file_name: String,
    /// Kind; when absent it is guessed from the file.
    pub kind: Option<SourceKind>,
    /// Title; when empty the file name is used.
    pub title: String,
    /// Party that supplied it.
    #[ts(type = "number | null")]
    pub supplied_by: Option<i64>,
    /// Day received as typed (`d-m-jjjj`), may be empty.
    pub received_on: String,
}

/// The outcome of adding a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SourceAdded {
    /// The stored source.
    pub source: SourceSummary,
    /// Things the investigator should know (encoding guessed, no text layer, ...).
    pub notes: Vec<String>,
    /// The attachments stored as sources of their own, attached to it.
    pub attachments: Vec<SourceSummary>,
}

/// How far the reading of a document is (OCR goes page by page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReadProgress {
    /// The document being read.
    pub file_name: String,
    /// What is being done, in Dutch ("OCR, pagina 2 (2 van 5)").
    pub step: String,
    /// Steps done.
    pub done: u32,
    /// Steps in all.
    pub total: u32,
}

/// What a search hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum SearchHitKind {
    /// A source's title or text.
    Source,
    /// A statement's text or topic.
    Statement,
    /// The text of a report version (rapport, verslag, rapportbrief or procedure letter).
    Report,
}

/// What a report hit tells of its version, for the UI to name it in its own words
/// ("Rapport (concept) · 15 juli 2019").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReportHitFacts {
    /// Which report or letter.
    pub kind: crate::vocab::ReportKind,
    /// Concept or definitief.
    pub status: crate::vocab::ReportStatus,
    /// Its date when final, otherwise the day it was last saved, `YYYY-MM-DD`.
    pub day: Option<String>,
}

/// One search result, with a snippet around the match (`[` and `]` mark the match).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// Source, statement or report.
    pub kind: SearchHitKind,
    /// Its database id (of the source, the statement or the report version).
    #[ts(type = "number")]
    pub id: i64,
    /// The source to open: the source itself, or the first one the statement quotes.
    #[ts(type = "number | null")]
    pub source_id: Option<i64>,
    /// Title of the source, the statement's party and date, or a report's first heading.
    pub title: String,
    /// Text around the match.
    pub snippet: String,
    /// For a report: its kind, status and day (`None` for the other kinds).
    pub report: Option<ReportHitFacts>,
}
