//! Reading a register export (CSV) as a table: encoding and delimiter detected, every row with
//! its line number and its place in the decoded text, so a record can point at its row.

use crate::text::{decode_text, Decoded};
use crate::ExtractError;

/// One data row of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// Line number in the file (1 is the header).
    pub line: u64,
    /// The cells.
    pub fields: Vec<String>,
    /// Character offset of the row's start in the decoded text.
    pub start: u32,
    /// Character offset of the row's end (exclusive, without line break).
    pub end: u32,
    /// The same span in bytes of the decoded text, to slice it cheaply.
    pub bytes: std::ops::Range<usize>,
}

/// A whole export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The decoded text (what is stored as the source's text).
    pub text: String,
    /// The encoding it was read as.
    pub encoding: &'static str,
    /// The delimiter found in the header line.
    pub delimiter: char,
    /// Column names from the header line.
    pub headers: Vec<String>,
    /// Data rows, in file order.
    pub rows: Vec<TableRow>,
    /// Rows that could not be read as CSV: (line, reason).
    pub broken: Vec<(u64, String)>,
}

/// Reads CSV bytes: decodes the text, picks `;`, `,` or tab from the header line, and reads
/// every row. A row with the wrong number of cells is kept with its cells so the caller can
/// report it with its line number.
pub fn read_table(bytes: &[u8]) -> Result<Table, ExtractError> {
    read_decoded_table(decode_table_text(bytes)?)
}

/// The first half of [`read_table`]: size limits and decoding, so a caller can store the text
/// while the rows are read.
pub fn decode_table_text(bytes: &[u8]) -> Result<Decoded, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    if bytes.len() > crate::MAX_SOURCE_BYTES {
        return Err(ExtractError::TooLarge { size: bytes.len() });
    }
    decode_text(bytes)
}

/// The second half of [`read_table`]: the delimiter, the header line and every row.
pub fn read_decoded_table(decoded: Decoded) -> Result<Table, ExtractError> {
    let text = decoded.text;
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = detect_delimiter(header_line);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ExtractError::NotText(format!("kopregel onleesbaar: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.iter().all(|h| h.is_empty()) {
        return Err(ExtractError::NotText(
            "de eerste regel bevat geen kolomnamen".into(),
        ));
    }

    let mut rows = Vec::new();
    let mut broken = Vec::new();
    let mut chars = CharOffsets::new(&text);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let position = record
                    .position()
                    .expect("records read from a reader have a position");
                // With CRLF endings csv may place a record at the LF of the line before.
                let mut start_byte = position.byte() as usize;
                while matches!(text.as_bytes().get(start_byte), Some(b'\r' | b'\n')) {
                    start_byte += 1;
                }
                let end_byte = line_end(&text, start_byte, reader.position().byte() as usize);
                rows.push(TableRow {
                    line: chars.line_at(start_byte),
                    fields: record.iter().map(|f| f.trim().to_string()).collect(),
                    start: chars.at(start_byte),
                    end: chars.at(end_byte),
                    bytes: start_byte..end_byte,
                });
            }
            Err(err) => {
                let line = err
                    .position()
                    .map_or(0, |p| chars.line_at(p.byte() as usize));
                broken.push((line, err.to_string()));
                if !matches!(
                    err.kind(),
                    csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }
                ) {
                    break;
                }
            }
        }
    }
    Ok(Table {
        text,
        encoding: decoded.encoding,
        delimiter,
        headers,
        rows,
        broken,
    })
}

/// The delimiter with the most occurrences outside quotes in the header line; `;` on a tie,
/// as Dutch spreadsheet exports use it.
fn detect_delimiter(header: &str) -> char {
    let mut counts = [(';', 0usize), (',', 0), ('\t', 0)];
    let mut quoted = false;
    for c in header.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == c) {
                entry.1 += 1;
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == ';'))
        .map_or(';', |(d, _)| *d)
}

