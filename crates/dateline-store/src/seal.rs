//! When the full check ([`Store::check`], `PRAGMA quick_check` over every page: 3.7 s at 1M
//! events) may be skipped: when nothing but Dateline's own writes has touched the file since the
//! last full check that passed.
//!
//! The proof is a *seal* beside the workspace (`<workspace>-checked`, like SQLite's own `-wal`
//! and `-shm`): the identity of the database file and of its write-ahead log (device, inode, size
//! and modification time of each) as Dateline last left them. It cannot live in the workspace
//! itself: writing it there would change the file it describes.
//!
//! - A full check that passes writes the seal, if the files did not change while it ran.
//! - Every Dateline write transaction ([`WriteTx`]) looks at the seal when it takes the write
//!   lock. If the files are as sealed, then after its commit (and the checkpoint SQLite may run
//!   inside it, which rewrites the database file and its modification time) it seals the new
//!   state, provided no other connection committed in between (`PRAGMA data_version`, which
//!   changes for every commit but this connection's own). Otherwise it removes the seal.
//! - A writer closing seals the checkpoint it runs then ([`Store`]'s `Drop`), so the checkpoint
//!   SQLite makes when the last connection closes finds nothing to copy.
//!
//! So another program's write through SQLite, bytes changed by anything else, or another file put
//! in the workspace's place leave the seal unmatched, and the next check is a full one.
//! What a seal cannot see: a change that keeps the size and restores the modification time, or one
//! made in the instant between a Dateline commit and its reading of the file's identity.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction};

use crate::{Result, StoreError};

/// What identifies the bytes of a workspace: its database file and its write-ahead log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    db: FileId,
    /// All zero when there is no log, or an empty one (a checkpoint that truncated it, or the
    /// last connection closing, which deletes it).
    wal: FileId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct FileId {
    dev: u64,
    ino: u64,
    size: u64,
    mtime_ns: i128,
}

impl FileId {
    fn of(path: &Path) -> Option<Self> {
        let m = std::fs::metadata(path).ok()?;
        let mtime_ns = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        #[cfg(unix)]
        let (dev, ino) = {
            use std::os::unix::fs::MetadataExt;
            (m.dev(), m.ino())
        };
        #[cfg(not(unix))]
        let (dev, ino) = (0, 0);
        Some(Self { dev, ino, size: m.len(), mtime_ns })
    }

    fn text(&self) -> String {
        format!("{} {} {} {}", self.dev, self.ino, self.size, self.mtime_ns)
    }
}

impl Fingerprint {
    /// The files' identity now; `None` when the database file cannot be read.
    pub(crate) fn of(db: &Path) -> Option<Self> {
        let db_id = FileId::of(db)?;
        let wal = FileId::of(&sibling(db, "-wal")).filter(|w| w.size > 0).unwrap_or_default();
        Some(Self { db: db_id, wal })
    }

    fn text(&self) -> String {
        format!("dateline-seal 1\ndb {}\nwal {}\n", self.db.text(), self.wal.text())
    }
}

fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The seal's file for the workspace `db`.
pub(crate) fn seal_path(db: &Path) -> PathBuf {
    sibling(db, "-checked")
}

/// Whether the workspace's files are as sealed.
pub(crate) fn sealed(db: &Path) -> Option<Fingerprint> {
    let now = Fingerprint::of(db)?;
    let text = std::fs::read_to_string(seal_path(db)).ok()?;
    (text == now.text()).then_some(now)
}

/// Seals `fp`. Best effort: a seal that cannot be written only means a full check next time.
pub(crate) fn seal(db: &Path, fp: &Fingerprint) {
    let path = seal_path(db);
    let tmp = sibling(db, "-checked.tmp");
    if std::fs::write(&tmp, fp.text()).and_then(|()| std::fs::rename(&tmp, &path)).is_err() {
        let _ = std::fs::remove_file(&tmp);
        unseal(db);
    }
}

pub(crate) fn unseal(db: &Path) {
    let _ = std::fs::remove_file(seal_path(db));
}

/// The file behind `conn`, when it is a file.
pub(crate) fn file_of(conn: &Connection) -> Option<PathBuf> {
    conn.path().filter(|p| !p.is_empty()).map(PathBuf::from)
}

pub(crate) fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "data_version", |r| r.get(0))
}

/// A Dateline write transaction: a `BEGIN IMMEDIATE` transaction that keeps the seal true.
pub(crate) struct WriteTx<'c> {
    conn: &'c Connection,
    tx: Transaction<'c>,
    /// The workspace, when its files were as sealed at `BEGIN`, with the connection's data
    /// version then.
    sealed: Option<(PathBuf, i64)>,
}

impl<'c> WriteTx<'c> {
    /// `tx`, begun `IMMEDIATE` on `conn`, which the caller holds alone (its `&mut Store`, or
    /// [`crate::Store::write_tx_shared`]'s promise).
    pub(crate) fn new(conn: &'c Connection, tx: Transaction<'c>) -> Result<Self> {
        // Under the write lock: nobody else can commit until this transaction ends.
        let sealed = match file_of(conn) {
            Some(db) if sealed(&db).is_some() => Some((db, data_version(conn)?)),
            Some(db) => {
                unseal(&db);
                None
            }
            None => None,
        };
        Ok(Self { conn, tx, sealed })
    }

    /// Commits, then seals what this commit left (see the module's docs).
    pub(crate) fn commit(self) -> Result<()> {
        let Self { conn, tx, sealed } = self;
        tx.commit().map_err(StoreError::from)?;
        if let Some((db, before)) = sealed {
            reseal(conn, &db, before);
        }
        Ok(())
    }
}

/// Seals the files as they are, if no other connection committed since `before`; else removes
/// the seal.
pub(crate) fn reseal(conn: &Connection, db: &Path, before: i64) {
    let now = Fingerprint::of(db);
    match (now, data_version(conn)) {
        (Some(fp), Ok(after)) if after == before => seal(db, &fp),
        _ => unseal(db),
    }
}

impl<'c> std::ops::Deref for WriteTx<'c> {
    type Target = Transaction<'c>;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}
