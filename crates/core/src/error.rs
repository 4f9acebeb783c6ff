//! Errors of the domain layer: malformed dates and invalid dossier files.

/// What can go wrong in pure domain code.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// A date or moment that is not a valid ISO 8601 value of the expected shape.
    #[error("ongeldige datum {value:?}: {reason}")]
    InvalidDate {
        /// The text that was given.
        value: String,
        /// Why it is not a date.
        reason: &'static str,
    },
    /// A dossier file that cannot be read or refers to something that does not exist.
    /// `path` names the offending place, e.g. `statements[3].party`.
    #[error("{path}: {message}")]
    InvalidFile {
        /// JSON path of the offending value (`""` for the whole file).
        path: String,
        /// What is wrong there, in Dutch.
        message: String,
    },
}

/// Result of domain operations.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Shorthand for an [`Error::InvalidFile`] at `path`.
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidFile {
            path: path.into(),
            message: message.into(),
        }
    }
}
