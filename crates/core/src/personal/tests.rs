//! The detectors on the forms Dutch texts write these details in, and on look-alikes that
//! must not count (a dossier reference, a date, an amount, an invalid number).

use super::*;

fn kinds(text: &str) -> Vec<(DetailKind, String)> {
    scan(
        text,
        Some(&KnownNames::new(["Gemeente Voorbeeldstad", "verzoekster"])),
    )
    .into_iter()
    .map(|d| (d.kind, d.text))
    .collect()
}

fn one(text: &str) -> (DetailKind, String) {
    let found = kinds(text);
    assert_eq!(found.len(), 1, "one detail in {text:?}: {found:?}");
    found[0].clone()
}

#[test]
fn a_bsn_counts_only_when_it_passes_the_11_proef() {
    // 123456782: 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8−2 = 154 = 14·11.
    assert!(bsn_valid("123456782"));
    assert!(!bsn_valid("123456781"), "one digit off fails the 11-proef");
    assert!(!bsn_valid("000000000"));
    assert_eq!(one("BSN 123456782."), (DetailKind::Bsn, "123456782".into()));
    assert_eq!(
        one("bsn: 1234.56.782"),
        (DetailKind::Bsn, "1234.56.782".into())
    );
    assert_eq!(
        one("sofinummer 123 456 782"),
        (DetailKind::Bsn, "123 456 782".into())
    );
    assert!(
        kinds("kenmerk 123456781").is_empty(),
        "nine digits that fail are no BSN"
    );
}

#[test]
fn an_iban_counts_only_with_right_check_digits() {
    assert!(iban_valid("NL91ABNA0417164300"));
    assert!(!iban_valid("NL92ABNA0417164300"));
    assert_eq!(
        one("op rekening NL91 ABNA 0417 1643 00 gestort"),
        (DetailKind::Iban, "NL91 ABNA 0417 1643 00".into())
    );
    assert_eq!(
        one("IBAN NL91ABNA0417164300"),
        (DetailKind::Iban, "NL91ABNA0417164300".into())
    );
    assert!(
        !kinds("NL92 ABNA 0417 1643 00")
            .iter()
            .any(|(k, _)| *k == DetailKind::Iban),
        "wrong check digits are no IBAN (its ten digits still look like a phone number, and count)"
    );
}

#[test]
fn dutch_phone_numbers_in_their_usual_forms() {
    for phone in [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "+31 6 12345678",
        "+31 (0)6 1234 5678",
        "0031 6 12345678",
        "010-1234567",
        "020 123 4567",
    ] {
        assert_eq!(
            one(&format!("Bel {phone} na vijven.")),
            (DetailKind::Phone, phone.into()),
            "{phone}"
        );
    }
    let found = kinds("In 2019 0612345678 gebeld.");
    assert_eq!(
        found,
        vec![(DetailKind::Phone, "0612345678".into())],
        "a year before it is not part of it"
    );
}

#[test]
fn references_dates_and_amounts_are_no_numbers_of_a_person() {
    for text in [
        "Dossier 2026-0142 van 01-02-2026.",
        "Een bedrag van € 1.234.567,00.",
        "Artikel 9:11 lid 2 Awb.",
        "Om 10.30 uur, kamer 3.14.",
        "Het KCC registreerde 2 contacten op 14 maart 2019.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn e_mail_addresses() {
    assert_eq!(
        one("Mail naar noelle.vandenberg@example.nl."),
        (DetailKind::Email, "noelle.vandenberg@example.nl".into())
    );
    assert!(kinds("op @gemeente of via x@y").is_empty());
}

#[test]
fn a_street_with_its_number_and_a_postcode() {
    let found = kinds("Zij woont aan de Kerkstraat 12a, 1234 AB Voorbeeldstad.");
    assert_eq!(
        found,
        vec![
            (DetailKind::Address, "Kerkstraat 12a".into()),
            (DetailKind::Postcode, "1234 AB".into())
        ]
    );
    assert_eq!(
        one("Burgemeester Van Reenensingel 3"),
        (
            DetailKind::Address,
            "Burgemeester Van Reenensingel 3".into()
        )
    );
    assert!(
        kinds("de Kerkstraat werd opgebroken").is_empty(),
        "a street without a number locates no one"
    );
    assert!(kinds("2018 SS").is_empty(), "SS is not used in postcodes");
}

#[test]
fn a_date_of_birth_only_beside_a_birth_word() {
    assert_eq!(
        one("geboren op 3 april 1961 te Zwolle"),
        (DetailKind::BirthDate, "3 april 1961".into())
    );
    assert_eq!(
        one("Geboortedatum: 03-04-1961"),
        (DetailKind::BirthDate, "03-04-1961".into())
    );
    assert!(kinds("Op 3 april 1961 werd de wet aangenomen.").is_empty());
}

#[test]
fn unregistered_names_with_a_title_initials_or_two_capitals() {
    assert_eq!(
        one("Zij sprak met mevrouw Jansen over de zaak."),
        (DetailKind::Name, "mevrouw Jansen".into())
    );
    assert_eq!(
        one("Volgens dhr. P. de Wit klopte het."),
        (DetailKind::Name, "dhr. P. de Wit".into())
    );
    assert_eq!(
        one("Het was Pieter Dijkstra die belde."),
        (DetailKind::Name, "Pieter Dijkstra".into())
    );
    assert_eq!(
        one("Daarna belde J. de Vries terug."),
        (DetailKind::Name, "J. de Vries".into())
    );
    assert_eq!(
        one("Pieter Dijkstra belde."),
        (DetailKind::Name, "Pieter Dijkstra".into()),
        "a name may begin a sentence"
    );
}

#[test]
fn institutions_known_names_and_sentence_words_are_no_unregistered_names() {
    for text in [
        "De Gemeente Voorbeeldstad belde verzoekster.",
        "Verzoekster belde de Centrale Raad van Beroep.",
        "Op Koningsdag was het loket dicht.",
        "Volgens Verzoekster was het druk.",
        "Het KCC en de WIJ-teams.",
        "Op 14 Maart 2019 belde de Nationale ombudsman.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn the_mask_hides_most_of_it() {
    let d = scan("BSN 123456782", None).remove(0);
    assert_eq!(d.masked(), "12•••••82");
    assert_eq!(
        mask(DetailKind::Email, "noelle@example.nl"),
        "n•••••@•••••••.nl"
    );
    assert_eq!(mask(DetailKind::Name, "mevrouw Jansen"), "m•••••• J•••••");
}

#[test]
fn one_number_has_one_key_however_it_is_written() {
    assert_eq!(
        key_of(DetailKind::Phone, "+31 (0)6 1234 5678"),
        "0612345678"
    );
    assert_eq!(key_of(DetailKind::Phone, "06-12345678"), "0612345678");
    assert_eq!(
        key_of(DetailKind::Iban, "nl91 abna 0417 1643 00"),
        "NL91ABNA0417164300"
    );
    assert_eq!(
        key_of(DetailKind::Name, "Mevrouw  Jänsen"),
        "mevrouw jansen"
    );
}
