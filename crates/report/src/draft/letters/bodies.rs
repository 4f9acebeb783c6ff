//! The text of each procedure letter between its salutation and its closing: what it says,
//! from the dossier (through [`Words`]) and what the investigator adds in the [`Letter`].

use super::{Letter, To, Words};
use wederhoor_core::dates::dutch_long_date;
use wederhoor_core::vocab::{Kenbaarheid, PartyRole, Verdict};

/// A paragraph of the investigator's own words, when there are any.
fn asks_paragraph(letter: &Letter) -> Option<String> {
    let asks = letter.asks.trim();
    (!asks.is_empty()).then(|| format!("{asks}\n"))
}

/// An instruction when the term does not fall after the letter's date.
fn term_check(letter: &Letter) -> Option<String> {
    let due = letter.due_on?;
    (due <= letter.date).then(|| {
        format!(
            "*Deze termijn ({}) valt niet na de datum van de brief ({}); kies een latere datum.*\n",
            dutch_long_date(due),
            dutch_long_date(letter.date)
        )
    })
}

pub(super) fn acknowledgement(w: &Words, letter: &Letter) -> Vec<String> {
    let bodies = w.bodies();
    let mut out = Vec::new();
    out.push(if w.to.role() == Some(PartyRole::Representative) {
        format!(
            "Op {} hebben wij het verzoekschrift ontvangen dat u namens {} hebt ingediend. Daarin wordt de ombudsman gevraagd een onderzoek in te stellen naar een gedraging van {bodies}. Met deze brief bevestigen wij de ontvangst.\n",
            w.received(),
            w.requester()
        )
    } else {
        format!(
            "Op {} hebben wij uw verzoekschrift ontvangen. U vraagt de ombudsman een onderzoek in te stellen naar een gedraging van {bodies}. Met deze brief bevestigen wij de ontvangst.\n",
            w.received()
        )
    });
    out.push(format!(
        "Uw verzoek is bij ons geregistreerd onder kenmerk {}. Wilt u dit kenmerk noemen als u ons schrijft of belt?\n",
        w.reference()
    ));
    let mut next = String::from(
        "### Wat gebeurt er nu?\n\nWij bekijken eerst of de ombudsman uw klacht kan onderzoeken.",
    );
    if w.dossier.dossier.kenbaarheid == Kenbaarheid::Required {
        next.push_str(&format!(
            " Daarbij gaan wij onder meer na of de klacht eerst bij {bodies} zelf is ingediend. Dat is nodig: de instantie moet de kans hebben gehad de klacht zelf te behandelen (artikel 9:20 van de Algemene wet bestuursrecht)."
        ));
    }
    next.push_str(" Ontbreken er gegevens in het verzoek, dan vragen wij u die aan te vullen.\n");
    out.push(next);
    out.extend(asks_paragraph(letter));
    out.push(match letter.due_on {
        Some(due) => format!("U hoort uiterlijk {} van ons.\n", dutch_long_date(due)),
        None => "Zodra wij dat hebben bekeken, laten wij u weten of de ombudsman de klacht gaat onderzoeken.\n".into(),
    });
    out.extend(term_check(letter));
    out
}

