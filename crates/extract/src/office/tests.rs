//! DOCX files built in memory, one feature each, and what the reader must make of them.
//! ODT is in `tests_odt.rs`, the limits on hostile archives in `tests_limits.rs`.

use std::io::{Cursor, Write};

use zip::write::FileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::docx_text;

/// A ZIP archive of these parts, deflated.
pub(super) fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = FileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const NAMESPACES: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math""#
);

/// A part of a Word document: `root` (`w:document`, `w:hdr`, `w:footnotes`…) around `inner`.
pub(super) fn word_part(root: &str, inner: &str) -> String {
    let inner = match root {
        "w:document" => format!("<w:body>{inner}</w:body>"),
        _ => inner.to_string(),
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><{root} {NAMESPACES}>{inner}</{root}>"#
    )
}

/// A DOCX of this body and these other parts (relationships included among them).
pub(super) fn docx_with(body: &str, parts: &[(&str, String)]) -> Vec<u8> {
    let mut all = vec![
        ("[Content_Types].xml", "<Types/>".to_string()),
        ("word/document.xml", word_part("w:document", body)),
    ];
    all.extend(parts.iter().cloned());
    zip_of(&all)
}

pub(super) fn docx(body: &str) -> Vec<u8> {
    docx_with(body, &[])
}

/// A paragraph of one plain run.
pub(super) fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn text_of(body: &str) -> String {
    docx_text(&docx(body)).unwrap()
}

fn rels(list: &[(&str, &str, &str)]) -> String {
    let items: String = list
        .iter()
        .map(|(id, kind, target)| {
            format!(
                r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>"#
            )
        })
        .collect();
    format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>"#
    )
}

#[test]
fn the_spaces_between_formatted_runs_are_kept() {
    // The old reader gave "Oneawesome hyperlink": a run's spaces are its own text.
    let body = r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>One</w:t></w:r><w:r><w:t xml:space="preserve"> awesome </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:rPr><w:i/></w:rPr><w:t>hyperlink</w:t></w:r></w:hyperlink></w:p>"#;
    assert_eq!(text_of(body), "One awesome hyperlink");
    // Nor is a space added where a word is split into runs (spell checking, formatting).
    let split = "<w:p><w:r><w:t>Voor</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>beeld</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>stad</w:t></w:r></w:p>";
    assert_eq!(text_of(split), "Voorbeeldstad");
}

#[test]
fn tabs_breaks_hyphens_and_entities_are_characters() {
    let body = concat!(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>"#,
        "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r>",
        "<w:r><w:t>e</w:t><w:noBreakHyphen/><w:t>f</w:t><w:softHyphen/><w:t>g</w:t></w:r>",
        "<w:r><w:t>&amp; &lt;&gt; &#233;&#x20AC; &quot;</w:t></w:r></w:p>"
    );
    // A tab stop in the paragraph properties is no tab in the text.
    assert_eq!(text_of(body), "a\tb\nc\nde-fg& <> é€ \"");
}

#[test]
fn paragraphs_are_lines_and_a_table_stays_in_place_row_by_row() {
    let row = |a: &str, b: &str| {
        format!(
            "<w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc></w:tr>",
            p(a),
            p(b),
            p("(2)")
        )
    };
    let body = format!(
        "{}<w:tbl><w:tblPr/><w:tblGrid/>{}{}</w:tbl>{}",
        p("Voor de tabel."),
        row("Datum", "Contact"),
        row("2 oktober", "telefoon"),
        p("Na de tabel.")
    );
    // The table is where it stands, not moved to the end; a cell's paragraphs share a line.
    assert_eq!(
        text_of(&body),
        "Voor de tabel.\nDatum | Contact (2)\n2 oktober | telefoon (2)\nNa de tabel."
    );
}

#[test]
fn a_nested_table_stays_in_its_cell() {
    let inner = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p("a1"),
        p("a2"),
        p("b1"),
        p("b2")
    );
    let body = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}{inner}{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p("links"),
        p("boven"),
        p("onder"),
        p("rechts")
    );
    assert_eq!(
        text_of(&body),
        "links | boven a1 | a2; b1 | b2 onder | rechts"
    );
    // Any depth: 40 tables deep, the text is all there (beyond 32 without the separators).
    let mut deep = p("kern");
    for level in 0..40 {
        deep = format!(
            "<w:tbl><w:tr><w:tc>{}{deep}</w:tc></w:tr></w:tbl>",
            p(&format!("n{level}"))
        );
    }
    let text = text_of(&deep);
    assert!(
        text.contains("kern") && text.contains("n0") && text.contains("n39"),
        "{text}"
    );
}

