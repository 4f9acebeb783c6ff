//! Text out of evidence documents. An investigator adds letters (PDF, DOCX, ODT), e-mails
//! (EML) with their attachments, scans and photos (OCR), notes (TXT, Markdown) and register
//! exports (CSV); Wederhoor keeps the original bytes whatever happens, and the text read here,
//! so passages can be quoted and searched. Every input is untrusted: any bytes give a
//! [`Reading`] (with the reason when there is no text) or, for an empty or oversized file, a
//! clear Dutch error; never a panic. [`isolate`] runs the reading in a child process with
//! limits, so a hostile file cannot take the app down.

mod format;
#[doc(hidden)]
pub mod hostile;
pub mod isolate;
mod mail;
pub mod ocr;
mod office;
mod pdf;
mod reading;
mod search_text;
mod table;
mod text;

pub use format::{detect, Detected, Format};
pub use mail::{Attachment, Mail};
pub use reading::{read, Options, Origin, Problem, Progress, ReadAttachment, Reading};
pub use search_text::search_text;
pub use table::{decode_table_text, read_decoded_table, read_table, Table, TableRow};
pub use text::{decode_text, Decoded};

/// The largest document we store (bytes). Larger files are refused before anything is written.
pub const MAX_SOURCE_BYTES: usize = 100 * 1024 * 1024;

/// Why a file cannot be stored or a text file cannot be decoded. Messages are Dutch, for the
/// investigator. (Why a stored document has no text is a [`Problem`].)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// Zero bytes.
    #[error("het bestand is leeg")]
    Empty,
    /// Over [`MAX_SOURCE_BYTES`].
    #[error("het bestand is {} MB; het maximum is {} MB", .size / (1024 * 1024), MAX_SOURCE_BYTES / (1024 * 1024))]
    TooLarge {
        /// Its size in bytes.
        size: usize,
    },
    /// Bytes that are not text in any encoding we accept.
    #[error("het bestand bevat geen leesbare tekst ({0})")]
    NotText(String),
}

/// Checks that a file can be stored at all: not empty, not over [`MAX_SOURCE_BYTES`].
pub fn check_size(len: usize) -> Result<(), ExtractError> {
    if len == 0 {
        Err(ExtractError::Empty)
    } else if len > MAX_SOURCE_BYTES {
        Err(ExtractError::TooLarge { size: len })
    } else {
        Ok(())
    }
}

/// Normalises line ends and trims trailing blank space on each line.
pub(crate) fn tidy(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out: String = text
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests;
