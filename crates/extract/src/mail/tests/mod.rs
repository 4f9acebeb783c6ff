//! The e-mail reader on messages built here byte by byte. `hostile` holds the inputs meant to
//! break it; `html` the HTML-to-text conversion.

mod hostile;
mod html;

use super::{read_mail, Mail};

/// Base64 with 76-character lines, as mail programs write it.
pub(super) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, chunk) in bytes.chunks(3).enumerate() {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (j, &b)| n | u32::from(b) << (16 - 8 * j));
        for j in 0..4 {
            out.push(if j <= chunk.len() {
                char::from(ALPHABET[(n >> (18 - 6 * j) & 63) as usize])
            } else {
                '='
            });
        }
        if i % 19 == 18 {
            out.push_str("\r\n");
        }
    }
    out
}

pub(super) fn read(raw: &[u8]) -> Mail {
    read_mail(raw).unwrap_or_else(|e| panic!("not read: {e}"))
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n\x00\xff\xfe";
const DOCX: &[u8] = b"PK\x03\x04\x14\x00\x06\x00 word/document.xml \x00\x01\x02\x80\x90";

#[test]
fn a_mixed_mail_gives_the_body_once_and_both_attachments_byte_for_byte() {
    // The usual mail from a municipality: text and HTML versions of one body, two letters.
    let raw = format!(
        "From: Gemeente Oost <post@oost.example>\r\n\
         To: Ombudsman <ombudsman@example.nl>, Tweede <twee@example.nl>\r\n\
         Cc: Derde <drie@example.nl>\r\n\
         Subject: Stukken bezwaar\r\n\
         Date: Fri, 5 Oct 2018 14:03:00 +0200\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"out\"\r\n\r\n\
         --out\r\n\
         Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n\
         --alt\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n\
         Hierbij de stukken van mevrouw.\r\n\
         --alt\r\n\
         Content-Type: text/html; charset=utf-8\r\n\r\n\
         <p>Hierbij de stukken van <b>mevrouw</b>.</p>\r\n\
         --alt--\r\n\
         --out\r\n\
         Content-Type: application/pdf; name=\"besluit.pdf\"\r\n\
         Content-Disposition: attachment; filename=\"besluit.pdf\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         --out\r\n\
         Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\
         Content-Disposition: attachment; filename=\"bezwaar.docx\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         --out--\r\n",
        base64(PDF),
        base64(DOCX)
    );
    let mail = read(raw.as_bytes());
    let t = &mail.text;
    assert!(
        t.starts_with("Van: Gemeente Oost <post@oost.example>\n"),
        "{t}"
    );
    assert!(t.contains("\nAan: Ombudsman <ombudsman@example.nl>, Tweede <twee@example.nl>\n"));
    assert!(t.contains("\nCc: Derde <drie@example.nl>\n"));
    assert!(
        t.contains("\nDatum: 5 oktober 2018, 14:03 (+02:00)\n"),
        "{t}"
    );
    assert!(t.contains("\nOnderwerp: Stukken bezwaar\n\nHierbij de stukken van mevrouw."));
    assert_eq!(
        t.matches("Hierbij de stukken").count(),
        1,
        "the HTML alternative is the same body: not again, not as an attachment"
    );
    assert!(
        t.ends_with("\n\nBijlagen: besluit.pdf, bezwaar.docx"),
        "{t}"
    );
    let names: Vec<_> = mail
        .attachments
        .iter()
        .map(|a| a.file_name.as_str())
        .collect();
    assert_eq!(names, ["besluit.pdf", "bezwaar.docx"]);
    assert_eq!(mail.attachments[0].bytes, PDF);
    assert_eq!(mail.attachments[1].bytes, DOCX);
}

/// A mail from a citizen forwarding the municipality's mail, which carries a PDF.
fn forwarding(inner_encoding: &str, inner: &str) -> String {
    format!(
        "From: Burger <burger@example.nl>\r\n\
         To: ombudsman@example.nl\r\n\
         Subject: Fwd: Besluit\r\n\
         Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
         --b1\r\n\
         Content-Type: text/plain\r\n\r\n\
         Zie het bericht hieronder.\r\n\
         --b1\r\n\
         Content-Type: message/rfc822\r\n\
         Content-Transfer-Encoding: {inner_encoding}\r\n\r\n\
         {inner}\r\n\
         --b1--\r\n"
    )
}

fn inner_message() -> String {
    format!(
        "From: Gemeente <post@gemeente.example>\r\n\
         To: burger@example.nl\r\n\
         Subject: Besluit\r\n\
         Date: Mon, 1 Jul 2019 09:00:00 +0200\r\n\
         Content-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n\
         --b2\r\n\
         Content-Type: text/plain\r\n\r\n\
         Uw aanvraag is afgewezen.\r\n\
         --b2\r\n\
         Content-Type: application/pdf\r\n\
         Content-Disposition: attachment; filename=besluit.pdf\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         --b2--\r\n",
        base64(PDF)
    )
}

#[test]
fn an_attached_message_follows_under_the_forwarded_line_and_its_pdf_is_kept() {
    let mail = read(forwarding("7bit", &inner_message()).as_bytes());
    let (outer, inner) = mail
        .text
        .split_once("\n\n--- Doorgestuurd bericht ---\n")
        .unwrap_or_else(|| panic!("no forwarded section: {}", mail.text));
    assert!(outer.contains("Onderwerp: Fwd: Besluit\n\nZie het bericht hieronder."));
    assert!(
        !outer.contains("Bijlagen"),
        "the forwarded mail is text, not an attachment"
    );
    assert!(inner.starts_with("Van: Gemeente <post@gemeente.example>\nAan: burger@example.nl\n"));
    assert!(inner.contains("Datum: 1 juli 2019, 09:00 (+02:00)\nOnderwerp: Besluit\n"));
    assert!(inner.contains("\n\nUw aanvraag is afgewezen.\n\nBijlagen: besluit.pdf"));
    assert_eq!(
        mail.attachments.len(),
        1,
        "the inner PDF joins the outer list"
    );
    assert_eq!(mail.attachments[0].file_name, "besluit.pdf");
    assert_eq!(mail.attachments[0].bytes, PDF);
}

#[test]
fn an_attached_message_in_base64_is_read_the_same_way() {
    // RFC 2046 forbids it, but some servers base64-encode message/rfc822 parts anyway.
    let mail = read(forwarding("base64", &base64(inner_message().as_bytes())).as_bytes());
    assert!(mail
        .text
        .contains("--- Doorgestuurd bericht ---\nVan: Gemeente"));
    assert!(mail.text.contains("Uw aanvraag is afgewezen."));
    assert_eq!(mail.attachments.len(), 1);
    assert_eq!(mail.attachments[0].bytes, PDF);
}

#[test]
fn latin1_encoded_words_and_quoted_printable_and_base64_bodies_come_out_as_unicode() {
    // Old municipal systems send ISO-8859-1 and Windows-1252, in headers (RFC 2047) and bodies.
    let raw = format!(
        "From: =?iso-8859-1?Q?Jos=E9_M=FCller?= <jose@example.nl>\r\n\
         To: =?ISO-8859-1?B?UmVu6Q==?= <rene@example.nl>\r\n\
         Subject: =?iso-8859-1?Q?Co=F6rdinatie_zorg?=\r\n\
         Content-Type: multipart/mixed; boundary=b\r\n\r\n\
         --b\r\n\
         Content-Type: text/plain; charset=iso-8859-1\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\r\n\
         De co=F6rdinatie met het caf=E9 ontbrak, =80 5 terug. Een lange regel die =\r\n\
         doorloopt.\r\n\
         --b\r\n\
         Content-Type: text/plain; charset=windows-1252\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         --b--\r\n",
        base64(b"\x93Na\xefve\x94 vraag \x96 beantwoord.")
    );
    let t = read(raw.as_bytes()).text;
    assert!(t.starts_with("Van: José Müller <jose@example.nl>\nAan: René <rene@example.nl>\n"));
    assert!(t.contains("Onderwerp: Coördinatie zorg\n"), "{t}");
    assert!(
        t.contains("De coördinatie met het café ontbrak, € 5 terug."),
        "{t}"
    );
    assert!(
        t.contains("Een lange regel die doorloopt."),
        "soft line break joined"
    );
    assert!(
        t.contains("“Naïve” vraag – beantwoord."),
        "second inline text part: {t}"
    );
}

#[test]
fn an_html_only_mail_gives_its_text_with_lines_and_paragraphs() {
    let raw = "From: a@example.nl\r\nSubject: Klacht\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
               <html><head><style>p {color: red}</style><title>x</title></head><body>\
               <p>Geachte heer,</p><p>Mijn klacht gaat over het WIJ&#8209;team &amp; de gemeente.</p>\
               <div>Regel een</div><div>Regel twee</div><div><br></div><div>Met vriendelijke groet,<br>Jan</div>\
               </body></html>\r\n";
    let t = read(raw.as_bytes()).text;
    assert_eq!(
        t,
        "Van: a@example.nl\nOnderwerp: Klacht\n\nGeachte heer,\n\n\
         Mijn klacht gaat over het WIJ\u{2011}team & de gemeente.\n\n\
         Regel een\nRegel twee\n\nMet vriendelijke groet,\nJan"
    );
}

#[test]
fn an_attachment_without_a_name_is_named_after_its_number_and_type() {
    // Scanners and some phones send parts with no name at all; nothing may be lost.
    let raw = format!(
        "From: a@example.nl\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nScan bijgevoegd.\r\n\
         --b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         --b\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         --b\r\nContent-Type: application/x-onbekend\r\n\r\nxyz\r\n\
         --b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n\r\n\
         --b--\r\n",
        base64(PDF),
        base64(b"\xff\xd8\xff\xe0JFIF")
    );
    let mail = read(raw.as_bytes());
    let names: Vec<_> = mail
        .attachments
        .iter()
        .map(|a| a.file_name.as_str())
        .collect();
    assert_eq!(
        names,
        ["bijlage-1.pdf", "bijlage-2.jpg", "bijlage-3.bin"],
        "the empty PDF part is skipped"
    );
    assert_eq!(mail.attachments[1].bytes, b"\xff\xd8\xff\xe0JFIF");
    assert!(mail
        .text
        .ends_with("Bijlagen: bijlage-1.pdf, bijlage-2.jpg, bijlage-3.bin"));
}

#[test]
fn attachment_names_are_decoded_and_made_safe_for_a_file_system() {
    let part = |disposition: &str| {
        format!("--b\r\nContent-Type: application/pdf\r\n{disposition}\r\n\r\nPDF\r\n")
    };
    let long = "a".repeat(300);
    let raw = format!(
        "From: a@example.nl\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n{}{}{}{}{}--b--\r\n",
        part("Content-Disposition: attachment; filename*=iso-8859-1''co%F6rdinatie%20brief.pdf"),
        part("Content-Disposition: attachment; filename=\"=?utf-8?Q?Besluit_=C3=A9=C3=A9n.pdf?=\""),
        part("Content-Disposition: attachment; filename=\"..\\\\..\\\\Windows\\\\evil.pdf\""),
        part("Content-Disposition: attachment; filename=\"a\tb:c?.pdf\""),
        part(&format!("Content-Disposition: attachment; filename=\"{long}.pdf\"")),
    );
    let mail = read(raw.as_bytes());
    let names: Vec<_> = mail
        .attachments
        .iter()
        .map(|a| a.file_name.clone())
        .collect();
    assert_eq!(names[0], "coördinatie brief.pdf", "RFC 2231");
    assert_eq!(names[1], "Besluit één.pdf", "RFC 2047");
    assert_eq!(names[2], "evil.pdf", "no folders");
    assert_eq!(names[3], "ab_c_.pdf", "no control characters, no : or ?");
    assert_eq!(names[4].chars().count(), 200, "at most 200 characters");
    assert!(names[4].ends_with("aaa.pdf"), "the extension kept");
}

#[test]
fn a_text_attachment_keeps_its_own_bytes_and_charset() {
    // A .txt or .csv attachment is a document of its own: its bytes, not a UTF-8 copy.
    let raw = "From: a@example.nl\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
               --b\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n\
               --b\r\nContent-Type: text/csv; charset=iso-8859-1\r\n\
               Content-Disposition: attachment; filename=register.csv\r\n\
               Content-Transfer-Encoding: quoted-printable\r\n\r\n\
               naam;plaats\r\nJos=E9;Li=E8ge=\r\n\r\n\
               --b--\r\n";
    let mail = read(raw.as_bytes());
    assert_eq!(mail.attachments.len(), 1);
    assert_eq!(
        mail.attachments[0].bytes,
        b"naam;plaats\r\nJos\xe9;Li\xe8ge"
    );
}

#[test]
fn inline_images_and_several_text_parts_are_all_kept_in_order() {
    // Apple Mail: text, a picture shown in between, more text. Outlook: logos by Content-ID.
    let raw = format!(
        "From: a@example.nl\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nEerste deel.\r\n\
         --b\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\n\
         Content-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nTweede deel.\r\n\
         --b--\r\n",
        base64(b"\x89PNG\r\n\x1a\n")
    );
    let mail = read(raw.as_bytes());
    assert!(mail
        .text
        .contains("\n\nEerste deel.\n\nTweede deel.\n\nBijlagen: bijlage-1.png"));
    assert_eq!(mail.attachments[0].bytes, b"\x89PNG\r\n\x1a\n");
}

#[test]
fn an_html_part_beside_a_plain_body_is_kept_as_an_attachment() {
    // Not an alternative (no multipart/alternative): it may say something else.
    let raw = "From: a@example.nl\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
               --b\r\nContent-Type: text/plain\r\n\r\nTekst.\r\n\
               --b\r\nContent-Type: text/html\r\n\r\n<p>Iets anders</p>\r\n\
               --b--\r\n";
    let mail = read(raw.as_bytes());
    assert!(!mail.text.contains("Iets anders"));
    assert_eq!(mail.attachments[0].file_name, "bijlage-1.html");
    assert_eq!(mail.attachments[0].bytes, b"<p>Iets anders</p>");
}

#[test]
fn dates_are_dutch_with_their_offset_and_unreadable_ones_stay_as_written() {
    let date = |header: &str| {
        let raw = format!("From: a@example.nl\r\nDate: {header}\r\n\r\nx\r\n");
        let text = read(raw.as_bytes()).text;
        text.lines()
            .find_map(|l| l.strip_prefix("Datum: ").map(str::to_string))
            .unwrap_or_default()
    };
    assert_eq!(
        date("Fri, 5 Oct 2018 14:03:59 +0200"),
        "5 oktober 2018, 14:03 (+02:00)"
    );
    assert_eq!(
        date("1 Jan 2020 00:05 -0530"),
        "1 januari 2020, 00:05 (-05:30)"
    );
    assert_eq!(
        date("Sat, 13 Mar 2021 23:59:00 GMT"),
        "13 maart 2021, 23:59 (+00:00)"
    );
    assert_eq!(date("gisteren rond vier uur"), "gisteren rond vier uur");
}

#[test]
fn the_existing_fixture_reads_with_a_dutch_date() {
    let raw = include_bytes!("../../../../../tests/data/sources/mail-wij-team.eml");
    let t = read(raw).text;
    assert!(t.starts_with(
        "Van: WIJ-team Oost <oost@wij.example>\nAan: Ombudsman <ombudsman@example.nl>\n\
         Datum: 23 april 2019, 10:12 (+02:00)\nOnderwerp: Contact met mevrouw Van den Berg\n\n\
         Mevrouw is sinds 3 oktober 2018 bij ons bekend."
    ));
    assert!(t.contains("mevrouw Ş. Yılmaz"));
}

#[test]
fn a_multipart_digest_holds_messages() {
    // RFC 2046: parts of a digest without a Content-Type are messages (mailing-list digests).
    let raw = "From: lijst@example.nl\r\nSubject: Digest\r\n\
               Content-Type: multipart/digest; boundary=d\r\n\r\n\
               --d\r\n\r\nFrom: een@example.nl\r\nSubject: Eerste\r\n\r\nTekst een.\r\n\
               --d\r\n\r\nFrom: twee@example.nl\r\nSubject: Tweede\r\n\r\nTekst twee.\r\n\
               --d--\r\n";
    let t = read(raw.as_bytes()).text;
    assert_eq!(t.matches("--- Doorgestuurd bericht ---").count(), 2, "{t}");
    assert!(t.contains("--- Doorgestuurd bericht ---\nVan: een@example.nl\nOnderwerp: Eerste"));
    assert!(t.contains("Onderwerp: Tweede\n\nTekst twee."));
}
