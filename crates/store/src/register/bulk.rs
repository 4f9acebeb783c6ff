//! The connection a register import writes on.

use crate::error::Result;
use crate::Db;
use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqliteConnection};

/// A pooled connection set up for one bulk write:
/// - it commits without the automatic checkpoint that would copy tens of megabytes into the
///   database file and sync it before the import returns; the caller runs [`Db::checkpoint`]
///   right after. Until then the import is in the write-ahead log, synced as every commit is
///   under the app's `synchronous = NORMAL`: kept when the app crashes or is killed; only a
///   power loss in that moment can undo it, and the database stays consistent;
/// - it has no change triggers (they are per connection, see [`crate::db`]): an import is not
///   undoable, and a trigger call per imported row that records nothing is most of what they
///   would cost it;
/// - it does not look up the parent of every row it writes. Each record refers to the dossier
///   and party checked at the start of its transaction, and each excerpt to the source and the
///   record written before it in that transaction; a test holds SQLite's `foreign_key_check`
///   clean after an import.
///
/// [`BulkConnection::release`] sets it back before it returns to the pool; should the import
/// be dropped half-way, or setting it back fail, the connection is closed instead, so no other
/// work inherits these settings.
/// The tracked tables an import writes to.
const WRITTEN: [&str; 3] = ["sources", "statements", "excerpts"];

pub(super) struct BulkConnection {
    conn: Option<PoolConnection<Sqlite>>,
}

impl BulkConnection {
    pub(super) async fn acquire(db: &Db) -> Result<Self> {
        let conn = db.pool().acquire().await?;
        // From here on, a connection whose settings may have changed is closed on drop.
        let mut bulk = BulkConnection { conn: Some(conn) };
        sqlx::query("PRAGMA wal_autocheckpoint = 0; PRAGMA foreign_keys = OFF")
            .execute(bulk.conn())
            .await?;
        let mut drop_triggers = String::new();
        for table in WRITTEN {
            for event in ["insert", "update", "delete"] {
                drop_triggers.push_str(&format!(
                    "DROP TRIGGER IF EXISTS temp.{table}_change_{event};"
                ));
            }
        }
        sqlx::Executor::execute(bulk.conn(), drop_triggers.as_str()).await?;
        Ok(bulk)
    }

    pub(super) fn conn(&mut self) -> &mut SqliteConnection {
        self.conn.as_mut().expect("held until released")
    }

    pub(super) async fn release(mut self) {
        if let Some(mut conn) = self.conn.take() {
            // As `Db::open` sets them; 1000 pages is SQLite's default.
            let reset = sqlx::query("PRAGMA wal_autocheckpoint = 1000; PRAGMA foreign_keys = ON")
                .execute(&mut *conn)
                .await;
            let triggers = crate::db::install_change_triggers(&mut conn).await;
            if reset.is_err() || triggers.is_err() {
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
