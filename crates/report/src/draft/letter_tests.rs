//! The procedure letters: drafted from a small dossier with Dutch diacritics in its names,
//! then laid out as letters (letter head, no verdict table), confidential and public.
//!
//! With `WEDERHOOR_LETTERS_DIR` set, the render test also writes each letter's PDF there, to
//! look at (`pdftoppm -png -r 60`).

use super::*;
use crate::export::{export, prepare, Version};
use crate::public::Allowed;
use crate::verify::page_texts;

/// A dossier of the app's own shape, small enough to read: a requester and an official with
/// diacritics in their names, a body with a circumflex and an acute, two complaint points
/// (one judged, one not yet), one recommendation.
const DOSSIER: &str = r#"{
  "format": "wederhoor-dossier/2",
  "dossier": {
    "reference": "2019-0342",
    "title": "Parkeervergunning niet verlengd",
    "ombudsman": "Gemeentelijke ombudsman Súdwest-Fryslân",
    "bodies": ["Gemeente Súdwest-Fryslân"],
    "received_on": "2019-07-29",
    "status": "investigation",
    "kenbaarheid": "required"
  },
  "parties": [
    { "id": "p1", "role": "requester", "name": "Zoë Ağaoğlu-Çelik", "pseudonym": "verzoekster",
      "aliases": ["mevrouw Ağaoğlu-Çelik"] },
    { "id": "p2", "role": "body", "name": "Gemeente Súdwest-Fryslân", "pseudonym": "de gemeente" },
    { "id": "p3", "role": "official", "name": "Joël Brûlé", "pseudonym": "de medewerker parkeren" }
  ],
  "complaint_points": [
    { "id": "k1", "number": 1, "text": "De gemeente verlengde de parkeervergunning van verzoekster niet, hoewel zij op tijd had betaald.", "verdict": "gegrond" },
    { "id": "k2", "number": 2, "text": "De gemeente reageerde niet op de e-mails van verzoekster.", "verdict": "open" }
  ],
  "recommendations": [
    { "id": "a1", "complaint_point": "k1", "text": "Verleng de vergunning met terugwerkende kracht en betaal de opgelegde naheffingen terug." }
  ]
}"#;

