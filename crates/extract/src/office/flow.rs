//! The block structure of a word-processing document turned into lines, in reading order: a
//! paragraph is a line; a table row is a line with its cells joined by " | "; a table inside
//! a cell stays in that cell, its rows joined by "; "; a text box inside a paragraph puts its
//! paragraphs on lines of their own within it. Both readers (DOCX, ODT) drive this.

/// Tables nested deeper than this are read as if their cells were paragraphs of the
/// innermost cell that is kept.
pub(super) const MAX_TABLE_DEPTH: usize = 32;

/// Text out of one part; with `text:s` a few bytes of XML can ask for many spaces.
pub(super) const MAX_TEXT: usize = 64 << 20;

enum Frame {
    /// A run of blocks: the body, a text box, a note, a comment, a header.
    Flow(Vec<String>),
    Table(Vec<Vec<String>>),
    Row(Vec<String>),
    /// A cell's paragraphs.
    Cell(Vec<String>),
    Para(Para),
}

struct Para {
    text: String,
    /// A text box was put in this paragraph; text after it starts a new line.
    pending_break: bool,
    /// OpenDocument: the last character was collapsible white space (or none was written
    /// yet), so further white space in the XML is not written.
    odf_space: bool,
}

pub(super) struct Builder {
    stack: Vec<Frame>,
    tables: usize,
    written: usize,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            stack: vec![Frame::Flow(Vec::new())],
            tables: 0,
            written: 0,
        }
    }
}

impl Builder {
    pub(super) fn open_para(&mut self) {
        self.stack.push(Frame::Para(Para {
            text: String::new(),
            pending_break: false,
            odf_space: true,
        }));
    }

    /// Starts a table; `false` when tables are already nested too deep (then nothing is
    /// opened, and rows and cells inside are not either).
    pub(super) fn open_table(&mut self) -> bool {
        if self.tables >= MAX_TABLE_DEPTH {
            return false;
        }
        self.tables += 1;
        self.stack.push(Frame::Table(Vec::new()));
        true
    }

    /// Starts a row, when a table is open right here.
    pub(super) fn open_row(&mut self) -> bool {
        let here = matches!(self.stack.last(), Some(Frame::Table(_)));
        if here {
            self.stack.push(Frame::Row(Vec::new()));
        }
        here
    }

    /// Starts a cell, when a row is open right here.
    pub(super) fn open_cell(&mut self) -> bool {
        let here = matches!(self.stack.last(), Some(Frame::Row(_)));
        if here {
            self.stack.push(Frame::Cell(Vec::new()));
        }
        here
    }

    /// Starts a flow: a text box (closed with [`Builder::close`], it lands where it stands),
    /// or a note, comment or header (closed with [`Builder::close_flow`], it is handed back).
    pub(super) fn open_flow(&mut self) {
        self.stack.push(Frame::Flow(Vec::new()));
    }

    /// Closes what was opened last and puts it into what holds it.
    pub(super) fn close(&mut self) {
        if self.stack.len() < 2 {
            return;
        }
        match self.stack.pop() {
            Some(Frame::Para(para)) => self.give(vec![para.text], " "),
            Some(Frame::Table(rows)) => {
                self.tables -= 1;
                let rows = rows.into_iter().map(|cells| cells.join(" | ")).collect();
                self.give(rows, "; ");
            }
            Some(Frame::Row(cells)) => {
                if let Some(Frame::Table(rows)) = self.stack.last_mut() {
                    rows.push(cells);
                }
            }
            Some(Frame::Cell(paras)) => {
                let text = inline(&paras, " ");
                if let Some(Frame::Row(cells)) = self.stack.last_mut() {
                    cells.push(text);
                }
            }
            Some(Frame::Flow(lines)) => self.give(lines, " "),
            None => {}
        }
    }

    /// Closes the flow opened last and hands back its text as one line.
    pub(super) fn close_flow(&mut self) -> String {
        if self.stack.len() < 2 {
            return String::new();
        }
        match self.stack.pop() {
            Some(Frame::Flow(lines)) => inline(&lines, " "),
            Some(other) => {
                // Not reached: opening and closing are paired by the readers.
                self.stack.push(other);
                self.close();
                String::new()
            }
            None => String::new(),
        }
    }

    /// Closes everything still open and hands back the lines of the outermost flow.
    pub(super) fn finish(mut self) -> Vec<String> {
        while self.stack.len() > 1 {
            self.close();
        }
        match self.stack.pop() {
            Some(Frame::Flow(lines)) => lines,
            _ => Vec::new(),
        }
    }

    /// Text as given, into the paragraph open right here (elsewhere it is not text of the
    /// document, e.g. white space between elements). Only a soft hyphen (U+00AD) is left out
    /// and a non-breaking hyphen (U+2011) written as "-", as their Word elements are, so
    /// that the word is found whichever way it was written.
    pub(super) fn text(&mut self, text: &str) -> Result<(), String> {
        if text.contains(['\u{AD}', '\u{2011}']) {
            let plain = text.replace('\u{AD}', "").replace('\u{2011}', "-");
            return self.text(&plain);
        }
        if let Some(Frame::Para(para)) = self.stack.last_mut() {
            self.written += text.len();
            if self.written > MAX_TEXT {
                return Err(format!(
                    "een onderdeel van het document geeft meer dan {} MB tekst; de tekst is niet gelezen",
                    MAX_TEXT >> 20
                ));
            }
            if para.pending_break {
                para.text.push('\n');
                para.pending_break = false;
            }
            para.text.push_str(text);
            para.odf_space = false;
        }
        Ok(())
    }

    /// OpenDocument character data: white space (space, tab, line end) counts as one space,
    /// and none at the start of a paragraph or right after another; `text:s`, `text:tab` and
    /// `text:line-break` are what write more (through [`Builder::text`]).
    pub(super) fn odf_text(&mut self, text: &str) -> Result<(), String> {
        let Some(Frame::Para(para)) = self.stack.last_mut() else {
            return Ok(());
        };
        let mut space = para.odf_space;
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                if !space {
                    out.push(' ');
                    space = true;
                }
            } else {
                out.push(c);
                space = false;
            }
        }
        if out.is_empty() {
            return Ok(());
        }
        self.text(&out)?;
        if let Some(Frame::Para(para)) = self.stack.last_mut() {
            para.odf_space = space;
        }
        Ok(())
    }

    /// Puts the lines of a closed table or flow into what is open now.
    fn give(&mut self, lines: Vec<String>, joiner: &str) {
        match self.stack.last_mut() {
            Some(Frame::Flow(out)) => out.extend(lines),
            Some(Frame::Cell(paras)) => paras.push(inline(&lines, joiner)),
            Some(Frame::Row(cells)) => cells.push(inline(&lines, joiner)),
            Some(Frame::Table(rows)) => rows.push(vec![inline(&lines, joiner)]),
            Some(Frame::Para(para)) => {
                let block: Vec<&str> = lines
                    .iter()
                    .map(String::as_str)
                    .filter(|line| !line.trim().is_empty())
                    .collect();
                if block.is_empty() {
                    return;
                }
                if !para.text.is_empty() {
                    para.text.push('\n');
                }
                para.text.push_str(&block.join("\n"));
                para.pending_break = true;
                para.odf_space = true;
            }
            None => {}
        }
    }
}

/// Lines as one line: each trimmed, empty ones left out, joined by `joiner`; line breaks
/// within them become spaces.
pub(super) fn inline(lines: &[String], joiner: &str) -> String {
    lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(joiner)
        .split('\n')
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
