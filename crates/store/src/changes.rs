//! Undo and redo for every edit in a dossier. An edit runs inside a [`Change`]: its
//! transaction, with a row in `change_recording` that makes the tables' triggers write each row
//! it touches into `change_rows`, before and after, as JSON images of its columns (migration
//! `20261201120000`). Cascades are caught too, since they fire the same triggers. Undo makes
//! each touched row equal to its image before the edit, in reverse order; redo to its image
//! after, in order. Both first check that the rows still are what the edit left (or found):
//! a row changed since by something that is not undoable (an import, a final report) refuses
//! the undo rather than overwrite it. Undo and redo are audited; the history is kept per dossier
//! (the last [`KEEP`] edits), in the database, so it survives a restart.

use crate::error::{Error, Result};
use crate::{audit, dossiers, now, Actor, Db};
use serde_json::{json, Map, Value};
use sqlx::{Sqlite, SqliteConnection, Transaction};
use wederhoor_core::wire::{ChangeSummary, ChangeVerb, ItemKind, ReferenceCount, UndoState};

/// How many edits of a dossier can be undone.
pub const KEEP: i64 = 200;

/// The tables the change triggers record, and their blob columns (imaged as hex).
const TRACKED: &[(&str, &[&str])] = &[
    ("dossiers", &[]),
    ("parties", &[]),
    ("sources", &["content"]),
    ("statements", &[]),
    ("excerpts", &[]),
    ("complaint_points", &[]),
    ("judgements", &[]),
    ("conflicts", &[]),
    ("conflict_statements", &[]),
    ("recommendations", &[]),
    ("reactions", &[]),
    ("reaction_contests", &[]),
    ("reports", &[]),
    ("events", &[]),
    ("dismissed_suggestions", &[]),
];

/// How long a subject taken from a text may be, in characters.
const SUBJECT_CHARS: usize = 60;

/// What the undo button calls an item known by its text: the text itself when it is short,
/// else its start cut after a whole word, with "…" (the button must fit and stay readable).
pub fn subject_of(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= SUBJECT_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SUBJECT_CHARS).collect();
    let words = match cut.rfind(' ') {
        Some(space) if space > 0 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", words.trim_end_matches([',', ';', ':', '.']))
}

/// The tables whose writes are recorded for undo (a test holds the triggers to their columns).
pub fn tracked_tables() -> impl Iterator<Item = &'static str> {
    TRACKED.iter().map(|(t, _)| *t)
}

/// An edit being made: write through [`Change::conn`], then [`Change::commit`]. Dropped
/// without a commit, nothing of it is kept.
pub struct Change {
    tx: Transaction<'static, Sqlite>,
    id: i64,
    dossier_id: i64,
    reference: String,
    subject: String,
    /// For an edit that extends the last one: its last image before this save.
    extends_from: Option<i64>,
}

