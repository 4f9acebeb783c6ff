//! The rapport pipeline end to end: any Markdown renders without a panic, and the demo
//! dossier's public rapport holds no name, only pseudonyms, in the PDF's own text.

use chrono::NaiveDate;
use wederhoor_core::file::DossierFile;
use wederhoor_core::vocab::ReportKind;
use wederhoor_report::draft::draft;
use wederhoor_report::export::{export, prepare, Version};
use wederhoor_report::public::Allowed;
use wederhoor_report::verify::page_texts;
use wederhoor_report::ReportError;

const DEMO: &str = include_str!("../../store/demo/2019-0117-geen-postadres.json");

fn demo() -> DossierFile {
    DossierFile::parse(DEMO).expect("the demo dossier is valid")
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 7, 15).unwrap()
}

/// Renders Markdown as a confidential rapport of the demo dossier; returns the pages' text.
fn render(markdown: &str) -> Vec<String> {
    let prepared = prepare(
        &demo(),
        ReportKind::Rapport,
        markdown,
        day(),
        Version::Confidential,
        &Allowed::default(),
    );
    let exported = export(&prepared).expect("any Markdown renders");
    assert!(exported.pdf.starts_with(b"%PDF-"), "the output is a PDF");
    let pages = page_texts(&exported.pdf).expect("the PDF reads back");
    assert_eq!(
        pages.len(),
        exported.pages,
        "the page count matches the file"
    );
    pages
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn an_empty_document_is_one_page_with_the_title_block() {
    let pages = render("");
    assert_eq!(pages.len(), 1, "the title block fits on one page");
    assert!(squash(&pages[0]).contains("Oordeel per klachtonderdeel"));
    assert!(
        squash(&pages[0]).contains("pagina 1 van 1"),
        "the footer numbers pages in Dutch"
    );
}

#[test]
fn deep_nesting_renders_without_exhausting_the_stack() {
    let quotes = format!("{} diep citaat\n", ">".repeat(2000));
    let mut lists = String::new();
    for depth in 0..300 {
        lists.push_str(&format!("{}- niveau {depth}\n", "  ".repeat(depth)));
    }
    let text = squash(&render(&format!("{quotes}\n{lists}")).concat());
    assert!(
        text.contains("diep citaat"),
        "the text of flattened containers stays"
    );
    assert!(text.contains("niveau 299"), "the deepest item's text stays");
}

#[test]
fn a_five_thousand_word_paragraph_flows_over_pages() {
    let words: Vec<String> = (0..5000).map(|i| format!("woord{i}")).collect();
    let pages = render(&format!("## Lang\n\n{}\n", words.join(" ")));
    assert!(
        pages.len() >= 5,
        "5,000 words take several pages, got {}",
        pages.len()
    );
    let text = squash(&pages.concat());
    assert!(
        text.contains("woord0") && text.contains("woord4999"),
        "no word is lost at a page break"
    );
    let last = squash(pages.last().unwrap());
    assert!(last.contains(&format!("pagina {} van {}", pages.len(), pages.len())));
}

#[test]
fn a_table_wider_than_the_page_renders() {
    let columns = 40;
    let header: Vec<String> = (0..columns).map(|i| format!("Kolom{i}")).collect();
    let rule = vec!["---"; columns].join("|");
    let row: Vec<String> = (0..columns).map(|i| format!("waarde{i}")).collect();
    let text = render(&format!(
        "|{}|\n|{rule}|\n|{}|\n",
        header.join("|"),
        row.join("|")
    ))
    .concat();
    assert!(squash(&text).contains("Kolom0"), "the table is drawn");
}

#[test]
fn raw_html_and_a_heading_at_the_end_render() {
    let text = squash(&render("<div style='position:absolute'>x</div>\n\n# Laatste kop").concat());
    assert!(text.contains("<div"), "raw HTML is printed as text");
    assert!(text.contains("Laatste kop"));
}

#[test]
fn the_public_rapport_holds_pseudonyms_headings_and_verdicts_but_no_name() {
    let dossier = demo();
    let markdown = draft(&dossier, ReportKind::Rapport);
    let prepared = prepare(
        &dossier,
        ReportKind::Rapport,
        &markdown,
        day(),
        Version::Public,
        &Allowed::default(),
    );
    let exported = export(&prepared).expect("the public rapport passes its own name check");
    let text = squash(&page_texts(&exported.pdf).unwrap().concat());
    let lower = text.to_lowercase();
    for party in dossier.parties.iter().filter(|p| !p.keeps_name_in_public()) {
        for spelling in std::iter::once(&party.name).chain(&party.aliases) {
            assert!(
                !lower.contains(&spelling.to_lowercase()),
                "\"{spelling}\" must not appear in the public version"
            );
        }
    }
    for pseudonym in ["verzoekster", "het WIJ-team", "de werkcoach"] {
        assert!(
            text.contains(pseudonym),
            "the pseudonym \"{pseudonym}\" stands in for a name"
        );
    }
    let headings = [
        "Samenvatting",
        "Klacht",
        "Bevoegdheid en ontvankelijkheid",
        "Verloop van het onderzoek",
        "Bevindingen",
        "Beoordeling",
        "Oordeel",
        "Aanbevelingen",
    ];
    let body = &text[text
        .find("Samenvatting")
        .expect("the text starts after the title block")..];
    let mut at = 0;
    for heading in headings {
        let found = body[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("heading {heading} missing or out of order"));
        at += found + heading.len();
    }
    assert!(text.contains("Klachtonderdeel 1: geen oordeel"));
    assert!(text.contains("Klachtonderdeel 2: gegrond"));
    assert!(text.contains("Klachtonderdeel 3: niet gegrond"));
    assert!(
        text.contains("wegens strijd met het vereiste van goede organisatie"),
        "the breached norm is named (Awb 9:36 lid 2)"
    );
    assert!(text.contains("Openbare versie"));
    assert!(
        exported
            .redactions
            .iter()
            .any(|r| r.original == "WIJ-team Oost" && r.pseudonym == "het WIJ-team"),
        "the redaction log lists what was replaced: {:?}",
        exported.redactions
    );
    // An institution is not anonymised (DOMAIN.md §4): the body keeps its name.
    assert!(text.contains("Gemeente Voorbeeldstad"));
    assert!(
        !exported
            .redactions
            .iter()
            .any(|r| r.original == "Gemeente Voorbeeldstad"),
        "the body's name is not replaced"
    );
}

#[test]
fn the_confidential_rapport_is_marked_and_the_name_check_would_refuse_it() {
    let dossier = demo();
    let markdown = draft(&dossier, ReportKind::Rapportbrief);
    let prepared = prepare(
        &dossier,
        ReportKind::Rapportbrief,
        &markdown,
        day(),
        Version::Confidential,
        &Allowed::default(),
    );
    let exported = export(&prepared).unwrap();
    let pages = page_texts(&exported.pdf).unwrap();
    assert!(
        pages.iter().all(|p| p.contains("Vertrouwelijk")),
        "every page's header says the version is confidential"
    );
    // Page 1 names the body and opens the letter with the requester's name: the public gate
    // must refuse this PDF there.
    let public = prepare(
        &dossier,
        ReportKind::Rapportbrief,
        &markdown,
        day(),
        Version::Public,
        &Allowed::default(),
    );
    match public.read_back(&exported.pdf) {
        Err(ReportError::NameInPublicVersion {
            name,
            place,
            context,
            party,
        }) => {
            assert_eq!(place, "pagina 1");
            assert_eq!(party, "verzoekster");
            assert!(
                name.starts_with('N') && name.contains('•'),
                "the message shows the spelling masked: {name}"
            );
            assert!(
                context.contains("[naam]"),
                "the message masks the name: {context}"
            );
        }
        other => panic!("a PDF with names must fail the public check, got {other:?}"),
    }
}

#[test]
fn dutch_characters_survive_into_the_pdf_text() {
    let text = squash(&render("Café, coördinatie, ruïne, „citaat”, € 12,50, ĳsje.").concat());
    for word in ["Café", "coördinatie", "ruïne", "„citaat”", "€ 12,50"] {
        assert!(
            text.contains(word),
            "{word} is rendered with its own glyphs: {text}"
        );
    }
}

#[test]
fn no_page_ends_with_a_heading() {
    let mut markdown = String::new();
    for i in 0..60 {
        markdown.push_str(&format!(
            "### Kop {i}\n\n{}\n\n",
            "Een alinea van enige lengte over een contact met het klantcontactcentrum. "
                .repeat(1 + i % 5)
        ));
    }
    let pages = render(&markdown);
    assert!(pages.len() > 5, "the test needs many page breaks");
    for (n, page) in pages.iter().enumerate() {
        let last = page
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty() && !l.contains("pagina ") && !l.contains("Vertrouwelijk"))
            .unwrap_or_default();
        assert!(
            !last.starts_with("Kop "),
            "page {} ends with the heading \"{last}\", alone at the foot",
            n + 1
        );
    }
}

/// A PDF dated 1 January 1970 misleads whoever files it; it carries the day it was made.
#[test]
fn the_pdf_metadata_carries_the_day_of_the_export() {
    use chrono::Datelike;
    let dossier = demo();
    let prepared = prepare(
        &dossier,
        ReportKind::Rapport,
        "## Kort\n\nTekst.",
        day(),
        Version::Confidential,
        &Allowed::default(),
    );
    let pdf = export(&prepared).unwrap().pdf;
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| doc.dereference(i))
        .and_then(|(_, o)| o.as_dict())
        .expect("the PDF has an Info dictionary")
        .clone();
    let year = chrono::Utc::now().year().to_string();
    for key in [&b"CreationDate"[..], b"ModDate"] {
        let value = info.get(key).and_then(lopdf::Object::as_str).unwrap();
        let text = String::from_utf8_lossy(value);
        assert!(
            text.starts_with(&format!("D:{year}")),
            "{}: {text}",
            String::from_utf8_lossy(key)
        );
    }
}
