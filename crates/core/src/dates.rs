//! Dates as investigators meet them: a day, a day with a time, a month, a range, or unknown.
//! The file writes them as ISO 8601 (`2018-10-02`, `2018-10-02T14:05`, `2018-10`); people type
//! Dutch dates (`2-10-2018`), which [`parse_user_date`] accepts too.

use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

mod typed;

pub use typed::{parse_user_date, parse_user_moment, parse_user_month};

/// A day, or a day with a time of day known to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Moment {
    /// Only the day is known.
    Day(NaiveDate),
    /// The day and the time (minutes; seconds kept when given).
    DayTime(NaiveDateTime),
}

impl Moment {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`.
    pub fn parse(value: &str) -> Result<Self> {
        let invalid = |reason| Error::InvalidDate {
            value: value.to_string(),
            reason,
        };
        match value.split_once('T') {
            None => Ok(Moment::Day(parse_iso_day(value)?)),
            Some((day, time)) => {
                let day =
                    parse_iso_day(day).map_err(|_| invalid("de dag is geen bestaande datum"))?;
                let time = NaiveTime::parse_from_str(time, "%H:%M")
                    .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M:%S"))
                    .map_err(|_| invalid("de tijd is geen geldige tijd (UU:MM)"))?;
                Ok(Moment::DayTime(day.and_time(time)))
            }
        }
    }

    /// The day of this moment.
    pub fn day(&self) -> NaiveDate {
        match self {
            Moment::Day(d) => *d,
            Moment::DayTime(dt) => dt.date(),
        }
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Moment::Day(d) => write_iso_day(f, *d),
            Moment::DayTime(dt) => {
                write_iso_day(f, dt.date())?;
                write!(f, "T{:02}:{:02}", dt.hour(), dt.minute())?;
                match dt.second() {
                    0 => Ok(()),
                    s => write!(f, ":{s:02}"),
                }
            }
        }
    }
}

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The first day of the month.
    first: NaiveDate,
}

impl YearMonth {
    /// Parses `YYYY-MM`.
    pub fn parse(value: &str) -> Result<Self> {
        let invalid = |reason| Error::InvalidDate {
            value: value.to_string(),
            reason,
        };
        let (y, m) = value
            .split_once('-')
            .ok_or_else(|| invalid("verwacht JJJJ-MM"))?;
        if y.len() != 4 || m.len() != 2 {
            return Err(invalid("verwacht JJJJ-MM"));
        }
        let year: i32 = y.parse().map_err(|_| invalid("verwacht JJJJ-MM"))?;
        let month: u32 = m.parse().map_err(|_| invalid("verwacht JJJJ-MM"))?;
        let first = NaiveDate::from_ymd_opt(year, month, 1)
            .ok_or_else(|| invalid("de maand bestaat niet"))?;
        Ok(YearMonth { first })
    }

    /// The first day of the month.
    pub fn first_day(&self) -> NaiveDate {
        self.first
    }

    /// The last day of the month.
    pub fn last_day(&self) -> NaiveDate {
        let next = if self.first.month() == 12 {
            NaiveDate::from_ymd_opt(self.first.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.first.year(), self.first.month() + 1, 1)
        };
        next.and_then(|d| d.pred_opt()).unwrap_or(self.first)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.first.format("%Y-%m"))
    }
}

/// When a statement says something happened. Unknown dates are `Option::None` around this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FuzzyDate {
    /// On a day (perhaps at a time).
    On(Moment),
    /// Some time in a month.
    Month(YearMonth),
    /// Some time, or repeatedly, between two days (inclusive).
    Range {
        /// First day.
        from: NaiveDate,
        /// Last day; never before `from`.
        to: NaiveDate,
    },
}

impl FuzzyDate {
    /// The first and last day this date can mean, for placing it on a time axis.
    pub fn span(&self) -> (NaiveDate, NaiveDate) {
        match self {
            FuzzyDate::On(m) => (m.day(), m.day()),
            FuzzyDate::Month(ym) => (ym.first_day(), ym.last_day()),
            FuzzyDate::Range { from, to } => (*from, *to),
        }
    }

    /// The storage form: a kind and one or two ISO strings.
    pub fn to_parts(&self) -> (&'static str, String, Option<String>) {
        match self {
            FuzzyDate::On(m) => ("on", m.to_string(), None),
            FuzzyDate::Month(ym) => ("month", ym.to_string(), None),
            FuzzyDate::Range { from, to } => ("range", iso_day(*from), Some(iso_day(*to))),
        }
    }

    /// Rebuilds a date from its storage form (see [`FuzzyDate::to_parts`]).
    pub fn from_parts(kind: &str, a: &str, b: Option<&str>) -> Result<Self> {
        match (kind, b) {
            ("on", _) => Ok(FuzzyDate::On(Moment::parse(a)?)),
            ("month", _) => Ok(FuzzyDate::Month(YearMonth::parse(a)?)),
            ("range", Some(b)) => FuzzyDate::range(parse_iso_day(a)?, parse_iso_day(b)?),
            _ => Err(Error::InvalidDate {
                value: kind.to_string(),
                reason: "onbekende soort datum",
            }),
        }
    }

    /// A range, refused when it ends before it starts.
    pub fn range(from: NaiveDate, to: NaiveDate) -> Result<Self> {
        if to < from {
            return Err(Error::InvalidDate {
                value: format!("{} tot {}", iso_day(from), iso_day(to)),
                reason: "het einde ligt voor het begin",
            });
        }
        Ok(FuzzyDate::Range { from, to })
    }
}

/// The file's JSON shape of a fuzzy date: exactly one of `on`, `month`, or `from` with `to`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FuzzyDateJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut json = FuzzyDateJson {
            on: None,
            month: None,
            from: None,
            to: None,
        };
        match self {
            FuzzyDate::On(m) => json.on = Some(m.to_string()),
            FuzzyDate::Month(ym) => json.month = Some(ym.to_string()),
            FuzzyDate::Range { from, to } => {
                json.from = Some(iso_day(*from));
                json.to = Some(iso_day(*to));
            }
        }
        json.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        let json = FuzzyDateJson::deserialize(deserializer)?;
        let date = match (json.on, json.month, json.from, json.to) {
            (Some(on), None, None, None) => Moment::parse(&on).map(FuzzyDate::On),
            (None, Some(month), None, None) => YearMonth::parse(&month).map(FuzzyDate::Month),
            (None, None, Some(from), Some(to)) => {
                parse_iso_day(&from).and_then(|f| parse_iso_day(&to).and_then(|t| FuzzyDate::range(f, t)))
            }
            _ => {
                return Err(D::Error::custom(
                    "een datum heeft precies één vorm: {\"on\": D}, {\"month\": \"JJJJ-MM\"} of {\"from\": D, \"to\": D}",
                ))
            }
        };
        date.map_err(D::Error::custom)
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Moment::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Serde helpers for a plain ISO day (`YYYY-MM-DD`) held as [`NaiveDate`].
pub mod iso_date {
    use super::*;

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(
        date: &NaiveDate,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&iso_day(*date))
    }

    /// Reads `YYYY-MM-DD`, refusing impossible days.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        parse_iso_day(&text).map_err(serde::de::Error::custom)
    }

    /// The same for an optional day (`null` allowed).
    pub mod option {
        use super::*;

        /// Writes `YYYY-MM-DD` or `null`.
        pub fn serialize<S: Serializer>(
            date: &Option<NaiveDate>,
            s: S,
        ) -> std::result::Result<S::Ok, S::Error> {
            match date {
                Some(d) => s.collect_str(&iso_day(*d)),
                None => s.serialize_none(),
            }
        }

        /// Reads `YYYY-MM-DD` or `null`.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> std::result::Result<Option<NaiveDate>, D::Error> {
            let text = Option::<String>::deserialize(d)?;
            text.map(|t| parse_iso_day(&t).map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}

/// `YYYY-MM-DD`.
pub fn iso_day(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    let _ = write_iso_day(&mut out, date);
    out
}

/// Writes `YYYY-MM-DD` with plain integer formatting, which is many times cheaper than a
/// chrono format string (a register import writes hundreds of thousands). Years outside
/// 0..=9999 keep chrono's signed form.
fn write_iso_day(out: &mut impl fmt::Write, date: NaiveDate) -> fmt::Result {
    match date.year() {
        year @ 0..=9999 => write!(out, "{year:04}-{:02}-{:02}", date.month(), date.day()),
        _ => write!(out, "{}", date.format("%Y-%m-%d")),
    }
}

/// Parses a strict ISO day, `YYYY-MM-DD`.
pub fn parse_iso_day(value: &str) -> Result<NaiveDate> {
    let shape_ok = value.len() == 10 && value.as_bytes()[4] == b'-' && value.as_bytes()[7] == b'-';
    if !shape_ok {
        return Err(Error::InvalidDate {
            value: value.to_string(),
            reason: "verwacht JJJJ-MM-DD",
        });
    }
    // Digits read directly: a chrono format string costs more than the rest of reading a
    // statement (the side-by-side chart reads 20,000 days at a time). Anything else is left to
    // chrono, so the answer never differs.
    let digits = |range: std::ops::Range<usize>| {
        let part = &value.as_bytes()[range];
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')))
    };
    let direct = match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => NaiveDate::parse_from_str(value, "%Y-%m-%d").ok(),
    };
    direct.ok_or_else(|| Error::InvalidDate {
        value: value.to_string(),
        reason: "deze dag bestaat niet",
    })
}

/// The Monday of the week a day falls in.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The Dutch month names, January first.
pub const DUTCH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A Dutch long date, e.g. `4 maart 2019`.
pub fn dutch_long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        DUTCH_MONTHS[date.month0() as usize],
        date.year()
    )
}

/// A Dutch month and year, e.g. `oktober 2018`.
pub fn dutch_month_year(date: NaiveDate) -> String {
    format!("{} {}", DUTCH_MONTHS[date.month0() as usize], date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn iso_days_are_read_as_chrono_reads_them() {
        for value in [
            "2018-10-02",
            "0005-01-31",
            "2019-02-29",
            "2020-02-29",
            "2018-13-01",
            "2018-00-10",
            "2018-1a-02",
            "+201-10-02",
            "2018-10-32",
        ] {
            assert_eq!(
                parse_iso_day(value).ok(),
                NaiveDate::parse_from_str(value, "%Y-%m-%d").ok(),
                "{value}"
            );
        }
    }

    #[test]
    fn iso_days_are_written_as_chrono_writes_them() {
        // The hand-written formatter must not change a single stored date.
        for date in [
            day(2018, 10, 2),
            day(5, 1, 31),
            day(9999, 12, 31),
            day(10_000, 1, 1),
            day(-1, 6, 15),
        ] {
            assert_eq!(iso_day(date), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn moments_keep_the_precision_they_were_given() {
        assert_eq!(
            Moment::parse("2018-10-02").unwrap().to_string(),
            "2018-10-02"
        );
        assert_eq!(
            Moment::parse("2018-10-02T10:14").unwrap().to_string(),
            "2018-10-02T10:14"
        );
        assert_eq!(
            Moment::parse("2018-10-02T10:14:09").unwrap().to_string(),
            "2018-10-02T10:14:09"
        );
        assert!(
            Moment::parse("2018-02-30").is_err(),
            "30 February does not exist"
        );
        assert!(
            Moment::parse("2018-10-02T25:00").is_err(),
            "hour 25 does not exist"
        );
        assert!(
            Moment::parse("2-10-2018").is_err(),
            "the file format is ISO only"
        );
    }

    #[test]
    fn fuzzy_dates_round_trip_in_the_file_shape() {
        for json in [
            r#"{"on":"2018-10-02T10:14"}"#,
            r#"{"month":"2018-11"}"#,
            r#"{"from":"2018-09-15","to":"2018-12-20"}"#,
        ] {
            let date: FuzzyDate = serde_json::from_str(json).unwrap();
            assert_eq!(
                serde_json::to_string(&date).unwrap(),
                json,
                "writing gives back what was read"
            );
        }
        assert!(
            serde_json::from_str::<FuzzyDate>(r#"{"on":"2018-10-02","month":"2018-10"}"#).is_err(),
            "one shape only"
        );
        assert!(
            serde_json::from_str::<FuzzyDate>(r#"{"from":"2018-12-20","to":"2018-09-15"}"#)
                .is_err(),
            "a range cannot run backwards"
        );
        assert!(
            serde_json::from_str::<FuzzyDate>(r#"{"at":"2018-10-02"}"#).is_err(),
            "unknown keys are refused"
        );
    }

    #[test]
    fn a_month_spans_its_whole_length() {
        let feb = FuzzyDate::Month(YearMonth::parse("2020-02").unwrap());
        assert_eq!(
            feb.span(),
            (day(2020, 2, 1), day(2020, 2, 29)),
            "2020 is a leap year"
        );
        let dec = FuzzyDate::Month(YearMonth::parse("2018-12").unwrap());
        assert_eq!(
            dec.span().1,
            day(2018, 12, 31),
            "December ends in the same year"
        );
    }

    #[test]
    fn storage_parts_round_trip() {
        for date in [
            FuzzyDate::On(Moment::parse("2018-11-14T09:30").unwrap()),
            FuzzyDate::Month(YearMonth::parse("2018-10").unwrap()),
            FuzzyDate::range(day(2018, 9, 15), day(2018, 12, 20)).unwrap(),
        ] {
            let (kind, a, b) = date.to_parts();
            assert_eq!(FuzzyDate::from_parts(kind, &a, b.as_deref()).unwrap(), date);
        }
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(
            week_start(day(2018, 10, 2)),
            day(2018, 10, 1),
            "Tuesday 2 October 2018 -> Monday 1 October"
        );
        assert_eq!(
            week_start(day(2018, 10, 1)),
            day(2018, 10, 1),
            "a Monday is its own week start"
        );
        assert_eq!(
            week_start(day(2018, 10, 7)),
            day(2018, 10, 1),
            "Sunday belongs to the week before"
        );
    }

    #[test]
    fn long_dates_are_dutch() {
        assert_eq!(dutch_long_date(day(2019, 3, 4)), "4 maart 2019");
    }
}
