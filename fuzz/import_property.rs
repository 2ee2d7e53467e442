//! The whole-import property, shared by the cargo-fuzz target `import_any`
//! (`fuzz/fuzz_targets/import_any.rs`, nightly) and its stable twin
//! (`crates/dateline/tests/import_any.rs`, every `cargo test`): arbitrary bytes saved under a
//! name of each supported kind, alone or with a second copy under another name, and imported
//! into a fresh workspace with the facade's `Workspace::import` (what `dateline import` runs).
//!
//! It must: return (no panic, no error for a fresh workspace); give every input file exactly one
//! report line under its own path (imported with articles, unchanged as a duplicate, skipped or
//! failed with a reason), with any further lines for parts of it (`path!entry`) also giving a
//! reason; never report a panic caught inside the import ("internal error"); store a copy's
//! content once; and, imported again after reopening the workspace, change nothing (no article
//! or event added, the same counts and merged events, the same lines with "imported" now
//! "unchanged").

use std::path::{Path, PathBuf};

use dateline::{Cancel, FileReport, FileStatus, ImportReport, Workspace};

/// The names an input is saved under: one per supported kind of file, and one without an
/// extension (the content sniffer picks the reader).
pub const NAMES: &[&str] = &[
    "page.html",
    "story.txt",
    "story.md",
    "doc.pdf",
    "doc.docx",
    "mail.eml",
    "box.mbox",
    "data.json",
    "data.jsonl",
    "feed.xml",
    "bundle.zip",
    "no-extension",
];

/// Bit of the first byte asking for a second copy of the content under another name.
pub const COPY: u8 = 0x80;

/// A fuzz input: its first byte picks the name (low bits, modulo [`NAMES`]) and whether a copy
/// is imported beside it ([`COPY`]); the rest is the file's content.
pub fn split(data: &[u8]) -> Option<(&'static str, bool, &[u8])> {
    let (&first, content) = data.split_first()?;
    Some((NAMES[usize::from(first & !COPY) % NAMES.len()], first & COPY != 0, content))
}

fn key(path: &Path) -> String {
    path.to_str().expect("temporary paths are UTF-8").to_string()
}

/// The lines of `report` that are about `file`: its own line, and the lines of its parts.
fn lines_of<'r>(report: &'r ImportReport, file: &str) -> (Vec<&'r FileReport>, Vec<&'r FileReport>) {
    let entry_prefix = format!("{file}!");
    let own = report.files.iter().filter(|l| l.path == file).collect();
    let parts = report.files.iter().filter(|l| l.path.starts_with(&entry_prefix)).collect();
    (own, parts)
}

fn check_report(report: &ImportReport, files: &[String], what: &str) {
    let mut accounted = 0;
    for file in files {
        let (own, parts) = lines_of(report, file);
        assert_eq!(own.len(), 1, "{what}: {file} has {} report lines of its own: {report:#?}", own.len());
        let line = own[0];
        match line.status {
            FileStatus::Imported => assert!(line.articles > 0, "{what}: {file} imported without articles"),
            FileStatus::Unchanged => {
                assert!(line.articles > 0, "{what}: {file} unchanged without articles");
                assert!(line.reason.is_some(), "{what}: {file} unchanged without saying why");
            }
            FileStatus::Skipped | FileStatus::Failed => {
                assert_eq!(line.articles, 0, "{what}: {file} {:?} with articles", line.status)
            }
        }
        for l in std::iter::once(line).chain(parts.iter().copied()) {
            if matches!(l.status, FileStatus::Skipped | FileStatus::Failed) {
                let reason = l.reason.as_deref().unwrap_or("");
                assert!(!reason.trim().is_empty(), "{what}: {} {:?} without a reason", l.path, l.status);
            }
            if let Some(reason) = &l.reason {
                assert!(
                    !reason.contains("internal error"),
                    "{what}: a panic caught in the import: {}: {reason}",
                    l.path
                );
            }
        }
        accounted += 1 + parts.len();
    }
    assert_eq!(accounted, report.files.len(), "{what}: report lines about no input file: {report:#?}");
    let stored: u32 =
        report.files.iter().filter(|l| l.status == FileStatus::Imported).map(|l| l.articles).sum();
    assert!(
        report.articles_added <= stored,
        "{what}: {} articles added, {stored} in imported lines",
        report.articles_added
    );
}

/// The report lines as a second import of the same files should give them: "imported" becomes
/// "unchanged", the rest stays as it was.
fn as_reimported(report: &ImportReport) -> Vec<(String, FileStatus, u32, Option<String>)> {
    report
        .files
        .iter()
        .map(|l| match l.status {
            FileStatus::Imported | FileStatus::Unchanged => {
                (l.path.clone(), FileStatus::Unchanged, l.articles, None)
            }
            s => (l.path.clone(), s, l.articles, l.reason.clone()),
        })
        .collect()
}

fn import(
    ws_path: &Path,
    paths: &[PathBuf],
) -> (ImportReport, dateline::WorkspaceInfo, Vec<dateline::EventSummary>) {
    let mut ws = Workspace::open(ws_path).expect("a fresh workspace opens");
    let report =
        ws.import(paths, &Cancel::default(), &mut |_| {}).expect("an import into a fresh workspace returns");
    let info = ws.info().expect("info");
    let events = ws.events().expect("events");
    (report, info, events)
}

/// Imports `content` saved as `name` (and as `copy-name` too if `copy`) into a fresh workspace,
/// twice, and checks the property; panics (a fuzz crash, a test failure) when it does not hold.
/// The first import's report.
pub fn check(name: &str, copy: bool, content: &[u8]) -> ImportReport {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).expect("input folder");
    let mut paths = vec![dir.join(name)];
    if copy {
        paths.push(dir.join(format!("copy-{name}")));
    }
    for p in &paths {
        std::fs::write(p, content).expect("input file");
    }
    let files: Vec<String> = paths.iter().map(|p| key(p)).collect();
    let ws_path = tmp.path().join("ws.dateline");

    let (first, info, events) = import(&ws_path, &paths);
    check_report(&first, &files, "first import");
    if copy {
        // One content, two names: stored once. The file read first (either) may be imported;
        // the other is then a duplicate. A file that gives no article gives none under either name.
        let own: Vec<&FileReport> = files.iter().map(|f| lines_of(&first, f).0[0]).collect();
        let imported = own.iter().filter(|l| l.status == FileStatus::Imported).count();
        assert!(imported <= 1, "the same content under two names imported twice: {first:#?}");
        if imported == 1 {
            let other = own.iter().find(|l| l.status != FileStatus::Imported).expect("the other line");
            assert_eq!(other.status, FileStatus::Unchanged, "a copy of an imported file: {first:#?}");
        } else {
            assert_eq!(own[0].status, own[1].status, "one content, two outcomes: {first:#?}");
        }
    }
    assert_eq!(info.articles, first.articles_added, "articles in the workspace after one import");

    // Again, as a second `dateline import` would: the workspace reopened, the same files.
    let (again, info_again, events_again) = import(&ws_path, &paths);
    check_report(&again, &files, "second import");
    assert_eq!((again.articles_added, again.events_added), (0, 0), "re-importing added: {again:#?}");
    assert!(again.files.iter().all(|l| l.status != FileStatus::Imported), "re-imported as new: {again:#?}");
    assert_eq!(as_reimported(&again), as_reimported(&first), "re-importing changed the report");
    assert_eq!(info_again, info, "re-importing changed the counts");
    assert_eq!(events_again, events, "re-importing changed the merged events");
    first
}
