//! The intake benchmark: every document of the corpus (`tests/data/corpus`) read by the old
//! extractors (pdf-extract, docx-lite) and by today's reader, with word recall against a
//! reference — poppler's `pdftotext` for PDFs, the document's own XML for DOCX and ODT — and
//! the time each took, in the same run. Then the budgets of DESIGN.md §4: the text of a
//! 50-page PDF and the OCR of a one-page A4 scan.

use super::{median, ms};
use crate::Failure;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use wederhoor_extract::{read, search_text, Options};

const RUNS: usize = 3;

fn corpus() -> PathBuf {
    let here = Path::new("tests/data/corpus");
    if here.is_dir() {
        return here.to_path_buf();
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/corpus")
}

/// Words as search sees them: NFKC, lower case, letters and digits, two or more.
fn words(text: &str) -> Vec<String> {
    search_text(text)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

/// The share of the reference's words (with their counts) that the other text has too.
fn recall(reference: &[String], got: &[String]) -> f64 {
    let mut have: HashMap<&str, usize> = HashMap::new();
    for w in got {
        *have.entry(w).or_default() += 1;
    }
    let hits = reference
        .iter()
        .filter(|w| match have.get_mut(w.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count();
    if reference.is_empty() {
        1.0
    } else {
        hits as f64 / reference.len() as f64
    }
}

fn timed<T>(mut f: impl FnMut() -> T) -> (T, Duration) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed());
    }
    (last.expect("RUNS > 0"), median(times))
}

fn new_reader(name: &str, bytes: &[u8], password: Option<&str>) -> Option<String> {
    let options = Options {
        password: password.map(str::to_string),
        no_ocr: true,
    };
    read(name, bytes, &options, &mut |_| {}).text
}

fn pdf_extract_old(bytes: &[u8], password: Option<&str>) -> Option<String> {
    std::panic::catch_unwind(|| {
        let mut doc = pdf_extract::Document::load_mem(bytes).ok()?;
        if doc.is_encrypted() {
            doc.decrypt(password.unwrap_or("")).ok()?;
        }
        let mut text = String::new();
        pdf_extract::output_doc(&doc, &mut pdf_extract::PlainTextOutput::new(&mut text)).ok()?;
        Some(text)
    })
    .ok()
    .flatten()
}

fn pdftotext(path: &Path, password: Option<&str>) -> Option<String> {
    let mut cmd = Command::new("pdftotext");
    if let Some(pw) = password {
        cmd.args(["-upw", pw]);
    }
    let out = cmd.arg(path).arg("-").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Elements whose text is not the document's text (deleted text, field codes, formatting).
const NOT_TEXT: &[&[u8]] = &[
    b"w:delText",
    b"w:instrText",
    b"text:tracked-changes",
    b"w:rPr",
    b"style:style",
];

/// The text of an Office document's own XML: the character data of its text parts, a
/// paragraph's runs joined as written, deleted text and field codes left out.
fn office_xml_text(bytes: &[u8]) -> Option<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    let mut text = String::new();
    for name in names {
        let part = name.starts_with("word/") && name.ends_with(".xml") && !name.contains("/_rels/")
            || name == "content.xml"
            || name == "styles.xml";
        if !part || name.ends_with("settings.xml") || name.ends_with("fontTable.xml") {
            continue;
        }
        let mut xml = String::new();
        archive
            .by_name(&name)
            .ok()?
            .take(64 << 20)
            .read_to_string(&mut xml)
            .ok()?;
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut skip = 0usize;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Start(e)) => {
                    let n = e.name();
                    if NOT_TEXT.contains(&n.as_ref()) {
                        skip += 1;
                    }
                }
                Ok(quick_xml::events::Event::End(e)) => {
                    let n = e.name();
                    if NOT_TEXT.contains(&n.as_ref()) {
                        skip = skip.saturating_sub(1);
                    }
                    if matches!(
                        n.as_ref(),
                        b"w:p" | b"text:p" | b"text:h" | b"w:tc" | b"table:table-cell"
                    ) {
                        text.push('\n');
                    }
                }
                Ok(quick_xml::events::Event::Empty(e)) => {
                    if matches!(
                        e.name().as_ref(),
                        b"w:tab" | b"w:br" | b"text:s" | b"text:tab" | b"text:line-break"
                    ) {
                        text.push(' ');
                    }
                }
                Ok(quick_xml::events::Event::Text(t)) if skip == 0 => {
                    if let Ok(t) = t.unescape() {
                        text.push_str(&t);
                    }
                }
                Ok(quick_xml::events::Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
    }
    Some(text)
}

fn docx_lite_old(bytes: &[u8]) -> Option<String> {
    std::panic::catch_unwind(|| docx_lite::extract_text_from_bytes(bytes).ok())
        .ok()
        .flatten()
}

struct Row {
    file: String,
    class: String,
    words: usize,
    old: Option<(f64, Duration)>,
    new: Option<(f64, Duration)>,
}

fn cell(figure: Option<(f64, Duration)>) -> String {
    match figure {
        Some((r, t)) => format!("{r:.3} | {}", ms(t)),
        None => "geweigerd | —".to_string(),
    }
}

/// Runs the intake benchmark; returns the Markdown section.
pub fn run() -> Result<String, Failure> {
    let dir = corpus();
    let manifest: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("MANIFEST.json"))?)?;
    let mut pdf_rows = Vec::new();
    let mut office_rows = Vec::new();
    for entry in &manifest {
        let file = entry["file"].as_str().unwrap_or_default();
        let class = entry["class"].as_str().unwrap_or_default().to_string();
        let real = entry["real_type"].as_str().unwrap_or_default();
        let password = entry["password"].as_str();
        let path = dir.join(file);
        let bytes = std::fs::read(&path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        eprintln!("inlezen: {file}…");
        let (reference, old) = match real {
            "pdf" => (pdftotext(&path, password), {
                let (text, t) = timed(|| pdf_extract_old(&bytes, password));
                text.map(|x| (x, t))
            }),
            "docx" => (office_xml_text(&bytes), {
                let (text, t) = timed(|| docx_lite_old(&bytes));
                text.map(|x| (x, t))
            }),
            "odt" => (office_xml_text(&bytes), None),
            _ => continue,
        };
        let Some(reference) = reference.map(|r| words(&r)) else {
            continue;
        };
        let (text, t) = timed(|| new_reader(&name, &bytes, password));
        let row = Row {
            file: file.to_string(),
            class,
            words: reference.len(),
            old: old.map(|(x, t)| (recall(&reference, &words(&x)), t)),
            new: text.map(|x| (recall(&reference, &words(&x)), t)),
        };
        if real == "pdf" {
            pdf_rows.push(row);
        } else {
            office_rows.push(row);
        }
    }
    let mut out = String::new();
    writeln!(
        out,
        "\n## Stukken inlezen: woorden teruggevonden, per soort document\n"
    )?;
    writeln!(out, "Per bestand van het corpus (`tests/data/corpus`, gemaakt door `tools/make-corpus.py`): het aandeel van de woorden van de referentie dat de lezer ook geeft (recall; woorden zoals de zoekfunctie ze ziet: NFKC, kleine letters), en de tijd (mediaan van {RUNS} runs, in dit proces, zonder OCR). Oud: pdf-extract 0.12 en docx-lite 0.2 (wat Wederhoor tot dit issue gebruikte; ODT las het niet). Nieuw: `wederhoor_extract::read` (pdf_oxide, met pdf-extract als tweede lezing voor pagina's met letters die in Nederlandse tekst niet voorkomen; eigen DOCX/ODT-lezer).\n")?;
    for (title, reference, rows) in [
        ("PDF", "pdftotext (poppler)", &pdf_rows),
        ("Word en OpenDocument", "de tekst in de XML van het document zelf (verwijderde tekst en veldcodes niet meegeteld; een tekstvak dat Word twee keer schrijft, als mc:Choice en mc:Fallback, telt daarin twee keer, de lezer geeft het één keer: daar komt het verschil tot 1,000 vandaan)", &office_rows),
    ] {
        writeln!(out, "### {title} (referentie: {reference})\n")?;
        writeln!(out, "| Bestand | Soort | Woorden in referentie | Oud: recall | Oud: tijd | Nieuw: recall | Nieuw: tijd |")?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for r in rows {
            writeln!(out, "| {} | {} | {} | {} | {} |", r.file, r.class, r.words, cell(r.old), cell(r.new))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", budgets(&dir)?)?;
    Ok(out)
}

/// The two budgets of DESIGN.md §4 for intake.
fn budgets(dir: &Path) -> Result<String, Failure> {
    let mut out = String::new();
    writeln!(out, "### Budgetten (DESIGN.md §4)\n")?;
    writeln!(out, "| Wat | Gemeten | Anker | Budget |")?;
    writeln!(out, "|---|---|---|---|")?;
    let fifty = dir.join("pdf/rapport-50-paginas.pdf");
    let bytes = std::fs::read(&fifty)?;
    let reference = pdftotext(&fifty, None).map(|r| words(&r));
    let (text, t) = timed(|| new_reader("rapport.pdf", &bytes, None));
    let anchor_start = Instant::now();
    let _ = pdftotext(&fifty, None);
    let anchor = anchor_start.elapsed();
    let recall_text = match (&reference, &text) {
        (Some(r), Some(x)) => format!("{:.3}", recall(r, &words(x))),
        _ => "—".into(),
    };
    writeln!(
        out,
        "| Tekst van een PDF van 56 pagina's (rapport-50-paginas.pdf) | {} , recall {recall_text} | pdftotext {} | ≤ 0,5 s; recall ≥ 0,98 van pdftotext |",
        ms(t),
        ms(anchor)
    )?;
    let scan = std::fs::read(dir.join("images/scan-bezwaar.png"))?;
    if wederhoor_extract::ocr::check_available().is_ok() {
        let mut times = Vec::new();
        let mut confidence = None;
        for _ in 0..RUNS {
            let start = Instant::now();
            let reading = read("scan.png", &scan, &Options::default(), &mut |_| {});
            times.push(start.elapsed());
            confidence = reading.ocr_confidence;
        }
        writeln!(
            out,
            "| OCR van een A4-scan, 300 dpi, Nederlands (scan-bezwaar.png, Tesseract 5, nld) | {}, zekerheid {:.0}% | — | ≤ 3 s |",
            ms(median(times)),
            confidence.unwrap_or(0.0)
        )?;
    } else {
        writeln!(
            out,
            "| OCR van een A4-scan | Tesseract niet gevonden: niet gemeten | — | ≤ 3 s |"
        )?;
    }
    Ok(out)
}
