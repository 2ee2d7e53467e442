//! The workspace: one SQLite file holding articles, actors, events, their participants and the
//! evidence spans that tie each event to its sentences.
//!
//! Every write is a transaction: an import that dies half-way leaves the workspace as it was
//! before the article it was writing. Importing the same article twice changes nothing.
//!
//! Two layers: the *facts* (`articles`, `events` as each article tells them, `actors` resolved by
//! the extractor's identity rule) and what is *derived* from them and the analyst's
//! [`Correction`]s: merged events across articles ([`resolve`]), rebuilt by [`Store::refresh`].

mod corrections;
mod merged;
mod migrations;
mod read;
pub mod resolve;
mod write;

use std::path::Path;

use rusqlite::Connection;

pub use corrections::{ActorRef, Correction, EventPatch};
pub use migrations::MIGRATIONS;
pub use read::{ActorRow, ArticleRow, Bucket, Counts, EventFilter, EventRow, MemberRow, ParticipantRow};
pub use resolve::Anchor;
pub use write::SaveOutcome;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("cannot open the workspace {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("cannot update the workspace schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("workspace database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("the workspace holds a value it cannot read: {0}")]
    Corrupt(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open workspace file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the workspace at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)
            .map_err(|source| StoreError::Open { path: path.display().to_string(), source })?;
        Self::init(conn)
    }

    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Self> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Rebuilding the merged events writes every derived row in one transaction: a larger page
        // cache keeps SQLite from spilling it to disk half-way.
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // Every per-row statement of a save is prepared once per connection.
        conn.set_prepared_statement_cache_capacity(64);
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        MIGRATIONS.to_latest(&mut conn)?;
        let mut store = Self { conn };
        store.backfill_surnames()?;
        store.refresh()?;
        Ok(store)
    }

    /// People saved before migration 2 have no surname for identity look-ups: compute it.
    fn backfill_surnames(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        let rows: Vec<(i64, String)> = tx
            .prepare("SELECT id, name FROM actors WHERE kind = 'person' AND surname IS NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (id, name) in rows {
            let key = dateline_extract::actors::actor_key(&name);
            tx.execute("UPDATE actors SET surname = ?2 WHERE id = ?1", rusqlite::params![id, key.surname()])?;
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
