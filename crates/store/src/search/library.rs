//! Search across the whole library: every dossier's sources, statements and report versions,
//! grouped per dossier, newest dossier first, at most [`GROUPS`] dossiers and [`HITS`]
//! passages a dossier (its sources first, then its statements, then its reports, each newest
//! first), with whether it has more.
//!
//! It reads one index, `library_fts` (see the library search migration), whose rowid puts a
//! dossier's rows together: read backwards, the first matches are the newest dossier's, so
//! the dossier of a match needs no look-up, and once a dossier has its hits the reading jumps
//! to the next dossier instead of passing its other matches one by one. A common word costs
//! one query a dossier shown; a rare one, one query. Ranking by the number of hits would count
//! every match instead: a million for a word in every statement.

use super::hits::{dossier_start, key_parts, HitRow, Kind, KINDS};
use super::typed::{Candidates, Typed};
use super::words::Wanted;
use crate::error::Result;
use crate::Db;
use sqlx::SqliteConnection;
use std::collections::HashMap;
use wederhoor_core::wire::LibraryGroup;

/// The most dossiers one library search returns.
pub const GROUPS: usize = 20;

/// The most passages shown of one dossier.
pub const HITS: usize = 5;

/// Keys kept of a dossier: one more than are shown says it has more.
const PAGE: usize = HITS + 1;

/// The longest beginning the library index keeps (`prefix = '3 4 5 6'`); a longer word being
/// typed is searched by its first six letters, and the candidates checked.
const LIBRARY_PREFIX: usize = 6;

/// Queries one search makes at most: a bound on its time should candidates keep failing; a
/// dossier the search did not finish says it has more.
const QUERIES: usize = 200;

/// One dossier's keys in the library index, as read (newest first within each kind).
struct Group {
    dossier: i64,
    keys: Vec<i64>,
}

/// Searches every dossier. An empty query (no letters or digits) finds nothing.
pub async fn library(db: &Db, typed: &str) -> Result<Vec<LibraryGroup>> {
    let Some(typed) = Typed::parse(typed) else {
        return Ok(Vec::new());
    };
    // One read transaction: every query sees the library as it was at the first.
    let mut tx = db.pool().begin().await?;
    let mut reading = Reading::new(&typed);
    reading.run(&mut tx).await?;
    let Reading {
        groups,
        read,
        wanted,
        end,
        ..
    } = reading;
    let finished = end != End::Open;
    let mut rows = rows_of(&mut tx, &groups, read, &wanted).await?;
    let names: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, reference, title FROM dossiers WHERE id IN (SELECT value FROM json_each(?1))",
    )
    .bind(json(groups.iter().map(|g| g.dossier)))
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let names: HashMap<i64, (String, String)> =
        names.into_iter().map(|(id, r, t)| (id, (r, t))).collect();
    let last = groups.last().map(|g| g.dossier);
    let mut found = Vec::with_capacity(groups.len());
    for group in groups {
        let Some((reference, title)) = names.get(&group.dossier).cloned() else {
            continue;
        };
        let mut hits = Vec::with_capacity(HITS);
        for key in group.keys.iter().take(HITS) {
            if let Some(row) = rows.remove(key) {
                hits.push(row.into_hit(key_parts(*key).1.hit)?);
            }
        }
        found.push(LibraryGroup {
            dossier_id: group.dossier,
            reference,
            title,
            hits,
            more: group.keys.len() > HITS || (!finished && last == Some(group.dossier)),
        });
    }
    Ok(found)
}

/// The reading of the library index for one search.
///
/// The index is read backwards, [`PAGE`] keys a query, from one dossier to the next: once a
/// dossier has its keys the next query starts below it. A beginning longer than the index
/// keeps is read by its first six letters as if every candidate were a match (nearly all
/// are); the candidates are then checked on their texts all at once, and where some fail,
/// their dossier is read on and the reading goes on past the last dossier.
struct Reading {
    query: String,
    candidates: Option<Candidates>,
    wanted: Wanted,
    groups: Vec<Group>,
    /// Rows of checked candidates that match, with their snippets.
    read: HashMap<i64, HitRow>,
    /// Where the next query starts: every key above it is read.
    below: i64,
    /// How the reading ended so far.
    end: End,
    queries: usize,
}

