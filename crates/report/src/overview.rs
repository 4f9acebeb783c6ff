//! The yearly overview for the council (issue 15): what the complaints of a period say about
//! the bodies complained about, as an A4 PDF a council member reads at a glance and as CSV for
//! the council's own analysis. One road: [`html`] is the document [`export`] lays out (and the
//! preview shows); [`csv`] writes the same counts ([`figures::lines`]) the charts draw.
//!
//! What is counted comes from `wederhoor_core::signals` (verdicts and norms per klachtonderdeel,
//! bodies and trefwoorden per dossier, partners under the body they act for, older norms under
//! their current norm). What is shown of the dossiers themselves — titles, recommendations and
//! answers, trefwoorden — is pseudonymised first ([`published`]), and any part of a person's
//! name still left in such a text is replaced as well. Bodies or partners a publication calls
//! the same (two WIJ-teams both "het WIJ-team") are one row (`merged`). Charts are vector
//! drawings: bars are laid-out blocks with a background; the quarter trend and the register's
//! rows are drawn into placeholder boxes after layout (`drawing`, `trend`, `ledger`).
//!
//! Every count of fewer than [`wederhoor_core::signals::SMALL_BELOW`] dossiers is marked with
//! `*` in the PDF and flagged in the CSV: such a number may point to a person.

use crate::error::Result;
use crate::pdf::{render_drawn, PageFrame};
use chrono::{Datelike, NaiveDate};
use wederhoor_core::dates::dutch_long_date;
use wederhoor_core::signals::RegisterEntry;
use wederhoor_core::wire::{SignalPeriod, Signals};

mod bars;
mod csv;
mod document;
mod drawing;
pub mod figures;
mod ledger;
mod merged;
pub mod published;
mod register;
mod trend;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fixture;
#[cfg(test)]
mod tests_pdf;

/// Everything the yearly overview shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// Who makes it, e.g. "Gemeentelijke ombudsman Voorbeeldstad" (may be empty).
    pub ombudsman: String,
    /// The period counted, usually [`SignalPeriod::year`].
    pub period: SignalPeriod,
    /// The day the overview is made.
    pub made_on: NaiveDate,
    /// The counts, over exactly the dossiers in `register`.
    pub signals: Signals,
    /// One entry per dossier counted, most recently received first.
    pub register: Vec<RegisterEntry>,
}

/// The overview as an A4 PDF: its bytes and number of pages.
pub fn export(overview: &Overview) -> Result<(Vec<u8>, usize)> {
    let published = published::publish(overview);
    let font = crate::pdf::frame_font()
        .ok_or_else(|| crate::ReportError::Layout("lettertype onleesbaar".into()))?;
    let ledger = ledger::Ledger::new(&published.register, Some(font));
    let html = document::html(overview, &published, &ledger);
    let chart = trend::Trend::new(&overview.signals.quarters);
    render_drawn(&html, &frame(overview), &mut |ops, font| {
        let mut first_row = true;
        drawing::replace_marks(ops, &[trend::MARK, ledger::MARK], |mark| {
            if mark.kind == trend::MARK {
                return chart.draw(mark, font);
            }
            let row = ledger.draw(mark, font, first_row);
            first_row = false;
            row
        })
    })
}

/// The same counts as CSV for the council's own analysis (see [`figures::lines`] for the rows
/// and `csv`'s module for the format: `;`-separated, UTF-8 with BOM, CRLF). Trefwoorden are
/// pseudonymised as in the PDF.
pub fn csv(overview: &Overview) -> String {
    csv::write(overview)
}

/// The overview's HTML document: what [`export`] lays out, for tests and for a preview. The
/// quarter chart and the register's rows are boxes there, filled in only in the PDF: the chart
/// is drawn into its box, the register's rows are drawn as text into theirs
/// (the `ledger` module explains why).
pub fn html(overview: &Overview) -> String {
    let published = published::publish(overview);
    let ledger = ledger::Ledger::new(&published.register, crate::pdf::frame_font());
    document::html(overview, &published, &ledger)
}

/// The document's title: "Klachten over 2025: jaaroverzicht voor de gemeenteraad".
pub fn title(period: &SignalPeriod) -> String {
    format!(
        "Klachten over {}: jaaroverzicht voor de gemeenteraad",
        period_label(period)
    )
}

fn day(text: &Option<String>) -> Option<NaiveDate> {
    text.as_deref().and_then(|d| d.parse::<NaiveDate>().ok())
}

/// The whole calendar year the period covers, if it is exactly one.
fn calendar_year(period: &SignalPeriod) -> Option<i32> {
    let (from, to) = (day(&period.from)?, day(&period.to)?);
    let whole = from.ordinal() == 1
        && from.year() == to.year()
        && to == NaiveDate::from_ymd_opt(to.year(), 12, 31)?;
    whole.then_some(from.year())
}

/// The period in words: "2025" for a calendar year, else "1 januari 2025 – 30 juni 2025",
/// "vanaf 1 januari 2025", "tot en met 30 juni 2025" or "alle jaren".
pub fn period_label(period: &SignalPeriod) -> String {
    if let Some(year) = calendar_year(period) {
        return year.to_string();
    }
    let written = |text: &Option<String>| match day(text) {
        Some(d) => Some(dutch_long_date(d)),
        None => text.clone().filter(|t| !t.trim().is_empty()),
    };
    match (written(&period.from), written(&period.to)) {
        (Some(from), Some(to)) => format!("{from} – {to}"),
        (Some(from), None) => format!("vanaf {from}"),
        (None, Some(to)) => format!("tot en met {to}"),
        (None, None) => "alle jaren".into(),
    }
}

/// "in 2025", "in de periode 1 januari 2025 – 30 juni 2025", for a sentence.
fn period_phrase(period: &SignalPeriod) -> String {
    let label = period_label(period);
    if calendar_year(period).is_some() {
        format!("in {label}")
    } else if label == "alle jaren" {
        "tot nu toe".into()
    } else {
        format!("in de periode {label}")
    }
}

fn frame(overview: &Overview) -> PageFrame {
    let by = if overview.ombudsman.trim().is_empty() {
        String::new()
    } else {
        format!("{} · ", overview.ombudsman.trim())
    };
    PageFrame {
        header: format!(
            "Jaaroverzicht klachten {} · Openbaar",
            period_label(&overview.period)
        ),
        footer: format!("{by}{}", dutch_long_date(overview.made_on)),
        title: title(&overview.period),
        author: overview.ombudsman.trim().to_string(),
    }
}
