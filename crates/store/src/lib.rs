//! Wederhoor's store: one SQLite file opened through sqlx, migrations for the whole domain
//! model, one module per aggregate, and the hash-chained audit log every change appends to.
//! Functions that read or write rows take one executor type, `&mut SqliteConnection`, so callers
//! can combine them in one transaction (one consistent read, or one edit); from the pool a
//! caller passes `&mut *pool.acquire().await?`. An edit of a dossier owns its transaction
//! as a [`changes::Change`], which makes it undoable; creating and importing a dossier
//! ([`dossiers`], [`dossier_file`]) and finalising a report own theirs and are not undone.

pub mod allowances;
pub mod assessment;
pub mod audit;
pub mod audit_head;
pub mod backup;
pub mod changes;
pub mod cipher;
pub mod conflicts;
pub mod db;
pub mod demo;
pub mod dossier_file;
pub mod dossiers;
pub mod error;
pub mod events;
pub mod files;
pub mod overview;
pub mod parties;
pub mod paths;
pub mod points;
pub mod procedure;
pub mod reactions;
pub mod recommendations;
pub mod register;
pub mod reports;
pub mod search;
pub mod settings;
pub mod side_by_side;
pub mod signals;
pub mod sources;
pub mod statements;
pub mod suggestions;

pub use db::Db;
pub use error::{Error, Result};

/// Who made a change, as written in the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(pub String);

impl Actor {
    /// The logged-in user of this machine (`$USER`), or "onbekend".
    pub fn from_env() -> Self {
        let name = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_default();
        Actor(if name.trim().is_empty() {
            "onbekend".into()
        } else {
            name
        })
    }
}

/// The current time as RFC 3339 (UTC), for `created_at` and audit entries.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A JSON array column from a list of strings.
pub(crate) fn json_list(values: &[String]) -> String {
    serde_json::to_string(values).expect("a list of strings serialises")
}

/// A list of strings from a JSON array column; the schema's CHECK keeps it valid JSON.
pub(crate) fn parse_list(column: &str) -> Result<Vec<String>> {
    serde_json::from_str(column)
        .map_err(|e| Error::Corrupt(format!("lijst in de database onleesbaar: {e}")))
}

/// A vocabulary value read from the database; the schema's CHECKs make a failure a corruption.
pub(crate) fn vocab<T>(column: &str, from_code: fn(&str) -> Option<T>) -> Result<T> {
    from_code(column)
        .ok_or_else(|| Error::Corrupt(format!("onbekende waarde \"{column}\" in de database")))
}

/// An ISO day read from the database.
pub(crate) fn day(column: &str) -> Result<chrono::NaiveDate> {
    wederhoor_core::dates::parse_iso_day(column).map_err(|e| Error::Corrupt(e.to_string()))
}

/// Counts what refers to an item: each query takes the item's id and counts one kind of
/// referrer. Kinds with none are left out, so an empty list means "free to remove".
pub(crate) async fn count_references(
    conn: &mut sqlx::SqliteConnection,
    id: i64,
    queries: &[(wederhoor_core::wire::ItemKind, &str)],
) -> Result<Vec<wederhoor_core::wire::ReferenceCount>> {
    let mut refs = Vec::new();
    for (kind, sql) in queries {
        let (count,): (i64,) = sqlx::query_as(sql).bind(id).fetch_one(&mut *conn).await?;
        if count > 0 {
            refs.push(wederhoor_core::wire::ReferenceCount {
                kind: *kind,
                count: count as u32,
            });
        }
    }
    Ok(refs)
}
