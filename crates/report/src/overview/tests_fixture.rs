//! A year of complaints small enough to count by hand, for the overview's tests: seven dossiers
//! of 2025, whose persons' names also stand in titles, recommendations, answers and trefwoorden
//! (one of them a name registered only in another dossier), with diacritics, a long body name,
//! a partner, a partner that keeps no public name, an older norm and small and large cells.

use crate::overview::Overview;
use chrono::NaiveDate;
use wederhoor_core::signals::{
    count, DossierFacts, HiddenName, Organisation, PointFacts, RecommendationFacts, RegisterEntry,
};
use wederhoor_core::vocab::{DossierStatus, PartyRole, Verdict};
use wederhoor_core::wire::SignalPeriod;

pub const GEMEENTE: &str = "Gemeente Voorbeeldstad";
pub const WIJ: &str = "WIJ-team Voorbeeldstad Oost";
pub const LONG_BODY: &str =
    "Belastingsamenwerking Zuid-Oost-Brabant en Omstreken, afdeling Invordering en Kwijtschelding van Gemeentelijke Belastingen";
/// A partner that keeps no public name, and what the overview calls it.
pub const HIDDEN_PARTNER: (&str, &str) = ("Zorggroep De Linde", "de zorgaanbieder");

/// Every person of the fixture, and the parts of their names that must never be printed.
pub const PERSONS: &[(&str, &[&str])] = &[
    ("Noëlle van den Berg", &["Noëlle", "Noelle", "Berg"]),
    ("Henk Kuipers", &["Henk", "Kuipers"]),
    ("Pieter Jansen", &["Pieter", "Jansen"]),
    ("Zoë Oosterhuis", &["Oosterhuis"]),
    ("Willem de Vries", &["Willem", "Vries"]),
    ("Fatima Bakker", &["Fatima", "Bakker"]),
    ("Jan Smit", &["Smit"]),
    ("Lotte Verhoef", &["Lotte", "Verhoef"]),
];

pub fn day(s: &str) -> NaiveDate {
    s.parse().expect("a fixture day")
}

fn person(name: &str, pseudonym: &str) -> HiddenName {
    HiddenName {
        name: name.into(),
        aliases: Vec::new(),
        pseudonym: pseudonym.into(),
        person: true,
    }
}

