//! A streaming walk over one XML part. Elements are known by namespace (by URI, or by the
//! usual prefix when a sloppy generator left the prefix undeclared), attributes by local name.
//! The walk keeps one small value per open element, so memory follows nesting depth, which
//! is capped.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, BytesText, Event};
use quick_xml::name::{Prefix, ResolveResult};
use quick_xml::NsReader;

/// Deeper nesting than this is no document anyone wrote by hand or with Word.
pub(super) const MAX_DEPTH: usize = 1_000;

/// The namespaces whose elements the readers act on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Ns {
    /// WordprocessingML (`w:`).
    W,
    /// Office Math (`m:`).
    M,
    /// Markup compatibility (`mc:`), for `mc:AlternateContent`.
    Mc,
    Text,
    Table,
    Office,
    Style,
    Draw,
    Dc,
    Svg,
    /// LibreOffice's extensions (`loext:`), e.g. `loext:header-first` before ODF 1.3.
    Loext,
    Other,
}

fn by_uri(uri: &[u8]) -> Option<Ns> {
    Some(match uri {
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
        b"http://schemas.openxmlformats.org/officeDocument/2006/math"
        | b"http://purl.oclc.org/ooxml/officeDocument/math" => Ns::M,
        b"http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
        b"urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::Text,
        b"urn:oasis:names:tc:opendocument:xmlns:table:1.0" => Ns::Table,
        b"urn:oasis:names:tc:opendocument:xmlns:office:1.0" => Ns::Office,
        b"urn:oasis:names:tc:opendocument:xmlns:style:1.0" => Ns::Style,
        b"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" => Ns::Draw,
        b"http://purl.org/dc/elements/1.1/" => Ns::Dc,
        b"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" => Ns::Svg,
        b"urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" => Ns::Loext,
        _ => return None,
    })
}

fn by_prefix(prefix: &[u8]) -> Ns {
    match prefix {
        b"w" => Ns::W,
        b"m" => Ns::M,
        b"mc" => Ns::Mc,
        b"text" => Ns::Text,
        b"table" => Ns::Table,
        b"office" => Ns::Office,
        b"style" => Ns::Style,
        b"draw" => Ns::Draw,
        b"dc" => Ns::Dc,
        b"svg" => Ns::Svg,
        b"loext" => Ns::Loext,
        _ => Ns::Other,
    }
}

fn namespace(result: &ResolveResult, prefix: Option<Prefix>) -> Ns {
    let by_name = || prefix.map_or(Ns::Other, |p| by_prefix(p.as_ref()));
    match result {
        ResolveResult::Bound(uri) => by_uri(uri.0).unwrap_or_else(by_name),
        ResolveResult::Unknown(_) | ResolveResult::Unbound => by_name(),
    }
}

/// An element as the readers see it.
pub(super) struct Element<'a, 'i> {
    pub(super) ns: Ns,
    pub(super) start: &'a BytesStart<'i>,
}

impl Element<'_, '_> {
    /// Whether this is `name` in namespace `ns`.
    pub(super) fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == ns && self.start.local_name().as_ref() == name.as_bytes()
    }

    /// The local name, for matching several names at once.
    pub(super) fn local(&self) -> &[u8] {
        self.start.local_name().into_inner()
    }

    /// The value of the first attribute with this local name, entities decoded.
    pub(super) fn attr(&self, local: &str) -> Option<String> {
        let mut attributes = self.start.attributes();
        attributes.with_checks(false);
        for attribute in attributes {
            let Ok(attribute) = attribute else { break };
            if attribute.key.local_name().as_ref() == local.as_bytes() {
                let value = attribute.unescape_value().unwrap_or_else(|_| {
                    Cow::Owned(String::from_utf8_lossy(&attribute.value).into_owned())
                });
                return Some(value.into_owned());
            }
        }
        None
    }
}

/// What a reader does with the elements of a part.
pub(super) trait Handler {
    /// What is remembered about an open element until its end.
    type Open;
    /// An element starts (for `<x/>`, [`Handler::end`] follows at once). `None` skips the
    /// element with everything in it.
    fn start(&mut self, element: &Element) -> Result<Option<Self::Open>, String>;
    /// Character data, entities decoded, whitespace as written.
    fn text(&mut self, text: &str) -> Result<(), String>;
    fn end(&mut self, open: Self::Open) -> Result<(), String>;
}

/// Walks the XML `xml` of the part `part` through `handler`.
pub(super) fn walk<H: Handler>(xml: &str, part: &str, handler: &mut H) -> Result<(), String> {
    let mut reader = NsReader::from_str(xml);
    let mut open: Vec<H::Open> = Vec::new();
    let mut skip = 0usize;
    loop {
        let (result, event) = match reader.read_resolved_event() {
            Ok(read) => read,
            Err(e) => {
                return Err(format!(
                    "{part} is beschadigd (onleesbare XML bij byte {}: {e})",
                    reader.error_position()
                ))
            }
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(start) | Event::Empty(start) => {
                if !empty && open.len() + skip >= MAX_DEPTH {
                    return Err(format!(
                        "{part} is dieper dan {MAX_DEPTH} niveaus genest; de tekst is niet gelezen"
                    ));
                }
                if skip > 0 {
                    skip += usize::from(!empty);
                    continue;
                }
                let ns = namespace(&result, start.name().prefix());
                let element = Element { ns, start: &start };
                match handler.start(&element)? {
                    Some(state) if empty => handler.end(state)?,
                    Some(state) => open.push(state),
                    None => skip = usize::from(!empty),
                }
            }
            Event::End(_) => {
                if skip > 0 {
                    skip -= 1;
                } else if let Some(state) = open.pop() {
                    handler.end(state)?;
                }
            }
            Event::Text(text) if skip == 0 => handler.text(&unescaped(&text))?,
            Event::CData(data) if skip == 0 => handler.text(&String::from_utf8_lossy(&data))?,
            Event::Eof => break,
            _ => {}
        }
    }
    // A part cut short: close what is open, so its text is kept.
    while let Some(state) = open.pop() {
        handler.end(state)?;
    }
    Ok(())
}

/// Text with entities decoded; an entity XML does not define is left as written.
fn unescaped<'t>(text: &'t BytesText) -> Cow<'t, str> {
    text.unescape()
        .unwrap_or_else(|_| Cow::Owned(String::from_utf8_lossy(text).into_owned()))
}
