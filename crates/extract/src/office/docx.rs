//! Word (Office Open XML): the body of `word/document.xml`, its headers and footers, the
//! footnotes, endnotes and comments, each from its own part.

use std::collections::{HashMap, HashSet};

use super::archive::Archive;
use super::flow::{inline, Builder};
use super::numbering::{label, NoteFormats};
use super::rels::{relationships, rels_of, Relationship};
use super::xml::{walk, Element, Handler, Ns};
use super::Document;

const MAIN: &str = "word/document.xml";

/// The text of a Word document: the main part (found through the package relationships,
/// else by its usual name) and the parts its relationships name.
pub(super) fn read(archive: &mut Archive) -> Result<Document, String> {
    let package = relationships(archive, "_rels/.rels")?;
    let main = package
        .iter()
        .find(|r| r.kind == "officeDocument" && archive.find(&r.target).is_some())
        .map_or(MAIN.to_string(), |r| r.target.clone());
    let xml = archive
        .read(&main)?
        .ok_or_else(|| format!("geen {MAIN}: dit is geen Word-document"))?;
    let rels = relationships(archive, &rels_of(&main))?;
    let target = |kind: &str| {
        rels.iter()
            .find(|r| r.kind == kind)
            .map_or(format!("word/{kind}.xml"), |r| r.target.clone())
    };
    let mut refs = Refs::default();
    let name = target("settings");
    if let Some(settings) = archive.read(&name)? {
        walk(&settings, &name, &mut refs.formats)?;
    }
    let mut doc = Document {
        body: part(&xml, &main, &mut refs)?.lines,
        ..Document::default()
    };
    drop(xml);
    doc.footnotes = notes(archive, &target("footnotes"), &mut refs, false)?;
    doc.endnotes = notes(archive, &target("endnotes"), &mut refs, true)?;
    let name = target("comments");
    if let Some(xml) = archive.read(&name)? {
        doc.comments = part(&xml, &name, &mut refs)?.comments;
    }
    doc.headers = margins(archive, &rels, "header", &refs.headers)?;
    doc.footers = margins(archive, &rels, "footer", &refs.footers)?;
    Ok(doc)
}

/// The footnotes (or `endnotes`) of part `name`, labelled with their numbers: those cited
/// in the body in order of citation, then any others.
fn notes(
    archive: &mut Archive,
    name: &str,
    refs: &mut Refs,
    endnotes: bool,
) -> Result<Vec<(String, String)>, String> {
    let Some(xml) = archive.read(name)? else {
        return Ok(Vec::new());
    };
    let notes = part(&xml, name, refs)?.notes;
    let (numbers, format) = if endnotes {
        (&mut refs.endnotes, &refs.formats.endnotes)
    } else {
        (&mut refs.footnotes, &refs.formats.footnotes)
    };
    let mut numbered: Vec<(usize, String)> = notes
        .into_iter()
        .map(|(id, text)| (numbers.number(&id), text))
        .collect();
    numbered.sort_by_key(|(number, _)| *number);
    Ok(numbered
        .into_iter()
        .map(|(number, text)| (label(number, format), text))
        .collect())
}

/// The texts of the headers (`kind` "header") or footers: each part once, those the
/// sections refer to (`ids`) first; without relationships, the parts by their usual names.
fn margins(
    archive: &mut Archive,
    rels: &[Relationship],
    kind: &str,
    ids: &[String],
) -> Result<Vec<String>, String> {
    let by_id: HashMap<&str, &str> = rels
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| (r.id.as_str(), r.target.as_str()))
        .collect();
    let mut names: Vec<String> = ids
        .iter()
        .filter_map(|id| by_id.get(id.as_str()))
        .copied()
        .chain(
            rels.iter()
                .filter(|r| r.kind == kind)
                .map(|r| r.target.as_str()),
        )
        .map(str::to_string)
        .collect();
    if rels.is_empty() {
        let prefix = format!("word/{kind}");
        names = archive
            .names()
            .into_iter()
            .filter(|n| n.starts_with(&prefix) && n.ends_with(".xml"))
            .collect();
    }
    let mut read = HashSet::new();
    let mut texts = Vec::new();
    for name in names {
        if !read.insert(name.clone()) {
            continue;
        }
        if let Some(xml) = archive.read(&name)? {
            let lines = part(&xml, &name, &mut Refs::default())?.lines;
            texts.push(inline(&lines, " "));
        }
    }
    Ok(texts)
}

