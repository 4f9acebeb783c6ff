#!/usr/bin/env python3
"""Regenerates the evidence-document test corpus in tests/data/corpus/.

    python3 tools/make-corpus.py            # everything
    python3 tools/make-corpus.py pdf mail   # only some groups (pdf office mail images other)

Python 3 standard library only, plus these command-line tools (Debian bookworm packages):
  soffice (libreoffice-writer-nogui), pdflatex (texlive-latex-base, texlive-fonts-recommended),
  qpdf, pdftotext/pdfinfo/pdffonts/pdftoppm (poppler-utils), convert (imagemagick),
  tesseract (tesseract-ocr, tesseract-ocr-nld), fonts-dejavu.

All text is Dutch and invented: Gemeente Voorbeeldstad, its WIJ-team and contact centre, and
people who do not exist. Every file carries marker words listed in MANIFEST.json; after making
the files the script checks them with pdftotext / unzip / tesseract and writes what those tools
found into the manifest notes.

Deterministic where the tools allow it: hand-written PDFs, DOCX, e-mails, pdflatex output
(SOURCE_DATE_EPOCH) and images are byte-stable; LibreOffice PDFs/DOCX/ODT and qpdf-encrypted
files carry fresh dates, IDs and salts on each run (their text does not change).
"""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape as xesc

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "corpus"
HERE = Path(__file__).resolve().parent / "corpus"
BUILD = Path(tempfile.mkdtemp(prefix="wh-corpus-"))
CONVERT = "/usr/bin/convert" if Path("/usr/bin/convert").exists() else "convert"
PASSWORD = "Wederhoor2026!"
OWNER_PASSWORD = "Eigenaar-Voorbeeldstad-2026"
EPOCH = "1741600000"  # 2025-03-10, for pdflatex SOURCE_DATE_EPOCH

MANIFEST = []
WARNINGS = []


def run(cmd, **kw):
    kw.setdefault("check", True)
    kw.setdefault("capture_output", True)
    return subprocess.run(cmd, **kw)


def warn(msg):
    WARNINGS.append(msg)
    print("WARNING:", msg, file=sys.stderr)


def out(rel):
    p = OUT / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    return p


def add(file, cls, real_type, must_find, note, must_not_find=(), password=None, **extra):
    entry = {
        "file": file,
        "class": cls,
        "must_find": list(must_find),
        "must_not_find": list(must_not_find),
        "password": password,
        "real_type": real_type,
        "note": note,
    }
    entry.update(extra)
    MANIFEST.append(entry)
    return entry


# --------------------------------------------------------------------------------------------
# Hand-written PDF
# --------------------------------------------------------------------------------------------

def pdf_str(s):
    """A PDF literal string in WinAnsiEncoding (cp1252), non-ASCII as octal escapes."""
    b = s.encode("cp1252")
    o = bytearray(b"(")
    for c in b:
        if c in b"()\\":
            o += b"\\" + bytes([c])
        elif 32 <= c < 127:
            o.append(c)
        else:
            o += b"\\%03o" % c
    o += b")"
    return bytes(o)


def pdf_text_string(s):
    """A text string for dictionaries (/V, /Title): PDFDocEncoding if ASCII, else UTF-16BE."""
    if all(ord(c) < 128 for c in s):
        return pdf_str(s)
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode() + b">"


def B(x):
    return x if isinstance(x, bytes) else x.encode("latin-1")