/// How a reading ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// Not yet, or at the bound on queries: the last dossier held may have more.
    Open,
    /// It met a dossier past the last one held: every one held is complete.
    LaterDossier,
    /// Nothing is left below.
    RanOut,
}

impl Reading {
    fn new(typed: &Typed<'_>) -> Self {
        Reading {
            query: typed.query(),
            candidates: typed.long_start(LIBRARY_PREFIX),
            wanted: typed.wanted(),
            groups: Vec::new(),
            read: HashMap::new(),
            below: i64::MAX,
            end: End::Open,
            queries: 0,
        }
    }

    fn match_query(&self) -> &str {
        self.candidates.as_ref().map_or(&self.query, |c| &c.query)
    }

    async fn run(&mut self, conn: &mut SqliteConnection) -> Result<()> {
        loop {
            self.walk(conn).await?;
            if self.candidates.is_none() {
                return Ok(());
            }
            self.check(conn).await?;
            // Candidates that failed left room: read on past the last dossier.
            if self.end != End::LaterDossier
                || self.groups.len() >= GROUPS
                || self.queries >= QUERIES
            {
                return Ok(());
            }
            self.end = End::Open;
        }
    }

    /// Reads on from `below` until [`GROUPS`] dossiers are held and a later one is met, or the
    /// index runs out.
    async fn walk(&mut self, conn: &mut SqliteConnection) -> Result<()> {
        while self.queries < QUERIES {
            self.queries += 1;
            let keys: Vec<i64> = sqlx::query_scalar(
                "SELECT rowid FROM library_fts WHERE library_fts MATCH ?1 AND rowid < ?2
                 ORDER BY rowid DESC LIMIT ?3",
            )
            .bind(self.match_query())
            .bind(self.below)
            .bind(PAGE as i64)
            .fetch_all(&mut *conn)
            .await?;
            let ran_out = keys.len() < PAGE;
            for &key in &keys {
                let (dossier, _, _) = key_parts(key);
                if let Some(group) = self.groups.last_mut().filter(|g| g.dossier == dossier) {
                    if group.keys.len() < PAGE {
                        group.keys.push(key);
                    }
                } else if self.groups.len() == GROUPS {
                    self.end = End::LaterDossier;
                    self.below = dossier_start(self.groups[GROUPS - 1].dossier);
                    return Ok(());
                } else {
                    self.groups.push(Group {
                        dossier,
                        keys: vec![key],
                    });
                }
            }
            let Some(&last) = keys.last().filter(|_| !ran_out) else {
                self.end = End::RanOut;
                return Ok(());
            };
            let (dossier, _, _) = key_parts(last);
            let full = self
                .groups
                .last()
                .is_some_and(|g| g.dossier == dossier && g.keys.len() >= PAGE);
            // Its keys complete: on to the dossiers below it.
            self.below = if full { dossier_start(dossier) } else { last };
        }
        Ok(())
    }

    /// Checks the candidates read since the last check on their rows' texts: those that
    /// match stay (their rows kept); a dossier that lost some is read on within its own part
    /// of the index; a dossier left without any is dropped.
    async fn check(&mut self, conn: &mut SqliteConnection) -> Result<()> {
        let unchecked: Vec<i64> = self
            .groups
            .iter()
            .flat_map(|g| g.keys.iter().copied())
            .filter(|k| !self.read.contains_key(k))
            .collect();
        self.keep(conn, unchecked).await?;
        for at in 0..self.groups.len() {
            let had = self.groups[at].keys.len();
            let last = self.groups[at].keys.last().copied().unwrap_or(self.below);
            let read = &self.read;
            self.groups[at].keys.retain(|k| read.contains_key(k));
            if had >= PAGE && self.groups[at].keys.len() < PAGE {
                self.read_on(conn, at, last).await?;
            }
        }
        self.groups.retain(|g| !g.keys.is_empty());
        // At this rate SQLite's own prefix search has little to merge and is the cheaper.
        if self.candidates.as_ref().is_some_and(Candidates::too_few) {
            self.candidates = None;
        }
        Ok(())
    }

