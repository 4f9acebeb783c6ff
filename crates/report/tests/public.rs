//! The public version fails closed (issue 12): a rapport whose texts hold every spelling that
//! once came out unreplaced, and a BSN, a phone number, an e-mail address, a street address
//! with its postcode and a date of birth, is refused with each detail named; once the details
//! are replaced in the text, the PDF (read by pdftotext, NFC-normalised) holds none of the
//! names and details, and the body's name is still there. A dossier without a person to
//! pseudonymise gets no public version at all.

use chrono::NaiveDate;
use std::process::Command;
use unicode_normalization::UnicodeNormalization;
use wederhoor_core::file::DossierFile;
use wederhoor_core::personal::DetailKind;
use wederhoor_core::vocab::ReportKind;
use wederhoor_report::draft::draft;
use wederhoor_report::export::{export, prepare, Version};
use wederhoor_report::public::Allowed;
use wederhoor_report::ReportError;

const DEMO: &str = include_str!("../../store/demo/2019-0117-geen-postadres.json");

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 7, 15).unwrap()
}

/// The demo dossier with the spellings in a statement, a source's text and a source's title.
fn dossier() -> DossierFile {
    let mut d = DossierFile::parse(DEMO).unwrap();
    d.statements[0].text =
        "Noelle van den Berg (zonder trema) belt; getuige Kuipers bevestigt het.".into();
    d.sources[0].title = "Noelle_van_den_Berg_bezwaar.pdf".into();
    d
}

/// Names that must not be in the public PDF, as they are written in the text below.
const SPELLINGS: &[&str] = &[
    "Noëlle van den Berg",
    "Noelle van den Berg",
    "Noelle_van_den_Berg",
    "Van den Berg",
    "mw. Van den Berg",
    "N.v.d. Berg",
    "van den Berg-Jansen",
    "Kuipers",
    "Noëlle",
    "Noelle",
    "Berg",
    "Jansen",
    "Oosterhuis",
];

fn details(with_them: bool) -> String {
    let (bsn, phone, mail, street, postcode, born) = if with_them {
        (
            "123456782",
            "06-12345678",
            "noelle.vdberg@example.nl",
            "Meidoornstraat 14",
            "1234 AB",
            "3 april 1961",
        )
    } else {
        (
            "[BSN]",
            "[telefoonnummer]",
            "[e-mailadres]",
            "[adres]",
            "[postcode]",
            "[datum]",
        )
    };
    format!(
        "## Persoonsgegevens\n\nHet BSN van verzoekster is {bsn}. Zij is bereikbaar op {phone} en via {mail}. \
         Zij woonde aan de {street}, {postcode} Voorbeeldstad, en is geboren op {born}.\n"
    )
}

fn markdown(d: &DossierFile, with_details: bool) -> String {
    format!(
        "{}\n\n## Varianten\n\nNoelle van den Berg schreef. Daarna Noe\u{308}lle zelf. Van den Berg belde; \
         mw. Van den Berg ook. N.v.d. Berg schreef terug. **Noëlle** van den Berg was boos. \
         Zo schreef van den Berg-Jansen. Getuige Kuipers zag het. Bijlage: Noelle_van_den_Berg_bezwaar.pdf.\n\n{}",
        draft(d, ReportKind::Rapport),
        details(with_details)
    )
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("openbaar.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils, installed by make)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().nfc().collect()
}

#[test]
fn each_personal_detail_is_named_and_stops_the_public_export() {
    let d = dossier();
    let prepared = prepare(
        &d,
        ReportKind::Rapport,
        &markdown(&d, true),
        day(),
        Version::Public,
        &Allowed::default(),
    );
    let err = export(&prepared).expect_err("details in the text must stop the export");
    let ReportError::PublicBlocked(findings) = err else {
        panic!("refused for its details, got {err:?}");
    };
    let kinds: Vec<DetailKind> = findings.iter().map(|f| f.kind).collect();
    for kind in [
        DetailKind::Bsn,
        DetailKind::Phone,
        DetailKind::Email,
        DetailKind::Address,
        DetailKind::Postcode,
        DetailKind::BirthDate,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} is named: {findings:?}");
    }
    for f in &findings {
        assert_eq!(
            f.place, "§ Persoonsgegevens",
            "each hit names its section: {f:?}"
        );
        assert!(f.masked.contains('•'), "and shows it masked: {f:?}");
    }
    let bsn = findings.iter().find(|f| f.kind == DetailKind::Bsn).unwrap();
    assert_eq!(bsn.masked, "12•••••82");
    assert!(
        !bsn.context.contains("123456782"),
        "the context masks it too"
    );
}