class PDF:
    def __init__(self, version=b"1.4"):
        self.version = version
        self.objs = []

    def reserve(self):
        self.objs.append(None)
        return len(self.objs)

    def set(self, num, body):
        self.objs[num - 1] = B(body)

    def add(self, body):
        self.objs.append(B(body))
        return len(self.objs)

    @staticmethod
    def stream(d, data, flate=True):
        d = B(d)
        if flate:
            data = zlib.compress(data, 9)
            d += b" /Filter /FlateDecode"
        return b"<< " + d + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    def build(self, root, info=None, with_id=True, xref_shift=0, trailer="ok"):
        o = bytearray(b"%PDF-" + self.version + b"\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objs, 1):
            offsets.append(len(o))
            o += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref_pos = len(o)
        o += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1)
        for off in offsets:
            o += b"%010d 00000 n \n" % (off + xref_shift)
        self.offsets = offsets
        if trailer == "missing":  # xref table, then nothing: no trailer, startxref or %%EOF
            return bytes(o)
        t = b"<< /Size %d /Root %d 0 R" % (len(self.objs) + 1, root)
        if info:
            t += b" /Info %d 0 R" % info
        if with_id:
            h = hashlib.md5(bytes(o)).hexdigest().upper().encode()
            t += b" /ID [<" + h + b"> <" + h + b">]"
        t += b" >>"
        if trailer == "bad-startxref":
            o += b"trailer\n" + t + b"\nstartxref\n999999\n%%EOF\n"
        elif trailer == "truncated":  # trailer dictionary cut off in the middle
            o += b"trailer\n" + t[: len(t) // 2]
        else:
            o += b"trailer\n" + t + b"\nstartxref\n%d\n%%EOF\n" % xref_pos
        self.xref_pos = xref_pos
        return bytes(o)


def info_dict(title, author="Gemeente Voorbeeldstad", subject=None):
    s = b"<< /Title " + pdf_text_string(title) + b" /Author " + pdf_text_string(author)
    if subject:
        s += b" /Subject " + pdf_text_string(subject)
    s += b" /Producer (Wederhoor make-corpus.py) /CreationDate (D:20250310120000+01'00') >>"
    return s


def wrap_para(text, width=88):
    return textwrap.wrap(text, width=width) or [""]


def text_block(items, x=72, y=770, leading=15):
    """items: list of (font, size, text) lines or "" for a blank line. Plain Tj/T* text."""
    o = [b"BT", b"%d TL" % leading, b"%d %d Td" % (x, y)]
    cur = None
    for it in items:
        if it == "":
            o.append(b"T*")
            continue
        font, size, text = it
        if (font, size) != cur:
            o.append(b"/%s %d Tf" % (font.encode(), size))
            cur = (font, size)
        o.append(pdf_str(text) + b" Tj T*")
    o.append(b"ET")
    return b"\n".join(o) + b"\n"


def lines_from(paras, size=11, head_size=14):
    """paras: list of strings; '# ' prefix = heading. Returns items for text_block."""
    items = []
    for p in paras:
        if p.startswith("# "):
            items.append(("F2", head_size, p[2:]))
            items.append("")
        elif p == "":
            items.append("")
        else:
            for ln in wrap_para(p):
                items.append(("F1", size, ln))
            items.append("")
    return items


HELV = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
HELVB = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"


def simple_pdf(pages, title, author="Gemeente Voorbeeldstad", flate=True, extra_fonts=None):
    """pages: list of content-stream bytes. Returns (PDF object, root, info, page numbers)."""
    pdf = PDF()
    cat = pdf.reserve()
    pages_n = pdf.reserve()
    f1 = pdf.add(HELV)
    f2 = pdf.add(HELVB)
    fonts = b"/F1 %d 0 R /F2 %d 0 R" % (f1, f2)
    page_nums = []
    for content in pages:
        c = pdf.add(PDF.stream(b"", content, flate))
        p = pdf.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << %s >> >> /Contents %d 0 R >>" % (pages_n, fonts, c))
        page_nums.append(p)
    pdf.set(cat, b"<< /Type /Catalog /Pages %d 0 R >>" % pages_n)
    pdf.set(pages_n, b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (b" ".join(b"%d 0 R" % p for p in page_nums), len(page_nums)))
    info = pdf.add(info_dict(title, author))
    return pdf, cat, info, page_nums


# --------------------------------------------------------------------------------------------
# Flat ODT (FODT) writer, converted by LibreOffice
# --------------------------------------------------------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title><meta:initial-creator>{author}</meta:initial-creator>
<meta:creation-date>2025-03-10T12:00:00</meta:creation-date></office:meta>
<office:font-face-decls>
 <style:font-face style:name="{font}" svg:font-family="'{font}'"/>
 <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="{font}" fo:font-size="{size}" fo:language="nl" fo:country="NL" fo:hyphenate="false"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:line-height="115%"/>
 </style:style>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="{align}"/>
 </style:style>
 <style:style style:name="Adres" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="100%"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="15pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="2">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="12.5pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="3cm" fo:margin-bottom="0.6cm"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="22pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties fo:font-size="8.5pt"/>
 </style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="{tsize}"/>
 </style:style>
 <style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Emph" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.6cm" fo:margin-bottom="1.4cm" fo:margin-left="2.4cm" fo:margin-right="2.2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="PB" style:family="paragraph" style:parent-style-name="Text_20_body">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="Tab" style:family="table"><style:table-properties style:width="16.4cm" table:align="margins" fo:margin-top="0.15cm" fo:margin-bottom="0.3cm"/></style:style>
 <style:style style:name="TC" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm"/></style:style>
 <style:style style:name="TH" style:family="table-cell"><style:table-cell-properties fo:background-color="#dddddd" fo:border="0.5pt solid #000000" fo:padding="0.08cm"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  {header}
  <style:footer><text:p text:style-name="Footer">{footer}</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"


class Fodt:
    """Tiny document model. Inline markup in paragraph text: **bold**, _italic_,
    [[fn:footnote text]], [[en:endnote text]], and \\n for a line break."""

    def __init__(self, title, author="Gemeente Voorbeeldstad", font="DejaVu Serif", size="11pt",
                 align="justify", header=None, footer="Pagina <text:page-number text:select-page=\"current\"/>",
                 tsize="9.5pt"):
        self.parts = []
        self.notes = 0
        self.tables = 0
        hdr = ""
        if header:
            hdr = '<style:header><text:p text:style-name="Header">%s</text:p></style:header>' % xesc(header)
        self.head = FODT_HEAD.format(title=xesc(title), author=xesc(author), font=font, size=size,
                                     align=align, header=hdr, footer=footer, tsize=tsize)

    def inline(self, s):
        o = []
        pos = 0
        for m in re.finditer(r"\[\[(fn|en):(.*?)\]\]", s):
            o.append(self._fmt(s[pos:m.start()]))
            self.notes += 1
            cls = "footnote" if m.group(1) == "fn" else "endnote"
            o.append('<text:note text:id="n%d" text:note-class="%s"><text:note-citation>%d</text:note-citation>'
                     '<text:note-body><text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                     % (self.notes, cls, self.notes, self._fmt(m.group(2))))
            pos = m.end()
        o.append(self._fmt(s[pos:]))
        return "".join(o)

    @staticmethod
    def _fmt(s):
        s = xesc(s)
        s = re.sub(r"\*\*(.+?)\*\*", r'<text:span text:style-name="Strong">\1</text:span>', s)
        s = re.sub(r"(?<!\w)_(.+?)_(?!\w)", r'<text:span text:style-name="Emph">\1</text:span>', s)
        s = s.replace("\t", "<text:tab/>").replace("\n", "<text:line-break/>")
        s = re.sub(r"  +", lambda m: ' <text:s text:c="%d"/>' % (len(m.group()) - 1), s)
        return s

    def p(self, s, style="Text_20_body"):
        self.parts.append('<text:p text:style-name="%s">%s</text:p>' % (style, self.inline(s)))

    def adres(self, lines):
        for ln in lines:
            self.parts.append('<text:p text:style-name="Adres">%s</text:p>' % self.inline(ln))
        self.parts.append('<text:p text:style-name="Adres"/>')

    def h(self, s, level=1):
        self.parts.append('<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>'
                          % (level, level, self.inline(s)))

    def title(self, s):
        self.parts.append('<text:p text:style-name="Title">%s</text:p>' % self.inline(s))

    def pagebreak(self):
        self.parts.append('<text:p text:style-name="PB"/>')

    def table(self, rows, header=True):
        self.tables += 1
        n = len(rows[0])
        o = ['<table:table table:name="Tabel%d" table:style-name="Tab"><table:table-column table:number-columns-repeated="%d"/>' % (self.tables, n)]
        for i, r in enumerate(rows):
            if i == 0 and header:
                o.append("<table:table-header-rows>")
            o.append("<table:table-row>")
            for c in r:
                st = "TH" if (i == 0 and header) else "TC"
                o.append('<table:table-cell table:style-name="%s" office:value-type="string">'
                         '<text:p text:style-name="Table_20_Contents">%s</text:p></table:table-cell>' % (st, self.inline(c)))
            o.append("</table:table-row>")
            if i == 0 and header:
                o.append("</table:table-header-rows>")
        o.append("</table:table>")
        self.parts.append("".join(o))

    def save(self, path):
        Path(path).write_text(self.head + "\n".join(self.parts) + FODT_TAIL, encoding="utf-8")
        return Path(path)


LO_PROFILE = BUILD / "lo-profile"


def soffice(files, fmt, outdir):
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = ["soffice", "-env:UserInstallation=file://%s" % LO_PROFILE, "--headless", "--norestore",
           "--convert-to", fmt, "--outdir", str(outdir)] + [str(f) for f in files]
    r = run(cmd, check=False, timeout=600)
    if r.returncode != 0:
        warn("soffice failed: %s %s" % (r.stdout.decode()[-500:], r.stderr.decode()[-500:]))
    return r


# --------------------------------------------------------------------------------------------
# Verification helpers
# --------------------------------------------------------------------------------------------

def pdftotext(path, password=None, raw=False):
    cmd = ["pdftotext"]
    if password:
        cmd += ["-upw", password]
    if raw:
        cmd += ["-raw"]
    cmd += [str(path), "-"]
    r = run(cmd, check=False, timeout=60)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace").strip()


def pdfinfo(path, password=None):
    cmd = ["pdfinfo"] + (["-upw", password] if password else []) + [str(path)]
    r = run(cmd, check=False, timeout=60)
    d = {}
    for ln in r.stdout.decode("utf-8", "replace").splitlines():
        if ":" in ln:
            k, v = ln.split(":", 1)
            d[k.strip()] = v.strip()
    return r.returncode, d, r.stderr.decode("utf-8", "replace").strip()


def pdffonts(path, password=None):
    cmd = ["pdffonts"] + (["-upw", password] if password else []) + [str(path)]
    r = run(cmd, check=False, timeout=60)
    types = []
    for ln in r.stdout.decode().splitlines()[2:]:
        m = re.search(r"\s(Type 1C?|Type 3|TrueType|CID TrueType|CID Type 0C?|Type 1 \(CID\))\s", ln)
        if m:
            types.append(m.group(1))
    return sorted(set(types))


def norm_ws(s):
    return re.sub(r"\s+", " ", s)


def found(word, text, nfkc=False):
    if nfkc:
        import unicodedata
        text = unicodedata.normalize("NFKC", text)
    return word.lower() in norm_ws(text).lower()


def verify_pdf(entry, expect_fonts=None):
    path = OUT / entry["file"]
    pw = entry.get("password")
    rc, txt, err = pdftotext(path, pw)
    irc, info, ierr = pdfinfo(path, pw)
    hits = [w for w in entry["must_find"] if found(w, txt)]
    miss = [w for w in entry["must_find"] if not found(w, txt)]
    bad = [w for w in entry["must_not_find"] if found(w, txt)]
    parts = ["pdftotext (poppler 22.12): exit %d" % rc]
    if err:
        first = err.splitlines()
        parts.append("stderr %r%s" % (first[0][:120], " (+%d more lines)" % (len(first) - 1) if len(first) > 1 else ""))
    parts.append("finds %d/%d must_find" % (len(hits), len(entry["must_find"])))
    if miss:
        nf = [w for w in miss if found(w, txt, nfkc=True)]
        if nf:
            parts.append("%d more after NFKC folding" % len(nf))
            miss = [w for w in miss if w not in nf]
    if miss:
        parts.append("MISSING %s" % ", ".join(miss))
    if entry["must_not_find"]:
        parts.append("must_not_find present: %s" % (", ".join(bad) if bad else "none"))
    lig = [c for c in "\ufb00\ufb01\ufb02\ufb03\ufb04" if c in txt]
    if lig:
        parts.append("output contains ligature code points %s" % " ".join("U+%04X" % ord(c) for c in lig))
    parts.append("pdfinfo: exit %d, pages %s%s" % (irc, info.get("Pages", "?"),
                                                ", encrypted: " + info["Encrypted"] if info.get("Encrypted", "no") != "no" else ""))
    if ierr:
        parts.append("pdfinfo stderr %r" % ierr.splitlines()[0][:120])
    fonts = pdffonts(path, pw)
    if fonts:
        parts.append("pdffonts: %s" % ", ".join(fonts))
    entry["note"] += " | " + "; ".join(parts) + "."
    entry["_pdftotext"] = txt
    return txt


def ocr(path, dpi=None):
    cmd = ["tesseract", str(path), "-", "-l", "nld"]
    if dpi:
        cmd += ["--dpi", str(dpi)]
    r = run(cmd, check=False, timeout=300, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    return r.stdout.decode("utf-8", "replace")


def word_accuracy(truth, got):
    tw = re.findall(r"\w+", truth.lower())
    gw = set(re.findall(r"\w+", got.lower()))
    return sum(1 for w in tw if w in gw) / max(1, len(tw))


def verify_ocr(entry, truth, path=None):
    path = path or OUT / entry["file"]
    txt = ocr(path)
    acc = word_accuracy(truth, txt)
    miss = [w for w in entry.get("must_find_ocr") or entry["must_find"] if not found(w, txt)]
    entry["note"] += (" | tesseract 5 -l nld: %.0f%% of the source words recognised exactly; must_find %s."
                      % (acc * 100, "all read" if not miss else "MISSING " + ", ".join(miss)))
    if miss:
        warn("%s: tesseract did not read %s" % (entry["file"], miss))
    return txt


# --------------------------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------------------------

AFZENDER = ["Annelies Verbruggen-de Wit", "Lindeboomstraat 47", "4817 KP Voorbeeldstad",
            "annelies.verbruggen@voorbeeldmail.nl"]
GEMEENTE = ["Gemeente Voorbeeldstad", "t.a.v. het college van burgemeester en wethouders",
            "Postbus 1200", "4800 AA Voorbeeldstad"]


def brief_libreoffice(fodt):
    """The 2-3 page complaint letter (class pdf-libreoffice)."""
    fodt.adres(AFZENDER)
    fodt.adres(GEMEENTE)
    fodt.p("Voorbeeldstad, 14 maart 2025")
    fodt.p("**Betreft: klacht over de behandeling van mijn kwijtscheldingsverzoek en mijn aanvraag bijzondere bijstand**")
    fodt.p("Geachte heer, mevrouw,")
    fodt.p("Met deze brief dien ik een klacht in over de manier waarop de gemeente Voorbeeldstad, het WIJ-team "
           "Noord en het klantcontactcentrum mij de afgelopen maanden hebben behandeld. Ik heb op 6 januari 2025 "
           "een kwijtscheldingsverzoek ingediend voor de gemeentelijke belastingen over 2024. Tegelijk heb ik "
           "bijzondere bijstand aangevraagd voor een nieuwe wasmachine, omdat mijn oude machine in december "
           "definitief kapot is gegaan. Op beide aanvragen heb ik na ruim tien weken nog geen besluit ontvangen.")
    fodt.p("Ik ben alleenstaande moeder van twee kinderen en leef van een bijstandsuitkering. Zonder wasmachine "
           "ben ik elke week uren kwijt in de wasserette naast café De Reünie, en dat kost mij ongeveer "
           "€ 18,50 per week. Dat geld heb ik eigenlijk niet.")
    fodt.h("1. Wat er is gebeurd", 2)
    fodt.p("Op 6 januari 2025 heb ik beide formulieren persoonlijk afgegeven bij de balie in het stadskantoor. "
           "De baliemedewerker heeft de formulieren aangenomen, maar ik heb geen ontvangstbewijs gekregen. "
           "Op 27 januari heb ik het klantcontactcentrum gebeld. Daar werd mij verteld dat mijn aanvraag voor de "
           "wasmachinevergoeding „in behandeling” was, maar dat het kwijtscheldingsverzoek niet in het systeem stond.")
    fodt.p("Op 10 februari kwam er een consulent van het WIJ-team bij mij thuis. Zij heeft foto’s gemaakt van de "
           "kapotte machine en gezegd dat ik binnen twee weken bericht zou krijgen. Van dat huisbezoek heb ik "
           "nooit een huisbezoekverslag ontvangen, hoewel ik daar twee keer om heb gevraagd.")
    fodt.p("Op 24 februari ontving ik een herinnering van de belastingsamenwerking voor de aanslag van € 412,–, "
           "met de mededeling dat er een dwangbevel volgt als ik niet binnen veertien dagen betaal. Dat terwijl "
           "mijn kwijtscheldingsverzoek nog openstaat. Ik ben hier erg van geschrokken.")
    fodt.pagebreak()
    fodt.h("2. Waarover ik klaag", 2)
    fodt.p("Mijn klacht bestaat uit de volgende punten:")
    fodt.p("a) Er is geen ontvangstbevestiging gestuurd van mijn aanvragen, terwijl dat volgens de Algemene wet "
           "bestuursrecht wel had gemoeten.\n"
           "b) De beslistermijn van acht weken is overschreden zonder dat ik ben geïnformeerd over de reden.\n"
           "c) De coördinatie tussen het WIJ-team, het klantcontactcentrum en de afdeling belastingen is slecht: "
           "niemand weet wat de ander doet.\n"
           "d) Ik heb een aanmaning gekregen voor een bedrag waarvoor nog een kwijtscheldingsverzoek loopt.\n"
           "e) Ik ben drie keer niet teruggebeld, hoewel mij dat wel was beloofd.")
    fodt.p("Vooral het laatste punt vind ik kwalijk. Op 3, 12 en 19 februari heb ik een terugbelverzoek "
           "achtergelaten bij het klantcontactcentrum. Elke keer werd gezegd dat een medewerker van het WIJ-team "
           "binnen twee werkdagen zou bellen. Dat is niet één keer gebeurd.")
    fodt.p("Ik heb begrip voor het feit dat de gemeente het druk heeft. Maar ik verwacht wel dat afspraken worden "
           "nagekomen en dat ik eerlijk word geïnformeerd als iets langer duurt. Een coördinatiegesprek met alle "
           "betrokken afdelingen zou volgens mij veel onduidelijkheid wegnemen.")
    fodt.h("3. Wat ik van de gemeente vraag", 2)
    fodt.p("Ik vraag de gemeente om:")
    fodt.p("1. binnen twee weken een besluit te nemen op mijn kwijtscheldingsverzoek en op mijn aanvraag "
           "bijzondere bijstand;\n"
           "2. de invordering van de aanslag op te schorten totdat op het kwijtscheldingsverzoek is beslist;\n"
           "3. mij het verslag van het huisbezoek van 10 februari toe te sturen;\n"
           "4. een vaste contactpersoon aan te wijzen bij het WIJ-team.")
    fodt.p("Ik heb de volgende stukken als bijlage toegevoegd: een kopie van het aanvraagformulier, de "
           "herinnering van 24 februari en een overzicht van de gesprekken met het klantcontactcentrum.")
    fodt.pagebreak()
    fodt.h("4. Overzicht van mijn contacten met de gemeente", 2)
    fodt.table([["Datum", "Met wie", "Wat er is besproken"],
                ["6 januari 2025", "Balie stadskantoor", "Formulieren afgegeven, geen ontvangstbewijs"],
                ["27 januari 2025", "Klantcontactcentrum", "Kwijtscheldingsverzoek niet gevonden"],
                ["3 februari 2025", "Klantcontactcentrum", "Terugbelverzoek, niet teruggebeld"],
                ["10 februari 2025", "WIJ-team Noord", "Huisbezoek, foto’s van de wasmachine"],
                ["12 februari 2025", "Klantcontactcentrum", "Tweede terugbelverzoek"],
                ["19 februari 2025", "Klantcontactcentrum", "Derde terugbelverzoek"],
                ["24 februari 2025", "Belastingsamenwerking", "Herinnering met dreiging van dwangbevel"]])
    fodt.p("Als ik binnen zes weken geen reactie ontvang, of als ik het niet eens ben met de afhandeling van "
           "deze klacht, wil ik mij wenden tot de gemeentelijke ombudsman. Ik ontvang graag een "
           "ontvangstbevestiging van deze brief.")
    fodt.p("Met vriendelijke groet,")
    fodt.p("\n\nAnnelies Verbruggen-de Wit")


# --------------------------------------------------------------------------------------------
# PDF classes
# --------------------------------------------------------------------------------------------

def make_pdfs():
    lo_dir = BUILD / "lo"
    lo_dir.mkdir(exist_ok=True)
    fodts = []

    # 1. LibreOffice letter ------------------------------------------------------------------
    f = Fodt("Klacht kwijtscheldingsverzoek", author="Annelies Verbruggen-de Wit")
    brief_libreoffice(f)
    fodts.append(f.save(lo_dir / "libreoffice-brief.fodt"))

    # 9b. LibreOffice text in a font with fi/fl ligatures (DejaVu Sans applies 'liga')
    f = Fodt("Ligaturen", font="DejaVu Sans", align="start")
    f.p("**Kwalificatie van de klacht**")
    f.p("De officiële kwalificatie van de klacht is definitief vastgesteld. Het profiel van de "
        "inflatiecorrectie en de fluctuatie in de uitkering zijn in de reflectie meegenomen. "
        "Het conflict over de afficheringskosten en de verificatie van de flexibele regeling "
        "worden in een apart offerteoverzicht beschreven.")
    fodts.append(f.save(lo_dir / "libreoffice-ligaturen.fodt"))

    # 12. 50-page report -------------------------------------------------------------------------
    f = report_fodt()
    fodts.append(f.save(lo_dir / "rapport-50-paginas.fodt"))

    # letters for scans / OCR and for the encrypted PDFs and mail attachments
    for name, maker in SCAN_LETTERS.items():
        f = Fodt(name, font="DejaVu Serif", size="12pt", align="start", footer="")
        maker(f)
        fodts.append(f.save(lo_dir / (name + ".fodt")))
    for name, maker in SMALL_DOCS.items():
        f = Fodt(name, align="start")
        maker(f)
        fodts.append(f.save(lo_dir / (name + ".fodt")))

    soffice(fodts, "pdf:writer_pdf_Export", lo_dir)

    shutil.copy(lo_dir / "libreoffice-brief.pdf", out("pdf/libreoffice-brief.pdf"))
    e = add("pdf/libreoffice-brief.pdf", "pdf-libreoffice", "pdf",
            ["kwijtscheldingsverzoek", "wasmachinevergoeding", "huisbezoekverslag", "coördinatiegesprek",
             "geïnformeerd", "terugbelverzoek", "café De Reünie", "niet één keer", "Belastingsamenwerking",
             "ontvangstbevestiging"],
            "3-page complaint letter, flat ODT exported by LibreOffice 7.4 (DejaVu Serif/Sans, embedded "
            "TrueType subsets); page 3 has a table; curly quotes and euro signs.")
    verify_pdf(e)

    shutil.copy(lo_dir / "libreoffice-ligaturen.pdf", out("pdf/libreoffice-ligaturen.pdf"))
    e = add("pdf/libreoffice-ligaturen.pdf", "pdf-ligatures", "pdf",
            ["officiële", "kwalificatie", "definitief", "profiel", "inflatiecorrectie", "fluctuatie",
             "reflectie", "conflict", "afficheringskosten", "verificatie", "flexibele", "offerteoverzicht"],
            "LibreOffice export of text in DejaVu Sans, which has fi/fl/ffi ligature glyphs that HarfBuzz "
            "applies by default; LibreOffice's ToUnicode maps each ligature glyph back to its letters.")
    verify_pdf(e)

    shutil.copy(lo_dir / "rapport-50-paginas.pdf", out("pdf/rapport-50-paginas.pdf"))
    e = add("pdf/rapport-50-paginas.pdf", "pdf-50-pages", "pdf",
            ["klantreisanalyse", "Voorbeeldstad", "wachttijdregistratie", "escalatieprotocol",
             "doorlooptijdenoverzicht", "slotbeschouwing", "eindmarkering"],
            "About 50-page investigation report exported by LibreOffice (headings, page numbers in the "
            "footer, running header, tables, footnotes) for the performance budget. 'klantreisanalyse' is on "
            "page 1, 'doorlooptijdenoverzicht' in the caption under a table in chapter 8, 'escalatieprotocol' in a footnote, "
            "'eindmarkering' only on the last page.")
    verify_pdf(e)

    # 2. pdflatex ---------------------------------------------------------------------------------
    make_tex()
    # 3. Type 3 -----------------------------------------------------------------------------------
    make_type3()
    # 4. form --------------------------------------------------------------------------------------
    make_form()
    # 5. AES ---------------------------------------------------------------------------------------
    make_aes(lo_dir)
    # 6. broken --------------------------------------------------------------------------------
    make_broken()
    # 7. incremental -------------------------------------------------------------------------------
    make_incremental()
    # 8. TJ ----------------------------------------------------------------------------------------
    make_tj()
    # 9. ligatures (hand) --------------------------------------------------------------------------
    make_ligatures_hand()
    # 10. image-only / mixed -------------------------------------------------------------------------
    make_image_pdfs(lo_dir)
    # 11. hostile ---------------------------------------------------------------------------------
    make_hostile()


def tex_build(name, src, dest):
    d = BUILD / ("tex-" + name)
    d.mkdir(exist_ok=True)
    (d / (name + ".tex")).write_text(src, encoding="utf-8")
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, FORCE_SOURCE_DATE="1")
    for _ in range(2):
        r = run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", name + ".tex"], cwd=d,
                env=env, check=False, timeout=300)
    if r.returncode != 0:
        warn("pdflatex %s failed: %s" % (name, r.stdout.decode()[-800:]))
    shutil.copy(d / (name + ".pdf"), out(dest))


TEX_BODY = r"""
\begin{document}
\begin{center}
{\Large\bfseries Gemeente Voorbeeldstad}\\[2pt]
{\large Officieel verslag van het klachtgesprek over de zonnepanelensubsidie}\\[4pt]
{\small Kenmerk KL-2025-0311 \quad 11 maart 2025}
\end{center}

\section{Aanleiding}
Op 4 februari 2025 diende de heer Bastiaan Oudendijk een klacht in over de afhandeling van zijn
aanvraag voor de zonnepanelensubsidie. De heer Oudendijk had de aanvraag op 12 september 2024
ingediend via het digitale loket. Volgens hem is hij niet geïnformeerd over de voortgang en heeft
hij pas na vijf maanden een afwijzing ontvangen.\footnote{De bezwaartermijn tegen die afwijzing
loopt tot 18 maart 2025; de klacht staat daar los van.}

Het klachtgesprek vond plaats op 10 maart 2025 in het stadskantoor. Aanwezig waren de heer
Oudendijk, mevrouw Fenna Kroeskamp (klachtcoördinator) en de heer Youssef el Idrissi
(beleidsmedewerker duurzaamheid). De gemeente heeft toegezegd het verslag officieel te
afficheren op het klantportaal, zodat de heer Oudendijk het kan nalezen.

\section{Bevindingen}
De fluctuatie in de doorlooptijden is groot. In het officiële overzicht staat dat de gemiddelde
behandeltijd in 2024 elf weken was, maar voor aanvragen die in september binnenkwamen was dat
bijna twintig weken. De afdeling heeft een flinke achterstand opgelopen door een storing in het
zaaksysteem en door de reünie van het oude subsidieloket met het nieuwe energieloket.

\begin{table}[h]
\centering
\begin{tabular}{|l|r|r|}
\hline
\textbf{Maand} & \textbf{Aanvragen} & \textbf{Beschikkingsdatum (gem.)} \\
\hline
juli 2024 & 112 & na 9 weken \\
augustus 2024 & 98 & na 12 weken \\
september 2024 & 141 & na 19 weken \\
oktober 2024 & 87 & na 14 weken \\
\hline
\end{tabular}
\caption{Aanvragen zonnepanelensubsidie en gemiddelde beschikkingsdatum}
\end{table}

Uit het dossier blijkt verder dat de afwijzing is gebaseerd op een verkeerde berekening van het
vermogen van de installatie. De beleidsmedewerker erkende in het gesprek dat de effectieve
capaciteit van 3,9 kWp onder de grens viel en dat de afwijzing dus niet had gemogen.

\section{Afspraken}
De gemeente neemt binnen drie weken een nieuw besluit. Mevrouw Kroeskamp houdt de heer Oudendijk
op de hoogte en stuurt hem één keer per week een korte stand van zaken. Daarnaast biedt de gemeente
een vergoeding van \texttt{EUR 75,-} aan voor de gemaakte kosten en het ongemak. Het café
naast het stadskantoor bood de koffie aan; dat staat los van deze afspraken.
\end{document}
"""


def make_tex():
    src = (r"\documentclass[11pt,a4paper]{article}" "\n"
           r"\usepackage[T1]{fontenc}\usepackage{lmodern}\renewcommand{\tablename}{Tabel}" "\n"
           r"\pdftrailerid{}\pdfinfoomitdate=1\pdfsuppressptexinfo=-1" "\n"
           r"\pdfinfo{/Title (Officieel verslag klachtgesprek) /Author (Gemeente Voorbeeldstad)}" "\n" + TEX_BODY)
    tex_build("tex-verslag", src, "pdf/tex-verslag.pdf")
    e = add("pdf/tex-verslag.pdf", "pdf-tex", "pdf",
            ["zonnepanelensubsidie", "officieel", "afficheren", "fluctuatie", "officiële", "Beschikkingsdatum",
             "bezwaartermijn", "geïnformeerd", "reünie", "één keer", "effectieve", "flinke"],
            "pdflatex (TeX Live 2022), article class, T1 + Latin Modern Type 1 fonts; section "
            "headings, a table with caption, a footnote ('bezwaartermijn'), fi/ff/ffi/fl ligatures in "
            "'officieel', 'afficheren', 'fluctuatie', 'effectieve', 'flinke'; diacritics are precomposed glyphs "
            "in T1 encoding. Hyphenation may split words at line ends.")
    verify_pdf(e)


def make_type3():
    src = (r"\documentclass[11pt,a4paper]{article}" "\n"
           r"\usepackage[T1]{fontenc}\renewcommand{\tablename}{Tabel}" "\n"
           r"\pdftrailerid{}\pdfinfoomitdate=1\pdfsuppressptexinfo=-1" "\n"
           r"\pdfinfo{/Title (Leerlingenvervoer) /Author (Gemeente Voorbeeldstad)}" "\n"
           r"""\begin{document}
\section*{Klacht over het leerlingenvervoer}
Mevrouw Ilse Scheepmaker klaagt over het leerlingenvervoer van haar zoon Daan naar de
Mariaschool. De taxi kwam in januari 2025 zes keer te laat en één keer helemaal niet. Het
klantcontactcentrum heeft haar niet geïnformeerd over de wisseling van vervoerder.

De gemeente heeft op 20 februari een gesprek gevoerd in café De Reünie, op verzoek van
mevrouw Scheepmaker. Daarin is afgesproken dat de vervoerder een vaste chauffeur inzet.
De coördinatie tussen de afdeling onderwijs en de vervoerder wordt verbeterd. De reactietijd
van de vervoerder wordt voortaan maandelijks gerapporteerd aan de wethouder. Het officiële
verslag wordt op de website geafficheerd; de fluctuatie in de reistijd blijft een punt van
aandacht, net als de efficiëntie van de planning.
\end{document}
""")
    tex_build("type3-leerlingenvervoer", src, "pdf/type3-leerlingenvervoer.pdf")
    e = add("pdf/type3-leerlingenvervoer.pdf", "pdf-type3", "pdf",
            ["leerlingenvervoer", "Scheepmaker", "Mariaschool", "vervoerder", "geïnformeerd", "één keer",
             "café De Reünie", "coördinatie", "wethouder", "officiële", "geafficheerd", "fluctuatie",
             "efficiëntie"],
            "pdflatex with T1 fontenc and no cm-super/lmodern: the EC fonts are made by METAFONT as PK "
            "bitmaps and embedded as Type 3 fonts (no ToUnicode; glyph names a0..a255 in /Differences), so "
            "a reader must map codes through the T1 encoding. 'coördinatie' and 'geïnformeerd' use "
            "precomposed T1 glyphs. 'officiële', 'geafficheerd', 'fluctuatie', 'efficiëntie' use the T1 "
            "ligature glyphs (ffi, fl): pdftotext drops those glyphs entirely ('ociële', 'geacheerd', "
            "'uctuatie', 'eciëntie'), because the glyph names are just a27..a31 (T1 ligature codes 0x1B-0x1F) and the codes are read "
            "as Latin-1-ish, which works for letters and ö/ë/é (T1 = Latin-1 there) but not ligatures.")
    verify_pdf(e)


def form_pdf():
    pdf = PDF()
    cat = pdf.reserve()
    pages = pdf.reserve()
    page = pdf.reserve()
    helv = pdf.add(HELV)
    helvb = pdf.add(HELVB)
    fields = [
        ("naam", "Naam indiener", "Hendrikje Zwanenburg", 700),
        ("adres", "Adres", "Kastanjelaan 3, 4811 BN Voorbeeldstad", 670),
        ("onderwerp", "Onderwerp", "maatwerkvoorziening", 640),
        ("voorziening", "Aangevraagde voorziening", "trapliftaanvraag", 610),
        ("contact", "Contact gehad met", "wijkcoördinator Hüseyin Çelik", 580),
    ]
    widgets = []
    for name, label, value, y in fields:
        ap_content = (b"/Tx BMC q 1 1 298 18 re W n BT /Helv 10 Tf 0 g 3 5 Td " + pdf_str(value) +
                      b" Tj ET Q EMC\n")
        ap = pdf.add(PDF.stream(b"/Type /XObject /Subtype /Form /BBox [0 0 300 20] "
                                b"/Resources << /Font << /Helv %d 0 R >> >>" % helv, ap_content, flate=False))
        w = pdf.add(b"<< /Type /Annot /Subtype /Widget /FT /Tx /T " + pdf_str(name) + b" /TU " +
                    pdf_text_string(label) + b" /V " + pdf_text_string(value) +
                    b" /DA (/Helv 10 Tf 0 g) /F 4 /Rect [230 %d 530 %d] /P %d 0 R "
                    b"/MK << /BC [0 0 0] /BG [1 1 1] >> /AP << /N %d 0 R >> >>" % (y - 5, y + 15, page, ap))
        widgets.append(w)
    # multi-line field
    value = "Traplift al acht maanden niet geleverd.\rGeen reactie van de Wmo-consulent."
    ap_content = (b"/Tx BMC q 1 1 398 58 re W n BT /Helv 10 Tf 0 g 3 45 Td 12 TL " +
                  pdf_str("Traplift al acht maanden niet geleverd.") + b" Tj T* " +
                  pdf_str("Geen reactie van de Wmo-consulent.") + b" Tj ET Q EMC\n")
    ap = pdf.add(PDF.stream(b"/Type /XObject /Subtype /Form /BBox [0 0 400 60] "
                            b"/Resources << /Font << /Helv %d 0 R >> >>" % helv, ap_content, flate=False))
    widgets.append(pdf.add(b"<< /Type /Annot /Subtype /Widget /FT /Tx /Ff 4096 /T (toelichting) /TU (Toelichting) /V "
                           + pdf_str(value) + b" /DA (/Helv 10 Tf 0 g) /F 4 /Rect [130 470 530 530] /P %d 0 R "
                           b"/MK << /BC [0 0 0] >> /AP << /N %d 0 R >> >>" % (page, ap)))
    content = [b"BT /F2 16 Tf 72 770 Td " + pdf_str("Klachtformulier Gemeente Voorbeeldstad") + b" Tj ET",
               b"BT /F1 10 Tf 72 745 Td " + pdf_str("Vul dit formulier in en stuur het naar het klantcontactcentrum.") + b" Tj ET"]
    for name, label, value, y in fields:
        content.append(b"BT /F1 11 Tf 72 %d Td " % y + pdf_str(label + ":") + b" Tj ET")
    content.append(b"BT /F1 11 Tf 72 515 Td (Toelichting:) Tj ET")
    content.append(b"BT /F1 9 Tf 72 430 Td " + pdf_str("Formuliernummer KF-07, versie 2025.") + b" Tj ET")
    c = pdf.add(PDF.stream(b"", b"\n".join(content) + b"\n", flate=False))
    pdf.set(page, b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R "
            b"/F2 %d 0 R >> >> /Contents %d 0 R /Annots [%s] >>"
            % (pages, helv, helvb, c, b" ".join(b"%d 0 R" % w for w in widgets)))
    pdf.set(pages, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    pdf.set(cat, b"<< /Type /Catalog /Pages %d 0 R /AcroForm << /Fields [%s] /DA (/Helv 0 Tf 0 g) "
            b"/DR << /Font << /Helv %d 0 R >> >> >> >>" % (pages, b" ".join(b"%d 0 R" % w for w in widgets), helv))
    info = pdf.add(info_dict("Klachtformulier", "Gemeente Voorbeeldstad"))
    return pdf.build(cat, info)


def make_form():
    out("pdf/formulier-acroform.pdf").write_bytes(form_pdf())
    e = add("pdf/formulier-acroform.pdf", "pdf-form", "pdf",
            ["Klachtformulier", "Hendrikje Zwanenburg", "maatwerkvoorziening", "trapliftaanvraag",
             "wijkcoördinator", "Wmo-consulent"],
            "Hand-written AcroForm: page content has only the labels; the values are in six text "
            "fields (merged field/widget annotations) as /V and in /AP /N appearance streams. "
            "'wijkcoördinator Hüseyin Çelik' is a UTF-16BE /V (WinAnsi in the appearance). The "
            "'toelichting' field is multi-line (/Ff 4096, CR in /V). Only the labels and 'Klachtformulier' are "
            "page content; pdftotext finds the values because poppler draws the widgets' appearance streams.")
    verify_pdf(e)


def make_aes(lo_dir):
    src = lo_dir / "versleuteld-bron.pdf"
    out("pdf/versleuteld-aes256.pdf")
    run(["qpdf", "--encrypt", PASSWORD, OWNER_PASSWORD, "256", "--", str(src),
         str(OUT / "pdf/versleuteld-aes256.pdf")])
    e = add("pdf/versleuteld-aes256.pdf", "pdf-aes", "pdf",
            ["schuldhulpverleningstraject", "beslagvrije voet", "budgetcoach", "Meerkoetlaan"],
            "LibreOffice PDF encrypted by qpdf 11 with AES-256 (R6, V5), user password %r, owner password "
            "%r; opening without the user password must fail." % (PASSWORD, OWNER_PASSWORD),
            password=PASSWORD)
    verify_pdf(e)
    src = lo_dir / "versleuteld-bron-128.pdf"
    run(["qpdf", "--encrypt", PASSWORD, OWNER_PASSWORD, "128", "--use-aes=y", "--", str(src),
         str(OUT / "pdf/versleuteld-aes128.pdf")])
    e = add("pdf/versleuteld-aes128.pdf", "pdf-aes", "pdf",
            ["energietoeslag", "huurachterstand", "woningcorporatie", "geïnformeerd"],
            "LibreOffice PDF encrypted by qpdf 11 with AES-128 (R4, V4, AESV2), user password %r." % PASSWORD,
            password=PASSWORD)
    verify_pdf(e)
    # also check that no-password fails
    for f in ("pdf/versleuteld-aes256.pdf", "pdf/versleuteld-aes128.pdf"):
        rc, _, err = pdftotext(OUT / f)
        if rc == 0:
            warn("%s opens without password" % f)


def two_page_letter(title, paras1, paras2=None):
    pages = [text_block(lines_from(paras1))]
    if paras2:
        pages.append(text_block(lines_from(paras2)))
    return simple_pdf(pages, title)


def make_broken():
    # broken xref: every offset off by 17 bytes
    pdf, root, info, _ = two_page_letter("Herinneringsbrief", [
        "# Herinneringsbrief belastingen",
        "Geachte heer Jeroen Bakhuizen,",
        "Op 3 februari 2025 hebben wij u een invorderingsbeschikking gestuurd voor de afvalstoffenheffing "
        "over 2024. Wij hebben nog geen betaling ontvangen. Met deze herinneringsbrief vragen wij u het bedrag "
        "van 289,40 euro binnen veertien dagen te betalen.",
        "Heeft u een kwijtschelding aangevraagd? Dan hoeft u nu niets te doen. Wij beslissen eerst op uw verzoek.",
        "Met vriendelijke groet,", "Afdeling Belastingen, Gemeente Voorbeeldstad"])
    out("pdf/kapot-xref.pdf").write_bytes(pdf.build(root, info, xref_shift=17))
    e = add("pdf/kapot-xref.pdf", "pdf-broken-xref", "pdf",
            ["herinneringsbrief", "invorderingsbeschikking", "Bakhuizen", "afvalstoffenheffing"],
            "Hand-written PDF, otherwise valid, whose xref table has every offset 17 bytes too high, so "
            "no entry points at 'N 0 obj'; readers must rebuild the xref by scanning the file.")
    verify_pdf(e)

    pdf, root, info, _ = two_page_letter("Dwangbevel", [
        "# Dwangbevel en betalingsregeling",
        "Geachte mevrouw Mirjam Teunissen,",
        "U heeft de aanslag rioolheffing niet betaald. Daarom is er een dwangbevel uitgevaardigd. U kunt "
        "een betalingsregeling aanvragen bij het klantcontactcentrum. Neem dan binnen tien dagen contact "
        "met ons op via het telefoonnummer 14 0800.",
        "Met vriendelijke groet,", "Afdeling Invordering, Gemeente Voorbeeldstad"])
    out("pdf/kapot-trailer-ontbreekt.pdf").write_bytes(pdf.build(root, info, trailer="missing"))
    e = add("pdf/kapot-trailer-ontbreekt.pdf", "pdf-broken-trailer", "pdf",
            ["dwangbevel", "betalingsregeling", "Teunissen", "rioolheffing"],
            "Hand-written PDF that ends right after the xref table: no 'trailer' dictionary, no "
            "'startxref', no '%%EOF'. The catalog (object 1) must be found by scanning.")
    verify_pdf(e)

    pdf, root, info, _ = two_page_letter("Parkeervergunning", [
        "# Parkeervergunning bewoners",
        "Geachte heer Koen Wuestenenk,",
        "Uw aanvraag voor een bewonersparkeervergunning in de zone Binnenstad-Oost is ontvangen. "
        "De vergunning gaat in op 1 april 2025. De leges bedragen 64,00 euro per jaar.",
        "Met vriendelijke groet,", "Team Parkeren, Gemeente Voorbeeldstad"])
    out("pdf/kapot-startxref.pdf").write_bytes(pdf.build(root, info, trailer="bad-startxref"))
    e = add("pdf/kapot-startxref.pdf", "pdf-broken-trailer", "pdf",
            ["bewonersparkeervergunning", "Wuestenenk", "Binnenstad-Oost"],
            "Hand-written PDF whose trailer is intact but 'startxref' points to byte 999999, beyond the "
            "end of the file; the xref table itself is correct.")
    verify_pdf(e)

    pdf, root, info, _ = two_page_letter("Leges", [
        "# Nota leges omgevingsvergunning",
        "Geachte heer Onno Lammerink,",
        "Voor de behandeling van uw aanvraag omgevingsvergunning voor een dakkapel brengen wij "
        "legeskosten van 318,75 euro in rekening. Deze legesnota moet binnen dertig dagen worden betaald.",
        "Met vriendelijke groet,", "Team Vergunningen, Gemeente Voorbeeldstad"])
    out("pdf/kapot-trailer-afgekapt.pdf").write_bytes(pdf.build(root, info, trailer="truncated"))
    e = add("pdf/kapot-trailer-afgekapt.pdf", "pdf-broken-trailer", "pdf",
            ["legesnota", "Lammerink", "dakkapel"],
            "Hand-written PDF cut off in the middle of the trailer dictionary ('trailer << /Size 8 /Root 1 0 R "
            "/In...'): no closing '>>', no startxref, no %%EOF, like an interrupted download.")
    verify_pdf(e)

    pdf, root, info, _ = two_page_letter("Paspoort", [
        "# Afspraakbevestiging paspoortaanvraag",
        "Geachte mevrouw Sanne Brinkhorst,",
        "U heeft een afspraak voor een paspoortaanvraag op dinsdag 8 april 2025 om 10.40 uur in het "
        "stadskantoor. Neem uw oude paspoort en een recente pasfoto mee. Het reisdocument is na vijf "
        "werkdagen klaar.",
        "Met vriendelijke groet,", "Burgerzaken, Gemeente Voorbeeldstad"])
    out("pdf/zonder-id.pdf").write_bytes(pdf.build(root, info, with_id=False))
    e = add("pdf/zonder-id.pdf", "pdf-no-id", "pdf",
            ["paspoortaanvraag", "Brinkhorst", "reisdocument"],
            "Hand-written valid PDF 1.4 without /ID in the trailer (allowed for unencrypted PDF < 2.0). "
            "Anything that fingerprints documents by /ID must fall back to another hash.")
    verify_pdf(e)


def make_incremental():
    old = ["# Besluit op uw aanvraag bijzondere bijstand",
           "Geachte heer Thijs Vermeulen-Boukhari,",
           "Wij hebben uw aanvraag voor bijzondere bijstand voor een koelkast beoordeeld. Dit is een "
           "conceptafwijzing: wij wijzen uw aanvraag af omdat de kosten niet bijzonder zijn.",
           "Met vriendelijke groet,", "WIJ-team Zuid, Gemeente Voorbeeldstad"]
    new = ["# Besluit op uw aanvraag bijzondere bijstand",
           "Geachte heer Thijs Vermeulen-Boukhari,",
           "Wij hebben uw aanvraag voor bijzondere bijstand voor een koelkast opnieuw beoordeeld. Met dit "
           "herzieningsbesluit kennen wij uw aanvraag toe. Het toekenningsbedrag is 425,00 euro.",
           "Met vriendelijke groet,", "WIJ-team Zuid, Gemeente Voorbeeldstad"]
    page2 = ["# Bijlage bij het herzieningsbesluit",
             "Dit is de toekenningsbrief met de betaalgegevens. Het bedrag wordt binnen vijf werkdagen "
             "overgemaakt naar uw bekende rekeningnummer.",
             "Deze pagina is toegevoegd in de tweede versie van het document."]
    pdf, root, info, page_nums = simple_pdf([text_block(lines_from(old))], "Besluit bijzondere bijstand")
    base = pdf.build(root, info)
    # objects: 1 cat, 2 pages, 3 F1, 4 F2, 5 content, 6 page, 7 info
    content_num, page1 = 5, page_nums[0]
    assert page1 == 6
    upd = bytearray(base)
    offs = {}

    def put(num, body):
        offs[num] = len(upd)
        upd.extend(b"%d 0 obj\n" % num + body + b"\nendobj\n")

    put(content_num, PDF.stream(b"", text_block(lines_from(new))))  # replace page 1 text
    put(8, PDF.stream(b"", text_block(lines_from(page2))))  # new content
    put(9, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
           b"/Contents 8 0 R >>")
    put(2, b"<< /Type /Pages /Kids [6 0 R 9 0 R] /Count 2 >>")
    put(7, info_dict("Herzieningsbesluit bijzondere bijstand"))
    xref = len(upd)
    upd += b"xref\n0 1\n0000000000 65535 f \n"
    for n in sorted(offs):
        upd += b"%d 1\n%010d 00000 n \n" % (n, offs[n])
    h = re.search(rb"/ID \[<([0-9A-F]+)>", base).group(1)
    h2 = hashlib.md5(bytes(upd)).hexdigest().upper().encode()
    upd += (b"trailer\n<< /Size 10 /Root 1 0 R /Info 7 0 R /Prev %d /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
            % (pdf.xref_pos, h, h2, xref))
    out("pdf/incrementele-update.pdf").write_bytes(bytes(upd))
    e = add("pdf/incrementele-update.pdf", "pdf-incremental", "pdf",
            ["herzieningsbesluit", "toekenningsbedrag", "toekenningsbrief", "opnieuw beoordeeld"],
            "Original one-page PDF (objects 1-7, xref, trailer) plus one incremental update (xref "
            "subsections for objects 2, 5, 7, 8, 9 and a trailer with /Prev) that replaces the page-1 text "
            "and adds page 2. must_not_find are the words of the superseded version: they are still in the "
            "file (the first, Flate-compressed version of object 5 0) but not in the current document.",
            must_not_find=["conceptafwijzing", "niet bijzonder"])
    verify_pdf(e)


def make_tj():
    s = pdf_str
    c = []
    c.append(b"BT /F2 15 Tf 72 770 Td [(Inge) -20 (bre) 15 (ke) -10 (stel) 5 (ling)] TJ ET")
    # a line whose words are separated only by big negative TJ offsets
    c.append(b"BT /F1 11 Tf 72 740 Td [(Geachte) -300 (heer) -300 (Okkerse,)] TJ ET")
    # kerning inside words, real spaces between words
    c.append(b"BT /F1 11 Tf 72 715 Td [(Met deze brief stel ik de gemeente ) (Voor) -15 (beeld) 10 (stad ) "
             b"(in ge) -12 (breke wegens het niet tijdig be) 8 (slissen.)] TJ ET")
    # words placed by Td moves, no space characters at all
    c.append(b"BT /F1 11 Tf 72 690 Td (De) Tj 17 0 Td (beslistermijn) Tj 70 0 Td (is) Tj 13 0 Td "
             b"(op) Tj 16 0 Td (12) Tj 16 0 Td (februari) Tj 44 0 Td (verstreken.) Tj ET")
    # words placed with Tm
    c.append(b"BT /F1 11 Tf 1 0 0 1 72 665 Tm (Ik) Tj 1 0 0 1 86 665 Tm (vorder) Tj 1 0 0 1 124 665 Tm "
             b"(een) Tj 1 0 0 1 148 665 Tm (dwangsom) Tj 1 0 0 1 204 665 Tm (van) Tj "
             b"1 0 0 1 226 665 Tm (de) Tj 1 0 0 1 242 665 Tm (gemeente.) Tj ET")
    # diacritics via WinAnsi octal codes, split in TJ
    c.append(b"BT /F1 11 Tf 72 640 Td [" + s("De wijkco") + b" -5 " + s("ördinator heeft mij niet ge") + b" 10 "
             + s("ïnformeerd, ") + b"-5" + s(" niet ") + b" -300 " + s("één") + b" -300 " + s("keer.") + b"] TJ ET")
    # Tw-spaced and Tc-spaced text, and a line with character spacing tricks
    c.append(b"BT /F1 11 Tf 72 615 Td 3 Tw " + s("Het café bij de reünie was gesloten.") + b" Tj 0 Tw ET")
    c.append(b"BT /F1 11 Tf 72 590 Td 0.5 Tc " + s("Termijnoverschrijding") + b" Tj 0 Tc ET")
    # two columns on one line: positions far apart
    c.append(b"BT /F1 10 Tf 72 560 Td (Kenmerk:) Tj 200 0 Td (IB-2025-0042) Tj ET")
    c.append(b"BT /F1 10 Tf 72 545 Td (Datum:) Tj 200 0 Td (17 maart 2025) Tj ET")
    # a word broken over two text objects without any gap
    c.append(b"BT /F1 11 Tf 72 520 Td (Voorlopige voor) Tj ET BT /F1 11 Tf 149.03 520 Td (ziening) Tj ET")
    c.append(b"BT /F1 11 Tf 72 495 Td [(Met vriendelijke groet,)] TJ 0 -15 Td [(Priya) -250 (Ramdin-Okkerse)] TJ ET")
    content = b"\n".join(c) + b"\n"
    pdf, root, info, _ = simple_pdf([content], "Ingebrekestelling", author="Priya Ramdin-Okkerse", flate=False)
    out("pdf/tj-kerning.pdf").write_bytes(pdf.build(root, info))
    e = add("pdf/tj-kerning.pdf", "pdf-tj", "pdf",
            ["Ingebrekestelling", "Geachte heer Okkerse", "Voorbeeldstad", "in gebreke", "beslistermijn",
             "De beslistermijn is op 12 februari verstreken", "vorder een dwangsom", "wijkcoördinator",
             "geïnformeerd", "niet één keer", "café", "reünie", "Termijnoverschrijding", "IB-2025-0042",
             "Voorlopige voorziening", "Priya Ramdin-Okkerse"],
            "Hand-written, uncompressed content: Helvetica/Helvetica-Bold (standard 14, WinAnsiEncoding, "
            "é/ë/ï/ö as octal codes). Words built from TJ pieces with small kerning offsets inside words "
            "((Inge) -20 (bre) 15 ...), word spaces made only by -300/-250 TJ offsets, words placed by Td "
            "and by Tm with no space characters, Tw and Tc spacing, a word split over two BT blocks "
            "('voor'+'ziening' touching). must_not_find catches spaces inserted at kerns or lost at gaps.",
            must_not_find=["Inge bre", "bre ke", "Voor beeld", "GeachteheerOkkerse", "Geachteheer",
                           "Debeslistermijn", "dwangsomvan", "éénkeer", "voor ziening"])
    verify_pdf(e)


LIG_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Wederhoor-Lig-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
2 beginbfchar
<01> <FB01>
<02> <FB02>
endbfchar
1 beginbfrange
<20> <7E> <0020>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def make_ligatures_hand():
    # Helvetica (standard 14) has fi and fl glyphs; /Differences puts them at codes 1 and 2; code 3 is
    # drawn as /f (there is no ff glyph) but the ToUnicode says U+FB00.
    def lig(word):
        return word.replace("fi", "\x01").replace("fl", "\x02")

    def s(word):
        b = lig(word).encode("latin-1")
        o = bytearray(b"(")
        for ch in b:
            if ch in b"()\\":
                o += b"\\" + bytes([ch])
            elif 32 <= ch < 127:
                o.append(ch)
            else:
                o += b"\\%03o" % ch
        return bytes(o + b")")

    lines = ["Kwalificatie van de klacht",
             "De klacht is definitief gekwalificeerd als gegrond.",
             "Het profiel van de fluctuatie in de uitkering is bekeken.",
             "De inflatiecorrectie is niet toegepast; dat leidde tot een conflict.",
             "Een flexibele oplossing is afgesproken na reflectie.",
             "De officieuze afspraak wordt officieel bevestigd."]
    c = [b"BT /L1 16 Tf 72 770 Td " + s(lines[0]) + b" Tj ET"]
    y = 740
    for ln in lines[1:]:
        c.append(b"BT /L1 11 Tf 72 %d Td " % y + s(ln) + b" Tj ET")
        y -= 18
    pdf = PDF()
    cat = pdf.reserve()
    pages = pdf.reserve()
    cmap = pdf.add(PDF.stream(b"", LIG_CMAP))
    font = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
                   b"/BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl] >> /ToUnicode %d 0 R >>" % cmap)
    cont = pdf.add(PDF.stream(b"", b"\n".join(c) + b"\n", flate=False))
    page = pdf.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /L1 %d 0 R >> >> "
                   b"/Contents %d 0 R >>" % (pages, font, cont))
    pdf.set(pages, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    pdf.set(cat, b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    info = pdf.add(info_dict("Ligaturen met ToUnicode"))
    out("pdf/ligaturen-tounicode.pdf").write_bytes(pdf.build(cat, info))
    e = add("pdf/ligaturen-tounicode.pdf", "pdf-ligatures", "pdf",
            ["Kwalificatie", "definitief", "gekwalificeerd", "profiel", "fluctuatie", "inflatiecorrectie",
             "conflict", "flexibele", "reflectie", "officieuze", "officieel"],
            "Hand-written: Helvetica (standard 14) with /Differences [1 /fi /fl] and a ToUnicode CMap "
            "mapping code 1 to U+FB01 and code 2 to U+FB02 (ASCII codes map to themselves); 'ffi' is "
            "f + the fi ligature, so the raw text of 'officieel' is 'ofﬁcieel'. must_find is in plain "
            "letters: an extractor must NFKC-fold ﬁ/ﬂ to find them.")
    txt = verify_pdf(e)


# Letters used for scans / OCR --------------------------------------------------------------------

def scan_huurtoeslag(f):
    f.adres(["Gemeente Voorbeeldstad", "WIJ-team Oost", "Postbus 1200", "4800 AA Voorbeeldstad"])
    f.p("Voorbeeldstad, 2 april 2025")
    f.p("Onderwerp: aanvraag schuldhulpverlening en huurtoeslag")
    f.p("Geachte mevrouw Achterberg,")
    f.p("Op 18 maart 2025 heeft u bij ons een aanvraag voor schuldhulpverlening ingediend. In het gesprek "
        "met onze budgetconsulent heeft u verteld dat u een achterstand heeft bij de woningcorporatie en "
        "bij de energieleverancier. Wij hebben uw aanvraag in behandeling genomen.")
    f.p("Om uw situatie goed te kunnen beoordelen, hebben wij nog de volgende stukken nodig:")
    f.p("- een overzicht van al uw schulden;\n- de beschikking huurtoeslag over 2025;\n"
        "- uw bankafschriften van de laatste drie maanden.")
    f.p("Stuur deze stukken uiterlijk 16 april 2025 naar het WIJ-team. Als wij de stukken niet op tijd "
        "ontvangen, kunnen wij uw aanvraag niet verder behandelen.")
    f.p("Heeft u vragen? Bel dan het klantcontactcentrum op telefoonnummer 14 0800.")
    f.p("Met vriendelijke groet,")
    f.p("Martijn de Vries\nbudgetconsulent WIJ-team Oost")


def scan_bezwaar(f):
    f.adres(["Karim Bouzidi", "Populierenhof 22", "4813 ZL Voorbeeldstad"])
    f.adres(["Gemeente Voorbeeldstad", "Bezwaarschriftencommissie", "Postbus 1200", "4800 AA Voorbeeldstad"])
    f.p("Voorbeeldstad, 9 april 2025")
    f.p("Onderwerp: bezwaarschrift tegen de beëindiging van mijn huishoudelijke hulp")
    f.p("Geachte leden van de commissie,")
    f.p("Hierbij maak ik bezwaar tegen het besluit van 27 maart 2025, waarin de gemeente mijn indicatie "
        "voor huishoudelijke hulp per 1 mei 2025 beëindigt. Ik ben het niet eens met dit besluit.")
    f.p("Sinds mijn heupoperatie kan ik niet zelf stofzuigen of de ramen lappen. De keukentafelgesprek "
        "notitie van de consulent klopt niet: daarin staat dat mijn dochter mij helpt, maar zij woont in "
        "Groningen en komt maar één keer per maand.")
    f.p("Ik vraag de commissie het besluit te herroepen en mij te horen voordat een nieuw besluit wordt "
        "genomen. De medische verklaring van mijn huisarts stuur ik mee.")
    f.p("Met vriendelijke groet,")
    f.p("Karim Bouzidi")


def scan_leefgeld(f):
    f.adres(["Gemeente Voorbeeldstad", "Afdeling Werk en Inkomen", "Postbus 1200", "4800 AA Voorbeeldstad"])
    f.p("Voorbeeldstad, 23 april 2025")
    f.p("Onderwerp: terugvordering van uw bijstandsuitkering")
    f.p("Geachte heer Dijkstra,")
    f.p("Uit ons onderzoek blijkt dat u in de periode van januari tot en met maart 2025 inkomsten uit "
        "vrijwilligerswerk heeft ontvangen die u niet aan ons heeft doorgegeven. Daarom vorderen wij een "
        "bedrag van 630 euro van u terug.")
    f.p("U kunt dit bedrag in termijnen terugbetalen. Wij stellen een aflossing van 45 euro per maand voor. "
        "Dit bedrag houden wij in op uw uitkering, tenzij u binnen twee weken iets anders met ons afspreekt.")
    f.p("Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken.")
    f.p("Met vriendelijke groet,")
    f.p("Sandra Hoekstra\nteamleider Werk en Inkomen")


def scan_bijlage(f):
    f.p("Bijlage 2: verslag van het telefoongesprek")
    f.p("Datum: 11 maart 2025\nMedewerker: Lotte van Amerongen, klantcontactcentrum\n"
        "Burger: mevrouw Verbruggen-de Wit")
    f.p("Mevrouw belt over haar aanvraag bijzondere bijstand voor een wasmachine. Zij is boos omdat zij "
        "al drie keer is beloofd dat zij wordt teruggebeld. Ik heb de melding doorgezet naar het WIJ-team "
        "Noord met het verzoek om vandaag nog contact op te nemen. Mevrouw heeft aangegeven dat zij een "
        "klacht gaat indienen.")
    f.p("Vervolgactie: terugbellen door de wijkconsulent voor vrijdag 14 maart.")


SCAN_LETTERS = {"scan-schuldhulp": scan_huurtoeslag, "scan-bezwaar": scan_bezwaar,
                "scan-terugvordering": scan_leefgeld, "scan-bijlage": scan_bijlage}


def doc_versleuteld(f):
    f.p("**Vertrouwelijk: plan van aanpak schuldhulpverleningstraject**")
    f.p("Cliënt: mevrouw Noor Ouwehand, Meerkoetlaan 8, Voorbeeldstad")
    f.p("In het schuldhulpverleningstraject wordt eerst de beslagvrije voet opnieuw berekend. De "
        "budgetcoach neemt contact op met de deurwaarder en de zorgverzekeraar. Mevrouw Ouwehand krijgt "
        "elke twee weken een gesprek met de budgetcoach.")


def doc_versleuteld128(f):
    f.p("**Notitie energietoeslag en huurachterstand**")
    f.p("De heer Wouter Gerritsen heeft de energietoeslag 2024 niet ontvangen. Daardoor is een "
        "huurachterstand ontstaan bij de woningcorporatie. Hij is niet geïnformeerd over de afwijzing.")


def doc_mail_bijlage(f):
    f.p("**Inkomensverklaring 2024**")
    f.p("Naam: Ruud Hagenbeek\nBSN: 999990019 (testnummer)\nAdres: Wilgenweg 5, Voorbeeldstad")
    f.p("Hierbij verklaart de afdeling Werk en Inkomen dat de heer Hagenbeek in 2024 een "
        "bijstandsuitkering ontving. Deze inkomensverklaring is bedoeld voor de aanvraag van een "
        "kwijtschelding van de waterschapsbelasting.")


def doc_mail_bijlage2(f):
    f.p("**Kapvergunning: beslissing**")
    f.p("Aan de heer Frits Oosterbroek. Uw aanvraag voor een kapvergunning voor twee eiken aan de "
        "Beukenlaan is geweigerd, omdat de bomen op de lijst met monumentale bomen staan. Er geldt een "
        "bomenkapverbod tot nader order.")


SMALL_DOCS = {"versleuteld-bron": doc_versleuteld, "versleuteld-bron-128": doc_versleuteld128,
              "mail-inkomensverklaring": doc_mail_bijlage, "mail-kapvergunning": doc_mail_bijlage2}

SCAN_TRUTH = {}


def fodt_plaintext(path):
    x = Path(path).read_text(encoding="utf-8")
    body = x.split("<office:text>", 1)[1]
    body = re.sub(r"<text:line-break/>|</text:p>|</text:h>", "\n", body)
    body = re.sub(r"<[^>]+>", "", body)
    import html
    return html.unescape(body)


def render_pbm(pdf, dest_stem, dpi=300, mono=True):
    args = ["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile"]
    args += ["-mono"] if mono else ["-gray"]
    run(args + [str(pdf), str(dest_stem)])
    return Path(str(dest_stem) + (".pbm" if mono else ".pgm"))


def read_pnm(path):
    data = Path(path).read_bytes()
    m = re.match(rb"(P[45])\s+(?:#.*\s+)*(\d+)\s+(\d+)\s+(?:(\d+)\s)?", data)
    kind, w, h = m.group(1), int(m.group(2)), int(m.group(3))
    if kind == b"P4":
        m = re.match(rb"P4\s+(\d+)\s+(\d+)\s", data)
    return kind, w, h, data[m.end():]


def image_page_objs(pdf, img_bytes_obj):
    return img_bytes_obj


def make_image_pdfs(lo_dir):
    for name in SCAN_LETTERS:
        SCAN_TRUTH[name] = fodt_plaintext(lo_dir / (name + ".fodt"))
    # image-only: 300 dpi 1-bit Flate image
    pbm = render_pbm(lo_dir / "scan-schuldhulp.pdf", BUILD / "scan-schuldhulp-300")
    kind, w, h, bits = read_pnm(pbm)
    pdf = PDF()
    cat = pdf.reserve()
    pages = pdf.reserve()
    img = pdf.add(PDF.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                             b"/BitsPerComponent 1 /Decode [1 0]" % (w, h), bits))
    cont = pdf.add(PDF.stream(b"", b"q 595.28 0 0 841.89 0 0 cm /Im1 Do Q\n"))
    page = pdf.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im1 %d 0 R >> >> "
                   b"/Contents %d 0 R >>" % (pages, img, cont))
    pdf.set(pages, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    pdf.set(cat, b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    info = pdf.add(info_dict("Scan brief schuldhulpverlening", "Scanner KCC-03"))
    out("pdf/scan-alleen-beeld.pdf").write_bytes(pdf.build(cat, info))
    e = add("pdf/scan-alleen-beeld.pdf", "pdf-image-only", "pdf",
            ["schuldhulpverlening", "budgetconsulent", "woningcorporatie", "bankafschriften", "Achterberg"],
            "One page that is only a %dx%d 1-bit image (300 dpi, FlateDecode, /Decode [1 0]) rendered "
            "from a LibreOffice letter; no text layer. must_find words need OCR." % (w, h),
            ocr_only=True)
    verify_pdf(e)
    verify_ocr(e, SCAN_TRUTH["scan-schuldhulp"], path=pbm)

    # mixed: page 1 text, page 2 grey JPEG image at 200 dpi
    pgm = render_pbm(lo_dir / "scan-bijlage.pdf", BUILD / "scan-bijlage-200", dpi=200, mono=False)
    jpg = BUILD / "scan-bijlage.jpg"
    run([CONVERT, str(pgm), "-strip", "-quality", "60", "-sampling-factor", "1x1", str(jpg)])
    jdata = jpg.read_bytes()
    _, w, h, _ = read_pnm(pgm)
    pdf = PDF()
    cat = pdf.reserve()
    pages = pdf.reserve()
    f1 = pdf.add(HELV)
    f2 = pdf.add(HELVB)
    text = text_block(lines_from([
        "# Doorzending klachtdossier",
        "Aan: de gemeentelijke ombudsman",
        "Hierbij zenden wij u het klachtdossier van mevrouw Verbruggen-de Wit door. De tweede pagina is een "
        "gescande bijlage: het verslag van een telefoongesprek met het klantcontactcentrum.",
        "Dossiernummer: OMB-2025-0193", "Met vriendelijke groet,", "Klachtcoördinator Gemeente Voorbeeldstad"]))
    c1 = pdf.add(PDF.stream(b"", text))
    p1 = pdf.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R "
                 b"/F2 %d 0 R >> >> /Contents %d 0 R >>" % (pages, f1, f2, c1))
    img = pdf.add(PDF.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                             b"/BitsPerComponent 8 /Filter /DCTDecode" % (w, h), jdata, flate=False))
    c2 = pdf.add(PDF.stream(b"", b"q 595.28 0 0 841.89 0 0 cm /Im1 Do Q\n"))
    p2 = pdf.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im1 %d 0 R >> >> "
                 b"/Contents %d 0 R >>" % (pages, img, c2))
    pdf.set(pages, b"<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>" % (p1, p2))
    pdf.set(cat, b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    info = pdf.add(info_dict("Doorzending klachtdossier met scan"))
    out("pdf/gemengd-tekst-en-scan.pdf").write_bytes(pdf.build(cat, info))
    ocr_words = ["telefoongesprek", "Amerongen", "wasmachine", "teruggebeld", "wijkconsulent"]
    e = add("pdf/gemengd-tekst-en-scan.pdf", "pdf-mixed", "pdf",
            ["klachtdossier", "OMB-2025-0193", "Klachtcoördinator"] + ocr_words,
            "Page 1 is real text (Helvetica); page 2 is only a greyscale %dx%d JPEG (200 dpi, DCTDecode) of a "
            "scanned attachment. must_find_ocr lists the words that are only on the image page." % (w, h),
            must_find_ocr=ocr_words)
    verify_pdf(e)
    verify_ocr(e, SCAN_TRUTH["scan-bijlage"], path=pgm)


def make_hostile():
    pdf = PDF()
    cat = pdf.reserve()
    pages = pdf.reserve()
    f1 = pdf.add(HELV)
    x1 = pdf.reserve()
    x2 = pdf.reserve()
    x3 = pdf.reserve()
    pdf.set(x1, PDF.stream(b"/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Resources << /XObject << /X1 %d 0 R >> "
                           b"/Font << /F1 %d 0 R >> >>" % (x1, f1),
                           b"BT /F1 8 Tf 0 0 Td (x) Tj ET 0.9 0 0 0.9 5 5 cm /X1 Do\n", flate=False))
    pdf.set(x2, PDF.stream(b"/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Resources << /XObject << /X3 %d 0 R >> >>" % x3,
                           b"/X3 Do\n", flate=False))
    pdf.set(x3, PDF.stream(b"/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Resources << /XObject << /X2 %d 0 R >> >>" % x2,
                           b"/X2 Do\n", flate=False))
    content = (b"BT /F1 12 Tf 72 770 Td " + pdf_str("Deze pagina tekent een zelfverwijzend formulierobject.") +
               b" Tj ET\nq 1 0 0 1 72 400 cm /X1 Do Q\nq 1 0 0 1 300 400 cm /X2 Do Q\n")
    c = pdf.add(PDF.stream(b"", content, flate=False))
    page = pdf.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> "
                   b"/XObject << /X1 %d 0 R /X2 %d 0 R >> >> /Contents %d 0 R >>" % (pages, f1, x1, x2, c))
    pdf.set(pages, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    pdf.set(cat, b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    info = pdf.add(info_dict("Zelfverwijzend XObject"))
    out("pdf/vijandig-xobject.pdf").write_bytes(pdf.build(cat, info))
    e = add("pdf/vijandig-xobject.pdf", "hostile", "pdf", [],
            "Hostile: Form XObject X1 whose own /Resources /XObject names itself and whose content ends in "
            "'/X1 Do' (infinite recursion; it also draws an 'x' each level), and X2/X3 that call each other. "
            "A reader must stop (depth limit or cycle check) without hanging or overflowing the stack. The "
            "page text 'zelfverwijzend formulierobject' may be extracted but is not required.")
    verify_pdf(e)


# --------------------------------------------------------------------------------------------
# 50-page report
# --------------------------------------------------------------------------------------------

def report_fodt():
    import random
    rng = random.Random(20250310)
    f = Fodt("Onderzoeksrapport klantcontact", author="Gemeentelijke ombudsman Voorbeeldstad",
             header="Onderzoeksrapport OMB-2025-07 — Gemeente Voorbeeldstad",
             footer='Pagina <text:page-number text:select-page="current"/> van <text:page-count/>')
    f.title("Bereikbaar, maar niet bereikt")
    f.p("Onderzoek naar de afhandeling van hulpvragen door het klantcontactcentrum en de WIJ-teams van de "
        "gemeente Voorbeeldstad, met een klantreisanalyse van 42 dossiers", "Text_20_body")
    f.p("Rapportnummer OMB-2025-07 — Voorbeeldstad, juni 2025")
    f.pagebreak()
    onderwerpen = ["het klantcontactcentrum", "het WIJ-team Noord", "het WIJ-team Zuid", "het WIJ-team Oost",
                   "de afdeling Werk en Inkomen", "de afdeling Belastingen", "het team Schuldhulpverlening",
                   "de balie van het stadskantoor", "de bezwaarschriftencommissie", "het Wmo-loket"]
    acties = ["registreert de hulpvraag niet altijd volledig", "belt burgers vaak later terug dan beloofd",
              "stuurt de vraag door zonder de burger te informeren", "hanteert een eigen werkinstructie",
              "heeft geen zicht op de beslistermijn", "werkt met een verouderd zaaksysteem",
              "legt afspraken niet schriftelijk vast", "ontvangt onvolledige overdrachten",
              "geeft burgers tegenstrijdige informatie", "heeft te weinig capaciteit in de piekmaanden"]
    gevolgen = ["Daardoor wachten burgers langer op een besluit dan nodig is.",
                "Burgers moeten hun verhaal daardoor meerdere keren vertellen.",
                "Het gevolg is dat termijnen worden overschreden zonder dat iemand dat merkt.",
                "Dat leidt tot frustratie en soms tot financiële problemen bij de burger.",
                "De ombudsman ziet dit patroon in een groot deel van de onderzochte dossiers.",
                "Medewerkers geven aan dat zij dit zelf ook als een probleem ervaren.",
                "In enkele gevallen leidde dit tot een aanmaning of een dwangbevel dat niet nodig was.",
                "Hierdoor is niet na te gaan wie verantwoordelijk is voor de volgende stap."]
    zinnen = ["In {n} van de 42 dossiers bleek dat {o} {a}.",
              "Uit de gesprekken met medewerkers komt naar voren dat {o} {a}.",
              "De ombudsman stelt vast dat {o} {a}.",
              "Volgens de betrokken burgers {a2} {o} vooral in de periode rond {m}.",
              "Een teamleider vertelde dat {o} sinds {m} {a}.",
              "Bij de dossieranalyse viel op dat {o} {a}."]
    maanden = ["januari", "februari", "maart", "april", "mei", "september", "oktober", "november", "december"]
    namen = ["mevrouw A.", "de heer B.", "mevrouw C.", "de heer D.", "mevrouw E.", "de heer F.", "mevrouw G."]
    casus = ["{naam} vroeg in {m} bijzondere bijstand aan voor een bed voor haar kind. Het "
             "klantcontactcentrum zette de vraag door naar het WIJ-team, maar daar kwam de vraag nooit aan.",
             "{naam} had een kwijtscheldingsverzoek ingediend, maar kreeg in {m} toch een aanmaning. Pas na "
             "een klacht werd de invordering stopgezet.",
             "{naam} belde in {m} vier keer met het klantcontactcentrum over een traplift. Elke keer kreeg "
             "{naam} een andere medewerker aan de lijn en een ander antwoord.",
             "{naam} wachtte zeventien weken op een besluit over de energietoeslag. De beslistermijn was "
             "toen al ruim overschreden, maar {naam} was daarover niet geïnformeerd.",
             "{naam} kreeg van het WIJ-team de toezegging van een coördinatiegesprek met alle betrokken "
             "afdelingen. Dat gesprek vond pas vier maanden later plaats."]
    hoofdstukken = ["Inleiding", "Aanpak van het onderzoek", "Het klantcontactcentrum", "De WIJ-teams",
                    "Bijzondere bijstand", "Kwijtschelding en invordering", "Terugbellen en doorverwijzen",
                    "Registratie en zaaksysteem", "Samenwerking tussen afdelingen", "Klachtbehandeling",
                    "Ervaringen van burgers", "Vergelijking met andere gemeenten", "Reactie van het college",
                    "Conclusies", "Aanbevelingen"]
    fn_count = 0

    def alinea(k=6):
        nonlocal fn_count
        s = []
        for _ in range(k):
            t = rng.choice(zinnen).format(n=rng.randint(3, 31), o=rng.choice(onderwerpen), a=rng.choice(acties),
                                          a2="ervaren problemen met", m=rng.choice(maanden))
            t = t[0].upper() + t[1:]
            s.append(t)
            if rng.random() < 0.35:
                s.append(rng.choice(gevolgen))
        txt = " ".join(s)
        if rng.random() < 0.18:
            fn_count += 1
            txt += "[[fn:Zie dossier %d-%03d; de gegevens zijn geanonimiseerd.]]" % (2024, rng.randint(1, 400))
        return txt

    for hi, titel in enumerate(hoofdstukken, 1):
        if hi > 1:
            f.pagebreak()
        f.h("%d. %s" % (hi, titel), 1)
        if hi == 1:
            f.p("Dit rapport beschrijft de uitkomsten van een onderzoek van de gemeentelijke ombudsman naar de "
                "manier waarop de gemeente Voorbeeldstad omgaat met hulpvragen van burgers. Centraal staat een "
                "klantreisanalyse: voor 42 burgers is stap voor stap nagegaan welke route hun vraag door de "
                "organisatie aflegde, van het eerste telefoontje tot het uiteindelijke besluit.")
        if hi == 2:
            f.p("Voor de wachttijdregistratie is gebruikgemaakt van de gegevens uit het telefoniesysteem en "
                "het zaaksysteem. Waar die gegevens ontbraken, is uitgegaan van de verklaringen van burgers."
                "[[fn:Bij twijfel is het escalatieprotocol van het klantcontactcentrum van 1 maart 2024 gevolgd.]]")
        for si in range(1, rng.randint(3, 4) + 1):
            f.h("%d.%d %s" % (hi, si, rng.choice(["Bevindingen", "Wat burgers vertellen", "Wat medewerkers "
                                                   "zeggen", "Analyse", "Toetsing aan de behoorlijkheidsnormen",
                                                   "Tussenconclusie", "Feiten"])), 2)
            for _ in range(rng.randint(3, 4)):
                f.p(alinea(rng.randint(4, 7)))
            if rng.random() < 0.4:
                f.p("**Casus.** " + rng.choice(casus).format(naam=rng.choice(namen), m=rng.choice(maanden)))
        if hi in (3, 6, 8, 11):
            rows = [["Maand", "Contacten", "Doorverwezen", "Teruggebeld binnen 2 dagen", "Gem. wachttijd"]]
            for m in ["januari", "februari", "maart", "april", "mei", "juni"]:
                rows.append([m + " 2024", str(rng.randint(3000, 9000)), str(rng.randint(400, 1800)),
                             "%d%%" % rng.randint(38, 91), "%d:%02d min" % (rng.randint(2, 14), rng.randint(0, 59))])
            f.table(rows)
            f.p("_Tabel: wachttijdregistratie klantcontactcentrum, eerste helft 2024._")
        if hi == 8:
            f.h("8.9 Doorlooptijden", 2)
            f.table([["Soort aanvraag", "Wettelijke termijn", "Gemiddeld", "Langste"],
                     ["Bijzondere bijstand", "8 weken", "11 weken", "26 weken"],
                     ["Kwijtschelding", "8 weken", "9 weken", "21 weken"],
                     ["Wmo-voorziening", "6 weken", "10 weken", "31 weken"],
                     ["Energietoeslag", "8 weken", "13 weken", "24 weken"]])
            f.p("_Tabel: doorlooptijdenoverzicht per soort aanvraag._")
        if hi == 14:
            f.h("14.5 Slotbeschouwing", 2)
            f.p("In deze slotbeschouwing brengt de ombudsman de bevindingen samen. De gemeente Voorbeeldstad "
                "is goed bereikbaar, maar burgers worden niet altijd bereikt: hun vraag komt niet, te laat of "
                "onvolledig aan bij de medewerker die er iets mee kan.")
    f.p("Met dit laatste hoofdstuk eindigt het rapport. Eindmarkering: einde van het onderzoeksrapport OMB-2025-07.")
    return f


# --------------------------------------------------------------------------------------------
# Office documents
# --------------------------------------------------------------------------------------------

W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'mc:Ignorable="w14 wp14"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def r(text, rpr="", preserve=None):
    t = xesc(text)
    sp = ' xml:space="preserve"' if (preserve or (preserve is None and (text != text.strip() or "  " in text))) else ""
    return "<w:r>%s<w:t%s>%s</w:t></w:r>" % ("<w:rPr>%s</w:rPr>" % rpr if rpr else "", sp, t)


def para(*runs, style=None, ppr=""):
    p = ""
    if style or ppr:
        p = "<w:pPr>%s%s</w:pPr>" % ('<w:pStyle w:val="%s"/>' % style if style else "", ppr)
    return "<w:p>%s%s</w:p>" % (p, "".join(runs))


def tbl(rows, widths, nested=False):
    borders = ('<w:tblBorders>' + "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % b
                                          for b in ("top", "left", "bottom", "right", "insideH", "insideV")) +
               '</w:tblBorders>')
    o = ['<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/>%s<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>%s</w:tblGrid>'
         % (sum(widths), borders, "".join('<w:gridCol w:w="%d"/>' % w for w in widths))]
    for row in rows:
        o.append("<w:tr>")
        for w, cell in zip(widths, row):
            o.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>'
                     % (w, cell if cell.startswith("<w:") else para(r(cell))))
        o.append("</w:tr>")
    o.append("</w:tbl>")
    return "".join(o)


