//! OCR of scans and photos with Tesseract and its Dutch model (`tesseract-ocr-nld`), and of PDF
//! pages without a text layer (drawn as images by poppler's `pdftoppm`). Both are external
//! programs: where one is missing, the image is kept and the investigator is told what to
//! install. Tesseract's words carry a confidence; the reader shows their mean.

use crate::reading::Problem;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The largest picture we hand to Tesseract, in pixels (an A3 page at 600 dpi is 70 million).
pub const MAX_PIXELS: u64 = 120_000_000;

/// Text read by OCR.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrText {
    /// The text, lines and paragraphs as Tesseract found them.
    pub text: String,
    /// Mean confidence of the words, 0–100; `None` when no word was found.
    pub confidence: Option<f32>,
}

/// The Tesseract program: `WEDERHOOR_TESSERACT` or `tesseract` on the PATH.
fn tesseract() -> PathBuf {
    std::env::var_os("WEDERHOOR_TESSERACT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("tesseract"))
}

/// Whether Tesseract runs here and has the Dutch model; the reason when it does not.
pub fn check_available() -> Result<(), Problem> {
    let out = Command::new(tesseract())
        .arg("--list-langs")
        .stdin(Stdio::null())
        .output()
        .map_err(|_| Problem::OcrUnavailable("Tesseract is niet geïnstalleerd".into()))?;
    let langs = String::from_utf8_lossy(&out.stdout);
    if langs.lines().any(|l| l.trim() == "nld") {
        Ok(())
    } else {
        Err(Problem::OcrUnavailable(
            "het Nederlandse taalmodel van Tesseract (tesseract-ocr-nld) ontbreekt".into(),
        ))
    }
}

/// The size in pixels of a PNG or JPEG, read from its header (other kinds: `None`).
pub fn pixels(bytes: &[u8]) -> Option<u64> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() >= 24 {
        let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
        return Some(u64::from(w) * u64::from(h));
    }
    if bytes.starts_with(b"\xff\xd8") {
        let mut i = 2;
        while i + 9 < bytes.len() {
            if bytes[i] != 0xff {
                i += 1;
                continue;
            }
            let marker = bytes[i + 1];
            let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
            // Start of frame (baseline, progressive, …), not DHT (C4), JPG (C8) or DAC (CC).
            if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
                let h = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]);
                let w = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]);
                return Some(u64::from(w) * u64::from(h));
            }
            i += 2 + len.max(2);
        }
    }
    None
}

/// Reads one image file (PNG, JPEG, TIFF with one or more pages, …) with Tesseract.
pub fn image_file(path: &Path) -> Result<OcrText, Problem> {
    check_available()?;
    let out = Command::new(tesseract())
        .arg(path)
        .args(["stdout", "-l", "nld", "tsv"])
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Problem::OcrFailed(format!("Tesseract startte niet ({e})")))?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr);
        let line = said
            .lines()
            .find(|l| l.to_ascii_lowercase().contains("error"))
            .unwrap_or("onbekende fout");
        return Err(Problem::OcrFailed(format!(
            "Tesseract kon de afbeelding niet lezen ({})",
            line.trim()
        )));
    }
    Ok(from_tsv(&String::from_utf8_lossy(&out.stdout)))
}

/// Draws PDF pages (1-based numbers) as 300 dpi greyscale images with `pdftoppm` and returns
/// their paths in `dir`, in order.
pub fn render_pdf_pages(
    pdf: &Path,
    pages: &[u32],
    password: Option<&str>,
    dir: &Path,
) -> Result<Vec<PathBuf>, Problem> {
    let mut images = Vec::with_capacity(pages.len());
    for &page in pages {
        let stem = dir.join(format!("pagina-{page}"));
        let mut cmd = Command::new(
            std::env::var_os("WEDERHOOR_PDFTOPPM").unwrap_or_else(|| "pdftoppm".into()),
        );
        if let Some(pw) = password {
            cmd.args(["-upw", pw]);
        }
        let out = cmd
            .args(["-r", "300", "-gray", "-png", "-singlefile"])
            .arg("-f")
            .arg(page.to_string())
            .arg("-l")
            .arg(page.to_string())
            .arg(pdf)
            .arg(&stem)
            .stdin(Stdio::null())
            .output()
            .map_err(|_| {
                Problem::OcrUnavailable(
                    "pdftoppm (poppler-utils) is niet geïnstalleerd, dus de pagina's zonder tekstlaag zijn niet gelezen".into(),
                )
            })?;
        let image = stem.with_extension("png");
        if !out.status.success() || !image.exists() {
            return Err(Problem::OcrFailed(format!(
                "pagina {page} kon niet als afbeelding worden getekend"
            )));
        }
        images.push(image);
    }
    Ok(images)
}

/// Builds the text from Tesseract's TSV: words of a line joined by a space, lines by a line
/// break, paragraphs and blocks by a blank line, pages by a form feed.
pub fn from_tsv(tsv: &str) -> OcrText {
    let mut text = String::new();
    let mut last: Option<(u32, u32, u32, u32)> = None;
    let (mut sum, mut words) = (0.0f64, 0u32);
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let word = cols[11].trim();
        if word.is_empty() {
            continue;
        }
        let num = |i: usize| cols[i].parse::<u32>().unwrap_or(0);
        let at = (num(1), num(2), num(3), num(4));
        if let Some(prev) = last {
            text.push_str(if at.0 != prev.0 {
                "\n\u{c}\n"
            } else if (at.1, at.2) != (prev.1, prev.2) {
                "\n\n"
            } else if at.3 != prev.3 {
                "\n"
            } else {
                " "
            });
        }
        text.push_str(word);
        last = Some(at);
        if let Ok(conf) = cols[10].parse::<f64>() {
            if conf >= 0.0 {
                sum += conf;
                words += 1;
            }
        }
    }
    OcrText {
        text,
        confidence: (words > 0).then(|| (sum / f64::from(words)) as f32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_words_become_lines_and_paragraphs_with_their_mean_confidence() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t96.5\tGeachte\n\
                   5\t1\t1\t1\t1\t2\t70\t10\t50\t20\t93.5\theer,\n\
                   5\t1\t1\t1\t2\t1\t10\t40\t50\t20\t90\tcoördinatie\n\
                   5\t1\t2\t1\t1\t1\t10\t90\t50\t20\t80\tWIJ-team\n";
        let out = from_tsv(tsv);
        assert_eq!(out.text, "Geachte heer,\ncoördinatie\n\nWIJ-team");
        assert_eq!(out.confidence, Some(90.0));
        assert_eq!(
            from_tsv("level\n").confidence,
            None,
            "no words, no confidence"
        );
    }

    #[test]
    fn the_size_of_a_picture_is_read_from_its_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(20_000u32.to_be_bytes());
        png.extend(10_000u32.to_be_bytes());
        assert_eq!(pixels(&png), Some(200_000_000));
        // JPEG: an APP0 segment, then the baseline frame header with height 3508, width 2480.
        let mut jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0".to_vec();
        jpeg.extend(b"\xff\xc0\x00\x11\x08\x0d\xb4\x09\xb0\x03");
        jpeg.extend([0; 12]);
        assert_eq!(pixels(&jpeg), Some(2480 * 3508));
        assert_eq!(pixels(b"GIF89a"), None);
    }
}
