//! Opening a workspace, and sharing one between processes (the app and the CLI, an import and
//! the reads beside it).
//!
//! - **Readers never write.** A read-only open ([`Access::Read`]) runs no migration, backfill or
//!   rebuild, and opens the file read-only: it works on a read-only file, and never takes the
//!   write lock, so it cannot fail an import running beside it. While an import runs, a reader
//!   sees the merged events as they were before it (they are rebuilt once at its end).
//! - **Writers take the lock up front.** Every write transaction is `BEGIN IMMEDIATE` and waits
//!   up to the busy timeout for another writer: a deferred transaction that had read first
//!   could not upgrade once another process wrote, and SQLite failed it at once, whatever the
//!   timeout. Two imports into one workspace take turns batch by batch.
//! - **A workspace says what it is.** `PRAGMA application_id` marks it; another SQLite file is
//!   refused before anything is written to it, and only [`Access::Create`] makes a new file. A
//!   schema newer than this build knows is refused as "made by a newer Dateline".

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use crate::{MIGRATIONS_SQL, Result, Store, StoreError};

/// `PRAGMA application_id` of a workspace: "DTLN".
pub const APPLICATION_ID: i32 = 0x4454_4C4E;

/// How long a writer waits for another writer's transaction (the longest is the rebuild of the
/// merged events after an import: about a second per 10,000 events).
const WRITE_WAIT: Duration = Duration::from_secs(60);
/// Readers wait only in SQLite's rare cases (a WAL being recovered after a crash).
const READ_WAIT: Duration = Duration::from_secs(10);
/// How long a reader that finds an empty database waits for an import creating it there.
const CREATION_WAIT: Duration = Duration::from_secs(2);

/// The tables of a whole workspace.
const TABLES: &[&str] = &[
    "articles",
    "actors",
    "actor_aliases",
    "events",
    "event_actors",
    "evidence",
    "meta",
    "merged_events",
    "merged_members",
    "merged_actors",
    "corrections",
    "articles_fts",
    "events_fts",
    "feeds",
    "feed_items",
    "watched_folders",
    "updates",
    "event_changes",
];

/// What an open may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read only: never writes anything, not even a pending rebuild. The workspace must exist
    /// and have this build's schema.
    Read,
    /// Read and write a workspace that exists: migrations, backfills and a pending rebuild run.
    Write,
    /// As `Write`, creating the workspace when the file does not exist (import, new).
    Create,
}

/// What a file holds, from its header and its schema.
enum Found {
    /// A new or empty database.
    Empty,
    /// A workspace, at this schema version.
    Workspace(usize),
}

fn latest() -> usize {
    MIGRATIONS_SQL.len()
}

/// A store error for SQLite's answer `e` about the workspace `path`.
pub(crate) fn classify(e: rusqlite::Error, path: &str) -> StoreError {
    let path = path.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
        Some(ErrorCode::NotADatabase) => {
            StoreError::NotWorkspace { path, what: "not a SQLite database at all".into() }
        }
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged { path, what: sqlite_reason(&e) },
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::SystemIoFailure) => {
            StoreError::Open { path, reason: sqlite_reason(&e) }
        }
        _ => StoreError::Sql(e),
    }
}

/// SQLite's own words, once, and never the SQL they were about: rusqlite's message for an
/// error in a statement quotes the whole statement (a migration's, 131 lines).
pub(crate) fn sqlite_reason(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        rusqlite::Error::SqliteFailure(f, Some(msg)) if !msg.is_empty() => {
            let generic = f.to_string();
            if generic == *msg { msg.clone() } else { format!("{msg} ({generic})") }
        }
        other => other.to_string(),
    }
}

