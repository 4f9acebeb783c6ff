//! Small Dutch phrases the terms, findings and suggestions share.

use super::calendar;
use crate::dates::dutch_long_date;
use chrono::NaiveDate;

/// A day as the sentences write it: `13 augustus 2018`.
pub(super) fn day(date: NaiveDate) -> String {
    dutch_long_date(date)
}

/// `1 dag`, `6 dagen`, `7 dagen (1 week)`, `414 dagen (59 weken)`.
pub(super) fn days_weeks(days: i64, weeks: i64) -> String {
    let days_text = if days == 1 {
        "1 dag".to_string()
    } else {
        format!("{days} dagen")
    };
    match weeks {
        0 => days_text,
        1 => format!("{days_text} (1 week)"),
        w => format!("{days_text} ({w} weken)"),
    }
}

/// `1 week`, `4 weken`.
pub(super) fn weeks(n: u32) -> String {
    if n == 1 {
        "1 week".to_string()
    } else {
        format!("{n} weken")
    }
}

/// The last day of a statutory term that would end on `raw`, moved by the Algemene
/// termijnenwet, with the clause that says why ("; 13 augustus 2022 is een zaterdag, dus loopt
/// de termijn door tot de eerstvolgende werkdag, 15 augustus 2022"), empty when it stays.
pub(super) fn moved(raw: NaiveDate) -> (NaiveDate, String) {
    let end = calendar::next_working_day(raw);
    let clause = match calendar::why_moved(raw) {
        None => String::new(),
        Some(why) => {
            let what = match why {
                "zaterdag" | "zondag" => format!("een {why}"),
                holiday => holiday.to_string(),
            };
            format!(
                "; {} is {what}, dus loopt de termijn door tot de eerstvolgende werkdag, {}",
                day(raw),
                day(end)
            )
        }
    };
    (end, clause)
}
