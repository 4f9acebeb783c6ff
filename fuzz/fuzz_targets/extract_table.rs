//! The CSV table reader (register exports) on arbitrary bytes: every row's byte span slices the
//! decoded text and its character span fits in it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    wederhoor_fuzz::run(|| {
        let Ok(table) = wederhoor_extract::read_table(data) else {
            return;
        };
        let chars = table.text.chars().count() as u64;
        for row in &table.rows {
            let span = &table.text[row.bytes.clone()];
            assert!(row.start <= row.end, "row {}: start after end", row.line);
            assert!(
                u64::from(row.end) <= chars,
                "row {}: end past the text",
                row.line
            );
            assert_eq!(
                span.chars().count() as u32,
                row.end - row.start,
                "row {}: byte and character spans disagree",
                row.line
            );
        }
    });
});
