//! The hostile-input suite (issue 19): each hostile case is made here at test time (nothing
//! large is committed) and imported by the release-shaped CLI as a user would, and the suite
//! asserts what the issue asks of every one: every article read is stored or reported by name
//! with a reason, memory stays bounded (peak under 1 GiB for the whole import), nothing raw
//! reaches the terminal, and the exit codes are the documented ones. No wall-clock time is
//! asserted: speed is measured by the benchmarks; the work is bounded here by counts.
//!
//! `DATELINE_HOSTILE_LONG=1` adds the cases that need many or large inputs (record caps of an
//! mbox and a JSONL file, a text past the article cap, a 200 MB one-line text, a zip of 250 texts
//! of 4 MB); `make test-hostile-long` runs them in a release build, in minutes.

mod common;
use common::show;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn dateline() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.env_remove("DATELINE_WORKSPACE");
    c
}

fn long() -> bool {
    std::env::var_os("DATELINE_HOSTILE_LONG").is_some_and(|v| v != "0")
}

/// A news text with one meeting, distinct by `i`.
fn story(i: usize) -> Vec<u8> {
    format!(
        "Talks {i}\n\nPublished: 2021-05-21\n\nForeign Minister Anna Berg{i} met Prime Minister \
         Olaf Lind{i} in Oslo on Friday.\n"
    )
    .into_bytes()
}

fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(*name, zip::write::SimpleFileOptions::default()).expect("entry");
        w.write_all(data).expect("write");
    }
    w.finish().expect("zip").into_inner()
}

/// A one-page PDF whose content stream is `content` deflated.
fn flate_pdf(content: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(content).expect("deflate");
    let data = e.finish().expect("deflate");
    dateline_ingest::test_support::one_page_pdf(" /Filter /FlateDecode", &data)
}

