//! HTML to PDF through printpdf's HTML mode: A4, the committed Liberation Serif embedded and
//! subset, a running header (ombudsman, kind, reference, marking) and a footer with
//! "pagina X van Y" on every page, and the document's title and language in its metadata.
//!
//! printpdf's own page numbers are English ("Page X of Y"), so the header and footer are
//! drawn here, as text operations added to each laid-out page.

use crate::error::{ReportError, Result};
use printpdf::html::{build_font_pool, SharedFontPool};
use printpdf::{
    Base64OrRaw, Color, FontId, GeneratePdfOptions, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle,
    PdfSaveOptions, Point, Pt, Rgb, TextItem,
};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../fonts/LiberationSerif-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf");

const PAGE_WIDTH_MM: f32 = 210.0;
const PAGE_HEIGHT_MM: f32 = 297.0;
const MARGIN_SIDE_MM: f32 = 25.0;
const MARGIN_TOP_MM: f32 = 25.0;
const MARGIN_BOTTOM_MM: f32 = 22.0;

/// What goes around the text on every page, and into the metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFrame {
    /// Running header, e.g. "Rapport 2019-0117 · Vertrouwelijk".
    pub header: String,
    /// Left part of the footer, e.g. "Gemeentelijke ombudsman Voorbeeldstad · 15 juli 2019".
    pub footer: String,
    /// Document title for the PDF metadata.
    pub title: String,
    /// Author for the metadata (the ombudsman).
    pub author: String,
}

fn font_map() -> BTreeMap<String, Vec<u8>> {
    BTreeMap::from([
        ("LiberationSerif-Regular".to_string(), REGULAR.to_vec()),
        ("LiberationSerif-Bold".to_string(), BOLD.to_vec()),
        ("LiberationSerif-Italic".to_string(), ITALIC.to_vec()),
        (
            "LiberationSerif-BoldItalic".to_string(),
            BOLD_ITALIC.to_vec(),
        ),
    ])
}

/// The parsed fonts, built once per process: parsing them is most of a small export's cost.
fn font_pool() -> SharedFontPool {
    static POOL: OnceLock<SharedFontPool> = OnceLock::new();
    POOL.get_or_init(|| build_font_pool(&font_map(), Some(&[crate::html::FONT_FAMILY])))
        .clone()
}

/// Parses the fonts now instead of at the first export (done once per process; the benchmark
/// times it on its own).
pub fn load_fonts() {
    let _ = font_pool();
    let _ = frame_font();
}

/// The regular face the page frame writes with, parsed once per process: also what text
/// drawn onto a page after layout is measured with before it is laid out.
pub fn frame_font() -> Option<&'static ParsedFont> {
    static FONT: OnceLock<Option<ParsedFont>> = OnceLock::new();
    FONT.get_or_init(|| ParsedFont::from_bytes(REGULAR, 0, &mut Vec::new()))
        .as_ref()
}

fn text_line(font: &FontId, size: f32, x_mm: f32, y_mm: f32, text: &str) -> Vec<Op> {
    vec![
        Op::StartTextSection,
        Op::SetFillColor {
            col: Color::Rgb(Rgb::new(0.33, 0.33, 0.33, None)),
        },
        Op::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: Pt(size),
        },
        Op::SetTextCursor {
            pos: Point::new(Mm(x_mm), Mm(y_mm)),
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        },
        Op::EndTextSection,
    ]
}

/// The frame's font as a drawing added to a page needs it: its id in the document, to write
/// with, and the parsed font, to measure text.
pub struct PageFont<'a> {
    /// The font's id in the document being made.
    pub id: &'a FontId,
    /// The parsed font (its glyph advances).
    pub parsed: &'a ParsedFont,
}

/// Lays out the HTML on A4 pages and returns the PDF's bytes and its number of pages.
pub fn render(html: &str, frame: &PageFrame) -> Result<(Vec<u8>, usize)> {
    render_drawn(html, frame, &mut |_, _| {})
}

