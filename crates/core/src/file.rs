//! The dossier file, `wederhoor-dossier/2` and its first version `/1` (INTERFACES.md §1 and
//! §1a): its types, reading with errors that name the offending path, the defaults a `/1` file
//! is read with, and the validation of every reference, vocabulary value and norm code. A file
//! that passes [`DossierFile::parse`] can be stored without further checks; it is always
//! written as `/2`.

use crate::dates::{self, FuzzyDate};
use crate::error::{Error, Result};
use crate::norms;
use crate::vocab::*;
use base64::Engine as _;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

/// The format tag of the files Wederhoor writes.
pub const FORMAT: &str = "wederhoor-dossier/2";

/// The first version's tag, still read.
pub const FORMAT_V1: &str = "wederhoor-dossier/1";

/// A whole dossier as one JSON document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct DossierFile {
    pub format: String,
    pub dossier: FileDossier,
    #[serde(default)]
    pub parties: Vec<FileParty>,
    #[serde(default)]
    pub sources: Vec<FileSource>,
    #[serde(default)]
    pub statements: Vec<FileStatement>,
    #[serde(default)]
    pub complaint_points: Vec<FileComplaintPoint>,
    #[serde(default)]
    pub conflicts: Vec<FileConflict>,
    #[serde(default)]
    pub recommendations: Vec<FileRecommendation>,
    #[serde(default)]
    pub reactions: Vec<FileReaction>,
    #[serde(default)]
    pub reports: Vec<FileReport>,
    #[serde(default)]
    pub events: Vec<FileEvent>,
}

/// The dossier's own fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileDossier {
    pub reference: String,
    pub title: String,
    #[serde(default)]
    pub ombudsman: String,
    #[serde(default)]
    pub bodies: Vec<String>,
    #[serde(with = "dates::iso_date")]
    pub received_on: NaiveDate,
    pub status: DossierStatus,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub kenbaarheid: Kenbaarheid,
    #[serde(default)]
    pub advisory_committee: bool,
}

/// A party, with the pseudonym public reports use and the other names it goes by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileParty {
    pub id: String,
    pub role: PartyRole,
    pub name: String,
    pub pseudonym: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Whether the real name stays in the public version; absent (a `/1` file) means the
    /// role's default, which [`DossierFile::parse`] fills in.
    #[serde(default)]
    pub public_name: Option<bool>,
    #[serde(default)]
    pub acts_for: Option<String>,
}

impl FileParty {
    /// Whether the real name stays in the public version.
    pub fn keeps_name_in_public(&self) -> bool {
        self.public_name
            .unwrap_or_else(|| self.role.public_name_by_default())
    }
}

/// A piece of evidence: original bytes (base64, with their SHA-256) and/or extracted text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileSource {
    pub id: String,
    pub kind: SourceKind,
    pub title: String,
    pub supplied_by: Option<String>,
    #[serde(default, with = "dates::iso_date::option")]
    pub received_on: Option<NaiveDate>,
    pub file_name: Option<String>,
    pub media_type: Option<String>,
    pub sha256: Option<String>,
    pub content_base64: Option<String>,
    pub text: Option<String>,
    #[serde(default)]
    pub attached_to: Option<String>,
    /// Where the text came from; absent with a text (a `/1` file) means `extracted`.
    #[serde(default)]
    pub text_origin: Option<TextOrigin>,
}

/// One dated assertion by one party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileStatement {
    pub id: String,
    pub party: String,
    pub kind: StatementKind,
    pub date: Option<FuzzyDate>,
    pub topic: Option<String>,
    pub channel: Option<Channel>,
    pub text: String,
    pub quantity: Option<Quantity>,
    #[serde(default)]
    pub excerpts: Vec<FileExcerpt>,
}

/// A counted claim: "at least 10 contacts".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Quantity {
    pub at_least: u32,
    pub unit: String,
}

/// The span of a source a statement rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileExcerpt {
    pub source: String,
    pub quote: String,
    pub page: Option<u32>,
}

