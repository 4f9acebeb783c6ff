//! Office Open XML relationships: which part a part refers to (`_rels/.rels` names the main
//! document; `word/_rels/document.xml.rels` its headers, footers, notes and comments).

use super::archive::Archive;
use super::xml::{walk, Element, Handler};

/// A relationship of a part: its id, its type (the last segment of the type URI) and the
/// part it points to, as a name in the archive.
pub(super) struct Relationship {
    pub(super) id: String,
    pub(super) kind: String,
    pub(super) target: String,
}

/// `word/document.xml` → `word/_rels/document.xml.rels`.
pub(super) fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

pub(super) fn relationships(
    archive: &mut Archive,
    rels: &str,
) -> Result<Vec<Relationship>, String> {
    let Some(xml) = archive.read(rels)? else {
        return Ok(Vec::new());
    };
    // `word/_rels/document.xml.rels` → targets are relative to `word/`.
    let base = rels.split("_rels/").next().unwrap_or("").to_string();
    let mut list = Rels(Vec::new(), base);
    walk(&xml, rels, &mut list)?;
    Ok(list.0)
}

struct Rels(Vec<Relationship>, String);

impl Handler for Rels {
    type Open = ();
    fn start(&mut self, e: &Element) -> Result<Option<()>, String> {
        if e.local() == b"Relationship" && e.attr("TargetMode").as_deref() != Some("External") {
            let (Some(id), Some(kind), Some(target)) =
                (e.attr("Id"), e.attr("Type"), e.attr("Target"))
            else {
                return Ok(Some(()));
            };
            self.0.push(Relationship {
                id,
                kind: kind.rsplit('/').next().unwrap_or("").to_string(),
                target: resolve(&self.1, &target),
            });
        }
        Ok(Some(()))
    }
    fn text(&mut self, _: &str) -> Result<(), String> {
        Ok(())
    }
    fn end(&mut self, _: ()) -> Result<(), String> {
        Ok(())
    }
}

/// A relationship target as an archive name: `/word/x.xml` is absolute, `x.xml` and
/// `../y.xml` are relative to `base` (a folder ending in `/`, or empty).
fn resolve(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{base}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for piece in joined.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            piece => parts.push(piece),
        }
    }
    parts.join("/")
}
