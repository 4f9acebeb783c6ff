//! Hostile archives: zip bombs, too many entries, deep nesting, and bytes that are no document
//! at all. Each gives the text or a Dutch reason; never a panic, never unbounded memory.

use std::time::Instant;

use super::tests::{docx, docx_with, p, word_part, zip_of};
use super::tests_odt::odt;
use super::{docx_text, docx_text_within, odt_text, odt_text_within, Limits};
use crate::hostile::{deflated_run, zip_with_raw_deflate};

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let bomb = zip_with_raw_deflate("word/document.xml", &deflated_run(b' ', 300 << 20), 1_000);
    assert!(bomb.len() < 3 << 20, "{} bytes", bomb.len());
    // The real limits: reading stops at 64 MB of this part, whatever its directory claims.
    let started = Instant::now();
    let err = docx_text(&bomb).unwrap_err();
    assert_eq!(
        err,
        "het onderdeel word/document.xml pakt uit tot meer dan 64 MB (mogelijk een zip-bom); de tekst is niet gelezen"
    );
    assert!(started.elapsed().as_secs() < 60);
    // The same archive as ODT, against a lower limit for a single part.
    let bomb = zip_with_raw_deflate("content.xml", &deflated_run(b'0', 3 << 20), 1_000);
    let limits = Limits {
        total: 256 << 20,
        part: 1 << 20,
        entries: 10,
    };
    let err = odt_text_within(&bomb, limits).unwrap_err();
    assert!(
        err.contains("content.xml pakt uit tot meer dan 1 MB"),
        "{err}"
    );
}

#[test]
fn the_parts_of_a_document_together_may_not_unpack_beyond_the_total() {
    let filler = format!("<w:p>{}</w:p>", " ".repeat(600));
    let bytes = docx_with(
        &p("Kort."),
        &[("word/footnotes.xml", word_part("w:footnotes", &filler))],
    );
    // Each part fits within the limit for a part; together they do not fit the total.
    let limits = Limits {
        total: 1_500,
        part: 1_500,
        entries: 10,
    };
    let err = docx_text_within(&bytes, limits).unwrap_err();
    assert_eq!(
        err,
        "het archief pakt uit tot meer dan 1500 bytes (mogelijk een zip-bom); de tekst is niet gelezen"
    );
    let roomy = Limits {
        total: 4_000,
        ..limits
    };
    assert_eq!(docx_text_within(&bytes, roomy).unwrap(), "Kort.");
}

#[test]
fn an_archive_of_too_many_entries_is_refused() {
    let parts: Vec<(String, String)> = (0..6).map(|i| (format!("x{i}"), String::new())).collect();
    let parts: Vec<(&str, String)> = parts.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    let limits = Limits {
        total: 1 << 20,
        part: 1 << 20,
        entries: 5,
    };
    let zip = zip_of(&parts);
    let err = docx_text_within(&zip, limits).unwrap_err();
    assert!(
        err.starts_with("het archief bevat 6 onderdelen, meer dan de 5"),
        "{err}"
    );
    // A directory that claims 60,000 entries is refused before it is parsed.
    let mut claims = zip.clone();
    let end = claims.len() - 22;
    claims[end + 8..end + 12].copy_from_slice(&[0x60, 0xEA, 0x60, 0xEA]);
    let err = docx_text(&claims).unwrap_err();
    assert!(
        err.starts_with("het archief bevat 60000 onderdelen, meer dan de 10000"),
        "{err}"
    );
}

#[test]
fn deep_nesting_and_many_spaces_are_bounded() {
    let deep = format!("{}{}", "<w:sdt>".repeat(5_000), "</w:sdt>".repeat(5_000));
    let err = docx_text(&docx(&deep)).unwrap_err();
    assert!(err.contains("dieper dan"), "{err}");
    // `text:s` asking for a billion spaces gives a thousand.
    let text = odt_text(&odt(r#"<text:p>a<text:s text:c="1000000000"/>b</text:p>"#)).unwrap();
    assert_eq!(text.len(), 1_002);
}

#[test]
fn arbitrary_bytes_and_truncated_archives_give_an_error_not_a_panic() {
    let body = concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">Tekst </w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#,
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cel</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#
    );
    let docx = docx(body);
    let odt = odt(concat!(
        r#"<text:p>a<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>n</text:p></text:note-body></text:note></text:p>"#,
        "<table:table><table:table-row><table:table-cell><text:p>c</text:p></table:table-cell></table:table-row></table:table>"
    ));
    for doc in [&docx, &odt] {
        for cut in 0..doc.len() {
            let _ = docx_text(&doc[..cut]);
            let _ = odt_text(&doc[..cut]);
        }
        // Damaged bytes inside an archive that still opens: bad deflate data, bad XML.
        for at in (0..doc.len()).step_by(7) {
            let mut damaged = doc.clone();
            damaged[at] ^= 0x55;
            let _ = docx_text(&damaged);
            let _ = odt_text(&damaged);
        }
    }
    let mut state: u32 = 0x2545_F491;
    for len in [0, 1, 4, 22, 100, 1_000] {
        for _ in 0..50 {
            let mut bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    state as u8
                })
                .collect();
            assert!(docx_text(&bytes).is_err());
            assert!(odt_text(&bytes).is_err());
            // The same bytes after a ZIP signature, and as a part of a real archive.
            bytes.splice(0..0, *b"PK\x03\x04");
            let _ = docx_text(&bytes);
            let xml = String::from_utf8_lossy(&bytes).into_owned();
            let _ = docx_text(&zip_of(&[("word/document.xml", xml.clone())]));
            let _ = odt_text(&zip_of(&[("content.xml", xml)]));
        }
    }
    // Broken XML in a part is a reason, not a panic.
    let err = docx_text(&zip_of(&[(
        "word/document.xml",
        "<w:document><w:body></w:p>".into(),
    )]));
    assert!(err
        .unwrap_err()
        .starts_with("word/document.xml is beschadigd"));
}