pub(super) fn information_request(w: &Words, letter: &Letter) -> Vec<String> {
    let mut out = Vec::new();
    out.push(if w.to.is_requester_side() {
        format!(
            "Ik onderzoek {}. Voor dat onderzoek heb ik informatie van u nodig.\n",
            w.the_complaint()
        )
    } else if w.to.is_body() {
        format!(
            "Op {} ontving ik een verzoek van {} om een onderzoek in te stellen naar een gedraging van {}. Ik onderzoek die klacht en vraag u daarvoor om informatie.\n",
            w.received(),
            w.requester(),
            w.bodies()
        )
    } else {
        format!(
            "Ik onderzoek {}. Voor dat onderzoek vraag ik ook u om informatie.\n",
            w.the_complaint()
        )
    });
    out.push(format!(
        "### De klacht\n\n{} bestaat uit de volgende onderdelen:\n\n{}",
        if w.to.role() == Some(PartyRole::Requester) {
            "Uw klacht"
        } else {
            "De klacht"
        },
        w.points()
    ));
    out.push("### Mijn verzoek\n\nOp grond van artikel 9:31 van de Algemene wet bestuursrecht verzoek ik u mij de volgende informatie en stukken te sturen:\n".into());
    out.push(
        asks_paragraph(letter)
            .unwrap_or_else(|| "*Noem hier welke informatie en stukken u vraagt.*\n".into()),
    );
    out.push(match letter.due_on {
        Some(due) => format!(
            "Ik ontvang uw antwoord graag uiterlijk {}.\n",
            dutch_long_date(due)
        ),
        None => "*Noem hier de datum waarop u het antwoord uiterlijk wilt ontvangen: „Ik ontvang uw antwoord graag uiterlijk …”.*\n".into(),
    });
    out.extend(term_check(letter));
    out.push("Zijn er volgens u gewichtige redenen om bepaalde informatie of stukken niet te geven, of om ze alleen aan mij ter kennis te brengen? Laat mij dan weten om welke informatie het gaat en waarom. Ik beslis daarna of dat gerechtvaardigd is.\n".into());
    out.push(format!(
        "Wilt u bij uw antwoord het kenmerk {} vermelden?\n",
        w.reference()
    ));
    out
}

pub(super) fn findings_letter(w: &Words, letter: &Letter) -> Vec<String> {
    let (views, others) = if w.to.is_requester_side() {
        (
            format!("uw standpunt en dat van {}", w.bodies()),
            format!(
                "Ook {} krijgt het verslag en kan daarop reageren.\n",
                w.bodies()
            ),
        )
    } else if w.to.is_body() {
        (
            format!("uw standpunt en dat van {}", w.requester()),
            format!(
                "Ook {} krijgt het verslag en kan daarop reageren.\n",
                w.requester()
            ),
        )
    } else {
        (
            format!("de standpunten van {} en van {}", w.requester(), w.bodies()),
            format!(
                "Ook {} en {} krijgen het verslag en kunnen daarop reageren.\n",
                w.requester(),
                w.bodies()
            ),
        )
    };
    let mut out = Vec::new();
    out.push(format!(
        "Hierbij stuur ik u het verslag van bevindingen van mijn onderzoek naar {}.\n",
        w.the_complaint()
    ));
    out.push(format!(
        "### Wat staat er in het verslag?\n\nIn het verslag beschrijf ik wat ik in het onderzoek heb vastgesteld: de feiten, {views}. Het verslag bevat nog geen oordeel. Dat geef ik pas in het rapport, nadat alle betrokkenen op het verslag hebben kunnen reageren.\n"
    ));
    let term = match letter.due_on {
        Some(due) => format!(
            "Ik ontvang uw reactie graag uiterlijk {}.",
            dutch_long_date(due)
        ),
        None => "*Noem hier de datum waarop u de reactie uiterlijk wilt ontvangen.*".into(),
    };
    out.push(format!(
        "### Uw reactie\n\nU kunt schriftelijk op het verslag reageren. {term} Klopt er volgens u iets niet in de feiten, of ontbreekt er iets? Noem dan de passage waar het om gaat en licht toe wat er volgens u anders is.\n"
    ));
    out.extend(term_check(letter));
    out.push(others);
    out.push("### Hoe gaat het verder?\n\nDe reacties die ik ontvang, neem ik op in het rapport. Na afloop van de termijn schrijf ik het rapport, met daarin mijn oordeel over de klacht. Ontvang ik binnen de termijn geen reactie van u, dan ga ik ervan uit dat u geen opmerkingen hebt.\n".into());
    out.extend(asks_paragraph(letter));
    out
}

