//! Extraction and merging as two stages on the command line: `dateline extract --format
//! articles` writes an events file, `dateline merge` merges it as a workspace would, and
//! `dateline import` of it gives the workspace an import of the articles gives.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dateline() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.env_remove("DATELINE_WORKSPACE");
    c
}

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

fn events_csv(ws: &Path) -> String {
    ok(dateline().args(["events", "--format", "csv", "--workspace"]).arg(ws).output().expect("runs"))
}

#[test]
fn an_events_file_merges_and_imports_as_its_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let events = dir.path().join("events.jsonl");
    let text =
        ok(dateline().args(["extract", "--format", "articles"]).arg(samples()).output().expect("runs"));
    std::fs::write(&events, &text).expect("write");
    let lines: Vec<serde_json::Value> =
        text.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert!(lines.len() >= 8, "{} articles", lines.len());
    assert!(lines.iter().all(|l| l["article"]["text"].is_string() && l["events"].is_array()));

    let merged = dir.path().join("merged.jsonl");
    let out = dateline().arg("merge").arg(&events).arg("-o").arg(&merged).output().expect("runs");
    ok(out);
    let merged: Vec<serde_json::Value> = std::fs::read_to_string(&merged)
        .expect("written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();

    let (a, b) = (dir.path().join("articles.dateline"), dir.path().join("events.dateline"));
    ok(dateline().arg("import").arg(samples()).arg("--workspace").arg(&a).output().expect("runs"));
    let out = dateline().arg("import").arg(&events).arg("--workspace").arg(&b).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    ok(out);
    assert!(stderr.contains("imported"), "{stderr}");
    let (from_articles, from_events) = (events_csv(&a), events_csv(&b));
    assert_eq!(from_events, from_articles);
    assert_eq!(merged.len(), from_articles.lines().count() - 1, "one merged line per event");
    assert!(merged.iter().all(|m| m["members"].as_array().is_some_and(|a| !a.is_empty())));
}

#[test]
fn merge_names_a_file_that_is_not_an_events_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"article\": 1, \"events\": []}\n").expect("write");
    let out = dateline().arg("merge").arg(&bad).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.jsonl, line 1: not an extracted article"), "{stderr}");
}
