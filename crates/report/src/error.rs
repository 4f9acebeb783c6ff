//! What can go wrong while drafting, anonymising or rendering a rapport.

/// A rapport that could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The layout engine could not lay out the text.
    #[error("De opmaak van het rapport is mislukt: {0}")]
    Layout(String),
    /// No public version can be made of this dossier (no person to pseudonymise, a party
    /// without pseudonym).
    #[error("{0} Er is niets opgeslagen.")]
    NoPublicVersion(String),
    /// The text about to be printed holds personal details or unregistered names.
    #[error("De openbare versie is tegengehouden: {} staat nog in de tekst ({}). Vervang het in de tekst, registreer de persoon, of sta het toe met een reden; er is niets opgeslagen.", count_phrase(.0.len()), .0.iter().map(|f| format!("{} {} in {}", f.kind.label(), f.masked, f.place)).collect::<Vec<_>>().join("; "))]
    PublicBlocked(Vec<wederhoor_core::wire::PublicFinding>),
    /// The rendered public version still contains a name it must not.
    #[error("De openbare versie bevat nog een naam van {party} ({name}) op {place}: \"…{context}…\". Voeg de schrijfwijze als alias toe of pas de tekst aan; er is niets opgeslagen.")]
    NameInPublicVersion {
        /// The spelling found, masked.
        name: String,
        /// Whose name it is (the pseudonym, so the message itself stays public).
        party: String,
        /// "pagina 3", or "de metadata van de PDF".
        place: String,
        /// The text around it, with the name itself masked.
        context: String,
    },
    /// The rendered public version still contains a personal detail.
    #[error("De openbare versie bevat nog een {kind} ({masked}) op {place}: \"…{context}…\". Er is niets opgeslagen.")]
    DetailInPublicVersion {
        /// What kind of detail, in Dutch.
        kind: String,
        /// The detail, masked.
        masked: String,
        /// "pagina 3", or "de metadata van de PDF".
        place: String,
        /// The text around it, masked.
        context: String,
    },
    /// The PDF's metadata does not carry the export's date.
    #[error("De datum in de metadata van de PDF ({0}) is niet de datum van de export; er is niets opgeslagen.")]
    MetadataDate(String),
    /// A stored version's date is not a day, so the rapport cannot be dated.
    #[error("De opgeslagen datum van deze versie (\"{0}\") is geen geldige dag; de versie is niet geëxporteerd.")]
    BadStoredDate(String),
    /// The text of the rendered PDF could not be read back, so the public check cannot run.
    #[error("De tekst van de openbare PDF is niet terug te lezen, dus niet te controleren op namen: {0}")]
    Unverifiable(String),
}

/// Result of this crate.
pub type Result<T> = std::result::Result<T, ReportError>;

fn count_phrase(n: usize) -> String {
    if n == 1 {
        "1 persoonsgegeven of naam".into()
    } else {
        format!("{n} persoonsgegevens of namen")
    }
}
