//! Suggested conflicts: rules that set the citizen's claims against the body's records and say
//! where they disagree. They only suggest — the investigator accepts or dismisses each one.
//!
//! - **count**: a claim of "at least N" contacts over a period (and channel) against the records
//!   of that period and channel: "ten minste 10 geclaimd tegenover 2 geregistreerd".
//! - **date**: a claimed day against the recorded day of the same event (same topic, and the
//!   same channel where both have one), when no record lies within the tolerance.
//! - **occurrence**: a claimed contact on a day or in a month with no record of that channel
//!   within a window around it.

use crate::dates::dutch_long_date;
use crate::vocab::{Channel, ConflictKind, StatementKind};
use crate::wire::Side;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How precisely a statement's date is known, as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// A day (perhaps with a time).
    Day,
    /// A month.
    Month,
    /// A period.
    Range,
}

/// A statement as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// Statement id.
    pub id: i64,
    /// Column of its party.
    pub side: Side,
    /// Claim or record.
    pub kind: StatementKind,
    /// First and last day it can mean, with its precision; `None` when undated.
    pub when: Option<(NaiveDate, NaiveDate, Precision)>,
    /// Channel.
    pub channel: Option<Channel>,
    /// Topic.
    pub topic: Option<String>,
    /// "At least N".
    pub quantity: Option<u32>,
}

/// Tolerances the investigator can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RuleSettings {
    /// Days a claimed and a recorded date of the same event may differ without a suggestion.
    pub date_tolerance_days: u32,
    /// Days around a claimed contact in which a record of it is looked for.
    pub occurrence_window_days: u32,
}

impl Default for RuleSettings {
    fn default() -> Self {
        RuleSettings {
            date_tolerance_days: 7,
            occurrence_window_days: 3,
        }
    }
}

/// Which rule made a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionRule {
    /// Claimed count against registered count.
    Count,
    /// Claimed day against recorded day.
    Date,
    /// Claimed contact without a record.
    Occurrence,
}

/// A suggested conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// Stable identity (rule and statements), used to remember a dismissal.
    pub key: String,
    /// The rule.
    pub rule: SuggestionRule,
    /// The conflict kind it would get.
    pub kind: ConflictKind,
    /// A title for the conflict.
    pub title: String,
    /// What disagrees, in Dutch.
    pub message: String,
    /// Claims on the citizen's side.
    #[ts(type = "number[]")]
    pub citizen: Vec<i64>,
    /// Records on the body's side.
    #[ts(type = "number[]")]
    pub body: Vec<i64>,
}

fn key(rule: &str, citizen: &[i64], body: &[i64]) -> String {
    let list = |ids: &[i64]| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    format!("{rule}:{}:{}", list(citizen), list(body))
}

fn channel_words(channel: Option<Channel>) -> String {
    channel
        .map(|c| format!("{}, ", c.label_nl()))
        .unwrap_or_default()
}

fn short(day: NaiveDate) -> String {
    dutch_long_date(day)
}

/// Every suggestion the rules make for one dossier's statements.
pub fn suggest(facts: &[Fact], settings: RuleSettings) -> Vec<Suggestion> {
    let records: Vec<&Fact> = facts
        .iter()
        .filter(|f| f.side == Side::Body && f.kind == StatementKind::Record)
        .collect();
    let claims = facts
        .iter()
        .filter(|f| f.side == Side::Citizen && f.kind == StatementKind::Claim);
    let mut out = Vec::new();
    for claim in claims {
        let Some((start, end, precision)) = claim.when else {
            continue;
        };
        if let Some(n) = claim.quantity {
            out.extend(count_rule(claim, n, start, end, &records));
            continue;
        }
        if let Some(found) = date_rule(claim, start, precision, &records, settings) {
            out.push(found);
        } else if !recorded_within_tolerance(claim, start, end, &records, settings) {
            out.extend(occurrence_rule(
                claim, start, end, precision, &records, settings,
            ));
        }
    }
    out
}

fn channel_matches(claim: Option<Channel>, record: Option<Channel>) -> bool {
    claim.is_none() || claim == record
}

