//! One import at a time into a workspace, across processes (two `dateline import`s, the app and
//! the CLI): an advisory lock on a file beside the workspace (`ws.dateline-import-lock`).
//!
//! SQLite alone keeps two imports correct (each batch is one `BEGIN IMMEDIATE` transaction), but
//! they would interleave batch by batch and each would rebuild the merged events; with the lock
//! the second waits, says so, and then finds the first one's articles already there. Readers
//! never take it. The lock is the operating system's: a killed import releases it at once.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Held while an import runs; released on drop (or when the process ends).
#[derive(Debug)]
pub struct ImportLock {
    file: Option<File>,
    /// The lock file, when this lock made it.
    made: Option<PathBuf>,
}

/// The lock file of the workspace at `workspace`.
pub fn import_lock_path(workspace: &Path) -> PathBuf {
    let mut name = workspace.as_os_str().to_owned();
    name.push("-import-lock");
    PathBuf::from(name)
}

impl ImportLock {
    /// Takes the import lock of the workspace at `workspace`, calling `waiting` once first if
    /// another import holds it, and then waiting for it however long it runs. Where the lock
    /// file cannot be made (a read-only folder), no lock is taken: the import goes on, and
    /// fails there at its first write as it would have.
    pub fn acquire(workspace: &Path, waiting: &mut dyn FnMut()) -> Self {
        Self::acquire_unless(workspace, waiting, &|| false).unwrap_or(Self { file: None, made: None })
    }

    /// As [`ImportLock::acquire`], but gives up (`None`) once `cancelled` says so while it waits:
    /// the app's Cancel button works on an import that has not started yet.
    pub fn acquire_unless(
        workspace: &Path,
        waiting: &mut dyn FnMut(),
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Self> {
        // An import creates the workspace's folder anyway.
        if let Some(dir) = workspace.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        let path = import_lock_path(workspace);
        let made = (!path.exists()).then(|| path.clone());
        let file = OpenOptions::new().create(true).truncate(false).write(true).open(&path);
        let Ok(file) = file else { return Some(Self { file: None, made: None }) };
        let mut said = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Some(Self { file: Some(file), made }),
                Err(TryLockError::WouldBlock) => {
                    if !std::mem::replace(&mut said, true) {
                        waiting();
                    }
                    if cancelled() {
                        return None;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                // A file system without locks: as without the file.
                Err(TryLockError::Error(_)) => return Some(Self { file: None, made: None }),
            }
        }
    }

    /// Whether the lock is held by this process (false where the file system has none).
    pub fn held(&self) -> bool {
        self.file.is_some()
    }

    /// Releases the lock after the workspace could not be opened (another program's file, a
    /// newer one): the lock file goes too if this lock made it, so nothing is left beside a
    /// file Dateline refused.
    pub fn release_unused(mut self) {
        self.file = None;
        if let Some(path) = self.made.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// What an import waiting for another says.
pub fn waiting_message(workspace: &Path) -> String {
    format!("another import into {} is running: waiting for it to finish", workspace.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = dir.path().join("ws.dateline");
        let first = ImportLock::acquire(&ws, &mut || panic!("nobody holds it yet"));
        assert!(first.held());
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = std::thread::spawn({
            let ws = ws.clone();
            move || {
                let lock = ImportLock::acquire(&ws, &mut || tx.send(()).expect("send"));
                lock.held()
            }
        });
        rx.recv().expect("the second one says it waits");
        drop(first);
        assert!(waiter.join().expect("join"), "and gets the lock once the first is done");
        assert!(!ws.exists(), "the lock makes no workspace");
    }

    #[test]
    fn a_waiting_lock_can_be_cancelled() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = dir.path().join("ws.dateline");
        let _first = ImportLock::acquire(&ws, &mut || panic!("nobody holds it yet"));
        let mut said = 0;
        let got = ImportLock::acquire_unless(&ws, &mut || said += 1, &|| true);
        assert!(got.is_none(), "cancelled while it waited");
        assert_eq!(said, 1);
    }
}
