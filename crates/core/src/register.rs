//! Turning rows of a contact-register export into records: the column mapping (guessed from
//! Dutch and English headers and, for the date, from the values, or given as
//! `date=Datum,channel=Kanaal,...`), and each row's date, channel, topic and note, with a Dutch
//! reason when a row cannot be used.

use crate::dates::{parse_user_moment, Moment};
use crate::fold::fold;
use crate::vocab::Channel;
use crate::wire::RegisterMapping;
use std::borrow::Cow;
use std::collections::HashMap;

/// A row that passed: what the record will hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterRecord {
    /// When.
    pub moment: Moment,
    /// Channel, mapped to the vocabulary.
    pub channel: Option<Channel>,
    /// The raw channel value.
    pub channel_raw: String,
    /// Topic.
    pub topic: Option<String>,
    /// The note: the text columns' cells, joined; empty when the row has none. Never filled in
    /// from another column: a contact registered without a note is itself worth knowing.
    pub note: String,
}

impl RegisterRecord {
    /// What the record statement says: the note, or, for a row without one, a sentence saying
    /// that the contact was registered without a note (naming the topic, if any). A statement
    /// needs a text: a dossier file refuses an empty one (`statements[].text`), the form will
    /// not save one, and the side-by-side card shows nothing else. The sentence is worded so
    /// it cannot be taken for the municipality's own note.
    pub fn statement_text(&self) -> Cow<'_, str> {
        if !self.note.is_empty() {
            return Cow::Borrowed(&self.note);
        }
        match &self.topic {
            Some(topic) => format!("Geregistreerd contact over {topic}, zonder notitie").into(),
            None => "Geregistreerd contact, zonder notitie".into(),
        }
    }
}

/// Column indexes of a mapping in one header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnIndexes {
    date: usize,
    time: Option<usize>,
    channel: Option<usize>,
    topic: Option<usize>,
    text: Vec<usize>,
}

/// Rows whose values a guess may look at to find the date column the headers do not name.
pub const GUESS_ROWS: usize = 20;

/// Non-empty values of a column looked at when guessing from the values: all of them must read
/// as dates.
const DATE_SAMPLE: usize = 5;

/// Header names of a date column (as [`header_key`] writes them), Dutch and English.
const DATE_HEADERS: &[&str] = &[
    "datum",
    "date",
    "datumtijd",
    "datumentijd",
    "tijdstip",
    "contactdatum",
    "datumcontact",
    "contactmoment",
    "aanmaakdatum",
    "datumaanmaak",
    "registratiedatum",
    "datumregistratie",
    "datetime",
    "contactdate",
    "created",
    "createdat",
    "createdon",
    "createddate",
    "datecreated",
    "creationdate",
    "timestamp",
];
const TIME_HEADERS: &[&str] = &["tijd", "time", "tijdstipcontact"];
const CHANNEL_HEADERS: &[&str] = &[
    "kanaal",
    "channel",
    "contactwijze",
    "medium",
    "contactkanaal",
];
const TOPIC_HEADERS: &[&str] = &[
    "onderwerp",
    "topic",
    "categorie",
    "subject",
    "vraagcategorie",
];
const TEXT_HEADERS: &[&str] = &[
    "notitie",
    "omschrijving",
    "toelichting",
    "opmerking",
    "vraag",
    "text",
    "note",
    "notes",
    "samenvatting",
];

/// A header as the guess compares it: case and diacritics dropped (see [`fold`]), and spaces,
/// underscores and other punctuation left out, so "Datum contact", "datum_contact" and
/// "DatumContact" are one name, as are "created_at" and "Created at".
fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Whether a header merely mentions a date: "datum" anywhere in it (Dutch writes compounds:
/// "Datum afgehandeld", "Ontvangstdatum"), or "date" as a word of its own ("Contact date";
/// not "Update").
fn mentions_date(header: &str) -> bool {
    header_key(header).contains("datum")
        || fold(header)
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word == "date")
}