/// Numbers in order of first reference, by note id.
#[derive(Default)]
struct Numbers(HashMap<String, usize>);

impl Numbers {
    fn number(&mut self, id: &str) -> usize {
        let next = self.0.len() + 1;
        *self.0.entry(id.to_string()).or_insert(next)
    }
}

/// What the body tells about the other parts.
#[derive(Default)]
struct Refs {
    formats: NoteFormats,
    footnotes: Numbers,
    endnotes: Numbers,
    headers: Vec<String>,
    footers: Vec<String>,
}

/// What one part gave.
struct Part {
    lines: Vec<String>,
    /// Footnotes or endnotes: id and text.
    notes: Vec<(String, String)>,
    /// Comments: author and text.
    comments: Vec<(String, String)>,
}

fn part(xml: &str, name: &str, refs: &mut Refs) -> Result<Part, String> {
    let mut reader = Reader {
        flow: Builder::default(),
        refs,
        run_text: None,
        fields: Vec::new(),
        in_instruction: 0,
        alternatives: Vec::new(),
        notes: Vec::new(),
        comments: Vec::new(),
    };
    walk(xml, name, &mut reader)?;
    Ok(Part {
        notes: reader.notes,
        comments: reader.comments,
        lines: reader.flow.finish(),
    })
}

enum Open {
    Nothing,
    /// A paragraph, table, row, cell or text box of the builder.
    Frame,
    /// `w:t` or `m:t`: its text is gathered and written at its end.
    RunText,
    Alternatives,
    Note(String),
    Comment(String),
}

struct Reader<'r> {
    flow: Builder,
    refs: &'r mut Refs,
    /// The text of the open `w:t` and whether it keeps its white space as written.
    run_text: Option<(String, bool)>,
    /// Open complex fields: `true` while in the field code (before `separate`).
    fields: Vec<bool>,
    in_instruction: usize,
    /// Open `mc:AlternateContent`: whether one of its alternatives has been read.
    alternatives: Vec<bool>,
    notes: Vec<(String, String)>,
    comments: Vec<(String, String)>,
}