/// The peak resident memory of a process, from its /proc status while it runs (Linux).
fn peak_of(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// A finished import: its output, its report's lines and the peak memory seen while it ran
/// (sampled until it exits, so a lower bound of the true peak, which the kernel keeps as a high
/// water mark: a balloon of any length is seen unless it starts in the last sample's interval).
struct Run {
    out: Output,
    report: Vec<Value>,
    peak: Option<u64>,
}

fn import(inputs: &[PathBuf], ws: &Path, report: &Path) -> Run {
    let mut child = dateline()
        .arg("import")
        .args(inputs)
        .arg("--workspace")
        .arg(ws)
        .arg("--report")
        .arg(report)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let pid = child.id();
    let mut peak = None;
    // Pipes are drained after exit: the import writes a few lines, far below a pipe's buffer.
    while child.try_wait().expect("try_wait").is_none() {
        if let Some(p) = peak_of(pid) {
            peak = Some(peak.map_or(p, |q: u64| q.max(p)));
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let out = child.wait_with_output().expect("waits");
    let report = std::fs::read_to_string(report)
        .ok()
        .map(|s| serde_json::from_str::<Vec<Value>>(&s).expect("the report is JSON"))
        .unwrap_or_default();
    Run { out, report, peak }
}

/// `dateline info`'s articles.
fn articles(ws: &Path) -> u64 {
    let out = dateline().arg("info").arg("--workspace").arg(ws).output().expect("runs");
    assert!(out.status.success(), "{}", show("info", &out));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    text.lines()
        .find_map(|l| l.strip_prefix("articles"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no articles in {text}"))
}

/// The report's line whose path ends with `suffix`.
fn line<'a>(report: &'a [Value], suffix: &str) -> &'a Value {
    report
        .iter()
        .find(|l| l["path"].as_str().is_some_and(|p| p.ends_with(suffix)))
        .unwrap_or_else(|| panic!("no line for {suffix:?} in {report:#?}"))
}

fn status(l: &Value) -> &str {
    l["status"].as_str().unwrap_or_default()
}

fn reason(l: &Value) -> &str {
    l["reason"].as_str().unwrap_or_default()
}

const GIB: u64 = 1 << 30;

fn assert_bounded(run: &Run, what: &str) {
    if cfg!(target_os = "linux") {
        assert!(run.peak.is_some(), "{what}: no memory was read from /proc");
    }
    if let Some(peak) = run.peak {
        eprintln!("{what}: peak memory {} MiB", peak >> 20);
        assert!(peak < GIB, "{what}: peak memory {} MiB", peak >> 20);
    }
}

/// Every stored article is counted once in the report, every failed or skipped part has its
/// own line with a reason, and the summary's "failed" is the report's.
fn assert_accounted(run: &Run, ws: &Path) {
    let stored: u64 = run.report.iter().map(|l| l["articles"].as_u64().unwrap_or(0)).sum();
    assert_eq!(stored, articles(ws), "{:#?}", run.report);
    for l in &run.report {
        if matches!(status(l), "failed" | "skipped") {
            assert!(!reason(l).is_empty(), "a part not imported without a reason: {l}");
        }
    }
    let failed = run.report.iter().filter(|l| status(l) == "failed").count();
    let stderr = String::from_utf8_lossy(&run.out.stderr);
    assert!(stderr.contains(&format!("({failed} failed)")), "{stderr}");
    assert_eq!(run.out.status.code(), Some(if failed > 0 { 1 } else { 0 }), "{}", show("import", &run.out));
}

#[test]
fn hostile_inputs_are_stored_or_named_with_bounded_memory_and_the_documented_exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let ws = dir.path().join("ws.dateline");

    // A zip whose bad entries sit beside good ones, four of which sanitise to one name.
    let deep = zip(&[("l3.zip", &zip(&[("l4.zip", &zip(&[("story.txt", &story(99))]))]))]);
    let mixed = zip(&[
        ("ok.txt", &story(0)),
        ("b.txt", &story(1)),
        ("x/../b.txt", &story(2)),
        ("./b.txt", &story(3)),
        ("b\u{7}.txt", &story(4)),
        ("nul.txt", b"a\0b\0c\0d\0e"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<<"),
        ("bad.json", b"{\"title\": "),
        ("deep.zip", &deep),
        ("photo.png", b"\x89PNG"),
    ]);
    std::fs::write(input.join("mixed.zip"), mixed).expect("write");
    // Two names that differ only in bytes that are not UTF-8.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        std::fs::write(input.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt")), story(5)).expect("write");
        std::fs::write(input.join(std::ffi::OsStr::from_bytes(b"caf\xe8.txt")), story(6)).expect("write");
    }
    // A name that would clear the screen and retitle the terminal, on a file that fails.
    std::fs::write(input.join("\u{1b}]0;pwned\u{7}\u{1b}[2Jevil.txt"), b"x\0y\0z\0w").expect("write");
    // A FlateDecode bomb: 64 MiB of page content from about 64 KB.
    let mut content = b"BT /F1 12 Tf 72 720 Td (Talks) Tj ET\n".to_vec();
    content.resize(64 << 20, b' ');
    std::fs::write(input.join("bomb.pdf"), flate_pdf(&content)).expect("write");
    drop(content);

    let run = import(std::slice::from_ref(&input), &ws, &dir.path().join("r1.json"));
    assert_bounded(&run, "first import");
    assert_accounted(&run, &ws);
    let r = &run.report;
    // ok.txt and the four colliding b.txt entries, each its own article.
    let zip_line = line(r, "in/mixed.zip");
    assert_eq!((status(zip_line), zip_line["articles"].as_u64()), ("imported", Some(5)), "{r:#?}");
    for (entry, want) in [
        ("mixed.zip!nul.txt", "failed"),
        ("mixed.zip!broken.pdf", "failed"),
        ("mixed.zip!bad.json", "failed"),
        ("mixed.zip!deep.zip", "failed"),
        ("mixed.zip!photo.png", "skipped"),
        ("bomb.pdf", "failed"),
        ("evil.txt", "failed"),
    ] {
        assert_eq!(status(line(r, entry)), want, "{entry}: {r:#?}");
    }
    assert!(reason(line(r, "mixed.zip!deep.zip")).contains("nested more than 3 deep"), "{r:#?}");
    assert!(reason(line(r, "bomb.pdf")).starts_with("PDF bomb"), "{r:#?}");
    #[cfg(unix)]
    {
        let cafes: Vec<&Value> =
            r.iter().filter(|l| l["path"].as_str().is_some_and(|p| p.contains("/caf\\x"))).collect();
        assert_eq!(cafes.len(), 2, "{r:#?}");
        assert!(cafes.iter().all(|l| status(l) == "imported" && l["articles"] == 1), "{cafes:#?}");
    }
    assert_eq!(articles(&ws), 7);
    let stderr = String::from_utf8_lossy(&run.out.stderr);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "raw escapes reached stderr: {stderr:?}"
    );
    assert!(stderr.contains("\\u{1b}[2Jevil.txt"), "{stderr}");

    // The tool's own output beside its input (a calendar, a graph, a drawn timeline, a copy of
    // the workspace) is not read again as articles: skipped with a reason, nothing added.
    for out in ["e.ics", "g.graphml", "t.pdf"] {
        let o =
            dateline().arg("export").arg("--out").arg(input.join(out)).arg("--workspace").arg(&ws).output();
        let o = o.expect("runs");
        assert!(o.status.success(), "{}", show(out, &o));
    }
    std::fs::copy(&ws, input.join("copy.dateline")).expect("copy");
    let again = import(std::slice::from_ref(&input), &ws, &dir.path().join("r2.json"));
    assert_bounded(&again, "second import");
    assert_accounted(&again, &ws);
    for own in ["e.ics", "g.graphml", "t.pdf", "copy.dateline"] {
        let l = line(&again.report, own);
        assert_eq!(status(l), "skipped", "{own}: {l}");
        assert!(reason(l).contains("not an article"), "{own}: {l}");
    }
    assert_eq!(articles(&ws), 7, "{:#?}", again.report);

    // A mistyped workspace path is a failure of the workspace (3) and is not created; a
    // command line naming nothing that exists is a usage error (2).
    let missing = dir.path().join("typo.dateline");
    let o = dateline().arg("info").arg("--workspace").arg(&missing).output().expect("runs");
    assert_eq!(o.status.code(), Some(3), "{}", show("info on a typo", &o));
    assert!(!missing.exists());
    let o = dateline()
        .args(["events", "--from", "yesterday"])
        .arg("--workspace")
        .arg(&ws)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2), "{}", show("a bad date", &o));
}