/// One numbered part of the complaint with its norm tests and verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileComplaintPoint {
    pub id: String,
    pub number: u32,
    pub text: String,
    #[serde(default)]
    pub judgements: Vec<FileJudgement>,
    pub verdict: Verdict,
}

/// A complaint point tested against one norm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileJudgement {
    pub norm: String,
    pub outcome: Outcome,
    #[serde(default)]
    pub considerations: String,
}

/// Statements of the citizen's side set against those of the body's side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileConflict {
    pub id: String,
    pub title: String,
    pub kind: ConflictKind,
    #[serde(default)]
    pub citizen: Vec<String>,
    #[serde(default)]
    pub body: Vec<String>,
    pub complaint_point: Option<String>,
    #[serde(default)]
    pub both_sides_heard: bool,
    pub resolution: Resolution,
    #[serde(default)]
    pub reasoning: String,
}

/// What the body should do, and what it answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileRecommendation {
    pub id: String,
    pub complaint_point: Option<String>,
    pub text: String,
    pub response: Option<String>,
}

/// A party's response in a hoor-en-wederhoor round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileReaction {
    pub id: String,
    pub party: String,
    #[serde(with = "dates::iso_date")]
    pub received_on: NaiveDate,
    pub on_report: Option<ReportKind>,
    pub text: String,
    #[serde(default)]
    pub contests: Vec<String>,
}

/// One version of a report text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileReport {
    pub kind: ReportKind,
    pub status: ReportStatus,
    #[serde(default, with = "dates::iso_date::option")]
    pub date: Option<NaiveDate>,
    pub markdown: String,
}

/// One step of the procedure (INTERFACES.md §1a `events`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileEvent {
    pub id: String,
    pub kind: EventKind,
    #[serde(with = "dates::iso_date")]
    pub on: NaiveDate,
    pub party: Option<String>,
    #[serde(default, with = "dates::iso_date::option")]
    pub due_on: Option<NaiveDate>,
    #[serde(default, with = "dates::iso_date::option")]
    pub done_on: Option<NaiveDate>,
    pub weeks: Option<u32>,
    pub source: Option<String>,
    #[serde(default)]
    pub text: String,
}

impl DossierFile {
    /// Reads and validates a dossier file. Errors name the offending path, e.g.
    /// `statements[3].party: onbekende partij "p9"`.
    pub fn parse(json: &str) -> Result<Self> {
        let deserializer = &mut serde_json::Deserializer::from_str(json);
        let mut file: DossierFile =
            serde_path_to_error::deserialize(deserializer).map_err(|err| {
                let path = err.path().to_string();
                let path = if path == "." || path == "?" {
                    String::new()
                } else {
                    path
                };
                Error::file(path, translate_serde_error(&err.inner().to_string()))
            })?;
        file.fill_version_1_defaults();
        file.validate()?;
        file.format = FORMAT.to_string();
        Ok(file)
    }

    /// The values INTERFACES.md §1a gives keys a `/1` file does not have (and a `/2` file
    /// left out): a party's `public_name` by its role, a source's `text_origin` by its text.
    fn fill_version_1_defaults(&mut self) {
        for party in &mut self.parties {
            party.public_name = Some(party.keeps_name_in_public());
        }
        for source in &mut self.sources {
            if source.text.is_some() && source.text_origin.is_none() {
                source.text_origin = Some(TextOrigin::Extracted);
            }
        }
    }

    /// Writes the file as pretty JSON with every key present.
    pub fn to_json(&self) -> String {
        let mut text =
            serde_json::to_string_pretty(self).expect("a dossier file always serialises");
        text.push('\n');
        text
    }