    /// Reads on below `below` within the part of the index of the dossier at `at` until it has
    /// [`PAGE`] matching keys or its part ends.
    async fn read_on(
        &mut self,
        conn: &mut SqliteConnection,
        at: usize,
        mut below: i64,
    ) -> Result<()> {
        let dossier = self.groups[at].dossier;
        while self.groups[at].keys.len() < PAGE && self.queries < QUERIES {
            self.queries += 1;
            let keys: Vec<i64> = sqlx::query_scalar(
                "SELECT rowid FROM library_fts WHERE library_fts MATCH ?1 AND rowid < ?2 AND rowid >= ?3
                 ORDER BY rowid DESC LIMIT ?4",
            )
            .bind(self.match_query())
            .bind(below)
            .bind(dossier_start(dossier))
            .bind(PAGE as i64)
            .fetch_all(&mut *conn)
            .await?;
            let Some(&last) = keys.last() else {
                break;
            };
            below = last;
            let ran_out = keys.len() < PAGE;
            let kept = self.keep(conn, keys).await?;
            let room = PAGE - self.groups[at].keys.len();
            self.groups[at].keys.extend(kept.into_iter().take(room));
            if ran_out {
                break;
            }
        }
        Ok(())
    }

    /// The candidates among `keys` whose rows have the whole beginning; their rows (with
    /// their snippets) are kept.
    async fn keep(&mut self, conn: &mut SqliteConnection, keys: Vec<i64>) -> Result<Vec<i64>> {
        let Some(candidates) = self.candidates.as_mut() else {
            return Ok(keys);
        };
        let mut rows = fetch(conn, &keys).await?;
        let mut kept = Vec::with_capacity(keys.len());
        for key in keys {
            let Some(mut row) = rows.remove(&key) else {
                continue;
            };
            let text = row.text.as_deref().unwrap_or_default();
            if candidates.accepts(text, row.topic.as_deref()) {
                row.mark(&self.wanted);
                self.read.insert(key, row);
                kept.push(key);
            }
        }
        Ok(kept)
    }
}

/// The rows of the groups' keys to show, with their snippets: those read already, the others
/// read now, one query per kind.
async fn rows_of(
    conn: &mut SqliteConnection,
    groups: &[Group],
    mut read: HashMap<i64, HitRow>,
    wanted: &Wanted,
) -> Result<HashMap<i64, HitRow>> {
    let missing: Vec<i64> = groups
        .iter()
        .flat_map(|g| g.keys.iter().take(HITS))
        .copied()
        .filter(|key| !read.contains_key(key))
        .collect();
    for (key, mut row) in fetch(conn, &missing).await? {
        row.mark(wanted);
        read.insert(key, row);
    }
    Ok(read)
}

/// The rows of these library keys, by key, with their texts.
async fn fetch(conn: &mut SqliteConnection, keys: &[i64]) -> Result<HashMap<i64, HitRow>> {
    let mut rows = HashMap::with_capacity(keys.len());
    for kind in KINDS {
        let ids: Vec<i64> = keys
            .iter()
            .map(|k| key_parts(*k))
            .filter(|(_, k, _)| k.code == kind.code)
            .map(|(_, _, id)| id)
            .collect();
        if ids.is_empty() {
            continue;
        }
        let found: Vec<HitRow> = sqlx::query_as(&kind.by_ids())
            .bind(json(ids.into_iter()))
            .fetch_all(&mut *conn)
            .await?;
        rows.extend(found.into_iter().map(|row| (key_of(kind, &row), row)));
    }
    Ok(rows)
}

/// The library key of a row of this kind.
fn key_of(kind: &Kind, row: &HitRow) -> i64 {
    dossier_start(row.dossier_id) | (kind.code << 30) | row.id
}

fn json(ids: impl Iterator<Item = i64>) -> String {
    serde_json::to_string(&ids.collect::<Vec<_>>()).expect("a list of ids serialises")
}
