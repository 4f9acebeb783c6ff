//! The register CSV as an import reads it: the table (encoding, delimiter, rows), the column
//! mapping guessed from the header line (and, when the header line reads as one, a
//! `date=...,text=...` spec), and every row through `read_row_with`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wederhoor_core::register::{read_row, read_row_with, ChannelLabels};
use wederhoor_core::wire::RegisterMapping;

fuzz_target!(|data: &[u8]| {
    wederhoor_fuzz::run(|| {
        // The spec the CLI takes: the first line of the input, as text.
        if let Ok(text) = std::str::from_utf8(data) {
            let _ = RegisterMapping::parse_spec(text.lines().next().unwrap_or_default());
        }
        let Ok(table) = wederhoor_extract::read_table(data) else {
            return;
        };
        let width = table.headers.len();
        let mut mappings = vec![RegisterMapping::guess(&table.headers)];
        if let Some(first) = table.text.lines().next() {
            if let Ok(spec) = RegisterMapping::parse_spec(first) {
                mappings.push(spec);
            }
        }
        for mapping in mappings {
            let Ok(columns) = mapping.indexes(&table.headers) else {
                continue;
            };
            let mut channels = ChannelLabels::default();
            for row in &table.rows {
                let _ = &table.text[row.bytes.clone()];
                let _ = read_row_with(&columns, &row.fields, width, &mut channels);
            }
            if let Some(row) = table.rows.first() {
                let _ = read_row(&columns, &row.fields, width);
            }
        }
    });
});
