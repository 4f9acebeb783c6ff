//! The facts behind the signals and the register entries of the yearly overview, read from the
//! demo dossier and the three test dossiers of `tests/data/dossiers/signalen`.

use crate::common::{actor, demo_db};
use wederhoor_core::vocab::{DossierStatus, Verdict};
use wederhoor_core::wire::SignalPeriod;
use wederhoor_store::{dossier_file, signals, Db};

async fn four() -> Db {
    let (db, _) = demo_db().await;
    for name in [
        "2011-0042-oudere-norm.json",
        "2025-0003-partner.json",
        "2025-0011-anderdorp.json",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/data/dossiers/signalen")
            .join(name);
        let json = std::fs::read_to_string(path).unwrap();
        dossier_file::import_json(&db, &json, &actor())
            .await
            .unwrap();
    }
    db
}

#[tokio::test]
async fn facts_come_in_the_list_order_with_bodies_partners_and_judged_norms() {
    let db = four().await;
    let facts = signals::facts(&db).await.unwrap();
    let received: Vec<String> = facts.iter().map(|f| f.received_on.to_string()).collect();
    assert_eq!(
        received,
        ["2025-09-15", "2025-02-10", "2019-03-04", "2011-06-01"],
        "most recently received first, as the dossier list"
    );
    let partner = &facts[1];
    assert_eq!(
        partner.organisations.len(),
        2,
        "the body and the WIJ-team; persons are not read"
    );
    assert_eq!(partner.points[0].niet_behoorlijk, vec!["voortvarendheid"]);
    assert!(
        partner.points[1].niet_behoorlijk == vec!["goede-informatieverstrekking"],
        "a norm judged behoorlijk is not a signal"
    );
}

#[tokio::test]
async fn register_entries_carry_what_a_publication_must_hide() {
    let db = four().await;
    let counted = signals::signals(&db, &SignalPeriod::year(2025))
        .await
        .unwrap();
    let entries = signals::register(&db, &counted).await.unwrap();
    let references: Vec<&str> = entries.iter().map(|e| e.reference.as_str()).collect();
    assert_eq!(
        references,
        ["2025-0011", "2025-0003"],
        "the dossiers counted, in their order"
    );
    let partner = &entries[1];
    assert_eq!(partner.status, DossierStatus::Reported);
    assert_eq!(
        partner.verdicts,
        vec![Verdict::Gegrond, Verdict::DeelsGegrond]
    );
    assert_eq!(
        partner.bodies,
        vec!["Gemeente Voorbeeldstad"],
        "the partner rolls up to its body"
    );
    assert_eq!(partner.recommendations.len(), 1);
    assert_eq!(partner.recommendations[0].point, Some(1));
    assert!(partner.recommendations[0].response.is_some());
    let hidden: Vec<(&str, bool)> = partner
        .hidden
        .iter()
        .map(|h| (h.name.as_str(), h.person))
        .collect();
    assert_eq!(
        hidden,
        [
            ("Jeroen Ëlzinga", true),
            ("WIJ-team Noord", false),
            ("Priscilla Wiersma-Doğan", true)
        ],
        "every party without a public name, persons marked; the municipality keeps its name"
    );
    assert!(partner.hidden[0]
        .aliases
        .contains(&"de heer Ëlzinga".to_string()));
    assert_eq!(partner.completed_on, None, "no final rapport in the file");
    assert_eq!(
        signals::ombudsman(&db, &counted).await.unwrap(),
        "Gemeentelijke ombudsman Voorbeeldstad"
    );
}
