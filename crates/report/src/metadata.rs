//! A PDF's metadata as the public check reads it: the text strings of the document
//! information dictionary (Title, Author, Subject, Keywords, Creator, Producer), its dates,
//! and the XMP stream when the catalogue has one.

use crate::error::{ReportError, Result};
use lopdf::{Document, Object};

/// What a PDF says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// (key, text) of every text entry of the Info dictionary.
    pub strings: Vec<(String, String)>,
    /// CreationDate and ModDate, as written ("D:20261202…").
    pub dates: Vec<String>,
    /// The XMP packet, when there is one.
    pub xmp: Option<String>,
}

fn text_of(object: &Object) -> Option<String> {
    match object {
        Object::String(bytes, _) => Some(decode(bytes)),
        _ => None,
    }
}

/// PDF text strings are UTF-16BE with a byte-order mark, or PDFDocEncoding (Latin-1 near
/// enough for the check).
fn decode(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

/// Reads the metadata of a PDF.
pub fn read(pdf: &[u8]) -> Result<Metadata> {
    let doc = Document::load_mem(pdf)
        .map_err(|e| ReportError::Unverifiable(format!("metadata onleesbaar: {e}")))?;
    let mut meta = Metadata::default();
    let info = doc.trailer.get(b"Info").ok().and_then(|o| match o {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    });
    if let Some(info) = info {
        for (key, value) in info.iter() {
            let key = String::from_utf8_lossy(key).to_string();
            if let Some(text) = text_of(value) {
                if key.ends_with("Date") {
                    meta.dates.push(text);
                } else {
                    meta.strings.push((key, text));
                }
            }
        }
    }
    let xmp = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|o| o.as_reference().ok())
        .and_then(|id| doc.get_object(id).ok())
        .and_then(|o| o.as_stream().ok())
        .map(|s| {
            let content = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            String::from_utf8_lossy(&content).to_string()
        });
    meta.xmp = xmp;
    Ok(meta)
}
