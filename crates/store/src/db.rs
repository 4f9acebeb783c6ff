//! Opening the database: pragmas (WAL, foreign keys, NORMAL sync, busy timeout, in-memory temp
//! storage, 16 KB pages for new files) and migrations.

use crate::error::{Error, Result};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::future::Future;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::task::JoinHandle;

/// The migrations in `crates/store/migrations`, embedded at build time.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// An open, migrated database.
#[derive(Debug, Clone)]
pub struct Db {
    pool: SqlitePool,
    /// Work a write left for after its commit, running in the background (see
    /// [`Db::after_commit`]); [`Db::settle`] and [`Db::close`] wait for it.
    background: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Db {
    /// Opens (creating if needed) the database file at `path` and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Open {
                path: path.display().to_string(),
                source,
            })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            // Statement journals of multi-row inserts (a register import) and sorts stay in
            // memory instead of a temporary file.
            .pragma("temp_store", "memory")
            // 16 KB pages for a database that holds whole documents and bulk imports: a
            // 100,000-row register import writes a quarter as many page writes (about 30% faster here).
            // Takes effect when the file is created; an existing database keeps its pages.
            .page_size(16384);
        // Six: the side-by-side view reads six things at once (parties, three parts of the
        // time axis, the chart and the conflicts; see `side_by_side`).
        let pool = SqlitePoolOptions::new()
            .max_connections(6)
            .connect_with(options)
            .await?;
        Self::migrated(pool).await
    }

    /// A private in-memory database for tests: one connection, so every query sees the same data.
    /// Closing that connection (a register import cancelled half-way closes its connection)
    /// loses the database.
    pub async fn open_in_memory() -> Result<Self> {
        let options = SqliteConnectOptions::new()
            .in_memory(true)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?;
        Self::migrated(pool).await
    }

    async fn migrated(pool: SqlitePool) -> Result<Self> {
        MIGRATOR.run(&pool).await?;
        Ok(Db {
            pool,
            background: Arc::default(),
        })
    }

    /// Runs `work` in the background once a write has committed: what the write owes the
    /// database but its caller need not wait for (a bulk import's checkpoint and search index).
    /// The write stays the one that finishes it; callers only close the database as always.
    pub(crate) fn after_commit(&self, work: impl Future<Output = ()> + Send + 'static) {
        let handle = tokio::spawn(work);
        let mut background = self.background.lock().unwrap_or_else(|e| e.into_inner());
        background.retain(|h| !h.is_finished());
        background.push(handle);
    }

    /// Waits until the work left after commits is done (for a command line that exits, a test
    /// or a benchmark that must see its outcome).
    pub async fn settle(&self) {
        loop {
            let pending: Vec<JoinHandle<()>> = {
                let mut background = self.background.lock().unwrap_or_else(|e| e.into_inner());
                background.drain(..).collect()
            };
            if pending.is_empty() {
                return;
            }
            for handle in pending {
                // A task that panicked has nothing left to wait for; the backlog it was working
                // on is picked up again at the next start.
                let _ = handle.await;
            }
        }
    }

    /// The connection pool.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Runs SQLite's own consistency check; `Ok(())` when it answers "ok".
    pub async fn integrity_check(&self) -> Result<()> {
        let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
            .fetch_all(&self.pool)
            .await?;
        match rows.as_slice() {
            [(ok,)] if ok == "ok" => Ok(()),
            _ => Err(Error::Corrupt(
                rows.into_iter().map(|r| r.0).collect::<Vec<_>>().join("; "),
            )),
        }
    }

    /// Copies what the write-ahead log holds into the database file, without waiting for
    /// readers (a PASSIVE checkpoint); returns the pages copied. SQLite does this by itself
    /// after a commit that leaves the log over 1,000 pages, except for a bulk import, which
    /// leaves it to this call (see `register::import`).
    pub async fn checkpoint(&self) -> Result<i64> {
        let (_busy, _logged, copied): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
                .fetch_one(&self.pool)
                .await?;
        Ok(copied)
    }

    /// Waits for the work left after commits, then closes the pool, checkpointing the WAL.
    pub async fn close(self) {
        self.settle().await;
        self.pool.close().await;
    }
}