/// What the database behind `conn` is.
fn identify(conn: &Connection, path: &str) -> Result<Found> {
    // One statement, one snapshot: read one by one, the marks and the tables could straddle
    // another process's commit that creates the workspace (no mark, no version, then its
    // tables), and a workspace being made would look like somebody else's database.
    let (app, version, tables): (i64, i64, Option<String>) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id), \
                    (SELECT user_version FROM pragma_user_version), \
                    (SELECT group_concat(name, char(31)) FROM sqlite_master WHERE type = 'table')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(|e| classify(e, path))?;
    let version = version as usize;
    let tables: Vec<String> =
        tables.map(|t| t.split('\u{1f}').map(str::to_string).collect()).unwrap_or_default();
    let ours = |version: usize| {
        if version > latest() {
            return Err(StoreError::Newer { path: path.to_string(), found: version, known: latest() });
        }
        Ok(Found::Workspace(version))
    };
    if app == i64::from(APPLICATION_ID) {
        return ours(version);
    }
    if app != 0 {
        return Err(StoreError::NotWorkspace {
            path: path.to_string(),
            what: format!("a database of another program, application id {app:#x}"),
        });
    }
    if tables.is_empty() && version == 0 {
        return Ok(Found::Empty);
    }
    // Workspaces made before they were marked: Dateline's first tables, a version of its own.
    if version >= 1 && ["articles", "events", "actors"].iter().all(|t| tables.iter().any(|n| n == t)) {
        return ours(version);
    }
    Err(StoreError::NotWorkspace {
        path: path.to_string(),
        what: format!(
            "another SQLite database, with tables {}",
            tables.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
        ),
    })
}

