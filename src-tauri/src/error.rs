//! The error every command returns, serialised as the wire type `IpcError` (`{ kind, message,
//! fields }`) so the UI branches on `kind`, never on message text.

use serde::{Serialize, Serializer};
use wederhoor_core::wire::{ErrorKind, IpcError};
use wederhoor_report::ReportError;
use wederhoor_store::Error;

/// A failure on its way to the UI.
#[derive(Debug)]
pub enum CommandError {
    /// From the store.
    Store(Error),
    /// The rapport could not be rendered or failed its public check.
    Report(ReportError),
    /// A file could not be written.
    Write(String),
    /// A document gave no text (a wrong password) or its reading stopped.
    Reader(String),
}

impl CommandError {
    /// A request the UI built wrongly (missing body or header): a bug, reported as invalid input.
    pub fn bad_request(what: &str) -> Self {
        CommandError::Store(Error::Invalid(vec![wederhoor_core::wire::FieldError {
            field: what.into(),
            code: wederhoor_core::wire::FieldCode::BadRequest,
        }]))
    }
}

impl From<Error> for CommandError {
    fn from(err: Error) -> Self {
        CommandError::Store(err)
    }
}

impl From<ReportError> for CommandError {
    fn from(err: ReportError) -> Self {
        CommandError::Report(err)
    }
}

fn store_kind(err: &Error) -> (ErrorKind, Vec<wederhoor_core::wire::FieldError>) {
    match err {
        Error::NotFound(_) => (ErrorKind::NotFound, vec![]),
        Error::Invalid(fields) => (ErrorKind::Invalid, fields.clone()),
        Error::InvalidFile(_) => (ErrorKind::InvalidFile, vec![]),
        Error::DuplicateReference(_) | Error::DuplicateSource(_) => (ErrorKind::Conflict, vec![]),
        Error::Unreadable(_) | Error::Register(_) => (ErrorKind::Unreadable, vec![]),
        Error::Frozen(_) => (ErrorKind::Frozen, vec![]),
        Error::Blocked(_) | Error::Status { .. } => (ErrorKind::Blocked, vec![]),
        Error::InUse { .. } => (ErrorKind::InUse, vec![]),
        Error::Stale(_) => (ErrorKind::Stale, vec![]),
        Error::Locked(_) => (ErrorKind::Locked, vec![]),
        Error::Corrupt(_)
        | Error::Open { .. }
        | Error::Database(_)
        | Error::Migrate(_)
        | Error::Backup(_) => (ErrorKind::Storage, vec![]),
    }
}

impl CommandError {
    /// The wire form.
    pub fn to_wire(&self) -> IpcError {
        let (kind, fields, message) = match self {
            CommandError::Store(err) => {
                let (kind, fields) = store_kind(err);
                let message = match err {
                    Error::InvalidFile(inner) => inner.to_string(),
                    Error::Blocked(checks) => checks
                        .iter()
                        .map(|c| c.message.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    other => other.to_string(),
                };
                (kind, fields, message)
            }
            CommandError::Report(err) => (ErrorKind::Report, vec![], err.to_string()),
            CommandError::Write(message) => (ErrorKind::Storage, vec![], message.clone()),
            CommandError::Reader(message) => (ErrorKind::Unreadable, vec![], message.clone()),
        };
        let checks = match self {
            CommandError::Store(Error::Blocked(checks)) => checks.clone(),
            _ => vec![],
        };
        let (item, references) = match self {
            CommandError::Store(Error::InUse { item, refs }) => (Some(*item), refs.clone()),
            _ => (None, vec![]),
        };
        let findings = match self {
            CommandError::Report(ReportError::PublicBlocked(findings)) => findings.clone(),
            _ => vec![],
        };
        IpcError {
            kind,
            message,
            fields,
            references,
            item,
            checks,
            findings,
        }
    }
}

impl Serialize for CommandError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_wire().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wederhoor_core::wire::{FieldCode, FieldError};

    #[test]
    fn errors_cross_the_boundary_as_kind_message_fields() {
        let err = CommandError::Store(Error::Invalid(vec![FieldError {
            field: "title".into(),
            code: FieldCode::Required,
        }]));
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["kind"], "invalid", "the UI branches on kind");
        assert_eq!(json["fields"][0]["field"], "title");
        assert_eq!(
            json["fields"][0]["code"], "required",
            "codes cross as snake_case strings"
        );
        let missing =
            serde_json::to_value(CommandError::Store(Error::NotFound("dossier 9".into()))).unwrap();
        assert_eq!(
            missing["kind"], "not_found",
            "not found stays apart from other errors"
        );
        let file = CommandError::Store(Error::InvalidFile(wederhoor_core::Error::file(
            "parties[0].role",
            "fout",
        )));
        assert_eq!(
            file.to_wire().message,
            "parties[0].role: fout",
            "a file error's message names its path"
        );
    }

    #[test]
    fn a_blocked_finalisation_sends_its_checks_and_lists_each_reason_on_its_own_line() {
        use wederhoor_core::checks::{Check, CheckRef, CheckRule, Severity};
        let check = |n: u32| Check {
            severity: Severity::Info,
            rule: CheckRule::VerdictOpen,
            message: format!("Klachtonderdeel {n} heeft nog geen oordeel."),
            refs: vec![CheckRef::Point { number: n }],
            verdict: None,
        };
        let wire = CommandError::from(Error::Blocked(vec![check(1), check(2)])).to_wire();
        assert_eq!(wire.kind, ErrorKind::Blocked);
        assert_eq!(
            wire.message,
            "Klachtonderdeel 1 heeft nog geen oordeel.\nKlachtonderdeel 2 heeft nog geen oordeel."
        );
        assert_eq!(wire.checks.len(), 2, "the UI words the typed checks itself");
    }
}
