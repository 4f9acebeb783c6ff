//! The calendar of the Algemene termijnenwet.

use super::day;
use crate::procedure::calendar::*;

#[test]
fn easter_falls_on_the_known_sundays() {
    // Published Easter dates; the computus must give each of them.
    for (year, m, d) in [
        (2000, 4, 23),
        (2008, 3, 23),
        (2018, 4, 1),
        (2019, 4, 21),
        (2024, 3, 31),
        (2025, 4, 20),
        (2038, 4, 25),
    ] {
        assert_eq!(easter(year), day(year, m, d), "Easter {year}");
    }
}

#[test]
fn the_holidays_of_2024_by_their_dutch_names() {
    // Easter 2024 is 31 March: Ascension is 39 days later, Whit Monday 50.
    let expected = [
        (day(2024, 1, 1), "Nieuwjaarsdag"),
        (day(2024, 4, 1), "tweede Paasdag"),
        (day(2024, 4, 27), "Koningsdag"),
        (day(2024, 5, 5), "Bevrijdingsdag"),
        (day(2024, 5, 9), "Hemelvaartsdag"),
        (day(2024, 5, 20), "tweede Pinksterdag"),
        (day(2024, 12, 25), "eerste Kerstdag"),
        (day(2024, 12, 26), "tweede Kerstdag"),
    ];
    for (date, name) in expected {
        assert_eq!(holiday(date), Some(name), "{date}");
        assert!(!is_working_day(date), "{date}");
    }
    // Easter Sunday and Whit Sunday are Sundays, not holidays of their own in the list.
    assert_eq!(holiday(day(2024, 3, 31)), None);
    assert_eq!(holiday(day(2024, 5, 19)), None);
}

#[test]
fn goede_vrijdag_is_a_working_day() {
    // The Algemene termijnenwet does not list Good Friday.
    for date in [day(2024, 3, 29), day(2025, 4, 18)] {
        assert_eq!(holiday(date), None);
        assert!(is_working_day(date));
        assert_eq!(next_working_day(date), date);
    }
}

#[test]
fn koningsdag_moves_to_the_26th_when_the_27th_is_a_sunday() {
    // 27 April 2025 and 27 April 2014 are Sundays.
    assert_eq!(holiday(day(2025, 4, 26)), Some("Koningsdag"));
    assert_eq!(holiday(day(2025, 4, 27)), None);
    assert_eq!(holiday(day(2014, 4, 26)), Some("Koningsdag"));
    // 27 April 2023 is a Thursday.
    assert_eq!(holiday(day(2023, 4, 27)), Some("Koningsdag"));
    assert_eq!(holiday(day(2023, 4, 26)), None);
}

#[test]
fn koninginnedag_before_2014() {
    // 30 April 2013 was a Tuesday; 30 April 2006 a Sunday, so the 29th.
    assert_eq!(holiday(day(2013, 4, 30)), Some("Koninginnedag"));
    assert_eq!(holiday(day(2013, 4, 27)), None);
    assert_eq!(holiday(day(2006, 4, 29)), Some("Koninginnedag"));
    assert_eq!(holiday(day(2006, 4, 30)), None);
    // From 2014 30 April is an ordinary day (a Wednesday in 2014).
    assert_eq!(holiday(day(2014, 4, 30)), None);
    assert!(is_working_day(day(2014, 4, 30)));
}

#[test]
fn bevrijdingsdag_every_year() {
    // The Algemene termijnenwet lists 5 May without the five-yearly condition.
    assert!(!is_working_day(day(2023, 5, 5)), "a Friday");
    assert!(!is_working_day(day(2022, 5, 5)), "a Thursday");
    assert_eq!(next_working_day(day(2023, 5, 5)), day(2023, 5, 8));
}

#[test]
fn the_year_end_christmas_and_new_year() {
    // 31 December is no holiday: a Tuesday in 2019 is a working day.
    assert!(is_working_day(day(2019, 12, 31)));
    assert_eq!(next_working_day(day(2019, 12, 31)), day(2019, 12, 31));
    // Both Kerstdagen and Nieuwjaarsdag are.
    assert_eq!(next_working_day(day(2019, 12, 25)), day(2019, 12, 27));
    assert_eq!(next_working_day(day(2019, 12, 26)), day(2019, 12, 27));
    assert_eq!(next_working_day(day(2020, 1, 1)), day(2020, 1, 2));
}

#[test]
fn a_term_ending_on_a_weekend_or_holiday_runs_to_the_next_working_day() {
    // Saturday to Monday.
    assert_eq!(next_working_day(day(2022, 8, 13)), day(2022, 8, 15));
    // Koningsdag 2023 (Thursday) to Friday.
    assert_eq!(next_working_day(day(2023, 4, 27)), day(2023, 4, 28));
    // Koningsdag 2025 (Saturday 26th), then Sunday: to Monday the 28th.
    assert_eq!(next_working_day(day(2025, 4, 26)), day(2025, 4, 28));
    // Tweede Paasdag to Tuesday.
    assert_eq!(next_working_day(day(2024, 4, 1)), day(2024, 4, 2));
    assert_eq!(next_working_day(day(2025, 4, 21)), day(2025, 4, 22));
    // Saturday, Sunday and tweede Paasdag in a row (Easter 2026 is 5 April).
    assert_eq!(next_working_day(day(2026, 4, 4)), day(2026, 4, 7));
    // Hemelvaartsdag 2024 (Thursday) to Friday.
    assert_eq!(next_working_day(day(2024, 5, 9)), day(2024, 5, 10));
}

#[test]
fn why_a_day_moved() {
    assert_eq!(why_moved(day(2022, 8, 13)), Some("zaterdag"));
    assert_eq!(why_moved(day(2022, 8, 14)), Some("zondag"));
    // A holiday on a Saturday is named as the holiday.
    assert_eq!(why_moved(day(2025, 4, 26)), Some("Koningsdag"));
    assert_eq!(why_moved(day(2024, 4, 1)), Some("tweede Paasdag"));
    assert_eq!(why_moved(day(2018, 8, 13)), None, "a Monday");
}

#[test]
fn weeks_and_years_are_added_by_the_calendar() {
    assert_eq!(add_weeks(day(2018, 7, 2), 6), day(2018, 8, 13));
    assert_eq!(add_weeks(day(2018, 7, 2), 10), day(2018, 9, 10));
    // Six weeks over February: one day fewer to March in a leap year.
    assert_eq!(add_weeks(day(2024, 2, 1), 6), day(2024, 3, 14));
    assert_eq!(add_weeks(day(2023, 2, 1), 6), day(2023, 3, 15));
    assert_eq!(add_year(day(2018, 8, 13)), day(2019, 8, 13));
    // 29 February has no counterpart: a year has passed on 28 February.
    assert_eq!(add_year(day(2024, 2, 29)), day(2025, 2, 28));
    assert_eq!(add_year(day(2023, 2, 28)), day(2024, 2, 28));
}
