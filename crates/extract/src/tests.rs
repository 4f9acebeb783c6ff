use super::*;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/data/sources/",
            $name
        ))
        .as_slice()
    };
}

/// Reads in this process without OCR (OCR and isolation have tests of their own).
fn extract(name: &str, bytes: &[u8]) -> Reading {
    let options = Options {
        no_ocr: true,
        ..Options::default()
    };
    read(name, bytes, &options, &mut |_| {})
}

#[test]
fn a_pdf_letter_gives_its_text() {
    let out = extract("klachtbrief.pdf", fixture!("klachtbrief.pdf"));
    assert_eq!(out.format, Format::Pdf);
    assert_eq!(out.media_type, "application/pdf");
    let text = out.text.unwrap();
    assert!(
        text.contains("Op 2 oktober 2018 heb ik het KCC gebeld"),
        "the text layer is read: {text}"
    );
}

#[test]
fn a_truncated_pdf_is_kept_with_the_reason_not_a_panic() {
    // Half a PDF: the reader repairs what it can; no text comes out, and the reading says
    // why instead of failing.
    let out = extract("afgebroken.pdf", fixture!("afgebroken.pdf"));
    assert_eq!(out.format, Format::Pdf);
    assert_eq!(out.text, None);
    let problem = out.problem.expect("the reason is given");
    assert!(
        problem.to_string().contains("bewaard"),
        "the original is kept: {problem}"
    );
}

#[test]
fn a_docx_gives_its_paragraphs() {
    let out = extract("reactie-gemeente.docx", fixture!("reactie-gemeente.docx"));
    assert_eq!(out.format, Format::Docx);
    assert!(out
        .text
        .unwrap()
        .contains("twee contacten: op 2 oktober en 14 november 2018"));
}

#[test]
fn an_eml_gives_headers_and_body_in_dutch() {
    let text = extract("mail.eml", fixture!("mail-wij-team.eml"))
        .text
        .unwrap();
    assert!(
        text.starts_with("Van: WIJ-team Oost <oost@wij.example>"),
        "{text}"
    );
    assert!(text.contains("Onderwerp: Contact met mevrouw Van den Berg"));
    assert!(
        text.contains("mevrouw Ş. Yılmaz"),
        "UTF-8 body with non-Latin-1 letters survives"
    );
}

#[test]
fn text_files_are_utf8_or_a_detected_windows_encoding_with_a_note() {
    let utf8 = extract("notitie.txt", fixture!("telefoonnotitie.txt"));
    assert!(utf8.text.unwrap().contains("Café, coördinatie"));
    assert!(utf8.notes.is_empty(), "UTF-8 needs no note");

    let legacy = extract("notitie.txt", fixture!("notitie-windows-1252.txt"));
    assert!(
        legacy
            .text
            .unwrap()
            .contains("coördinatie met het café ontbrak. €5"),
        "Windows-1252 decoded"
    );
    assert_eq!(
        legacy.notes.len(),
        1,
        "the investigator is told it was not UTF-8"
    );
    assert!(legacy.notes[0].contains("windows-1252"));
}

#[test]
fn a_bom_is_removed() {
    let out = decode_text("\u{feff}Datum;Kanaal".as_bytes()).unwrap();
    assert_eq!(out.text, "Datum;Kanaal");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Café".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(
        decode_text(&utf16).unwrap().text,
        "Café",
        "UTF-16 with BOM is text too"
    );
}

