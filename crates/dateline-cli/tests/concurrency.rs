//! Several processes on one workspace, as a busy user has them: reads in a loop beside an import,
//! two imports at once, two imports creating one new workspace, the app (a long-lived
//! `Workspace` in this process, as `src-tauri` holds it) and the CLI together. Each ends with the
//! counts of one import alone. No timing is asserted: every wait is for a process to end.

mod common;
use common::show;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

fn dateline() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.env_remove("DATELINE_WORKSPACE");
    c
}

const FIRST: [&str; 10] =
    ["Ingrid", "Peter", "Amara", "Lukas", "Sofia", "Kenji", "Maria", "Omar", "Elena", "David"];
const LAST: [&str; 10] =
    ["Halvorsen", "Wanjiru", "Okafor", "Brandt", "Rossi", "Tanaka", "Silva", "Haddad", "Petrova", "Cohen"];
const CITIES: [&str; 10] =
    ["Oslo", "Nairobi", "Lagos", "Berlin", "Rome", "Tokyo", "Lisbon", "Beirut", "Sofia", "Ottawa"];
const MONTHS: [&str; 6] = ["January", "February", "March", "April", "May", "June"];

/// `n` small distinct news texts, each with a meeting between two of 100 people.
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    for i in 0..n {
        let a = format!("{} {}", FIRST[i % 10], LAST[(i / 10) % 10]);
        let b = format!("{} {}", FIRST[(i / 3) % 10], LAST[(i / 7) % 10]);
        let city = CITIES[(i / 13) % 10];
        let (month, day) = (i % 6, 1 + i % 28);
        let text = format!(
            "Talks in {city}, note {i}\n\nPublished: 2024-{:02}-{day:02}\n\n{}, {} {day} - Foreign Minister {a} \
             met Foreign Minister {b} in {city} today to discuss trade, item {i}.\n",
            month + 1,
            city.to_uppercase(),
            MONTHS[month],
        );
        std::fs::write(input.join(format!("a{i:05}.txt")), text).expect("write");
    }
    input
}

fn import(input: &Path, ws: &Path) -> Command {
    let mut c = dateline();
    c.arg("import").arg(input).arg("--workspace").arg(ws);
    c
}

/// An import started in the background, its output kept for [`finish`].
fn spawn_import(input: &Path, ws: &Path) -> Child {
    import(input, ws).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawns")
}

/// `dateline info`'s articles, events and actors.
fn counts(ws: &Path) -> (u32, u32, u32) {
    let out = dateline().arg("info").arg("--workspace").arg(ws).output().expect("runs");
    assert!(out.status.success(), "{}", show("info", &out));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let field = |name: &str| -> u32 {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {text}"))
    };
    (field("articles"), field("events"), field("actors"))
}

/// The counts of `input` imported alone into a new workspace.
fn alone(dir: &Path, input: &Path) -> (u32, u32, u32) {
    let ws = dir.join("alone.dateline");
    let out = import(input, &ws).output().expect("runs");
    assert!(out.status.success(), "{}", show("import alone", &out));
    counts(&ws)
}

fn finish(child: Child, what: &str) -> Output {
    let out = child.wait_with_output().expect("waits");
    assert!(out.status.success(), "{}", show(what, &out));
    out
}

/// Runs `info` and `events` one after the other until `child` ends: every one must succeed.
/// Returns how many ran.
fn read_until_done(ws: &Path, child: &mut Child) -> usize {
    let mut reads = 0;
    loop {
        for cmd in [&["info"][..], &["events", "--format", "csv"][..]] {
            let out = dateline().args(cmd).arg("--workspace").arg(ws).output().expect("runs");
            assert!(out.status.success(), "{} (read {reads}, beside an import)", show(cmd[0], &out));
            reads += 1;
        }
        if child.try_wait().expect("try_wait").is_some() {
            return reads;
        }
    }
}

#[test]
fn reads_in_a_loop_beside_an_import_all_succeed_and_the_import_counts_as_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 3000);
    let expected = alone(dir.path(), &input);

    // A workspace that exists (one of the files in it), so reads have something to open at once.
    let ws = dir.path().join("ws.dateline");
    let out = import(&input.join("a00000.txt"), &ws).output().expect("runs");
    assert!(out.status.success(), "{}", show("first file", &out));

    let mut child = spawn_import(&input, &ws);
    let reads = read_until_done(&ws, &mut child);
    let out = finish(child, "the import beside reads");
    assert!(reads >= 2, "reads ran beside the import");
    assert!(String::from_utf8_lossy(&out.stderr).contains("(0 failed)"), "{}", show("import", &out));
    assert_eq!(counts(&ws), expected, "the import beside {reads} reads ends as one alone");
}

