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

/// Counts control characters other than line breaks, tab and form feed: C0, DEL and C1
/// (U+0080..U+009F, in UTF-8 the byte 0xC2 followed by 0x80..0x9F). Read byte by byte, as
/// `char::is_control` on every character of a 10 MB export is many times slower.
fn control_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let c0_or_del = (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)) || b == 0x7f;
        let c1 = b == 0xc2 && matches!(bytes.get(i + 1), Some(0x80..=0x9f));
        count += usize::from(c0_or_del || c1);
    }
    count
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
    let control = control_chars(&text);
    if control > 0 {
        return Err(ExtractError::NotText(format!(
            "{control} stuurtekens, waarschijnlijk een binair bestand"
        )));
    }
    Ok(Decoded { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::control_chars;

    #[test]
    fn control_characters_are_counted_as_char_is_control_counts_them() {
        // The byte scan must agree with the definition it replaces, on every kind of character.
        let samples = [
            "Datum;Notitie\r\n02-10-2018;coördinatie\tgebeld\u{c}",
            "nul\u{0}byte, bel\u{7}, del\u{7f}",
            "C1 \u{80} en \u{9f}, maar niet \u{a0} of é (0xC3 0xA9) of € (0xE2 0x82 0xAC)",
            "\u{85}\u{9b}ï",
            "",
        ];
        for text in samples {
            let expected = text
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
                .count();
            assert_eq!(control_chars(text), expected, "{text:?}");
        }
    }
}
