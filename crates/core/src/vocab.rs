//! The closed vocabularies of the dossier file (INTERFACES.md §1): each value has one code, used
//! in the file, the database and over IPC, and a Dutch label for people.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $nl:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub enum $name {
            $(
                #[doc = $nl]
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order the UI lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code used in the dossier file, the database and over IPC.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The Dutch label shown to people.
            pub fn label_nl(self) -> &'static str {
                match self { $($name::$variant => $nl),+ }
            }

            /// The value for a code, or `None` when the code is not in the vocabulary.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// All codes, for error messages.
            pub fn codes() -> String {
                [$($code),+].join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

vocabulary! {
    /// Where a dossier stands in the procedure.
    DossierStatus {
        Intake = "intake", "intake";
        Intervention = "intervention", "interventie";
        Investigation = "investigation", "onderzoek";
        FindingsSent = "findings_sent", "bevindingen verzonden";
        Reported = "reported", "rapport uitgebracht";
        Closed = "closed", "afgesloten";
    }
}

vocabulary! {
    /// The part a party plays in the complaint.
    PartyRole {
        Requester = "requester", "verzoeker";
        Body = "body", "bestuursorgaan";
        Official = "official", "betrokken ambtenaar";
        Representative = "representative", "gemachtigde";
        Witness = "witness", "getuige";
        ThirdParty = "third_party", "derde";
    }
}

vocabulary! {
    /// What kind of document a source is.
    SourceKind {
        Letter = "letter", "brief";
        Email = "email", "e-mail";
        PhoneNote = "phone_note", "telefoonnotitie";
        Register = "register", "registratie-export";
        Interview = "interview", "verslag van gesprek";
        Decision = "decision", "besluit";
        Recording = "recording", "opname";
        Policy = "policy", "beleidsstuk";
        Other = "other", "overig";
    }
}

vocabulary! {
    /// Whether a statement is what someone says happened or an entry in an administration.
    StatementKind {
        Claim = "claim", "lezing";
        Record = "record", "registratie";
    }
}

vocabulary! {
    /// How a contact took place.
    Channel {
        Phone = "phone", "telefoon";
        Email = "email", "e-mail";
        Letter = "letter", "brief";
        Counter = "counter", "balie";
        Visit = "visit", "huisbezoek";
        Portal = "portal", "digitaal loket";
        Other = "other", "anders";
    }
}

vocabulary! {
    /// What the two sides disagree about.
    ConflictKind {
        Count = "count", "aantal";
        Date = "date", "datum";
        Occurrence = "occurrence", "of het gebeurde";
        Content = "content", "inhoud";
        Conduct = "conduct", "bejegening";
    }
}

vocabulary! {
    /// How the investigator decided a conflict.
    Resolution {
        Open = "open", "open";
        CitizenVersionEstablished = "citizen_version_established", "lezing verzoeker vastgesteld";
        BodyVersionEstablished = "body_version_established", "lezing bestuursorgaan vastgesteld";
        NotEstablishable = "not_establishable", "niet vast te stellen";
        NotMaterial = "not_material", "niet van belang";
    }
}

impl Resolution {
    /// Hoor en wederhoor: a conflict may be decided "niet vast te stellen" only once both sides
    /// have seen each other's account. The one place this rule is written; the form, the
    /// dossier file and the checks all ask here.
    pub fn permitted(self, both_sides_heard: bool) -> bool {
        self != Resolution::NotEstablishable || both_sides_heard
    }
}

vocabulary! {
    /// The outcome of testing a complaint point against one norm.
    Outcome {
        Behoorlijk = "behoorlijk", "behoorlijk";
        NietBehoorlijk = "niet_behoorlijk", "niet behoorlijk";
        GeenOordeel = "geen_oordeel", "geen oordeel";
    }
}

vocabulary! {
    /// The oordeel on one complaint point.
    Verdict {
        Open = "open", "nog geen oordeel";
        Gegrond = "gegrond", "gegrond";
        NietGegrond = "niet_gegrond", "niet gegrond";
        DeelsGegrond = "deels_gegrond", "deels gegrond";
        GeenOordeel = "geen_oordeel", "geen oordeel";
    }
}

vocabulary! {
    /// The kind of text the ombudsman sends out.
    ReportKind {
        VerslagVanBevindingen = "verslag_van_bevindingen", "verslag van bevindingen";
        Rapport = "rapport", "rapport";
        Rapportbrief = "rapportbrief", "rapportbrief";
        LetterAcknowledgement = "letter_acknowledgement", "ontvangstbevestiging";
        LetterInformationRequest = "letter_information_request", "informatieverzoek";
        LetterFindings = "letter_findings", "begeleidende brief bij het verslag";
        LetterReport = "letter_report", "aanbiedingsbrief bij het rapport";
    }
}

vocabulary! {
    /// Whether a report version may still change.
    ReportStatus {
        Draft = "draft", "concept";
        Final = "final", "definitief";
    }
}

vocabulary! {
    /// Whether the body must first have handled the complaint itself (Awb 9:20).
    Kenbaarheid {
        Required = "required", "vereist";
        NotRequired = "not_required", "niet vereist";
    }
}

vocabulary! {
    /// Where a source's text came from.
    TextOrigin {
        Extracted = "extracted", "uit het bestand gehaald";
        Ocr = "ocr", "herkend (OCR)";
        Typed = "typed", "in de app getypt";
    }
}

vocabulary! {
    /// One step of the procedure (Awb chapter 9), INTERFACES.md §1a.
    EventKind {
        InternalComplaintFiled = "internal_complaint_filed", "klacht ingediend bij de instantie";
        InternalComplaintAcknowledged = "internal_complaint_acknowledged", "ontvangst klacht bevestigd";
        InternalComplaintExtended = "internal_complaint_extended", "afhandeling klacht verdaagd";
        InternalComplaintDecided = "internal_complaint_decided", "klacht afgehandeld door de instantie";
        RequestReceived = "request_received", "verzoek ontvangen";
        RequestAcknowledged = "request_acknowledged", "ontvangst verzoek bevestigd";
        AdmissibilityDecided = "admissibility_decided", "besluit over ontvankelijkheid";
        InformationRequested = "information_requested", "informatie gevraagd";
        Hearing = "hearing", "hoorzitting";
        FindingsSent = "findings_sent", "verslag van bevindingen verzonden";
        ReportSent = "report_sent", "rapport verzonden";
        Promise = "promise", "toezegging";
        Closed = "closed", "afgesloten";
        Other = "other", "overig";
    }
}

// The vocabulary macro writes the enum, so `#[derive(Default)]` cannot mark a variant here.
#[allow(clippy::derivable_impls)]
impl Default for Kenbaarheid {
    fn default() -> Self {
        Kenbaarheid::Required
    }
}

impl ReportKind {
    /// The kinds of report an investigator drafts from the dossier on the Rapport screen; the
    /// procedure letters are drafted from the procedure (Verloop).
    pub const REPORTS: &'static [ReportKind] = &[
        ReportKind::VerslagVanBevindingen,
        ReportKind::Rapport,
        ReportKind::Rapportbrief,
    ];
}