pub(super) fn report_letter(w: &Words, letter: &Letter) -> Vec<String> {
    let d = w.dossier;
    let mut out = Vec::new();
    out.push(format!(
        "Hierbij stuur ik u mijn rapport over {}. In het rapport leest u wat ik heb onderzocht en wat mijn oordeel is.\n",
        w.the_complaint()
    ));
    let mut oordeel = String::from("### Mijn oordeel\n\n");
    if d.complaint_points.is_empty() {
        oordeel.push_str("*Vat hier het oordeel over de klacht samen.*\n");
    } else {
        oordeel.push_str("Mijn oordeel per klachtonderdeel:\n\n");
        for point in &d.complaint_points {
            let verdict = match point.verdict {
                Verdict::Open => "*nog geen oordeel vastgelegd*".to_string(),
                v => v.label_nl().to_string(),
            };
            oordeel.push_str(&format!("- klachtonderdeel {}: {verdict}\n", point.number));
        }
    }
    if d.recommendations.is_empty() {
        oordeel.push_str("\nHet rapport bevat geen aanbeveling.\n");
    }
    out.push(oordeel);
    if !d.recommendations.is_empty() {
        let several = d.recommendations.len() > 1;
        let mut recs = format!(
            "### {}\n\nIn het rapport doe ik {}:\n\n",
            if several {
                "Aanbevelingen"
            } else {
                "Aanbeveling"
            },
            if several {
                "de volgende aanbevelingen"
            } else {
                "de volgende aanbeveling"
            }
        );
        for (i, r) in d.recommendations.iter().enumerate() {
            recs.push_str(&format!(
                "{}. {}\n",
                i + 1,
                r.text.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        }
        let when = letter.due_on.map_or_else(
            || "binnen een redelijke termijn".to_string(),
            |due| format!("uiterlijk {}", dutch_long_date(due)),
        );
        let what = if several {
            "de aanbevelingen"
        } else {
            "de aanbeveling"
        };
        let which = if several {
            "een aanbeveling"
        } else {
            "de aanbeveling"
        };
        if w.to.is_body() {
            recs.push_str(&format!(
                "\nOp grond van artikel 9:36 lid 4 van de Algemene wet bestuursrecht verzoek ik u mij {when} te laten weten hoe u gevolg geeft aan {what}. Bent u niet van plan {which} op te volgen, dan hoor ik graag waarom niet.\n"
            ));
        } else {
            recs.push_str(&format!(
                "\n{} moet mij {when} laten weten hoe het gevolg geeft aan {what}, en waarom niet als het {which} niet opvolgt (artikel 9:36 lid 4 van de Algemene wet bestuursrecht).\n",
                super::super::capitalise(&w.bodies())
            ));
        }
        out.push(recs);
    }
    out.extend(term_check(letter));
    // Awb 9:36 lid 3: the rapport goes to the body, the requester and the official whose
    // conduct the complaint is about.
    let mut copies: Vec<String> = Vec::new();
    if !w.to.is_body() {
        copies.push(w.bodies());
    }
    if w.to.role() != Some(PartyRole::Requester) {
        copies.push(w.requester());
    }
    copies.extend(
        d.parties
            .iter()
            .filter(|p| p.role == PartyRole::Official && !p.name.trim().is_empty())
            .filter(|p| !matches!(&w.to, To::Party(to) if to.id == p.id))
            .map(|p| p.name.trim().to_string()),
    );
    let mut public = String::from("### Openbaarheid\n\n");
    match copies.split_last() {
        Some((last, [])) => public.push_str(&format!("Ook {last} ontvangt het rapport. ")),
        Some((last, rest)) => public.push_str(&format!(
            "Ook {} en {last} ontvangen het rapport. ",
            rest.join(", ")
        )),
        None => {}
    }
    public.push_str(&format!(
        "Het rapport is openbaar: iedereen kan om een afschrift vragen, en het wordt ter inzage gelegd (artikel 9:36 lid 5 van de Algemene wet bestuursrecht). Openbaar wordt een geanonimiseerde versie: de namen van {} en van andere betrokken personen staan daarin niet.\n",
        w.requester_word()
    ));
    out.push(public);
    out.extend(asks_paragraph(letter));
    out
}