TEXTBOX_TEXT = "Let op: de reactietermijn van de gemeente is zes weken na ontvangst van deze klacht."


def textbox():
    inner = '<w:txbxContent>%s</w:txbxContent>' % para(r(TEXTBOX_TEXT, "<w:b/>"))
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1" wp14:anchorId="1A2B3C4D" wp14:editId="1A2B3C4D">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2520000" cy="720000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="Tekstvak 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2520000" cy="720000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        '<wps:txbx>' + inner + '</wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" '
        'anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        '</mc:Choice><mc:Fallback><w:pict>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="Tekstvak_1" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;'
        'margin-left:252pt;margin-top:0;width:198.45pt;height:56.7pt;z-index:251659264" fillcolor="white" '
        'strokeweight=".75pt"><v:textbox>' + inner + '</v:textbox><w10:wrap type="square"/></v:shape>'
        '</w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def docx_document():
    B_ = "<w:b/>"
    I_ = "<w:i/>"
    body = []
    body.append(para(r("Klacht over de WIJ-teams en het klantcontactcentrum"), style="Heading1"))
    # address block with line breaks and tabs
    body.append('<w:p><w:r><w:t>Lindeboomstraat 12</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>1234 AB Voorbeeldstad</w:t></w:r>'
                '<w:r><w:br/></w:r><w:r><w:t>Dossiernummer:</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>2025-0815</w:t></w:r>'
                '<w:r><w:br/></w:r><w:r><w:t>Datum:</w:t><w:tab/><w:t>18 maart 2025</w:t></w:r></w:p>')
    body.append('<w:p>' + textbox() + '</w:p>')
    # runs: words split over formatted runs; spaces in their own runs / at run edges
    body.append(para(
        r("Een"), r(" ", preserve=True), r("prachtige", B_), r(" ", preserve=True), r("verwijzing"),
        r(" naar het ", preserve=True), r("klant", B_), r("contact", I_), r("centrum", B_ + I_),
        r(" van ", preserve=True), r("Voorbeeld"), r("stad", "<w:u w:val=\"single\"/>"), r(" en "),
        r("een wijk"), r("coördinator", B_), r(".")))
    body.append(para(
        r("Volgens de "), '<w:hyperlink r:id="rIdLink1" w:history="1">' + r("gemeentelijke klachtenregeling", '<w:rStyle w:val="Hyperlink"/>') + '</w:hyperlink>',
        r(" moet de gemeente binnen zes weken reageren. Ik ben daarover niet geïnformeerd"),
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
        r(" en ook de wijkverpleging wist van niets"),
        '<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="1"/></w:r>', r(".")))
    # tracked changes
    body.append(para(
        r("Het gesprek werd gevoerd door een "),
        '<w:del w:id="101" w:author="Joost van Dalfsen" w:date="2025-03-19T09:12:00Z"><w:r><w:delText>spreekuurmedewerker</w:delText></w:r></w:del>',
        '<w:ins w:id="102" w:author="Joost van Dalfsen" w:date="2025-03-19T09:12:00Z"><w:r><w:t>uitkeringsspecialist</w:t></w:r></w:ins>',
        r(" van het WIJ-team"),
        '<w:del w:id="103" w:author="Joost van Dalfsen" w:date="2025-03-19T09:13:00Z"><w:r><w:delText xml:space="preserve"> Zuidoost-Kanaalzone</w:delText></w:r></w:del>',
        r(". Daarna volgde een "),
        '<w:ins w:id="104" w:author="Joost van Dalfsen" w:date="2025-03-19T09:14:00Z"><w:r><w:t xml:space="preserve">uitgebreid </w:t></w:r></w:ins>',
        r("huisbezoek.")))
    # comment
    body.append(para(
        r("Op 3 maart 2025 heb ik "), '<w:commentRangeStart w:id="0"/>', r("voor de derde keer een terugbelverzoek"),
        '<w:commentRangeEnd w:id="0"/>',
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>',
        r(" gedaan, maar niemand heeft mij gebeld.")))
    # table with nested table
    inner = tbl([["Voorziening", "Status"], ["Traplift", "indicatiebesluit verstuurd"],
                 ["Huishoudelijke hulp", "afgewezen"]], [2000, 2200])
    body.append(para(r("Overzicht van mijn aanvragen:"), style=None))
    body.append(tbl([["Aanvraag", "Toelichting"],
                     ["Bijzondere bijstand", "Wasmachine, aangevraagd op 6 januari 2025"],
                     ["Wmo-voorzieningen", inner + para(r("Zie ook het keukentafelgesprek."))]], [3000, 5200]))
    body.append(para(r("Ik verzoek u om een "), r("spoedige", B_), r(" "), r("reactie.")))
    body.append(para(r("Met vriendelijke groet,"), '<w:r><w:br/></w:r>', r("Femke Achterhuis-Yilmaz")))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/><w:footerReference w:type="default" '
            'r:id="rIdFooter1"/><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr><w:endnotePr><w:numFmt w:val="lowerRoman"/></w:endnotePr>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" '
            'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>')
    return XML_DECL + '<w:document %s><w:body>%s%s</w:body></w:document>' % (W_NS, "".join(body), sect)


