//! Turning rows of a contact-register export into records: the column mapping (guessed from
//! Dutch and English headers, or given as `date=Datum,channel=Kanaal,...`), and each row's
//! date, channel, topic and text, with a Dutch reason when a row cannot be used.

use crate::dates::{parse_user_moment, Moment};
use crate::vocab::Channel;
use crate::wire::RegisterMapping;
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
    /// Text; the topic when the export has no notes.
    pub text: String,
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

    /// Guesses the mapping from the header line's column names.
    pub fn guess(headers: &[String]) -> RegisterMapping {
        let find = |names: &[&str]| {
            headers
                .iter()
                .find(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
                .cloned()
        };
        let date = find(&[
            "datum",
            "date",
            "datum/tijd",
            "datum tijd",
            "tijdstip",
            "contactdatum",
            "datumtijd",
            "datetime",
        ]);
        let text = find(&[
            "notitie",
            "omschrijving",
            "toelichting",
            "opmerking",
            "vraag",
            "text",
            "note",
            "notes",
            "samenvatting",
        ]);
        RegisterMapping {
            date: date
                .or_else(|| headers.first().cloned())
                .unwrap_or_default(),
            time: find(&["tijd", "time", "tijdstip contact"]),
            channel: find(&[
                "kanaal",
                "channel",
                "contactwijze",
                "medium",
                "contactkanaal",
            ]),
            topic: find(&[
                "onderwerp",
                "topic",
                "categorie",
                "subject",
                "vraagcategorie",
            ]),
            text: text.into_iter().collect(),
        }
    }

    /// The columns' places in this header line, or a Dutch message naming what is missing.
    pub fn indexes(&self, headers: &[String]) -> Result<ColumnIndexes, String> {
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
        };
        let require = |name: &str| {
            find(name).ok_or_else(|| {
                format!(
                    "kolom \"{name}\" niet gevonden; de kopregel heeft: {}. Klopt het scheidingsteken (; of ,)?",
                    headers.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(", ")
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
    let text = columns
        .text
        .iter()
        .map(|i| cell(*i))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let text = if text.is_empty() {
        topic
            .clone()
            .unwrap_or_else(|| "Geregistreerd contact".into())
    } else {
        text
    };
    Ok(RegisterRecord {
        moment,
        channel: channels.channel(&channel_raw),
        channel_raw,
        topic,
        text,
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
        assert_eq!(ok.text, "Verwezen naar WIJ");
        let no_note = read_row(
            &columns,
            &row(&["2-10-2018", "", "Balie", "Paspoort", ""]),
            5,
        )
        .unwrap();
        assert_eq!(
            (no_note.moment.to_string().as_str(), no_note.text.as_str()),
            ("2018-10-02", "Paspoort"),
            "topic stands in for the note"
        );
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
}
