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
    let m = RegisterMapping::parse_spec("date=Datum,channel=Kanaal,topic=Onderwerp,text=Notitie")
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