fn org(id: i64, role: PartyRole, name: &str, acts_for: Option<i64>) -> Organisation {
    Organisation {
        id,
        role,
        name: name.into(),
        pseudonym: format!("organisatie {id}"),
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

fn recommendation(point: u32, text: &str, response: Option<&str>) -> RecommendationFacts {
    RecommendationFacts {
        point: Some(point),
        text: text.into(),
        response: response.map(str::to_string),
    }
}

/// One dossier: its facts for the counting and its register entry, kept consistent.
struct Case {
    id: i64,
    received: String,
    title: String,
    orgs: Vec<Organisation>,
    points: Vec<PointFacts>,
    keywords: &'static [&'static str],
    completed: Option<String>,
    recommendations: Vec<RecommendationFacts>,
    hidden: Vec<HiddenName>,
}

fn gemeente(id: i64) -> Organisation {
    org(id * 10, PartyRole::Body, GEMEENTE, None)
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            id: 101,
            received: "2025-11-20".into(),
            title: "Noëlle van den Berg kreeg geen postadres na de brand".into(),
            orgs: vec![gemeente(101), org(1011, PartyRole::ThirdParty, WIJ, Some(1010))],
            points: vec![
                point(Verdict::Gegrond, &["voortvarendheid", "goede-organisatie"]),
                point(Verdict::NietGegrond, &[]),
            ],
            keywords: &["postadres", "coördinatie", "bijstand"],
            completed: None,
            recommendations: vec![recommendation(
                1,
                "Zorg dat mevrouw Van den Berg binnen twee weken een postadres krijgt.",
                Some("De gemeente heeft Noëlle op 3 december een postadres gegeven."),
            )],
            hidden: vec![person("Noëlle van den Berg", "verzoekster")],
        },
        Case {
            id: 102,
            received: "2025-09-03".into(),
            title: "Klantmanager Kuipers belde niet terug".into(),
            orgs: vec![gemeente(102)],
            points: vec![
                point(Verdict::Gegrond, &["fatsoenlijke-bejegening"]),
                point(Verdict::DeelsGegrond, &["klassiek/motivering"]),
            ],
            keywords: &["klacht Kuipers", "bijstand"],
            completed: Some("2025-11-26".into()),
            recommendations: vec![recommendation(
                2,
                "Bied de heer Jansen excuses aan voor de manier waarop Henk Kuipers hem te woord stond.",
                None,
            )],
            hidden: vec![
                person("Pieter Jansen", "verzoeker"),
                person("Henk Kuipers", "klantmanager K."),
            ],
        },
        Case {
            id: 103,
            received: "2025-06-12".into(),
            title: "Geïnde boete ondanks kwijtschelding".into(),
            orgs: vec![org(1030, PartyRole::Body, LONG_BODY, None)],
            points: vec![point(Verdict::Gegrond, &["klassiek/motivering"])],
            keywords: &["kwijtschelding", "Klacht Kuipers"],
            completed: Some("2025-08-21".into()),
            recommendations: vec![recommendation(
                1,
                "Betaal het geïnde bedrag terug.",
                Some("Mevrouw Oosterhuis krijgt het bedrag binnen een maand terug."),
            )],
            hidden: vec![person("Zoë Oosterhuis", "verzoekster")],
        },
        Case {
            id: 104,
            received: "2025-04-02".into(),
            title: "Parkeervergunning van Willem de Vries niet verlengd".into(),
            orgs: vec![gemeente(104)],
            points: vec![point(Verdict::NietGegrond, &[])],
            keywords: &["parkeren", "bijstand"],
            completed: Some("2025-05-30".into()),
            recommendations: Vec::new(),
            hidden: vec![person("Willem de Vries", "verzoeker")],
        },
        Case {
            id: 105,
            received: "2025-02-14".into(),
            title: "Zelfde fout als bij mevrouw Oosterhuis".into(),
            orgs: vec![gemeente(105), org(1051, PartyRole::ThirdParty, WIJ, Some(1050))],
            points: vec![
                point(Verdict::Gegrond, &["goede-informatieverstrekking"]),
                point(Verdict::GeenOordeel, &[]),
            ],
            keywords: &["Oosterhuis", "bijstand"],
            completed: Some("2025-04-11".into()),
            recommendations: Vec::new(),
            hidden: vec![person("Fatima Bakker", "verzoekster")],
        },
        Case {
            id: 106,
            received: "2025-01-20".into(),
            title: "Geen reactie van Zorggroep De Linde op bezwaar van Jan Smit".into(),
            orgs: vec![gemeente(106), {
                let mut o = org(1061, PartyRole::ThirdParty, HIDDEN_PARTNER.0, Some(1060));
                o.public_name = false;
                o.pseudonym = HIDDEN_PARTNER.1.into();
                o
            }],
            points: vec![point(Verdict::NietGegrond, &[])],
            keywords: &["bezwaar; termijn", "bijstand"],
            completed: Some("2025-03-03".into()),
            recommendations: Vec::new(),
            hidden: vec![
                person("Jan Smit", "verzoeker"),
                HiddenName {
                    name: HIDDEN_PARTNER.0.into(),
                    aliases: vec!["De Linde".into()],
                    pseudonym: HIDDEN_PARTNER.1.into(),
                    person: false,
                },
            ],
        },
        Case {
            id: 107,
            received: "2025-01-08".into(),
            title: "Toeslag te laat uitbetaald".into(),
            orgs: vec![gemeente(107)],
            points: vec![point(Verdict::Open, &[])],
            keywords: &["toeslag \"spoed\""],
            completed: None,
            recommendations: Vec::new(),
            hidden: vec![person("Lotte Verhoef", "verzoekster")],
        },
    ]
}