#[test]
fn empty_and_huge_files_are_refused_clearly_and_binary_is_kept() {
    assert_eq!(check_size(0), Err(ExtractError::Empty));
    assert_eq!(ExtractError::Empty.to_string(), "het bestand is leeg");
    assert_eq!(
        check_size(MAX_SOURCE_BYTES + 1),
        Err(ExtractError::TooLarge {
            size: MAX_SOURCE_BYTES + 1
        })
    );
    assert_eq!(check_size(MAX_SOURCE_BYTES), Ok(()));
    assert_eq!(
        ExtractError::TooLarge {
            size: 200 * 1024 * 1024
        }
        .to_string(),
        "het bestand is 200 MB; het maximum is 100 MB"
    );
    // Binary bytes named .txt are kept (nothing is refused that can be stored), without text.
    let out = extract("binair.txt", fixture!("binair.txt"));
    assert_eq!((out.format, out.text), (Format::Other, None));
    assert_eq!(out.problem.as_ref().map(Problem::code), Some("unsupported"));
    assert!(
        out.notes.iter().any(|n| n.contains("met de naam .txt")),
        "the name lied: {:?}",
        out.notes
    );
}

#[test]
fn images_without_ocr_and_audio_are_kept_without_text() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let out = extract("foto.png", png);
    assert_eq!(
        (out.format, out.media_type.as_str(), out.text),
        (Format::Image, "image/png", None)
    );
    let wav = b"RIFF\x24\0\0\0WAVEfmt ";
    assert_eq!(extract("opname.wav", wav).media_type, "audio/wav");
}

#[test]
fn unknown_types_and_broken_documents_are_kept_with_the_reason() {
    let xlsx = extract("tabel.xlsx", b"PK\x03\x04rest");
    assert_eq!(
        xlsx.problem.as_ref().map(Problem::code),
        Some("unsupported")
    );
    let exe = extract("programma.exe", b"MZ\x90\0");
    assert_eq!((exe.format, exe.text), (Format::Other, None));
    let fake_pdf = extract("brief.pdf", b"%PDF-1.4 nothing else");
    assert_eq!(
        fake_pdf.problem.as_ref().map(Problem::code),
        Some("damaged"),
        "{fake_pdf:?}"
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A cheap, deterministic sweep over prefixes of real documents and pseudo-random bytes.
    let docs: [&[u8]; 3] = [
        fixture!("klachtbrief.pdf"),
        fixture!("reactie-gemeente.docx"),
        fixture!("mail-wij-team.eml"),
    ];
    let names = ["x.pdf", "x.docx", "x.eml"];
    for (doc, name) in docs.iter().zip(names) {
        for cut in (1..doc.len()).step_by(37) {
            let _ = extract(name, &doc[..cut]);
        }
    }
    let mut state: u32 = 0x9E37_79B9;
    for _ in 0..200 {
        let bytes: Vec<u8> = (0..257)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state as u8
            })
            .collect();
        for name in ["r.txt", "r.csv", "r.eml", "r.pdf", "r.docx"] {
            let _ = extract(name, &bytes);
        }
    }
}

/// A PDF of `objects` (numbered from 1) with a correct cross-reference table.
fn pdf_of(objects: &[&str]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[test]
fn a_page_that_is_its_own_parent_is_damaged_not_an_endless_loop() {
    // Guards the hang cargo fuzz found (fuzz target extract_pdf, a timeout) in pdf-extract, which reads
    // pages a second time when pdf_oxide gives odd letters: it
    // follows /Parent to find a page's inherited /Resources and /MediaBox, and a page whose
    // /Parent is the page itself (here with neither key) made it loop forever, which no
    // catch_unwind stops. The page tree is now checked first. Run on a thread so a regression
    // fails the test instead of hanging it.
    let pdf = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    ]);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(extract("rond.pdf", &pdf));
    });
    let result = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the extractor returns instead of looping");
    // pdf_oxide remembers where it has been; the page has no text, which the reading says.
    assert_eq!(result.text, None, "{result:?}");
    assert!(result.problem.is_some(), "{result:?}");
}

#[test]
fn an_ordinary_page_tree_still_passes_the_check() {
    // The page-tree check must not refuse a page that inherits from a real parent.
    let pdf = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
        "<< /Length 36 >>\nstream\nBT /F1 12 Tf 72 720 Td (Hallo) Tj ET\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
    let text = extract("gewoon.pdf", &pdf).text.unwrap();
    assert!(text.contains("Hallo"), "{text:?}");
}