/// Records past the cap of one file (100,000) are named by the file, and a text past the
/// article cap is cut and the cut named; these need large inputs, so only with the flag.
#[test]
fn record_caps_and_the_text_cap_are_named_when_they_cut() {
    if !long() {
        eprintln!("skipped: set DATELINE_HOSTILE_LONG=1");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let ws = dir.path().join("ws.dateline");
    let n = 100_005;
    let mut jsonl = String::new();
    for i in 0..n {
        jsonl.push_str(&format!("{{\"title\": \"Note {i}\", \"text\": \"Note {i}.\"}}\n"));
    }
    std::fs::write(input.join("many.jsonl"), jsonl).expect("write");
    let mut mbox = String::new();
    for i in 0..n {
        mbox.push_str(&format!("From a@b Mon Jan  1 00:00:00 2024\nSubject: Note {i}\n\nNote {i}.\n\n"));
    }
    std::fs::write(input.join("many.mbox"), mbox).expect("write");
    // A single line of 6 MiB, past the 4 MiB article cap.
    let sentence = "Foreign Minister Anna Berg met Prime Minister Olaf Lind in Oslo on Friday ";
    let text: String = sentence.repeat((6 << 20) / sentence.len());
    std::fs::write(input.join("huge.txt"), text).expect("write");

    let run = import(std::slice::from_ref(&input), &ws, &dir.path().join("r.json"));
    assert_bounded(&run, "import");
    let r = &run.report;
    for file in ["many.jsonl", "many.mbox"] {
        let cut: Vec<&Value> = r
            .iter()
            .filter(|l| l["path"].as_str().is_some_and(|p| p.contains(file)) && !reason(l).is_empty())
            .collect();
        assert!(!cut.is_empty(), "{file}: nothing says records were cut: {r:#?}");
        assert!(cut.iter().any(|l| reason(l).contains("100,000")), "{file}: {cut:#?}");
    }
    let huge: Vec<&Value> =
        r.iter().filter(|l| l["path"].as_str().is_some_and(|p| p.contains("huge.txt"))).collect();
    assert!(huge.iter().any(|l| reason(l).contains("too long")), "{huge:#?}");
    let stored: u64 = r.iter().map(|l| l["articles"].as_u64().unwrap_or(0)).sum();
    assert_eq!(stored, articles(&ws), "{r:#?}");
}

/// A small, fixed pseudo-random sequence (xorshift64): the large texts vary as news does, so
/// that they compress as text does (not a thousandfold) and each is an article of its own.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        from[(self.0 % from.len() as u64) as usize]
    }
}

