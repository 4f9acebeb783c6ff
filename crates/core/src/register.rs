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
mod tests {
    use super::*;

    #[test]
    fn remembered_channel_labels_map_as_the_vocabulary_does() {
        // The memo must never change an answer: asked twice, and for labels beyond what it
        // keeps, it gives what Channel::from_label gives.
        let mut labels = ChannelLabels::default();
        let words = [
            "Telefoon",
            "tel.",
            "E-mail",
            "Balie",
            "Webformulier",
            "",
            "Duif",
        ];
        for round in 0..2 {
            for word in words {
                assert_eq!(
                    labels.channel(word),
                    Channel::from_label(word),
                    "{word} ({round})"
                );
            }
        }
        for i in 0..ChannelLabels::MOST + 10 {
            let word = format!("label {i}");
            assert_eq!(labels.channel(&word), Channel::from_label(&word));
        }
        assert_eq!(labels.known.len(), ChannelLabels::MOST);
        assert_eq!(labels.channel("Telefoon"), Some(Channel::Phone));
    }

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_cli_spec_of_the_interface_parses() {
        let m =
            RegisterMapping::parse_spec("date=Datum,channel=Kanaal,topic=Onderwerp,text=Notitie")
                .unwrap();
        assert_eq!(
            (m.date.as_str(), m.channel.as_deref(), m.topic.as_deref()),
            ("Datum", Some("Kanaal"), Some("Onderwerp"))
        );
        assert_eq!(m.text, vec!["Notitie"]);
        assert!(
            RegisterMapping::parse_spec("channel=Kanaal")
                .unwrap_err()
                .contains("datum"),
            "date is required"
        );
        assert!(RegisterMapping::parse_spec("datum=Datum")
            .unwrap_err()
            .contains("onbekende sleutel"));
    }

    #[test]
    fn dutch_headers_are_recognised() {
        let m = RegisterMapping::guess(&headers(&[
            "Datum",
            "Tijd",
            "Kanaal",
            "Onderwerp",
            "Notitie",
            "Medewerker",
        ]));
        assert_eq!(
            m,
            RegisterMapping {
                date: "Datum".into(),
                time: Some("Tijd".into()),
                channel: Some("Kanaal".into()),
                topic: Some("Onderwerp".into()),
                text: vec!["Notitie".into()],
            }
        );
    }

    #[test]
    fn a_missing_column_names_what_the_header_has() {
        let m = RegisterMapping::parse_spec("date=Datum").unwrap();
        let err = m.indexes(&headers(&["Datum|Kanaal|Notitie"])).unwrap_err();
        assert!(
            err.contains("\"Datum|Kanaal|Notitie\"") && err.contains("scheidingsteken"),
            "{err}"
        );
    }

    #[test]
    fn rows_become_records_or_say_why_not() {
        let h = headers(&["Datum", "Tijd", "Kanaal", "Onderwerp", "Notitie"]);
        let columns = RegisterMapping::guess(&h).indexes(&h).unwrap();
        let ok = read_row(
            &columns,
            &row(&[
                "02-10-2018",
                "10:14",
                "Telefoon",
                "Postadres",
                "Verwezen naar WIJ",
            ]),
            5,
        )
        .unwrap();
        assert_eq!(ok.moment.to_string(), "2018-10-02T10:14");
        assert_eq!(ok.channel, Some(Channel::Phone));
        assert_eq!(ok.note, "Verwezen naar WIJ");
        assert_eq!(
            ok.statement_text(),
            "Verwezen naar WIJ",
            "a note is the text"
        );
        // Without a time the moment is a day (the empty note: see an_empty_note_stays_empty).
        let no_time = read_row(
            &columns,
            &row(&["2-10-2018", "", "Balie", "Paspoort", ""]),
            5,
        )
        .unwrap();
        assert_eq!(no_time.moment.to_string(), "2018-10-02");
        assert!(read_row(&columns, &row(&["31-09-2018", "", "", "", ""]), 5)
            .unwrap_err()
            .contains("geen datum"));
        assert!(read_row(&columns, &row(&["", "", "", "", ""]), 5)
            .unwrap_err()
            .contains("ontbreekt"));
        assert_eq!(
            read_row(&columns, &row(&["02-10-2018"]), 5).unwrap_err(),
            "1 cellen, verwacht 5"
        );
    }

    #[test]
    fn an_empty_note_stays_empty() {
        // The municipality registered a contact and wrote no note: that is what the record
        // must say. The topic has its own field; copied into the note it would read as
        // something the municipality noted.
        let h = headers(&["Datum", "Kanaal", "Onderwerp", "Notitie"]);
        let columns = RegisterMapping::guess(&h).indexes(&h).unwrap();
        let record = read_row(&columns, &row(&["02-10-2018", "Balie", "Paspoort", ""]), 4).unwrap();
        assert_eq!(record.note, "", "no note is made up");
        assert_eq!(
            record.topic.as_deref(),
            Some("Paspoort"),
            "the topic is kept"
        );
        // A statement cannot be without text (the dossier file refuses one), so the record
        // says in words of its own that there is no note, not the topic as if it were one.
        let text = record.statement_text();
        assert_eq!(text, "Geregistreerd contact over Paspoort, zonder notitie");
        assert_ne!(text, "Paspoort");
        let bare = read_row(&columns, &row(&["02-10-2018", "", "", ""]), 4).unwrap();
        assert_eq!((bare.note.as_str(), bare.topic.as_deref()), ("", None));
        assert_eq!(
            bare.statement_text(),
            "Geregistreerd contact, zonder notitie",
            "with neither note nor topic the text is still not empty"
        );
    }

