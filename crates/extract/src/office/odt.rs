//! OpenDocument Text: the body (`office:text` in `content.xml`) with its notes and comments,
//! and the headers and footers of the master pages in `styles.xml`.

use super::archive::Archive;
use super::flow::Builder;
use super::xml::{walk, Element, Handler, Ns};
use super::Document;

/// More than this many spaces from one `text:s` is no letter; it only costs memory.
const MAX_SPACES: usize = 1_000;

pub(super) fn read(archive: &mut Archive) -> Result<Document, String> {
    let xml = archive
        .read("content.xml")?
        .ok_or("geen content.xml: dit is geen OpenDocument-tekst")?;
    let content = part(&xml, "content.xml")?;
    let (endnotes, footnotes): (Vec<_>, Vec<_>) = content
        .notes
        .into_iter()
        .partition(|(class, _, _)| class == "endnote");
    let label = |notes: Vec<(String, String, String)>| {
        notes
            .into_iter()
            .map(|(_, citation, text)| (citation, text))
            .collect()
    };
    let mut doc = Document {
        body: content.lines,
        footnotes: label(footnotes),
        endnotes: label(endnotes),
        comments: content.comments,
        ..Document::default()
    };
    if let Some(xml) = archive.read("styles.xml")? {
        let styles = part(&xml, "styles.xml")?;
        doc.headers = styles.headers;
        doc.footers = styles.footers;
    }
    Ok(doc)
}

struct Part {
    lines: Vec<String>,
    /// Class (`footnote`, `endnote`), citation and text.
    notes: Vec<(String, String, String)>,
    /// Author and text.
    comments: Vec<(String, String)>,
    headers: Vec<String>,
    footers: Vec<String>,
}

fn part(xml: &str, name: &str) -> Result<Part, String> {
    let mut reader = Reader {
        flow: Builder::default(),
        scope: 0,
        capture: Capture::None,
        notes: Vec::new(),
        creators: Vec::new(),
        done: Part {
            lines: Vec::new(),
            notes: Vec::new(),
            comments: Vec::new(),
            headers: Vec::new(),
            footers: Vec::new(),
        },
    };
    walk(xml, name, &mut reader)?;
    let mut done = reader.done;
    done.lines = reader.flow.finish();
    Ok(done)
}

enum Open {
    Nothing,
    /// A paragraph, table, row, cell or text box of the builder.
    Frame,
    /// `office:text`: the body, where the text is.
    Body,
    /// A header (`true`) or footer of a master page.
    HeaderFooter(bool),
    Note,
    /// The citation, with `text:label` in case the element is empty.
    Citation(Option<String>),
    NoteBody,
    Annotation,
    Creator,
}

#[derive(PartialEq)]
enum Capture {
    None,
    Citation,
    Creator,
}

struct Reader {
    flow: Builder,
    /// How many of the elements that hold text (the body, a header) are open.
    scope: usize,
    /// Where character data goes, when not into the paragraph.
    capture: Capture,
    /// Open notes: class and citation.
    notes: Vec<(String, String)>,
    /// Authors of the open comments.
    creators: Vec<String>,
    done: Part,
}

impl Handler for Reader {
    type Open = Open;

