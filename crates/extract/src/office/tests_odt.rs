//! ODT files built in memory, one feature each, and what the reader must make of them.

use super::odt_text;
use super::tests::zip_of;

const NAMESPACES: &str = concat!(
    r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
    r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#,
    r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
    r#"xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" "#,
    r#"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#,
    r#"xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" "#,
    r#"xmlns:xlink="http://www.w3.org/1999/xlink" "#,
    r#"xmlns:dc="http://purl.org/dc/elements/1.1/""#
);

/// An ODT of this `office:text` content and, if given, these master pages in `styles.xml`.
pub(super) fn odt_with(body: &str, master_pages: Option<&str>) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} office:version="1.3"><office:automatic-styles><style:style style:name="P1"/></office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    let mut parts = vec![
        (
            "mimetype",
            "application/vnd.oasis.opendocument.text".to_string(),
        ),
        ("content.xml", content),
    ];
    if let Some(pages) = master_pages {
        parts.push((
            "styles.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES}><office:styles/><office:master-styles>{pages}</office:master-styles></office:document-styles>"#
            ),
        ));
    }
    zip_of(&parts)
}

pub(super) fn odt(body: &str) -> Vec<u8> {
    odt_with(body, None)
}

fn text_of(body: &str) -> String {
    odt_text(&odt(body)).unwrap()
}

#[test]
fn spans_spaces_tabs_and_line_breaks_are_written_as_in_the_document() {
    let body = concat!(
        r#"<text:p text:style-name="P1"><text:span>Een</text:span> <text:span>mooie</text:span>"#,
        r#"<text:span> link</text:span>: <text:a xlink:href="https://example.org">hier</text:a></text:p>"#,
        r#"<text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d<text:soft-page-break/>e<text:s/>&amp;&#233;</text:p>"#,
        r#"<text:p>Voor<text:span>beeld</text:span>stad</text:p>"#,
        // LibreOffice writes these as characters; Word as `w:softHyphen`, `w:noBreakHyphen`.
        "<text:p>Woord\u{AD}afbreking, niet\u{2011}brekend</text:p>"
    );
    assert_eq!(
        text_of(body),
        "Een mooie link: hier\na   b\tc\nde &é\nVoorbeeldstad\nWoordafbreking, niet-brekend"
    );
}

#[test]
fn white_space_of_pretty_printed_xml_collapses_as_opendocument_says() {
    let body = "<text:p>\n    <text:span>Twee</text:span>\n    <text:span>woorden</text:span>\n  </text:p>";
    assert_eq!(text_of(body).trim_end(), "Twee woorden");
}

#[test]
fn headings_lists_sections_and_indexes_are_read_in_order() {
    let body = concat!(
        r#"<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Tabel"/></text:sequence-decls>"#,
        r#"<office:forms form:automatic-focus="false" xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0"/>"#,
        r#"<text:h text:outline-level="1">Klacht</text:h>"#,
        "<text:list><text:list-item><text:p>eerste punt</text:p></text:list-item>",
        "<text:list-item><text:p>tweede punt</text:p><text:list><text:list-item><text:p>genest</text:p></text:list-item></text:list></text:list-item></text:list>",
        r#"<text:section text:name="S1"><text:p>In een sectie.</text:p></text:section>"#
    );
    assert_eq!(
        text_of(body),
        "Klacht\neerste punt\ntweede punt\ngenest\nIn een sectie."
    );
}

#[test]
fn a_nested_table_stays_in_its_cell_and_rows_are_lines() {
    let cell = |inner: &str| format!("<table:table-cell>{inner}</table:table-cell>");
    let p = |text: &str| format!("<text:p>{text}</text:p>");
    let inner = format!(
        "<table:table><table:table-row>{}{}</table:table-row><table:table-row>{}{}</table:table-row></table:table>",
        cell(&p("a1")),
        cell(&p("a2")),
        cell(&p("b1")),
        cell(&p("b2"))
    );
    let body = format!(
        "{}<table:table table:name=\"T\"><table:table-column/><table:table-header-rows><table:table-row>{}{}</table:table-row></table:table-header-rows><table:table-row>{}{}<table:covered-table-cell/></table:table-row></table:table>{}",
        p("Voor."),
        cell(&p("Kop 1")),
        cell(&p("Kop 2")),
        cell(&p("links")),
        cell(&format!("{}{inner}", p("boven"))),
        p("Na.")
    );
    assert_eq!(
        text_of(&body),
        "Voor.\nKop 1 | Kop 2\nlinks | boven a1 | a2; b1 | b2\nNa."
    );
}