#[test]
fn two_imports_at_once_both_succeed_with_the_counts_of_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 1500);
    let expected = alone(dir.path(), &input);

    let ws = dir.path().join("ws.dateline");
    let out = import(&input.join("a00000.txt"), &ws).output().expect("runs");
    assert!(out.status.success(), "{}", show("first file", &out));
    let first = spawn_import(&input, &ws);
    let second = spawn_import(&input, &ws);
    let a = finish(first, "first import");
    let b = finish(second, "second import");
    for out in [&a, &b] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("CREATE TABLE") && !err.contains("locked"), "{}", show("import", out));
    }
    assert_eq!(counts(&ws), expected);
}

#[test]
fn a_second_import_says_it_waits_for_the_first_and_then_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 20);
    let expected = alone(dir.path(), &input);
    let ws = dir.path().join("ws.dateline");

    // This process holds the import lock, as a running import does.
    let held = dateline::ImportLock::acquire(&ws, &mut || panic!("nobody else imports"));
    assert!(held.held());
    let mut child = import(&input, &ws).stderr(Stdio::piped()).spawn().expect("spawns");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    stderr.read_line(&mut line).expect("reads");
    assert_eq!(line.trim_end(), dateline::waiting_message(&ws));
    assert!(child.try_wait().expect("try_wait").is_none(), "it waits");
    drop(held);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).expect("reads");
    let status = child.wait().expect("waits");
    assert!(status.success(), "{rest}");
    assert!(rest.contains("imported 20 articles from 20 files (0 failed)"), "{rest}");
    assert_eq!(counts(&ws), expected);
}

#[test]
fn two_processes_creating_one_new_workspace_both_succeed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 8);
    let expected = alone(dir.path(), &input);
    for round in 0..6 {
        let ws = dir.path().join(format!("new-{round}.dateline"));
        let children: Vec<Child> = (0..2).map(|_| spawn_import(&input, &ws)).collect();
        for child in children {
            let out = finish(child, "a creator");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!err.contains("CREATE TABLE"), "{}", show("a creator", &out));
        }
        assert_eq!(counts(&ws), expected, "round {round}");
    }
}

#[test]
fn the_app_and_the_cli_share_one_workspace() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 1200);
    let expected = alone(dir.path(), &input);
    let ws = dir.path().join("ws.dateline");

    // The app: one workspace opened for writing at start and kept, imports through the mutex.
    let app = std::sync::Mutex::new(dateline::Workspace::open(&ws).expect("the app opens"));
    let halves: Vec<PathBuf> = {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&input).expect("ls").map(|e| e.expect("entry").path()).collect();
        files.sort();
        files
    };
    let (app_half, cli_half) = halves.split_at(halves.len() / 2);
    let cli_dir = dir.path().join("cli-half");
    std::fs::create_dir(&cli_dir).expect("mkdir");
    for f in cli_half {
        std::fs::copy(f, cli_dir.join(f.file_name().expect("name"))).expect("copy");
    }

    let mut cli = spawn_import(&cli_dir, &ws);
    std::thread::scope(|s| {
        let app_import = s.spawn(|| {
            let report = dateline::import_shared(&app, app_half, &dateline::Cancel::default(), &mut |_| {})
                .expect("the app's import");
            assert_eq!(report.failed(), 0);
        });
        // The app's own reads while both import, through its connection.
        let mut app_reads = 0;
        while !app_import.is_finished() {
            let guard = app.lock().expect("lock");
            guard.info().expect("the app reads its info");
            guard.events().expect("the app reads its events");
            drop(guard);
            app_reads += 1;
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        app_import.join().expect("the app's import ends");
        assert!(app_reads >= 1);
    });
    read_until_done(&ws, &mut cli);
    finish(cli, "the CLI's import beside the app");

    assert_eq!(counts(&ws), expected, "the CLI sees the two halves as one import");
    let info = app.lock().expect("lock").info().expect("info");
    assert_eq!((info.articles, info.events, info.actors), expected, "and so does the app");
}

#[test]
fn a_reader_of_a_workspace_being_rebuilt_reads_what_is_there_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 5);
    let ws = dir.path().join("ws.dateline");
    let out = import(&input, &ws).output().expect("runs");
    assert!(out.status.success(), "{}", show("import", &out));
    let before = counts(&ws);
    let read = |cmd: &[&str]| dateline().args(cmd).arg("--workspace").arg(&ws).output().expect("runs");
    let csv = read(&["events", "--format", "csv"]);
    assert!(String::from_utf8_lossy(&csv.stderr).is_empty(), "{}", show("events", &csv));

    // As an import leaves it between its first batch and its final rebuild.
    rusqlite::Connection::open(&ws)
        .expect("sqlite")
        .execute("UPDATE meta SET value = '1' WHERE key = 'merged_dirty'", [])
        .expect("mark stale");
    for cmd in [&["info"][..], &["events", "--format", "csv"][..]] {
        let out = read(cmd);
        assert!(out.status.success(), "{}", show(cmd[0], &out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("the merged events are being rebuilt"), "{}", show(cmd[0], &out));
    }
    assert_eq!(read(&["events", "--format", "csv"]).stdout, csv.stdout, "the events from before");
    assert_eq!(counts(&ws), before);
    let meta = |ws: &Path| -> String {
        rusqlite::Connection::open(ws)
            .expect("sqlite")
            .query_row("SELECT value FROM meta WHERE key = 'merged_dirty'", [], |r| r.get(0))
            .expect("meta")
    };
    assert_eq!(meta(&ws), "1", "no reader rebuilt them");
}