impl Handler for Reader<'_> {
    type Open = Open;

    fn start(&mut self, e: &Element) -> Result<Option<Open>, String> {
        if e.ns == Ns::M && e.local() == b"t" {
            self.run_text = Some((String::new(), true));
            return Ok(Some(Open::RunText));
        }
        if e.ns == Ns::Mc {
            return Ok(match e.local() {
                b"AlternateContent" => {
                    self.alternatives.push(false);
                    Some(Open::Alternatives)
                }
                // Word writes a text box twice: as DrawingML (the choice) and as VML (the
                // fallback). Read the first alternative only.
                b"Choice" | b"Fallback" => match self.alternatives.last_mut() {
                    Some(true) => None,
                    Some(read) => {
                        *read = true;
                        Some(Open::Nothing)
                    }
                    None => Some(Open::Nothing),
                },
                _ => Some(Open::Nothing),
            });
        }
        if e.ns != Ns::W {
            return Ok(Some(Open::Nothing));
        }
        let open = match e.local() {
            b"p" => {
                self.flow.open_para();
                Open::Frame
            }
            b"tbl" if self.flow.open_table() => Open::Frame,
            b"tr" if self.flow.open_row() => Open::Frame,
            b"tc" if self.flow.open_cell() => Open::Frame,
            b"txbxContent" => {
                self.flow.open_flow();
                Open::Frame
            }
            b"t" => {
                let keep = e.attr("space").as_deref() == Some("preserve");
                self.run_text = Some((String::new(), keep));
                Open::RunText
            }
            // Deleted and moved-away text; field codes; tab stops (not tabs).
            b"del" | b"moveFrom" | b"instrText" | b"delInstrText" | b"tabs" => return Ok(None),
            b"tab" | b"ptab" => {
                self.flow.text("\t")?;
                Open::Nothing
            }
            b"br" | b"cr" => {
                self.flow.text("\n")?;
                Open::Nothing
            }
            b"noBreakHyphen" => {
                self.flow.text("-")?;
                Open::Nothing
            }
            b"fldChar" => {
                self.field(e.attr("fldCharType").as_deref());
                Open::Nothing
            }
            b"footnoteReference" | b"endnoteReference" => {
                let id = e.attr("id").unwrap_or_default();
                let refs = &mut *self.refs;
                let (numbers, format) = if e.local() == b"footnoteReference" {
                    (&mut refs.footnotes, &refs.formats.footnotes)
                } else {
                    (&mut refs.endnotes, &refs.formats.endnotes)
                };
                let mark = format!("[{}]", label(numbers.number(&id), format));
                self.flow.text(&mark)?;
                Open::Nothing
            }
            b"headerReference" | b"footerReference" => {
                if let Some(id) = e.attr("id") {
                    if e.local() == b"headerReference" {
                        self.refs.headers.push(id);
                    } else {
                        self.refs.footers.push(id);
                    }
                }
                Open::Nothing
            }
            b"footnote" | b"endnote" => {
                let kind = e.attr("type").unwrap_or_default();
                if matches!(
                    kind.as_str(),
                    "separator" | "continuationSeparator" | "continuationNotice"
                ) {
                    return Ok(None);
                }
                self.flow.open_flow();
                Open::Note(e.attr("id").unwrap_or_default())
            }
            b"comment" => {
                self.flow.open_flow();
                Open::Comment(e.attr("author").unwrap_or_default())
            }
            _ => Open::Nothing,
        };
        Ok(Some(open))
    }

    fn text(&mut self, text: &str) -> Result<(), String> {
        if let Some((gathered, _)) = &mut self.run_text {
            if self.in_instruction == 0 {
                gathered.push_str(text);
            }
        }
        Ok(())
    }

    fn end(&mut self, open: Open) -> Result<(), String> {
        match open {
            Open::Nothing => {}
            Open::Frame => self.flow.close(),
            Open::RunText => {
                if let Some((text, keep)) = self.run_text.take() {
                    self.flow
                        .text(if keep { &text } else { unindented(&text) })?;
                }
            }
            Open::Alternatives => {
                self.alternatives.pop();
            }
            Open::Note(id) => {
                let text = self.flow.close_flow();
                self.notes.push((id, text));
            }
            Open::Comment(author) => {
                let text = self.flow.close_flow();
                self.comments.push((author, text));
            }
        }
        Ok(())
    }
}

impl Reader<'_> {
    /// A complex field: its code (`begin` … `separate`) is left out, its result is read.
    fn field(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") => {
                self.fields.push(true);
                self.in_instruction += 1;
            }
            Some("separate") => {
                if let Some(code) = self.fields.last_mut() {
                    if *code {
                        *code = false;
                        self.in_instruction -= 1;
                    }
                }
            }
            Some("end") => {
                let in_code = self.fields.pop() == Some(true);
                self.in_instruction -= usize::from(in_code);
            }
            _ => {}
        }
    }
}

/// The text of a `w:t` without `xml:space="preserve"`: as written, except white space at
/// either end that holds a line end, which is indentation of pretty-printed XML. (Word
/// itself writes `preserve` whenever a run starts or ends with a space; spaces written
/// without it are kept rather than lost.)
fn unindented(text: &str) -> &str {
    let mut text = text;
    let start = text.len() - text.trim_start().len();
    if text[..start].contains(['\n', '\r']) {
        text = &text[start..];
    }
    let end = text.trim_end().len();
    if text[end..].contains(['\n', '\r']) {
        text = &text[..end];
    }
    text
}