fn dossier() -> DossierFile {
    DossierFile::parse(DOSSIER).expect("the test dossier is a valid file")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn letter(to: Option<&str>, asks: &str, due_on: Option<NaiveDate>) -> Letter {
    Letter {
        to: to.map(str::to_string),
        asks: asks.to_string(),
        due_on,
        date: day(2019, 8, 10),
    }
}

#[test]
fn the_information_request_cites_9_31_and_gives_its_term_as_a_dutch_date() {
    // Awb 9:31 is the body's duty to give information on a written request within a set term:
    // the letter names its ground and its term, in words, and asks what the investigator wrote,
    // word for word.
    let asks =
        "- de klachtregistratie van 2019\n- de e-mails van verzoekster aan de afdeling Parkeren";
    let text = draft_letter(
        &dossier(),
        ReportKind::LetterInformationRequest,
        &letter(None, asks, Some(day(2019, 8, 24))),
    );
    assert!(
        text.starts_with("Aan: Gemeente Súdwest-Fryslân\n"),
        "{text}"
    );
    assert!(text.contains("\nGeachte heer, mevrouw,\n"), "{text}");
    assert!(
        text.contains("Op grond van artikel 9:31 van de Algemene wet bestuursrecht verzoek ik u"),
        "{text}"
    );
    assert!(text.contains(asks), "the question stands verbatim:\n{text}");
    assert!(
        text.contains("Ik ontvang uw antwoord graag uiterlijk 24 augustus 2019."),
        "{text}"
    );
    assert!(
        text.contains("1. De gemeente verlengde de parkeervergunning")
            && text.contains("2. De gemeente reageerde niet"),
        "the complaint's points are numbered:\n{text}"
    );
    assert!(
        text.contains("gewichtige redenen") && text.contains("alleen aan mij ter kennis"),
        "9:31 lets the body refuse, or show only the ombudsman, for weighty reasons:\n{text}"
    );
    assert!(text.contains("ontving ik een verzoek van Zoë Ağaoğlu-Çelik"));
    assert!(text
        .trim_end()
        .ends_with("Met vriendelijke groet,\n\nGemeentelijke ombudsman Súdwest-Fryslân"));
}

#[test]
fn an_information_request_without_question_or_term_says_what_to_fill_in() {
    // The dossier cannot know what the investigator wants to ask, nor by when: the draft says
    // so in italics (the drafts' convention) instead of inventing a question or a date.
    let text = draft_letter(
        &dossier(),
        ReportKind::LetterInformationRequest,
        &letter(None, "  ", None),
    );
    assert!(text.contains("*Noem hier welke informatie en stukken u vraagt.*"));
    assert!(text.contains("*Noem hier de datum waarop u het antwoord uiterlijk wilt ontvangen"));
    assert!(!text.contains("uiterlijk 2"), "no date is made up:\n{text}");
}

#[test]
fn a_term_before_the_letter_is_flagged() {
    // A term that has passed when the letter goes out cannot be met; the investigator is told.
    let text = draft_letter(
        &dossier(),
        ReportKind::LetterInformationRequest,
        &letter(None, "", Some(day(2019, 8, 1))),
    );
    assert!(
        text.contains("*Deze termijn (1 augustus 2019) valt niet na de datum van de brief (10 augustus 2019); kies een latere datum.*"),
        "{text}"
    );
}

#[test]
fn the_findings_letter_gives_the_reaction_term_and_no_oordeel() {
    // The verslag van bevindingen goes to each party for comment before the ombudsman judges
    // (DOMAIN.md §0): the letter says the verslag holds no oordeel yet, by when a reaction is
    // expected, that reactions go into the rapport, and that the rapport follows the term.
    let text = draft_letter(
        &dossier(),
        ReportKind::LetterFindings,
        &letter(Some("p1"), "", Some(day(2019, 9, 6))),
    );
    assert!(text.starts_with("Aan: Zoë Ağaoğlu-Çelik\n"), "{text}");
    assert!(text.contains("\nGeachte Zoë Ağaoğlu-Çelik,\n"), "{text}");
    assert!(text.contains("naar uw klacht over Gemeente Súdwest-Fryslân"));
    assert!(text.contains("Het verslag bevat nog geen oordeel."));
    assert!(
        text.contains("U kunt schriftelijk op het verslag reageren. Ik ontvang uw reactie graag uiterlijk 6 september 2019."),
        "{text}"
    );
    assert!(text.contains("neem ik op in het rapport"));
    assert!(text.contains("Na afloop van de termijn schrijf ik het rapport"));
    assert!(text.contains("Ook Gemeente Súdwest-Fryslân krijgt het verslag"));
}

#[test]
fn the_findings_letter_to_the_body_names_the_requester_as_the_other_side() {
    // To the body the complaint is the requester's, and the requester gets the verslag too.
    let text = draft_letter(
        &dossier(),
        ReportKind::LetterFindings,
        &letter(None, "", None),
    );
    assert!(
        text.starts_with("Aan: Gemeente Súdwest-Fryslân\n"),
        "{text}"
    );
    assert!(text.contains("de klacht van Zoë Ağaoğlu-Çelik over Gemeente Súdwest-Fryslân"));
    assert!(text.contains("Ook Zoë Ağaoğlu-Çelik krijgt het verslag en kan daarop reageren."));
    assert!(text.contains("*Noem hier de datum waarop u de reactie uiterlijk wilt ontvangen.*"));
}

#[test]
fn the_report_letter_names_the_recommendations_and_asks_for_the_follow_up_under_9_36_lid_4() {
    // Awb 9:36 lid 4: the body says what it does with a recommendation; the letter lists the
    // recommendation, asks for that answer by the term, and tells the rapport is public in
    // anonymised form (9:36 lid 5). Lid 3: the requester and the official get it too.
    let text = draft_letter(
        &dossier(),
        ReportKind::LetterReport,
        &letter(None, "", Some(day(2019, 11, 1))),
    );
    assert!(
        text.contains("1. Verleng de vergunning met terugwerkende kracht en betaal de opgelegde naheffingen terug."),
        "{text}"
    );
    assert!(
        text.contains("Op grond van artikel 9:36 lid 4 van de Algemene wet bestuursrecht verzoek ik u mij uiterlijk 1 november 2019 te laten weten hoe u gevolg geeft aan de aanbeveling."),
        "{text}"
    );
    assert!(text.contains("- klachtonderdeel 1: gegrond"));
    assert!(
        text.contains("- klachtonderdeel 2: *nog geen oordeel vastgelegd*"),
        "an open verdict is not filled in:\n{text}"
    );
    assert!(text.contains("9:36 lid 5") && text.contains("geanonimiseerde versie"));
    assert!(text.contains("de namen van verzoekster en van andere betrokken personen"));
    assert!(text.contains("Ook Zoë Ağaoğlu-Çelik en Joël Brûlé ontvangen het rapport."));
}

#[test]
fn without_a_term_the_report_letter_asks_within_a_reasonable_time() {
    // The law sets no term for the answer (9:36 lid 4: "binnen een redelijke termijn").
    let text = draft_letter(
        &dossier(),
        ReportKind::LetterReport,
        &letter(None, "", None),
    );
    assert!(
        text.contains("binnen een redelijke termijn te laten weten"),
        "{text}"
    );
}

#[test]
fn a_report_letter_without_recommendations_asks_nothing_under_9_36_lid_4() {
    // Lid 4 applies only when the rapport holds a recommendation.
    let mut d = dossier();
    d.recommendations.clear();
    let text = draft_letter(&d, ReportKind::LetterReport, &letter(None, "", None));
    assert!(text.contains("Het rapport bevat geen aanbeveling."));
    assert!(!text.contains("9:36 lid 4"), "{text}");
}

#[test]
fn the_acknowledgement_confirms_receipt_with_the_reference_and_the_next_step() {
    // The requester learns the day of receipt, the kenmerk to quote, that the ombudsman first
    // checks whether the body handled the complaint itself (9:20), and when they hear back.
    let text = draft_letter(
        &dossier(),
        ReportKind::LetterAcknowledgement,
        &letter(
            None,
            "Wilt u ons een kopie sturen van de brief waarmee de gemeente uw klacht afhandelde?",
            Some(day(2019, 8, 26)),
        ),
    );
    assert!(text.starts_with("Aan: Zoë Ağaoğlu-Çelik\n"), "{text}");
    assert!(text.contains("Geachte Zoë Ağaoğlu-Çelik,"));
    assert!(text.contains("Op 29 juli 2019 hebben wij uw verzoekschrift ontvangen."));
    assert!(text.contains("onder kenmerk 2019-0342"));
    assert!(text.contains("artikel 9:20 van de Algemene wet bestuursrecht"));
    assert!(text.contains(
        "\nWilt u ons een kopie sturen van de brief waarmee de gemeente uw klacht afhandelde?\n"
    ));
    assert!(text.contains("U hoort uiterlijk 26 augustus 2019 van ons."));
}

#[test]
fn an_acknowledgement_where_the_body_need_not_have_handled_it_skips_9_20() {
    // With kenbaarheid not_required (a 9:20 exception) there is nothing to check there.
    let mut d = dossier();
    d.dossier.kenbaarheid = wederhoor_core::vocab::Kenbaarheid::NotRequired;
    let text = draft_letter(
        &d,
        ReportKind::LetterAcknowledgement,
        &letter(None, "", None),
    );
    assert!(!text.contains("9:20"), "{text}");
    assert!(text.contains("laten wij u weten of de ombudsman de klacht gaat onderzoeken"));
}

#[test]
fn an_addressee_the_dossier_does_not_know_is_an_instruction() {
    // A wrong party id must not silently send the letter to someone else.
    let text = draft_letter(
        &dossier(),
        ReportKind::LetterFindings,
        &letter(Some("p9"), "", None),
    );
    assert!(
        text.starts_with("Aan: *Het dossier kent geen partij p9; vul de geadresseerde in.*"),
        "{text}"
    );
}

#[test]
fn draft_takes_the_letter_from_the_procedure() {
    // Without a Letter, `draft` uses the newest event of the letter's step: the demo dossier
    // asked the municipality for information on 20 March 2019 with a term of 10 April.
    let demo = DossierFile::parse(include_str!(
        "../../../store/demo/2019-0117-geen-postadres.json"
    ))
    .unwrap();
    let text = draft(&demo, ReportKind::LetterInformationRequest);
    assert!(text.starts_with("Aan: Gemeente Voorbeeldstad\n"), "{text}");
    assert!(text.contains("Ik ontvang uw antwoord graag uiterlijk 10 april 2019."));
    let ack = draft(&demo, ReportKind::LetterAcknowledgement);
    assert!(ack.starts_with("Aan: Noëlle van den Berg\n"), "{ack}");
    assert!(
        !ack.contains("U hoort uiterlijk"),
        "no event, no term:\n{ack}"
    );
}

#[test]
fn the_addressee_paragraph_is_split_off_for_the_letter_head() {
    let (lines, rest) =
        split_addressee("\nAan: Gemeente X\\\nPostbus 1  \n\nGeachte heer, mevrouw,\n\nTekst.");
    assert_eq!(lines, vec!["Gemeente X", "Postbus 1"]);
    assert_eq!(rest, "Geachte heer, mevrouw,\n\nTekst.");
    let (lines, rest) = split_addressee("Geachte heer,\n\nAan: niemand");
    assert!(lines.is_empty(), "only an opening paragraph is the address");
    assert_eq!(rest, "Geachte heer,\n\nAan: niemand");
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One letter to render: its kind, addressee, question, term and file name.
struct Case {
    kind: ReportKind,
    to: Option<&'static str>,
    asks: &'static str,
    due: Option<(i32, u32, u32)>,
    file: &'static str,
}

const LETTERS: [Case; 4] = [
    Case {
        kind: ReportKind::LetterAcknowledgement,
        to: None,
        asks: "",
        due: Some((2019, 8, 26)),
        file: "ontvangstbevestiging",
    },
    Case {
        kind: ReportKind::LetterInformationRequest,
        to: None,
        asks: "- de klachtregistratie van 2019\n- de e-mails van verzoekster aan de afdeling Parkeren en de antwoorden daarop",
        due: Some((2019, 8, 24)),
        file: "informatieverzoek",
    },
    Case {
        kind: ReportKind::LetterFindings,
        to: Some("p1"),
        asks: "",
        due: Some((2019, 9, 6)),
        file: "verslag",
    },
    Case {
        kind: ReportKind::LetterReport,
        to: None,
        asks: "",
        due: Some((2019, 11, 1)),
        file: "rapport",
    },
];

#[test]
fn each_letter_renders_as_a_letter_confidential_and_public() {
    // A letter's first page is a letter's: sender, addressee, Datum, Kenmerk, Onderwerp and
    // the marking, and none of the rapport's verdict table. The public version replaces the
    // requester's and the official's names (the body keeps its name) and passes its own check.
    let d = dossier();
    let out = std::env::var_os("WEDERHOOR_LETTERS_DIR").map(std::path::PathBuf::from);
    for Case {
        kind,
        to,
        asks,
        due,
        file,
    } in LETTERS
    {
        let letter = letter(to, asks, due.map(|(y, m, dd)| day(y, m, dd)));
        let markdown = draft_letter(&d, kind, &letter);
        let date = day(2019, 8, 10);
        let prepared = prepare(
            &d,
            kind,
            &markdown,
            date,
            Version::Confidential,
            &Allowed::default(),
        );
        assert!(
            !prepared.html.contains("class=\"titelblok\""),
            "{kind:?} has no rapport title block"
        );
        assert!(
            !prepared.html.contains("Aan:"),
            "the addressee moved into the head"
        );
        let exported = export(&prepared).expect("a letter renders");
        let pages = page_texts(&exported.pdf).unwrap();
        let first = squash(&pages[0]);
        for part in [
            "Vertrouwelijk",
            "Gemeentelijke ombudsman Súdwest-Fryslân",
            "Datum: 10 augustus 2019",
            "Kenmerk: 2019-0342",
            "Onderwerp:",
            "Parkeervergunning niet verlengd",
        ] {
            assert!(
                first.contains(part),
                "{kind:?}: {part} on the first page:\n{first}"
            );
        }
        assert!(
            !first.contains("Oordeel per klachtonderdeel") && !first.contains("Klachtonderdelen"),
            "{kind:?}: no verdict table in a letter:\n{first}"
        );
        let addressee = if to == Some("p1") || kind == ReportKind::LetterAcknowledgement {
            "Zoë Ağaoğlu-Çelik"
        } else {
            "Gemeente Súdwest-Fryslân"
        };
        let all = squash(&pages.concat());
        assert!(
            all.contains(addressee),
            "{kind:?}: the addressee {addressee}:\n{all}"
        );
        if let Some((y, m, dd)) = due {
            let words = wederhoor_core::dates::dutch_long_date(day(y, m, dd));
            assert!(all.contains(&words), "{kind:?}: the term {words}:\n{all}");
        }

        let public = prepare(
            &d,
            kind,
            &markdown,
            date,
            Version::Public,
            &Allowed::default(),
        );
        assert!(
            public.findings.is_empty(),
            "{kind:?}: {:?}",
            public.findings
        );
        let exported_public = export(&public).expect("the public letter passes its check");
        let text = squash(&page_texts(&exported_public.pdf).unwrap().concat());
        for name in ["Ağaoğlu", "Brûlé", "Zoë"] {
            assert!(
                !text.contains(name),
                "{kind:?}: {name} is replaced:\n{text}"
            );
        }
        assert!(text.contains("Openbare versie") && text.contains("Gemeente Súdwest-Fryslân"));
        if addressee.starts_with("Zoë") {
            // The pseudonym stands alone on the address line, so it opens with a capital.
            assert!(
                text.contains("Verzoekster") && text.contains("Geachte verzoekster,"),
                "{kind:?}:\n{text}"
            );
        }

        if let Some(dir) = &out {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join(format!("{file}.pdf")), &exported.pdf).unwrap();
            std::fs::write(
                dir.join(format!("{file}-openbaar.pdf")),
                &exported_public.pdf,
            )
            .unwrap();
        }
    }
}

#[test]
fn the_demo_dossiers_letters_pass_the_public_gate() {
    // `wederhoor report REF --kind letter_… --public` takes this road: the letters' own words
    // (the law's name, the headings) must not read as unregistered names or details.
    let demo = DossierFile::parse(include_str!(
        "../../../store/demo/2019-0117-geen-postadres.json"
    ))
    .unwrap();
    for kind in [
        ReportKind::LetterAcknowledgement,
        ReportKind::LetterInformationRequest,
        ReportKind::LetterFindings,
        ReportKind::LetterReport,
    ] {
        let markdown = draft(&demo, kind);
        let public = prepare(
            &demo,
            kind,
            &markdown,
            day(2019, 7, 15),
            Version::Public,
            &Allowed::default(),
        );
        assert!(public.refusal.is_none(), "{kind:?}: {:?}", public.refusal);
        assert!(
            public.findings.is_empty(),
            "{kind:?}: {:?}",
            public.findings
        );
        assert!(
            !public.html.contains("Noëlle") && !public.html.contains("Oosterhuis"),
            "{kind:?}: the names are replaced in the head and the text"
        );
    }
}
