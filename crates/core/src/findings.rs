//! The findings paragraph of a conflict, for the rapport: each side's account and what the
//! ombudsman established, produced from the data; the investigator edits it in the rapport.

use crate::vocab::Resolution;

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

/// The paragraph: "**Lezing verzoeker.** … **Lezing gemeente.** … **Vaststelling.** …".
/// `body_label` names the body's side as the rapport does (e.g. "gemeente").
pub fn paragraph(
    title: &str,
    citizen: &[String],
    body: &[String],
    body_label: &str,
    resolution: Resolution,
    reasoning: &str,
) -> String {
    let mut out = format!("### {}\n\n", title.trim());
    out.push_str(&format!("**Lezing verzoeker.** {}\n\n", account(citizen)));
    out.push_str(&format!("**Lezing {body_label}.** {}\n\n", account(body)));
    out.push_str(&format!("**Vaststelling.** {}", establishment(resolution)));
    if !reasoning.trim().is_empty() {
        out.push_str(&format!(" {}", reasoning.trim()));
    }
    out.push('\n');
    out
}

/// How the rapport names the body: "gemeente" for a municipality, else "bestuursorgaan".
pub fn body_label(body_name: Option<&str>) -> &'static str {
    match body_name {
        Some(name) if name.trim().to_lowercase().starts_with("gemeente") => "gemeente",
        _ => "bestuursorgaan",
    }
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
            body_label(Some("Gemeente Voorbeeldstad")),
            Resolution::NotEstablishable,
            "Het KCC houdt geen gesprekshistorie bij.",
        );
        assert_eq!(
            text,
            "### Aantal contacten\n\n**Lezing verzoeker.** Verzoekster belde ten minste tien keer.\n\n**Lezing gemeente.** Contact op 2 oktober 2018. Contact op 14 november 2018.\n\n**Vaststelling.** Beide partijen hebben elkaars lezing gezien en zijn bij hun eigen lezing gebleven. Er is geen ander materiaal dat een van beide lezingen steunt. De ombudsman kan daarom niet vaststellen welke lezing juist is. Het KCC houdt geen gesprekshistorie bij.\n"
        );
    }

    #[test]
    fn a_missing_record_and_other_bodies_read_sensibly() {
        let text = paragraph(
            "Balie",
            &["Verzoekster was aan de balie".into()],
            &[],
            body_label(Some("UWV")),
            Resolution::Open,
            "",
        );
        assert!(
            text.contains("**Lezing bestuursorgaan.** Hierover is niets vastgelegd."),
            "{text}"
        );
        assert!(text.ends_with("**Vaststelling.** Dit is nog niet vastgesteld.\n"));
    }
}