/// The one item, or `None` when there are none or several.
fn only(mut items: impl Iterator<Item = usize>) -> Option<usize> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

/// The columns (not in `taken`) whose first non-empty values, up to [`DATE_SAMPLE`] of them,
/// all read as dates; a column without any value in these rows is not one of them.
fn date_valued_columns<'a>(
    width: usize,
    rows: impl IntoIterator<Item = &'a [String]>,
    taken: &[usize],
) -> Vec<usize> {
    let mut dates = vec![0usize; width];
    let mut possible: Vec<bool> = (0..width).map(|i| !taken.contains(&i)).collect();
    for row in rows {
        for (i, value) in row.iter().take(width).enumerate() {
            let value = value.trim();
            if !possible[i] || dates[i] >= DATE_SAMPLE || value.is_empty() {
                continue;
            }
            if parse_user_moment(value).is_ok() {
                dates[i] += 1;
            } else {
                possible[i] = false;
            }
        }
    }
    (0..width)
        .filter(|&i| possible[i] && dates[i] > 0)
        .collect()
}

/// Column names as a message lists them: `"Nr", "Onderwerp", "Notitie"`.
fn quoted(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| format!("\"{h}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a mapping without a date column cannot be used, naming the columns there are. The
/// command line adds how to name it there (`--map date=KOLOM`); the app shows the column
/// choice.
pub fn no_date_column(headers: &[String]) -> String {
    format!(
        "geen datumkolom gevonden; de kopregel heeft: {}; geef aan welke kolom de datum is",
        quoted(headers)
    )
}

impl RegisterMapping {
    /// Parses `date=Datum,time=Tijd,channel=Kanaal,topic=Onderwerp,text=Notitie` (text may repeat).
    pub fn parse_spec(spec: &str) -> Result<RegisterMapping, String> {
        let mut mapping = RegisterMapping::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, column) = part.split_once('=').ok_or_else(|| {
                format!("\"{part}\" is geen sleutel=kolom (bijvoorbeeld date=Datum)")
            })?;
            let column = column.trim().to_string();
            match key.trim() {
                "date" => mapping.date = column,
                "time" => mapping.time = Some(column),
                "channel" => mapping.channel = Some(column),
                "topic" => mapping.topic = Some(column),
                "text" => mapping.text.push(column),
                other => {
                    return Err(format!(
                        "onbekende sleutel \"{other}\"; gebruik date, time, channel, topic of text"
                    ))
                }
            }
        }
        if mapping.date.is_empty() {
            return Err("de kolom met de datum ontbreekt (date=...)".into());
        }
        Ok(mapping)
    }

    /// Guesses the mapping from the header line's column names alone (see
    /// [`RegisterMapping::guess_with_rows`]); `date` is empty when no header names a date.
    pub fn guess(headers: &[String]) -> RegisterMapping {
        Self::guess_with_rows(headers, std::iter::empty())
    }

    /// Guesses the mapping from the header line's column names (case, diacritics and spacing
    /// aside) and, for the date, from the first rows' values: a header from the list of date
    /// names; else the one header that mentions a date; else the one column whose first
    /// non-empty values all read as dates. When none of these finds exactly one column, `date`
    /// stays empty: another column is never read as dates, and the mapping has to be given
    /// (see [`no_date_column`]).
    pub fn guess_with_rows<'a>(
        headers: &[String],
        rows: impl IntoIterator<Item = &'a [String]>,
    ) -> RegisterMapping {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let find = |names: &[&str]| keys.iter().position(|k| names.contains(&k.as_str()));
        let time = find(TIME_HEADERS);
        let channel = find(CHANNEL_HEADERS);
        let topic = find(TOPIC_HEADERS);
        let text = find(TEXT_HEADERS);
        let taken: Vec<usize> = [time, channel, topic, text].into_iter().flatten().collect();
        let date = find(DATE_HEADERS)
            .or_else(|| {
                only(
                    (0..headers.len())
                        .filter(|i| !taken.contains(i) && mentions_date(&headers[*i])),
                )
            })
            .or_else(|| only(date_valued_columns(headers.len(), rows, &taken).into_iter()));
        let name = |i: Option<usize>| i.map(|i| headers[i].clone());
        RegisterMapping {
            date: name(date).unwrap_or_default(),
            time: name(time),
            channel: name(channel),
            topic: name(topic),
            text: name(text).into_iter().collect(),
        }
    }

    /// The columns' places in this header line, or a Dutch message naming what is missing.
    pub fn indexes(&self, headers: &[String]) -> Result<ColumnIndexes, String> {
        if self.date.trim().is_empty() {
            return Err(no_date_column(headers));
        }
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
        };
        let require = |name: &str| {
            find(name).ok_or_else(|| {
                format!(
                    "kolom \"{name}\" niet gevonden; de kopregel heeft: {}. Klopt het scheidingsteken (; of ,)?",
                    quoted(headers)
                )
            })
        };
        Ok(ColumnIndexes {
            date: require(&self.date)?,
            time: self.time.as_deref().map(require).transpose()?,
            channel: self.channel.as_deref().map(require).transpose()?,
            topic: self.topic.as_deref().map(require).transpose()?,
            text: self
                .text
                .iter()
                .map(|t| require(t))
                .collect::<Result<_, _>>()?,
        })
    }
}

