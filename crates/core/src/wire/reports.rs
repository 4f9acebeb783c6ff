//! Wire types of Rapport: the versions of each report kind, the preview, the export.

use crate::vocab::{ReportKind, ReportStatus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One saved version of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReportVersion {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Verslag, rapport or rapportbrief.
    pub kind: ReportKind,
    /// Concept or definitief (frozen).
    pub status: ReportStatus,
    /// The report's date, `YYYY-MM-DD`, once final.
    pub date: Option<String>,
    /// The text (Markdown).
    pub markdown: String,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it was last saved (RFC 3339).
    pub updated_at: String,
    /// Whether the dossier changed after this version's draft was made.
    pub stale: bool,
}

/// The steps of exporting a report to PDF, as the progress line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ExportStep {
    /// Reading the dossier and the version.
    Gathering,
    /// Laying out the pages (confidential version).
    Layout,
    /// Laying out the pages and reading them back for names (public version).
    LayoutAndCheck,
    /// Writing the file.
    Saving,
}

/// A rendered preview: the same HTML document the PDF is made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReportPreview {
    /// The whole HTML document.
    pub html: String,
    /// Names replaced, for a public preview: "Noëlle → verzoekster (3×)".
    pub redactions: Vec<String>,
    /// For a public preview: what would stop the export (empty for the confidential one).
    pub findings: Vec<PublicFinding>,
    /// For a public preview: why no public version can be made at all, or none.
    pub refusal: Option<String>,
}

/// A finished export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReportExported {
    /// Where the PDF was written.
    pub path: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// Names replaced (public version).
    pub redactions: Vec<String>,
}

/// A personal detail or unregistered name that stops a public export until it is replaced in
/// the text or allowed with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PublicFinding {
    /// What it is.
    pub kind: crate::personal::DetailKind,
    /// The detail with most of it hidden: "12•••••82".
    pub masked: String,
    /// The detail as it stands, for the investigator to reveal on request (never logged).
    pub text: String,
    /// What an allowance is kept under (digits only, folded): sent back to allow it.
    pub key: String,
    /// Where: the section heading it stands under, "titelblad", or "pagina 3".
    pub place: String,
    /// The text around it, the detail itself masked.
    pub context: String,
    /// How often it occurs in the text.
    #[ts(type = "number")]
    pub count: u32,
}

/// A detail or name allowed in a dossier's public versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PublicAllowance {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// What kind of detail.
    pub kind: crate::personal::DetailKind,
    /// It, masked.
    pub shown: String,
    /// Why it may be printed.
    pub reason: String,
    /// Who allowed it.
    pub created_by: String,
    /// When (RFC 3339).
    pub created_at: String,
}
