//! What the user chose, as the Rust side saw it: the save dialog's answers (the only files the
//! app writes to that a command names) and the paths the user gave the app to read (the open
//! dialog's answers and what was dropped on the window). The webview names paths in its calls,
//! but a script in the window cannot add to these: they are recorded here, by the dialogs the
//! app opens itself and by the window's drag-and-drop event, so such a script cannot make the app
//! write, import, watch or open anything the user did not choose.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::{CommandError, CommandResult};

fn poisoned(what: &str) -> CommandError {
    CommandError { code: "internal", message: format!("{what} lock poisoned") }
}

/// The save dialog's answers not yet written to (`choose_save_path`): the only paths the commands
/// that write a file the user names (`export_data`, `export_image`, `export_map_image`, `new_workspace`) accept, each
/// once.
#[derive(Default)]
pub(crate) struct SaveAnswers(Mutex<HashSet<String>>);

impl SaveAnswers {
    fn set(&self) -> CommandResult<MutexGuard<'_, HashSet<String>>> {
        self.0.lock().map_err(|_| poisoned("save-path"))
    }

    pub(crate) fn remember(&self, path: String) -> CommandResult<()> {
        self.set()?.insert(path);
        Ok(())
    }

    /// Takes `path` from the answers, or refuses it.
    pub(crate) fn take(&self, path: &str) -> CommandResult<()> {
        if self.set()?.remove(path) {
            return Ok(());
        }
        Err(CommandError {
            code: "not_chosen",
            message: format!(
                "{path} was not chosen in the save dialog: the app writes only to a file chosen there (choose it again)"
            ),
        })
    }
}

/// The paths the user gave the app to read in this session: the open dialog's answers
/// (`choose_open_paths`) and the paths dropped on the window. `import_paths` and `watch_folder`
/// read only these and what lies inside a chosen folder; `open_workspace` opens only these (or a
/// recent workspace). Kept for the session, not taken once: a drop queued behind a running import
/// is imported later, and a folder may be imported again.
#[derive(Default)]
pub(crate) struct ReadPaths(Mutex<HashSet<PathBuf>>);

impl ReadPaths {
    pub(crate) fn record(&self, paths: impl IntoIterator<Item = PathBuf>) -> CommandResult<()> {
        let mut set = self.0.lock().map_err(|_| poisoned("chosen-paths"))?;
        set.extend(paths.into_iter().filter(|p| p.is_absolute()));
        Ok(())
    }

    /// Whether `path` was chosen or lies inside a chosen folder. Compared by components, and a
    /// path that climbs (`..`) is never inside: `/chosen/../etc` is not in `/chosen`.
    pub(crate) fn allows(&self, path: &Path) -> CommandResult<bool> {
        let set = self.0.lock().map_err(|_| poisoned("chosen-paths"))?;
        if set.contains(path) {
            return Ok(true);
        }
        if !path.is_absolute() || path.components().any(|c| matches!(c, Component::ParentDir)) {
            return Ok(false);
        }
        Ok(set.iter().any(|chosen| path.starts_with(chosen)))
    }

    /// `path`, if the user chose it (or a folder holding it) to read; else `not_chosen`, saying
    /// where to choose it.
    pub(crate) fn check(&self, path: &str, how: &str) -> CommandResult<PathBuf> {
        let p = PathBuf::from(path);
        if self.allows(&p)? {
            return Ok(p);
        }
        Err(CommandError {
            code: "not_chosen",
            message: format!("{path} was not chosen: the app reads only what is {how}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_takes_a_path_the_save_dialog_answered_once() {
        let chosen = SaveAnswers::default();
        chosen.remember("/home/a/timeline.png".into()).unwrap();
        let refused = chosen.take("/home/a/.bashrc").unwrap_err();
        assert_eq!(refused.code, "not_chosen");
        assert!(refused.message.contains("/home/a/.bashrc"), "{}", refused.message);
        // Not a prefix, a parent or a sibling: the very answer.
        assert!(chosen.take("/home/a").is_err());
        assert!(chosen.take("/home/a/timeline.png/../x").is_err());
        chosen.take("/home/a/timeline.png").unwrap();
        assert_eq!(chosen.take("/home/a/timeline.png").unwrap_err().code, "not_chosen", "once");
    }

    #[test]
    fn a_read_takes_a_chosen_path_or_what_a_chosen_folder_holds() {
        let read = ReadPaths::default();
        read.record([PathBuf::from("/home/a/news"), PathBuf::from("/home/a/one.txt"), PathBuf::from("rel")])
            .unwrap();
        let allows = |p: &str| read.allows(Path::new(p)).unwrap();
        let cases = [
            ("/home/a/news", true),
            ("/home/a/news/", true),
            ("/home/a/news/2024/talks.html", true),
            ("/home/a/one.txt", true),
            ("/home/a/news/../.ssh/id_ed25519", false),
            ("/home/a/newsletter.txt", false),
            ("/home/a", false),
            ("/home/a/two.txt", false),
            ("/etc/passwd", false),
            ("rel", false),
            ("rel/x", false),
        ];
        for (path, allowed) in cases {
            assert_eq!(allows(path), allowed, "{path}");
        }
        let refused = read.check("/etc/passwd", "chosen in the open dialog or dropped").unwrap_err();
        assert_eq!(refused.code, "not_chosen");
        assert!(refused.message.contains("/etc/passwd"), "{}", refused.message);
        // Not taken by a read: the next one is allowed as well.
        assert!(read.check("/home/a/one.txt", "").is_ok() && read.check("/home/a/one.txt", "").is_ok());
    }
}
