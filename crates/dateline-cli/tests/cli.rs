//! The `dateline` binary as a user runs it: exit codes, outputs, the import report.

use std::path::PathBuf;
use std::process::Command;

fn dateline() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.env_remove("DATELINE_WORKSPACE");
    c
}

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

#[test]
fn extract_prints_valid_jsonl() {
    let out = dateline().args(["extract", "--format", "jsonl"]).arg(samples()).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<serde_json::Value> =
        text.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert!(lines.len() >= 8);
    assert!(lines.iter().all(|v| v["doc"].is_string() && v["type"].is_string()));
}

#[test]
fn import_events_and_report_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");
    let report = dir.path().join("report.json");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    std::fs::copy(samples().join("01-call-readout.txt"), input.join("a.txt")).expect("copy");
    std::fs::write(input.join("broken.txt"), b"\x00\x01\x02binary").expect("write");

    let out = dateline()
        .arg("import")
        .arg(&input)
        .arg("--workspace")
        .arg(&ws)
        .arg("--report")
        .arg(&report)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "a failed file gives exit code 1");
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("report written")).expect("json");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["status"], "imported");
    assert_eq!(entries[1]["status"], "failed");
    assert!(entries[1]["reason"].as_str().expect("reason").contains("binary"));

    let out = dateline().args(["events", "--format", "csv", "--workspace"]).arg(&ws).output().expect("runs");
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    assert!(csv.starts_with("id,type,status,start,end"));
    assert!(csv.contains("Ingrid Halvorsen; Peter Wanjiru"), "{csv}");

    // Importing again changes nothing.
    let out = dateline()
        .arg("import")
        .arg(input.join("a.txt"))
        .arg("--workspace")
        .arg(&ws)
        .arg("--report")
        .arg(&report)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("report")).expect("json");
    assert_eq!(entries[0]["status"], "unchanged");
}

#[test]
fn usage_errors_and_bad_workspaces_have_their_own_codes() {
    let out = dateline().arg("extract").output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "missing PATH is a usage error");
    let dir = tempfile::tempdir().expect("tempdir");
    let not_a_db = dir.path().join("ws.dateline");
    std::fs::write(&not_a_db, "this is not a database, just text that is long enough to not be one")
        .expect("write");
    let out = dateline().args(["info", "--workspace"]).arg(&not_a_db).output().expect("runs");
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ws.dateline"));
}

#[test]
fn timex_uses_code_point_offsets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        "{\"doc\":\"d\",\"dct\":\"2021-05-21\",\"text\":\"Ça va. They met on May 20, 2021.\"}\n",
    )
    .expect("write");
    let out = dateline().arg("timex").arg("--input").arg(&input).output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let v: serde_json::Value = serde_json::from_str(text.lines().next().expect("one line")).expect("json");
    let s = v["start"].as_u64().expect("start") as usize;
    let e = v["end"].as_u64().expect("end") as usize;
    let chars: Vec<char> = "Ça va. They met on May 20, 2021.".chars().collect();
    assert_eq!(chars[s..e].iter().collect::<String>(), "May 20, 2021");
    assert_eq!(v["value"], "2021-05-20");
}

#[test]
fn export_draws_the_workspace_and_refuses_an_empty_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");
    let png = dir.path().join("t.png");
    let out =
        dateline().args(["export", "--out"]).arg(&png).arg("--workspace").arg(&ws).output().expect("runs");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("nothing to draw"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = dateline().arg("import").arg(samples()).arg("--workspace").arg(&ws).output().expect("runs");
    assert!(out.status.code().is_some_and(|c| c <= 1));
    for (name, magic) in [("t.png", &b"\x89PNG"[..]), ("t.svg", &b"<svg"[..]), ("t.pdf", &b"%PDF"[..])] {
        let path = dir.path().join(name);
        let out = dateline()
            .args(["export", "--lanes", "country", "--scale", "2", "--out"])
            .arg(&path)
            .arg("--workspace")
            .arg(&ws)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let bytes = std::fs::read(&path).expect("written");
        let head = &bytes[..bytes.len().min(200)];
        assert!(head.windows(magic.len()).any(|w| w == magic), "{name} starts like its format");
    }
}
