use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn claim(id: i64, start: NaiveDate, end: NaiveDate, precision: Precision) -> Fact {
    Fact {
        id,
        side: Side::Citizen,
        kind: StatementKind::Claim,
        when: Some((start, end, precision)),
        channel: Some(Channel::Phone),
        topic: None,
        quantity: None,
    }
}

fn record(id: i64, on: NaiveDate, channel: Option<Channel>) -> Fact {
    Fact {
        id,
        side: Side::Body,
        kind: StatementKind::Record,
        when: Some((on, on, Precision::Day)),
        channel,
        topic: None,
        quantity: None,
    }
}

fn run(facts: &[Fact]) -> Vec<Suggestion> {
    suggest(facts, RuleSettings::default())
}

#[test]
fn the_demo_count_ten_claimed_against_two_registered() {
    let mut c = claim(1, day(2018, 9, 15), day(2018, 12, 20), Precision::Range);
    c.quantity = Some(10);
    let facts = [
        c,
        record(7, day(2018, 10, 2), Some(Channel::Phone)),
        record(8, day(2018, 11, 14), Some(Channel::Phone)),
    ];
    let s = run(&facts);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].rule, SuggestionRule::Count);
    assert!(
        s[0].message
            .starts_with("ten minste 10 geclaimd tegenover 2 geregistreerd"),
        "{}",
        s[0].message
    );
    assert_eq!(
        (s[0].citizen.clone(), s[0].body.clone()),
        (vec![1], vec![7, 8])
    );
}

#[test]
fn count_boundaries_period_ends_channel_and_enough_records() {
    let mut c = claim(1, day(2018, 10, 1), day(2018, 10, 31), Precision::Range);
    c.quantity = Some(2);
    let edges = [
        c.clone(),
        record(2, day(2018, 10, 1), Some(Channel::Phone)),
        record(3, day(2018, 10, 31), Some(Channel::Phone)),
    ];
    assert!(
        run(&edges).is_empty(),
        "records on the first and last day count: 2 of 2"
    );
    let outside = [
        c.clone(),
        record(2, day(2018, 9, 30), Some(Channel::Phone)),
        record(3, day(2018, 11, 1), Some(Channel::Phone)),
    ];
    assert_eq!(
        run(&outside)[0].body,
        Vec::<i64>::new(),
        "a day outside the period does not count"
    );
    let mismatch = [
        c.clone(),
        record(2, day(2018, 10, 5), Some(Channel::Email)),
        record(3, day(2018, 10, 6), Some(Channel::Phone)),
    ];
    assert!(
        run(&mismatch)[0]
            .message
            .contains("tegenover 1 geregistreerd"),
        "an e-mail is no phone call"
    );
    let mut any_channel = c.clone();
    any_channel.channel = None;
    assert!(
        run(&[
            any_channel,
            record(2, day(2018, 10, 5), Some(Channel::Email)),
            record(3, day(2018, 10, 6), None)
        ])
        .is_empty(),
        "a claim without channel counts every record"
    );
    assert!(
        run(&[c])[0].message.contains("tegenover 0 geregistreerd"),
        "no records at all"
    );
}

#[test]
fn a_claimed_date_three_weeks_from_the_recorded_one_is_a_date_conflict() {
    let mut c = claim(1, day(2019, 1, 7), day(2019, 1, 7), Precision::Day);
    c.channel = Some(Channel::Letter);
    c.topic = Some("Bezwaarschrift".into());
    let mut r = record(9, day(2019, 1, 28), Some(Channel::Letter));
    r.topic = Some("bezwaarschrift".into());
    let s = run(&[c.clone(), r.clone()]);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].rule, SuggestionRule::Date);
    assert!(
        s[0].message.contains("21 dagen verschil"),
        "{}",
        s[0].message
    );

    let mut near = r.clone();
    near.when = Some((day(2019, 1, 14), day(2019, 1, 14), Precision::Day));
    assert!(
        run(&[c.clone(), near]).is_empty(),
        "exactly the tolerance (7 days) is no conflict"
    );
    let mut same_day = r.clone();
    same_day.when = Some((day(2019, 1, 7), day(2019, 1, 7), Precision::Day));
    assert!(
        run(&[c.clone(), same_day]).is_empty(),
        "the same day agrees"
    );
    let loose = RuleSettings {
        date_tolerance_days: 30,
        ..RuleSettings::default()
    };
    assert!(
        suggest(&[c, r], loose).is_empty(),
        "the investigator sets the tolerance"
    );
}

#[test]
fn a_claimed_contact_without_any_record_nearby_is_an_occurrence_conflict() {
    let c = claim(1, day(2018, 10, 20), day(2018, 10, 20), Precision::Day);
    let s = run(&[c.clone(), record(2, day(2018, 10, 2), Some(Channel::Phone))]);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].rule, SuggestionRule::Occurrence);
    assert!(
        run(&[
            c.clone(),
            record(2, day(2018, 10, 23), Some(Channel::Phone))
        ])
        .is_empty(),
        "within the 3-day window"
    );
    assert_eq!(
        run(&[
            c.clone(),
            record(2, day(2018, 10, 20), Some(Channel::Email))
        ])
        .len(),
        1,
        "a record of another channel does not count"
    );
    assert_eq!(run(&[c]).len(), 1, "no records at all");
}

#[test]
fn month_precision_claims_look_across_the_whole_month() {
    let c = claim(1, day(2018, 10, 1), day(2018, 10, 31), Precision::Month);
    assert!(run(&[
        c.clone(),
        record(2, day(2018, 10, 30), Some(Channel::Phone))
    ])
    .is_empty());
    assert!(
        run(&[c.clone(), record(2, day(2018, 11, 3), Some(Channel::Phone))]).is_empty(),
        "the window reaches past the month"
    );
    let s = run(&[c, record(2, day(2018, 11, 4), Some(Channel::Phone))]);
    assert!(s[0].message.contains("in oktober 2018"), "{}", s[0].message);
}

#[test]
fn periods_without_number_undated_claims_and_the_body_own_claims_suggest_nothing() {
    let period = claim(1, day(2018, 9, 15), day(2018, 12, 20), Precision::Range);
    let mut undated = claim(2, day(2018, 1, 1), day(2018, 1, 1), Precision::Day);
    undated.when = None;
    let mut body_claim = claim(3, day(2018, 10, 1), day(2018, 10, 1), Precision::Day);
    body_claim.side = Side::Body;
    assert!(run(&[period, undated, body_claim]).is_empty());
}

#[test]
fn keys_are_stable_for_remembering_a_dismissal() {
    let mut c = claim(4, day(2018, 9, 15), day(2018, 12, 20), Precision::Range);
    c.quantity = Some(10);
    let a = run(&[c.clone(), record(7, day(2018, 10, 2), Some(Channel::Phone))]);
    let b = run(&[
        c,
        record(7, day(2018, 10, 2), Some(Channel::Phone)),
        record(8, day(2018, 10, 3), Some(Channel::Phone)),
    ]);
    assert_eq!(a[0].key, "count:4:");
    assert_eq!(
        a[0].key, b[0].key,
        "a count suggestion is the claim's, whatever records come in"
    );
}
