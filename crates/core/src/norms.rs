//! The behoorlijkheidsnormen as data: the current Behoorlijkheidswijzer (22 norms in four core
//! values) and the older list of "vereisten van behoorlijkheid" (codes prefixed `klassiek/`),
//! each with a short description in our own words and, for old norms, the current norm(s) they
//! map to (DOMAIN.md §1c — our interpretation, not an official table).

use serde::Serialize;
use ts_rs::TS;

/// Which catalogue a norm belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Catalogue {
    /// The Behoorlijkheidswijzer of the Nationale ombudsman and municipal ombudsmen (about 2012 on).
    Behoorlijkheidswijzer,
    /// The older list used in reports until about 2012.
    Klassiek,
}

/// One norm of a catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Norm {
    /// The code used in the dossier file, e.g. `goede-organisatie` or `klassiek/motivering`.
    pub code: &'static str,
    /// The Dutch name, e.g. "Goede organisatie".
    pub name: &'static str,
    /// The core value (kernwaarde) or, for old norms, the group it was commonly placed in.
    pub group: &'static str,
    /// What the norm asks of the authority, in our own words.
    pub description: &'static str,
    /// The catalogue it belongs to.
    pub catalogue: Catalogue,
    /// For old norms: the current norm codes it corresponds to.
    pub successors: &'static [&'static str],
}

const OPEN: &str = "Open en duidelijk";
const RESPECT: &str = "Respectvol";
const BETROKKEN: &str = "Betrokken en oplossingsgericht";
const EERLIJK: &str = "Eerlijk en betrouwbaar";

const fn current(
    code: &'static str,
    name: &'static str,
    group: &'static str,
    description: &'static str,
) -> Norm {
    Norm {
        code,
        name,
        group,
        description,
        catalogue: Catalogue::Behoorlijkheidswijzer,
        successors: &[],
    }
}

const fn old(
    code: &'static str,
    name: &'static str,
    group: &'static str,
    description: &'static str,
    successors: &'static [&'static str],
) -> Norm {
    Norm {
        code,
        name,
        group,
        description,
        catalogue: Catalogue::Klassiek,
        successors,
    }
}

/// Groups of the older list are from memory, not confirmed against a source (DOMAIN.md §1b).
const OLD_GRONDRECHTEN: &str = "Grondrechten (indeling te verifiëren)";
const OLD_BETROUWBAAR: &str = "Vereisten van betrouwbaarheid (indeling te verifiëren)";
const OLD_ZORGVULDIG: &str = "Vereisten van zorgvuldigheid (indeling te verifiëren)";

