//! Commands the UI may invoke, one module per area, each a few lines over the store.

pub mod dossiers;