def docx_part(root, inner):
    return XML_DECL + '<w:%s %s>%s</w:%s>' % (root, W_NS, inner, root)


def notes_xml(kind, text):
    sep = ('<w:{k} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
           '<w:r><w:separator/></w:r></w:p></w:{k}><w:{k} w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
           '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:{k}>').format(k=kind)
    ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
    st = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    note = ('<w:%s w:id="1"><w:p><w:pPr><w:pStyle w:val="%sText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="%s"/></w:rPr><w:%s/></w:r>'
            '%s</w:p></w:%s>' % (kind, kind.capitalize(), st, ref, r(" " + text, preserve=True), kind))
    return docx_part(kind + "s", sep + note)


STYLES_XML = XML_DECL + ('<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:cs="DejaVu Sans"/>'
    '<w:sz w:val="21"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
    '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>'
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>'
    '</w:styles>')

CONTENT_TYPES = XML_DECL + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    '<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>'
    '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '</Types>')

ROOT_RELS = XML_DECL + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    '</Relationships>')

DOC_RELS = XML_DECL + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
    '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
    '<Relationship Id="rIdEndnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>'
    '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
    '<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
    '<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
    '<Relationship Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
    'Target="https://www.voorbeeldstad.example/klachten" TargetMode="External"/>'
    '</Relationships>')

