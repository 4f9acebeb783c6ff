//! The three kinds of passage a search finds (sources, statements, report versions): where each
//! kind's rows are, the columns a hit is made of, and one row type for all three, so the
//! dossier search and the library search read and name hits the same way.

use super::words::Wanted;
use crate::error::Result;
use crate::vocab;
use wederhoor_core::vocab::{ReportKind, ReportStatus};
use wederhoor_core::wire::{ReportHitFacts, SearchHit, SearchHitKind};

/// Words around the match in a snippet.
pub(super) const SNIPPET_WORDS: usize = 12;

/// One kind of passage.
#[derive(Debug)]
pub(super) struct Kind {
    /// What its hits are.
    pub(super) hit: SearchHitKind,
    /// Its place in a dossier's part of the library index: bits 30 and 31 of the rowid.
    pub(super) code: i64,
    /// The dossier search's FTS5 index over it (external content, rowid = the row's id).
    fts: &'static str,
    /// The name of its table in [`Kind::rows`].
    pub(super) alias: &'static str,
    /// Its table with whatever names a hit.
    rows: &'static str,
    /// The hit's columns but the snippet, the text and the topic.
    columns: &'static str,
    /// The text a snippet is made of and the other column a match may be in (a source's
    /// title, a statement's topic).
    text: &'static str,
}

/// Sources: title and text (the text as the index holds it, see `sources_search`).
pub(super) const SOURCES: Kind = Kind {
    hit: SearchHitKind::Source,
    code: 2,
    fts: "sources_fts",
    alias: "s",
    rows: "sources s",
    columns: "s.id AS id, s.dossier_id AS dossier_id, s.id AS source_id, s.title AS title,
        NULL AS report_kind, NULL AS report_status, NULL AS report_day",
    text: "COALESCE(s.index_text, s.text) AS text, s.title AS topic",
};

/// Statements: text and topic; titled by their party and date, opened at the source their
/// first excerpt quotes.
pub(super) const STATEMENTS: Kind = Kind {
    hit: SearchHitKind::Statement,
    code: 1,
    fts: "statements_fts",
    alias: "st",
    rows: "statements st JOIN parties p ON p.id = st.party_id",
    columns: "st.id AS id, st.dossier_id AS dossier_id,
        (SELECT e.source_id FROM excerpts e WHERE e.statement_id = st.id ORDER BY e.id LIMIT 1) AS source_id,
        p.name || COALESCE(' · ' || st.date_a, '') AS title,
        NULL AS report_kind, NULL AS report_status, NULL AS report_day",
    text: "st.text AS text, st.topic AS topic",
};

/// Report versions: their Markdown; named by kind, status and day (a draft's day is the day
/// it was last saved). Only the library search finds them.
pub(super) const REPORTS: Kind = Kind {
    hit: SearchHitKind::Report,
    code: 0,
    fts: "",
    alias: "r",
    rows: "reports r",
    columns: "r.id AS id, r.dossier_id AS dossier_id, NULL AS source_id, '' AS title,
        r.kind AS report_kind, r.status AS report_status,
        COALESCE(r.date, substr(COALESCE(r.updated_at, r.created_at), 1, 10)) AS report_day",
    text: "r.markdown AS text, NULL AS topic",
};

/// The kinds in the order the library index keeps a dossier's rows, newest first.
pub(super) const KINDS: [&Kind; 3] = [&SOURCES, &STATEMENTS, &REPORTS];

impl Kind {
    /// The dossier search's hits through this kind's own index, for `AND` conditions to
    /// follow. With `candidates`, the snippet is left empty and the text to check is read
    /// instead (see [`super::typed::Candidates`]).
    pub(super) fn select(&self, candidates: bool) -> String {
        let snippet = if candidates {
            "''".to_string()
        } else {
            format!("snippet({}, -1, '[', ']', '…', {SNIPPET_WORDS})", self.fts)
        };
        let text = if candidates {
            self.text
        } else {
            "NULL AS text, NULL AS topic"
        };
        format!(
            "SELECT {}, {snippet} AS snippet, {text} FROM {fts} JOIN {} WHERE {}.id = {fts}.rowid",
            self.columns,
            self.rows,
            self.alias,
            fts = self.fts,
        )
    }

    /// This kind's rows with these ids (a JSON array as `?1`), with their texts.
    pub(super) fn by_ids(&self) -> String {
        format!(
            "SELECT {}, '' AS snippet, {} FROM {} WHERE {}.id IN (SELECT value FROM json_each(?1))",
            self.columns, self.text, self.rows, self.alias
        )
    }

    /// The dossier search's FTS5 index over this kind.
    pub(super) fn fts(&self) -> &'static str {
        self.fts
    }

    /// The kind a library index rowid belongs to.
    pub(super) fn of_key(key: i64) -> &'static Kind {
        let code = (key >> 30) & 3;
        KINDS
            .into_iter()
            .find(|k| k.code == code)
            .unwrap_or(&REPORTS)
    }
}

/// A row's place in the library index: `(dossier << 32) | (kind << 30) | id`.
pub(super) fn key_parts(key: i64) -> (i64, &'static Kind, i64) {
    (key >> 32, Kind::of_key(key), key & ((1 << 30) - 1))
}

/// The first key of a dossier's part of the library index.
pub(super) fn dossier_start(dossier: i64) -> i64 {
    dossier << 32
}

/// A hit as the queries of [`Kind::select`] and [`Kind::by_ids`] read it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(super) struct HitRow {
    pub(super) id: i64,
    pub(super) dossier_id: i64,
    source_id: Option<i64>,
    title: String,
    pub(super) snippet: String,
    pub(super) text: Option<String>,
    pub(super) topic: Option<String>,
    report_kind: Option<String>,
    report_status: Option<String>,
    report_day: Option<String>,
}

impl HitRow {
    /// Makes the snippet from the row's own text (or, when the match is not in it, from its
    /// title or topic), as the library index keeps no text to make one from.
    pub(super) fn mark(&mut self, wanted: &Wanted) {
        let text = self.text.take().unwrap_or_default();
        let other = self.topic.take().unwrap_or_default();
        self.snippet = wanted
            .marked_snippet(&text, SNIPPET_WORDS)
            .or_else(|| wanted.marked_snippet(&other, SNIPPET_WORDS))
            .unwrap_or_else(|| wanted.snippet(&text, SNIPPET_WORDS));
    }

    /// The hit for the UI.
    pub(super) fn into_hit(self, kind: SearchHitKind) -> Result<SearchHit> {
        let report = match (self.report_kind, self.report_status) {
            (Some(k), Some(s)) => Some(ReportHitFacts {
                kind: vocab(&k, ReportKind::from_code)?,
                status: vocab(&s, ReportStatus::from_code)?,
                day: self.report_day,
            }),
            _ => None,
        };
        Ok(SearchHit {
            kind,
            id: self.id,
            source_id: self.source_id,
            title: self.title,
            snippet: self.snippet,
            report,
        })
    }
}
