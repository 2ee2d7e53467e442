//! Watched folders: the workspace keeps the folders to watch; [`FolderWatch`] hears their files
//! change (the `notify` crate: inotify on Linux), waits until they are quiet, and hands the
//! changes to [`Workspace::import_changes`], which imports new and changed files through the
//! same import as a drop (same report, same idempotence) and reports deleted ones: their
//! articles and events stay in the workspace until the analyst removes them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use chrono::{SecondsFormat, Utc};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Cancel, Error, EventChange, ImportProgress, ImportReport, Result, Workspace};

/// What changed in the watched folders while they were watched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderChanges {
    /// Files (or folders moved in) that are there now: new, changed or renamed to.
    pub changed: BTreeSet<PathBuf>,
    /// Files that were there and are gone (deleted, or renamed away).
    pub removed: BTreeSet<PathBuf>,
    /// What the watcher itself could not do (a folder gone, too many files to watch).
    pub errors: Vec<String>,
}

impl FolderChanges {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty() && self.errors.is_empty()
    }
}

/// A file that was deleted from a watched folder, with the articles it had brought (they stay).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RemovedFile {
    pub path: String,
    pub articles: u32,
}

/// What one round of watched-folder changes did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WatchReport {
    pub import: ImportReport,
    pub removed: Vec<RemovedFile>,
    pub changes: Vec<EventChange>,
    pub errors: Vec<String>,
}

/// Folders being watched. Dropping it stops the watching.
#[derive(Debug)]
pub struct FolderWatch {
    _watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    folders: Vec<PathBuf>,
}

impl FolderWatch {
    /// Starts watching `folders` (and everything under them).
    pub fn start(folders: &[PathBuf]) -> Result<Self> {
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(tx)
            .map_err(|e| Error::Invalid(format!("cannot watch folders here: {e}")))?;
        let mut watched = Vec::new();
        for f in folders {
            let dir = std::fs::canonicalize(f)
                .map_err(|e| Error::Invalid(format!("cannot watch {}: {e}", f.display())))?;
            if !dir.is_dir() {
                return Err(Error::Invalid(format!("cannot watch {}: not a folder", f.display())));
            }
            watcher
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(|e| Error::Invalid(format!("cannot watch {}: {e}", dir.display())))?;
            watched.push(dir);
        }
        Ok(Self { _watcher: watcher, events, folders: watched })
    }

    /// The folders watched, as absolute paths.
    pub fn folders(&self) -> &[PathBuf] {
        &self.folders
    }

    /// Waits up to `wait` for a change, then gathers changes until none has come for `settle`
    /// (a file being written sends many), and says what they left: `None` when nothing came.
    pub fn next_changes(&self, wait: Duration, settle: Duration) -> Option<FolderChanges> {
        let first = match self.events.recv_timeout(wait) {
            Ok(e) => e,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
        };
        let mut touched = BTreeSet::new();
        let mut gone = BTreeSet::new();
        let mut errors = Vec::new();
        let mut take = |e: notify::Result<notify::Event>| match e {
            Ok(ev) => match ev.kind {
                EventKind::Access(_) => {}
                EventKind::Remove(_) => gone.extend(ev.paths),
                _ => touched.extend(ev.paths),
            },
            Err(e) => errors.push(e.to_string()),
        };
        take(first);
        let mut quiet_since = Instant::now();
        while quiet_since.elapsed() < settle {
            match self.events.recv_timeout(settle - quiet_since.elapsed()) {
                Ok(e) => {
                    take(e);
                    quiet_since = Instant::now();
                }
                Err(_) => break,
            }
        }
        let mut changes = FolderChanges { errors, ..Default::default() };
        for p in touched.into_iter().chain(gone) {
            if p.exists() {
                // A folder's own "modified" says only that a file in it changed, which comes too.
                if p.is_file() || !self.folders.contains(&p) {
                    changes.changed.insert(p);
                }
            } else {
                changes.removed.insert(p);
            }
        }
        // A folder moved in is imported whole: its files need not be named again.
        let dirs: Vec<PathBuf> = changes.changed.iter().filter(|p| p.is_dir()).cloned().collect();
        changes.changed.retain(|p| !dirs.iter().any(|d| p != d && p.starts_with(d)));
        Some(changes)
    }
}