SETTINGS_XML = XML_DECL + ('<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:defaultTabStop w:val="1418"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    '<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '</w:settings>')

CORE_XML = XML_DECL + (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    '<dc:title>Klacht WIJ-team</dc:title><dc:creator>Femke Achterhuis-Yilmaz</dc:creator>'
    '<cp:lastModifiedBy>Joost van Dalfsen</cp:lastModifiedBy>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-18T10:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-19T09:20:00Z</dcterms:modified></cp:coreProperties>')

APP_XML = XML_DECL + ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                      '<Application>Wederhoor make-corpus.py</Application></Properties>')


def zip_write(path, members):
    """Deterministic zip: fixed timestamps, given order. members: list of (name, bytes|str, compress)."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data, comp in members:
            zi = zipfile.ZipInfo(name, date_time=(2025, 3, 19, 9, 20, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED if comp else zipfile.ZIP_STORED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data if isinstance(data, bytes) else data.encode("utf-8"))


def hand_docx(path):
    comments = docx_part("comments", '<w:comment w:id="0" w:author="Joost van Dalfsen" w:date="2025-03-19T09:15:00Z" '
                         'w:initials="JvD">' + para(r("Navragen bij de teamleider of dit terugbelverzoek in het "
                                                       "zaaksysteem staat (teamleidersnavraag)."), style="CommentText") + '</w:comment>')
    header = docx_part("hdr", para(r("Kenmerk WH-2025-0417"), r(" — "), r("ingekomen bij het klachtenbureau"), style="Header"))
    footer = docx_part("ftr", para(r("Dit document valt onder de geheimhoudingsplicht van de ombudsman."), style="Footer"))
    zip_write(path, [
        ("[Content_Types].xml", CONTENT_TYPES, True),
        ("_rels/.rels", ROOT_RELS, True),
        ("docProps/core.xml", CORE_XML, True),
        ("docProps/app.xml", APP_XML, True),
        ("word/document.xml", docx_document(), True),
        ("word/_rels/document.xml.rels", DOC_RELS, True),
        ("word/styles.xml", STYLES_XML, True),
        ("word/settings.xml", SETTINGS_XML, True),
        ("word/footnotes.xml", notes_xml("footnote", "Artikel 9:11 Awb; de bezwaarschriftencommissie hanteert dezelfde termijn."), True),
        ("word/endnotes.xml", notes_xml("endnote", "Zie ook het ombudsmanreglement van Voorbeeldstad, artikel 4."), True),
        ("word/comments.xml", comments, True),
        ("word/header1.xml", header, True),
        ("word/footer1.xml", footer, True),
    ])


DOCX_MUST_FIND = ["Een prachtige verwijzing", "klantcontactcentrum", "Voorbeeldstad", "wijkcoördinator",
                  "klachtenregeling", "geïnformeerd", "bezwaarschriftencommissie", "ombudsmanreglement",
                  "uitkeringsspecialist", "uitgebreid huisbezoek", "teamleidersnavraag", "WH-2025-0417",
                  "geheimhoudingsplicht", "reactietermijn", "indicatiebesluit", "keukentafelgesprek",
                  "2025-0815", "1234 AB Voorbeeldstad", "Femke Achterhuis-Yilmaz"]
DOCX_MUST_NOT = ["spreekuurmedewerker", "Zuidoost-Kanaalzone", "Eenprachtige", "prachtigeverwijzing",
                 "klant contact", "121234", "Dossiernummer:2025"]


def docx_text(path):
    """Rough text of all XML parts of a DOCX/ODT, for the self-check (not an extractor)."""
    o = []
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if n.endswith(".xml"):
                x = z.read(n).decode("utf-8", "replace")
                x = re.sub(r"<w:delText[^>]*>.*?</w:delText>", "", x, flags=re.S)
                x = re.sub(r"<text:deletion>.*?</text:deletion>", "", x, flags=re.S)
                x = re.sub(r"<(w:tab|w:br|text:tab|text:line-break|text:s)\b[^>]*/>|</w:p>|</text:p>|</text:h>", " ", x)
                x = re.sub(r"<[^>]+>", "", x)
                o.append(n + ": " + x)
    import html
    return html.unescape("\n".join(o))


def make_office():
    d = BUILD / "office"
    d.mkdir(exist_ok=True)
    hand = out("office/docx-features.docx")
    hand_docx(hand)
    e = add("office/docx-features.docx", "docx-features", "docx", DOCX_MUST_FIND,
            "Hand-written WordprocessingML (zipfile): words split over bold/italic/underlined runs "
            "('klant'+'contact'+'centrum', 'Voorbeeld'+'stad'), spaces as separate runs or at run edges with "
            "xml:space=preserve ('Een'+' '+'prachtige'+' '+'verwijzing'), w:hyperlink (external rel), a table "
            "with a nested table in a cell ('indicatiebesluit'), footnote ('bezwaarschriftencommissie', "
            "footnotes.xml with separator notes -1/0), endnote ('ombudsmanreglement'), comment by Joost van "
            "Dalfsen ('teamleidersnavraag'), header ('WH-2025-0417') and footer ('geheimhoudingsplicht'), "
            "tracked changes (w:ins 'uitkeringsspecialist', 'uitgebreid '; w:del/w:delText "
            "'spreekuurmedewerker', ' Zuidoost-Kanaalzone' must NOT be found), a text box in "
            "mc:AlternateContent whose Choice (wps:txbx) and Fallback (v:textbox) carry the same sentence: "
            "'reactietermijn' must be found exactly once (see must_find_once), w:tab ('Dossiernummer:'<tab>"
            "'2025-0815') and w:br line breaks ('Lindeboomstraat 12'<br>'1234 AB Voorbeeldstad').",
            must_not_find=DOCX_MUST_NOT, must_find_once=["reactietermijn"])
    txt = docx_text(hand)
    e["note"] += " | self-check (XML text, not an extractor): %s." % (
        "markers present" if all(found(w.split()[0], txt) for w in DOCX_MUST_FIND) else "SOME MARKERS MISSING")

    # LibreOffice round trips
    soffice([hand], 'docx:MS Word 2007 XML', d / "docx")
    soffice([hand], "odt", d / "odt")
    shutil.copy(d / "docx" / "docx-features.docx", out("office/docx-libreoffice.docx"))
    shutil.copy(d / "odt" / "docx-features.odt", out("office/odt-features.odt"))
    for rel, cls, rt in (("office/docx-libreoffice.docx", "docx-libreoffice", "docx"),
                         ("office/odt-features.odt", "odt-features", "odt")):
        txt = docx_text(OUT / rel)
        present = [w for w in DOCX_MUST_FIND if found(w, txt)]
        absent = [w for w in DOCX_MUST_FIND if not found(w, txt)]
        z = zipfile.ZipFile(OUT / rel)
        names = z.namelist()
        feats = []
        if rt == "odt":
            content = z.read("content.xml").decode()
            styles = z.read("styles.xml").decode()
            feats.append("footnote" if 'note-class="footnote"' in content else "NO footnote")
            feats.append("endnote" if 'note-class="endnote"' in content else "NO endnote")
            feats.append("office:annotation" if "office:annotation" in content else "NO annotation")
            feats.append("text:tracked-changes" if "text:tracked-changes" in content else "NO tracked changes")
            feats.append("header+footer in styles.xml" if "style:header" in styles and "style:footer" in styles else "NO header/footer")
            feats.append("draw:text-box" if "draw:text-box" in content else
                         "text box as draw:custom-shape with text:p" if "draw:custom-shape" in content else "NO text box")
            feats.append("nested table" if content.count("<table:table ") >= 2 else "NO nested table")
            feats.append("text:a hyperlink" if "<text:a " in content else "NO hyperlink")
            occ = content.count("reactietermijn")
        else:
            doc = z.read("word/document.xml").decode()
            feats += [p.split("/")[-1] for p in names if p.startswith("word/") and p.endswith(".xml")]
            feats.append("w:ins" if "<w:ins " in doc else "NO w:ins")
            feats.append("w:del" if "<w:del " in doc else "NO w:del")
            feats.append("mc:AlternateContent" if "mc:AlternateContent" in doc else "NO mc:AlternateContent")
            occ = doc.count("reactietermijn")
        note = ("The hand-written docx-features.docx opened and saved by LibreOffice 7.4 (soffice --headless "
                "--convert-to %s), i.e. real office output with the same content. Parts/features present: %s. "
                "'reactietermijn' occurs %d time(s) in the main XML (a text box written as Choice+Fallback "
                "counts twice; it must still be extracted once)." % (rt, ", ".join(feats), occ))
        if absent:
            note += " Markers lost in the conversion (left out of must_find): %s." % ", ".join(absent)
        add(rel, cls, rt, present, note, must_not_find=DOCX_MUST_NOT, must_find_once=["reactietermijn"])

    # renamed files
    shutil.copy(hand, out("other/docx-hernoemd.pdf"))
    add("other/docx-hernoemd.pdf", "docx-renamed-as-pdf", "docx", ["uitkeringsspecialist", "geheimhoudingsplicht",
                                                                     "reactietermijn"],
        "Byte copy of office/docx-features.docx named .pdf: type detection must use the content (PK zip with "
        "[Content_Types].xml), not the extension.", must_not_find=["spreekuurmedewerker"])
    shutil.copy(OUT / "pdf/zonder-id.pdf", out("other/pdf-hernoemd.docx"))
    e = add("other/pdf-hernoemd.docx", "pdf-renamed-as-docx", "pdf", ["paspoortaanvraag", "Brinkhorst", "reisdocument"],
            "Byte copy of pdf/zonder-id.pdf named .docx: must be detected as PDF by its %PDF- header.")
    verify_pdf(e)


# --------------------------------------------------------------------------------------------
# Mail
# --------------------------------------------------------------------------------------------

def b64(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def qp(text, charset="utf-8"):
    import quopri
    return quopri.encodestring(text.encode(charset)).decode("ascii")


def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")


def make_mail():
    lo = BUILD / "lo"
    pdf_att = (lo / "mail-inkomensverklaring.pdf").read_bytes()
    pdf_att2 = (lo / "mail-kapvergunning.pdf").read_bytes()
    docx_small = BUILD / "mail-bijlage.docx"
    small_docx(docx_small)
    body = ("Geachte ombudsman,\n\n"
            "Hierbij stuur ik u mijn klacht over de gemeente Voorbeeldstad. Ik sta al negen maanden op de "
            "wachtlijst voor een begeleid-wonenplek en niemand van het WIJ-team heeft mij geïnformeerd over de "
            "wachtlijstbemiddeling.\n\n"
            "In de bijlagen vindt u mijn inkomensverklaring (PDF) en mijn brief aan de zorgverzekeraar (Word).\n\n"
            "Met vriendelijke groet,\nRuud Hagenbeek\nWilgenweg 5, Voorbeeldstad\n")
    html = ("<html><head><meta charset=\"utf-8\"></head><body><p>Geachte ombudsman,</p>"
            "<p>Hierbij stuur ik u mijn klacht over de gemeente <b>Voorbeeldstad</b>. Ik sta al negen maanden op de "
            "wachtlijst voor een begeleid-wonenplek en niemand van het WIJ-team heeft mij ge&iuml;nformeerd over de "
            "<i>wachtlijst</i><i>bemiddeling</i>.</p><p>In de bijlagen vindt u mijn inkomensverklaring (PDF) en mijn "
            "brief aan de zorgverzekeraar (Word).</p><p>Met vriendelijke groet,<br>Ruud Hagenbeek<br>Wilgenweg 5, "
            "Voorbeeldstad</p></body></html>\n")
    msg = f"""From: Ruud Hagenbeek <ruud.hagenbeek@voorbeeldmail.example>
