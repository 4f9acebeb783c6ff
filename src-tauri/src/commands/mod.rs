//! Commands the UI may invoke, one module per area, each a few lines over the store.

pub mod assessment;
pub mod conflicts;
pub mod dossiers;
pub mod edits;
pub mod library;
pub mod procedure;
pub mod public;
pub mod raw;
pub mod register;
pub mod reports;
pub mod saving;
pub mod security;
pub mod signals;
pub mod sources;
pub mod statements;
