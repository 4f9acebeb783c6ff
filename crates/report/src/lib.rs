//! The rapport: Markdown drafts made from a dossier, the public version's pseudonyms, and the
//! pipeline Markdown → HTML → PDF (DESIGN.md §2b). Pure apart from the layout engine; the
//! store and the app call in with a dossier snapshot.

pub mod anonymise;
pub mod draft;
pub mod error;
pub mod export;
pub mod html;
pub mod metadata;
pub mod overview;
pub mod pdf;
pub mod public;
pub mod strict;
pub mod verify;

pub use error::{ReportError, Result};
