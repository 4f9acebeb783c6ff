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
    let pages = text_pages(bytes, options.password.as_deref(), progress)?;
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
            step: format!("OCR van pagina {page}"),
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

/// The text layer of each page. pdf_oxide reads it (it repairs broken cross-reference tables
/// and trailers, decrypts AES, and keeps form values); where a page comes out with letters a
/// Dutch text does not have (a Type 3 font decoded with the wrong encoding), pdf-extract
/// reads that page too and the cleaner of the two is kept. Chosen on the corpus figures in
/// BENCHMARKS.md.
fn text_pages(
    bytes: &[u8],
    password: Option<&str>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<String>, Problem> {
    let damaged = |detail: String| Problem::Damaged {
        format: "Het PDF-bestand".into(),
        detail,
    };
    let doc = match pdf_oxide::PdfDocument::from_bytes(bytes.to_vec()) {
        Ok(doc) => doc,
        // What pdf_oxide cannot open, pdf-extract sometimes can.
        Err(first) => {
            return second_opinion_all(bytes, password).map_err(|_| damaged(first.to_string()))
        }
    };
    if doc.is_encrypted() {
        let opened = doc.authenticate(b"").unwrap_or(false)
            || match password {
                None => return Err(Problem::PasswordRequired),
                Some(password) => doc.authenticate(password.as_bytes()).unwrap_or(false),
            };
        if !opened {
            return Err(if password.is_some() {
                Problem::WrongPassword
            } else {
                Problem::PasswordRequired
            });
        }
    }
    let count = doc.page_count().map_err(|e| damaged(e.to_string()))?;
    let mut pages = Vec::with_capacity(count);
    let mut suspicious = Vec::new();
    for page in 0..count {
        if page % 10 == 0 {
            progress(Progress {
                step: "Tekst van de pagina's lezen".into(),
                done: page as u32,
                total: count as u32,
            });
        }
        let text = doc.extract_text(page).unwrap_or_default();
        if odd_letters(&text) > 0 {
            suspicious.push(page);
        }
        pages.push(text);
    }
    if !suspicious.is_empty() {
        if let Ok(other) = second_opinion_all(bytes, password) {
            for page in suspicious {
                if let Some(alternative) = other.get(page) {
                    if odd_letters(alternative) < odd_letters(&pages[page]) {
                        pages[page] = alternative.clone();
                    }
                }
            }
        }
    }
    append_form_values(&doc, &mut pages);
    Ok(pages)
}

/// Letters that do not occur in Dutch (or English, French, German, Turkish names) text but do
/// come out of a font decoded with the wrong encoding: "ØØn" for "één", "ociºle".
fn odd_letters(text: &str) -> usize {
    text.chars()
        .filter(|c| {
            matches!(
                c,
                'Ø' | 'ø' | 'º' | 'ª' | '¤' | '¦' | '¨' | '¸' | '¯' | '\u{fffd}'
            )
        })
        .count()
}

/// Form fields whose filled-in value is not on the page already (a field without appearance
/// stream shows nothing there) are added after the last page, one per line.
fn append_form_values(doc: &pdf_oxide::PdfDocument, pages: &mut [String]) {
    use pdf_oxide::extractors::forms::{FieldValue, FormExtractor};
    let Ok(fields) = FormExtractor::extract_fields(doc) else {
        return;
    };
    let all = pages.join("\n");
    let mut lines = Vec::new();
    for field in fields {
        let value = match &field.value {
            FieldValue::Text(v) | FieldValue::Name(v) => v.trim().to_string(),
            FieldValue::Array(values) => values.join(", "),
            FieldValue::Boolean(_) | FieldValue::None => continue,
        };
        if value.is_empty() || value == "Off" || all.contains(&value) {
            continue;
        }
        let name = field.tooltip.as_deref().unwrap_or(&field.full_name);
        lines.push(format!("{name}: {value}"));
    }
    if let (false, Some(last)) = (lines.is_empty(), pages.last_mut()) {
        last.push_str("\n\nFormuliervelden:\n");
        last.push_str(&lines.join("\n"));
    }
}

/// Every page's text as pdf-extract reads it.
fn second_opinion_all(bytes: &[u8], password: Option<&str>) -> Result<Vec<String>, Problem> {
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
