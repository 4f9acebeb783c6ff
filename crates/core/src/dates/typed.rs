//! Dates as people type them and registers export them: Dutch day-first dates (`2-10-2018`,
//! also with `/` or `.`), ISO days, a time after the day, and months either way round.

use super::{Moment, YearMonth};
use crate::error::{Error, Result};
use chrono::{NaiveDate, NaiveTime};

/// Parses a day as a person types it: Dutch `d-m-jjjj` (also with `/` or `.`) or ISO `jjjj-mm-dd`.
pub fn parse_user_date(value: &str) -> Result<NaiveDate> {
    let value = value.trim();
    let invalid = |reason| Error::InvalidDate {
        value: value.to_string(),
        reason,
    };
    let parts: Vec<&str> = value.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(invalid("verwacht dd-mm-jjjj"));
    }
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u32::MAX))
        .collect();
    let (year, month, day) = if parts[0].len() == 4 {
        (numbers[0], numbers[1], numbers[2])
    } else if parts[2].len() == 4 {
        (numbers[2], numbers[1], numbers[0])
    } else {
        return Err(invalid("het jaar moet vier cijfers hebben"));
    };
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| invalid("deze dag bestaat niet"))
}

/// Parses a moment as a person or a register export writes it: a day (see
/// [`parse_user_date`]) optionally followed by a time (`10:14` or `10:14:09`), separated by a
/// space or `T`: `02-10-2018 10:14`, `2-10-2018`, `2018-10-02T10:14`.
pub fn parse_user_moment(value: &str) -> Result<Moment> {
    let value = value.trim();
    let (day, time) = match value.split_once(['T', ' ']) {
        Some((day, time)) => (day, Some(time.trim())),
        None => (value, None),
    };
    let day = parse_user_date(day)?;
    match time {
        None | Some("") => Ok(Moment::Day(day)),
        Some(time) => {
            let time = plain_time(time)
                .map(Ok)
                .unwrap_or_else(|| {
                    NaiveTime::parse_from_str(time, "%H:%M")
                        .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M:%S"))
                })
                .map_err(|_| Error::InvalidDate {
                    value: value.to_string(),
                    reason: "de tijd is geen geldige tijd (uu:mm)",
                })?;
            Ok(Moment::DayTime(day.and_time(time)))
        }
    }
}

/// `H:MM`, `HH:MM` or `HH:MM:SS` read directly: the shape nearly every register row has, and a
/// chrono format string costs more than the rest of the row. Anything else is left to chrono.
fn plain_time(time: &str) -> Option<NaiveTime> {
    let mut numbers = [0u32; 3];
    let mut count = 0;
    for part in time.split(':') {
        if count == 3
            || part.is_empty()
            || part.len() > 2
            || !part.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        numbers[count] = part.parse().ok()?;
        count += 1;
    }
    if count < 2 {
        return None;
    }
    NaiveTime::from_hms_opt(numbers[0], numbers[1], numbers[2])
}

/// Parses a month as typed: `10-2018`, `10/2018` or `2018-10`.
pub fn parse_user_month(value: &str) -> Result<YearMonth> {
    let value = value.trim();
    let invalid = || Error::InvalidDate {
        value: value.to_string(),
        reason: "verwacht mm-jjjj",
    };
    let (a, b) = value.split_once(['-', '/']).ok_or_else(invalid)?;
    let (year, month) = if a.len() == 4 { (a, b) } else { (b, a) };
    if year.len() != 4 || month.is_empty() || month.len() > 2 {
        return Err(invalid());
    }
    YearMonth::parse(&format!("{year}-{month:0>2}")).map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn register_times_read_directly_agree_with_chrono() {
        // The fast path may only take what chrono takes, with the same result.
        for time in ["10:14", "9:05", "00:00", "23:59", "10:14:09", "7:3"] {
            let chrono = NaiveTime::parse_from_str(time, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M:%S"))
                .ok();
            assert_eq!(plain_time(time), chrono, "{time}");
        }
        for odd in ["24:00", "10:60", "10", "10:14:09:01", "1014", "10:1a", ""] {
            assert_eq!(plain_time(odd), None, "{odd} is left to chrono");
        }
        assert!(parse_user_moment("02-10-2018 24:00").is_err());
    }

    #[test]
    fn people_type_dutch_dates() {
        assert_eq!(
            parse_user_date("4-3-2019").unwrap(),
            day(2019, 3, 4),
            "day first, as in Dutch"
        );
        assert_eq!(parse_user_date(" 04/03/2019 ").unwrap(), day(2019, 3, 4));
        assert_eq!(
            parse_user_date("2019-03-04").unwrap(),
            day(2019, 3, 4),
            "ISO is accepted too"
        );
        assert!(
            parse_user_date("31-02-2019").is_err(),
            "31 February does not exist"
        );
        assert!(
            parse_user_date("4-3-19").is_err(),
            "a two-digit year is ambiguous"
        );
        assert!(parse_user_date("morgen").is_err());
        assert!(parse_user_date("").is_err());
    }

    #[test]
    fn register_moments_come_in_several_shapes() {
        assert_eq!(
            parse_user_moment("02-10-2018 10:14").unwrap().to_string(),
            "2018-10-02T10:14"
        );
        assert_eq!(
            parse_user_moment("2-10-2018").unwrap().to_string(),
            "2018-10-02"
        );
        assert_eq!(
            parse_user_moment("2018-10-02T10:14").unwrap().to_string(),
            "2018-10-02T10:14"
        );
        assert_eq!(
            parse_user_moment("2018-10-02 10:14:30")
                .unwrap()
                .to_string(),
            "2018-10-02T10:14:30"
        );
        assert!(parse_user_moment("02-10-2018 25:14").is_err(), "no hour 25");
        assert!(
            parse_user_moment("31-09-2018").is_err(),
            "September has 30 days"
        );
    }

    #[test]
    fn months_are_typed_either_way_round() {
        assert_eq!(parse_user_month("10-2018").unwrap().to_string(), "2018-10");
        assert_eq!(parse_user_month("3/2019").unwrap().to_string(), "2019-03");
        assert_eq!(parse_user_month("2019-03").unwrap().to_string(), "2019-03");
        assert!(parse_user_month("13-2019").is_err());
        assert!(parse_user_month("2019").is_err());
    }
}
