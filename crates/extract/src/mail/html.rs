//! HTML mail bodies as text.
//!
//! mail-parser's own conversion only breaks lines at `<br>` and `</p>`: `<div>` lines (Gmail,
//! Apple Mail) run together and paragraphs get no blank line between them. This one keeps
//! lines and paragraphs, skips `<head>`, `<style>`, `<script>` and comments, and decodes
//! entities with mail-parser's entity table. One pass, no recursion.

use mail_parser::decoders::html::add_html_token;

/// Tags that end a paragraph: a blank line around them.
const PARAGRAPH: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "pre",
    "hr",
];
/// Tags that end a line.
const LINE: &[&str] = &[
    "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "address", "center",
    "form", "fieldset", "figure", "nav", "main", "aside", "caption",
];
/// Tags whose content is not text.
const HIDDEN: &[&str] = &["head", "style", "script", "title", "template", "noscript"];

/// The text of an HTML body.
pub(super) fn html_to_text(html: &str) -> String {
    let mut w = Writer::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => match tag_at(html, i) {
                Some(tag) => {
                    i = w.tag(html, &tag);
                    continue;
                }
                None => w.text("<"),
            },
            b'&' => {
                let len = entity_len(&bytes[i..]);
                if len > 0 {
                    let mut decoded = String::new();
                    add_html_token(&mut decoded, &bytes[i..i + len], false);
                    w.text(&decoded.replace('\u{a0}', " "));
                    i += len;
                    continue;
                }
                w.text("&");
            }
            b if b.is_ascii_whitespace() => w.space(b),
            _ => {
                let ch_len = html[i..].chars().next().map_or(1, char::len_utf8);
                w.text(&html[i..i + ch_len]);
                i += ch_len;
                continue;
            }
        }
        i += 1;
    }
    w.out
}

/// A tag found at a `<`.
struct Tag {
    /// Lower-case name; empty for comments, doctypes and the like.
    name: String,
    closing: bool,
    /// Where the text after the tag begins.
    end: usize,
}

/// The tag starting at html[at] (a `<`), or None if that `<` is just text.
fn tag_at(html: &str, at: usize) -> Option<Tag> {
    let rest = &html[at + 1..];
    if let Some(comment) = rest.strip_prefix("!--") {
        let end = comment.find("-->").map_or(html.len(), |e| at + 4 + e + 3);
        return Some(Tag {
            name: String::new(),
            closing: false,
            end,
        });
    }
    let (closing, name_part) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let first = name_part.bytes().next()?;
    if !(first.is_ascii_alphabetic() || (!closing && matches!(first, b'!' | b'?'))) {
        return None;
    }
    let name: String = name_part
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect();
    let end = rest.find('>').map_or(html.len(), |e| at + 1 + e + 1);
    Some(Tag { name, closing, end })
}

/// The length of an entity such as `&amp;` or `&#233;` at the start, or 0.
fn entity_len(bytes: &[u8]) -> usize {
    let body = bytes
        .iter()
        .skip(1)
        .take(33)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
        .count();
    if body > 0 && bytes.get(1 + body) == Some(&b';') {
        body + 2
    } else {
        0
    }
}

#[derive(Default)]
struct Writer {
    out: String,
    /// Blank space seen since the last text.
    space: bool,
    /// Line ends wanted before the next text (1: new line, 2: blank line).
    breaks: usize,
    /// Inside `<pre>`: white space kept.
    pre: usize,
}

impl Writer {
    fn text(&mut self, s: &str) {
        if self.breaks > 0 {
            self.end_lines(self.breaks);
        } else if self.space && !self.out.is_empty() && !self.out.ends_with(['\n', ' ']) {
            self.out.push(' ');
        }
        self.breaks = 0;
        self.space = false;
        self.out.push_str(s);
    }

    fn space(&mut self, b: u8) {
        if self.pre > 0 {
            if b != b'\r' {
                self.text(if b == b'\n' { "\n" } else { " " });
            }
        } else {
            self.space = true;
        }
    }

    /// Makes the text end in `n` line ends (none at the very start).
    fn end_lines(&mut self, n: usize) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(kept);
        if self.out.is_empty() {
            return;
        }
        let have = self
            .out
            .bytes()
            .rev()
            .take(n)
            .take_while(|&b| b == b'\n')
            .count();
        for _ in have..n {
            self.out.push('\n');
        }
    }

    /// Handles a tag; returns where reading goes on.
    fn tag(&mut self, html: &str, tag: &Tag) -> usize {
        let name = tag.name.as_str();
        if name == "br" {
            if self.breaks > 0 {
                self.end_lines(self.breaks);
                self.breaks = 0;
            }
            self.space = false;
            if !self.out.is_empty() {
                self.out.push('\n');
            }
        } else if PARAGRAPH.contains(&name) {
            self.breaks = 2;
            if name == "pre" {
                self.pre = if tag.closing {
                    self.pre.saturating_sub(1)
                } else {
                    self.pre + 1
                };
            }
        } else if LINE.contains(&name) {
            self.breaks = self.breaks.max(1);
            if name == "li" && !tag.closing {
                self.text("- ");
            }
        } else if matches!(name, "td" | "th") && !tag.closing {
            self.space = true;
        } else if HIDDEN.contains(&name) && !tag.closing {
            return skip_hidden(html, name, tag.end);
        }
        tag.end
    }
}

/// Where the content of a hidden element (`<style>` etc.) that starts at `from` ends: at its
/// closing tag; a `<head>` left open also ends where the body starts.
fn skip_hidden(html: &str, name: &str, from: usize) -> usize {
    let close = format!("</{name}");
    let bytes = html.as_bytes();
    (from..bytes.len())
        .find(|&at| {
            let rest = &bytes[at..];
            starts_with_ignore_case(rest, close.as_bytes())
                || (name == "head" && starts_with_ignore_case(rest, b"<body"))
        })
        .unwrap_or(bytes.len())
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
}
