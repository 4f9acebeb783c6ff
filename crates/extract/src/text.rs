//! Decoding text files whose encoding nobody wrote down: UTF-8 (with or without BOM), UTF-16
//! with BOM, and the single-byte Windows encodings that older municipal systems export.

use crate::ExtractError;

/// Decoded text and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without BOM.
    pub text: String,
    /// The encoding's name, e.g. `UTF-8` or `windows-1252`.
    pub encoding: &'static str,
}

impl Decoded {
    /// A note for the investigator when the text was not UTF-8.
    pub fn note(&self) -> Option<String> {
        (!self.encoding.starts_with("UTF-")).then(|| {
            format!(
                "de tekst was niet in UTF-8 en is gelezen als {}; controleer letters met accenten",
                self.encoding
            )
        })
    }
}

/// Decodes bytes as text: BOM first, then strict UTF-8, then a detected single-byte encoding.
/// Bytes with NUL or other control characters are not text.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, ExtractError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(ExtractError::NotText(format!(
                "ongeldige {} ondanks de BOM",
                encoding.name()
            )));
        }
        return checked(text.into_owned(), encoding.name());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(text.to_string(), "UTF-8");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"nl"), chardetng::Utf8Detection::Allow);
    if encoding == encoding_rs::UTF_8 {
        return Err(ExtractError::NotText("ongeldige UTF-8".into()));
    }
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        return Err(ExtractError::NotText(format!(
            "ook als {} niet te lezen",
            encoding.name()
        )));
    }
    checked(text.into_owned(), encoding.name())
}

fn checked(text: String, encoding: &'static str) -> Result<Decoded, ExtractError> {
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control > 0 {
        return Err(ExtractError::NotText(format!(
            "{control} stuurtekens, waarschijnlijk een binair bestand"
        )));
    }
    Ok(Decoded { text, encoding })
}
