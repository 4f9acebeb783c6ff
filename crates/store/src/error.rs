//! Errors of the store. "Not found" is its own variant, apart from database trouble.

use wederhoor_core::wire::FieldError;

/// What can go wrong when reading or writing the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The thing asked for does not exist.
    #[error("{0} niet gevonden")]
    NotFound(String),
    /// Form input that fails validation, per field.
    #[error("ongeldige invoer: {}", .0.iter().map(|f| format!("{} ({})", f.field, f.code)).collect::<Vec<_>>().join(", "))]
    Invalid(Vec<FieldError>),
    /// A dossier file that cannot be imported; nothing was written.
    #[error("dossierbestand geweigerd: {0}")]
    InvalidFile(#[from] wederhoor_core::Error),
    /// A dossier with this reference already exists.
    #[error("er bestaat al een dossier met kenmerk {0}")]
    DuplicateReference(String),
    /// The same bytes are already a source of this dossier.
    #[error("dit stuk is al toegevoegd als \"{0}\"")]
    DuplicateSource(String),
    /// A document whose content cannot be read; nothing was stored.
    #[error("het stuk is niet toegevoegd: {0}")]
    Unreadable(#[from] wederhoor_extract::ExtractError),
    /// A register export that cannot be imported as mapped; nothing was stored.
    #[error("registratie niet ingelezen: {0}")]
    Register(String),
    /// A final report version; it no longer changes.
    #[error("{0} is definitief en verandert niet meer; maak een nieuwe versie")]
    Frozen(String),
    /// The rule checks block this step; each entry is one check's message.
    #[error("dat kan nog niet: {}", .0.join(" "))]
    Blocked(Vec<String>),
    /// Data in the database that breaks its own rules.
    #[error("database beschadigd: {0}")]
    Corrupt(String),
    /// The database file or folder could not be used.
    #[error("kan de database niet openen op {path}: {source}")]
    Open {
        /// Where we tried.
        path: String,
        /// Why it failed.
        source: std::io::Error,
    },
    /// SQLite or sqlx trouble.
    #[error("databasefout: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration failed.
    #[error("database bijwerken mislukt: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Result of store operations.
pub type Result<T> = std::result::Result<T, Error>;
