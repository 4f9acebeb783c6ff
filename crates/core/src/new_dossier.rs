//! Validating the "Nieuw dossier" form: what a dossier needs before it may be stored.

use crate::dates::parse_user_date;
use crate::wire::{FieldCode, FieldError, NewDossier};
use chrono::NaiveDate;

/// Longest title we accept; a title is a line, not a summary.
pub const MAX_TITLE: usize = 200;

/// A new dossier whose fields passed validation, normalised (trimmed, empty entries dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNewDossier {
    /// The reference, or `None` when the next free one must be given.
    pub reference: Option<String>,
    /// Title, trimmed.
    pub title: String,
    /// Ombudsman, trimmed.
    pub ombudsman: String,
    /// Bodies, trimmed, without empty entries.
    pub bodies: Vec<String>,
    /// Day received.
    pub received_on: NaiveDate,
    /// Keywords, trimmed, without empty entries or repeats.
    pub keywords: Vec<String>,
    /// The requester's name and pseudonym, trimmed.
    pub requester: (String, String),
}

/// Checks the form against `today`; returns every failing field at once so the form can mark them all.
pub fn validate(input: &NewDossier, today: NaiveDate) -> Result<ValidNewDossier, Vec<FieldError>> {
    validate_fields(input, today, true)
}

/// The dossier's own fields of an edit, checked as a new dossier's are (without the requester).
pub fn validate_edit(
    edit: &crate::wire::DossierEdit,
    today: NaiveDate,
) -> Result<ValidNewDossier, Vec<FieldError>> {
    let as_new = NewDossier {
        reference: String::new(),
        title: edit.title.clone(),
        ombudsman: edit.ombudsman.clone(),
        bodies: edit.bodies.clone(),
        received_on: edit.received_on.clone(),
        keywords: edit.keywords.clone(),
        requester_name: String::new(),
        requester_pseudonym: String::new(),
    };
    validate_fields(&as_new, today, false)
}

fn validate_fields(
    input: &NewDossier,
    today: NaiveDate,
    with_requester: bool,
) -> Result<ValidNewDossier, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, code: FieldCode| {
        errors.push(FieldError {
            field: field.into(),
            code,
        })
    };

    let title = input.title.trim().to_string();
    if title.is_empty() {
        fail("title", FieldCode::Required);
    } else if title.chars().count() > MAX_TITLE {
        fail("title", FieldCode::TooLong);
    }

    let reference = input.reference.trim();
    let reference = if reference.is_empty() {
        None
    } else {
        if !is_valid_reference(reference) {
            fail("reference", FieldCode::InvalidReference);
        }
        Some(reference.to_string())
    };

    let received_on = if input.received_on.trim().is_empty() {
        fail("receivedOn", FieldCode::Required);
        None
    } else {
        match parse_user_date(&input.received_on) {
            Ok(day) if day > today => {
                fail("receivedOn", FieldCode::FutureDate);
                None
            }
            Ok(day) => Some(day),
            Err(_) => {
                fail("receivedOn", FieldCode::InvalidDate);
                None
            }
        }
    };

    let bodies = clean_list(&input.bodies);
    if bodies.is_empty() {
        fail("bodies", FieldCode::Required);
    }
    let requester_name = input.requester_name.trim().to_string();
    let requester_pseudonym = input.requester_pseudonym.trim().to_string();
    if with_requester && requester_name.is_empty() {
        fail("requesterName", FieldCode::Required);
    }
    if !with_requester {
    } else if requester_pseudonym.is_empty() {
        fail("requesterPseudonym", FieldCode::Required);
    } else if crate::parties::fold(&requester_pseudonym) == crate::parties::fold(&requester_name) {
        fail("requesterPseudonym", FieldCode::PseudonymIsAName);
    }

    match received_on {
        Some(received_on) if errors.is_empty() => Ok(ValidNewDossier {
            reference,
            title,
            ombudsman: input.ombudsman.trim().to_string(),
            bodies,
            received_on,
            keywords: clean_list(&input.keywords),
            requester: (requester_name, requester_pseudonym),
        }),
        _ => Err(errors),
    }
}