static NORMS: &[Norm] = &[
    current("transparantie", "Transparantie", OPEN,
        "De overheid werkt zo open en voorspelbaar dat de burger kan volgen wat er met zijn zaak gebeurt, waarom, en wat de volgende stap is."),
    current("goede-informatieverstrekking", "Goede informatieverstrekking", OPEN,
        "De burger krijgt juiste, volledige en begrijpelijke informatie, en uit zichzelf wanneer die voor hem van belang is."),
    current("luisteren-naar-de-burger", "Luisteren naar de burger", OPEN,
        "Medewerkers luisteren echt, vragen door en nemen het probleem van de burger serieus, zodat die zich gehoord voelt."),
    current("goede-motivering", "Goede motivering", OPEN,
        "Besluiten en handelingen worden in begrijpelijke taal uitgelegd, met de feiten en regels waarop ze rusten."),
    current("respecteren-van-grondrechten", "Respecteren van grondrechten", RESPECT,
        "De overheid eerbiedigt grond- en mensenrechten, zoals gelijke behandeling, privacy, lichamelijke integriteit en vrijheid van meningsuiting."),
    current("bevorderen-van-actieve-deelname-door-de-burger", "Bevorderen van actieve deelname door de burger", RESPECT,
        "De burger wordt betrokken bij wat hem aangaat en krijgt de gelegenheid daar invloed op uit te oefenen."),
    current("fatsoenlijke-bejegening", "Fatsoenlijke bejegening", RESPECT,
        "Mensen worden beleefd, met respect en behulpzaam behandeld."),
    current("fair-play", "Fair play", RESPECT,
        "De burger krijgt een eerlijke kans om zijn standpunt naar voren te brengen; de overheid speelt geen spelletjes, houdt niets relevants achter en gebruikt procedures niet tegen hem."),
    current("evenredigheid", "Evenredigheid", RESPECT,
        "Middelen en lasten staan in redelijke verhouding tot het doel dat de overheid wil bereiken."),
    current("bijzondere-zorg", "Bijzondere zorg", RESPECT,
        "Wie van de overheid afhankelijk is of onder haar zorg of toezicht staat, zoals kwetsbare mensen, krijgt extra zorg en aandacht."),
    current("maatwerk", "Maatwerk", BETROKKEN,
        "Regels worden toegepast met oog voor het individuele geval; waar de standaarduitkomst onredelijk uitpakt, is er ruimte om af te wijken."),
    current("samenwerking", "Samenwerking", BETROKKEN,
        "Overheidsorganisaties en hun partners werken samen, zodat de burger niet van het ene loket naar het andere wordt gestuurd."),
    current("coulante-opstelling", "Coulante opstelling", BETROKKEN,
        "De overheid stelt zich tegemoetkomend op, zeker na een eigen fout: zij herstelt of vergoedt zonder zich achter formaliteiten te verschuilen."),
    current("voortvarendheid", "Voortvarendheid", BETROKKEN,
        "Zaken worden snel afgehandeld, termijnen worden gehaald en er is geen onnodige vertraging."),
    current("de-escalatie", "De-escalatie", BETROKKEN,
        "De overheid voorkomt dat een conflict uit de hand loopt, bijvoorbeeld door persoonlijk contact te zoeken of te bemiddelen."),
    current("integriteit", "Integriteit", EERLIJK,
        "De overheid is eerlijk en onkreukbaar: geen belangenverstrengeling, en bevoegdheden worden alleen gebruikt waarvoor ze bedoeld zijn."),
    current("betrouwbaarheid", "Betrouwbaarheid", EERLIJK,
        "De overheid houdt zich aan de wet, aan haar eigen beleid en aan wat zij heeft toegezegd, zodat gewekte verwachtingen worden waargemaakt."),
    current("onpartijdigheid", "Onpartijdigheid", EERLIJK,
        "De overheid handelt zonder vooringenomenheid en zonder de schijn daarvan."),
    current("redelijkheid", "Redelijkheid", EERLIJK,
        "Alle betrokken belangen worden eerlijk gewogen en de uitkomst is niet onredelijk."),
    current("goede-voorbereiding", "Goede voorbereiding", EERLIJK,
        "Voordat de overheid handelt of beslist, verzamelt zij de nodige feiten en hoort zij de betrokkenen."),
    current("goede-organisatie", "Goede organisatie", EERLIJK,
        "Organisatie, administratie en registratie zijn op orde: contacten worden vastgelegd, dossiers zijn volledig, de overheid is bereikbaar en volgt zaken op."),
    current("professionaliteit", "Professionaliteit", EERLIJK,
        "Medewerkers handelen met de deskundigheid en het vakmanschap die hun functie vraagt."),
    old("klassiek/correcte-bejegening", "Correcte bejegening", OLD_ZORGVULDIG,
        "Burgers worden beleefd en respectvol behandeld.", &["fatsoenlijke-bejegening"]),
    old("klassiek/actieve-en-adequate-informatieverstrekking", "Actieve en adequate informatieverstrekking", OLD_ZORGVULDIG,
        "Actief: relevante informatie ongevraagd geven. Adequaat: gegeven informatie is juist, volledig en duidelijk.",
        &["goede-informatieverstrekking"]),
    old("klassiek/administratieve-nauwkeurigheid", "Administratieve nauwkeurigheid", OLD_ZORGVULDIG,
        "Zorgvuldig en nauwkeurig werken: aanvragen juist behandelen en het in één keer goed doen.", &["goede-organisatie"]),
    old("klassiek/adequate-organisatorische-voorzieningen", "Adequate organisatorische voorzieningen", OLD_ZORGVULDIG,
        "Administratie en organisatie zijn zo ingericht dat fouten, zoals onjuiste registraties, niet voorkomen.",
        &["goede-organisatie"]),
    old("klassiek/motivering", "Motivering", OLD_ZORGVULDIG,
        "Handelingen, besluiten en klachtafhandeling hebben een duidelijke en houdbare grondslag.", &["goede-motivering"]),
    old("klassiek/rechtszekerheid", "Rechtszekerheid", OLD_BETROUWBAAR,
        "De burger weet waar hij aan toe is: toezeggingen en rechtsposities worden gerespecteerd en verduidelijkt.",
        &["betrouwbaarheid"]),
    old("klassiek/gerechtvaardigde-verwachtingen", "Gerechtvaardigde verwachtingen", OLD_BETROUWBAAR,
        "Verwachtingen die de overheid redelijkerwijs heeft gewekt, worden gehonoreerd.", &["betrouwbaarheid"]),
    old("klassiek/overeenstemming-met-geschreven-recht", "Overeenstemming met geschreven recht", OLD_BETROUWBAAR,
        "De overheid handelt in overeenstemming met de geschreven regels.", &["betrouwbaarheid"]),
    old("klassiek/voortvarendheid", "Voortvarendheid", OLD_BETROUWBAAR,
        "Handelen binnen de wettelijke of een redelijke termijn.", &["voortvarendheid"]),
    old("klassiek/verbod-van-detournement-de-pouvoir", "Verbod van détournement de pouvoir", OLD_BETROUWBAAR,
        "Een bevoegdheid wordt alleen gebruikt voor het doel waarvoor zij is gegeven.", &["integriteit"]),
    old("klassiek/zorgvuldigheid", "Zorgvuldigheid", OLD_ZORGVULDIG,
        "Algemene plicht tot zorg bij het voorbereiden en uitvoeren van handelingen.", &["goede-voorbereiding"]),
    old("klassiek/hoor-en-wederhoor", "Hoor en wederhoor", OLD_ZORGVULDIG,
        "Beide kanten worden gehoord voordat wordt geoordeeld.", &["goede-voorbereiding", "luisteren-naar-de-burger"]),
    old("klassiek/redelijkheid", "Redelijkheid (belangenafweging)", OLD_ZORGVULDIG,
        "Alle belangen worden afgewogen en de uitkomst is niet onredelijk.", &["redelijkheid"]),
    old("klassiek/evenredigheid", "Evenredigheid", OLD_ZORGVULDIG,
        "De gekozen middelen staan in verhouding tot het doel.", &["evenredigheid"]),
    old("klassiek/fair-play", "Fair play", OLD_ZORGVULDIG,
        "De burger wordt zijn procedurele kansen niet ontnomen, bijvoorbeeld doordat bewijs verloren gaat.", &["fair-play"]),
    old("klassiek/bijzondere-zorg", "Bijzondere zorg", OLD_ZORGVULDIG,
        "Extra zorg voor wie van de overheid afhankelijk is.", &["bijzondere-zorg"]),
    old("klassiek/professionaliteit", "Professionaliteit", OLD_ZORGVULDIG,
        "Handelen volgens de maatstaven van het vak.", &["professionaliteit"]),
    old("klassiek/coordinatie", "Coördinatie", OLD_ZORGVULDIG,
        "Organisaties stemmen hun werk af, zodat de burger geen last heeft van verdeelde verantwoordelijkheden.",
        &["samenwerking"]),
    old("klassiek/gelijkheid", "Gelijkheid", OLD_GRONDRECHTEN,
        "Gelijke gevallen worden gelijk behandeld.", &["respecteren-van-grondrechten"]),
    old("klassiek/verbod-van-willekeur", "Verbod van willekeur", OLD_BETROUWBAAR,
        "De overheid handelt niet willekeurig.", &["redelijkheid"]),
    old("klassiek/privacy", "Eerbiediging van de persoonlijke levenssfeer", OLD_GRONDRECHTEN,
        "De privacy van de burger wordt gerespecteerd.", &["respecteren-van-grondrechten"]),
];

