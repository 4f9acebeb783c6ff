//! Counting rules of the signals, each on a few dossiers small enough to count by hand.

use super::*;
use crate::vocab::PartyRole;
use crate::wire::{FieldCode, FieldError, PartnerFacet};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn org(id: i64, role: PartyRole, name: &str, acts_for: Option<i64>) -> Organisation {
    Organisation {
        id,
        role,
        name: name.into(),
        pseudonym: format!("pseudoniem {id}"),
        public_name: true,
        acts_for,
    }
}

fn point(verdict: Verdict, norms: &[&str]) -> PointFacts {
    PointFacts {
        verdict,
        niet_behoorlijk: norms.iter().map(|s| s.to_string()).collect(),
    }
}

fn dossier(
    id: i64,
    received: &str,
    orgs: Vec<Organisation>,
    points: Vec<PointFacts>,
    keywords: &[&str],
) -> DossierFacts {
    DossierFacts {
        id,
        received_on: day(received),
        keywords: keywords.iter().map(|s| s.to_string()).collect(),
        organisations: orgs,
        points,
    }
}

/// Three dossiers: a municipality with a partner acting for it, an older norm, and a
/// dossier of another year.
fn three() -> Vec<DossierFacts> {
    vec![
        dossier(
            3,
            "2025-11-20",
            vec![
                org(30, PartyRole::Body, "Gemeente Voorbeeldstad", None),
                org(31, PartyRole::ThirdParty, "WIJ-team Oost", Some(30)),
            ],
            vec![
                point(Verdict::Gegrond, &["voortvarendheid", "goede-organisatie"]),
                point(Verdict::Open, &[]),
            ],
            &["bijstand", "Postadres"],
        ),
        dossier(
            2,
            "2025-02-03",
            vec![org(20, PartyRole::Body, "gemeente  Voorbeeldstad", None)],
            vec![
                point(Verdict::Gegrond, &["klassiek/voortvarendheid"]),
                point(Verdict::NietGegrond, &[]),
                point(Verdict::DeelsGegrond, &["klassiek/hoor-en-wederhoor"]),
            ],
            &["postadres"],
        ),
        dossier(
            1,
            "2019-03-04",
            vec![
                org(10, PartyRole::Body, "Gemeente Elders", None),
                org(11, PartyRole::Official, "Mevrouw Ambtenaar", Some(10)),
            ],
            vec![point(Verdict::GeenOordeel, &[])],
            &["bijstand"],
        ),
    ]
}

fn verdict(s: &Signals, v: Verdict) -> u32 {
    s.verdicts.iter().find(|c| c.verdict == v).unwrap().points
}

#[test]
fn verdicts_are_counted_per_point_and_every_verdict_is_listed() {
    let s = count(&three(), &SignalPeriod::default());
    assert_eq!(s.dossiers, vec![3, 2, 1]);
    assert_eq!(s.points, 6);
    assert_eq!(
        s.verdicts.len(),
        Verdict::ALL.len(),
        "zero counts are listed too"
    );
    assert_eq!(
        verdict(&s, Verdict::Gegrond),
        2,
        "one gegrond point in each of two dossiers"
    );
    assert_eq!(verdict(&s, Verdict::Open), 1);
    let gegrond = s
        .verdicts
        .iter()
        .find(|c| c.verdict == Verdict::Gegrond)
        .unwrap();
    assert_eq!(gegrond.dossiers, vec![3, 2]);
}

#[test]
fn a_partner_counts_under_its_body_once_per_dossier_and_names_are_matched_loosely() {
    let s = count(&three(), &SignalPeriod::default());
    let names: Vec<_> = s
        .bodies
        .iter()
        .map(|b| (b.name.as_str(), b.dossiers.clone(), b.points_gegrond))
        .collect();
    assert_eq!(
        names,
        vec![("Gemeente Voorbeeldstad", vec![3, 2], 2), ("Gemeente Elders", vec![1], 0)],
        "the partner's dossier counts once under the body; 'gemeente  Voorbeeldstad' is the same body"
    );
    let partners = &s.bodies[0].partners;
    assert_eq!(partners.len(), 1);
    assert_eq!(
        (partners[0].name.as_str(), partners[0].dossiers.clone()),
        ("WIJ-team Oost", vec![3])
    );
    assert!(
        s.bodies[1].partners.is_empty(),
        "an official acting for a body is a person, not a partner"
    );
}

