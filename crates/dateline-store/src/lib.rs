//! The workspace: one SQLite file holding articles, actors, events, their participants and the
//! evidence spans that tie each event to its sentences.
//!
//! Every write is a transaction: an import that dies half-way leaves the workspace as it was
//! before the article it was writing. Importing the same article twice changes nothing.

mod migrations;
mod read;
mod write;

use std::path::Path;

use rusqlite::Connection;

pub use migrations::MIGRATIONS;
pub use read::{ArticleRow, Counts, EventFilter, EventRow, ParticipantRow};
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
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        MIGRATIONS.to_latest(&mut conn)?;
        Ok(Self { conn })
    }
}

/// The identity key of an actor name: case-folded, white space collapsed, single-letter
/// initials dropped. "Antony J. Blinken" and "antony blinken" are one key.
pub fn actor_key(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !(w.ends_with('.') && w.chars().count() == 2))
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
