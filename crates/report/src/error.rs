//! What can go wrong while drafting, anonymising or rendering a rapport.

/// A rapport that could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The layout engine could not lay out the text.
    #[error("De opmaak van het rapport is mislukt: {0}")]
    Layout(String),
    /// The public version still contains a name it must not.
    #[error("De openbare versie bevat nog \"{name}\" ({party}) op pagina {page}: \"…{context}…\". Voeg de schrijfwijze als alias toe of pas de tekst aan; er is niets opgeslagen.")]
    NameInPublicVersion {
        /// The name or alias found.
        name: String,
        /// Whose name it is (the pseudonym, so the message itself stays public).
        party: String,
        /// Page number, from 1.
        page: usize,
        /// The text around it, with the name itself masked.
        context: String,
    },
    /// A stored version's date is not a day, so the rapport cannot be dated.
    #[error("De opgeslagen datum van deze versie (\"{0}\") is geen geldige dag; de versie is niet geëxporteerd.")]
    BadStoredDate(String),
    /// The text of the rendered PDF could not be read back, so the public check cannot run.
    #[error("De tekst van de openbare PDF is niet terug te lezen, dus niet te controleren op namen: {0}")]
    Unverifiable(String),
}

/// Result of this crate.
pub type Result<T> = std::result::Result<T, ReportError>;