/// A reference is a short code of letters, digits, `-`, `/` and `.`, like `2019-0117`.
pub fn is_valid_reference(reference: &str) -> bool {
    !reference.is_empty()
        && reference.len() <= 40
        && reference
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.'))
}

/// The reference after the highest one of `year` among `existing` (`YYYY-NNNN`).
pub fn next_reference<'a>(year: i32, existing: impl IntoIterator<Item = &'a str>) -> String {
    let prefix = format!("{year}-");
    let highest = existing
        .into_iter()
        .filter_map(|r| r.strip_prefix(&prefix))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{year}-{:04}", highest + 1)
}

fn clean_list(values: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        if !out.iter().any(|o| o == value) {
            out.push(value.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn form() -> NewDossier {
        NewDossier {
            reference: String::new(),
            title: "Geen postadres na woningbrand".into(),
            ombudsman: "Gemeentelijke ombudsman".into(),
            bodies: vec!["Gemeente Voorbeeldstad".into(), " ".into()],
            received_on: "4-3-2019".into(),
            keywords: vec!["postadres".into(), "postadres ".into()],
            requester_name: "Noëlle van den Berg".into(),
            requester_pseudonym: "verzoekster".into(),
        }
    }

    fn codes(result: Result<ValidNewDossier, Vec<FieldError>>) -> Vec<(String, FieldCode)> {
        result
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_complete_form_is_normalised() {
        let valid = validate(&form(), today()).expect("the form is complete");
        assert_eq!(
            valid.reference, None,
            "an empty reference asks for the next free one"
        );
        assert_eq!(
            valid.bodies,
            vec!["Gemeente Voorbeeldstad"],
            "empty entries are dropped"
        );
        assert_eq!(
            valid.keywords,
            vec!["postadres"],
            "repeated keywords are kept once"
        );
        assert_eq!(
            valid.received_on,
            NaiveDate::from_ymd_opt(2019, 3, 4).unwrap()
        );
    }

    #[test]
    fn every_failing_field_is_reported_at_once() {
        let mut input = form();
        input.title = "  ".into();
        input.received_on = "31-02-2019".into();
        input.bodies = vec![];
        input.requester_pseudonym = "Noelle van den Berg".into();
        assert_eq!(
            codes(validate(&input, today())),
            vec![
                ("title".into(), FieldCode::Required),
                ("receivedOn".into(), FieldCode::InvalidDate),
                ("bodies".into(), FieldCode::Required),
                ("requesterPseudonym".into(), FieldCode::PseudonymIsAName)
            ],
            "the form can mark all four fields; a pseudonym that is the name hides nothing"
        );
    }

    #[test]
    fn a_complaint_cannot_arrive_in_the_future() {
        let mut input = form();
        input.received_on = "26-11-2026".into();
        assert_eq!(
            codes(validate(&input, today())),
            vec![("receivedOn".into(), FieldCode::FutureDate)]
        );
        input.received_on = "25-11-2026".into();
        assert!(validate(&input, today()).is_ok(), "today is allowed");
    }

    #[test]
    fn references_are_short_codes() {
        assert!(is_valid_reference("2019-0117"));
        assert!(is_valid_reference("NO/2019.12"));
        assert!(!is_valid_reference("2019 0117"), "no spaces");
        assert!(
            !is_valid_reference("dossier-ë"),
            "ASCII only, it appears in file names"
        );
    }

    #[test]
    fn the_next_reference_follows_the_highest_of_its_year() {
        assert_eq!(
            next_reference(2019, ["2019-0117", "2019-0009", "2018-0500", "2019-x"]),
            "2019-0118"
        );
        assert_eq!(
            next_reference(2026, Vec::<&str>::new()),
            "2026-0001",
            "the first of a year"
        );
    }
}
