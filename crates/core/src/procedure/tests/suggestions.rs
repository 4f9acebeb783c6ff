//! The norms the terms point to.

use super::*;
use crate::procedure::{norm_suggestions, NormSuggestion};

fn suggest(steps: &[Step], today: NaiveDate) -> Vec<NormSuggestion> {
    norm_suggestions(steps, &terms_on(&setting(), steps, today))
}

fn norms(suggestions: &[NormSuggestion]) -> Vec<&str> {
    suggestions.iter().map(|s| s.norm.as_str()).collect()
}

#[test]
fn a_lost_complaint_points_to_voortvarendheid_and_goede_organisatie() {
    // Nothing shows the body did anything with it: late, and it looks lost.
    let found = suggest(&[filed(day(2018, 7, 2))], day(2019, 10, 1));
    assert_eq!(norms(&found), vec!["voortvarendheid", "goede-organisatie"]);
    assert_eq!(found[0].key, "procedure:voortvarendheid:1");
    assert_eq!(found[1].key, "procedure:goede-organisatie:1");
    assert_eq!(
        found[0].facts,
        "De klacht is op 2 juli 2018 bij de instantie ingediend. De termijn van Awb 9:11 liep af op 13 augustus 2018. Op 1 oktober 2019 had de instantie nog niet op de klacht beslist, 414 dagen (59 weken) na het einde van de termijn."
    );
    assert!(found[1].facts.contains(
        "Er is geen ontvangstbevestiging, verdaging of beslissing op de klacht vastgelegd."
    ));
    assert_eq!(found[0].term.kind, TermKind::InternalHandling);
}

#[test]
fn an_acknowledged_complaint_late_points_only_to_voortvarendheid() {
    // The receipt was confirmed: the complaint was not lost, only slow.
    let ack = Step {
        party: Some(BODY),
        ..step(2, EventKind::InternalComplaintAcknowledged, day(2018, 7, 5))
    };
    let found = suggest(&[filed(day(2018, 7, 2)), ack], day(2019, 10, 1));
    assert_eq!(norms(&found), vec!["voortvarendheid"]);
    let late = suggest(
        &[filed(day(2018, 7, 2)), decided(3, day(2018, 10, 1))],
        day(2019, 10, 1),
    );
    assert_eq!(norms(&late), vec!["voortvarendheid"]);
    assert!(late[0]
        .facts
        .ends_with("De instantie besliste pas op 1 oktober 2018 op de klacht, 49 dagen (7 weken) na het einde van de termijn."));
}

#[test]
fn a_complaint_in_time_points_to_nothing() {
    assert!(suggest(&[filed(day(2018, 7, 2))], day(2018, 8, 13)).is_empty());
    assert!(suggest(
        &[filed(day(2018, 7, 2)), decided(2, day(2018, 8, 13))],
        day(2019, 10, 1)
    )
    .is_empty());
}

#[test]
fn a_broken_promise_points_to_betrouwbaarheid() {
    let promise = |done| {
        with_term(
            4,
            EventKind::Promise,
            day(2019, 8, 20),
            day(2019, 8, 23),
            done,
        )
    };
    let broken = suggest(&[promise(None)], day(2019, 10, 1));
    assert_eq!(norms(&broken), vec!["betrouwbaarheid"]);
    assert_eq!(broken[0].key, "procedure:betrouwbaarheid:4");
    assert_eq!(
        broken[0].facts,
        "Op 20 augustus 2019 is een toezegging gedaan die uiterlijk 23 augustus 2019 zou worden nagekomen. Op 1 oktober 2019 was de toezegging nog niet nagekomen, 39 dagen (5 weken) na die dag."
    );
    // Kept late is still a promise not kept by its day.
    let late = suggest(&[promise(Some(day(2019, 8, 30)))], day(2019, 10, 1));
    assert_eq!(norms(&late), vec!["betrouwbaarheid"]);
    assert!(late[0].facts.ends_with(
        "De toezegging is pas op 30 augustus 2019 nagekomen, 7 dagen (1 week) te laat."
    ));
    // Kept in time: nothing to weigh.
    assert!(suggest(&[promise(Some(day(2019, 8, 22)))], day(2019, 10, 1)).is_empty());
}

#[test]
fn other_overrun_terms_point_to_no_norm_here() {
    // An information request overrun is a finding; which norm it touches is the
    // investigator's call.
    let asked = with_term(
        3,
        EventKind::InformationRequested,
        day(2019, 8, 10),
        day(2019, 8, 24),
        None,
    );
    assert!(suggest(&[asked], day(2019, 10, 1)).is_empty());
}