impl Change {
    /// Starts an edit of a dossier. A new edit ends what could be redone. With `coalesce`, an
    /// edit of the same kind and subject as the last one extends it (a text saved while it is
    /// typed is one step back, not one per save).
    pub async fn begin(
        db: &Db,
        dossier_id: i64,
        item: ItemKind,
        verb: ChangeVerb,
        subject: &str,
        coalesce: bool,
    ) -> Result<Change> {
        let mut tx = db.begin_write().await?;
        let reference = dossiers::reference_of(&mut tx, dossier_id).await?;
        let action = action_code(item, verb);
        let last: Option<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT id, action, subject, undone FROM changes WHERE dossier_id = ? ORDER BY id DESC LIMIT 1",
        )
        .bind(dossier_id)
        .fetch_optional(&mut *tx)
        .await?;
        let (id, extends_from) = match last {
            Some((id, a, s, 0)) if coalesce && a == action && s == subject => {
                let (from,): (Option<i64>,) =
                    sqlx::query_as("SELECT max(id) FROM change_rows WHERE change_id = ?")
                        .bind(id)
                        .fetch_one(&mut *tx)
                        .await?;
                (id, from)
            }
            _ => {
                sqlx::query("DELETE FROM changes WHERE dossier_id = ? AND undone = 1")
                    .bind(dossier_id)
                    .execute(&mut *tx)
                    .await?;
                let id = sqlx::query(
                    "INSERT INTO changes (dossier_id, action, subject, at) VALUES (?, ?, ?, ?)",
                )
                .bind(dossier_id)
                .bind(&action)
                .bind(subject)
                .bind(now())
                .execute(&mut *tx)
                .await?
                .last_insert_rowid();
                (id, None)
            }
        };
        sqlx::query("INSERT INTO change_recording (change_id) VALUES (?)")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        Ok(Change {
            tx,
            id,
            dossier_id,
            reference,
            subject: subject.to_string(),
            extends_from,
        })
    }

    /// The connection to write through; every write is recorded.
    pub fn conn(&mut self) -> &mut SqliteConnection {
        &mut self.tx
    }

    /// The dossier's reference, for messages.
    pub fn reference(&self) -> &str {
        &self.reference
    }

    /// Removes row `id` of `table`, the `item` being removed, unless something refers to it
    /// (`refs`, counted on this change's connection): then [`Error::InUse`] names what does,
    /// and since the change is dropped uncommitted, nothing changes.
    pub(crate) async fn remove_unreferenced(
        &mut self,
        item: ItemKind,
        table: &'static str,
        id: i64,
        refs: Vec<ReferenceCount>,
    ) -> Result<()> {
        if !refs.is_empty() {
            return Err(Error::InUse { item, refs });
        }
        sqlx::query(&format!("DELETE FROM {table} WHERE id = ?"))
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Names what the edit was about once it is known (a new party's name).
    pub async fn set_subject(&mut self, subject: &str) -> Result<()> {
        self.subject = subject.to_string();
        sqlx::query("UPDATE changes SET subject = ? WHERE id = ?")
            .bind(subject)
            .bind(self.id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Keeps the edit: stops recording, logs it (with the images of what it removed, so a
    /// removal stays readable in the logboek) and commits. An edit that changed nothing leaves
    /// no step to undo.
    pub async fn commit(mut self, actor: &Actor, action: &str, detail: Value) -> Result<()> {
        sqlx::query("DELETE FROM change_recording")
            .execute(&mut *self.tx)
            .await?;
        if let Some(from) = self.extends_from {
            self.fold(from).await?;
        }
        let removed: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT tbl, row_id, json_remove(old, '$.content', '$.text', '$.index_text') FROM change_rows
             WHERE change_id = ? AND new IS NULL ORDER BY id",
        )
        .bind(self.id)
        .fetch_all(&mut *self.tx)
        .await?;
        let (rows,): (i64,) =
            sqlx::query_as("SELECT count(*) FROM change_rows WHERE change_id = ?")
                .bind(self.id)
                .fetch_one(&mut *self.tx)
                .await?;
        if rows == 0 {
            sqlx::query("DELETE FROM changes WHERE id = ?")
                .bind(self.id)
                .execute(&mut *self.tx)
                .await?;
        }
        let mut detail = match detail {
            Value::Object(map) => map,
            other => Map::from_iter([("value".to_string(), other)]),
        };
        detail.insert("change".into(), json!(self.id));
        detail.insert("subject".into(), json!(self.subject));
        if !removed.is_empty() {
            let images: Vec<Value> = removed
                .into_iter()
                .map(|(tbl, id, old)| {
                    json!({ "table": tbl, "id": id, "row": serde_json::from_str::<Value>(&old).unwrap_or(Value::Null) })
                })
                .collect();
            detail.insert("removed".into(), Value::Array(images));
        }
        audit::append(
            &mut self.tx,
            actor,
            action,
            Some(&self.reference),
            &Value::Object(detail),
        )
        .await?;
        sqlx::query(
            "DELETE FROM changes WHERE dossier_id = ?1 AND id NOT IN
             (SELECT id FROM changes WHERE dossier_id = ?1 ORDER BY id DESC LIMIT ?2)",
        )
        .bind(self.dossier_id)
        .bind(KEEP)
        .execute(&mut *self.tx)
        .await?;
        self.tx.commit().await?;
        Ok(())
    }

    /// Folds the images of one row written one after the other, from image `from` on, into one:
    /// the first image before, the last after. A text saved a thousand times while it is typed
    /// is kept twice (as it was, as it is), not a thousand times. Only images next to each
    /// other: no other row was written between them, so undo and redo still pass the other
    /// rows in the same states. A row added and removed again leaves nothing.
    async fn fold(&mut self, from: i64) -> Result<()> {
        let rows: Vec<(i64, String, i64, bool, bool)> = sqlx::query_as(
            "SELECT id, tbl, row_id, old IS NULL, new IS NULL FROM change_rows
             WHERE change_id = ? AND id >= ? ORDER BY id",
        )
        .bind(self.id)
        .bind(from)
        .fetch_all(&mut *self.tx)
        .await?;
        let mut start = 0;
        while start < rows.len() {
            let (first, ref tbl, row_id, no_old, _) = rows[start];
            let mut end = start;
            while rows
                .get(end + 1)
                .is_some_and(|r| r.1 == *tbl && r.2 == row_id)
            {
                end += 1;
            }
            let (last, _, _, _, no_new) = rows[end];
            if end > start {
                if no_old && no_new {
                    sqlx::query("DELETE FROM change_rows WHERE id BETWEEN ? AND ?")
                        .bind(first)
                        .bind(last)
                        .execute(&mut *self.tx)
                        .await?;
                } else {
                    sqlx::query(
                        "UPDATE change_rows SET new = (SELECT new FROM change_rows WHERE id = ?1) WHERE id = ?2",
                    )
                    .bind(last)
                    .bind(first)
                    .execute(&mut *self.tx)
                    .await?;
                    sqlx::query("DELETE FROM change_rows WHERE id > ? AND id <= ?")
                        .bind(first)
                        .bind(last)
                        .execute(&mut *self.tx)
                        .await?;
                }
            }
            start = end + 1;
        }
        Ok(())
    }
}

fn action_code(item: ItemKind, verb: ChangeVerb) -> String {
    let code = |v: Value| v.as_str().unwrap_or_default().to_string();
    format!("{}.{}", code(json!(item)), code(json!(verb)))
}

fn parse_action(action: &str) -> Result<(ItemKind, ChangeVerb)> {
    let corrupt = || Error::Corrupt(format!("onbekende wijziging \"{action}\""));
    let (item, verb) = action.split_once('.').ok_or_else(corrupt)?;
    Ok((
        serde_json::from_value(json!(item)).map_err(|_| corrupt())?,
        serde_json::from_value(json!(verb)).map_err(|_| corrupt())?,
    ))
}

type ChangeTuple = (i64, String, String, String);

fn summary((id, action, subject, at): ChangeTuple) -> Result<ChangeSummary> {
    let (item, verb) = parse_action(&action)?;
    Ok(ChangeSummary {
        id,
        item,
        verb,
        subject,
        at,
    })
}

async fn next(
    conn: &mut SqliteConnection,
    dossier_id: i64,
    undo: bool,
) -> Result<Option<ChangeTuple>> {
    let sql = if undo {
        "SELECT id, action, subject, at FROM changes WHERE dossier_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1"
    } else {
        "SELECT id, action, subject, at FROM changes WHERE dossier_id = ? AND undone = 1 ORDER BY id LIMIT 1"
    };
    Ok(sqlx::query_as(sql)
        .bind(dossier_id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// What an undo and a redo would do now in this dossier.
pub async fn state(db: &Db, dossier_id: i64) -> Result<UndoState> {
    let mut conn = db.pool().acquire().await?;
    let undo = next(&mut conn, dossier_id, true)
        .await?
        .map(summary)
        .transpose()?;
    let redo = next(&mut conn, dossier_id, false)
        .await?
        .map(summary)
        .transpose()?;
    Ok(UndoState { undo, redo })
}

/// Takes back the dossier's last edit; returns what undo and redo would do next.
pub async fn undo(db: &Db, dossier_id: i64, actor: &Actor) -> Result<UndoState> {
    step(db, dossier_id, actor, true).await?;
    state(db, dossier_id).await
}

/// Makes the last undone edit again; returns what undo and redo would do next.
pub async fn redo(db: &Db, dossier_id: i64, actor: &Actor) -> Result<UndoState> {
    step(db, dossier_id, actor, false).await?;
    state(db, dossier_id).await
}

struct Image {
    tbl: String,
    row_id: i64,
    old: Option<Map<String, Value>>,
    new: Option<Map<String, Value>>,
}

async fn step(db: &Db, dossier_id: i64, actor: &Actor, undo: bool) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let reference = dossiers::reference_of(&mut tx, dossier_id).await?;
    // The rows are written back one by one; a parent may come back after its children.
    sqlx::query("PRAGMA defer_foreign_keys = ON")
        .execute(&mut *tx)
        .await?;
    let Some(change) = next(&mut tx, dossier_id, undo).await? else {
        return Err(Error::NotFound(
            if undo {
                "een wijziging om ongedaan te maken"
            } else {
                "een wijziging om opnieuw te doen"
            }
            .into(),
        ));
    };
    let change_id = change.0;
    let rows: Vec<(String, i64, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT tbl, row_id, old, new FROM change_rows WHERE change_id = ? ORDER BY id",
    )
    .bind(change_id)
    .fetch_all(&mut *tx)
    .await?;
    let images = rows
        .into_iter()
        .map(|(tbl, row_id, old, new)| {
            Ok(Image {
                tbl,
                row_id,
                old: old.as_deref().map(object).transpose()?,
                new: new.as_deref().map(object).transpose()?,
            })
        })
        .collect::<Result<Vec<_>>>()?;

    // What each row must be now: for an undo, as the edit left it (its last image after); for
    // a redo, as the edit found it (its first image before).
    let mut checked = std::collections::HashSet::new();
    let mut order: Vec<&Image> = images.iter().collect();
    if undo {
        order.reverse();
    }
    for image in order {
        if !checked.insert((image.tbl.as_str(), image.row_id)) {
            continue;
        }
        let expected = if undo { &image.new } else { &image.old };
        if !row_is(&mut tx, &image.tbl, image.row_id, expected.as_ref()).await? {
            return Err(Error::Stale(summary(change)?));
        }
    }
    if undo {
        for image in images.iter().rev() {
            write_row(&mut tx, &image.tbl, image.row_id, image.old.as_ref()).await?;
        }
    } else {
        for image in &images {
            write_row(&mut tx, &image.tbl, image.row_id, image.new.as_ref()).await?;
        }
    }
    sqlx::query("UPDATE changes SET undone = ? WHERE id = ?")
        .bind(undo)
        .bind(change_id)
        .execute(&mut *tx)
        .await?;
    let summary = summary(change)?;
    audit::append(
        &mut tx,
        actor,
        if undo { "change.undo" } else { "change.redo" },
        Some(&reference),
        &json!({ "change": change_id, "item": summary.item, "verb": summary.verb, "subject": summary.subject }),
    )
    .await?;
    tx.commit().await.map_err(|err| match err {
        sqlx::Error::Database(db) if db.message().contains("FOREIGN KEY") => {
            Error::Stale(summary.clone())
        }
        other => Error::Database(other),
    })
}

fn object(text: &str) -> Result<Map<String, Value>> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(Error::Corrupt(
            "onleesbare wijziging in de geschiedenis".into(),
        )),
    }
}

/// The table's blob columns; fails for a table that is not tracked (the name goes into SQL).
fn blobs(tbl: &str) -> Result<&'static [&'static str]> {
    TRACKED
        .iter()
        .find(|(t, _)| *t == tbl)
        .map(|(_, b)| *b)
        .ok_or_else(|| Error::Corrupt(format!("onbekende tabel \"{tbl}\" in de geschiedenis")))
}

/// A column name from an image, checked before it goes into SQL.
fn column(name: &str) -> Result<&str> {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
    {
        Ok(name)
    } else {
        Err(Error::Corrupt(format!(
            "onbekende kolom \"{name}\" in de geschiedenis"
        )))
    }
}

fn placeholder(tbl_blobs: &[&str], col: &str) -> &'static str {
    if tbl_blobs.contains(&col) {
        "unhex(?)"
    } else {
        "?"
    }
}

fn bind<'q>(
    query: sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    value: &'q Value,
) -> sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
    match value {
        Value::Null => query.bind(None::<String>),
        Value::Bool(b) => query.bind(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => query.bind(i),
            None => query.bind(n.as_f64()),
        },
        Value::String(s) => query.bind(s.as_str()),
        other => query.bind(other.to_string()),
    }
}

