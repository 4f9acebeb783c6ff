//! The error every command returns, serialised as the wire type `IpcError` (`{ kind, message,
//! fields }`) so the UI branches on `kind`, never on message text.

use serde::{Serialize, Serializer};
use wederhoor_core::wire::{ErrorKind, IpcError};
use wederhoor_store::Error;

/// A store error on its way to the UI.
#[derive(Debug)]
pub struct CommandError(pub Error);

impl CommandError {
    /// A request the UI built wrongly (missing body or header): a bug, reported as invalid input.
    pub fn bad_request(what: &str) -> Self {
        CommandError(Error::Invalid(vec![wederhoor_core::wire::FieldError {
            field: what.into(),
            code: "bad_request".into(),
        }]))
    }
}

impl From<Error> for CommandError {
    fn from(err: Error) -> Self {
        CommandError(err)
    }
}

impl CommandError {
    /// The wire form.
    pub fn to_wire(&self) -> IpcError {
        let (kind, fields) = match &self.0 {
            Error::NotFound(_) => (ErrorKind::NotFound, vec![]),
            Error::Invalid(fields) => (ErrorKind::Invalid, fields.clone()),
            Error::InvalidFile(_) => (ErrorKind::InvalidFile, vec![]),
            Error::DuplicateReference(_) | Error::DuplicateSource(_) => {
                (ErrorKind::Conflict, vec![])
            }
            Error::Unreadable(_) | Error::Register(_) => (ErrorKind::Unreadable, vec![]),
            Error::Corrupt(_) | Error::Open { .. } | Error::Database(_) | Error::Migrate(_) => {
                (ErrorKind::Storage, vec![])
            }
        };
        let message = match &self.0 {
            Error::InvalidFile(inner) => inner.to_string(),
            other => other.to_string(),
        };
        IpcError {
            kind,
            message,
            fields,
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
    use wederhoor_core::wire::FieldError;

    #[test]
    fn errors_cross_the_boundary_as_kind_message_fields() {
        let err = CommandError(Error::Invalid(vec![FieldError {
            field: "title".into(),
            code: "required".into(),
        }]));
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["kind"], "invalid", "the UI branches on kind");
        assert_eq!(json["fields"][0]["field"], "title");
        let missing =
            serde_json::to_value(CommandError(Error::NotFound("dossier 9".into()))).unwrap();
        assert_eq!(
            missing["kind"], "not_found",
            "not found stays apart from other errors"
        );
        let file = CommandError(Error::InvalidFile(wederhoor_core::Error::file(
            "parties[0].role",
            "fout",
        )));
        assert_eq!(
            file.to_wire().message,
            "parties[0].role: fout",
            "a file error's message names its path"
        );
    }
}
