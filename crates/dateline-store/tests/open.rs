//! Opening workspaces: what is a workspace, who may write, and two connections at once.

use std::path::Path;
use std::time::Duration;

use dateline_model::{Article, Origin};
use dateline_store::{APPLICATION_ID, Access, Store, StoreError};
use rusqlite::Connection;

fn article(path: &str, hash: &str) -> Article {
    Article {
        doc: "doc".into(),
        title: Some("Title".into()),
        published: None,
        published_raw: None,
        outlet: None,
        byline: None,
        url: None,
        text: "Talks in Oslo.".into(),
        origin: Origin::file(path),
        content_hash: hash.into(),
    }
}

fn workspace(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("ws.dateline");
    let mut store = Store::open(&path).expect("create");
    store.save_batch(&[(article("/a.txt", "h1"), Vec::new())]).expect("save");
    store.refresh().expect("refresh");
    path
}

fn sql(path: &Path) -> Connection {
    Connection::open(path).expect("plain sqlite")
}

fn no_repetition(message: &str) {
    for word in ["database", "workspace", "locked", "busy"] {
        assert!(message.matches(word).count() <= 2, "repeats itself: {message}");
    }
}

#[test]
fn a_workspace_is_marked_and_other_sqlite_files_are_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let id: i32 = sql(&ws).pragma_query_value(None, "application_id", |r| r.get(0)).expect("id");
    assert_eq!(id, APPLICATION_ID);

    let other = dir.path().join("other.sqlite");
    sql(&other)
        .execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
        .expect("other");
    let before = std::fs::read(&other).expect("read");
    for access in [Access::Read, Access::Write, Access::Create] {
        match Store::open_with(&other, access) {
            Err(e @ StoreError::NotWorkspace { .. }) => {
                let m = e.to_string();
                assert!(m.contains("other.sqlite is not a Dateline workspace"), "{m}");
                assert!(m.contains("notes"), "{m}");
            }
            other => panic!("{access:?}: expected a refusal, got {other:?}"),
        }
    }
    assert_eq!(std::fs::read(&other).expect("read"), before, "not one byte changed");
    assert!(!dir.path().join("other.sqlite-wal").exists());

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database, just words, long enough to be a header and more").expect("write");
    assert!(matches!(Store::open_with(&text, Access::Read), Err(StoreError::NotWorkspace { .. })));
    assert!(matches!(Store::open_with(&text, Access::Write), Err(StoreError::NotWorkspace { .. })));
}

#[test]
fn a_mistyped_path_is_not_created_except_by_an_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let typo = dir.path().join("wrokspace.dateline");
    for access in [Access::Read, Access::Write] {
        match Store::open_with(&typo, access) {
            Err(e @ StoreError::NotFound { .. }) => assert!(e.to_string().starts_with("no workspace at ")),
            other => panic!("expected not found, got {other:?}"),
        }
        assert!(!typo.exists());
    }
    Store::open_with(&typo, Access::Create).expect("create");
    assert!(typo.exists());
}

#[test]
fn readers_never_write_not_even_a_pending_rebuild() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    {
        let mut w = Store::open_with(&ws, Access::Write).expect("write");
        w.save_batch(&[(article("/b.txt", "h2"), Vec::new())]).expect("save");
        // No refresh: the merged events are stale, as while an import runs.
    }
    let dirty = |c: &Connection| -> String {
        c.query_row("SELECT value FROM meta WHERE key = 'merged_dirty'", [], |r| r.get(0)).expect("meta")
    };
    // Articles only added: the next writer merges just what they touch.
    assert_eq!(dirty(&sql(&ws)), "new");
    let r = Store::open_with(&ws, Access::Read).expect("read");
    assert_eq!(r.counts().expect("counts").articles, 2);
    assert!(r.merged_stale().expect("stale"), "the reader can say the merged events are stale");
    assert_eq!(dirty(&sql(&ws)), "new", "the reader did not rebuild");
    let mut r = r;
    assert!(r.save_batch(&[(article("/c.txt", "h3"), Vec::new())]).is_err(), "a reader cannot write");
    drop(r);
    // A writer does rebuild on open.
    drop(Store::open_with(&ws, Access::Write).expect("write"));
    assert_eq!(dirty(&sql(&ws)), "0");
    assert!(!Store::open_with(&ws, Access::Read).expect("read").merged_stale().expect("stale"));
}

#[test]
fn a_read_only_workspace_can_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    // Checkpointed and closed: the file alone holds the workspace, as when copied.
    sql(&ws).execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").expect("checkpoint");
    std::fs::set_permissions(&ws, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let r = Store::open_with(&ws, Access::Read).expect("read-only file opens for reading");
    assert_eq!(r.counts().expect("counts").articles, 1);
    std::fs::set_permissions(&ws, std::fs::Permissions::from_mode(0o644)).expect("chmod");
}

