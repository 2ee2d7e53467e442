//! Watched folders: files dropped, changed and deleted while the folder is watched, the
//! workspace checked after each (polled with a deadline: inotify's timing is the kernel's).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline::model::Status;
use dateline::{Cancel, FileStatus, FolderWatch, WatchReport, Workspace};

const PLANNED: &str = include_str!("fixtures/feeds/varga-lima-planned.html");
const OCCURRED: &str = include_str!("fixtures/feeds/varga-lima-occurred.html");
const ENVOY: &str = include_str!("fixtures/feeds/envoy-meeting.html");

const DEADLINE: Duration = Duration::from_secs(30);

/// Imports what the watch hears until `done` holds of the workspace and the reports so far;
/// fails after the deadline.
fn until(
    watch: &FolderWatch,
    ws: &mut Workspace,
    what: &str,
    done: &dyn Fn(&Workspace, &[WatchReport]) -> bool,
) -> Vec<WatchReport> {
    let start = Instant::now();
    let mut reports = Vec::new();
    while !done(ws, &reports) {
        assert!(start.elapsed() < DEADLINE, "{what}: not within {DEADLINE:?}; reports {reports:#?}");
        if let Some(changes) = watch.next_changes(Duration::from_millis(200), Duration::from_millis(300)) {
            reports.push(ws.import_changes(&changes, &Cancel::default(), &mut |_| {}).expect("import"));
        }
    }
    reports
}

fn lines(reports: &[WatchReport], file: &Path) -> Vec<FileStatus> {
    let key = file.to_string_lossy();
    reports.iter().flat_map(|r| &r.import.files).filter(|f| f.path == key).map(|f| f.status).collect()
}

fn lima_visit(ws: &Workspace) -> Option<Status> {
    ws.events().expect("events").into_iter().find(|e| e.place.as_deref() == Some("Lima")).map(|e| e.status)
}

#[test]
fn dropped_changed_and_deleted_files_are_imported_and_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = std::fs::canonicalize(dir.path()).expect("canonical").join("clippings");
    std::fs::create_dir(&folder).expect("mkdir");
    // The workspace inside the watched folder: its own files must not be imported.
    let mut ws = Workspace::open(&folder.join("desk.dateline")).expect("open");
    assert!(ws.watch_folder(&folder).expect("watch"));
    assert!(!ws.watch_folder(&folder).expect("watch again"), "already watched");
    assert_eq!(ws.watched_folders().expect("folders"), [PathBuf::from(&folder)]);
    let watch = FolderWatch::start(&ws.watched_folders().expect("folders")).expect("start");
    let mut all: Vec<WatchReport> = Vec::new();

    // Dropped: imported.
    let visit = folder.join("varga-lima.html");
    std::fs::write(&visit, PLANNED).expect("write");
    let r =
        until(&watch, &mut ws, "the dropped file imported", &|ws, _| lima_visit(ws) == Some(Status::Planned));
    assert_eq!(lines(&r, &visit).last(), Some(&FileStatus::Imported), "{r:#?}");
    assert!(r.iter().flat_map(|r| &r.changes).any(|c| c.change == dateline::ChangeKind::New));
    all.extend(r);

    // A file in a new subfolder too.
    std::fs::create_dir(folder.join("kenya")).expect("mkdir");
    let envoy = folder.join("kenya").join("envoy.html");
    std::fs::write(&envoy, ENVOY).expect("write");
    until(&watch, &mut ws, "the file in a new folder imported", &|ws, _| {
        ws.info().expect("info").articles == 2
    });

    // Changed: the same article, its events now those of the new text.
    std::fs::write(&visit, OCCURRED).expect("write");
    let r = until(&watch, &mut ws, "the changed file re-imported", &|ws, _| {
        lima_visit(ws) == Some(Status::Occurred)
    });
    assert_eq!(lines(&r, &visit).last(), Some(&FileStatus::Imported), "{r:#?}");
    assert_eq!(ws.info().expect("info").articles, 2);
    assert!(
        r.iter().flat_map(|r| &r.changes).any(|c| c.change == dateline::ChangeKind::Status
            && c.before.as_deref() == Some("planned")
            && c.after.as_deref() == Some("occurred")),
        "{r:#?}"
    );
    all.extend(r);

    // Deleted: reported, its article and events kept.
    let events = ws.info().expect("info").events;
    std::fs::remove_file(&visit).expect("remove");
    let r = until(&watch, &mut ws, "the deletion reported", &|_, r| r.iter().any(|r| !r.removed.is_empty()));
    let removed: Vec<(String, u32)> =
        r.iter().flat_map(|r| &r.removed).map(|f| (f.path.clone(), f.articles)).collect();
    assert_eq!(removed, [(visit.to_string_lossy().into_owned(), 1)]);
    assert_eq!((ws.info().expect("info").articles, ws.info().expect("info").events), (2, events));
    assert_eq!(lima_visit(&ws), Some(Status::Occurred));

    // The folder imported whole (as `dateline watch` does when it starts): the workspace in it
    // is not reported.
    let whole =
        dateline::FolderChanges { changed: [folder.clone()].into_iter().collect(), ..Default::default() };
    all.push(ws.import_changes(&whole, &Cancel::default(), &mut |_| {}).expect("import"));
    assert!(all.last().is_some_and(|r| !r.import.files.is_empty()), "{all:#?}");

    // The workspace's own files (written by every import) never showed up as imports.
    all.extend(r);
    assert!(all.iter().flat_map(|r| &r.import.files).all(|f| !f.path.contains("desk.dateline")), "{all:#?}");
    assert!(ws.unwatch_folder(&folder).expect("unwatch"));
    assert!(ws.watched_folders().expect("folders").is_empty());
}

#[test]
fn changes_imported_beside_a_long_lived_workspace_are_seen_by_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ws.dateline");
    let app = Workspace::open(&path).expect("open");
    let file = dir.path().join("envoy.html");
    std::fs::write(&file, ENVOY).expect("write");
    let changes =
        dateline::FolderChanges { changed: [file.clone()].into_iter().collect(), ..Default::default() };
    let r = dateline::import_changes_beside(&path, &changes).expect("import");
    assert_eq!(lines(&[r], &file), [FileStatus::Imported]);
    assert_eq!(app.info().expect("info").articles, 1);
    assert!(!app.changes_since_seen().expect("changes").is_empty());
}