#[test]
fn older_norms_count_under_the_current_norm_and_on_their_own() {
    let s = count(&three(), &SignalPeriod::default());
    let judged: Vec<_> = s
        .judged_norms
        .iter()
        .map(|n| (n.code.as_str(), n.points))
        .collect();
    assert_eq!(judged.len(), 4);
    assert!(judged.contains(&("klassiek/voortvarendheid", 1)));
    assert!(judged.contains(&("voortvarendheid", 1)));
    let voortvarendheid = s
        .norms
        .iter()
        .find(|n| n.code == "voortvarendheid")
        .unwrap();
    assert_eq!(
        voortvarendheid.points, 2,
        "the current norm and its older form, one point each"
    );
    assert_eq!(voortvarendheid.dossiers, vec![3, 2]);
    assert_eq!(voortvarendheid.older.len(), 1);
    assert_eq!(voortvarendheid.older[0].code, "klassiek/voortvarendheid");
    // Hoor en wederhoor maps to two current norms: it counts under both.
    for code in ["goede-voorbereiding", "luisteren-naar-de-burger"] {
        let n = s.norms.iter().find(|n| n.code == code).unwrap();
        assert_eq!((n.points, n.older.len()), (1, 1), "{code}");
    }
    assert!(
        s.norms.iter().all(|n| n.current),
        "groups are current norms"
    );
}

#[test]
fn a_point_judged_on_a_norm_twice_counts_once() {
    let facts = vec![dossier(
        1,
        "2024-05-01",
        vec![],
        vec![point(
            Verdict::Gegrond,
            &[
                "goede-motivering",
                "goede-motivering",
                "klassiek/motivering",
            ],
        )],
        &[],
    )];
    let s = count(&facts, &SignalPeriod::default());
    let n = s
        .norms
        .iter()
        .find(|n| n.code == "goede-motivering")
        .unwrap();
    assert_eq!(
        n.points, 1,
        "one point, however many judgements name the norm"
    );
}

#[test]
fn keywords_count_per_dossier_with_the_most_used_spelling() {
    let s = count(&three(), &SignalPeriod::default());
    let k: Vec<_> = s
        .keywords
        .iter()
        .map(|k| (k.keyword.as_str(), k.dossiers.len()))
        .collect();
    assert_eq!(
        k,
        vec![("bijstand", 2), ("Postadres", 2)],
        "'postadres' is 'Postadres' (of two spellings used once each, the first met); equal counts alphabetically"
    );
}

#[test]
fn a_year_keeps_the_dossiers_received_in_it_and_lists_its_four_quarters() {
    let s = count(&three(), &SignalPeriod::year(2025));
    assert_eq!(s.dossiers, vec![3, 2]);
    assert_eq!(s.points, 5);
    let q: Vec<_> = s
        .quarters
        .iter()
        .map(|q| (q.quarter, q.dossiers.len(), q.points_gegrond))
        .collect();
    assert_eq!(
        q,
        vec![(1, 1, 1), (2, 0, 0), (3, 0, 0), (4, 1, 1)],
        "empty quarters stay in the line"
    );
    assert!(
        s.bodies.iter().all(|b| b.name != "Gemeente Elders"),
        "2019 is left out"
    );
}