#[test]
fn the_apps_import_waits_for_a_cli_import_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 10);
    let expected = alone(dir.path(), &input);
    let ws = dir.path().join("ws.dateline");
    let app = std::sync::Mutex::new(dateline::Workspace::open(&ws).expect("the app opens"));

    // A CLI import holds the lock (this process stands in for it).
    let held = dateline::ImportLock::acquire(&ws, &mut || panic!("nobody else imports"));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::scope(|s| {
        let app_import = s.spawn(|| {
            let mut first = true;
            dateline::import_shared(
                &app,
                std::slice::from_ref(&input),
                &dateline::Cancel::default(),
                &mut |p| {
                    if std::mem::take(&mut first) {
                        tx.send(p.current.clone()).expect("send");
                    }
                },
            )
            .expect("the app's import")
        });
        let said = rx.recv().expect("the app's import says something first");
        assert_eq!(
            said.as_deref(),
            Some("another import into this workspace is running: waiting for it to finish")
        );
        assert!(!app_import.is_finished(), "and waits");
        // Cancel works on an import that is still waiting.
        let cancel = dateline::Cancel::default();
        cancel.cancel();
        let r = dateline::import_shared(&app, std::slice::from_ref(&input), &cancel, &mut |_| {});
        assert!(matches!(r, Err(dateline::Error::Cancelled)), "{r:?}");
        drop(held);
        assert_eq!(app_import.join().expect("ends").failed(), 0);
    });
    assert_eq!(counts(&ws), expected);
}

#[test]
fn reads_while_an_import_creates_the_workspace_never_call_it_foreign() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 30);
    for round in 0..4 {
        let ws = dir.path().join(format!("new-{round}.dateline"));
        let mut child = spawn_import(&input, &ws);
        loop {
            let out = dateline().arg("info").arg("--workspace").arg(&ws).output().expect("runs");
            let err = String::from_utf8_lossy(&out.stderr);
            // Before the import has made the file, there is no workspace yet; after, there is one.
            assert!(
                out.status.success() || err.starts_with("error: no workspace at "),
                "{}",
                show("info", &out)
            );
            if child.try_wait().expect("try_wait").is_some() {
                break;
            }
        }
        finish(child, "the import creating it");
    }
}

#[test]
fn an_import_refused_by_another_programs_file_leaves_no_lock_beside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 2);
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .expect("sqlite")
        .execute_batch("CREATE TABLE notes (body TEXT);")
        .expect("other");
    let out = import(&input, &other).output().expect("runs");
    assert_eq!(out.status.code(), Some(3), "{}", show("import", &out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not a Dateline workspace"),
        "{}",
        show("import", &out)
    );
    assert!(!dateline::import_lock_path(&other).exists());
}

#[test]
fn two_imports_creating_one_workspace_beside_readers_all_end_with_the_counts_of_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 400);
    let expected = alone(dir.path(), &input);
    // No workspace yet: both imports create it, while reads run in a loop from the start.
    let ws = dir.path().join("ws.dateline");
    let mut first = spawn_import(&input, &ws);
    let mut second = spawn_import(&input, &ws);
    let (mut reads, mut answered) = (0, 0);
    loop {
        let first_done = first.try_wait().expect("try_wait").is_some();
        let second_done = second.try_wait().expect("try_wait").is_some();
        if first_done && second_done {
            break;
        }
        for cmd in [&["info"][..], &["events", "--format", "csv"][..]] {
            let out = dateline().args(cmd).arg("--workspace").arg(&ws).output().expect("runs");
            let err = String::from_utf8_lossy(&out.stderr);
            // Before an import has made the file there is no workspace yet; after, every read works.
            assert!(
                out.status.success() || err.starts_with("error: no workspace at "),
                "{} (read {reads}, beside two imports)",
                show(cmd[0], &out)
            );
            reads += 1;
            answered += usize::from(out.status.success());
        }
    }
    for (child, what) in [(first, "first import"), (second, "second import")] {
        let out = finish(child, what);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("CREATE TABLE") && !err.contains("locked"), "{}", show(what, &out));
        assert!(err.contains("(0 failed)"), "{}", show(what, &out));
    }
    assert!(answered >= 1, "{reads} reads, none of them beside the imports");
    assert_eq!(counts(&ws), expected, "two imports and {reads} reads end as one import alone");
}
