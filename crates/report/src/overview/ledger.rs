//! The register Awb 9:12a asks of a body, as a table of one row per dossier: kenmerk,
//! ontvangen, instantie, onderwerp, oordeel, afgerond op, weken. A year holds hundreds of
//! rows, and the layout engine spends about a millisecond on each cell it lays out, so the rows
//! are drawn as vector text instead: each cell's text is broken into lines here (measured with
//! the frame's font, at the columns' fixed widths), the HTML gets a box of exactly that height
//! per row (which the layout engine pages like any block, never splitting one), and after
//! layout the text is drawn into each box ([`super::drawing`]). Each box holds a no-break
//! space: the layout engine (printpdf 0.12.8) drops blocks without any text from the end of a
//! document when it counts its pages. The header row is ordinary
//! HTML at the same widths, so the columns line up.

use crate::html::escape;
use crate::overview::drawing::{marker_css, point, rgb, stroke, text, text_width, Mark};
use crate::overview::register::{verdict_summary, weeks};
use crate::pdf::PageFont;
use printpdf::{Op, ParsedFont, Pt};
use wederhoor_core::signals::RegisterEntry;

/// The red channel of a row's box; green and blue number the row.
pub const MARK: u8 = 0xfd;
/// The columns: header and width in pt (together 440 pt, within A4's text width).
const COLUMNS: [(&str, f32); 7] = [
    ("Kenmerk", 46.0),
    ("Ontvangen", 46.0),
    ("Instantie", 92.0),
    ("Onderwerp", 120.0),
    ("Oordeel", 62.0),
    ("Afgerond op", 46.0),
    ("Weken", 28.0),
];
/// Room between a cell's text and the next column.
const GAP: f32 = 4.0;
const SIZE: f32 = 8.5;
const LEADING: f32 = SIZE * 1.25;
/// Above and below a row's text.
const PAD: f32 = 2.0;
const INK: (f32, f32, f32) = (0.1, 0.1, 0.1);
const RULE: (f32, f32, f32) = (0.8, 0.8, 0.8);
/// The column names repeated over a later page's rows.
const HEADER_SIZE: f32 = 7.5;
const HEADER_INK: (f32, f32, f32) = (0.33, 0.33, 0.33);

/// The table's width in pt.
pub fn width() -> f32 {
    COLUMNS.iter().map(|(_, w)| w).sum()
}

/// The register's rows, each cell broken into the lines it is drawn in.
pub struct Ledger {
    rows: Vec<[Vec<String>; 7]>,
}

/// The width of a text at the table's size: measured with the font, or (should the committed
/// font ever fail to parse) estimated at half an em a letter.
fn measure(font: Option<&ParsedFont>, s: &str) -> f32 {
    match font {
        Some(f) => text_width(f, SIZE, s),
        None => s.chars().count() as f32 * SIZE * 0.5,
    }
}

/// A text broken into lines of at most `room` pt: at spaces, else after a hyphen, else (a
/// word wider than the column) between letters.
pub fn break_lines(font: Option<&ParsedFont>, room: f32, text: &str) -> Vec<String> {
    let fits = |s: &str| measure(font, s) <= room;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let joined = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&joined) {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word.to_string();
        while !fits(&rest) {
            let chars: Vec<char> = rest.chars().collect();
            let fitting = (1..chars.len())
                .rev()
                .find(|&n| fits(&chars[..n].iter().collect::<String>()))
                .unwrap_or(1);
            let at = (1..=fitting)
                .rev()
                .find(|&n| chars[n - 1] == '-')
                .unwrap_or(fitting);
            lines.push(chars[..at].iter().collect());
            rest = chars[at..].iter().collect();
        }
        line = rest;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn short_date(day: chrono::NaiveDate) -> String {
    day.format("%d-%m-%Y").to_string()
}

impl Ledger {
    /// The rows of these (published) entries.
    pub fn new(register: &[RegisterEntry], font: Option<&ParsedFont>) -> Self {
        let rows = register
            .iter()
            .map(|e| {
                let cells = [
                    e.reference.clone(),
                    short_date(e.received_on),
                    e.bodies.join("; "),
                    e.title.clone(),
                    verdict_summary(&e.verdicts),
                    e.completed_on
                        .map(short_date)
                        .unwrap_or_else(|| "nog niet afgerond".into()),
                    weeks(e).map(|w| w.to_string()).unwrap_or_default(),
                ];
                let mut broken: [Vec<String>; 7] = Default::default();
                for (i, cell) in cells.iter().enumerate() {
                    broken[i] = break_lines(font, COLUMNS[i].1 - GAP, cell);
                }
                broken
            })
            .collect();
        Ledger { rows }
    }

    /// The lines of each cell of row `index`, for tests.
    #[cfg(test)]
    pub fn row(&self, index: usize) -> &[Vec<String>; 7] {
        &self.rows[index]
    }

    fn height(row: &[Vec<String>; 7]) -> f32 {
        let lines = row.iter().map(Vec::len).max().unwrap_or(1).max(1);
        lines as f32 * LEADING + 2.0 * PAD
    }

    /// The table in HTML: the header row, then one box per row (the first kept with the
    /// header).
    pub fn html(&self) -> String {
        let mut header = format!("<div class=\"reg-kop\" style=\"width: {}pt;\">", width());
        for (label, w) in COLUMNS {
            header.push_str(&format!(
                "<div style=\"width: {w}pt;\">{}</div>",
                escape(label)
            ));
        }
        header.push_str("</div>");
        let mut rows = self.rows.iter().enumerate().map(|(i, row)| {
            format!(
                "<div class=\"reg-rij\" style=\"width: {}pt; height: {:.2}pt; {}\">&#160;</div>",
                width(),
                Self::height(row),
                marker_css(MARK, i)
            )
        });
        let mut html = format!(
            "<div class=\"bijeen\">{header}{}</div>",
            rows.next().unwrap_or_default()
        );
        html.extend(rows);
        html
    }

    /// Row `mark.index` drawn into its box: each cell's lines, and a rule beneath. The first
    /// row of a later page gets the column names above it, in the page's top margin, so a
    /// reader of page 12 still knows what each column is.
    pub fn draw(&self, mark: Mark, font: &PageFont<'_>, first_on_page: bool) -> Vec<Op> {
        let Some(row) = self.rows.get(mark.index) else {
            return Vec::new();
        };
        let b = mark.bounds;
        let mut ops = vec![
            Op::SaveGraphicsState,
            Op::SetOutlineColor { col: rgb(RULE) },
            Op::SetOutlineThickness { pt: Pt(0.5) },
            stroke(vec![point(b.left, b.bottom), point(b.right, b.bottom)]),
        ];
        if first_on_page && mark.index > 0 {
            let mut x = b.left;
            for (label, w) in COLUMNS {
                ops.extend(text(
                    font,
                    HEADER_SIZE,
                    HEADER_INK,
                    (x, b.top + 4.0),
                    0.0,
                    label,
                ));
                x += w;
            }
            ops.push(Op::SetOutlineColor {
                col: rgb(HEADER_INK),
            });
            ops.push(stroke(vec![
                point(b.left, b.top + 1.5),
                point(b.right, b.top + 1.5),
            ]));
        }
        let first_baseline = b.top - PAD - SIZE * 0.96;
        let mut x = b.left;
        for (cell, (_, w)) in row.iter().zip(COLUMNS) {
            for (n, line) in cell.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
                let y = first_baseline - n as f32 * LEADING;
                ops.extend(text(font, SIZE, INK, (x, y), 0.0, line));
            }
            x += w;
        }
        ops.push(Op::RestoreGraphicsState);
        ops
    }
}
