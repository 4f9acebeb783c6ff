//! The connection a register import writes on.

use crate::error::Result;
use crate::Db;
use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqliteConnection};

/// A pooled connection set up for one bulk write:
/// - its commit waits until the write-ahead log is on disk (`synchronous = FULL`), so an
///   import is kept through a power loss once it returns, as it was when the automatic
///   checkpoint after its commit wrote it to the database file;
/// - it commits without that automatic checkpoint, which copies tens of megabytes (the caller
///   runs [`Db::checkpoint`] afterwards);
/// - it does not look up the parent of every row it writes. Each record refers to the dossier
///   and party checked at the start of its transaction, and each excerpt to the source and the
///   record written before it in that transaction; a test holds SQLite's `foreign_key_check`
///   clean after an import.
///
/// [`BulkConnection::release`] sets it back before it returns to the pool; should the import
/// be dropped half-way, or setting it back fail, the connection is closed instead, so no other
/// work inherits these settings.
pub(super) struct BulkConnection {
    conn: Option<PoolConnection<Sqlite>>,
}

impl BulkConnection {
    pub(super) async fn acquire(db: &Db) -> Result<Self> {
        let conn = db.pool().acquire().await?;
        // From here on, a connection whose settings may have changed is closed on drop.
        let mut bulk = BulkConnection { conn: Some(conn) };
        sqlx::query(
            "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0; PRAGMA foreign_keys = OFF",
        )
        .execute(bulk.conn())
        .await?;
        Ok(bulk)
    }

    pub(super) fn conn(&mut self) -> &mut SqliteConnection {
        self.conn.as_mut().expect("held until released")
    }

    pub(super) async fn release(mut self) {
        if let Some(mut conn) = self.conn.take() {
            // As `Db::open` sets them; 1000 pages is SQLite's default.
            let reset = sqlx::query(
                "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 1000; PRAGMA foreign_keys = ON",
            )
            .execute(&mut *conn)
            .await;
            if reset.is_err() {
                conn.close_on_drop();
            }
        }
    }
}

impl Drop for BulkConnection {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.as_mut() {
            conn.close_on_drop();
        }
    }
}