/// A news text of `len` bytes (under the 4 MiB article cap when `len` is): the prose of a long
/// report, and in one paragraph of `every` a meeting, call or visit among a dozen people; `seed`
/// makes it one of its own.
fn long_news(seed: u64, len: usize, every: usize) -> String {
    const PEOPLE: &[&str] = &[
        "Foreign Minister Anna Berg",
        "Prime Minister Olaf Lind",
        "President Maria Costa",
        "Secretary of State Daniel Reyes",
        "Chancellor Petra Vogel",
        "Foreign Minister Kenji Sato",
        "Defence Minister Amina Diallo",
        "Foreign Minister Lucas Moreau",
        "Prime Minister Ines Duarte",
        "President Tomas Novak",
        "Foreign Minister Sara Haddad",
        "Trade Minister Priya Nair",
    ];
    const PLACES: &[&str] =
        &["Oslo", "Lisbon", "Vienna", "Nairobi", "Jakarta", "Ottawa", "Santiago", "Seoul"];
    const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "March 3", "April 14"];
    const PROSE: &[&str] = &[
        "The two sides discussed trade, energy and regional security.",
        "Officials said further talks would follow later this year.",
        "The ministry released a statement after the meeting.",
        "Markets were calm and the currency held steady through the week.",
        "Both delegations described the exchange as frank and constructive.",
        "Analysts expect the agreement to be signed before the summer.",
    ];
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut text = format!("Talks {seed}\n\nPublished: 2021-05-21\n\n");
    for n in 0.. {
        if text.len() >= len {
            break;
        }
        let (a, b, at, day) = (rng.pick(PEOPLE), rng.pick(PEOPLE), rng.pick(PLACES), rng.pick(DAYS));
        let lead = match rng.pick(&["met", "call", "visit"]) {
            _ if n % every != 0 => format!("Reporting from {at}: {} {}", rng.pick(PROSE), rng.pick(PROSE)),
            "met" => format!("{a} met {b} in {at} on {day}."),
            "call" => format!("{a} spoke by telephone with {b} on {day}."),
            _ => format!("{a} will visit {at} on {day} for talks with {b}."),
        };
        let paragraph = format!("{lead} {} {} {}\n\n", rng.pick(PROSE), rng.pick(PROSE), rng.pick(PROSE));
        text.push_str(&paragraph);
    }
    text.truncate(len);
    text
}

