//! Counting days for statutory terms: weeks and years added to a day, and the Algemene
//! termijnenwet (BWBR0002448, DOMAIN.md §3c [verify]): a term set by law that ends on a
//! Saturday, a Sunday or a generally recognised holiday runs to the next day that is none of
//! these. Its holidays: Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag,
//! Koningsdag (before 2014 Koninginnedag), Bevrijdingsdag (5 mei) and both Kerstdagen; Goede
//! Vrijdag is not one. Easter is computed (Gregorian computus).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday of a year (Gregorian calendar).
pub fn easter(year: i32) -> NaiveDate {
    // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
        .expect("the computus gives a day in March or April")
}

/// The holiday of the Algemene termijnenwet this day is, by its Dutch name, or `None`.
/// Koningsdag is 27 April, or 26 April when the 27th is a Sunday (from 2014); before 2014
/// Koninginnedag, 30 April, or 29 April when the 30th is a Sunday.
pub fn holiday(day: NaiveDate) -> Option<&'static str> {
    let year = day.year();
    let fixed = match (day.month(), day.day()) {
        (1, 1) => Some("Nieuwjaarsdag"),
        (5, 5) => Some("Bevrijdingsdag"),
        (12, 25) => Some("eerste Kerstdag"),
        (12, 26) => Some("tweede Kerstdag"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    if day == kings_day(year) {
        return Some(if year >= 2014 {
            "Koningsdag"
        } else {
            "Koninginnedag"
        });
    }
    let from_easter = (day - easter(year)).num_days();
    match from_easter {
        1 => Some("tweede Paasdag"),
        39 => Some("Hemelvaartsdag"),
        50 => Some("tweede Pinksterdag"),
        _ => None,
    }
}

/// Koningsdag (from 2014) or Koninginnedag (before) of a year, moved off a Sunday to the day
/// before.
fn kings_day(year: i32) -> NaiveDate {
    let (month, day) = if year >= 2014 { (4, 27) } else { (4, 30) };
    let day = NaiveDate::from_ymd_opt(year, month, day).expect("a day in April");
    if day.weekday() == Weekday::Sun {
        day - Duration::days(1)
    } else {
        day
    }
}

/// Whether a term may end on this day: not a Saturday, a Sunday or a holiday.
pub fn is_working_day(day: NaiveDate) -> bool {
    why_moved(day).is_none()
}

/// The day itself when a term may end on it, else the next day that may.
pub fn next_working_day(day: NaiveDate) -> NaiveDate {
    let mut day = day;
    while !is_working_day(day) {
        day = day
            .succ_opt()
            .expect("a day before the end of chrono's calendar");
    }
    day
}

/// Why a term's end moved from `day` to [`next_working_day`], in Dutch ("zaterdag", "tweede
/// Paasdag"), or `None` when it did not move. A holiday on a weekend is named as the holiday
/// (26 April 2025 is "Koningsdag", though a Saturday too).
pub fn why_moved(day: NaiveDate) -> Option<&'static str> {
    holiday(day).or(match day.weekday() {
        Weekday::Sat => Some("zaterdag"),
        Weekday::Sun => Some("zondag"),
        _ => None,
    })
}

/// `weeks` weeks after `day`.
pub fn add_weeks(day: NaiveDate, weeks: u32) -> NaiveDate {
    day + Duration::weeks(i64::from(weeks))
}

/// The same day a year later; 29 February becomes 28 February (a year has passed by then).
pub fn add_year(day: NaiveDate) -> NaiveDate {
    let year = day.year() + 1;
    day.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
        .expect("28 February exists every year")
}