    fn start(&mut self, e: &Element) -> Result<Option<Open>, String> {
        if e.is(Ns::Office, "text") {
            self.scope += 1;
            return Ok(Some(Open::Body));
        }
        if matches!(e.ns, Ns::Style | Ns::Loext)
            && matches!(
                e.local(),
                b"header"
                    | b"header-left"
                    | b"header-first"
                    | b"footer"
                    | b"footer-left"
                    | b"footer-first"
            )
        {
            if e.attr("display").as_deref() == Some("false") {
                return Ok(None);
            }
            self.scope += 1;
            self.flow.open_flow();
            return Ok(Some(Open::HeaderFooter(e.local().starts_with(b"header"))));
        }
        if self.scope == 0 {
            return Ok(Some(Open::Nothing));
        }
        let open = match (e.ns, e.local()) {
            (Ns::Text, b"p" | b"h") => {
                self.flow.open_para();
                Open::Frame
            }
            (Ns::Table, b"table") if self.flow.open_table() => Open::Frame,
            (Ns::Table, b"table-row") if self.flow.open_row() => Open::Frame,
            (Ns::Table, b"table-cell") if self.flow.open_cell() => Open::Frame,
            (Ns::Draw, b"text-box") => {
                self.flow.open_flow();
                Open::Frame
            }
            // Deleted text of tracked changes; declarations, forms, images, alternative text.
            (
                Ns::Text,
                b"tracked-changes"
                | b"sequence-decls"
                | b"variable-decls"
                | b"user-field-decls"
                | b"dde-connection-decls",
            )
            | (Ns::Office, b"forms" | b"binary-data")
            | (Ns::Svg, b"title" | b"desc") => return Ok(None),
            (Ns::Text, b"s") => {
                let count = e
                    .attr("c")
                    .and_then(|c| c.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(MAX_SPACES);
                self.flow.text(&" ".repeat(count))?;
                Open::Nothing
            }
            (Ns::Text, b"tab") => {
                self.flow.text("\t")?;
                Open::Nothing
            }
            (Ns::Text, b"line-break") => {
                self.flow.text("\n")?;
                Open::Nothing
            }
            (Ns::Text, b"note") => {
                let class = e.attr("note-class").unwrap_or_else(|| "footnote".into());
                self.notes.push((class, String::new()));
                Open::Note
            }
            (Ns::Text, b"note-citation") => {
                self.capture = Capture::Citation;
                Open::Citation(e.attr("label"))
            }
            (Ns::Text, b"note-body") => {
                self.flow.open_flow();
                Open::NoteBody
            }
            (Ns::Office, b"annotation") => {
                self.flow.open_flow();
                self.creators.push(String::new());
                Open::Annotation
            }
            (Ns::Dc, b"creator") if !self.creators.is_empty() => {
                self.capture = Capture::Creator;
                Open::Creator
            }
            _ => Open::Nothing,
        };
        Ok(Some(open))
    }

    fn text(&mut self, text: &str) -> Result<(), String> {
        match self.capture {
            Capture::Citation => {
                if let Some((_, citation)) = self.notes.last_mut() {
                    citation.push_str(text);
                }
            }
            Capture::Creator => {
                if let Some(creator) = self.creators.last_mut() {
                    creator.push_str(text);
                }
            }
            Capture::None => self.flow.odf_text(text)?,
        }
        Ok(())
    }

    fn end(&mut self, open: Open) -> Result<(), String> {
        match open {
            Open::Nothing => {}
            Open::Frame => self.flow.close(),
            Open::Body => self.scope -= 1,
            Open::HeaderFooter(header) => {
                self.scope -= 1;
                let text = self.flow.close_flow();
                if header {
                    self.done.headers.push(text);
                } else {
                    self.done.footers.push(text);
                }
            }
            Open::Note => {
                self.notes.pop();
            }
            Open::Citation(label) => {
                self.capture = Capture::None;
                let count = self.done.notes.len() + 1;
                if let Some((_, citation)) = self.notes.last_mut() {
                    let written = citation.trim().to_string();
                    *citation = match label {
                        _ if !written.is_empty() => written,
                        Some(label) if !label.trim().is_empty() => label.trim().to_string(),
                        _ => count.to_string(),
                    };
                    let mark = format!("[{citation}]");
                    self.flow.text(&mark)?;
                }
            }
            Open::NoteBody => {
                let text = self.flow.close_flow();
                let count = self.done.notes.len() + 1;
                if let Some((class, citation)) = self.notes.last() {
                    let citation = match citation.as_str() {
                        "" => count.to_string(),
                        citation => citation.to_string(),
                    };
                    self.done.notes.push((class.clone(), citation, text));
                }
            }
            Open::Annotation => {
                let text = self.flow.close_flow();
                let author = self.creators.pop().unwrap_or_default();
                self.done.comments.push((author.trim().to_string(), text));
            }
            Open::Creator => self.capture = Capture::None,
        }
        Ok(())
    }
}