/// Whether a changed path is the workspace's own (its database, journal, lock: a workspace
/// inside a watched folder must not import itself after each write) or a file being written
/// (hidden, or an editor's backup).
fn ignored(path: &Path, workspace: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let ws_name = workspace.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let same_dir = match (path.parent(), workspace.parent()) {
        (Some(a), Some(b)) => {
            let b = if b.as_os_str().is_empty() { Path::new(".") } else { b };
            std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok()
        }
        _ => false,
    };
    let being_written = !path.is_dir() && (name.starts_with('.') || name.ends_with('~'));
    (same_dir && !ws_name.is_empty() && name.starts_with(&ws_name)) || being_written
}

impl Workspace {
    /// Adds a folder to watch (kept in the workspace); whether it is new. Nothing is imported now.
    pub fn watch_folder(&mut self, folder: &Path) -> Result<bool> {
        let dir = std::fs::canonicalize(folder)
            .map_err(|e| Error::Invalid(format!("cannot watch {}: {e}", folder.display())))?;
        if !dir.is_dir() {
            return Err(Error::Invalid(format!("cannot watch {}: not a folder", folder.display())));
        }
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        Ok(self.store.add_watched_folder(&dateline_ingest::path_key(&dir), &now)?)
    }

    /// Stops watching a folder; whether it was watched. Its articles stay.
    pub fn unwatch_folder(&mut self, folder: &Path) -> Result<bool> {
        let key = std::fs::canonicalize(folder)
            .map_or_else(|_| dateline_ingest::path_key(folder), |d| dateline_ingest::path_key(&d));
        Ok(self.store.remove_watched_folder(&key)?)
    }

    /// The folders this workspace watches.
    pub fn watched_folders(&self) -> Result<Vec<PathBuf>> {
        Ok(self.store.watched_folders()?.into_iter().map(|f| PathBuf::from(f.path)).collect())
    }

    /// Imports the new and changed files of `changes` as a drop of them would, and reports the
    /// deleted ones with the articles they had brought (which stay). The caller takes the
    /// [`crate::ImportLock`] first, as for an import.
    pub fn import_changes(
        &mut self,
        changes: &FolderChanges,
        cancel: &Cancel,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> Result<WatchReport> {
        let ws = self.path().to_path_buf();
        let paths: Vec<PathBuf> = changes.changed.iter().filter(|p| !ignored(p, &ws)).cloned().collect();
        let before = self.event_states()?;
        let mut import =
            if paths.is_empty() { ImportReport::default() } else { self.import(&paths, cancel, progress)? };
        // A folder imported whole holds the workspace's own files when the workspace is in it.
        import.files.retain(|f| !ignored(Path::new(&f.path), &ws));
        let mut removed = Vec::new();
        for p in changes.removed.iter().filter(|p| !ignored(p, &ws)) {
            let path = dateline_ingest::path_key(p);
            let articles = self.store.articles_from(&path)?;
            removed.push(RemovedFile { path, articles });
        }
        let changes_made = self.record_changes("watch", import.articles_added, &before)?;
        Ok(WatchReport { import, removed, changes: changes_made, errors: changes.errors.clone() })
    }
}

/// Imports one round of folder changes into the workspace at `path` on a connection of its own,
/// under the import lock, while another [`Workspace`] on the file (the app's) goes on reading.
pub fn import_changes_beside(path: &Path, changes: &FolderChanges) -> Result<WatchReport> {
    let _one_import = crate::ImportLock::acquire(path, &mut || {});
    let mut ws = Workspace::open_with(path, dateline_store::Access::Write)?;
    ws.import_changes(changes, &Cancel::default(), &mut |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_and_files_being_written_are_not_imported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = dir.path().join("ws.dateline");
        for (name, want) in [
            ("ws.dateline-wal", true),
            ("ws.dateline-import-lock", true),
            (".visit.html.swp", true),
            ("visit.html~", true),
            ("visit.html", false),
        ] {
            assert_eq!(ignored(&dir.path().join(name), &ws), want, "{name}");
        }
        let hidden = dir.path().join(".clippings");
        std::fs::create_dir(&hidden).expect("mkdir");
        assert!(!ignored(&hidden, &ws), "a hidden folder is watched and imported");
        let other = tempfile::tempdir().expect("tempdir");
        assert!(!ignored(&other.path().join("ws.dateline-notes.txt"), &ws));
    }
}
