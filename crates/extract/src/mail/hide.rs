//! Keeps mail-parser from reading nested messages itself.
//!
//! mail-parser turns every `message/rfc822` (and `message/global`, and every part of a
//! `multipart/digest`) into a nested message, with no limit on how deep unencoded messages
//! nest, and it builds, copies and drops those nested messages recursively. A few hundred
//! kilobytes of `Content-Type: message/rfc822` lines, or a base64-encoded message/rfc822
//! holding a few thousand of them, overflow the stack: an abort, not a panic, which takes the
//! whole app down. So before parsing we mark those subtypes (`rfc822` becomes
//! `x-wdh-rfc822`); mail-parser then hands the part back as plain bytes and `super` reads it
//! with its own depth limit. The marks are removed again from everything handed out.
//!
//! mail-parser only sees a subtype `rfc822` if the bytes `rfc822` stand contiguous in a
//! `Content-Type` header (its header names ignore case and white space; its subtype token ends
//! at `;`, `(` or the line end, with blanks, quotes and backslashes skipped). We mark every
//! such occurrence, and a few more: marking too much is harmless.

use std::borrow::Cow;

/// Put before a subtype to hide it.
const MARK: &[u8] = b"x-wdh-";
/// The subtypes that make mail-parser read a nested message.
const SUBTYPES: [&[u8]; 3] = [b"rfc822", b"global", b"digest"];

/// The message with its message subtypes marked (borrowed when there was nothing to mark).
pub(super) fn hide(raw: &[u8]) -> Cow<'_, [u8]> {
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0; // raw[..copied] is in `out`
    let mut in_content_type = false;
    let mut start = 0;
    while start < raw.len() {
        let end = raw[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(raw.len(), |i| start + i + 1);
        let line = &raw[start..end];
        let names_content_type = names_content_type(line);
        in_content_type = if line.first().is_some_and(|b| matches!(b, b' ' | b'\t')) {
            in_content_type || names_content_type
        } else {
            names_content_type
        };
        if in_content_type {
            for at in subtype_positions(raw, start, end) {
                let buf = out.get_or_insert_with(|| Vec::with_capacity(raw.len() + 64));
                buf.extend_from_slice(&raw[copied..at]);
                buf.extend_from_slice(MARK);
                copied = at;
            }
        }
        start = end;
    }
    match out {
        None => Cow::Borrowed(raw),
        Some(mut buf) => {
            buf.extend_from_slice(&raw[copied..]);
            Cow::Owned(buf)
        }
    }
}

/// The bytes with the marks [`hide`] put in taken out again.
pub(super) fn unhide(bytes: &[u8]) -> Cow<'_, [u8]> {
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(i) = find(&bytes[at..], MARK) {
        let mark = at + i;
        let after = mark + MARK.len();
        if SUBTYPES
            .iter()
            .any(|s| starts_with_ignore_case(&bytes[after..], s))
        {
            let buf = out.get_or_insert_with(|| Vec::with_capacity(bytes.len()));
            buf.extend_from_slice(&bytes[copied..mark]);
            copied = after;
        }
        at = after;
    }
    match out {
        None => Cow::Borrowed(bytes),
        Some(mut buf) => {
            buf.extend_from_slice(&bytes[copied..]);
            Cow::Owned(buf)
        }
    }
}

/// [`unhide`] for text.
pub(super) fn unhide_text(text: &str) -> String {
    match unhide(text.as_bytes()) {
        // Only ASCII marks were removed, so the text is still UTF-8.
        Cow::Owned(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Cow::Borrowed(_) => text.to_string(),
    }
}

/// Whether the line starts a `Content-Type` header the way mail-parser reads header names:
/// leading colons and all white space before the colon ignored, case ignored.
fn names_content_type(line: &[u8]) -> bool {
    let mut name = Vec::with_capacity(12);
    for &b in line {
        match b {
            b':' if name.is_empty() => {}
            b':' | b'\n' => break,
            b if b.is_ascii_whitespace() => {}
            b => {
                if name.len() == 12 {
                    return false;
                }
                name.push(b.to_ascii_lowercase());
            }
        }
    }
    name == b"content-type" && line.contains(&b':')
}

/// Where in raw[start..end] a subtype to mark begins.
fn subtype_positions(raw: &[u8], start: usize, end: usize) -> Vec<usize> {
    let mut found = Vec::new();
    for at in start..end {
        if !matches!(raw[at] | 0x20, b'r' | b'g' | b'd') {
            continue; // not the first letter of a subtype: the quick test
        }
        let Some(len) = SUBTYPES
            .iter()
            .find(|s| starts_with_ignore_case(&raw[at..end], s))
            .map(|s| s.len())
        else {
            continue;
        };
        let before_ok = at == 0
            || matches!(
                raw[at - 1],
                b'/' | b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'\\' | b'(' | b')' | b';'
            );
        let after = raw[at + len..]
            .iter()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'"' | b'\\'));
        let after_ok = after.is_none_or(|b| matches!(b, b';' | b'(' | b'\n'));
        if before_ok && after_ok {
            found.push(at);
        }
    }
    found
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
