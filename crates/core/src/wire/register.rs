//! Wire types of the register import: the column mapping, the preview, and the outcome.

use crate::wire::SourceSummary;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which column of the export holds what. Column names as in the header line; only `date` is
/// required, and a guessed mapping leaves it empty when it finds no date column (the rows are
/// then not read until it is given). `text` may name several columns (joined with " · ").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RegisterMapping {
    /// Date, or date and time.
    pub date: String,
    /// Time, when it has a column of its own.
    pub time: Option<String>,
    /// Channel (telefoon, e-mail, ...).
    pub channel: Option<String>,
    /// Topic.
    pub topic: Option<String>,
    /// Note text.
    pub text: Vec<String>,
}

/// A row as it would be imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    /// Line in the file.
    #[ts(type = "number")]
    pub line: u64,
    /// The date as it will be stored (ISO), if readable.
    pub date: Option<String>,
    /// The channel code it maps to.
    pub channel: Option<crate::vocab::Channel>,
    /// The raw channel value.
    pub channel_raw: String,
    /// Topic.
    pub topic: Option<String>,
    /// The note, empty when the row has none (the record then says it was registered without
    /// one); for a row that cannot be imported, its cells.
    pub text: String,
    /// Why the row cannot be imported, in Dutch.
    pub error: Option<String>,
}

/// A row that cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct BadRow {
    /// Line in the file.
    #[ts(type = "number")]
    pub line: u64,
    /// Why, in Dutch.
    pub message: String,
}

/// What the import would do, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RegisterPreview {
    /// Encoding the file was read as.
    pub encoding: String,
    /// Delimiter found.
    pub delimiter: String,
    /// Column names.
    pub headers: Vec<String>,
    /// The mapping used (guessed from the headers unless given).
    pub mapping: RegisterMapping,
    /// The first rows as they would be imported; none while the mapping has no date column.
    pub rows: Vec<PreviewRow>,
    /// Number of data rows.
    pub total_rows: u32,
    /// Rows that cannot be imported (the first 100).
    pub bad_rows: Vec<BadRow>,
    /// Number of rows that cannot be imported.
    pub bad_row_count: u32,
}

/// What the UI sends with the export's bytes to import it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RegisterImportMeta {
    /// The dossier.
    #[ts(type = "number")]
    pub dossier_id: i64,
    /// The party whose administration it is.
    #[ts(type = "number")]
    pub party_id: i64,
    /// File name of the export.
    pub file_name: String,
    /// The confirmed mapping.
    pub mapping: RegisterMapping,
    /// Import the good rows and leave out bad ones (otherwise any bad row cancels the import).
    pub skip_bad_rows: bool,
}

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RegisterImported {
    /// The stored export.
    pub source: SourceSummary,
    /// Records made.
    pub imported: u32,
    /// Bad rows left out.
    pub skipped: u32,
    /// Things the investigator should know, in Dutch (the encoding, when the export was not
    /// UTF-8), as a document's are when it is added.
    pub notes: Vec<String>,
}

/// Progress of a long import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    /// Rows done.
    pub done: u32,
    /// Rows in all.
    pub total: u32,
}
