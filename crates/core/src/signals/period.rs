//! The period the signals cover: a year, or days typed in the Signalen screen.

use crate::dates::parse_user_date;
use crate::wire::{FieldCode, FieldError, SignalPeriod};
use chrono::NaiveDate;

impl SignalPeriod {
    /// The whole of one calendar year.
    pub fn year(year: i32) -> Self {
        SignalPeriod {
            from: Some(format!("{year:04}-01-01")),
            to: Some(format!("{year:04}-12-31")),
        }
    }

    pub(super) fn bounds(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let day = |s: &Option<String>| s.as_deref().and_then(|d| d.parse::<NaiveDate>().ok());
        (day(&self.from), day(&self.to))
    }

    /// A period as typed in the Signalen screen (`1-1-2025` or `2025-01-01`; empty for an
    /// open side), or the fields that cannot be read; `to` may not lie before `from`.
    pub fn from_typed(from: &str, to: &str) -> std::result::Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut read = |field: &str, typed: &str| match typed.trim() {
            "" => None,
            typed => match parse_user_date(typed) {
                Ok(day) => Some(day),
                Err(_) => {
                    errors.push(FieldError {
                        field: field.into(),
                        code: FieldCode::InvalidDate,
                    });
                    None
                }
            },
        };
        let (from, to) = (read("from", from), read("to", to));
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                errors.push(FieldError {
                    field: "to".into(),
                    code: FieldCode::BeforeStart,
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SignalPeriod {
            from: from.map(|d| d.format("%Y-%m-%d").to_string()),
            to: to.map(|d| d.format("%Y-%m-%d").to_string()),
        })
    }

    /// Whether a dossier received on this day falls in the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        let (from, to) = self.bounds();
        from.is_none_or(|f| day >= f) && to.is_none_or(|t| day <= t)
    }
}