#[test]
fn without_a_period_the_quarters_run_from_the_first_dossier_to_the_last() {
    let s = count(&three(), &SignalPeriod::default());
    assert_eq!(
        s.quarters.first().map(|q| (q.year, q.quarter)),
        Some((2019, 1))
    );
    assert_eq!(
        s.quarters.last().map(|q| (q.year, q.quarter)),
        Some((2025, 4))
    );
    assert_eq!(s.quarters.len(), 7 * 4);
}

#[test]
fn cells_below_five_dossiers_are_small_and_empty_ones_are_not() {
    let many: Vec<DossierFacts> = (1..=5)
        .map(|id| {
            dossier(
                id,
                "2024-01-10",
                vec![org(id * 10, PartyRole::Body, "Gemeente A", None)],
                vec![point(Verdict::Gegrond, &[])],
                &[],
            )
        })
        .collect();
    let s = count(&many, &SignalPeriod::default());
    assert!(!s.bodies[0].small, "five dossiers are not a small cell");
    let s = count(&many[..4], &SignalPeriod::default());
    assert!(s.bodies[0].small, "four are");
    let open = s
        .verdicts
        .iter()
        .find(|v| v.verdict == Verdict::Open)
        .unwrap();
    assert!(!open.small, "nothing to mark in an empty cell");
}

#[test]
fn a_broken_or_looping_partner_chain_counts_nowhere() {
    let facts = vec![dossier(
        1,
        "2024-01-10",
        vec![
            org(1, PartyRole::ThirdParty, "A", Some(2)),
            org(2, PartyRole::ThirdParty, "B", Some(1)),
        ],
        vec![],
        &[],
    )];
    assert!(count(&facts, &SignalPeriod::default()).bodies.is_empty());
}

#[test]
fn the_interface_object_has_the_specified_keys() {
    let s = count(&three(), &SignalPeriod::default());
    let json = serde_json::to_value(InterfaceSignals::from(&s)).unwrap();
    let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys.len(), 5);
    for k in [
        "dossiers",
        "points_by_verdict",
        "norms_niet_behoorlijk",
        "bodies",
        "keywords",
    ] {
        assert!(keys.contains(&k.to_string()), "{k}");
    }
    assert_eq!(json["points_by_verdict"]["gegrond"], 2);
    assert_eq!(json["points_by_verdict"]["open"], 1);
    assert_eq!(
        json["bodies"][0],
        serde_json::json!({"body": "Gemeente Voorbeeldstad", "dossiers": 2, "points_gegrond": 2})
    );
}

#[test]
fn facets_roll_partners_up_and_older_norms_forward() {
    let f = facets(&three()[0]);
    assert_eq!(f.bodies, vec!["Gemeente Voorbeeldstad"]);
    assert_eq!(
        f.partners,
        vec![PartnerFacet {
            name: "WIJ-team Oost".into(),
            body: "Gemeente Voorbeeldstad".into()
        }],
        "a partner knows the body it acts for"
    );
    assert_eq!(f.year, 2025);
    let f = facets(&three()[1]);
    assert!(f.norms.contains(&"klassiek/voortvarendheid".to_string()));
    assert!(
        f.norms.contains(&"voortvarendheid".to_string()),
        "an older norm also finds its current one"
    );
    assert_eq!(
        f.verdicts,
        vec![
            Verdict::Gegrond,
            Verdict::NietGegrond,
            Verdict::DeelsGegrond
        ]
    );
}

#[test]
fn a_typed_period_is_read_dutch_style_and_refused_when_backwards() {
    let p = SignalPeriod::from_typed("1-1-2025", " ").unwrap();
    assert_eq!((p.from.as_deref(), p.to), (Some("2025-01-01"), None));
    let codes = |r: std::result::Result<SignalPeriod, Vec<FieldError>>| {
        r.unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(SignalPeriod::from_typed("31-12-2025", "1-1-2025")),
        vec![("to".to_string(), FieldCode::BeforeStart)]
    );
    assert_eq!(
        codes(SignalPeriod::from_typed("morgen", "")),
        vec![("from".to_string(), FieldCode::InvalidDate)]
    );
}