/// `path` as an SQLite URI (`?`, `#`, `%`, spaces and non-ASCII bytes percent-encoded).
fn uri(path: &Path) -> String {
    let mut out = String::from("file:");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Store {
    /// Opens the workspace at `path` for writing, creating it when there is none, and brings
    /// its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with(path, Access::Create)
    }

    /// Opens the workspace at `path` as `access` allows.
    pub fn open_with(path: &Path, access: Access) -> Result<Self> {
        let shown = path.display().to_string();
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                return Err(StoreError::NotWorkspace { path: shown, what: "a folder".into() });
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if access != Access::Create {
                    return Err(StoreError::NotFound { path: shown });
                }
            }
            Err(e) => return Err(StoreError::Open { path: shown, reason: e.to_string() }),
        }
        match access {
            Access::Read => Self::open_read(path, shown),
            Access::Write | Access::Create => Self::open_write(path, shown, access == Access::Create),
        }
    }

    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        Self::init_write(conn, ":memory:".into())
    }

    fn open_read(path: &Path, shown: String) -> Result<Self> {
        let flags =
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let connect = |uri: &str| -> Result<Connection> {
            let conn = Connection::open_with_flags(uri, flags).map_err(|e| classify(e, &shown))?;
            conn.busy_timeout(READ_WAIT)?;
            // A first read: a WAL workspace on a read-only file fails here, not at open.
            identify(&conn, &shown).map(|_| conn)
        };
        let conn = match connect(&uri(path)) {
            Ok(c) => c,
            // A read-only file in WAL mode whose shared-memory file cannot be made: nobody can
            // be writing it, so it is read as immutable.
            Err(StoreError::Open { .. } | StoreError::ReadOnly { .. } | StoreError::Sql(_))
                if read_only_file(path) =>
            {
                connect(&format!("{}?immutable=1", uri(path)))?
            }
            Err(e) => return Err(e),
        };
        let mut found = identify(&conn, &shown)?;
        // An import creating the workspace has made the file but not yet its tables: wait for
        // them a little, rather than call it somebody else's file.
        let deadline = std::time::Instant::now() + CREATION_WAIT;
        while matches!(found, Found::Empty) && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            found = identify(&conn, &shown)?;
        }
        match found {
            Found::Empty => Err(StoreError::NotWorkspace { path: shown, what: "an empty file".into() }),
            Found::Workspace(v) if v < latest() => Err(StoreError::Older { path: shown }),
            Found::Workspace(_) => {
                conn.pragma_update(None, "query_only", "ON")?;
                conn.pragma_update(None, "cache_size", -65_536)?;
                conn.pragma_update(None, "temp_store", "MEMORY")?;
                conn.set_prepared_statement_cache_capacity(64);
                Ok(Self { conn, path: shown })
            }
        }
    }

    /// SQLite fails some lock upgrades at once, whatever the busy timeout, to avoid a deadlock:
    /// two connections switching a new file to WAL, or both reading the schema before either
    /// migrates it. Opening is then tried again, from the start, until the write wait is over.
    fn open_write(path: &Path, shown: String, create: bool) -> Result<Self> {
        let deadline = std::time::Instant::now() + WRITE_WAIT;
        let mut pause = Duration::from_millis(5);
        loop {
            match Self::open_write_once(path, shown.clone(), create) {
                Err(StoreError::Busy { .. }) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                done => return done,
            }
        }
    }

    fn open_write_once(path: &Path, shown: String, create: bool) -> Result<Self> {
        let mut flags =
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(uri(path), flags).map_err(|e| classify(e, &shown))?;
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(StoreError::ReadOnly { path: shown });
        }
        // First of all: every statement below may wait for another process.
        conn.busy_timeout(WRITE_WAIT)?;
        // Nothing is written to a file that is not a workspace, or a newer one.
        identify(&conn, &shown)?;
        Self::init_write(conn, shown)
    }

    fn init_write(mut conn: Connection, path: String) -> Result<Self> {
        let fail = |e: rusqlite::Error| classify(e, &path);
        conn.busy_timeout(WRITE_WAIT).map_err(fail)?;
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        conn.pragma_update(None, "journal_mode", "WAL").map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(fail)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(fail)?;
        // Rebuilding the merged events writes every derived row in one transaction: a larger page
        // cache keeps SQLite from spilling it to disk half-way.
        conn.pragma_update(None, "cache_size", -65_536).map_err(fail)?;
        conn.pragma_update(None, "temp_store", "MEMORY").map_err(fail)?;
        // Every per-row statement of a save is prepared once per connection.
        conn.set_prepared_statement_cache_capacity(64);
        migrate(&mut conn, &path)?;
        let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(fail)?;
        if app != APPLICATION_ID {
            conn.pragma_update(None, "application_id", APPLICATION_ID).map_err(fail)?;
        }
        let mut store = Self { conn, path };
        store.backfill_surnames()?;
        store.refresh()?;
        Ok(store)
    }

    /// The file this store is (`:memory:` for one in memory).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Whether the workspace is whole: SQLite's quick check of every page, and every table of
    /// the schema there. An import asks before it writes anything.
    ///
    /// The quick check runs only when something other than Dateline's own writes may have
    /// touched the file since the last one passed ([`crate::seal`]): at 1M events it reads
    /// 850 MB, 3.7 s. The tables are looked for every time.
    ///
    /// The check runs on a connection of its own: FTS5's part of it trusts totals that a
    /// connection cached when it last wrote the table, stale once another process has written
    /// it since, so the app's long-lived connection found a sound workspace "damaged" (checksum
    /// mismatch for events_fts) after a CLI import beside it.
    pub fn check(&self) -> Result<Checked> {
        let damaged = |what: String| StoreError::Damaged { path: self.path.clone(), what };
        let fail = |e: rusqlite::Error| classify(e, &self.path);
        let file = crate::seal::file_of(&self.conn);
        let tables: Vec<String> = self
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(fail)?;
        if let Some(missing) = TABLES.iter().find(|t| !tables.iter().any(|n| n == *t)) {
            return Err(damaged(format!("its table {missing} is missing")));
        }
        if file.as_deref().is_some_and(|f| crate::seal::sealed(f).is_some()) {
            return Ok(Checked::Sealed);
        }
        let before = file.as_deref().and_then(crate::seal::Fingerprint::of);
        let fresh = match &file {
            Some(file) => {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let conn = Connection::open_with_flags(file, flags).map_err(fail)?;
                conn.busy_timeout(READ_WAIT).map_err(fail)?;
                Some(conn)
            }
            None => None,
        };
        let problems: Vec<String> = fresh
            .as_ref()
            .unwrap_or(&self.conn)
            .prepare("PRAGMA quick_check(3)")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(fail)?;
        drop(fresh);
        if problems.first().is_some_and(|p| p != "ok") {
            if let Some(file) = &file {
                crate::seal::unseal(file);
            }
            return Err(damaged(problems.join("; ")));
        }
        // Sealed only if nothing changed the files while the check read them.
        if let (Some(file), Some(before)) = (&file, before)
            && crate::seal::Fingerprint::of(file) == Some(before)
        {
            crate::seal::seal(file, &before);
        }
        Ok(Checked::Whole)
    }
}

