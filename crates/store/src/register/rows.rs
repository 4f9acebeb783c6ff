//! Reading an export's rows into records: each row's date, channel, topic and note, or the
//! reason it cannot be used, with its line number.

use crate::error::{Error, Result};
use wederhoor_core::register::{read_row_with, ChannelLabels, RegisterRecord};
use wederhoor_core::wire::{BadRow, RegisterMapping};
use wederhoor_extract::{Table, TableRow};

/// An export read: its table, the usable rows as records (with their row index), and the
/// rows that cannot be used, by line.
pub(super) struct Parsed {
    pub(super) table: Table,
    pub(super) records: Vec<(usize, RegisterRecord)>,
    pub(super) bad: Vec<BadRow>,
}

/// Rows from which the rows are read on two threads: below it a second thread costs more than
/// it saves.
const READ_IN_TWO_FROM: usize = 10_000;

/// Reads the table's rows with the mapping; a large export in two halves at once.
pub(super) fn parse(table: Table, mapping: &RegisterMapping) -> Result<Parsed> {
    let columns = mapping.indexes(&table.headers).map_err(Error::Register)?;
    let width = table.headers.len();
    // Each row's date, channel and text, for the rows from `first` on.
    let read = |rows: &[TableRow], first: usize| {
        let mut records = Vec::with_capacity(rows.len());
        let mut bad = Vec::new();
        let mut channels = ChannelLabels::default();
        for (index, row) in rows.iter().enumerate() {
            match read_row_with(&columns, &row.fields, width, &mut channels) {
                Ok(record) => records.push((first + index, record)),
                Err(message) => bad.push(BadRow {
                    line: row.line,
                    message,
                }),
            }
        }
        (records, bad)
    };
    // A large export is read in two halves at once; the first half's records come first.
    let ((mut records, mut bad), (later_records, later_bad)) =
        if table.rows.len() >= READ_IN_TWO_FROM {
            let half = table.rows.len() / 2;
            let (early, late) = table.rows.split_at(half);
            std::thread::scope(|scope| {
                let later = scope.spawn(|| read(late, half));
                let earlier = read(early, 0);
                later
                    .join()
                    .map(|later| (earlier, later))
                    .map_err(|_| Error::Register("het lezen van de regels brak af".into()))
            })?
        } else {
            (read(&table.rows, 0), (Vec::new(), Vec::new()))
        };
    records.extend(later_records);
    bad.extend(later_bad);
    bad.extend(table.broken.iter().map(|(line, message)| BadRow {
        line: *line,
        message: message.clone(),
    }));
    bad.sort_by_key(|b| b.line);
    Ok(Parsed {
        table,
        records,
        bad,
    })
}