impl PartyRole {
    /// Whether a party of this role keeps its real name in the public version by default:
    /// institutions do, persons never (DOMAIN.md §4).
    pub fn public_name_by_default(self) -> bool {
        self == PartyRole::Body
    }
}

impl DossierStatus {
    /// The statuses a dossier may go to from this one, forward as practice runs: an intake
    /// becomes an interventie or an onderzoek (or is closed), an interventie either closes or
    /// becomes an onderzoek, an onderzoek sends its verslag van bevindingen, then the rapport.
    pub fn forward(self) -> &'static [DossierStatus] {
        use DossierStatus::*;
        match self {
            Intake => &[Intervention, Investigation, Closed],
            Intervention => &[Investigation, Closed],
            Investigation => &[FindingsSent, Closed],
            FindingsSent => &[Reported, Closed],
            Reported => &[Closed],
            Closed => &[],
        }
    }

    /// Whether going from `self` to `to` is allowed: a step forward, or a step back along a
    /// forward step (undoing a status set too early). A step back is logged as such.
    pub fn may_become(self, to: DossierStatus) -> Option<StatusStep> {
        if self.forward().contains(&to) {
            Some(StatusStep::Forward)
        } else if to.forward().contains(&self) {
            Some(StatusStep::Back)
        } else {
            None
        }
    }
}

/// Which way a status change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusStep {
    /// As the procedure runs.
    Forward,
    /// Back to where it came from.
    Back,
}

impl Channel {
    /// The channel a register export's value means: Dutch and English words, case-insensitive
    /// (`Telefoon`, `tel.`, `E-mail`, `Balie`, `Webformulier`, ...). Unknown words are `Other`;
    /// an empty value is `None`.
    pub fn from_label(value: &str) -> Option<Channel> {
        let v = value.trim().trim_end_matches('.').to_lowercase();
        if v.is_empty() {
            return None;
        }
        let is = |words: &[&str]| {
            words.iter().any(|w| {
                v.strip_prefix(w)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
        };
        Some(
            if is(&[
                "telefoon",
                "tel",
                "telefonisch",
                "phone",
                "bellen",
                "gebeld",
                "terugbelverzoek",
            ]) {
                Channel::Phone
            } else if is(&["e-mail", "email", "mail", "e-mailbericht"]) {
                Channel::Email
            } else if is(&["brief", "post", "letter", "schriftelijk"]) {
                Channel::Letter
            } else if is(&["balie", "loket", "counter", "baliebezoek", "stadswinkel"]) {
                Channel::Counter
            } else if is(&["huisbezoek", "bezoek", "visit", "keukentafelgesprek"]) {
                Channel::Visit
            } else if is(&[
                "portaal",
                "digitaal loket",
                "webformulier",
                "website",
                "portal",
                "mijn gemeente",
                "chat",
                "whatsapp",
            ]) {
                Channel::Portal
            } else {
                Channel::Other
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_intervention_either_closes_or_becomes_an_investigation() {
        use DossierStatus::*;
        assert_eq!(Intervention.may_become(Closed), Some(StatusStep::Forward));
        assert_eq!(
            Intervention.may_become(Investigation),
            Some(StatusStep::Forward)
        );
        assert_eq!(
            Intervention.may_become(FindingsSent),
            None,
            "an interventie sends no verslag: it must become an onderzoek first"
        );
        assert_eq!(
            FindingsSent.may_become(Investigation),
            Some(StatusStep::Back),
            "a step back along the way it came is allowed"
        );
        assert_eq!(Closed.may_become(Reported), Some(StatusStep::Back));
        assert_eq!(
            Reported.may_become(Intake),
            None,
            "no jump back over several steps"
        );
    }

    #[test]
    fn codes_round_trip_through_serde_and_from_code() {
        for status in DossierStatus::ALL {
            let json = serde_json::to_string(status).unwrap();
            assert_eq!(
                json,
                format!("\"{}\"", status.code()),
                "serde writes the file's code"
            );
            assert_eq!(DossierStatus::from_code(status.code()), Some(*status));
        }
        assert_eq!(
            Resolution::from_code("citizen_version_established"),
            Some(Resolution::CitizenVersionEstablished)
        );
        assert_eq!(
            Verdict::from_code("Gegrond"),
            None,
            "codes are case-sensitive, as the file format says"
        );
    }
}