/// The public labels of a dossier's bodies, partners rolled up.
fn bodies(orgs: &[Organisation]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for o in orgs.iter().filter(|o| o.role == PartyRole::Body) {
        let label = o.public_label().to_string();
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}

/// Facts and entries of these cases, counted over `period`.
fn overview_of(cases: Vec<Case>, period: SignalPeriod) -> Overview {
    let facts: Vec<DossierFacts> = cases
        .iter()
        .map(|c| DossierFacts {
            id: c.id,
            received_on: day(&c.received),
            keywords: c.keywords.iter().map(|k| k.to_string()).collect(),
            organisations: c.orgs.clone(),
            points: c.points.clone(),
        })
        .collect();
    let register = cases
        .into_iter()
        .map(|c| RegisterEntry {
            id: c.id,
            reference: format!("2025-0{}", c.id),
            title: c.title,
            received_on: day(&c.received),
            status: if c.completed.is_some() {
                DossierStatus::Reported
            } else {
                DossierStatus::Investigation
            },
            bodies: bodies(&c.orgs),
            verdicts: c.points.iter().map(|p| p.verdict).collect(),
            completed_on: c.completed.as_deref().map(day),
            recommendations: c.recommendations,
            hidden: c.hidden,
        })
        .collect();
    Overview {
        ombudsman: "Gemeentelijke ombudsman Voorbeeldstad".into(),
        signals: count(&facts, &period),
        period,
        made_on: day("2026-01-12"),
        register,
    }
}

/// The seven dossiers of 2025.
pub fn year() -> Overview {
    overview_of(cases(), SignalPeriod::year(2025))
}

/// 2025 without a single complaint.
pub fn empty_year() -> Overview {
    overview_of(Vec::new(), SignalPeriod::year(2025))
}

/// A surname of letters only, one per number: "Zuma", "Zumb", …
fn surname(mut i: usize) -> String {
    let mut s = String::from("Zum");
    loop {
        s.push((b'a' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            return s;
        }
    }
}

/// A year of `n` dossiers, spread over the quarters, each with its own requester whose name
/// stands in its title: for the performance test.
pub fn busy_year(n: usize) -> Overview {
    let mut all = Vec::new();
    let templates = cases();
    for i in 0..n {
        let base = &templates[i % templates.len()];
        let month = 12 - (i * 12 / n) as u32;
        let received = format!("2025-{month:02}-{:02}", 28 - (i % 27));
        let name = format!("{} {}", ["Anna", "Bram", "Cees", "Dirk"][i % 4], surname(i));
        let title = format!("{} ({name})", base.title);
        // Completed some weeks after receipt, as a real register would have it.
        let completed = base
            .completed
            .as_ref()
            .map(|_| (day(&received) + chrono::Days::new(7 * (3 + i as u64 % 20))).to_string());
        let mut hidden = base.hidden.clone();
        hidden.push(person(&name, "verzoeker"));
        all.push(Case {
            id: 1000 + i as i64,
            received,
            title,
            orgs: base.orgs.clone(),
            points: base.points.clone(),
            keywords: base.keywords,
            completed,
            recommendations: base.recommendations.clone(),
            hidden,
        });
    }
    overview_of(all, SignalPeriod::year(2025))
}

/// An organisation that keeps no public name, and the name a publication hides.
fn pseudonymised(
    id: i64,
    role: PartyRole,
    name: &str,
    pseudonym: &str,
    acts_for: Option<i64>,
) -> (Organisation, HiddenName) {
    let mut o = org(id, role, name, acts_for);
    o.public_name = false;
    o.pseudonym = pseudonym.into();
    let hidden = HiddenName {
        name: name.into(),
        aliases: Vec::new(),
        pseudonym: pseudonym.into(),
        person: false,
    };
    (o, hidden)
}

/// The year of seven dossiers, with parties that differ but share a public label: the
/// WIJ-teams Oost (dossier 101) and Noord (101 and 105) both "het WIJ-team" under the
/// municipality; the Gemeenten Anderstad (103, one point gegrond) and Derdestad (107) both
/// "de gemeente" (written "De  gemeente " once), each with a wijkteam "het wijkteam".
pub fn same_labels() -> Overview {
    let mut all = cases();
    let hide = |case: &mut Case, o: (Organisation, HiddenName)| {
        case.orgs.push(o.0);
        case.hidden.push(o.1);
    };
    let wij =
        |id, name, body| pseudonymised(id, PartyRole::ThirdParty, name, "het WIJ-team", Some(body));
    all[0].orgs.retain(|o| o.name != WIJ);
    hide(&mut all[0], wij(1011, "WIJ-team Oost", 1010));
    hide(&mut all[0], wij(1012, "WIJ-team Noord", 1010));
    all[4].orgs.retain(|o| o.name != WIJ);
    hide(&mut all[4], wij(1051, "WIJ-team Noord", 1050));
    for (case, town, label, team) in [
        (2, "Gemeente Anderstad", "de gemeente", "Wijkteam Anderstad"),
        (
            6,
            "Gemeente Derdestad",
            "De  gemeente ",
            "Wijkteam Derdestad",
        ),
    ] {
        let id = all[case].id * 10;
        all[case].orgs.clear();
        hide(
            &mut all[case],
            pseudonymised(id, PartyRole::Body, town, label, None),
        );
        let partner = pseudonymised(
            id + 1,
            PartyRole::ThirdParty,
            team,
            "het wijkteam",
            Some(id),
        );
        hide(&mut all[case], partner);
    }
    overview_of(all, SignalPeriod::year(2025))
}

/// The seven dossiers spread over fifteen years, counted over all years: 60 quarters from
/// K1 2011 to K4 2025, most of them without a complaint.
pub fn long_period() -> Overview {
    let mut all = cases();
    for (case, received) in all.iter_mut().zip([
        "2025-11-20",
        "2025-09-03",
        "2023-06-12",
        "2023-04-02",
        "2019-02-14",
        "2016-01-20",
        "2011-01-08",
    ]) {
        case.received = received.into();
    }
    all[5].completed = Some("2016-03-03".into());
    all[4].completed = Some("2019-04-11".into());
    all[3].completed = Some("2023-05-30".into());
    all[2].completed = Some("2023-08-21".into());
    overview_of(all, SignalPeriod::default())
}
