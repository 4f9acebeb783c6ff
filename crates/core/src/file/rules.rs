//! The small checks a dossier file's validation is made of: text present, unique ids,
//! references that resolve, a source's bytes matching their hash, attachments without a kring.

use super::{decode_content, sha256_hex, FileSource};
use crate::error::{Error, Result};
use std::collections::HashSet;

/// Refuses an attachment that is attached to itself, directly or through other attachments.
pub(super) fn check_attachment_chain(
    all: &[FileSource],
    source: &FileSource,
    path: &str,
) -> Result<()> {
    let mut seen = HashSet::from([source.id.as_str()]);
    let mut next = source.attached_to.as_deref();
    while let Some(id) = next {
        if !seen.insert(id) {
            return Err(Error::file(
                path,
                "stukken zijn in een kring aan elkaar gehecht",
            ));
        }
        next = all
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.attached_to.as_deref());
    }
    Ok(())
}

pub(super) fn translate_serde_error(message: &str) -> String {
    // serde's messages are English and technical; keep them, but say in Dutch what kind of fault it is.
    if message.starts_with("unknown field") {
        format!("onbekend veld ({message})")
    } else if message.starts_with("unknown variant") {
        format!("waarde niet toegestaan ({message})")
    } else if message.starts_with("missing field") {
        format!("verplicht veld ontbreekt ({message})")
    } else if message.starts_with("invalid type") {
        format!("verkeerd type ({message})")
    } else {
        message.to_string()
    }
}

pub(super) fn require_text(path: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::file(path, "mag niet leeg zijn"));
    }
    Ok(())
}

pub(super) fn ids<'a>(
    collection: &str,
    values: impl Iterator<Item = &'a str>,
) -> Result<HashSet<&'a str>> {
    let mut seen = HashSet::new();
    for (i, id) in values.enumerate() {
        if id.is_empty() {
            return Err(Error::file(
                format!("{collection}[{i}].id"),
                "mag niet leeg zijn",
            ));
        }
        if !seen.insert(id) {
            return Err(Error::file(
                format!("{collection}[{i}].id"),
                format!("id \"{id}\" komt twee keer voor"),
            ));
        }
    }
    Ok(seen)
}

pub(super) fn refers(path: &str, id: &str, known: &HashSet<&str>, what: &str) -> Result<()> {
    if known.contains(id) {
        Ok(())
    } else {
        Err(Error::file(path, format!("onbekende {what} \"{id}\"")))
    }
}

pub(super) fn check_source_content(i: usize, source: &FileSource) -> Result<()> {
    match (&source.content_base64, &source.sha256) {
        (None, None) => Ok(()),
        (Some(_), None) => Err(Error::file(
            format!("sources[{i}].sha256"),
            "ontbreekt terwijl de inhoud er is",
        )),
        (None, Some(_)) => Err(Error::file(
            format!("sources[{i}].content_base64"),
            "ontbreekt terwijl de hash er is",
        )),
        (Some(content), Some(expected)) => {
            let bytes = decode_content(content)
                .map_err(|m| Error::file(format!("sources[{i}].content_base64"), m))?;
            let actual = sha256_hex(&bytes);
            if !actual.eq_ignore_ascii_case(expected) {
                return Err(Error::file(
                    format!("sources[{i}].sha256"),
                    format!("komt niet overeen met de inhoud (berekend {actual})"),
                ));
            }
            Ok(())
        }
    }
}