To: Gemeentelijke ombudsman <ombudsman@voorbeeldstad.example>
Subject: Klacht wachtlijst begeleid wonen, met bijlagen
Date: Mon, 17 Mar 2025 09:41:12 +0100
Message-ID: <20250317094112.4711@voorbeeldmail.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=_gemengd_0001"

Dit is een bericht in MIME-formaat.

--=_gemengd_0001
Content-Type: multipart/alternative; boundary="=_alt_0001"

--=_alt_0001
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

{qp(body)}
--=_alt_0001
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

{qp(html)}
--=_alt_0001--

--=_gemengd_0001
Content-Type: application/pdf; name="inkomensverklaring-2024.pdf"
Content-Disposition: attachment; filename="inkomensverklaring-2024.pdf"
Content-Transfer-Encoding: base64

{b64(pdf_att)}
--=_gemengd_0001
Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="brief-zorgverzekeraar.docx"
Content-Disposition: attachment; filename="brief-zorgverzekeraar.docx"
Content-Transfer-Encoding: base64

{b64(docx_small.read_bytes())}
--=_gemengd_0001--
"""
    out("mail/bijlagen.eml").write_bytes(crlf(msg))
    e = add("mail/bijlagen.eml", "eml-attachments", "eml",
        ["wachtlijstbemiddeling", "begeleid-wonenplek", "Hagenbeek", "inkomensverklaring",
         "waterschapsbelasting", "zorgverzekeringspremie", "premieachterstand"],
        "multipart/mixed: multipart/alternative (text/plain and text/html, both UTF-8 quoted-printable; the "
        "HTML splits 'wachtlijstbemiddeling' over two <i> elements and uses &iuml;) + a LibreOffice PDF "
        "attachment ('waterschapsbelasting', 'inkomensverklaring') + a small hand-written DOCX "
        "('zorgverzekeringspremie', 'premieachterstand'), both base64. CRLF line ends. The body text must "
        "not be counted twice.")
    verify_eml(e)

    fwd_body = ("Hallo Fenna,\n\nZie hieronder de klacht van de heer Van Leeuwenhorst over de "
                "parkeerboete. Kun jij dit oppakken met team Handhaving?\n\nGroet,\nSaskia\n\n"
                "---------- Doorgestuurd bericht ----------\n"
                "Van: Gijs van Leeuwenhorst <gijs.vl@voorbeeldmail.example>\n"
                "Datum: vr 14 mrt 2025 om 16:02\n"
                "Onderwerp: Onterechte parkeerboete Havenkade\n"
                "Aan: <info@voorbeeldstad.example>\n\n"
                "Geachte heer, mevrouw,\n\n"
                "Op 12 maart kreeg ik een naheffingsaanslag parkeerbelasting op de Havenkade, terwijl ik een "
                "geldige gehandicaptenparkeerkaart achter de voorruit had liggen. De handhaver heeft de kaart "
                "niet gezien. Ik vraag u de naheffingsaanslag in te trekken.\n\n"
                "Met vriendelijke groet,\nGijs van Leeuwenhorst\n")
    msg = f"""From: Saskia Brouwer <s.brouwer@voorbeeldstad.example>
