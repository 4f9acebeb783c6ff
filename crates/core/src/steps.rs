//! A procedure step as the Verloop form sends it, checked before it is stored: dates as people
//! type them, terms and completions not before the step, a postponement of one to four weeks
//! (Awb 9:11 lid 2), and nothing in the future that cannot be known yet.

use crate::dates::parse_user_date;
use crate::file::FileEvent;
use crate::vocab::{EventKind, ReportKind};
use crate::wire::{EventInput, FieldCode, FieldError, LetterInput};
use chrono::NaiveDate;

/// The most weeks 9:11 lid 2 allows a body to postpone its decision by.
pub const MAX_POSTPONEMENT_WEEKS: u32 = 4;

/// The longest note a step may carry, in characters.
const MAX_TEXT: usize = 20_000;

/// Checks a step against `today`; every failing field at once. The result has no id, party or
/// source (the store resolves those); `weeks` is kept only for a postponement.
pub fn validate(input: &EventInput, today: NaiveDate) -> Result<FileEvent, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, code: FieldCode| {
        errors.push(FieldError {
            field: field.into(),
            code,
        })
    };
    let on = match input.on.trim() {
        "" => {
            fail("on", FieldCode::Required);
            None
        }
        typed => match parse_user_date(typed) {
            // A hearing may be planned; everything else is recorded once it happened.
            Ok(day) if day > today && input.kind != EventKind::Hearing => {
                fail("on", FieldCode::FutureDate);
                None
            }
            Ok(day) => Some(day),
            Err(_) => {
                fail("on", FieldCode::InvalidDate);
                None
            }
        },
    };
    let mut optional_day = |field: &str, typed: &str, future_allowed: bool| -> Option<NaiveDate> {
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        match parse_user_date(typed) {
            Ok(day) if !future_allowed && day > today => {
                fail(field, FieldCode::FutureDate);
                None
            }
            Ok(day) if on.is_some_and(|on| day < on) => {
                fail(field, FieldCode::BeforeStart);
                None
            }
            Ok(day) => Some(day),
            Err(_) => {
                fail(field, FieldCode::InvalidDate);
                None
            }
        }
    };
    let due_on = optional_day("dueOn", &input.due_on, true);
    let done_on = optional_day("doneOn", &input.done_on, false);
    let weeks = if input.kind == EventKind::InternalComplaintExtended {
        match input.weeks {
            None | Some(0) => {
                fail("weeks", FieldCode::Required);
                None
            }
            Some(w) if w > MAX_POSTPONEMENT_WEEKS => {
                fail("weeks", FieldCode::TooManyWeeks);
                None
            }
            Some(w) => Some(w),
        }
    } else {
        None
    };
    if input.text.chars().count() > MAX_TEXT {
        fail("text", FieldCode::TooLong);
    }
    match on {
        Some(on) if errors.is_empty() => Ok(FileEvent {
            id: String::new(),
            kind: input.kind,
            on,
            party: None,
            due_on,
            done_on,
            weeks,
            source: None,
            text: input.text.trim().to_string(),
        }),
        _ => Err(errors),
    }
}

