//! Errors of the store. "Not found" is its own variant, apart from database trouble.

use wederhoor_core::vocab::DossierStatus;
use wederhoor_core::wire::{ChangeSummary, FieldError, ItemKind, ReferenceCount};

/// The Dutch word for a kind of item, for the command line's messages (the UI has its own).
pub fn item_nl(item: ItemKind) -> &'static str {
    match item {
        ItemKind::Dossier => "dossier",
        ItemKind::Party => "partij",
        ItemKind::ComplaintPoint => "klachtonderdeel",
        ItemKind::Statement => "lezing",
        ItemKind::Source => "stuk",
        ItemKind::Excerpt => "citaat",
        ItemKind::Conflict => "tegenstrijdigheid",
        ItemKind::Reaction => "reactie",
        ItemKind::Recommendation => "aanbeveling",
        ItemKind::Event => "procedurestap",
        ItemKind::Report => "rapportversie",
        ItemKind::Suggestion => "suggestie",
        ItemKind::Judgement => "toetsing",
    }
}

fn refs_nl(refs: &[ReferenceCount]) -> String {
    refs.iter()
        .map(|r| format!("{} × {}", r.count, item_nl(r.kind)))
        .collect::<Vec<_>>()
        .join(", ")
}

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
    /// The rule checks that block this step.
    #[error("dat kan nog niet: {}", .0.iter().map(|c| c.message.as_str()).collect::<Vec<_>>().join(" "))]
    Blocked(Vec<wederhoor_core::checks::Check>),
    /// A removal that would leave other parts of the dossier pointing at nothing; nothing changed.
    #[error("{} kan niet worden verwijderd: er verwijzen nog naar {}", item_nl(*.item), refs_nl(.refs))]
    InUse {
        /// What was to be removed.
        item: ItemKind,
        /// What refers to it, and how many.
        refs: Vec<ReferenceCount>,
    },
    /// An undo or redo of an edit whose rows changed since in a way that cannot be undone
    /// (an import, a final report); nothing changed.
    #[error("\"{}\" kan niet meer worden teruggedraaid: wat het veranderde is sindsdien anders gewijzigd", .0.subject)]
    Stale(ChangeSummary),
    /// A status change the procedure does not allow.
    #[error("de status kan niet van {from} naar {to}")]
    Status {
        /// From.
        from: DossierStatus,
        /// To.
        to: DossierStatus,
    },
    /// An encrypted database without its passphrase, or with a wrong one.
    #[error("{0}")]
    Locked(String),
    /// A backup that could not be made, or a file that is no sound backup; nothing was replaced.
    #[error("back-up geweigerd: {0}")]
    Backup(String),
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
