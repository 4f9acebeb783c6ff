//! PDF: the text layer page by page, a password where one is needed, and OCR for the pages
//! that have no text layer (scans).

use crate::ocr;
use crate::reading::{Options, Origin, Problem, Progress, Text};

/// A page with fewer letters than this is taken for a scan and read by OCR.
const SCAN_LETTERS: usize = 20;

/// Reads a PDF's text; pages without a text layer are read by OCR where it can run.
pub(crate) fn read(
    bytes: &[u8],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Text, Problem> {
    let pages = text_pages(bytes, options.password.as_deref())?;
    let scans: Vec<u32> = pages
        .iter()
        .enumerate()
        .filter(|(_, text)| text.chars().filter(|c| c.is_alphabetic()).count() < SCAN_LETTERS)
        .map(|(i, _)| i as u32 + 1)
        .collect();
    let mut text = Text::extracted(String::new());
    let mut page_texts = pages;
    if !scans.is_empty() {
        match ocr_pages(bytes, &scans, options, progress) {
            Ok(found) => {
                let all = scans.len() == page_texts.len();
                let mut confidences = Vec::new();
                for (page, found) in scans.iter().zip(found) {
                    confidences.extend(found.confidence);
                    page_texts[*page as usize - 1] = found.text;
                }
                let mean = (!confidences.is_empty())
                    .then(|| confidences.iter().sum::<f32>() / confidences.len() as f32);
                if all {
                    text.origin = Origin::Ocr;
                    text.confidence = mean;
                } else {
                    text.notes.push(format!(
                        "{} zonder tekstlaag {} met OCR gelezen{}",
                        pages_named(&scans),
                        if scans.len() == 1 { "is" } else { "zijn" },
                        mean.map(|m| format!(" (zekerheid {m:.0}%)"))
                            .unwrap_or_default()
                    ));
                }
            }
            Err(problem) if scans.len() == page_texts.len() => {
                text.problem = Some(problem);
                text.notes
                    .push("de PDF heeft geen tekstlaag (waarschijnlijk een scan)".into());
            }
            Err(problem) => {
                text.notes.push(format!(
                    "{} zonder tekstlaag niet gelezen: {problem}",
                    pages_named(&scans)
                ));
            }
        }
    }
    text.text = Some(page_texts.join("\n\u{c}\n"));
    Ok(text)
}

fn pages_named(pages: &[u32]) -> String {
    let list = pages
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if pages.len() == 1 {
        format!("pagina {list}")
    } else {
        format!("de pagina's {list}")
    }
}

fn ocr_pages(
    bytes: &[u8],
    pages: &[u32],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<ocr::OcrText>, Problem> {
    if options.no_ocr {
        return Err(Problem::OcrUnavailable("OCR stond uit".into()));
    }
    ocr::check_available()?;
    let dir = tempfile::tempdir().map_err(|e| Problem::OcrFailed(e.to_string()))?;
    let pdf = dir.path().join("document.pdf");
    std::fs::write(&pdf, bytes).map_err(|e| Problem::OcrFailed(e.to_string()))?;
    let total = pages.len() as u32;
    let mut found = Vec::with_capacity(pages.len());
    for (i, &page) in pages.iter().enumerate() {
        progress(Progress {
            step: format!("OCR, pagina {page} ({} van {total})", i + 1),
            done: i as u32,
            total,
        });
        let images = ocr::render_pdf_pages(&pdf, &[page], options.password.as_deref(), dir.path())?;
        found.push(ocr::image_file(&images[0])?);
        let _ = std::fs::remove_file(&images[0]);
    }
    progress(Progress {
        step: "OCR klaar".into(),
        done: total,
        total,
    });
    Ok(found)
}

/// The text layer of each page.
fn text_pages(bytes: &[u8], password: Option<&str>) -> Result<Vec<String>, Problem> {
    let damaged = |detail: String| Problem::Damaged {
        format: "Het PDF-bestand".into(),
        detail,
    };
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| damaged(e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        let Some(password) = password else {
            return Err(Problem::PasswordRequired);
        };
        doc.decrypt(password).map_err(|_| Problem::WrongPassword)?;
    }
    check_page_tree(&doc).map_err(damaged)?;
    let mut pages = Vec::new();
    for (number, _) in doc.get_pages() {
        let mut text = String::new();
        pdf_extract::output_doc_page(
            &doc,
            &mut pdf_extract::PlainTextOutput::new(&mut text),
            number,
        )
        .map_err(|e| damaged(e.to_string()))?;
        pages.push(text);
    }
    Ok(pages)
}

/// Refuses a page tree in which following /Parent from a page comes back to where it was:
/// pdf-extract follows /Parent without remembering where it has been (found by fuzzing).
fn check_page_tree(doc: &pdf_extract::Document) -> Result<(), String> {
    for (number, page) in doc.get_pages() {
        let mut seen = std::collections::HashSet::from([page]);
        let mut at = page;
        while let Some(parent) = doc
            .get_dictionary(at)
            .ok()
            .and_then(|dict| dict.get(b"Parent").ok())
            .and_then(|parent| parent.as_reference().ok())
        {
            if !seen.insert(parent) {
                return Err(format!(
                    "pagina {number} is via /Parent haar eigen voorouder; de paginaboom bevat een kringverwijzing"
                ));
            }
            at = parent;
        }
    }
    Ok(())
}