#[test]
fn an_allowed_detail_no_longer_stops_it() {
    let d = dossier();
    let text = format!(
        "{}\n\n## Contact\n\nHet KCC is bereikbaar op 020-1234567.\n",
        markdown(&d, false)
    );
    let blocked = prepare(
        &d,
        ReportKind::Rapport,
        &text,
        day(),
        Version::Public,
        &Allowed::default(),
    );
    assert_eq!(blocked.findings.len(), 1, "{:?}", blocked.findings);
    let allowed = Allowed::new([(DetailKind::Phone, "0201234567".to_string())]);
    let prepared = prepare(
        &d,
        ReportKind::Rapport,
        &text,
        day(),
        Version::Public,
        &allowed,
    );
    assert!(prepared.findings.is_empty());
    export(&prepared).expect("the public number of the office may be printed once allowed");
}

#[test]
fn once_the_details_are_replaced_the_pdf_holds_no_name_and_no_detail() {
    let d = dossier();
    let prepared = prepare(
        &d,
        ReportKind::Rapport,
        &markdown(&d, false),
        day(),
        Version::Public,
        &Allowed::default(),
    );
    assert!(prepared.findings.is_empty(), "{:?}", prepared.findings);
    let exported = export(&prepared).expect("the public rapport passes its own checks");
    let text = pdftotext(&exported.pdf);
    let folded = wederhoor_core::fold::fold(&text);
    for spelling in SPELLINGS {
        let needle = wederhoor_core::fold::fold(spelling);
        let found = folded
            .split(|c: char| !c.is_alphanumeric())
            .collect::<Vec<_>>()
            .windows(
                needle
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .count(),
            )
            .any(|w| {
                w.join(" ")
                    == needle
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
            });
        assert!(!found, "\"{spelling}\" must not be in the public PDF");
    }
    for detail in [
        "123456782",
        "12345678",
        "example.nl",
        "Meidoornstraat 14",
        "1234 AB",
        "1961",
    ] {
        assert!(
            !text.contains(detail),
            "{detail} must not be in the public PDF"
        );
    }
    assert!(
        text.contains("Gemeente Voorbeeldstad"),
        "the body keeps its name"
    );
    assert!(text.contains("verzoekster"), "the pseudonym stands in");
}

#[test]
fn a_dossier_without_a_person_to_pseudonymise_gets_no_public_version() {
    let mut d = dossier();
    d.parties.retain(|p| p.keeps_name_in_public());
    let ids: Vec<String> = d.parties.iter().map(|p| p.id.clone()).collect();
    for s in &mut d.statements {
        s.party = ids[0].clone();
    }
    let prepared = prepare(
        &d,
        ReportKind::Rapport,
        "## Kort\n\nTekst.",
        day(),
        Version::Public,
        &Allowed::default(),
    );
    match export(&prepared) {
        Err(ReportError::NoPublicVersion(why)) => {
            assert!(why.contains("geen persoon met een pseudoniem"), "{why}")
        }
        other => panic!("no public version without a person to replace, got {other:?}"),
    }
    let confidential = prepare(
        &d,
        ReportKind::Rapport,
        "## Kort\n\nTekst.",
        day(),
        Version::Confidential,
        &Allowed::default(),
    );
    export(&confidential).expect("the confidential version is still made");
}