#[test]
fn notes_are_cited_in_the_body_and_their_text_listed_after_it() {
    let body = concat!(
        r#"<text:p>Zie de wet<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>"#,
        r#"<text:note-body><text:p>Artikel 9:1 Awb.</text:p><text:p>En verder.</text:p></text:note-body></text:note> en de regeling"#,
        r#"<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation>"#,
        r#"<text:note-body><text:p>Regeling 2020.</text:p></text:note-body></text:note>.</text:p>"#
    );
    // The note's text is not inline in the sentence that cites it.
    assert_eq!(
        text_of(body),
        "Zie de wet[1] en de regeling[i].\n\n[Voetnoot 1] Artikel 9:1 Awb. En verder.\n\n[Eindnoot i] Regeling 2020."
    );
}

#[test]
fn comments_are_listed_after_the_body_not_inside_the_paragraph() {
    let body = concat!(
        r#"<text:p>Het <office:annotation office:name="c1"><dc:creator>Piet Bakker</dc:creator><dc:date>2024-01-02T10:00:00</dc:date>"#,
        r#"<text:p>Welk besluit?</text:p></office:annotation>besluit<office:annotation-end office:name="c1"/> staat vast.</text:p>"#,
        r#"<text:p>Tweede<office:annotation><text:p>Anoniem.</text:p></office:annotation>.</text:p>"#
    );
    assert_eq!(
        text_of(body),
        "Het besluit staat vast.\nTweede.\n\n[Opmerking van Piet Bakker] Welk besluit?\n[Opmerking] Anoniem."
    );
}

#[test]
fn deleted_text_of_a_tracked_change_is_left_out_and_inserted_text_kept() {
    let body = concat!(
        r#"<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>A</dc:creator></office:change-info>"#,
        r#"<text:p>zes</text:p></text:deletion></text:changed-region><text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>A</dc:creator></office:change-info></text:insertion></text:changed-region></text:tracked-changes>"#,
        r#"<text:p>De termijn is <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>acht<text:change-end text:change-id="ct2"/> weken.</text:p>"#
    );
    assert_eq!(text_of(body), "De termijn is acht weken.");
}

#[test]
fn a_text_box_is_read_once_and_images_and_their_descriptions_are_not_text() {
    let body = concat!(
        r#"<text:p>Voor<draw:frame draw:name="Kader"><draw:text-box><text:p>In het kader.</text:p></draw:text-box></draw:frame>na</text:p>"#,
        r#"<text:p><draw:frame><draw:image xlink:href="Pictures/1.png"><office:binary-data>iVBORw0KGgo=</office:binary-data></draw:image>"#,
        r#"<svg:title>Logo</svg:title><svg:desc>Beschrijving</svg:desc></draw:frame>Onderschrift</text:p>"#
    );
    assert_eq!(text_of(body), "Voor\nIn het kader.\nna\nOnderschrift");
}

#[test]
fn headers_and_footers_of_the_master_pages_come_first_and_last_each_text_once() {
    let pages = concat!(
        r#"<style:master-page style:name="Standard"><style:header><text:p>Gemeente Voorbeeldstad</text:p></style:header>"#,
        r#"<style:header-first><text:p>Gemeente Voorbeeldstad</text:p></style:header-first>"#,
        r#"<style:footer><text:p>Pagina <text:page-number>1</text:page-number></text:p></style:footer>"#,
        r#"<style:footer-left style:display="false"><text:p>Verborgen</text:p></style:footer-left></style:master-page>"#
    );
    let bytes = odt_with("<text:p>De brief.</text:p>", Some(pages));
    assert_eq!(
        odt_text(&bytes).unwrap(),
        "[Koptekst] Gemeente Voorbeeldstad\n\nDe brief.\n\n[Voettekst] Pagina 1"
    );
}

#[test]
fn a_zip_without_content_xml_is_no_opendocument_text() {
    let bytes = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.text".into())]);
    assert_eq!(
        odt_text(&bytes).unwrap_err(),
        "geen content.xml: dit is geen OpenDocument-tekst"
    );
    let err = odt_text(b"geen zip").unwrap_err();
    assert!(err.starts_with("geen geldig zip-archief ("), "{err}");
}
