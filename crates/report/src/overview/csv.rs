//! The overview's counts as CSV for the council's own analysis, one row per count of
//! [`figures::lines`](super::figures::lines).
//!
//! The format is chosen for Dutch spreadsheets: fields separated by `;` (a Dutch Excel reads
//! `,` as the decimal sign and expects `;` between fields), UTF-8 with a byte order mark (so
//! "Coördinatie" opens as written), lines ended by CRLF (RFC 4180). A field holding `;`, a
//! double quote, or a line break is put between double quotes, a quote inside doubled. A text
//! field that starts with `=`, `+`, `-` or `@` gets a leading `'`, so a spreadsheet shows a
//! trefwoord like `=SOM(A1)` as text rather than running it as a formula.
//!
//! Columns: `categorie`, `naam` (public labels only: `public_name`, pseudonymised
//! trefwoorden; bodies or partners sharing a label are one row), `code`, `onder` (the body of a partner, the current norm of an older norm),
//! `dossiers`, `klachtonderdelen`, `gegrond` (empty where not counted), and
//! `minder dan 5 dossiers` (`ja`/`nee`: such a count may point to a person).

use crate::overview::figures::{lines, Figure};
use crate::overview::published::publish;
use crate::overview::Overview;

const SEPARATOR: char = ';';

/// A text field, quoted where it must be.
fn text(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([SEPARATOR, '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

fn number(figure: Option<Figure>) -> String {
    figure.map(|f| f.value.to_string()).unwrap_or_default()
}

/// The CSV text, byte order mark first.
pub fn write(overview: &Overview) -> String {
    let published = publish(overview);
    let small_column = format!("minder dan {} dossiers", overview.signals.small_below);
    let mut out = String::from('\u{feff}');
    let header = [
        "categorie",
        "naam",
        "code",
        "onder",
        "dossiers",
        "klachtonderdelen",
        "gegrond",
        small_column.as_str(),
    ];
    out.push_str(&header.map(text).join(&SEPARATOR.to_string()));
    out.push_str("\r\n");
    for line in lines(&overview.signals, &published) {
        let small = line.dossiers.small;
        let row = [
            text(line.category.label_nl()),
            text(&line.name),
            text(&line.code),
            text(line.under.as_deref().unwrap_or("")),
            line.dossiers.value.to_string(),
            number(line.points),
            number(line.gegrond),
            (if small { "ja" } else { "nee" }).to_string(),
        ];
        out.push_str(&row.join(&SEPARATOR.to_string()));
        out.push_str("\r\n");
    }
    out
}