#[test]
fn a_newer_schema_is_refused_and_an_older_one_needs_a_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    sql(&ws).pragma_update(None, "user_version", 99).expect("version");
    for access in [Access::Read, Access::Write] {
        match Store::open_with(&ws, access) {
            Err(e @ StoreError::Newer { .. }) => {
                assert!(e.to_string().contains("was made by a newer Dateline (schema 99"), "{e}")
            }
            other => panic!("expected newer, got {other:?}"),
        }
    }
    let version: i64 = sql(&ws).pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
    assert_eq!(version, 99, "left as it was");

    // Made before workspaces were marked, at an older schema: readable once a writer updated it.
    let old = dir.path().join("old.dateline");
    {
        let c = sql(&old);
        c.execute_batch(dateline_store::MIGRATIONS_SQL[0]).expect("migration 1");
        c.pragma_update(None, "user_version", 1).expect("version");
    }
    assert!(matches!(Store::open_with(&old, Access::Read), Err(StoreError::Older { .. })));
    drop(Store::open_with(&old, Access::Write).expect("update"));
    let r = Store::open_with(&old, Access::Read).expect("now current");
    assert_eq!(r.counts().expect("counts").articles, 0);
    let id: i32 = sql(&old).pragma_query_value(None, "application_id", |r| r.get(0)).expect("id");
    assert_eq!(id, APPLICATION_ID, "marked when updated");
}

#[test]
fn a_damaged_workspace_is_reported_by_the_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let store = Store::open_with(&ws, Access::Write).expect("write");
    store.check().expect("whole");
    drop(store);
    sql(&ws).execute_batch("DROP TABLE corrections;").expect("drop");
    let store = Store::open_with(&ws, Access::Read).expect("read");
    match store.check() {
        Err(e @ StoreError::Damaged { .. }) => {
            assert!(e.to_string().contains("table corrections is missing"))
        }
        other => panic!("expected damage, got {other:?}"),
    }

    // Bytes overwritten in the middle of the file.
    let ws = dir.path().join("torn.dateline");
    {
        let mut s = Store::open(&ws).expect("create");
        let many: Vec<(Article, Vec<_>)> =
            (0..400).map(|i| (article(&format!("/{i}.txt"), &format!("h{i}")), Vec::new())).collect();
        s.save_batch(&many).expect("save");
        s.refresh().expect("refresh");
    }
    sql(&ws).execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").expect("checkpoint");
    let mut bytes = std::fs::read(&ws).expect("read");
    let len = bytes.len();
    for b in &mut bytes[len / 2..len / 2 + 4096] {
        *b = 0x5a;
    }
    std::fs::write(&ws, bytes).expect("write");
    let result = Store::open_with(&ws, Access::Write).and_then(|s| s.check());
    assert!(matches!(result, Err(StoreError::Damaged { .. } | StoreError::Sql(_))), "{result:?}");
}

#[test]
fn two_processes_creating_one_workspace_both_succeed() {
    // The window is a few statements wide (another creator's commit between two reads of the
    // file's marks): many rounds to meet it.
    for _ in 0..25 {
        creators_race_once();
    }
}

fn creators_race_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("new.dateline");
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let ws = ws.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&ws).map_err(|e| e.to_string())?;
                s.save_batch(&[(article(&format!("/{i}.txt"), &format!("h{i}")), Vec::new())])
                    .map_err(|e| e.to_string())?;
                s.refresh().map_err(|e| e.to_string())
            })
        })
        .collect();
    for h in handles {
        if let Err(e) = h.join().expect("no panic") {
            no_repetition(&e);
            panic!("{e}");
        }
    }
    assert_eq!(Store::open_with(&ws, Access::Read).expect("read").counts().expect("counts").articles, 4);
}

#[test]
fn a_writer_waits_for_another_and_readers_are_never_held_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    // Another process's write transaction, held for a while.
    let holder = sql(&ws);
    holder.busy_timeout(Duration::from_secs(5)).expect("timeout");
    holder
        .execute_batch("BEGIN IMMEDIATE; UPDATE meta SET value = value WHERE key = 'merged_dirty';")
        .expect("lock");
    let reader = Store::open_with(&ws, Access::Read).expect("a reader opens during a write");
    assert_eq!(reader.counts().expect("counts").articles, 1);
    let waiting = std::thread::spawn({
        let ws = ws.clone();
        move || {
            let mut w = Store::open_with(&ws, Access::Write)?;
            w.save_batch(&[(article("/z.txt", "hz"), Vec::new())])?;
            w.refresh()
        }
    });
    std::thread::sleep(Duration::from_millis(800));
    holder.execute_batch("COMMIT;").expect("commit");
    waiting.join().expect("no panic").expect("the second writer waited, then wrote");
    assert_eq!(reader.counts().expect("counts").articles, 2);
}

#[test]
fn a_long_lived_writer_checks_a_workspace_another_process_has_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    // The app's connection: it rebuilt the merged events (and their search index) once.
    let mut app = Store::open_with(&ws, Access::Write).expect("write");
    app.rebuild().expect("rebuild");
    // Another process then writes the search index.
    sql(&ws)
        .execute_batch("INSERT INTO events_fts (rowid, body) VALUES (1, 'talks in oslo'), (2, 'a call');")
        .expect("write");
    app.check().expect("the workspace is sound, whoever wrote it last");
}
