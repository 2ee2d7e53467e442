use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One result of [`discover`]: a file to read, or a path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovered {
    pub path: PathBuf,
    /// `None` for a file to read; otherwise why this path could not be walked (a symlink loop,
    /// a folder without read permission, a path that does not exist).
    pub problem: Option<String>,
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Walks the dropped paths: files are taken as they are, folders recursively (following
/// symlinks, but reporting loops instead of following them forever). Hidden files and folders
/// (`.name`) inside folders are skipped. The result is sorted by path and deduplicated (a file
/// reached twice, through two drops or a symlink, is listed once).
pub fn discover(paths: &[PathBuf]) -> Vec<Discovered> {
    let mut out = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    for root in paths {
        let walker =
            walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter().filter_entry(
                |e| {
                    // The dropped path itself is taken even when hidden: the analyst chose it.
                    e.depth() == 0 || !is_hidden(e.file_name())
                },
            );
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_dir() {
                        continue;
                    }
                    let key = std::fs::canonicalize(e.path()).unwrap_or_else(|_| e.path().to_path_buf());
                    if seen.insert(key) {
                        out.push(Discovered { path: e.path().to_path_buf(), problem: None });
                    }
                }
                Err(err) => {
                    let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| root.clone());
                    let problem = if let Some(ancestor) = err.loop_ancestor() {
                        format!("symlink loop: leads back to {}, not followed", ancestor.display())
                    } else if let Some(io) = err.io_error() {
                        match io.kind() {
                            std::io::ErrorKind::PermissionDenied => {
                                "cannot open: permission denied (check the permissions)".to_string()
                            }
                            std::io::ErrorKind::NotFound => {
                                if std::fs::symlink_metadata(&path).is_ok() {
                                    "broken symlink: its target does not exist".to_string()
                                } else {
                                    "no such file or folder".to_string()
                                }
                            }
                            _ => format!("cannot open: {io}"),
                        }
                    } else {
                        err.to_string()
                    };
                    out.push(Discovered { path, problem: Some(problem) });
                }
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    out
}
