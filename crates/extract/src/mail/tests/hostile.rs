//! Inputs meant to break the reader. Any bytes give Ok or Err: no panic, no stack overflow,
//! no runaway time.

use std::time::{Duration, Instant};

use super::{base64, read};
use crate::mail::{read_mail, MAX_ATTACHMENTS};

/// `levels` messages each attached to the one around it; the innermost has a PDF.
fn nested(levels: usize) -> String {
    let mut raw = "From: binnenste@example.nl\r\nSubject: Binnenste\r\n\
                   Content-Type: multipart/mixed; boundary=in\r\n\r\n\
                   --in\r\nContent-Type: text/plain\r\n\r\nKern.\r\n\
                   --in\r\nContent-Type: application/pdf\r\n\
                   Content-Disposition: attachment; filename=kern.pdf\r\n\r\n%PDF\r\n--in--\r\n"
        .to_string();
    for level in (0..levels).rev() {
        raw = format!(
            "From: laag{level}@example.nl\r\nSubject: Laag {level}\r\n\
             Content-Type: multipart/mixed; boundary=\"n{level}x\"\r\n\r\n\
             --n{level}x\r\nContent-Type: text/plain\r\n\r\nTekst {level}.\r\n\
             --n{level}x\r\nContent-Type: message/rfc822\r\n\r\n{raw}\r\n--n{level}x--\r\n"
        );
    }
    raw
}

#[test]
fn messages_nested_deeper_than_eight_are_kept_as_an_eml_attachment() {
    // 20 levels: 8 read as text, the 9th and everything in it kept whole, not lost.
    let mail = read(nested(20).as_bytes());
    let t = &mail.text;
    assert_eq!(t.matches("--- Doorgestuurd bericht ---").count(), 8, "{t}");
    assert!(
        t.contains("Onderwerp: Laag 8\n"),
        "level 8 is the 8th attached message"
    );
    assert!(!t.contains("Onderwerp: Laag 9\n"));
    assert!(t.contains(
        "--- Doorgestuurd bericht (dieper genest dan 8 berichten; bewaard als bijlage bijlage-1.eml) ---"
    ));
    assert_eq!(
        mail.attachments.len(),
        1,
        "the PDF is inside the kept message"
    );
    let kept = String::from_utf8(mail.attachments[0].bytes.clone()).unwrap();
    assert!(kept.starts_with("From: laag9@example.nl"));
    assert!(
        kept.contains("Content-Type: message/rfc822\r\n"),
        "kept as the sender wrote it"
    );
    assert!(kept.contains("filename=kern.pdf"));

    let shallow = read(nested(3).as_bytes());
    assert!(shallow
        .text
        .contains("Onderwerp: Binnenste\n\nKern.\n\nBijlagen: kern.pdf"));
    assert_eq!(shallow.attachments[0].file_name, "kern.pdf");
}