/// The end of a record's text: its next position, minus the line break.
fn line_end(text: &str, start: usize, next: usize) -> usize {
    let next = next.min(text.len());
    let slice = &text.as_bytes()[start..next];
    let trimmed = slice
        .iter()
        .rposition(|b| *b != b'\n' && *b != b'\r')
        .map_or(0, |i| i + 1);
    start + trimmed
}

/// Byte offset -> character offset and line number, counted incrementally because offsets
/// mostly move forward (a 100,000-row file is walked once).
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: u32,
    lines: u64,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
            lines: 1,
        }
    }

    fn advance(&mut self, byte: usize) {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            *self = CharOffsets::new(self.text);
        }
        let span = &self.text[self.byte..byte];
        self.chars += span.chars().count() as u32;
        self.lines += span.bytes().filter(|b| *b == b'\n').count() as u64;
        self.byte = byte;
    }

    /// Character offset of a byte offset.
    fn at(&mut self, byte: usize) -> u32 {
        self.advance(byte);
        self.chars
    }

    /// Line number (1-based) of a byte offset.
    fn line_at(&mut self, byte: usize) -> u64 {
        self.advance(byte);
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_commas_and_tabs_are_found_in_the_header() {
        assert_eq!(detect_delimiter("Datum;Kanaal;Notitie"), ';');
        assert_eq!(detect_delimiter("date,channel,note"), ',');
        assert_eq!(detect_delimiter("a\tb\tc"), '\t');
        assert_eq!(
            detect_delimiter("\"Datum, tijd\";Kanaal"),
            ';',
            "commas inside quotes do not count"
        );
    }

    #[test]
    fn rows_know_their_line_and_place_in_the_text() {
        let csv = "Datum;Notitie\r\n02-10-2018;Café gebeld\r\n\"14-11-2018\";\"Twee\nregels\"\r\n15-11-2018;Laatste";
        let unix = read_table(csv.replace("\r\n", "\n").as_bytes()).unwrap();
        assert_eq!(
            unix.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![2, 3, 5],
            "the same lines with LF endings"
        );
        let table = read_table(csv.as_bytes()).unwrap();
        assert_eq!(table.headers, vec!["Datum", "Notitie"]);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(
            table.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![2, 3, 5],
            "a quoted line break spans two lines"
        );
        let row_text = |r: &TableRow| {
            table
                .text
                .chars()
                .skip(r.start as usize)
                .take((r.end - r.start) as usize)
                .collect::<String>()
        };
        assert_eq!(
            row_text(&table.rows[0]),
            "02-10-2018;Café gebeld",
            "offsets are in characters (é)"
        );
        assert_eq!(row_text(&table.rows[1]), "\"14-11-2018\";\"Twee\nregels\"");
        assert_eq!(
            row_text(&table.rows[2]),
            "15-11-2018;Laatste",
            "the last row needs no line break"
        );
    }

    #[test]
    fn windows_1252_with_bom_less_bytes_is_decoded() {
        let bytes = "Datum;Notitie\r\n02-10-2018;coördinatie\r\n"
            .chars()
            .map(|c| if c == 'ö' { 0xF6 } else { c as u8 })
            .collect::<Vec<u8>>();
        let table = read_table(&bytes).unwrap();
        assert_eq!(table.rows[0].fields[1], "coördinatie");
        assert_eq!(table.encoding, "windows-1252");
    }

    #[test]
    fn rows_with_a_wrong_cell_count_are_kept_for_reporting() {
        let table = read_table(b"a;b\n1;2\n3\n4;5;6\n").unwrap();
        assert_eq!(
            table
                .rows
                .iter()
                .map(|r| r.fields.len())
                .collect::<Vec<_>>(),
            vec![2, 1, 3],
            "flexible reading keeps them"
        );
    }

    #[test]
    fn empty_and_headerless_input_is_refused() {
        assert_eq!(read_table(b""), Err(ExtractError::Empty));
        assert!(read_table(b"\n\n").is_err());
    }
}