/// The term a procedure letter gives, as typed in the letter form: empty for none; a day from
/// after today (a term that has passed, or ends the day the letter is drafted, cannot be
/// given). Only a `letter_*` kind is a letter.
pub fn letter_terms(
    input: &LetterInput,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, Vec<FieldError>> {
    let fail = |field: &str, code| {
        Err(vec![FieldError {
            field: field.into(),
            code,
        }])
    };
    if !matches!(
        input.kind,
        ReportKind::LetterAcknowledgement
            | ReportKind::LetterInformationRequest
            | ReportKind::LetterFindings
            | ReportKind::LetterReport
    ) {
        return fail("kind", FieldCode::Invalid);
    }
    let typed = input.due_on.trim();
    if typed.is_empty() {
        return if input.kind == ReportKind::LetterInformationRequest {
            // Awb 9:31 lid 1 asks for documents "binnen een daarbij gestelde termijn".
            fail("dueOn", FieldCode::Required)
        } else {
            Ok(None)
        };
    }
    match parse_user_date(typed) {
        // A term of the letter's own day gives no time at all (the draft would flag it too).
        Ok(day) if day <= today => fail("dueOn", FieldCode::BeforeStart),
        Ok(day) => Ok(Some(day)),
        Err(_) => fail("dueOn", FieldCode::InvalidDate),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: EventKind, on: &str) -> EventInput {
        EventInput {
            id: None,
            dossier_id: 1,
            kind,
            on: on.into(),
            party_id: None,
            due_on: String::new(),
            done_on: String::new(),
            weeks: None,
            source_id: None,
            text: String::new(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, 10, 1).unwrap()
    }

    fn codes(result: Result<FileEvent, Vec<FieldError>>) -> Vec<(String, FieldCode)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_dutch_typed_filing_is_read_as_its_day() {
        let step = validate(
            &input(EventKind::InternalComplaintFiled, "2-7-2018"),
            today(),
        )
        .unwrap();
        assert_eq!(step.on, NaiveDate::from_ymd_opt(2018, 7, 2).unwrap());
        assert_eq!(step.weeks, None, "weeks belong to a postponement only");
    }

    #[test]
    fn a_postponement_of_five_weeks_is_refused_with_the_article_code() {
        // 9:11 lid 2: one postponement of at most four weeks; the import refuses five as well.
        let mut five = input(EventKind::InternalComplaintExtended, "2018-08-01");
        five.weeks = Some(5);
        assert_eq!(
            codes(validate(&five, today())),
            vec![("weeks".into(), FieldCode::TooManyWeeks)]
        );
        five.weeks = Some(4);
        assert_eq!(validate(&five, today()).unwrap().weeks, Some(4));
        five.weeks = None;
        assert_eq!(
            codes(validate(&five, today())),
            vec![("weeks".into(), FieldCode::Required)],
            "a postponement without its weeks moves no term: the form must ask for them"
        );
    }

    #[test]
    fn a_term_or_a_completion_before_the_step_is_refused() {
        let mut asked = input(EventKind::InformationRequested, "2019-08-10");
        asked.due_on = "9-8-2019".into();
        asked.done_on = "2019-08-01".into();
        assert_eq!(
            codes(validate(&asked, today())),
            vec![
                ("dueOn".into(), FieldCode::BeforeStart),
                ("doneOn".into(), FieldCode::BeforeStart)
            ]
        );
    }

    #[test]
    fn an_information_request_needs_a_term_from_today_on() {
        // Awb 9:31: documents are asked within a term the ombudsman sets, so the letter says one.
        let mut letter = LetterInput {
            dossier_id: 1,
            kind: ReportKind::LetterInformationRequest,
            party_id: None,
            asks: "De klachtregistratie.".into(),
            due_on: String::new(),
        };
        let code = |r: Result<Option<NaiveDate>, Vec<FieldError>>| r.err().map(|e| e[0].code);
        assert_eq!(
            code(letter_terms(&letter, today())),
            Some(FieldCode::Required)
        );
        letter.due_on = "30-9-2019".into();
        assert_eq!(
            code(letter_terms(&letter, today())),
            Some(FieldCode::BeforeStart)
        );
        letter.due_on = "1-10-2019".into();
        assert_eq!(
            code(letter_terms(&letter, today())),
            Some(FieldCode::BeforeStart),
            "a term ending the day of the letter is no term"
        );
        letter.due_on = "15-10-2019".into();
        assert_eq!(
            letter_terms(&letter, today()).unwrap(),
            NaiveDate::from_ymd_opt(2019, 10, 15)
        );
        letter.kind = ReportKind::LetterAcknowledgement;
        letter.due_on = String::new();
        assert_eq!(
            letter_terms(&letter, today()).unwrap(),
            None,
            "an acknowledgement need give no term"
        );
        letter.kind = ReportKind::Rapport;
        assert_eq!(
            code(letter_terms(&letter, today())),
            Some(FieldCode::Invalid)
        );
    }

    #[test]
    fn only_a_hearing_and_a_term_may_lie_ahead() {
        // A term is set for the future; a hearing is planned; anything else must have happened.
        let mut promise = input(EventKind::Promise, "2019-09-30");
        promise.due_on = "2019-10-04".into();
        assert!(validate(&promise, today()).is_ok());
        promise.done_on = "2019-10-02".into();
        assert_eq!(
            codes(validate(&promise, today())),
            vec![("doneOn".into(), FieldCode::FutureDate)]
        );
        assert!(validate(&input(EventKind::Hearing, "2019-10-15"), today()).is_ok());
        assert_eq!(
            codes(validate(&input(EventKind::Closed, "2019-10-15"), today())),
            vec![("on".into(), FieldCode::FutureDate)]
        );
        assert_eq!(
            codes(validate(&input(EventKind::Closed, "15 oktober"), today())),
            vec![("on".into(), FieldCode::InvalidDate)]
        );
    }
}
