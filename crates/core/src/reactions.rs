//! Validating a reaction of a party (hoor en wederhoor) before it is stored.

use crate::dates::parse_user_date;
use crate::wire::{FieldCode, FieldError, ReactionInput};
use chrono::NaiveDate;

/// A reaction whose fields passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReaction {
    /// Who reacted (checked against the dossier by the store).
    pub party_id: i64,
    /// When it came in.
    pub received_on: NaiveDate,
    /// Its text, trimmed.
    pub text: String,
}

/// Checks the reaction form against `today`; returns every failing field.
pub fn validate(input: &ReactionInput, today: NaiveDate) -> Result<ValidReaction, Vec<FieldError>> {
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
    let received_on = match parse_required_day(&input.received_on, today) {
        Ok(day) => Some(day),
        Err(code) => {
            fail("receivedOn", code);
            None
        }
    };
    let text = input.text.trim().to_string();
    if text.is_empty() {
        fail("text", FieldCode::Required);
    }
    match (input.party_id, received_on) {
        (Some(party_id), Some(received_on)) if errors.is_empty() => Ok(ValidReaction {
            party_id,
            received_on,
            text,
        }),
        _ => Err(errors),
    }
}

/// A day that must be given and cannot lie after `today`, or the field-error code.
pub fn parse_required_day(value: &str, today: NaiveDate) -> Result<NaiveDate, FieldCode> {
    if value.trim().is_empty() {
        return Err(FieldCode::Required);
    }
    match parse_user_date(value) {
        Ok(day) if day > today => Err(FieldCode::FutureDate),
        Ok(day) => Ok(day),
        Err(_) => Err(FieldCode::InvalidDate),
    }
}

/// A day that may be left empty and cannot lie after `today`, or the field-error code.
pub fn parse_optional_day(value: &str, today: NaiveDate) -> Result<Option<NaiveDate>, FieldCode> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        parse_required_day(value, today).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reaction_needs_who_when_and_what() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let input = ReactionInput {
            id: None,
            dossier_id: 1,
            party_id: None,
            received_on: "2-12-2026".into(),
            on_report: None,
            text: "  ".into(),
            contests: vec![],
            source_id: None,
        };
        let codes: Vec<(String, FieldCode)> = validate(&input, today)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("partyId".into(), FieldCode::Required),
                ("receivedOn".into(), FieldCode::FutureDate),
                ("text".into(), FieldCode::Required)
            ],
            "a reaction cannot arrive tomorrow, and all three fields are marked at once"
        );
    }
}