/// How [`Store::check`] found the workspace whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// SQLite's quick check read every page.
    Whole,
    /// Only Dateline wrote the file since a check that read every page ([`crate::seal`]).
    Sealed,
}

impl Drop for Store {
    /// A writer closing checkpoints the log itself and seals the result, so that the checkpoint
    /// SQLite runs when the last connection closes finds nothing to copy and leaves the seal
    /// true. Best effort: a seal left unmatched only means a full check next time.
    fn drop(&mut self) {
        let Some(file) = crate::seal::file_of(&self.conn) else { return };
        if self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            return;
        }
        // Read first: a commit by another connection after this changes it.
        let Ok(before) = crate::seal::data_version(&self.conn) else { return };
        if crate::seal::sealed(&file).is_none() {
            return;
        }
        // Without waiting: a truncating checkpoint waits for another writer and for readers, and
        // a CLI closing must not wait for the app's import. Busy, it leaves the log as it is, and
        // the next check may be a full one.
        let _ = self.conn.busy_timeout(Duration::ZERO);
        let _ = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        crate::seal::reseal(&self.conn, &file, before);
    }
}

fn read_only_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// Brings the schema up to date, in one `BEGIN IMMEDIATE` transaction that reads the schema
/// version only once it holds the write lock: two processes creating (or updating) one
/// workspace both see version 0 before either migrates, and the second, once the first's
/// migration has committed, must find the new version there and run nothing. (rusqlite_migration
/// read the version before its transaction and ran the migrations again from the old one: only
/// a `CREATE TABLE` failing kept them from being applied twice.) An error names the migration
/// and SQLite's reason, never its SQL.
fn migrate(conn: &mut Connection, path: &str) -> Result<()> {
    migrate_with(conn, path, MIGRATIONS_SQL)
}

pub(crate) fn migrate_with(conn: &mut Connection, path: &str, migrations: &[&str]) -> Result<()> {
    let fail = |e: rusqlite::Error| classify(e, path);
    let version = |c: &Connection| -> Result<usize> {
        c.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)).map(|v| v as usize).map_err(fail)
    };
    if version(conn)? == migrations.len() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
    let found = version(&tx)?;
    if found > migrations.len() {
        return Err(StoreError::Newer { path: path.to_string(), found, known: migrations.len() });
    }
    for (i, sql) in migrations.iter().enumerate().skip(found) {
        tx.execute_batch(sql).map_err(|e| match classify(e, path) {
            StoreError::Sql(e) => {
                StoreError::Migration { path: path.to_string(), version: i + 1, reason: sqlite_reason(&e) }
            }
            other => other,
        })?;
    }
    tx.pragma_update(None, "user_version", migrations.len() as i64).map_err(fail)?;
    // Marked in the same commit that makes the tables: no reader ever sees them unmarked.
    tx.pragma_update(None, "application_id", APPLICATION_ID).map_err(fail)?;
    tx.commit().map_err(fail)
}
