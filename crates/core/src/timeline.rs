//! The side-by-side time axis: ordering statements and the weekly chart of claimed against
//! registered contacts.

use crate::dates::{parse_iso_day, week_start};
use crate::vocab::StatementKind;
use crate::wire::{StatementView, WeekCount};
use chrono::{Duration, NaiveDate};
use std::collections::BTreeMap;

/// Orders statements on the time axis: by first possible day, then by last, then by the
/// date as written up to its `/` (so a time orders a day), then by id; undated last. The store
/// reads the axis in this order from its index (statements_axis).
pub fn sort_on_axis(statements: &mut [StatementView]) {
    statements.sort_by(|a, b| {
        let key = |s: &StatementView| {
            (
                s.span_start.is_none(),
                s.span_start.clone(),
                s.span_end.clone(),
                s.date
                    .as_deref()
                    .map(|d| d.split('/').next().unwrap_or(d).to_string()),
                s.id,
            )
        };
        key(a).cmp(&key(b))
    });
}

/// What the weekly chart needs of one dated statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekEntry {
    /// Claim or record.
    pub kind: StatementKind,
    /// First day it can mean.
    pub start: NaiveDate,
    /// Last day it can mean.
    pub end: NaiveDate,
    /// "At least N" of a claim.
    pub at_least: Option<u32>,
}

/// Weekly counts: each claim with a quantity spreads its "at least N" evenly over the weeks of
/// its period; each dated record counts once in the week of its first day. Weeks without
/// either are included between the first and last week, so the chart has no gaps.
pub fn weekly_contacts(statements: &[StatementView]) -> Vec<WeekCount> {
    weekly_counts(statements.iter().filter_map(|s| {
        Some(WeekEntry {
            kind: s.kind,
            start: day(&s.span_start)?,
            end: day(&s.span_end)?,
            at_least: s.quantity_at_least,
        })
    }))
}

/// [`weekly_contacts`] over entries read without whole statements (the side-by-side view
/// reads only these columns for the chart).
pub fn weekly_counts(entries: impl IntoIterator<Item = WeekEntry>) -> Vec<WeekCount> {
    let mut weeks: BTreeMap<NaiveDate, (f64, u32)> = BTreeMap::new();
    for e in entries {
        match e.kind {
            StatementKind::Claim => {
                let Some(n) = e.at_least else {
                    continue;
                };
                let first = week_start(e.start);
                let count = ((week_start(e.end) - first).num_days() / 7 + 1) as f64;
                let mut week = first;
                while week <= e.end {
                    weeks.entry(week).or_default().0 += f64::from(n) / count;
                    week += Duration::days(7);
                }
            }
            StatementKind::Record => weeks.entry(week_start(e.start)).or_default().1 += 1,
        }
    }
    let (Some(&first), Some(&last)) = (weeks.keys().next(), weeks.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut week = first;
    while week <= last {
        let (claimed, registered) = weeks.get(&week).copied().unwrap_or_default();
        out.push(WeekCount {
            week_start: week.format("%Y-%m-%d").to_string(),
            claimed,
            registered,
        });
        week += Duration::days(7);
    }
    out
}

fn day(value: &Option<String>) -> Option<NaiveDate> {
    value.as_deref().and_then(|v| parse_iso_day(v).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::Side;

    fn statement(
        id: i64,
        kind: StatementKind,
        start: &str,
        end: &str,
        quantity: Option<u32>,
    ) -> StatementView {
        StatementView {
            id,
            party_id: 1,
            side: if kind == StatementKind::Claim {
                Side::Citizen
            } else {
                Side::Body
            },
            kind,
            date: None,
            span_start: (!start.is_empty()).then(|| start.to_string()),
            span_end: (!end.is_empty()).then(|| end.to_string()),
            topic: None,
            channel: None,
            text: String::new(),
            quantity_at_least: quantity,
            quantity_unit: quantity.map(|_| "contact".to_string()),
            excerpt: None,
        }
    }

    #[test]
    fn the_axis_orders_by_day_then_time_then_id_with_the_undated_last() {
        // A one-day range and a plain day on the same day tie on their date up to the `/`, so
        // their ids decide, as in the store's index; a time comes after the bare day.
        let dated = |id: i64, date: &str| StatementView {
            date: Some(date.to_string()),
            ..statement(id, StatementKind::Claim, "2018-10-02", "2018-10-02", None)
        };
        let mut s = vec![
            dated(3, "2018-10-02T10:14"),
            dated(2, "2018-10-02"),
            statement(4, StatementKind::Claim, "", "", None),
            dated(1, "2018-10-02/2018-10-02"),
            StatementView {
                date: Some("2018-10-01".into()),
                ..statement(5, StatementKind::Record, "2018-10-01", "2018-10-01", None)
            },
        ];
        sort_on_axis(&mut s);
        let order: Vec<i64> = s.iter().map(|s| s.id).collect();
        assert_eq!(order, vec![5, 1, 2, 3, 4]);
    }

    #[test]
    fn a_claim_is_spread_over_its_weeks_and_records_count_in_theirs() {
        // 10 claimed over Mon 1 Oct .. Sun 14 Oct 2018: two weeks, 5 each.
        let s = [
            statement(
                1,
                StatementKind::Claim,
                "2018-10-01",
                "2018-10-14",
                Some(10),
            ),
            statement(2, StatementKind::Record, "2018-10-02", "2018-10-02", None),
        ];
        let weeks = weekly_contacts(&s);
        assert_eq!(weeks.len(), 2);
        assert_eq!(
            (
                weeks[0].week_start.as_str(),
                weeks[0].claimed,
                weeks[0].registered
            ),
            ("2018-10-01", 5.0, 1)
        );
        assert_eq!((weeks[1].claimed, weeks[1].registered), (5.0, 0));
        let total: f64 = weeks.iter().map(|w| w.claimed).sum();
        assert!(
            (total - 10.0).abs() < 1e-9,
            "the claimed total is kept: {total}"
        );
    }

    #[test]
    fn gaps_are_filled_and_claims_without_quantity_or_date_are_left_out() {
        let s = [
            statement(1, StatementKind::Record, "2018-10-02", "2018-10-02", None),
            statement(2, StatementKind::Record, "2018-10-30", "2018-10-30", None),
            statement(3, StatementKind::Claim, "2018-10-10", "2018-10-10", None),
            statement(4, StatementKind::Record, "", "", None),
        ];
        let weeks = weekly_contacts(&s);
        assert_eq!(weeks.len(), 5, "1, 8, 15, 22 and 29 October");
        assert_eq!(
            weeks.iter().map(|w| w.registered).sum::<u32>(),
            2,
            "the undated record is not drawn"
        );
        assert!(
            weeks.iter().all(|w| w.claimed == 0.0),
            "a claim without a number adds nothing"
        );
    }

    #[test]
    fn no_statements_no_weeks() {
        assert!(weekly_contacts(&[]).is_empty());
    }

    #[test]
    fn undated_statements_go_last_on_the_axis() {
        let mut s = vec![
            statement(1, StatementKind::Record, "", "", None),
            statement(2, StatementKind::Record, "2018-11-14", "2018-11-14", None),
            statement(
                3,
                StatementKind::Claim,
                "2018-09-15",
                "2018-12-20",
                Some(10),
            ),
        ];
        sort_on_axis(&mut s);
        assert_eq!(s.iter().map(|s| s.id).collect::<Vec<_>>(), vec![3, 2, 1]);
    }
}