    #[test]
    fn a_guessed_mapping_without_a_date_column_asks_for_one() {
        // An export without a date column: guessing its first column ("Nr") as the date made
        // every row fail with "\"1\" is geen datum". The guess must leave the date open and
        // the mapping say what is missing and which columns there are.
        let h = headers(&["Nr", "Onderwerp", "Notitie"]);
        let rows = [
            row(&["1", "Paspoort", "Aanvraag"]),
            row(&["2", "Postadres", "Verwezen"]),
        ];
        let guessed = RegisterMapping::guess_with_rows(&h, rows.iter().map(Vec::as_slice));
        assert_eq!(
            guessed.date, "",
            "no column is read as dates for want of one"
        );
        assert_eq!(guessed.topic.as_deref(), Some("Onderwerp"));
        assert_eq!(guessed.text, vec!["Notitie"]);
        assert_eq!(RegisterMapping::guess(&h).date, "");
        let err = guessed.indexes(&h).unwrap_err();
        assert_eq!(
            err,
            "geen datumkolom gevonden; de kopregel heeft: \"Nr\", \"Onderwerp\", \"Notitie\"; geef aan welke kolom de datum is"
        );
        // Named, the column is used.
        let given = RegisterMapping {
            date: "Nr".into(),
            ..guessed
        };
        assert!(given.indexes(&h).is_ok());
    }

    #[test]
    fn date_headers_are_recognised_whatever_their_case_accents_or_spacing() {
        // Exports name their date column in many ways; each of these is the date, and the
        // guess must not depend on case, accents, spaces or underscores.
        for name in [
            "Datum contact",
            "datum_contact",
            "AANMAAKDATUM",
            "Registratiedatum",
            "Registratie datum",
            "created",
            "created_at",
            "Created At",
            "createdAt",
            "timestamp",
            "Datum en tijd",
            "Dátum",
            " Datum / tijd ",
            "Datum afgehandeld",
            "Ontvangstdatum",
            "Contact date",
        ] {
            let h = headers(&["Nr", name, "Onderwerp"]);
            assert_eq!(RegisterMapping::guess(&h).date, name, "{name}");
        }
        // "date" inside another word is not a date.
        assert_eq!(RegisterMapping::guess(&headers(&["Nr", "Update"])).date, "");
        // The Dutch and English names of the other columns are found the same way.
        let m = RegisterMapping::guess(&headers(&["DATUM", "Contact kanaal", "onderwerp "]));
        assert_eq!(m.channel.as_deref(), Some("Contact kanaal"));
        assert_eq!(m.topic.as_deref(), Some("onderwerp "));
    }

    #[test]
    fn two_columns_that_may_be_the_date_are_not_chosen_between() {
        // Which of two date columns is the contact's is for the investigator to say: a wrong
        // guess would put every record on another day.
        let h = headers(&["Begindatum", "Einddatum", "Notitie"]);
        let rows = [row(&["02-10-2018", "04-10-2018", "Aanvraag"])];
        assert_eq!(
            RegisterMapping::guess_with_rows(&h, rows.iter().map(Vec::as_slice)).date,
            ""
        );
        // A header on the list of date names is taken, whatever else mentions a date.
        let h = headers(&["Datum", "Datum afgehandeld", "Notitie"]);
        assert_eq!(RegisterMapping::guess(&h).date, "Datum");
    }

    #[test]
    fn a_column_of_dates_is_found_by_its_values_when_only_one_qualifies() {
        // The last resort: the headers name no date, but exactly one column's values are dates.
        let h = headers(&["Nr", "Gesprek", "Onderwerp", "Notitie"]);
        let rows = [
            row(&["1", "", "Paspoort", "Aanvraag"]),
            row(&["2", "02-10-2018 10:14", "Paspoort", "Aanvraag"]),
            row(&["3", "2018-10-03", "Postadres", "12-10-2018"]),
            row(&["4", "4-10-2018", "Postadres", "Verwezen"]),
        ];
        let guess = |rows: &[Vec<String>]| {
            RegisterMapping::guess_with_rows(&h, rows.iter().map(Vec::as_slice)).date
        };
        assert_eq!(guess(&rows), "Gesprek", "empty cells are passed over");
        // A second column of dates: no guess.
        let h = headers(&["Nr", "Gesprek", "Afgehandeld"]);
        let both = [row(&["1", "02-10-2018", "03-10-2018"])];
        assert_eq!(
            RegisterMapping::guess_with_rows(&h, both.iter().map(Vec::as_slice)).date,
            ""
        );
        // One value that is not a date among the first rules the column out.
        let h = headers(&["Nr", "Gesprek"]);
        let mixed = [row(&["1", "02-10-2018"]), row(&["2", "gisteren"])];
        assert_eq!(
            RegisterMapping::guess_with_rows(&h, mixed.iter().map(Vec::as_slice)).date,
            ""
        );
    }
}
