//! The findings paragraph of a conflict, for the rapport: each side's account and what the
//! ombudsman established, produced from the data; the investigator edits it in the rapport.

use crate::vocab::{PartyRole, Resolution};

/// One side's statements, as plain sentences.
fn account(texts: &[String]) -> String {
    if texts.is_empty() {
        return "Hierover is niets vastgelegd.".into();
    }
    texts
        .iter()
        .map(|t| t.trim().trim_end_matches('.').to_string() + ".")
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the decision means, in the words a rapport uses.
fn establishment(resolution: Resolution) -> &'static str {
    match resolution {
        Resolution::Open => "Dit is nog niet vastgesteld.",
        Resolution::CitizenVersionEstablished => "De ombudsman acht de lezing van verzoeker voldoende aannemelijk.",
        Resolution::BodyVersionEstablished => "De ombudsman acht de lezing van het bestuursorgaan voldoende aannemelijk.",
        Resolution::NotEstablishable => {
            "Beide partijen hebben elkaars lezing gezien en zijn bij hun eigen lezing gebleven. Er is geen ander materiaal dat een van beide lezingen steunt. De ombudsman kan daarom niet vaststellen welke lezing juist is."
        }
        Resolution::NotMaterial => "Voor het oordeel doet dit verschil niet ter zake.",
    }
}

/// How each side is named in the findings: `citizen` and `body` as the rapport calls them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sides {
    /// The requester's pseudonym: "verzoekster", "verzoeker".
    pub citizen: String,
    /// The body's pseudonym: "de gemeente", "de dienst", "het UWV".
    pub body: String,
}

impl Sides {
    /// The sides of a dossier whose parties have these roles and pseudonyms. The requester is
    /// "verzoekster" when that is her pseudonym, else "verzoeker" (the rapport's word, whatever
    /// the pseudonym); the body is the first body's pseudonym as the investigator wrote it
    /// ("de gemeente", "de dienst"), or "het bestuursorgaan" when it has none.
    pub fn of<'a>(parties: impl IntoIterator<Item = (PartyRole, &'a str)>) -> Sides {
        let mut citizen = None;
        let mut body = None;
        for (role, pseudonym) in parties {
            let pseudonym = pseudonym.trim();
            match role {
                PartyRole::Requester if citizen.is_none() => {
                    citizen = Some(if pseudonym.eq_ignore_ascii_case("verzoekster") {
                        "verzoekster"
                    } else {
                        "verzoeker"
                    })
                }
                PartyRole::Body if body.is_none() && !pseudonym.is_empty() => {
                    body = Some(pseudonym.to_string())
                }
                _ => {}
            }
        }
        Sides {
            citizen: citizen.unwrap_or("verzoeker").to_string(),
            body: body.unwrap_or_else(|| "het bestuursorgaan".to_string()),
        }
    }
}

/// The paragraph: "**Lezing van verzoekster.** … **Lezing van de gemeente.** …
/// **Vaststelling.** …", each reading headed by the party whose reading it is.
pub fn paragraph(
    title: &str,
    citizen: &[String],
    body: &[String],
    sides: &Sides,
    resolution: Resolution,
    reasoning: &str,
) -> String {
    let mut out = format!("### {}\n\n", title.trim());
    out.push_str(&format!(
        "**Lezing van {}.** {}\n\n",
        sides.citizen,
        account(citizen)
    ));
    out.push_str(&format!(
        "**Lezing van {}.** {}\n\n",
        sides.body,
        account(body)
    ));
    out.push_str(&format!("**Vaststelling.** {}", establishment(resolution)));
    if !reasoning.trim().is_empty() {
        out.push_str(&format!(" {}", reasoning.trim()));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decided_conflict_reads_as_lezing_lezing_vaststelling() {
        let text = paragraph(
            "Aantal contacten",
            &["Verzoekster belde ten minste tien keer".into()],
            &[
                "Contact op 2 oktober 2018.".into(),
                "Contact op 14 november 2018".into(),
            ],
            &Sides::of([
                (PartyRole::Requester, "Verzoekster"),
                (PartyRole::Body, "de gemeente"),
            ]),
            Resolution::NotEstablishable,
            "Het KCC houdt geen gesprekshistorie bij.",
        );
        assert_eq!(
            text,
            "### Aantal contacten\n\n**Lezing van verzoekster.** Verzoekster belde ten minste tien keer.\n\n**Lezing van de gemeente.** Contact op 2 oktober 2018. Contact op 14 november 2018.\n\n**Vaststelling.** Beide partijen hebben elkaars lezing gezien en zijn bij hun eigen lezing gebleven. Er is geen ander materiaal dat een van beide lezingen steunt. De ombudsman kan daarom niet vaststellen welke lezing juist is. Het KCC houdt geen gesprekshistorie bij.\n"
        );
    }

    #[test]
    fn a_missing_record_and_other_bodies_read_sensibly() {
        let text = paragraph(
            "Balie",
            &["Verzoekster was aan de balie".into()],
            &[],
            &Sides::of([
                (PartyRole::Requester, "de heer L."),
                (PartyRole::Body, "de dienst"),
            ]),
            Resolution::Open,
            "",
        );
        assert!(
            text.contains("**Lezing van de dienst.** Hierover is niets vastgelegd."),
            "{text}"
        );
        assert!(text.ends_with("**Vaststelling.** Dit is nog niet vastgesteld.\n"));
    }

    #[test]
    fn a_dossier_without_pseudonyms_still_names_both_sides() {
        // An imported or half-built dossier may lack a pseudonym; the heading must not be empty.
        let sides = Sides::of([(PartyRole::Body, "  ")]);
        assert_eq!(sides.citizen, "verzoeker");
        assert_eq!(sides.body, "het bestuursorgaan");
    }
}