    /// Checks what types alone cannot: the format tag, unique ids, every reference, norm codes,
    /// source hashes, and the rule that "not establishable" needs both sides heard.
    pub fn validate(&self) -> Result<()> {
        if self.format != FORMAT && self.format != FORMAT_V1 {
            return Err(Error::file(
                "format",
                format!(
                    "verwacht \"{FORMAT}\" of \"{FORMAT_V1}\", gevonden \"{}\"",
                    self.format
                ),
            ));
        }
        require_text("dossier.reference", &self.dossier.reference)?;
        require_text("dossier.title", &self.dossier.title)?;

        let parties = ids("parties", self.parties.iter().map(|p| p.id.as_str()))?;
        let sources = ids("sources", self.sources.iter().map(|s| s.id.as_str()))?;
        let statements = ids("statements", self.statements.iter().map(|s| s.id.as_str()))?;
        let points = ids(
            "complaint_points",
            self.complaint_points.iter().map(|k| k.id.as_str()),
        )?;
        ids("conflicts", self.conflicts.iter().map(|c| c.id.as_str()))?;
        ids(
            "recommendations",
            self.recommendations.iter().map(|a| a.id.as_str()),
        )?;
        ids("reactions", self.reactions.iter().map(|r| r.id.as_str()))?;
        ids("events", self.events.iter().map(|e| e.id.as_str()))?;

        for (i, party) in self.parties.iter().enumerate() {
            require_text(&format!("parties[{i}].name"), &party.name)?;
            require_text(&format!("parties[{i}].pseudonym"), &party.pseudonym)?;
            if let Some(body) = &party.acts_for {
                let path = format!("parties[{i}].acts_for");
                refers(&path, body, &parties, "partij")?;
                let target = self.parties.iter().find(|p| &p.id == body);
                if body == &party.id || target.is_some_and(|p| p.role != PartyRole::Body) {
                    return Err(Error::file(
                        path,
                        format!("\"{body}\" is geen andere partij met rol body"),
                    ));
                }
            }
        }
        for (i, source) in self.sources.iter().enumerate() {
            if let Some(party) = &source.supplied_by {
                refers(
                    &format!("sources[{i}].supplied_by"),
                    party,
                    &parties,
                    "partij",
                )?;
            }
            check_source_content(i, source)?;
            if let Some(parent) = &source.attached_to {
                let path = format!("sources[{i}].attached_to");
                refers(&path, parent, &sources, "stuk")?;
                check_attachment_chain(&self.sources, source, &path)?;
            }
            if source.text.is_none() && source.text_origin.is_some() {
                return Err(Error::file(
                    format!("sources[{i}].text_origin"),
                    "moet null zijn: het stuk heeft geen tekst",
                ));
            }
        }
        for (i, statement) in self.statements.iter().enumerate() {
            refers(
                &format!("statements[{i}].party"),
                &statement.party,
                &parties,
                "partij",
            )?;
            require_text(&format!("statements[{i}].text"), &statement.text)?;
            for (j, excerpt) in statement.excerpts.iter().enumerate() {
                refers(
                    &format!("statements[{i}].excerpts[{j}].source"),
                    &excerpt.source,
                    &sources,
                    "stuk",
                )?;
            }
        }
        let mut numbers = HashSet::new();
        for (i, point) in self.complaint_points.iter().enumerate() {
            if !numbers.insert(point.number) {
                return Err(Error::file(
                    format!("complaint_points[{i}].number"),
                    format!("nummer {} komt twee keer voor", point.number),
                ));
            }
            for (j, judgement) in point.judgements.iter().enumerate() {
                if norms::find(&judgement.norm).is_none() {
                    return Err(Error::file(
                        format!("complaint_points[{i}].judgements[{j}].norm"),
                        format!("onbekende normcode \"{}\"", judgement.norm),
                    ));
                }
            }
        }
        for (i, conflict) in self.conflicts.iter().enumerate() {
            for (j, id) in conflict.citizen.iter().enumerate() {
                refers(
                    &format!("conflicts[{i}].citizen[{j}]"),
                    id,
                    &statements,
                    "lezing",
                )?;
            }
            for (j, id) in conflict.body.iter().enumerate() {
                refers(
                    &format!("conflicts[{i}].body[{j}]"),
                    id,
                    &statements,
                    "lezing",
                )?;
            }
            if let Some(id) = conflict
                .citizen
                .iter()
                .find(|id| conflict.body.contains(id))
            {
                return Err(Error::file(
                    format!("conflicts[{i}]"),
                    format!("lezing \"{id}\" staat aan beide kanten"),
                ));
            }
            if let Some(point) = &conflict.complaint_point {
                refers(
                    &format!("conflicts[{i}].complaint_point"),
                    point,
                    &points,
                    "klachtonderdeel",
                )?;
            }
            if !conflict.resolution.permitted(conflict.both_sides_heard) {
                return Err(Error::file(
                    format!("conflicts[{i}].resolution"),
                    "\"niet vast te stellen\" kan pas als beide kanten elkaars lezing hebben gezien (both_sides_heard)",
                ));
            }
        }
        for (i, rec) in self.recommendations.iter().enumerate() {
            if let Some(point) = &rec.complaint_point {
                refers(
                    &format!("recommendations[{i}].complaint_point"),
                    point,
                    &points,
                    "klachtonderdeel",
                )?;
            }
        }
        for (i, reaction) in self.reactions.iter().enumerate() {
            refers(
                &format!("reactions[{i}].party"),
                &reaction.party,
                &parties,
                "partij",
            )?;
            for (j, id) in reaction.contests.iter().enumerate() {
                refers(
                    &format!("reactions[{i}].contests[{j}]"),
                    id,
                    &statements,
                    "lezing",
                )?;
            }
        }
        for (i, event) in self.events.iter().enumerate() {
            if let Some(party) = &event.party {
                refers(&format!("events[{i}].party"), party, &parties, "partij")?;
            }
            if let Some(source) = &event.source {
                refers(&format!("events[{i}].source"), source, &sources, "stuk")?;
            }
            match (event.kind, event.weeks) {
                (EventKind::InternalComplaintExtended, Some(1..=4)) | (_, None) => {}
                (EventKind::InternalComplaintExtended, Some(_)) => {
                    return Err(Error::file(
                        format!("events[{i}].weeks"),
                        "een verdaging is ten hoogste 4 weken (Awb 9:11 lid 2)",
                    ))
                }
                (_, Some(_)) => {
                    return Err(Error::file(
                        format!("events[{i}].weeks"),
                        "alleen bij internal_complaint_extended",
                    ))
                }
            }
            for (key, day) in [("due_on", event.due_on), ("done_on", event.done_on)] {
                if day.is_some_and(|d| d < event.on) {
                    return Err(Error::file(
                        format!("events[{i}].{key}"),
                        "ligt vóór de dag van de stap zelf (on)",
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Decodes a source's base64 content.
pub fn decode_content(content: &str) -> std::result::Result<Vec<u8>, String> {
    base64::engine::general_purpose::STANDARD
        .decode(content.trim())
        .map_err(|e| format!("geen geldige base64 ({e})"))
}

/// Encodes a source's bytes as base64 for the file.
pub fn encode_content(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Lower-case hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Gives local ids (`p1`, `s1`, ...) to rows in their stored order, so an export is stable.
#[derive(Debug, Default)]
pub struct IdMap {
    map: HashMap<(char, i64), String>,
}

impl IdMap {
    /// Assigns `prefix` + ordinal to each database id, in the order given.
    pub fn assign(&mut self, kind: char, prefix: &str, db_ids: impl IntoIterator<Item = i64>) {
        for (n, id) in db_ids.into_iter().enumerate() {
            self.map.insert((kind, id), format!("{prefix}{}", n + 1));
        }
    }

    /// The local id of a database id, if it was assigned.
    pub fn get(&self, kind: char, db_id: i64) -> Option<String> {
        self.map.get(&(kind, db_id)).cloned()
    }
}

mod rules;
use rules::*;

#[cfg(test)]
mod tests;