/// The two large inputs, each within every cap, which once produced nothing in 10–15
/// minutes: a 200 MB text on one line (read up to the 4 MiB article cap, the cut named) and a zip
/// of 250 texts of 4 MB (a gigabyte unpacked, under the 1 GiB cap). Made here, in a temporary
/// folder. Each import stays under 1 GiB and ends with every article stored or named. Minutes in
/// a release build (`make test-hostile-long` builds one); far longer in a debug build.
///
/// Measured (release, one rayon thread, 2 cores shared with a build): the line 1.3 s, peak
/// 235 MiB; the zip (26 MiB, 320,000 mentions) 339 s, peak 415 MiB. The denser zip, an event in
/// every paragraph, is the next test.
#[test]
fn a_200_mb_line_and_a_zip_of_250_texts_of_4_mb_end_bounded_and_accounted() {
    if !long() {
        eprintln!("skipped: set DATELINE_HOSTILE_LONG=1");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");

    // 200 MB without one line break, written as it is made.
    let line_file = dir.path().join("line.txt");
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&line_file).expect("create"));
        let chunk = long_news(1, 1 << 20, 8).replace('\n', " ");
        for _ in 0..200 {
            w.write_all(chunk.as_bytes()).expect("write");
        }
        w.flush().expect("flush");
    }
    assert!(std::fs::metadata(&line_file).expect("meta").len() >= 200 << 20);
    let ws = dir.path().join("line.dateline");
    let started = std::time::Instant::now();
    let run = import(std::slice::from_ref(&line_file), &ws, &dir.path().join("line.json"));
    eprintln!("200 MB line: {:.1} s", started.elapsed().as_secs_f64());
    assert_bounded(&run, "200 MB line");
    assert_accounted(&run, &ws);
    let lines: Vec<&Value> =
        run.report.iter().filter(|l| l["path"].as_str().is_some_and(|p| p.contains("line.txt"))).collect();
    let stored: Vec<Option<u64>> = lines.iter().map(|l| l["articles"].as_u64()).collect();
    assert_eq!(stored.iter().flatten().sum::<u64>(), 1, "one article: {lines:#?}");
    assert!(lines.iter().any(|l| reason(l).contains("too long")), "the cut is named: {lines:#?}");
    std::fs::remove_file(&line_file).expect("remove");

    // 250 texts of 4 MB in one zip, each entry deflated on its own (no entry over 100:1).
    let zip_file = dir.path().join("texts.zip");
    {
        let mut w = zip::ZipWriter::new(std::fs::File::create(&zip_file).expect("create"));
        for i in 0..250 {
            w.start_file(format!("text-{i:03}.txt"), zip::write::SimpleFileOptions::default())
                .expect("entry");
            w.write_all(long_news(100 + i, 4_000_000, 8).as_bytes()).expect("write");
        }
        w.finish().expect("zip");
    }
    let packed = std::fs::metadata(&zip_file).expect("meta").len();
    eprintln!("zip of 250 texts of 4 MB: {} MiB", packed >> 20);
    let ws = dir.path().join("zip.dateline");
    let started = std::time::Instant::now();
    let run = import(std::slice::from_ref(&zip_file), &ws, &dir.path().join("zip.json"));
    eprintln!("zip of 250 texts: {:.1} s", started.elapsed().as_secs_f64());
    assert_bounded(&run, "zip of 250 texts of 4 MB");
    assert_accounted(&run, &ws);
    let l = line(&run.report, "texts.zip");
    assert_eq!((status(l), l["articles"].as_u64()), ("imported", Some(250)), "{:#?}", run.report);
    assert_eq!(articles(&ws), 250);
}

/// The merge's worst case: 250 texts of 4 MB with an event in every paragraph, 1.4 million
/// tellings among a dozen people, eight cities and seven days, so that thousands of tellings
/// share each actor and day. Once the merge at the end of the import held every mention at once
/// and passed 1.3 GiB; it now goes block by block, and clustering rules a group out at its first
/// incompatible member. Measured on 8 December 2026 (release, 2 cores, CI running beside it):
/// see docs/PERFORMANCE.md, "The hostile import's merge".
#[test]
fn a_zip_with_an_event_in_every_paragraph_ends_bounded_and_accounted() {
    if !long() {
        eprintln!("skipped: set DATELINE_HOSTILE_LONG=1");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let zip_file = dir.path().join("dense.zip");
    {
        let mut w = zip::ZipWriter::new(std::fs::File::create(&zip_file).expect("create"));
        for i in 0..250 {
            w.start_file(format!("text-{i:03}.txt"), zip::write::SimpleFileOptions::default())
                .expect("entry");
            w.write_all(long_news(500 + i, 4_000_000, 1).as_bytes()).expect("write");
        }
        w.finish().expect("zip");
    }
    let ws = dir.path().join("dense.dateline");
    let started = std::time::Instant::now();
    let run = import(std::slice::from_ref(&zip_file), &ws, &dir.path().join("dense.json"));
    eprintln!("zip of 250 dense texts: {:.1} s", started.elapsed().as_secs_f64());
    assert_bounded(&run, "zip of 250 texts with an event in every paragraph");
    assert_accounted(&run, &ws);
    let l = line(&run.report, "dense.zip");
    assert_eq!((status(l), l["articles"].as_u64()), ("imported", Some(250)), "{:#?}", run.report);
    assert_eq!(articles(&ws), 250);
}
