//! The recently opened workspaces, kept as a small JSON list in the app's config directory
//! (`~/.config/org.dateline.desktop/recent-workspaces.json` on Linux): most recent first.

use std::path::Path;

/// How many workspaces the menu lists.
pub const MAX_RECENT: usize = 10;

/// `list` with `workspace` moved (or added) to the front, without duplicates, at most
/// [`MAX_RECENT`] long.
pub fn with_recent(list: &[String], workspace: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(MAX_RECENT);
    out.push(workspace.to_string());
    out.extend(list.iter().filter(|p| p.as_str() != workspace).take(MAX_RECENT - 1).cloned());
    out
}

/// The stored list; a missing or unreadable file is an empty list (the menu is a convenience).
pub fn load(file: &Path) -> Vec<String> {
    std::fs::read(file)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Vec<String>>(&bytes).ok())
        .map(|mut list| {
            list.truncate(MAX_RECENT);
            list
        })
        .unwrap_or_default()
}

/// Puts `workspace` first in the stored list and returns the new list.
pub fn remember(file: &Path, workspace: &Path) -> std::io::Result<Vec<String>> {
    let list = with_recent(&load(file), &workspace.display().to_string());
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec_pretty(&list).map_err(std::io::Error::other)?;
    // Whole or not at all: a crash half-way would otherwise lose the list.
    dateline::write_atomically(file, &json)?;
    Ok(list)
}

/// "Dateline — diplomacy.dateline": the window title for a workspace file.
pub fn window_title(workspace: &Path) -> String {
    match workspace.file_name() {
        Some(name) => format!("Dateline — {}", name.to_string_lossy()),
        None => "Dateline".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn most_recent_first_without_duplicates() {
        let cases: &[(&[&str], &str, &[&str])] = &[
            (&[], "/a", &["/a"]),
            (&["/a", "/b"], "/c", &["/c", "/a", "/b"]),
            (&["/a", "/b", "/c"], "/b", &["/b", "/a", "/c"]),
            (&["/a"], "/a", &["/a"]),
        ];
        for (list, add, want) in cases {
            assert_eq!(with_recent(&strings(list), add), strings(want), "{list:?} + {add}");
        }
        let long: Vec<String> = (0..20).map(|i| format!("/w{i}")).collect();
        let out = with_recent(&long, "/new");
        assert_eq!(out.len(), MAX_RECENT);
        assert_eq!(out[0], "/new");
    }

    #[test]
    fn stored_in_a_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("config/recent-workspaces.json");
        assert!(load(&file).is_empty(), "missing file: empty list");
        remember(&file, Path::new("/data/one.dateline")).expect("remember");
        let list = remember(&file, Path::new("/data/two.dateline")).expect("remember");
        assert_eq!(list, strings(&["/data/two.dateline", "/data/one.dateline"]));
        assert_eq!(load(&file), list);
        // Written whole, through a temporary file beside it that is gone after.
        let names: Vec<_> = std::fs::read_dir(file.parent().expect("dir"))
            .expect("ls")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["recent-workspaces.json"]);
        std::fs::write(&file, b"not json").expect("write");
        assert!(load(&file).is_empty(), "a corrupt file is an empty list");
    }

    #[test]
    fn titles() {
        assert_eq!(window_title(Path::new("/home/a/diplomacy.dateline")), "Dateline — diplomacy.dateline");
        assert_eq!(window_title(Path::new("/")), "Dateline");
    }
}