fn count_rule(
    claim: &Fact,
    claimed: u32,
    start: NaiveDate,
    end: NaiveDate,
    records: &[&Fact],
) -> Option<Suggestion> {
    let registered: Vec<i64> = records
        .iter()
        .filter(|r| channel_matches(claim.channel, r.channel))
        .filter(|r| r.when.is_some_and(|(day, _, _)| day >= start && day <= end))
        .map(|r| r.id)
        .collect();
    if registered.len() as u32 >= claimed {
        return None;
    }
    let channel = claim
        .channel
        .map(|c| format!(" ({})", c.label_nl()))
        .unwrap_or_default();
    Some(Suggestion {
        key: key("count", &[claim.id], &[]),
        rule: SuggestionRule::Count,
        kind: ConflictKind::Count,
        title: format!("Aantal contacten{channel}"),
        message: format!(
            "ten minste {claimed} geclaimd tegenover {} geregistreerd ({}{} t/m {})",
            registered.len(),
            channel_words(claim.channel),
            short(start),
            short(end)
        ),
        citizen: vec![claim.id],
        body: registered,
    })
}

fn same_event(claim: &Fact, record: &Fact) -> bool {
    let topic = |f: &Fact| f.topic.as_deref().map(|t| t.trim().to_lowercase());
    topic(claim).is_some()
        && topic(claim) == topic(record)
        && (claim.channel.is_none() || record.channel.is_none() || claim.channel == record.channel)
}

/// Whether a record of the same event lies within the date tolerance (then the claim has its record).
fn recorded_within_tolerance(
    claim: &Fact,
    start: NaiveDate,
    end: NaiveDate,
    records: &[&Fact],
    settings: RuleSettings,
) -> bool {
    let tolerance = chrono::Duration::days(i64::from(settings.date_tolerance_days));
    records.iter().filter(|r| same_event(claim, r)).any(|r| {
        r.when
            .is_some_and(|(s, e, _)| s <= end + tolerance && e >= start - tolerance)
    })
}

fn date_rule(
    claim: &Fact,
    day: NaiveDate,
    precision: Precision,
    records: &[&Fact],
    settings: RuleSettings,
) -> Option<Suggestion> {
    if precision != Precision::Day {
        return None;
    }
    let same: Vec<(&Fact, NaiveDate)> = records
        .iter()
        .filter(|r| same_event(claim, r))
        .filter_map(|r| match r.when {
            Some((d, _, Precision::Day)) => Some((*r, d)),
            _ => None,
        })
        .collect();
    let tolerance = i64::from(settings.date_tolerance_days);
    if same.is_empty()
        || same
            .iter()
            .any(|(_, d)| (*d - day).num_days().abs() <= tolerance)
    {
        return None;
    }
    let (nearest, recorded) = same
        .iter()
        .min_by_key(|(_, d)| (*d - day).num_days().abs())?;
    let days = (*recorded - day).num_days().abs();
    Some(Suggestion {
        key: key("date", &[claim.id], &[nearest.id]),
        rule: SuggestionRule::Date,
        kind: ConflictKind::Date,
        title: format!("Datum: {}", claim.topic.clone().unwrap_or_default()),
        message: format!(
            "verzoeker noemt {}, de registratie {} ({days} dagen verschil, meer dan de {tolerance} toegestaan)",
            short(day),
            short(*recorded)
        ),
        citizen: vec![claim.id],
        body: vec![nearest.id],
    })
}

fn occurrence_rule(
    claim: &Fact,
    start: NaiveDate,
    end: NaiveDate,
    precision: Precision,
    records: &[&Fact],
    settings: RuleSettings,
) -> Option<Suggestion> {
    let channel = claim.channel?;
    if precision == Precision::Range {
        return None;
    }
    let window = chrono::Duration::days(i64::from(settings.occurrence_window_days));
    let (from, to) = (start - window, end + window);
    let found = records
        .iter()
        .filter(|r| r.channel == Some(channel))
        .any(|r| r.when.is_some_and(|(s, e, _)| s <= to && e >= from));
    if found {
        return None;
    }
    let when = match precision {
        Precision::Day => format!("op {}", short(start)),
        _ => format!(
            "in {} {}",
            crate::dates::dutch_long_date(start)
                .split(' ')
                .nth(1)
                .unwrap_or_default(),
            start.format("%Y")
        ),
    };
    Some(Suggestion {
        key: key("occurrence", &[claim.id], &[]),
        rule: SuggestionRule::Occurrence,
        kind: ConflictKind::Occurrence,
        title: format!("Contact per {} zonder registratie", channel.label_nl()),
        message: format!(
            "verzoeker noemt een contact per {} {when}; er is geen registratie daarvan binnen {} dagen",
            channel.label_nl(),
            settings.occurrence_window_days
        ),
        citizen: vec![claim.id],
        body: vec![],
    })
}

#[cfg(test)]
mod tests;