#[test]
fn headers_and_footers_come_first_and_last_each_text_once() {
    let sect = r#"<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:headerReference w:type="first" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/></w:sectPr>"#;
    let bytes = docx_with(
        &format!("{}{sect}", p("De brief.")),
        &[
            (
                "word/_rels/document.xml.rels",
                rels(&[
                    ("rId2", "header", "header1.xml"),
                    ("rId3", "header", "/word/header2.xml"),
                    ("rId4", "footer", "footer1.xml"),
                    ("rId9", "hyperlink", "https://example.org"),
                ]),
            ),
            (
                "word/header1.xml",
                word_part("w:hdr", &p("Gemeente Voorbeeldstad")),
            ),
            (
                "word/header2.xml",
                word_part("w:hdr", &p("Gemeente Voorbeeldstad")),
            ),
            (
                "word/footer1.xml",
                word_part("w:ftr", &format!("{}{}", p("Pagina "), p("Postbus 1"))),
            ),
        ],
    );
    assert_eq!(
        docx_text(&bytes).unwrap(),
        "[Koptekst] Gemeente Voorbeeldstad\n\nDe brief.\n\n[Voettekst] Pagina Postbus 1"
    );
}

#[test]
fn footnotes_and_endnotes_are_numbered_in_order_of_reference_and_listed_after_the_body() {
    let body = concat!(
        r#"<w:p><w:r><w:t>Eerst</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> dan</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r>"#,
        r#"<w:r><w:endnoteReference w:id="2"/></w:r></w:p>"#
    );
    let note = |kind: &str, id: &str, text: &str| {
        format!(
            r#"<w:{kind} w:id="{id}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>"#
        )
    };
    let separators = r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/><w:t>SCHEIDING</w:t></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>VERVOLG</w:t></w:r></w:p></w:footnote>"#;
    let parts = [
        (
            "word/footnotes.xml",
            word_part(
                "w:footnotes",
                &format!(
                    "{separators}{}{}",
                    note("footnote", "3", "Tweede noot."),
                    note("footnote", "5", "Eerste noot.")
                ),
            ),
        ),
        (
            "word/endnotes.xml",
            word_part("w:endnotes", &note("endnote", "2", "Slotnoot.")),
        ),
    ];
    // Without relationships the parts are found by their usual names. Endnotes are numbered
    // i, ii, iii unless the settings say otherwise, as Word shows them.
    assert_eq!(
        docx_text(&docx_with(body, &parts)).unwrap(),
        "Eerst[1] dan[2][i]\n\n[Voetnoot 1] Eerste noot.\n[Voetnoot 2] Tweede noot.\n\n[Eindnoot i] Slotnoot."
    );
    let settings = r#"<w:footnotePr><w:numFmt w:val="lowerLetter"/></w:footnotePr><w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>"#;
    let mut parts = parts.to_vec();
    parts.push(("word/settings.xml", word_part("w:settings", settings)));
    assert_eq!(
        docx_text(&docx_with(body, &parts)).unwrap(),
        "Eerst[a] dan[b][1]\n\n[Voetnoot a] Eerste noot.\n[Voetnoot b] Tweede noot.\n\n[Eindnoot 1] Slotnoot."
    );
}

#[test]
fn comments_are_listed_after_the_body_with_their_author_and_the_commented_text_stays() {
    let body = r#"<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Besluit van 3 mei.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:commentReference w:id="1"/></w:r></w:p>"#;
    let comments = concat!(
        r#"<w:comment w:id="0" w:author="J. de Vries" w:initials="JdV"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Klopt deze datum?</w:t></w:r></w:p></w:comment>"#,
        r#"<w:comment w:id="1" w:author=""><w:p><w:r><w:t>Zonder naam.</w:t></w:r></w:p></w:comment>"#
    );
    let bytes = docx_with(
        body,
        &[("word/comments.xml", word_part("w:comments", comments))],
    );
    assert_eq!(
        docx_text(&bytes).unwrap(),
        "Besluit van 3 mei.\n\n[Opmerking van J. de Vries] Klopt deze datum?\n[Opmerking] Zonder naam."
    );
}