/// Every norm of both catalogues, current first.
pub fn all() -> &'static [Norm] {
    NORMS
}

/// The norm with this code, if the catalogue has it.
pub fn find(code: &str) -> Option<&'static Norm> {
    NORMS.iter().find(|n| n.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_behoorlijkheidswijzer_has_22_norms_in_4_core_values() {
        let current: Vec<_> = all()
            .iter()
            .filter(|n| n.catalogue == Catalogue::Behoorlijkheidswijzer)
            .collect();
        assert_eq!(current.len(), 22, "DOMAIN.md §1a: 22 norms");
        let count = |g| current.iter().filter(|n| n.group == g).count();
        assert_eq!(
            (
                count(OPEN),
                count(RESPECT),
                count(BETROKKEN),
                count(EERLIJK)
            ),
            (4, 6, 5, 7),
            "per core value"
        );
    }

    #[test]
    fn codes_follow_the_file_rule_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for norm in all() {
            assert!(seen.insert(norm.code), "{} appears once", norm.code);
            if norm.catalogue == Catalogue::Behoorlijkheidswijzer {
                assert_eq!(
                    norm.code,
                    norm.name.to_lowercase().replace(' ', "-"),
                    "code is the name, lower case, hyphens"
                );
            } else {
                assert!(
                    norm.code.starts_with("klassiek/"),
                    "old norms carry the klassiek/ prefix"
                );
                assert!(
                    !norm.successors.is_empty(),
                    "{} maps to a current norm",
                    norm.code
                );
            }
        }
    }

    #[test]
    fn every_successor_is_a_current_norm() {
        for norm in all() {
            for successor in norm.successors {
                let target = find(successor).unwrap_or_else(|| panic!("{successor} exists"));
                assert_eq!(
                    target.catalogue,
                    Catalogue::Behoorlijkheidswijzer,
                    "{} maps to a current norm",
                    norm.code
                );
            }
        }
    }

    #[test]
    fn the_codes_named_in_the_interface_exist() {
        for code in [
            "klassiek/correcte-bejegening",
            "klassiek/verbod-van-detournement-de-pouvoir",
            "voortvarendheid",
            "goede-organisatie",
        ] {
            assert!(find(code).is_some(), "{code} is in the catalogue");
        }
        assert!(find("Voortvarendheid").is_none(), "codes are lower case");
    }
}