/// As [`render`], with `draw` given each laid-out page's operations (before the header and
/// footer go on), so an export can replace a placeholder box by a vector drawing.
pub fn render_drawn(
    html: &str,
    frame: &PageFrame,
    draw: &mut dyn FnMut(&mut Vec<Op>, &PageFont<'_>),
) -> Result<(Vec<u8>, usize)> {
    let fonts: BTreeMap<String, Base64OrRaw> = font_map()
        .into_iter()
        .map(|(name, bytes)| (name, Base64OrRaw::Raw(bytes)))
        .collect();
    let options = GeneratePdfOptions {
        page_width: Some(PAGE_WIDTH_MM),
        page_height: Some(PAGE_HEIGHT_MM),
        margin_top: Some(MARGIN_TOP_MM),
        margin_bottom: Some(MARGIN_BOTTOM_MM),
        margin_left: Some(MARGIN_SIDE_MM),
        margin_right: Some(MARGIN_SIDE_MM),
        ..GeneratePdfOptions::default()
    };
    let mut warnings = Vec::new();
    // The layout engine is a large third-party crate: a panic inside it must become an
    // error for this export, not the end of the app.
    let laid_out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        PdfDocument::from_html_with_cache(
            html,
            &BTreeMap::new(),
            &fonts,
            &options,
            &mut warnings,
            Some(font_pool()),
        )
    }))
    .map_err(|_| ReportError::Layout("de opmaak brak onverwacht af".into()))?;
    let mut doc = laid_out.map_err(ReportError::Layout)?;
    if doc.pages.is_empty() {
        return Err(ReportError::Layout("er is geen pagina opgemaakt".into()));
    }
    let font = frame_font().ok_or_else(|| ReportError::Layout("lettertype onleesbaar".into()))?;
    let font_id = doc.add_font(font);
    let total = doc.pages.len();
    let page_font = PageFont {
        id: &font_id,
        parsed: font,
    };
    for (index, page) in doc.pages.iter_mut().enumerate() {
        draw(&mut page.ops, &page_font);
        page.ops.extend(text_line(
            &font_id,
            8.5,
            MARGIN_SIDE_MM,
            PAGE_HEIGHT_MM - 14.0,
            &frame.header,
        ));
        let footer = format!("{} · pagina {} van {}", frame.footer, index + 1, total);
        page.ops
            .extend(text_line(&font_id, 8.5, MARGIN_SIDE_MM, 12.0, &footer));
    }
    doc.metadata.info.document_title = frame.title.clone();
    doc.metadata.info.author = frame.author.clone();
    doc.metadata.info.creator = "Wederhoor".into();
    doc.metadata.info.producer = "Wederhoor (printpdf)".into();
    // The moment of the export, not the layout engine's default of 1 January 1970.
    let now = printpdf::OffsetDateTime::now();
    doc.metadata.info.creation_date = now;
    doc.metadata.info.modification_date = now;
    doc.metadata.info.metadata_date = now;
    let save = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut lopdf_doc = doc.to_lopdf_document(&save, &mut warnings);
    set_language(&mut lopdf_doc);
    compress_streams(&mut lopdf_doc);
    let mut bytes = Vec::new();
    lopdf_doc
        .save_to(&mut bytes)
        .map_err(|e| ReportError::Layout(format!("PDF niet te schrijven: {e}")))?;
    Ok((bytes, total))
}

/// Deflates every stream that is not compressed yet, at a fast level: lopdf's own `compress`
/// uses the best (slowest) level, which costs more time than it saves bytes here.
fn compress_streams(doc: &mut lopdf::Document) {
    use flate2::write::ZlibEncoder;
    use flate2::Compression;
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() || stream.content.len() < 64 {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
        if encoder.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(compressed) = encoder.finish() {
            if compressed.len() < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
}

/// Sets `/Lang (nl-NL)` in the document catalogue, so readers and screen readers know the
/// language.
fn set_language(doc: &mut lopdf::Document) {
    let root = doc.trailer.get(b"Root").and_then(|o| o.as_reference());
    if let Ok(id) = root {
        if let Ok(catalog) = doc.get_object_mut(id).and_then(|o| o.as_dict_mut()) {
            catalog.set("Lang", lopdf::Object::string_literal("nl-NL"));
        }
    }
}
