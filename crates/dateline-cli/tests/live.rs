//! `dateline feeds` against a feed server on 127.0.0.1, and `dateline watch` as a process
//! beside `dateline info`.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use dateline_fetch::test_server::{Route, TestServer};

const PLANNED: &str = include_str!("../../dateline/tests/fixtures/feeds/varga-lima-planned.html");
const ENVOY: &str = include_str!("../../dateline/tests/fixtures/feeds/envoy-meeting.html");

fn dateline(ws: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.env_remove("DATELINE_WORKSPACE").env("DATELINE_WORKSPACE", ws);
    c
}

fn run(ws: &Path, args: &[&str]) -> (i32, String, String) {
    let Output { status, stdout, stderr } = dateline(ws).args(args).output().expect("runs");
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into(),
        String::from_utf8_lossy(&stderr).into(),
    )
}

fn feed(s: &TestServer) -> String {
    format!(
        r#"<rss version="2.0"><channel><title>Ministry press releases</title>
<item><guid>mfa-0302</guid><title>Foreign Minister Varga to visit Peru</title><link>{}</link><pubDate>Mon, 02 Mar 2026 09:00:00 +0100</pubDate></item>
<item><guid>env-0305</guid><title>Special Envoy meets Kenyan Foreign Minister</title><link>{}</link><pubDate>Thu, 05 Mar 2026 12:00:00 +0000</pubDate></item>
</channel></rss>"#,
        s.url("/press/varga"),
        s.url("/press/envoy")
    )
}

#[test]
fn feeds_add_list_update_remove_with_their_exit_codes() {
    let s = TestServer::start();
    s.route("/rss", Route::page(feed(&s), "application/rss+xml"));
    s.route("/press/varga", Route::page(PLANNED, "text/html"));
    s.route("/press/envoy", Route::page(ENVOY, "text/html"));
    s.route("/broken", Route::page("<rss><channel><item><title>cut", "application/rss+xml"));
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");

    // Subscribing needs a workspace: a mistyped path is not made one.
    let (code, _, err) = run(&ws, &["feeds", "add", &s.url("/rss")]);
    assert_eq!(code, 3, "{err}");
    assert!(err.starts_with("error: no workspace at ") && !ws.exists(), "{err}");
    let (code, _, err) = run(&ws, &["new"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("created the workspace"), "{err}");
    assert_eq!(run(&ws, &["feeds", "add", "file:///etc/passwd"]).0, 2);
    assert_eq!(run(&ws, &["feeds", "add", &s.url("/rss"), "--every", "5s"]).0, 2);
    let (code, _, err) = run(&ws, &["feeds", "add", &s.url("/rss"), "--every", "2h"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("every 120 min"), "{err}");
    assert!(s.requests().is_empty(), "adding fetches nothing");

    let report = dir.path().join("report.json");
    let (code, _, err) = run(&ws, &["feeds", "update", "--report", report.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("feed {}: 2 new items", s.url("/rss"))), "{err}");
    assert!(err.contains("new event #"), "{err}");
    let lines: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("report")).expect("json");
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["status"] == "imported"), "{lines:?}");
    assert_eq!(lines[0]["path"], s.url("/press/varga"));

    let (code, out, _) = run(&ws, &["changes"]);
    assert_eq!(code, 0);
    assert!(out.lines().count() >= 2 && out.lines().all(|l| l.contains(" new ")), "{out}");
    assert_eq!(run(&ws, &["changes", "--mark-seen"]).0, 0);
    assert_eq!(run(&ws, &["changes"]).1, "", "seen");

    let (code, out, _) = run(&ws, &["feeds", "list", "--format", "json"]);
    assert_eq!(code, 0);
    let listed: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(
        (listed["items"].as_u64(), listed["title"].as_str()),
        (Some(2), Some("Ministry press releases"))
    );
    assert!(listed["last_success"].is_string() && listed["last_error"].is_null());

    // On its schedule, not due for two hours: nothing asked.
    let asked = s.requests().len();
    let (code, _, err) = run(&ws, &["feeds", "update", "--due"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("not due"), "{err}");
    assert_eq!(s.requests().len(), asked);

    // A broken feed: exit 1, its reason said and listed; the other feed still read.
    assert_eq!(run(&ws, &["feeds", "add", &s.url("/broken")]).0, 0);
    let (code, _, err) = run(&ws, &["feeds", "update"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&format!("feed {}: failed: not a readable feed", s.url("/broken"))), "{err}");
    assert!(err.contains(&format!("feed {}: 0 new items", s.url("/rss"))), "{err}");
    let (_, out, _) = run(&ws, &["feeds", "list"]);
    assert!(out.contains("failed 1x: not a readable feed"), "{out}");

    assert_eq!(run(&ws, &["feeds", "remove", &s.url("/broken")]).0, 0);
    assert_eq!(run(&ws, &["feeds", "remove", "99"]).0, 2);
    let (_, out, _) = run(&ws, &["info"]);
    assert!(out.contains("articles  2"), "{out}");
}

/// Kills the watcher when the test ends, however it ends.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn articles(ws: &Path) -> Option<u32> {
    let (code, out, _) = run(ws, &["info"]);
    if code != 0 {
        return None;
    }
    out.lines().find_map(|l| l.strip_prefix("articles")).and_then(|n| n.trim().parse().ok())
}

#[test]
fn watch_imports_what_is_dropped_while_it_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");
    let folder = dir.path().join("clippings");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("before.html"), ENVOY).expect("write");
    assert_eq!(run(&ws, &["watch"]).0, 2, "nothing to watch is a usage error");

    let _watcher = Child(
        dateline(&ws)
            .arg("watch")
            .arg(&folder)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn"),
    );
    let wait_for = |n: u32, what: &str| {
        let start = Instant::now();
        while articles(&ws) != Some(n) {
            assert!(start.elapsed() < Duration::from_secs(60), "{what}: {:?} articles", articles(&ws));
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    wait_for(1, "the file there before the watch began");
    std::fs::write(folder.join("dropped.html"), PLANNED).expect("write");
    wait_for(2, "the file dropped");

    let (code, out, _) = run(&ws, &["watch", "--list"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), std::fs::canonicalize(&folder).expect("canonical").to_string_lossy());
}