/// Whether the row is as the image says (every column in it), or absent for `None`.
async fn row_is(
    conn: &mut SqliteConnection,
    tbl: &str,
    row_id: i64,
    image: Option<&Map<String, Value>>,
) -> Result<bool> {
    let tbl_blobs = blobs(tbl)?;
    let mut sql = format!("SELECT count(*) FROM {tbl} WHERE rowid = ?");
    if let Some(image) = image {
        for col in image.keys() {
            let col = column(col)?;
            sql.push_str(&format!(" AND {col} IS {}", placeholder(tbl_blobs, col)));
        }
    }
    let mut query = sqlx::query(&sql).bind(row_id);
    for value in image.into_iter().flat_map(|i| i.values()) {
        query = bind(query, value);
    }
    let count: i64 = sqlx::Row::get(&query.fetch_one(&mut *conn).await?, 0);
    Ok((count == 1) == image.is_some())
}

/// Makes the row equal to the image: removes it for `None`, updates it when it exists,
/// inserts it (with its old rowid) when it does not.
async fn write_row(
    conn: &mut SqliteConnection,
    tbl: &str,
    row_id: i64,
    image: Option<&Map<String, Value>>,
) -> Result<()> {
    let tbl_blobs = blobs(tbl)?;
    let Some(image) = image else {
        sqlx::query(&format!("DELETE FROM {tbl} WHERE rowid = ?"))
            .bind(row_id)
            .execute(&mut *conn)
            .await?;
        return Ok(());
    };
    let exists =
        sqlx::query_scalar::<_, i64>(&format!("SELECT count(*) FROM {tbl} WHERE rowid = ?"))
            .bind(row_id)
            .fetch_one(&mut *conn)
            .await?
            == 1;
    let cols = image
        .keys()
        .map(|c| column(c))
        .collect::<Result<Vec<_>>>()?;
    let sql = if exists {
        let sets: Vec<String> = cols
            .iter()
            .map(|c| format!("{c} = {}", placeholder(tbl_blobs, c)))
            .collect();
        format!("UPDATE {tbl} SET {} WHERE rowid = ?", sets.join(", "))
    } else {
        let marks: Vec<&str> = cols.iter().map(|c| placeholder(tbl_blobs, c)).collect();
        format!(
            "INSERT INTO {tbl} (rowid, {}) VALUES (?, {})",
            cols.join(", "),
            marks.join(", ")
        )
    };
    let mut query = sqlx::query(&sql);
    if !exists {
        query = query.bind(row_id);
    }
    for value in image.values() {
        query = bind(query, value);
    }
    if exists {
        query = query.bind(row_id);
    }
    query.execute(&mut *conn).await?;
    Ok(())
}

/// Drops the undo steps that only concern one report version: once final it is frozen, and
/// its drafts' saves can no longer be taken back (the app says so before finalising).
pub async fn forget_report(conn: &mut SqliteConnection, report_id: i64) -> Result<()> {
    sqlx::query(
        "DELETE FROM changes WHERE id IN (SELECT change_id FROM change_rows WHERE tbl = 'reports' AND row_id = ?1)
         AND NOT EXISTS (SELECT 1 FROM change_rows r WHERE r.change_id = changes.id AND NOT (r.tbl = 'reports' AND r.row_id = ?1))",
    )
    .bind(report_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
