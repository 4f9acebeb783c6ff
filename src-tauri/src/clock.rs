//! The app's "today": the computer's clock, or the day in `WEDERHOOR_TODAY` (`YYYY-MM-DD`) when
//! it is set — a hook for the end-to-end tests and for looking at the terms as they stood (or
//! will stand) on another day, as `wederhoor check --today` does. Read on every call, so the
//! terms, the dates a form accepts and a final report's date all agree.

use chrono::NaiveDate;

/// The environment variable that sets the app's today.
pub const TODAY_VAR: &str = "WEDERHOOR_TODAY";

/// Today for the app (see the module).
pub fn today() -> NaiveDate {
    std::env::var(TODAY_VAR)
        .ok()
        .and_then(|v| wederhoor_core::dates::parse_iso_day(v.trim()).ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}
