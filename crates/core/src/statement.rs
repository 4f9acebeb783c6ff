//! Validating a new statement from the form: who, what kind, when, and the passage it rests on.

use crate::dates::{parse_user_date, parse_user_moment, parse_user_month, FuzzyDate};
use crate::file::Quantity;
use crate::vocab::{Channel, StatementKind};
use crate::wire::{DateInputKind, FieldCode, FieldError, FuzzyDateInput, NewStatement};

/// A statement that passed validation, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidStatement {
    /// Party id (checked against the dossier by the store).
    pub party_id: i64,
    /// Claim or record.
    pub kind: StatementKind,
    /// When.
    pub date: Option<FuzzyDate>,
    /// Topic, trimmed; `None` when empty.
    pub topic: Option<String>,
    /// Channel.
    pub channel: Option<Channel>,
    /// Text, trimmed.
    pub text: String,
    /// Quantity.
    pub quantity: Option<Quantity>,
    /// `(source id, start, end)` of the passage.
    pub excerpt: Option<(i64, u32, u32)>,
}

/// Checks the form; returns every failing field.
pub fn validate(input: &NewStatement) -> Result<ValidStatement, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, code: FieldCode| {
        errors.push(FieldError {
            field: field.into(),
            code,
        })
    };

    if input.party_id.is_none() {
        fail("partyId", FieldCode::Required);
    }
    let text = input.text.trim().to_string();
    if text.is_empty() {
        fail("text", FieldCode::Required);
    }
    let date = match parse_date(&input.date) {
        Ok(date) => date,
        Err(field) => {
            fail(field, FieldCode::InvalidDate);
            None
        }
    };
    let quantity = match input.quantity_at_least {
        None => None,
        Some(n) => {
            let unit = input.quantity_unit.trim();
            if unit.is_empty() {
                fail("quantityUnit", FieldCode::Required);
            }
            Some(Quantity {
                at_least: n,
                unit: unit.to_string(),
            })
        }
    };
    if let Some(excerpt) = &input.excerpt {
        if excerpt.end_offset <= excerpt.start_offset {
            fail("excerpt", FieldCode::EmptySelection);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidStatement {
        party_id: input.party_id.unwrap_or_default(),
        kind: input.kind,
        date,
        topic: Some(input.topic.trim().to_string()).filter(|t| !t.is_empty()),
        channel: input.channel,
        text,
        quantity,
        excerpt: input
            .excerpt
            .as_ref()
            .map(|e| (e.source_id, e.start_offset, e.end_offset)),
    })
}

/// The fuzzy date of the form, or the name of the field that is wrong.
fn parse_date(input: &FuzzyDateInput) -> Result<Option<FuzzyDate>, &'static str> {
    match input.kind {
        DateInputKind::None => Ok(None),
        DateInputKind::Day => parse_user_moment(&input.day)
            .map(|m| Some(FuzzyDate::On(m)))
            .map_err(|_| "date.day"),
        DateInputKind::Month => parse_user_month(&input.month)
            .map(|m| Some(FuzzyDate::Month(m)))
            .map_err(|_| "date.month"),
        DateInputKind::Range => {
            let from = parse_user_date(&input.from).map_err(|_| "date.from")?;
            let to = parse_user_date(&input.to).map_err(|_| "date.to")?;
            FuzzyDate::range(from, to).map(Some).map_err(|_| "date.to")
        }
    }
}

/// The quote at `start..end` (character offsets) of `text`, or `None` when out of range.
pub fn quote_at(text: &str, start: u32, end: u32) -> Option<String> {
    let (start, end) = (start as usize, end as usize);
    if start >= end {
        return None;
    }
    let quote: String = text.chars().skip(start).take(end - start).collect();
    (quote.chars().count() == end - start).then_some(quote)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::NewExcerpt;

    fn form() -> NewStatement {
        NewStatement {
            dossier_id: 1,
            party_id: Some(3),
            kind: StatementKind::Claim,
            date: FuzzyDateInput {
                kind: DateInputKind::Range,
                day: String::new(),
                month: String::new(),
                from: "15-9-2018".into(),
                to: "20-12-2018".into(),
            },
            topic: " postadres ".into(),
            channel: Some(Channel::Phone),
            text: "Zeker tien keer gebeld.".into(),
            quantity_at_least: Some(10),
            quantity_unit: "contact".into(),
            excerpt: Some(NewExcerpt {
                source_id: 7,
                start_offset: 4,
                end_offset: 20,
            }),
        }
    }

    #[test]
    fn a_complete_claim_is_accepted() {
        let valid = validate(&form()).unwrap();
        assert_eq!(valid.date.unwrap().to_parts().0, "range");
        assert_eq!(
            valid.topic.as_deref(),
            Some("postadres"),
            "topic is trimmed"
        );
        assert_eq!(
            valid.quantity,
            Some(Quantity {
                at_least: 10,
                unit: "contact".into()
            })
        );
        assert_eq!(valid.excerpt, Some((7, 4, 20)));
    }

    #[test]
    fn a_backwards_range_and_missing_fields_are_all_reported() {
        let mut input = form();
        input.date.to = "1-9-2018".into();
        input.party_id = None;
        input.text = " ".into();
        input.quantity_unit = String::new();
        let fields: Vec<String> = validate(&input)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec!["partyId", "text", "date.to", "quantityUnit"]);
    }

    #[test]
    fn day_and_month_dates_parse_as_typed() {
        let mut input = form();
        input.date.kind = DateInputKind::Day;
        input.date.day = "2-10-2018 10:14".into();
        assert_eq!(
            validate(&input).unwrap().date.unwrap().to_parts().1,
            "2018-10-02T10:14"
        );
        input.date.kind = DateInputKind::Month;
        input.date.month = "11-2018".into();
        assert_eq!(
            validate(&input).unwrap().date.unwrap().to_parts().1,
            "2018-11"
        );
        input.date.kind = DateInputKind::None;
        assert_eq!(
            validate(&input).unwrap().date,
            None,
            "an unknown date is allowed"
        );
    }

    #[test]
    fn quotes_are_cut_by_characters_not_bytes() {
        let text = "Noëlle belde café";
        assert_eq!(
            quote_at(text, 0, 6).as_deref(),
            Some("Noëlle"),
            "ë is one character"
        );
        assert_eq!(quote_at(text, 13, 17).as_deref(), Some("café"));
        assert_eq!(quote_at(text, 13, 18), None, "past the end");
        assert_eq!(quote_at(text, 5, 5), None, "an empty selection is no quote");
    }
}
