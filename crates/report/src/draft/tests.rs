use super::*;

const DEMO: &str = include_str!("../../../store/demo/2019-0117-geen-postadres.json");

fn demo() -> DossierFile {
    DossierFile::parse(DEMO).expect("the demo dossier is a valid file")
}

fn heading_positions(text: &str, headings: &[&str]) -> Vec<usize> {
    headings
        .iter()
        .map(|h| {
            text.find(&format!("## {h}\n"))
                .unwrap_or_else(|| panic!("section {h} is missing:\n{text}"))
        })
        .collect()
}

#[test]
fn a_rapport_has_every_section_in_the_order_of_domain_2b() {
    let text = draft(&demo(), ReportKind::Rapport);
    let order = [
        "Samenvatting",
        "Klacht",
        "Bevoegdheid en ontvankelijkheid",
        "Verloop van het onderzoek",
        "Bevindingen",
        "Beoordeling",
        "Oordeel",
        "Aanbevelingen",
    ];
    let positions = heading_positions(&text, &order);
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "sections appear in the order a rapport is read: {positions:?}"
    );
}

#[test]
fn the_rapport_names_the_breached_norm_in_the_oordeel() {
    let text = draft(&demo(), ReportKind::Rapport);
    assert!(
        text.contains("Klachtonderdeel 2 (Verzoekster moest bij elk gesprek met het KCC haar verhaal opnieuw doen en werd niet doorverbonden met de juridische afdeling) is **gegrond**, wegens strijd met het vereiste van goede organisatie."),
        "Awb 9:36 lid 2: a gegrond verdict names the breached norm:\n{text}"
    );
    assert!(text.contains("De onderzochte gedraging is op dit punt niet behoorlijk."));
    assert!(text.contains("De onderzochte gedraging is op dit punt behoorlijk."));
}

#[test]
fn each_conflict_gives_both_accounts_and_the_finding() {
    let text = draft(&demo(), ReportKind::Rapport);
    let start = text
        .find("### Aantal contacten met het KCC")
        .expect("conflict c1 has a heading");
    let part = &text[start..];
    // Each reading is headed by its party as the rapport names it (the pseudonyms).
    for label in [
        "**Lezing van verzoekster.**",
        "**Lezing van de gemeente.**",
        "**Vaststelling.**",
    ] {
        assert!(
            part.contains(label),
            "{label} is part of each conflict's findings"
        );
    }
}

#[test]
fn a_body_that_is_a_dienst_is_headed_as_the_dienst() {
    // "Lezing gemeente" under a UWV or a belastingdienst would misname the body.
    let mut dossier = demo();
    for p in dossier
        .parties
        .iter_mut()
        .filter(|p| p.role == wederhoor_core::vocab::PartyRole::Body)
    {
        p.pseudonym = "de dienst".into();
    }
    let text = draft(&dossier, ReportKind::Rapport);
    assert!(text.contains("**Lezing van de dienst.**"), "{text}");
    assert!(!text.contains("Lezing van de gemeente"));
}

#[test]
fn the_verloop_lists_the_reactions_to_the_verslag() {
    let text = draft(&demo(), ReportKind::Rapport);
    assert!(text.contains("de gemeente (12 juni 2019)"), "{text}");
    assert!(text.contains("verzoekster (14 juni 2019)"));
}

#[test]
fn a_verslag_gives_findings_but_no_oordeel() {
    let text = draft(&demo(), ReportKind::VerslagVanBevindingen);
    assert!(text.contains("## Bevindingen"));
    assert!(
        !text.contains("## Oordeel") && !text.contains("## Beoordeling"),
        "the verslag goes out before the ombudsman judges"
    );
    let block = title_block(
        &demo(),
        ReportKind::VerslagVanBevindingen,
        demo().dossier.received_on,
        "x",
    );
    assert!(block.points.iter().all(|p| p.verdict.is_none()));
}

#[test]
fn a_rapportbrief_is_a_letter_to_the_requester() {
    let text = draft(&demo(), ReportKind::Rapportbrief);
    assert!(text.starts_with("Geachte Noëlle van den Berg,"), "{text}");
    assert!(text.contains("## Klacht voorgelegd"));
    assert!(text
        .trim_end()
        .ends_with("Gemeentelijke ombudsman Voorbeeldstad"));
}

#[test]
fn an_empty_dossier_gives_instructions_not_invented_content() {
    let mut dossier = demo();
    dossier.complaint_points.clear();
    dossier.statements.clear();
    dossier.conflicts.clear();
    dossier.recommendations.clear();
    dossier.reactions.clear();
    dossier.dossier.summary.clear();
    let text = draft(&dossier, ReportKind::Rapport);
    assert!(text.contains("*De klacht is nog niet in klachtonderdelen verdeeld.*"));
    assert!(text.contains("*Er zijn geen onbetwiste feiten vastgelegd.*"));
    assert!(text.contains("De ombudsman doet geen aanbeveling."));
}

#[test]
fn a_dossier_with_hundreds_of_statements_lists_only_the_first_facts() {
    let mut dossier = demo();
    let template = dossier.statements[0].clone();
    for i in 0..500 {
        let mut s = template.clone();
        s.id = format!("extra{i}");
        dossier.statements.push(s);
    }
    let text = draft(&dossier, ReportKind::Rapport);
    let section = &text
        [text.find("### Vaststaande feiten").unwrap()..text.find("### Aantal contacten").unwrap()];
    assert_eq!(
        section.lines().filter(|l| l.starts_with("- ")).count(),
        findings::MAX_FACTS,
        "a register import must not flood the rapport"
    );
    assert!(section.contains("andere vastleggingen"));
}