To: Fenna Kroeskamp <f.kroeskamp@voorbeeldstad.example>
Subject: Fwd: Onterechte parkeerboete Havenkade
Date: Mon, 17 Mar 2025 08:15:00 +0100
Message-ID: <fwd-20250317081500@voorbeeldstad.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

{fwd_body}"""
    out("mail/doorgestuurd.eml").write_bytes(msg.replace("\n", "\r\n").encode("utf-8"))
    e = add("mail/doorgestuurd.eml", "eml-forwarded", "eml",
        ["Doorgestuurd bericht", "naheffingsaanslag", "gehandicaptenparkeerkaart", "Leeuwenhorst", "Havenkade",
         "team Handhaving"],
        "Single text/plain UTF-8 (8bit) mail forwarding another inline, Gmail-style "
        "'---------- Doorgestuurd bericht ----------' block with Van/Datum/Onderwerp/Aan lines.")
    verify_eml(e)

    inner_body = ("Geachte heer Oosterbroek,\n\nIn de bijlage vindt u de beslissing op uw aanvraag voor een "
                  "kapvergunning. Tegen deze beslissing kunt u binnen zes weken bezwaar maken.\n\n"
                  "Met vriendelijke groet,\nTeam Vergunningen, Gemeente Voorbeeldstad\n")
    inner = f"""From: Team Vergunningen <vergunningen@voorbeeldstad.example>
To: Frits Oosterbroek <f.oosterbroek@voorbeeldmail.example>
Subject: Beslissing kapvergunning Beukenlaan
Date: Thu, 6 Mar 2025 11:20:00 +0100
Message-ID: <kap-20250306112000@voorbeeldstad.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=_binnen_0001"

--=_binnen_0001
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

{qp(inner_body)}
--=_binnen_0001
Content-Type: application/pdf; name="beslissing-kapvergunning.pdf"
Content-Disposition: attachment; filename="beslissing-kapvergunning.pdf"
Content-Transfer-Encoding: base64

{b64(pdf_att2)}
--=_binnen_0001--
"""
    outer_body = ("Geachte ombudsman,\n\nIk stuur u het bericht van de gemeente over mijn kapvergunning als "
                  "bijlage door. Ik vind dat de gemeente de monumentenlijst verkeerd heeft toegepast.\n\n"
                  "Met vriendelijke groet,\nFrits Oosterbroek\n")
    msg = f"""From: Frits Oosterbroek <f.oosterbroek@voorbeeldmail.example>
