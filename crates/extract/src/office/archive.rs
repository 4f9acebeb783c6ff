//! The ZIP container of a DOCX or ODT, read without trusting what it says about itself: the
//! sizes in its directory can lie (a zip bomb declares a few kilobytes and inflates to
//! gigabytes), so every entry is read through [`Read::take`] with a cap, and the total across
//! the document is capped too.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

/// How much a document may unpack to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Bytes unpacked across all parts read from one document.
    pub(crate) total: u64,
    /// Bytes unpacked from a single part.
    pub(crate) part: u64,
    /// Entries in the archive.
    pub(crate) entries: usize,
}

/// The limits for real documents: far above any letter or report, far below what hurts.
pub(crate) const LIMITS: Limits = Limits {
    total: 256 << 20,
    part: 64 << 20,
    entries: 10_000,
};

const REFUSED: &str = "(mogelijk een zip-bom); de tekst is niet gelezen";

/// An opened archive that counts what has been unpacked from it.
pub(super) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    names: HashSet<String>,
    /// Stored names by their lower-case form, for parts written in other capitals.
    lower: HashMap<String, String>,
    limits: Limits,
    unpacked: u64,
}

impl<'a> Archive<'a> {
    pub(super) fn open(bytes: &'a [u8], limits: Limits) -> Result<Self, String> {
        let too_many = |count: u64| {
            format!(
                "het archief bevat {count} onderdelen, meer dan de {} die worden gelezen {REFUSED}",
                limits.entries
            )
        };
        // Checked before the directory is parsed: the zip crate keeps a record per entry.
        if let Some(count) = declared_entries(bytes) {
            if count > limits.entries as u64 {
                return Err(too_many(count));
            }
        }
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("geen geldig zip-archief ({})", zip_error(&e)))?;
        if zip.len() > limits.entries {
            return Err(too_many(zip.len() as u64));
        }
        let names: HashSet<String> = zip.file_names().map(str::to_string).collect();
        let mut lower = HashMap::new();
        for name in &names {
            lower
                .entry(name.to_ascii_lowercase())
                .or_insert_with(|| name.clone());
        }
        Ok(Archive {
            zip,
            names,
            lower,
            limits,
            unpacked: 0,
        })
    }

    /// The name of an entry as stored: exactly `name`, or else `name` in other capitals
    /// (some generators write `Word/Document.xml`).
    pub(super) fn find(&self, name: &str) -> Option<String> {
        if self.names.contains(name) {
            return Some(name.to_string());
        }
        self.lower.get(&name.to_ascii_lowercase()).cloned()
    }

    /// The names of all entries, sorted.
    pub(super) fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.names.iter().cloned().collect();
        names.sort();
        names
    }

    /// The text of a part (an XML file), or `None` when the archive has no such part.
    pub(super) fn read(&mut self, name: &str) -> Result<Option<String>, String> {
        let Some(stored) = self.find(name) else {
            return Ok(None);
        };
        let file = self.zip.by_name(&stored).map_err(|e| match e {
            ZipError::UnsupportedArchive(detail) if detail.contains("assword") => {
                format!("het onderdeel {name} is met een wachtwoord versleuteld")
            }
            e => format!(
                "het onderdeel {name} kan niet worden uitgepakt ({})",
                zip_error(&e)
            ),
        })?;
        let room = self.limits.total.saturating_sub(self.unpacked);
        let cap = self.limits.part.min(room);
        let mut data = Vec::new();
        file.take(cap.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|e| {
                format!("het onderdeel {name} is beschadigd en kan niet worden uitgepakt ({e})")
            })?;
        let size = data.len() as u64;
        if size > self.limits.part {
            return Err(format!(
                "het onderdeel {name} pakt uit tot meer dan {} {REFUSED}",
                amount(self.limits.part)
            ));
        }
        if size > cap {
            return Err(format!(
                "het archief pakt uit tot meer dan {} {REFUSED}",
                amount(self.limits.total)
            ));
        }
        self.unpacked += size;
        Ok(Some(decode(data)))
    }
}

/// The number of entries the end of the central directory declares, found the way the zip
/// crate finds it (the last end record within the final 64 kB; for ZIP64, its record).
fn declared_entries(bytes: &[u8]) -> Option<u64> {
    let u16_at = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    let u64_at = |at: usize| Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?));
    let last = bytes.len().checked_sub(22)?;
    let end = (last.saturating_sub(u16::MAX as usize)..=last)
        .rev()
        .find(|&at| bytes[at..].starts_with(b"PK\x05\x06"))?;
    let (here, total) = (u16_at(end + 8)?, u16_at(end + 10)?);
    if here != u16::MAX && total != u16::MAX {
        return Some(u64::from(here.max(total)));
    }
    let locator = end.checked_sub(20)?;
    if !bytes[locator..].starts_with(b"PK\x06\x07") {
        return None;
    }
    let nominal = usize::try_from(u64_at(locator + 8)?).ok()?;
    let record = (nominal..locator).find(|&at| bytes[at..].starts_with(b"PK\x06\x06"))?;
    Some(u64_at(record + 24)?.max(u64_at(record + 32)?))
}

/// XML as a string: UTF-8 (with or without a byte-order mark) or, rarely, UTF-16 with one.
/// Invalid bytes become U+FFFD rather than costing the whole document.
fn decode(data: Vec<u8>) -> String {
    let utf16 = match data.get(..2) {
        Some([0xFF, 0xFE]) => Some(encoding_rs::UTF_16LE),
        Some([0xFE, 0xFF]) => Some(encoding_rs::UTF_16BE),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        let (text, _, _) = encoding.decode(&data);
        return text.into_owned();
    }
    let data = match data.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => data,
    };
    String::from_utf8(data).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn amount(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

fn zip_error(e: &ZipError) -> String {
    match e {
        ZipError::InvalidArchive(detail) if detail.contains("central directory end") => {
            "de inhoudsopgave aan het eind ontbreekt; het bestand is afgebroken of geen zip".into()
        }
        ZipError::InvalidArchive(detail) => format!("ongeldige opbouw: {detail}"),
        ZipError::UnsupportedArchive(detail) => format!("niet ondersteund: {detail}"),
        ZipError::Io(e) => format!("leesfout: {e}"),
        ZipError::FileNotFound => "onderdeel niet gevonden".into(),
    }
}