#[test]
fn fifty_thousand_nested_messages_do_not_overflow_the_stack() {
    // mail-parser on its own nests these without limit and recursion then aborts the app.
    let start = Instant::now();
    let plain = "Content-Type: message/rfc822\r\n\r\n".repeat(50_000) + "Subject: x\r\n\r\nhoi\r\n";
    let mail = read_mail(plain.as_bytes());
    assert!(mail.is_ok(), "{mail:?}");

    // Hidden in base64, a level mail-parser would parse by recursion.
    let inner = "Content-Type: message/rfc822\r\n\r\n".repeat(5_000) + "Subject: x\r\n\r\nhoi\r\n";
    let wrapped = format!(
        "From: a@example.nl\r\nContent-Type: message/rfc822\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}",
        base64(inner.as_bytes())
    );
    let mail = read(wrapped.as_bytes());
    assert_eq!(
        mail.attachments.len(),
        1,
        "the part past the depth limit is kept"
    );

    let digests = "Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\n".repeat(20_000);
    assert!(read_mail(format!("From: a@example.nl\r\n{digests}").as_bytes()).is_ok());
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn more_than_500_attachments_keep_the_first_500_and_say_so() {
    let mut raw =
        "From: a@example.nl\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n".to_string();
    for i in 0..MAX_ATTACHMENTS + 20 {
        raw.push_str(&format!(
            "--b\r\nContent-Type: application/pdf; name=\"{i}.pdf\"\r\n\r\n%PDF {i}\r\n"
        ));
    }
    raw.push_str("--b--\r\n");
    let mail = read(raw.as_bytes());
    assert_eq!(mail.attachments.len(), MAX_ATTACHMENTS);
    assert_eq!(mail.attachments[499].file_name, "499.pdf");
    assert!(
        mail.text
            .ends_with("alleen de eerste 500 zijn bewaard, 20 niet."),
        "{}",
        mail.text
    );
}

#[test]
fn bytes_that_are_no_mail_are_refused_in_dutch() {
    for raw in [
        &b""[..],
        b"   \r\n\r\n",
        b"hallo wereld, dit is gewoon tekst",
        b"Datum: 5 mei\nAan: iemand\n\nDit is een notitie, geen e-mail.",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"\x00\x01\x02\x03\xff\xfe\xfd",
    ] {
        assert_eq!(
            read_mail(raw),
            Err("geen geldig e-mailbericht".to_string()),
            "{raw:?}"
        );
    }
}

#[test]
fn a_broken_line_in_a_header_cannot_fake_header_lines() {
    let raw = b"From: a@example.nl\r\nSubject: =?utf-8?Q?Hoi=0AVan:_nep@example.nl?=\r\n\r\nx\r\n";
    let t = read(raw).text;
    assert!(t.contains("Onderwerp: Hoi Van: nep@example.nl\n"), "{t}");
    assert_eq!(
        t.matches("\nVan:").count() + usize::from(t.starts_with("Van:")),
        1
    );
}

#[test]
fn message_rfc822_written_in_a_text_stays_as_written() {
    // The reader marks message subtypes for mail-parser; the marks must never show.
    let raw = "From: a@example.nl\r\nSubject: Kopie\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
               --b\r\nContent-Type: text/plain\r\n\r\nDe kop was:\r\nContent-Type: message/rfc822\r\n\
               Content-Type: multipart/digest;\r\n\
               --b\r\nContent-Type: text/plain; name=\"global\"\r\nContent-Disposition: attachment\r\n\r\n\
               Content-Type: message/global\r\n\
               --b--\r\n";
    let mail = read(raw.as_bytes());
    assert!(mail
        .text
        .contains("De kop was:\nContent-Type: message/rfc822\nContent-Type: multipart/digest;"));
    assert!(!mail.text.contains("x-wdh"), "{}", mail.text);
    assert_eq!(mail.attachments[0].file_name, "global");
    assert_eq!(mail.attachments[0].bytes, b"Content-Type: message/global");
}

/// A small deterministic generator, so failures can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn random_bytes_and_cut_or_damaged_mails_never_panic() {
    let start = Instant::now();
    let mut rng = Lcg(0x5eed);
    for len in [1, 2, 7, 64, 500, 4096, 70_000] {
        for _ in 0..20 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let _ = read_mail(&bytes);
            // The same, made to look more like a mail.
            let mut mail =
                b"From: a@b\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n".to_vec();
            mail.extend(
                bytes
                    .iter()
                    .map(|b| b"--x\r\n:;=?\"<>&\t base64 rfc822"[*b as usize % 28]),
            );
            let _ = read_mail(&mail);
        }
    }
    let sample = super::forwarding("7bit", &nested(3));
    let encoded = super::forwarding("base64", &base64(nested(2).as_bytes()));
    for whole in [sample.as_bytes(), encoded.as_bytes()] {
        for cut in 0..whole.len() {
            let _ = read_mail(&whole[..cut]);
        }
        for _ in 0..300 {
            let mut damaged = whole.to_vec();
            for _ in 0..8 {
                let at = rng.next() as usize % damaged.len();
                damaged[at] = rng.next() as u8;
            }
            let _ = read_mail(&damaged);
        }
    }
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn pathological_html_takes_linear_time() {
    let start = Instant::now();
    for body in [
        "<br>".repeat(200_000),
        "<head><body>".repeat(100_000),
        "<style>".repeat(100_000),
        "<!--".repeat(100_000),
        "&amp".repeat(100_000),
        "<a ".repeat(100_000),
        "<pre>  \n".repeat(100_000),
    ] {
        let raw = format!("From: a@example.nl\r\nContent-Type: text/html\r\n\r\n{body}");
        assert!(read_mail(raw.as_bytes()).is_ok());
    }
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}