/// Reads one row; the message says in Dutch why a row cannot be used.
pub fn read_row(
    columns: &ColumnIndexes,
    fields: &[String],
    width: usize,
) -> Result<RegisterRecord, String> {
    read_row_with(columns, fields, width, &mut ChannelLabels::default())
}

/// Channel labels already mapped to the vocabulary. An export repeats a handful of labels on
/// every row, and looking one up is much cheaper than mapping it again.
#[derive(Debug, Default)]
pub struct ChannelLabels {
    known: HashMap<String, Option<Channel>>,
}

impl ChannelLabels {
    /// Labels remembered at most: a column of free text must not fill memory.
    const MOST: usize = 1_000;

    /// [`Channel::from_label`] of `label`, remembered.
    pub fn channel(&mut self, label: &str) -> Option<Channel> {
        if let Some(channel) = self.known.get(label) {
            return *channel;
        }
        let channel = Channel::from_label(label);
        if self.known.len() < Self::MOST {
            self.known.insert(label.to_string(), channel);
        }
        channel
    }
}

/// [`read_row`] for row after row of one export, with the channel labels seen so far.
pub fn read_row_with(
    columns: &ColumnIndexes,
    fields: &[String],
    width: usize,
    channels: &mut ChannelLabels,
) -> Result<RegisterRecord, String> {
    if fields.len() != width {
        return Err(format!("{} cellen, verwacht {width}", fields.len()));
    }
    let cell = |i: usize| fields.get(i).map(|f| f.trim()).unwrap_or_default();
    let date = cell(columns.date);
    if date.is_empty() {
        return Err("de datum ontbreekt".into());
    }
    let typed = match columns.time.map(cell) {
        Some(time) if !time.is_empty() => format!("{date} {time}"),
        _ => date.to_string(),
    };
    let moment = parse_user_moment(&typed).map_err(|_| {
        format!("\"{typed}\" is geen datum (verwacht bijvoorbeeld 02-10-2018 10:14)")
    })?;
    let channel_raw = columns.channel.map(cell).unwrap_or_default().to_string();
    let topic = columns
        .topic
        .map(cell)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    let note = columns
        .text
        .iter()
        .map(|i| cell(*i))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    Ok(RegisterRecord {
        moment,
        channel: channels.channel(&channel_raw),
        channel_raw,
        topic,
        note,
    })
}

#[cfg(test)]
mod tests;
