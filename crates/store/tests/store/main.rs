//! Integration tests of the store against the migrated schema: every query runs here.
//! One binary, one module per area.

mod allowances;
mod common;
mod dossiers;
mod editing;
mod encryption;
mod library;
mod library_index;
mod migrations;
mod private_files;
mod procedure;
mod register;
mod register_exports;
mod reports;
mod search;
mod signals;
mod sources;
mod suggestions;
mod undoing;
mod undoing_reports;
