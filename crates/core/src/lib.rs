//! Wederhoor's domain: the vocabularies, fuzzy dates, the norm catalogue, the dossier file
//! (`wederhoor-dossier/1`), the wire types the desktop UI receives, and the rules that check a
//! dossier. Pure: no I/O, no async, no database — every other crate builds on this one.
#![deny(missing_docs)]

pub mod checks;
pub mod dates;
pub mod error;
pub mod file;
pub mod findings;
pub mod fold;
pub mod names;
pub mod new_dossier;
pub mod norms;
pub mod parties;
pub mod personal;
pub mod procedure;
pub mod reactions;
pub mod register;
pub mod signals;
pub mod statement;
pub mod steps;
pub mod suggest;
pub mod timeline;
pub mod vocab;
pub mod wire;

pub use error::{Error, Result};