#[test]
fn deleted_text_of_a_tracked_change_is_left_out() {
    // What the author struck out is no longer what the letter says; what they added is.
    let body = concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">De termijn is </w:t></w:r>"#,
        r#"<w:del w:id="1" w:author="A"><w:r><w:delText>zes</w:delText></w:r></w:del>"#,
        r#"<w:ins w:id="2" w:author="A"><w:r><w:t>acht</w:t></w:r></w:ins>"#,
        r#"<w:r><w:t xml:space="preserve"> weken</w:t></w:r>"#,
        r#"<w:moveFrom w:id="3"><w:r><w:t>, verlengd</w:t></w:r></w:moveFrom><w:r><w:t>.</w:t></w:r></w:p>"#,
        r#"<w:p><w:moveTo w:id="4"><w:r><w:t>Verlengd</w:t></w:r></w:moveTo></w:p>"#
    );
    assert_eq!(text_of(body), "De termijn is acht weken.\nVerlengd");
}

#[test]
fn field_codes_are_left_out_and_field_results_content_controls_and_math_kept() {
    let body = concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">Zie </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
        r#"<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/besluit" </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>het besluit</w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> op pagina </w:t></w:r>"#,
        r#"<w:fldSimple w:instr=" PAGE "><w:r><w:t>4</w:t></w:r></w:fldSimple></w:p>"#,
        r#"<w:sdt><w:sdtPr><w:alias w:val="Naam"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>mevrouw Jansen</w:t></w:r></w:p></w:sdtContent></w:sdt>"#,
        r#"<w:p><m:oMath><m:r><m:t>x=2</m:t></m:r></m:oMath></w:p>"#
    );
    assert_eq!(
        text_of(body),
        "Zie het besluit op pagina 4\nmevrouw Jansen\nx=2"
    );
}

#[test]
fn a_text_box_written_twice_by_word_is_read_once() {
    let box_of = |text: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(text));
    let body = format!(
        concat!(
            "<w:p><w:r><w:t>Voor</w:t></w:r><w:r><mc:AlternateContent>",
            r#"<mc:Choice Requires="wps"><w:drawing><wps:txbx>{}</wps:txbx></w:drawing></mc:Choice>"#,
            "<mc:Fallback><w:pict><v:textbox>{}</v:textbox></w:pict></mc:Fallback>",
            "</mc:AlternateContent></w:r><w:r><w:t>na</w:t></w:r></w:p>",
            "<w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict><v:textbox>{}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        ),
        box_of("In het kader."),
        box_of("In het kader."),
        box_of("Alleen als fallback.")
    );
    // The box stands on its own line within its paragraph; a fallback without choice is read.
    assert_eq!(
        text_of(&body),
        "Voor\nIn het kader.\nna\nAlleen als fallback."
    );
}

#[test]
fn the_main_part_is_found_through_the_package_relationships() {
    let bytes = zip_of(&[
        (
            "_rels/.rels",
            rels(&[("rId1", "officeDocument", "word/document2.xml")]),
        ),
        (
            "word/document2.xml",
            word_part("w:document", &p("Elders opgeslagen.")),
        ),
    ]);
    assert_eq!(docx_text(&bytes).unwrap(), "Elders opgeslagen.");
}

#[test]
fn a_zip_without_document_xml_is_no_word_document() {
    let bytes = zip_of(&[("word/styles.xml", "<w:styles/>".into())]);
    assert_eq!(
        docx_text(&bytes).unwrap_err(),
        "geen word/document.xml: dit is geen Word-document"
    );
    let err = docx_text(b"PK\x03\x04 dit is geen zip").unwrap_err();
    assert!(err.starts_with("geen geldig zip-archief ("), "{err}");
}

#[test]
fn the_fixture_letter_of_the_municipality_is_read_in_full() {
    let bytes = include_bytes!("../../../../tests/data/sources/reactie-gemeente.docx");
    assert_eq!(
        docx_text(bytes).unwrap(),
        "Reactie van de gemeente Voorbeeldstad\n\
         In onze registratie staan twee contacten: op 2 oktober en 14 november 2018.\n\
         Het WIJ-team heeft mevrouw een vaste contactpersoon gegeven."
    );
}
