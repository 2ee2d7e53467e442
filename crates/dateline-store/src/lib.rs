//! The workspace: one SQLite file holding articles, actors, events, their participants and the
//! evidence spans that tie each event to its sentences.
//!
//! Every write is a transaction: an import that dies half-way leaves the workspace as it was
//! before the article it was writing. Importing the same article twice changes nothing.
//!
//! Two layers: the *facts* (`articles`, `events` as each article tells them, `actors` resolved by
//! the identity rule of `dateline-identity`, the extractor's too) and what is *derived* from them
//! and the analyst's [`Correction`]s: merged events across articles ([`resolve`]), rebuilt by
//! [`Store::refresh`].

mod changes;
mod corrections;
mod edit;
pub mod extracted;
mod feeds;
mod merged;
mod migrations;
mod open;
mod read;
mod reanchor;
mod refresh;
pub mod resolve;
mod seal;
mod selection;
mod sweep;
#[cfg(any(test, feature = "test-support"))]
#[doc(hidden)]
pub mod test_support;
mod update;
mod watched;
mod write;

use rusqlite::Connection;

pub use changes::{ChangeRow, EventState};
pub use corrections::{ActorRef, Correction, EventEdit};
pub use edit::Editing;
pub use extracted::{ActorTable, Extracted, MergedRecord};
pub use feeds::{FeedFetch, FeedRow};
pub use migrations::{MIGRATIONS, MIGRATIONS_SQL};
pub use open::{APPLICATION_ID, Access, Checked};
pub use read::{ActorRow, ArticleRow, Bucket, Counts, EventRow, MemberRow, ParticipantRow};
pub use resolve::Anchor;
pub use selection::{ActorCount, FacetCount, Facets, Selection};
pub use watched::WatchedFolderRow;
pub use write::SaveOutcome;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A read or an edit named a workspace that is not there: only an import or a new
    /// workspace creates one.
    #[error("no workspace at {path} (an import or `dateline new` creates one; check the path)")]
    NotFound { path: String },
    #[error("{path} is not a Dateline workspace ({what}): Dateline leaves it as it is")]
    NotWorkspace { path: String, what: String },
    #[error(
        "{path} was made by a newer Dateline (schema {found}, this one knows up to {known}): update Dateline to open it"
    )]
    Newer { path: String, found: usize, known: usize },
    #[error(
        "{path} was made by an older Dateline: open it for writing once (an import into it, or the app) to update it"
    )]
    Older { path: String },
    #[error("{path} is busy: another Dateline is writing to it (an import?); try again when it is done")]
    Busy { path: String },
    #[error("{path} is read-only: it can be read but not changed (check its permissions)")]
    ReadOnly { path: String },
    #[error("{path} is damaged ({what}): nothing was written to it; restore it from a backup")]
    Damaged { path: String, what: String },
    #[error("cannot open the workspace {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("cannot update the schema of {path} to version {version}: {reason}")]
    Migration { path: String, version: usize, reason: String },
    #[error("workspace database error: {}", open::sqlite_reason(.0))]
    Sql(rusqlite::Error),
    #[error("the workspace holds a value it cannot read: {0}")]
    Corrupt(String),
}

// Not `#[from]`: that would make the SQLite error the message's source too, and a chain of
// sources printed after the message repeated its text three times.
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sql(e)
    }
}

/// A column read as text that is not text (the facets read values without copying them).
impl From<rusqlite::types::FromSqlError> for StoreError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open workspace file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    /// The file, as errors name it.
    path: String,
}

impl Store {
    /// People saved before migration 2 have no surname for identity look-ups: compute it.
    fn backfill_surnames(&mut self) -> Result<()> {
        let tx = self.write_tx()?;
        let rows: Vec<(i64, String)> = tx
            .prepare("SELECT id, name FROM actors WHERE kind = 'person' AND surname IS NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (id, name) in rows {
            let key = dateline_identity::actor_key(&name);
            tx.execute("UPDATE actors SET surname = ?2 WHERE id = ?1", rusqlite::params![id, key.surname()])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// A write transaction, with the write lock taken up front (`BEGIN IMMEDIATE`, waiting up to
    /// the busy timeout for another writer): a deferred one that read first could not upgrade
    /// once another process had written, and failed at once.
    /// Its commit keeps the check's seal true ([`seal`]).
    pub(crate) fn write_tx(&mut self) -> Result<seal::WriteTx<'_>> {
        self.write_tx_shared()
    }

    /// [`Store::write_tx`] for a write that reads through `&self` inside its transaction (an
    /// edit, [`Store::edit`]): the same `BEGIN IMMEDIATE` on a shared borrow. Only a `&mut self`
    /// method may call it, so that no other transaction is open on the connection.
    pub(crate) fn write_tx_shared(&self) -> Result<seal::WriteTx<'_>> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| open::classify(e, &self.path))?;
        seal::WriteTx::new(&self.conn, tx)
    }
}

#[cfg(test)]
mod tests;
