//! Vector drawing onto laid-out pages: the HTML reserves a box with a marker background (its
//! red channel says what the box is for, green and blue which one), and after layout every
//! such filled rectangle is found among a page's operations and replaced by what is drawn into
//! its bounds. Here also the few primitives those drawings use: text measured with the frame's
//! font and written at a place, stroked lines and filled shapes.

use crate::pdf::PageFont;
use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, ParsedFont, PdfFontHandle, Point, Polygon, PolygonRing,
    Pt, Rgb, TextItem, WindingOrder,
};

/// A box's place on the page, in pt from the bottom left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Left edge.
    pub left: f32,
    /// Bottom edge.
    pub bottom: f32,
    /// Right edge.
    pub right: f32,
    /// Top edge.
    pub top: f32,
}

/// A marker box found on a page: what it is for and which one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// The marker's kind (its red channel).
    pub kind: u8,
    /// Its number (green × 256 + blue).
    pub index: usize,
    /// Where the layout put it.
    pub bounds: Bounds,
}

/// The CSS background of marker box `index` of `kind`.
pub fn marker_css(kind: u8, index: usize) -> String {
    format!(
        "background-color: #{kind:02x}{:02x}{:02x};",
        (index >> 8) & 0xff,
        index & 0xff
    )
}

/// A colour from channels between 0 and 1.
pub fn rgb((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

/// The marker an op sets as fill colour, if it is one of `kinds`: each channel a whole
/// multiple of 1/255, as the layout passes CSS colours on.
fn marker(op: &Op, kinds: &[u8]) -> Option<(u8, usize)> {
    let Op::SetFillColor { col: Color::Rgb(c) } = op else {
        return None;
    };
    let byte = |v: f32| {
        let scaled = v * 255.0;
        ((scaled - scaled.round()).abs() < 0.01 && (0.0..=255.0).contains(&scaled))
            .then_some(scaled.round() as usize)
    };
    let (r, g, b) = (byte(c.r)?, byte(c.g)?, byte(c.b)?);
    let kind = kinds.iter().copied().find(|k| *k as usize == r)?;
    Some((kind, g * 256 + b))
}

/// The bounds of a filled polygon.
fn bounds(op: &Op) -> Option<Bounds> {
    let Op::DrawPolygon { polygon } = op else {
        return None;
    };
    let mut points = polygon.rings.iter().flat_map(|r| r.points.iter());
    let first = points.next()?;
    let (x, y) = (first.p.x.0, first.p.y.0);
    let mut b = Bounds {
        left: x,
        bottom: y,
        right: x,
        top: y,
    };
    for p in points {
        b.left = b.left.min(p.p.x.0);
        b.right = b.right.max(p.p.x.0);
        b.bottom = b.bottom.min(p.p.y.0);
        b.top = b.top.max(p.p.y.0);
    }
    Some(b)
}

/// Replaces every marker box of `kinds` on the page by what `draw` makes of it.
pub fn replace_marks(ops: &mut Vec<Op>, kinds: &[u8], mut draw: impl FnMut(Mark) -> Vec<Op>) {
    if !ops.iter().any(|op| marker(op, kinds).is_some()) {
        return;
    }
    let mut out = Vec::with_capacity(ops.len());
    let mut rest = std::mem::take(ops).into_iter().peekable();
    while let Some(op) = rest.next() {
        let found = marker(&op, kinds).and_then(|(kind, index)| {
            let b = rest.peek().and_then(bounds)?;
            Some(Mark {
                kind,
                index,
                bounds: b,
            })
        });
        match found {
            Some(mark) => {
                rest.next();
                out.extend(draw(mark));
            }
            None => out.push(op),
        }
    }
    *ops = out;
}

/// The width of a text in the frame's font, in pt.
pub fn text_width(font: &ParsedFont, size: f32, text: &str) -> f32 {
    let units = font.pdf_font_metrics.units_per_em.max(1) as f32;
    let advance: u32 = text
        .chars()
        .map(|c| {
            font.lookup_glyph_index(c as u32)
                .map(|g| font.get_horizontal_advance(g) as u32)
                .unwrap_or(units as u32 / 2)
        })
        .sum();
    advance as f32 / units * size
}

/// A line of text; `anchor` 0 puts its start at `x`, 0.5 its middle, 1 its end.
pub fn text(
    font: &PageFont<'_>,
    size: f32,
    colour: (f32, f32, f32),
    (x, y): (f32, f32),
    anchor: f32,
    s: &str,
) -> Vec<Op> {
    let x = x - anchor * text_width(font.parsed, size, s);
    vec![
        Op::StartTextSection,
        Op::SetFillColor { col: rgb(colour) },
        Op::SetFont {
            font: PdfFontHandle::External(font.id.clone()),
            size: Pt(size),
        },
        Op::SetTextCursor {
            pos: Point { x: Pt(x), y: Pt(y) },
        },
        Op::ShowText {
            items: vec![TextItem::Text(s.to_string())],
        },
        Op::EndTextSection,
    ]
}

/// A point for a path.
pub fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

/// A filled shape through these points.
pub fn fill(points: Vec<LinePoint>) -> Op {
    Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing { points }],
            mode: PaintMode::Fill,
            winding_order: WindingOrder::NonZero,
        },
    }
}

/// An open line through these points, in the current outline colour and thickness.
pub fn stroke(points: Vec<LinePoint>) -> Op {
    Op::DrawLine {
        line: Line {
            points,
            is_closed: false,
        },
    }
}
