//! The full check (`PRAGMA quick_check`) runs only when something other than Dateline's own
//! writes may have touched the workspace since the last one passed: Dateline's writes and
//! SQLite's checkpoints of them keep it skipped; another program's write, or bytes changed,
//! bring it back.

use std::path::Path;

use dateline_model::{Article, Origin};
use dateline_store::{Access, Checked, Store, StoreError};
use rusqlite::Connection;

fn article(path: &str, hash: &str, text: String) -> Article {
    Article {
        doc: "doc".into(),
        title: Some("Title".into()),
        published: None,
        published_raw: None,
        outlet: None,
        byline: None,
        url: None,
        text,
        origin: Origin::file(path),
        content_hash: hash.into(),
    }
}

/// `n` articles of about 10 kB each, named from `from`.
fn articles(from: usize, n: usize) -> Vec<(Article, Vec<dateline_model::Event>)> {
    (from..from + n)
        .map(|i| {
            let text = format!("Talks in Oslo number {i}. ").repeat(400);
            (article(&format!("/{i}.txt"), &format!("h{i}"), text), Vec::new())
        })
        .collect()
}

fn modified(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path).and_then(|m| m.modified()).expect("mtime")
}

#[test]
fn dateline_writes_and_their_checkpoints_keep_the_check_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");
    let mut store = Store::open(&ws).expect("create");
    store.save_batch(&articles(0, 10)).expect("save");
    store.refresh().expect("refresh");
    assert_eq!(store.check().expect("check"), Checked::Whole, "never checked");
    assert_eq!(store.check().expect("check"), Checked::Sealed, "nothing changed");

    // About 4 MB of articles and their search index: past SQLite's 1,000-page automatic
    // checkpoint, which copies the log into the database file inside a commit.
    let before = modified(&ws);
    for round in 0..4 {
        store.save_batch(&articles(100 + round * 100, 100)).expect("save");
        store.refresh().expect("refresh");
    }
    assert_ne!(modified(&ws), before, "a checkpoint rewrote the database file");
    assert_eq!(store.check().expect("check"), Checked::Sealed, "only Dateline wrote");

    // Closing checkpoints again; the next process finds it sealed.
    drop(store);
    let store = Store::open_with(&ws, Access::Write).expect("reopen");
    assert_eq!(store.check().expect("check"), Checked::Sealed, "closed and reopened");
    drop(store);
    let reader = Store::open_with(&ws, Access::Read).expect("read");
    assert_eq!(reader.check().expect("check"), Checked::Sealed, "a reader too");
}

#[test]
fn another_programs_write_brings_the_full_check_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");
    let mut app = Store::open(&ws).expect("create");
    app.save_batch(&articles(0, 10)).expect("save");
    app.refresh().expect("refresh");
    assert_eq!(app.check().expect("check"), Checked::Whole);

    // Another program writes while the app's writer is open, then the app writes too: the app
    // must not seal the other program's change as its own.
    {
        let other = Connection::open(&ws).expect("plain sqlite");
        other.execute("UPDATE articles SET title = 'changed' WHERE id = 1", []).expect("write");
    }
    app.save_batch(&articles(10, 1)).expect("save");
    app.refresh().expect("refresh");
    assert_eq!(app.check().expect("check"), Checked::Whole, "checked again after another program");
    assert_eq!(app.check().expect("check"), Checked::Sealed);

    // With the app closed: another program's write and its checkpoint.
    drop(app);
    Connection::open(&ws)
        .expect("plain sqlite")
        .execute("DELETE FROM articles WHERE id = 2", [])
        .expect("write");
    let app = Store::open_with(&ws, Access::Write).expect("reopen");
    assert_eq!(app.check().expect("check"), Checked::Whole);

    // The seal copied beside another workspace does not vouch for it.
    let other_ws = dir.path().join("other.dateline");
    drop(Store::open(&other_ws).expect("create"));
    drop(app);
    std::fs::copy(dir.path().join("ws.dateline-checked"), dir.path().join("other.dateline-checked"))
        .expect("copy");
    let other = Store::open_with(&other_ws, Access::Write).expect("open");
    assert_eq!(other.check().expect("check"), Checked::Whole);
}

#[test]
fn bytes_changed_after_a_passing_check_are_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("torn.dateline");
    {
        let mut s = Store::open(&ws).expect("create");
        s.save_batch(&articles(0, 200)).expect("save");
        s.refresh().expect("refresh");
        assert_eq!(s.check().expect("check"), Checked::Whole);
        assert_eq!(s.check().expect("check"), Checked::Sealed);
    }
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
fn a_writer_closing_does_not_wait_for_another_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");
    let mut store = Store::open(&ws).expect("create");
    store.save_batch(&articles(0, 10)).expect("save");
    store.refresh().expect("refresh");
    assert_eq!(store.check().expect("check"), Checked::Whole);
    // Another process's write transaction, held while the sealed writer closes: its checkpoint
    // must not wait for it (the busy timeout is 60 s).
    let holder = Connection::open(&ws).expect("plain sqlite");
    holder
        .execute_batch("BEGIN IMMEDIATE; UPDATE meta SET value = value WHERE key = 'merged_dirty';")
        .expect("lock");
    let started = std::time::Instant::now();
    drop(store);
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    holder.execute_batch("COMMIT;").expect("commit");
    drop(holder);
    let store = Store::open_with(&ws, Access::Write).expect("reopen");
    assert_eq!(store.check().expect("check"), Checked::Whole, "another program committed");
}
