#!/usr/bin/env python3
"""Writes the small evidence documents the tests read (PDF, DOCX, EML, TXT, CSV).

Run from this folder; the outputs are committed so tests need no Python. Everything here is
invented test material in Dutch, with diacritics on purpose.
"""
import zipfile

LETTER_LINES = [
    "Voorbeeldstad, 6 januari 2019",
    "Geachte heer, mevrouw,",
    "Op 2 oktober 2018 heb ik het KCC gebeld over een postadres.",
    "Ik ben doorverwezen naar het WIJ-team. Daarna belde ik nog vaak.",
    "Met vriendelijke groet, Noelle van den Berg",
]


def pdf(lines):
    """A one-page PDF with a text layer (Helvetica, WinAnsi), offsets computed exactly."""
    ops = ["BT", "/F1 12 Tf", "72 760 Td", "16 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def docx(paragraphs):
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>" for p in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile("reactie-gemeente.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)


open("klachtbrief.pdf", "wb").write(pdf(LETTER_LINES))
# The letter of the dossier the end-to-end test builds from nothing (tests/e2e/investigation).
open("bezwaar-naheffing.pdf", "wb").write(pdf([
    "Voorbeeldstad, 4 november 2026",
    "Geachte heer, mevrouw,",
    "Op 14 oktober 2026 heb ik bezwaar gemaakt tegen de naheffing parkeerbelasting.",
    "Ik heb daarna vijf keer gebeld en nooit een ontvangstbevestiging gekregen.",
    "De baliemedewerker beloofde mij op 21 oktober 2026 teruggebeld te worden.",
    "Met vriendelijke groet, Zoë Ünal-Brouwer",
]))
full = pdf(LETTER_LINES)
open("afgebroken.pdf", "wb").write(full[: len(full) // 2])
docx([
    "Reactie van de gemeente Voorbeeldstad",
    "In onze registratie staan twee contacten: op 2 oktober en 14 november 2018.",
    "Het WIJ-team heeft mevrouw een vaste contactpersoon gegeven.",
])
open("mail-wij-team.eml", "wb").write(
    "From: WIJ-team Oost <oost@wij.example>\r\n"
    "To: Ombudsman <ombudsman@example.nl>\r\n"
    "Subject: Contact met mevrouw Van den Berg\r\n"
    "Date: Tue, 23 Apr 2019 10:12:00 +0200\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "Mevrouw is sinds 3 oktober 2018 bij ons bekend. Onze medewerker, mevrouw Ş. Yılmaz, was haar contactpersoon.\r\n".encode("utf-8")
)
open("telefoonnotitie.txt", "wb").write("Telefoonnotitie 20 mei 2019: verzoekster blijft erbij dat zij vaker dan tien keer heeft gebeld. Café, coördinatie.\n".encode("utf-8"))
open("notitie-windows-1252.txt", "wb").write("Notitie: verzoekster belde opnieuw; coördinatie met het café ontbrak. €5 kosten.\r\n".encode("cp1252"))
open("kcc-contacten.csv", "wb").write(
    "Datum;Kanaal;Onderwerp;Notitie\r\n"
    "02-10-2018 10:14;Telefoon;Postadres;Vraag over postadres, verwezen naar WIJ-team\r\n"
    "14-11-2018 15:40;Telefoon;Postadres;Opnieuw vraag over postadres\r\n".encode("utf-8")
)
open("leeg.txt", "wb").write(b"")
open("binair.txt", "wb").write(bytes(range(0, 256)) * 4)