To: Gemeentelijke ombudsman <ombudsman@voorbeeldstad.example>
Subject: Klacht kapvergunning (bericht als bijlage)
Date: Fri, 21 Mar 2025 14:03:55 +0100
Message-ID: <outer-20250321140355@voorbeeldmail.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=_buiten_0001"

--=_buiten_0001
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

{qp(outer_body)}
--=_buiten_0001
Content-Type: message/rfc822; name="Beslissing kapvergunning Beukenlaan.eml"
Content-Disposition: attachment; filename="Beslissing kapvergunning Beukenlaan.eml"

{inner}
--=_buiten_0001--
"""
    out("mail/bericht-als-bijlage.eml").write_bytes(crlf(msg))
    e = add("mail/bericht-als-bijlage.eml", "eml-attached-message", "eml",
        ["monumentenlijst", "Oosterbroek", "Beslissing kapvergunning Beukenlaan", "binnen zes weken bezwaar",
         "bomenkapverbod", "monumentale bomen"],
        "Outer multipart/mixed mail whose second part is message/rfc822 (an attached .eml, 7bit), which is "
        "itself multipart/mixed with a text/plain body and a base64 LibreOffice PDF attachment "
        "('bomenkapverbod', 'monumentale bomen' are only in that nested PDF).")
    verify_eml(e)

    l1_body = ("Geachte heer, mevrouw,\n\n"
               "Ik wil een klacht indienen over de coördinatie tussen het WIJ-team en de afdeling Werk en "
               "Inkomen. Ik ben niet één keer geïnformeerd over de nieuwe leefgeldregeling, terwijl mijn "
               "bewindvoerder daar drie keer om heeft gevraagd. Op de reünie van ons buurtcafé hoorde ik "
               "pas dat de regeling al per 1 januari is ingegaan.\n\n"
               "Met vriendelijke groet,\nRené Smulders-Hoëvenaars\nÉglantierstraat 9, Voorbeeldstad\n")
    msg = ("From: =?iso-8859-1?Q?Ren=E9_Smulders-Ho=EBvenaars?= <rene.smulders@voorbeeldmail.example>\n"
           "To: =?iso-8859-1?Q?Klachtco=F6rdinator?= <klachten@voorbeeldstad.example>\n"
           "Subject: =?iso-8859-1?Q?Klacht_over_co=F6rdinatie_leefgeldregeling_=28caf=E9?=\n"
           " =?iso-8859-1?Q?_gesprek=29?=\n"
           "Date: Tue, 25 Mar 2025 19:47:03 +0100\n"
           "Message-ID: <latin1-20250325194703@voorbeeldmail.example>\n"
           "MIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=iso-8859-1\n"
           "Content-Transfer-Encoding: quoted-printable\n\n" + qp(l1_body, "iso-8859-1"))
    out("mail/latin1.eml").write_bytes(crlf(msg))
    e = add("mail/latin1.eml", "eml-latin1", "eml",
        ["Klacht over coördinatie", "René Smulders-Hoëvenaars", "leefgeldregeling", "niet één keer geïnformeerd",
         "reünie", "Églantierstraat", "Klachtcoördinator", "café gesprek"],
        "Headers as RFC 2047 ISO-8859-1 Q encoded-words (From display name with é/ë, To name with ö, a Subject "
        "folded over two encoded-words, with =28/=29 for parentheses and '_' for spaces; the whitespace between "
        "adjacent encoded-words must be dropped). Body text/plain; charset=iso-8859-1, quoted-printable "
        "(=E9, =EB, =EF, =F6, =C9). Decoded subject: 'Klacht over coördinatie leefgeldregeling (café gesprek)'.")
    verify_eml(e)


def eml_text(path):
    """Self-check: decode an .eml with the stdlib (headers, text parts, nested messages, attachments)."""
    import email
    import html as htmlmod
    from email import policy
    msg = email.message_from_bytes(Path(path).read_bytes(), policy=policy.default)
    o = []

    def walk(m):
        for h in ("From", "To", "Subject"):
            if m[h]:
                o.append(str(m[h]))
        for part in m.walk():
            ct = part.get_content_type()
            if ct == "message/rfc822":
                for sub in part.iter_parts():
                    walk(sub)
            elif ct == "text/plain":
                o.append(part.get_content())
            elif ct == "text/html":
                o.append(htmlmod.unescape(re.sub(r"<[^>]+>", "", part.get_content())))
            elif ct == "application/pdf":
                f = BUILD / "att.pdf"
                f.write_bytes(part.get_content())
                o.append(pdftotext(f)[1])
            elif ct.endswith("wordprocessingml.document"):
                f = BUILD / "att.docx"
                f.write_bytes(part.get_content())
                o.append(docx_text(f))
    walk(msg)
    return "\n".join(o)


def verify_eml(entry):
    txt = eml_text(OUT / entry["file"])
    miss = [w for w in entry["must_find"] if not found(w, txt)]
    entry["note"] += " | self-check with Python's email package (+pdftotext for PDF parts): %s." % (
        "all must_find decoded" if not miss else "MISSING " + ", ".join(miss))
    if miss:
        warn("%s: %s not found" % (entry["file"], miss))


def small_docx(path):
    doc = XML_DECL + ('<w:document %s><w:body>%s%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
                      % (W_NS, para(r("Aan de zorgverzekeraar"), style="Heading1"),
                         para(r("Door de wachttijd bij de gemeente is een premieachterstand ontstaan. Ik verzoek u de "
                                "zorgverzekeringspremie van maart tijdelijk niet te incasseren."))))
    ct = XML_DECL + ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                     '</Types>')
    rels = XML_DECL + ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                       '</Relationships>')
    drels = XML_DECL + ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                        '</Relationships>')
    zip_write(path, [("[Content_Types].xml", ct, True), ("_rels/.rels", rels, True),
                     ("word/document.xml", doc, True), ("word/_rels/document.xml.rels", drels, True),
                     ("word/styles.xml", STYLES_XML, True)])


# --------------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------------

def make_images():
    lo = BUILD / "lo"
    for name in SCAN_LETTERS:
        SCAN_TRUTH[name] = fodt_plaintext(lo / (name + ".fodt"))
    # PNG: 300 dpi greyscale render of the bezwaar letter, reduced to 16 grey levels
    pgm = render_pbm(lo / "scan-bezwaar.pdf", BUILD / "scan-bezwaar-300", dpi=300, mono=False)
    png = out("images/scan-bezwaar.png")
    run([CONVERT, str(pgm), "-colors", "16", "-depth", "4", "-units", "PixelsPerInch", "-density", "300",
         "-define", "png:exclude-chunks=date,time", "-strip", str(png)])
    e = add("images/scan-bezwaar.png", "image-scan-png", "png",
            ["bezwaarschrift", "huishoudelijke", "heupoperatie", "Bouzidi", "Populierenhof", "commissie",
             "medische", "huisarts"],
            "A4 at 300 dpi (2480x3508), greyscale anti-aliased render of a typed letter (DejaVu Serif 12 pt) "
            "reduced to 16 grey levels; black text on white, no rotation or noise.")
    verify_ocr(e, SCAN_TRUTH["scan-bezwaar"])

    # JPEG: same letter, 1.4 degree rotation, grey background, noise, slight blur, 200 dpi
    jpg = out("images/foto-bezwaar.jpg")
    run([CONVERT, str(pgm), "-colorspace", "sRGB", "-type", "TrueColor", "-fill", "#d6d1c8", "-opaque", "white",
         "-resize", "66.7%", "-background", "#7d7872", "-rotate", "1.4", "-seed", "7", "-attenuate", "0.5",
         "+noise", "Gaussian", "-blur", "0x0.5", "-strip", "-units", "PixelsPerInch", "-density", "200",
         "-sampling-factor", "2x2", "-quality", "72", str(jpg)])
    e = add("images/foto-bezwaar.jpg", "image-photo-jpeg", "jpeg",
            ["bezwaarschrift", "huishoudelijke", "heupoperatie", "Bouzidi", "commissie", "huisarts"],
            "The same letter as images/scan-bezwaar.png, as a phone-photo-like colour JPEG: downscaled to about "
            "200 dpi, rotated 1.4°, paper made grey, a grey border, Gaussian noise, slight blur, quality 72.")
    verify_ocr(e, SCAN_TRUTH["scan-bezwaar"])

    # TIFF: 1-bit CCITT group 4, 300 dpi, another letter
    pbm = render_pbm(lo / "scan-terugvordering.pdf", BUILD / "scan-terugvordering-300", dpi=300, mono=True)
    tif = out("images/scan-terugvordering.tif")
    run([CONVERT, str(pbm), "-units", "PixelsPerInch", "-density", "300", "-compress", "Group4",
         "-strip", str(tif)])
    e = add("images/scan-terugvordering.tif", "image-tiff", "tiff",
            ["terugvordering", "bijstandsuitkering", "vrijwilligerswerk", "aflossing", "Hoekstra", "Dijkstra"],
            "Bilevel TIFF, CCITT Group 4, 300 dpi A4, a typed letter (DejaVu Serif 12 pt).")
    verify_ocr(e, SCAN_TRUTH["scan-terugvordering"])


# --------------------------------------------------------------------------------------------
# Other
# --------------------------------------------------------------------------------------------

def make_other():
    txt = ("Telefoonnotitie klantcontactcentrum\n"
           "Datum: 12 maart 2025, 14.20 uur\n"
           "Beller: mevrouw Verbruggen-de Wit\n\n"
           "Mevrouw belt voor de vierde keer over haar kwijtscheldingsverzoek. Zij is niet geïnformeerd over\n"
           "de voortgang. Ik heb een terugbelnotitie aangemaakt voor het WIJ-team Noord en de coördinator\n"
           "bijzondere bijstand. Mevrouw geeft aan dat zij één keer per week de wasserette bij café De Reünie\n"
           "gebruikt.\n")
    out("other/telefoonnotitie").write_text(txt, encoding="utf-8")
    add("other/telefoonnotitie", "txt-no-extension", "txt",
        ["Telefoonnotitie", "terugbelnotitie", "geïnformeerd", "één keer", "café De Reünie"],
        "UTF-8 plain text (LF line ends, no BOM) without a file extension: type must come from content "
        "sniffing. Words are hard-wrapped at line ends (e.g. 'over\\nde voortgang').")


# --------------------------------------------------------------------------------------------

README = """# Test corpus of evidence documents

Generated by `python3 tools/make-corpus.py` (Python 3 stdlib plus soffice, pdflatex, qpdf,
poppler-utils, ImageMagick, tesseract; see the script's docstring for the Debian packages).
Re-running it replaces every file here. All documents are Dutch and invented (Gemeente
Voorbeeldstad, WIJ-team, klantcontactcentrum, bijzondere bijstand); no real persons.

`MANIFEST.json` lists every file with:

- `file`, `class`, `real_type` (pdf, docx, odt, eml, png, jpeg, tiff, txt: the real format,
  whatever the extension says);
- `must_find`: marker words or phrases an extractor must produce (compare case-insensitively,
  whitespace-normalised, after Unicode NFKC so that ligatures like U+FB01 fold to "fi");
- `must_not_find`: text that must not appear (deleted tracked changes, superseded incremental
  versions, words glued together or split apart by a wrong spacing heuristic);
- `password`: the user password of an encrypted PDF, else null;
- optional `must_find_once` (must occur exactly once), `must_find_ocr` (only reachable by OCR),
  `ocr_only` (no text layer at all: every must_find needs OCR);
- `note`: what is special, followed by what pdftotext/pdfinfo/pdffonts or tesseract gave when the
  corpus was generated.

| folder | classes | what it tests |
| --- | --- | --- |
| pdf/ | pdf-libreoffice, pdf-tex, pdf-type3, pdf-form, pdf-aes, pdf-broken-xref, pdf-broken-trailer, pdf-no-id, pdf-incremental, pdf-tj, pdf-ligatures, pdf-image-only, pdf-mixed, hostile, pdf-50-pages | real producer output (LibreOffice, pdfTeX), bitmap Type 3 fonts, AcroForm values, AES-128/256 with user password, repairs of damaged xref/trailer, missing /ID, incremental updates, word spacing from TJ/Td/Tm, ligatures, scans that need OCR, a self-referencing Form XObject that must not hang, a 50-page report for the performance budget |
| office/ | docx-features, docx-libreoffice, odt-features | runs and spaces, hyperlinks, nested tables, footnotes/endnotes, comments, header/footer, tracked changes (insertions in, deletions out), text boxes in mc:AlternateContent (once), tabs and breaks; the same content as saved by LibreOffice |
| mail/ | eml-attachments, eml-forwarded, eml-attached-message, eml-latin1 | MIME structure, text+HTML alternatives, PDF/DOCX attachments, inline forwards, message/rfc822 with a nested attachment, RFC 2047 and ISO-8859-1 quoted-printable |
| images/ | image-scan-png, image-photo-jpeg, image-tiff | OCR (tesseract -l nld) of a clean 300 dpi scan, a rotated noisy photo and a Group 4 TIFF |
| other/ | docx-renamed-as-pdf, pdf-renamed-as-docx, txt-no-extension | type detection by content, not by extension |

LibreOffice and qpdf output is not byte-stable between runs (dates, document IDs, encryption
salts); the text and the manifest are. Hand-written PDFs, DOCX, mails and images are
byte-stable.
"""


def main():
    groups = sys.argv[1:] or ["pdf", "office", "mail", "images", "other"]
    global MANIFEST
    mpath = OUT / "MANIFEST.json"
    old = json.loads(mpath.read_text()) if mpath.exists() and set(groups) != {"pdf", "office", "mail", "images", "other"} else []
    OUT.mkdir(parents=True, exist_ok=True)
    if "pdf" in groups:
        make_pdfs()
    else:
        # later groups need the LibreOffice letters; build them without writing the PDF classes
        lo_dir = BUILD / "lo"
        lo_dir.mkdir(exist_ok=True)
        fodts = []
        for name, maker in list(SCAN_LETTERS.items()) + list(SMALL_DOCS.items()):
            f = Fodt(name, font="DejaVu Serif", size="12pt" if name in SCAN_LETTERS else "11pt", align="start",
                     footer="" if name in SCAN_LETTERS else 'Pagina <text:page-number text:select-page="current"/>')
            maker(f)
            fodts.append(f.save(lo_dir / (name + ".fodt")))
        soffice(fodts, "pdf:writer_pdf_Export", lo_dir)
    if "office" in groups:
        make_office()
    if "mail" in groups:
        make_mail()
    if "images" in groups:
        make_images()
    if "other" in groups:
        make_other()
    new_files = {e["file"] for e in MANIFEST}
    merged = [e for e in old if e["file"] not in new_files] + MANIFEST
    merged.sort(key=lambda e: e["file"])
    total = 0
    for e in merged:
        e.pop("_pdftotext", None)
        e.pop("size", None)  # not stored: LibreOffice output size varies by a few bytes between runs
        p = OUT / e["file"]
        size = p.stat().st_size if p.exists() else 0
        total += size
        print("%-40s %-22s %8d" % (e["file"], e["class"], size))
    mpath.write_text(json.dumps(merged, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (OUT / "README.md").write_text(README, encoding="utf-8")
    shutil.rmtree(BUILD, ignore_errors=True)
    print("%d files, %.2f MB" % (len(merged), total / 1e6))
    for w in WARNINGS:
        print("WARNING:", w)


if __name__ == "__main__":
    main()
