//! How Word shows the numbers of footnotes and endnotes: the formats in `word/settings.xml`
//! (`w:footnotePr`, `w:endnotePr`), by default 1, 2, 3 for footnotes and i, ii, iii for
//! endnotes (ECMA-376 17.11), so that the marks in the text are those of the printed letter
//! and a footnote and an endnote are not both "[1]".

use super::xml::{Element, Handler, Ns};

/// The number formats (`w:numFmt` values) of footnotes and endnotes.
pub(super) struct NoteFormats {
    pub(super) footnotes: String,
    pub(super) endnotes: String,
    /// Inside `w:footnotePr` (`Some(false)`) or `w:endnotePr` (`Some(true)`).
    within: Option<bool>,
}

impl Default for NoteFormats {
    fn default() -> Self {
        NoteFormats {
            footnotes: "decimal".into(),
            endnotes: "lowerRoman".into(),
            within: None,
        }
    }
}

impl Handler for NoteFormats {
    /// Whether the element was `w:footnotePr` or `w:endnotePr`.
    type Open = bool;

    fn start(&mut self, e: &Element) -> Result<Option<bool>, String> {
        if e.ns != Ns::W {
            return Ok(Some(false));
        }
        match e.local() {
            b"footnotePr" | b"endnotePr" => {
                self.within = Some(e.local() == b"endnotePr");
                return Ok(Some(true));
            }
            b"numFmt" => {
                if let (Some(endnotes), Some(format)) = (self.within, e.attr("val")) {
                    if endnotes {
                        self.endnotes = format;
                    } else {
                        self.footnotes = format;
                    }
                }
            }
            _ => {}
        }
        Ok(Some(false))
    }

    fn text(&mut self, _: &str) -> Result<(), String> {
        Ok(())
    }

    fn end(&mut self, properties: bool) -> Result<(), String> {
        if properties {
            self.within = None;
        }
        Ok(())
    }
}

/// Note `number` in `format`; decimal for formats not known here, and for numbers so high
/// that a letter or roman form would only be long.
pub(super) fn label(number: usize, format: &str) -> String {
    match format {
        "lowerRoman" | "upperRoman" if (1..4000).contains(&number) => {
            let roman = roman(number);
            if format == "upperRoman" {
                roman.to_uppercase()
            } else {
                roman
            }
        }
        "lowerLetter" | "upperLetter" if (1..=26 * 10).contains(&number) => {
            // a … z, aa … zz, aaa …: the letter repeated.
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let letter = char::from(base + ((number - 1) % 26) as u8);
            letter.to_string().repeat((number - 1) / 26 + 1)
        }
        "chicago" if (1..=4 * 10).contains(&number) => {
            let sign = ['*', '†', '‡', '§'][(number - 1) % 4];
            sign.to_string().repeat((number - 1) / 4 + 1)
        }
        _ => number.to_string(),
    }
}

fn roman(mut number: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while number >= value {
            out.push_str(digits);
            number -= value;
        }
    }
    out
}
