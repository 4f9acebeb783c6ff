//! The types the desktop UI receives and sends over IPC (`camelCase`). TypeScript copies are
//! generated from these by ts-rs into `ui/src/lib/bindings/` when the tests run; CI fails when
//! the committed copies differ. One module per screen area.

mod assessment;
mod conflicts;
mod dossiers;
mod edits;
mod procedure;
mod register;
mod reports;
mod security;
mod signals;
mod sources;
mod statements;

pub use assessment::*;
pub use conflicts::*;
pub use dossiers::*;
pub use edits::*;
pub use procedure::*;
pub use register::*;
pub use reports::*;
pub use security::*;
pub use signals::*;
pub use sources::*;
pub use statements::*;
