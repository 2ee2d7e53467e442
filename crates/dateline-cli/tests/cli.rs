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
    let export =
        || dateline().args(["export", "--out"]).arg(&png).arg("--workspace").arg(&ws).output().expect("runs");
    // A mistyped workspace is not created by a command that only reads.
    let out = export();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no workspace at"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!ws.exists());
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    dateline().arg("import").arg(&empty).arg("--workspace").arg(&ws).output().expect("runs");
    let out = export();
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

/// A temporary workspace with the samples imported.
fn sample_workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");
    let out = dateline().arg("import").arg(samples()).arg("--workspace").arg(&ws).output().expect("runs");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, ws)
}

fn run_in(ws: &std::path::Path, args: &[&str]) -> std::process::Output {
    dateline().args(args).arg("--workspace").arg(ws).output().expect("runs")
}

#[test]
fn graph_commands_answer_and_name_actors() {
    let (_dir, ws) = sample_workspace();
    let out = run_in(&ws, &["graph", "centrality", "--top", "3"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(table.lines().count(), 4, "header and three actors:\n{table}");
    assert!(table.lines().next().expect("header").contains("betweenness"));
    assert!(table.contains("Ruth Marlow"), "the most connected sample actor leads:\n{table}");

    let out = run_in(&ws, &["graph", "ego", "marlow", "--hops", "1"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ego = String::from_utf8(out.stdout).expect("utf-8");
    assert!(ego.contains("Selim Aydin") && !ego.contains("Ingrid Halvorsen"), "{ego}");

    let out = run_in(&ws, &["graph", "path", "Selim Aydin", "Spain"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8(out.stdout).expect("utf-8").trim(),
        "Selim Aydin [4] → Ruth Marlow [3] → Spain [7]"
    );

    for args in [&["graph", "components"][..], &["graph", "communities", "--from", "2024-01-01"]] {
        let out = run_in(&ws, args);
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert!(text.lines().next().expect("a group").contains("(6 actors)"), "{args:?}: {text}");
    }

    let out = run_in(&ws, &["graph", "ego", "Nobody Atall"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no actor called \"Nobody Atall\""));
    let out = run_in(&ws, &["graph", "path", "an", "Spain"]);
    assert_eq!(out.status.code(), Some(2), "a part of many names is ambiguous");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("names"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run_in(&ws, &["graph", "ego", "99999"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn export_writes_every_data_format() {
    let (dir, ws) = sample_workspace();
    let path = |name: &str| dir.path().join(name);
    let export = |name: &str, extra: &[&str]| {
        let out = dateline()
            .args(["export", "--out"])
            .arg(path(name))
            .args(extra)
            .arg("--workspace")
            .arg(&ws)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        std::fs::read_to_string(path(name)).expect("written")
    };

    let json: serde_json::Value = serde_json::from_str(&export("all.json", &[])).expect("json");
    let events = json["events"].as_array().expect("events").len();
    let actors = json["actors"].as_array().expect("actors").len();
    assert!(events >= 20 && actors >= 20, "{events} events, {actors} actors");

    let csv = export("events.csv", &[]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), events);
    let actors_csv = std::fs::read_to_string(path("events-actors.csv")).expect("sibling actors file");
    assert_eq!(csv::Reader::from_reader(actors_csv.as_bytes()).records().count(), actors);

    for name in ["g.graphml", "g.gexf"] {
        let xml = export(name, &[]);
        assert_eq!(xml.matches("<node ").count(), events + actors, "{name}");
    }
    assert!(export("g.gexf", &[]).contains("mode=\"dynamic\""));

    let ics = export("cal.ics", &[]);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    assert!(ics.matches("BEGIN:VEVENT").count() >= 20);

    let tl: serde_json::Value =
        serde_json::from_str(&export("timeline.json", &["--format", "timelinejs"])).expect("timelinejs");
    assert!(tl["title"]["text"]["headline"].is_string());
    assert!(tl["events"].as_array().expect("events").iter().all(|e| e["start_date"]["year"].is_number()));

    let windowed: serde_json::Value =
        serde_json::from_str(&export("window.json", &["--from", "2024-05-01", "--to", "2024-05-31"]))
            .expect("json");
    let n = windowed["events"].as_array().expect("events").len();
    assert!(n > 0 && n < events, "the window narrows the export: {n} of {events}");
}

fn run(ws: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = dateline().args(args).arg("--workspace").arg(ws).output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn filters_search_actors_and_corrections() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");
    let out = dateline().arg("import").arg(samples()).arg("--workspace").arg(&ws).output().expect("runs");
    assert!(out.status.code().is_some_and(|c| c <= 1));

    let (code, all, _) = run(&ws, &["events"]);
    assert_eq!(code, Some(0));
    let total = all.lines().count();
    let (_, calls, _) = run(&ws, &["events", "--kind", "call"]);
    assert!(calls.lines().count() >= 1 && calls.lines().count() < total, "{calls}");
    assert!(calls.lines().all(|l| l.contains("call")), "{calls}");
    let (_, window, _) = run(&ws, &["events", "--from", "1900-01-01", "--to", "1900-12-31"]);
    assert!(window.is_empty());
    let (code, _, err) = run(&ws, &["events", "--actor", "Nobody Atall"]);
    assert_eq!(code, Some(2), "{err}");
    let (code, _, _) = run(&ws, &["events", "--kind", "party"]);
    assert_eq!(code, Some(2));

    let (code, actors, _) = run(&ws, &["actors"]);
    assert_eq!(code, Some(0));
    assert!(actors.contains("Ingrid Halvorsen"), "{actors}");
    let (code, by_actor, _) = run(&ws, &["events", "--actor", "Ingrid Halvorsen"]);
    assert_eq!(code, Some(0));
    assert!(by_actor.contains("Halvorsen"), "{by_actor}");

    let (code, found, _) = run(&ws, &["search", "Halvorsen"]);
    assert_eq!(code, Some(0));
    assert!(!found.is_empty());
    for hostile in ["\"", "AND(", "*"] {
        let (code, _, err) = run(&ws, &["search", hostile]);
        assert!(matches!(code, Some(0 | 1)), "a match or none, never an error: {err}");
    }

    let id: String = calls.split_whitespace().next().expect("an id").into();
    let (code, edited, err) = run(&ws, &["edit", &id, "--status", "planned", "--date", "2030-01-02"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(edited.contains("planned 2030-01-02"), "{edited}");
    let (_, after, _) = run(&ws, &["events", "--from", "2030-01-01"]);
    assert!(after.contains("(edited)"), "{after}");
    let (code, _, _) = run(&ws, &["delete", &id]);
    assert_eq!(code, Some(0));
    let (_, deleted, _) = run(&ws, &["events", "--deleted"]);
    assert!(deleted.starts_with(&format!("{id:>6}")), "{deleted}");
    let (_, _, undone) = run(&ws, &["undo"]);
    assert!(undone.contains("undone: Delete"), "{undone}");
    let (_, _, redone) = run(&ws, &["redo"]);
    assert!(redone.contains("redone: Delete"), "{redone}");
    let (code, _, _) = run(&ws, &["restore", &id]);
    assert_eq!(code, Some(0));
    let (_, _, nothing) = run(&ws, &["redo"]);
    assert!(nothing.contains("nothing to redo"));

    let ids: Vec<String> =
        actors.lines().take(2).map(|l| l.split_whitespace().next().unwrap_or("").into()).collect();
    let (code, _, err) = run(&ws, &["merge-actors", &ids[0], &ids[1]]);
    assert_eq!(code, Some(0), "{err}");
    let (_, merged, _) = run(&ws, &["actors"]);
    assert_eq!(merged.lines().count() + 1, actors.lines().count());
    let (code, _, _) = run(&ws, &["rename-actor", &ids[0], "Renamed Actor"]);
    assert_eq!(code, Some(0));
    let (_, renamed, _) = run(&ws, &["actors"]);
    assert!(renamed.contains("Renamed Actor"));

    // Split the merged actor's name off again: one more actor, under its own name.
    let second = actors.lines().nth(1).expect("a second actor");
    let name = second.split("  ").map(str::trim).filter(|c| !c.is_empty()).nth(2).expect("name column");
    let (code, _, err) = run(&ws, &["split-actor", &ids[0], name]);
    assert_eq!(code, Some(0), "{err}");
    let (_, split, _) = run(&ws, &["actors"]);
    assert_eq!(split.lines().count(), actors.lines().count(), "{split}");
    let (code, _, _) = run(&ws, &["split-actor", &ids[0], "Nobody By This Name"]);
    assert_ne!(code, Some(0));
}

/// A participant no actor goes by ("Unknown", a typo) becomes a new person, and the edit says
/// so by name; a participant an actor goes by does not.
#[test]
fn an_edit_naming_an_unknown_participant_says_it_made_a_new_actor() {
    let (_dir, ws) = sample_workspace();
    let (_, calls, _) = run(&ws, &["events", "--kind", "call"]);
    let id: String = calls.split_whitespace().next().expect("an id").into();
    let (code, _, err) = run(&ws, &["edit", &id, "--participant", "Ingrid Halvorsen"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("new actor"), "{err}");
    let before = run(&ws, &["actors"]).1.lines().count();
    let (code, _, err) =
        run(&ws, &["edit", &id, "--participant", "Ingrid Halvorsen", "--participant", "Unknown"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("new actor") && err.contains("\"Unknown\" (no actor went by this name"), "{err}");
    assert!(!err.contains("Halvorsen"), "{err}");
    assert_eq!(run(&ws, &["actors"]).1.lines().count(), before + 1);
}

/// An edit or an undo that fails half way (a trigger put into the file aborts its last
/// writes) exits 3 with SQLite's reason and leaves every table of the workspace as it was: no
/// new person, no correction, the merged events untouched. Then without the trigger they work.
#[test]
fn an_edit_or_undo_failing_half_way_changes_nothing() {
    use dateline_store::test_support::{dump, fail_at};
    let (_dir, ws) = sample_workspace();
    let (_, calls, _) = run(&ws, &["events", "--kind", "call"]);
    let id: String = calls.split_whitespace().next().expect("an id").into();
    let side = rusqlite::Connection::open(&ws).expect("a second connection");
    side.busy_timeout(std::time::Duration::from_secs(10)).expect("timeout");
    let edit = [
        "edit",
        &id,
        "--status",
        "cancelled",
        "--participant",
        "Ingrid Halvorsen",
        "--participant",
        "Quite New",
    ];
    for (args, point) in [
        (&edit[..], "AFTER INSERT ON corrections"),
        (&edit[..], "BEFORE UPDATE ON meta WHEN NEW.key = 'merged_dirty'"),
        (&["undo"][..], "BEFORE UPDATE ON meta WHEN NEW.key = 'merged_dirty'"),
    ] {
        let before = dump(&side).expect("dump");
        side.execute_batch(&fail_at("inject", point, false)).expect("trigger");
        let (code, _, err) = run(&ws, args);
        side.execute_batch("DROP TRIGGER inject;").expect("drop trigger");
        assert_eq!(code, Some(3), "{args:?} at {point}: {err}");
        assert!(err.contains("injected"), "{err}");
        assert_eq!(dump(&side).expect("dump"), before, "{args:?} failing at {point} left something behind");
        let (code, _, err) = run(&ws, args);
        assert_eq!(code, Some(0), "{args:?} without the failure: {err}");
        assert_ne!(dump(&side).expect("dump"), before, "{args:?} changed nothing");
    }
}

/// A file named like a formula ("=HYPERLINK(...)") is text in every CSV the program writes, not a
/// live formula: its cells get OWASP's leading quote.
#[test]
fn csv_cells_from_file_names_are_not_formulas() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let hostile = "=HYPERLINK(1+2)";
    std::fs::copy(samples().join("01-call-readout.txt"), input.join(format!("{hostile}.txt"))).expect("copy");
    let out = dateline().arg("import").arg(&input).arg("--workspace").arg(&ws).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let out = dateline().args(["events", "--format", "csv", "--workspace"]).arg(&ws).output().expect("runs");
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let doc = reader.headers().expect("header").iter().position(|h| h == "doc").expect("doc column");
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("records");
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(&row[doc], format!("'{hostile}"));
    }

    let events = dir.path().join("events.csv");
    let out =
        dateline().args(["export", "--out"]).arg(&events).arg("--workspace").arg(&ws).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for file in [events.clone(), dir.path().join("events-actors.csv")] {
        let text = std::fs::read_to_string(&file).expect("written");
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for row in reader.records() {
            for cell in row.expect("record").iter() {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{}: {cell:?}", file.display());
            }
        }
    }
    let text = std::fs::read_to_string(&events).expect("written");
    assert!(text.contains(&format!("'{hostile}")), "{text}");
}

#[test]
fn only_new_and_import_create_a_workspace() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws.dateline");
    // Reads, corrections and subscriptions name a workspace that must be there.
    for args in [
        &["info"][..],
        &["events"],
        &["export", "--out", "x.csv"],
        &["undo"],
        &["feeds", "add", "http://127.0.0.1:9/feed.xml"],
    ] {
        let out = dateline().args(args).arg("--workspace").arg(&ws).output().expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(err.starts_with(&format!("error: no workspace at {}", ws.display())), "{args:?}: {err}");
        assert!(!ws.exists(), "{args:?} created it");
    }
    let new = |ws: &std::path::Path| dateline().arg("new").arg("--workspace").arg(ws).output().expect("runs");
    let out = new(&ws);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let info = dateline().arg("info").arg("--workspace").arg(&ws).output().expect("runs");
    assert!(String::from_utf8_lossy(&info.stdout).contains("articles  0"));
    // Not over a file that is there, workspace or not.
    let out = new(&ws);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
}

#[test]
fn exit_codes_are_as_documented() {
    let (dir, ws) = sample_workspace();
    let code = |args: &[&str]| {
        let out = run_in(&ws, args);
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // An id, an actor, a format or an edit that is not there or cannot be: wrong usage (these
    // exited 3, as if the workspace had failed).
    let csv = dir.path().join("x.xyz");
    for args in [
        &["edit", "99999", "--status", "planned"][..],
        &["delete", "99999"],
        &["restore", "99999"],
        &["merge-actors", "1", "99999"],
        &["rename-actor", "99999", "X"],
        &["split-actor", "1", "Nobody Here At All"],
        &["export", "--out", csv.to_str().expect("utf-8")],
        &["events", "--actor", "Nobody Here At All"],
        &["feeds", "remove", "999"],
    ] {
        let (c, err) = code(args);
        assert_eq!(c, Some(2), "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
    assert!(!csv.exists());
    // A search that finds nothing exits 1, as documented; one that finds something, 0.
    assert_eq!(code(&["search", "zzzqqqxxy"]).0, Some(1));
    assert_eq!(code(&["search", "minister"]).0, Some(0));
    // The one input of timex not there: wrong usage too.
    let out =
        dateline().args(["timex", "--input"]).arg(dir.path().join("missing.jsonl")).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.jsonl"));
}

#[test]
fn a_pdf_the_reader_panics_on_is_reported_without_a_panic_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A page that draws a form its resources do not have: pdf-extract panics ("XObject"),
    // the reader catches it; the terminal showed "thread 'main' panicked at ..." all the same.
    let content = "BT /F1 12 Tf 72 720 Td (Ministers meet in Oslo today.) Tj ET\n/X9 Do";
    let pdf = dateline_ingest::test_support::one_page_pdf("", content.as_bytes());
    let file = dir.path().join("draws-nothing.pdf");
    std::fs::write(&file, pdf).expect("write");
    let ws = dir.path().join("ws.dateline");
    let out = dateline()
        .env("RUST_BACKTRACE", "1")
        .arg("import")
        .arg(&file)
        .arg("--workspace")
        .arg(&ws)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("draws-nothing.pdf: PDF is damaged or unreadable: the PDF reader failed on it"),
        "{err}"
    );
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
}

/// Piped stderr (a log, CI) has no progress bar but a plain line as the import goes, every 5 s or
/// every `DATELINE_PROGRESS_SECONDS` (0 here: at each step, so a short import shows them).
#[test]
fn an_import_shows_progress_on_a_stderr_that_is_not_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    // Three batches of the import's 64 files.
    let total = 150;
    for i in 0..total {
        let text = format!("Note {i}\n\nPublished: 2024-01-01\n\nNothing was said about item {i}.\n");
        std::fs::write(input.join(format!("note-{i:03}.txt")), text).expect("write");
    }
    let out = dateline()
        .arg("import")
        .arg(&input)
        .arg("--workspace")
        .arg(dir.path().join("ws.dateline"))
        .env("DATELINE_PROGRESS_SECONDS", "0")
        .output()
        .expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains(['\u{1b}', '\r']), "no terminal codes on a pipe: {stderr:?}");
    let done: Vec<(u32, u32)> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("importing: "))
        .map(|l| {
            let (counts, _) = l.split_once(" files, ").unwrap_or_else(|| panic!("a progress line: {l}"));
            let (done, of) = counts.split_once('/').expect("done/total");
            (done.parse().expect("done"), of.parse().expect("total"))
        })
        .collect();
    assert!(done.iter().all(|&(_, of)| of == total), "{stderr}");
    assert!(done.windows(2).all(|w| w[0].0 <= w[1].0), "files done never goes back: {stderr}");
    assert!(done.iter().any(|&(d, _)| d > 0 && d < total), "a line part-way: {stderr}");
    assert_eq!(done.last().map(|&(d, _)| d), Some(total), "{stderr}");
}

/// The workspace file and its write-ahead log, as they are on disk.
fn on_disk(ws: &std::path::Path) -> (Vec<u8>, u64) {
    let wal = PathBuf::from(format!("{}-wal", ws.display()));
    let bytes = std::fs::read(ws).expect("the workspace file");
    (bytes, std::fs::metadata(wal).map_or(0, |m| m.len()))
}

/// Everything the last commit wrote into the file itself (the log emptied into it).
fn checkpoint(ws: &std::path::Path) {
    let c = rusqlite::Connection::open(ws).expect("sqlite");
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").expect("checkpoint");
}

/// A workspace whose schema is newer than this build's (made by a later Dateline) is refused by
/// reads, corrections, exports and imports alike: exit 3, the words "made by a newer Dateline"
/// with both versions and what to do, and the file left byte for byte as it was.
#[test]
fn a_workspace_from_a_newer_dateline_is_refused_in_those_words_and_left_as_it_was() {
    let (dir, ws) = sample_workspace();
    let known = dateline_store::MIGRATIONS_SQL.len() as i64;
    {
        let c = rusqlite::Connection::open(&ws).expect("sqlite");
        let v: i64 = c.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
        assert_eq!(v, known, "a workspace of this build");
        c.pragma_update(None, "user_version", known + 1).expect("version");
    }
    checkpoint(&ws);
    let before = on_disk(&ws);
    let out_json = dir.path().join("x.json");
    let out_json = out_json.to_str().expect("utf-8");
    let samples = samples();
    let one = samples.join("01-call-readout.txt");
    let one = one.to_str().expect("utf-8");
    for args in [
        &["info"][..],
        &["events"],
        &["search", "minister"],
        &["actors"],
        &["changes"],
        &["undo"],
        &["export", "--out", out_json],
        &["import", one],
    ] {
        let out = run_in(&ws, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        let words = format!(
            "error: {} was made by a newer Dateline (schema {}, this one knows up to {known}): update Dateline to open it",
            ws.display(),
            known + 1
        );
        assert_eq!(err.trim_end(), words, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stdout));
    }
    assert!(!std::path::Path::new(out_json).exists(), "no export");
    assert!(on_disk(&ws) == before, "the workspace was written to");
}

/// An import into a damaged workspace fails before its first batch: exit 3, a message naming the
/// workspace and saying nothing was written, and the file and its log as they were (a commit
/// would have changed one of them), for a missing table and for pages overwritten in the middle.
/// The import has three batches' worth of files, so a batch committed before the failure shows.
#[test]
fn an_import_into_a_damaged_workspace_commits_nothing_before_it_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    for i in 0..150 {
        let text = format!(
            "Talks {i}\n\nPublished: 2021-05-21\n\nForeign Minister Anna Berg{i} met Prime Minister Olaf Lind{i} in Oslo on Friday.\n"
        );
        std::fs::write(input.join(format!("{i:03}.txt")), text).expect("write");
    }
    type Damage<'a> = (&'a str, &'a dyn Fn(&std::path::Path));
    let damages: [Damage; 2] = [
        ("a missing table", &|ws| {
            let c = rusqlite::Connection::open(ws).expect("sqlite");
            c.execute_batch("DROP TABLE corrections;").expect("drop");
        }),
        ("overwritten pages", &|ws| {
            let mut bytes = std::fs::read(ws).expect("read");
            let len = bytes.len();
            for b in &mut bytes[len / 2..len / 2 + 8192] {
                *b = 0x5a;
            }
            std::fs::write(ws, bytes).expect("write");
        }),
    ];
    for (what, damage) in damages {
        let (_keep, ws) = sample_workspace();
        checkpoint(&ws);
        damage(&ws);
        let before = on_disk(&ws);
        let report = ws.with_extension("report.json");
        let out = dateline()
            .arg("import")
            .arg(&input)
            .arg("--workspace")
            .arg(&ws)
            .arg("--report")
            .arg(&report)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{what}: {err}");
        assert!(err.contains(&format!("{} is damaged (", ws.display())), "{what}: {err}");
        assert!(err.contains("nothing was written to it"), "{what}: {err}");
        assert!(on_disk(&ws) == before, "{what}: the import wrote to the damaged workspace");
        assert!(!report.exists(), "{what}: a report of articles that were not imported");
    }
}
