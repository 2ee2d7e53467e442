//! The corpus inputs a crawl or a data team has: JSON Lines with text or HTML columns, Parquet
//! tables and WARC files (plain and gzipped), read by `dateline extract` and `dateline import`
//! alike; a broken one is named with its reason and the others are read. Fixtures are made here.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use arrow_array::{ArrayRef, RecordBatch, StringArray};

const TEXT: &str = "The foreign ministers of France and Germany met yesterday in Paris to discuss trade.";

fn dateline() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.env_remove("DATELINE_WORKSPACE");
    c
}

fn page(title: &str) -> String {
    format!(
        "<html><head><title>{title}</title><meta property=\"article:published_time\" content=\"2021-05-20\"></head>\
         <body><article><h1>{title}</h1><p>{TEXT}</p></article></body></html>"
    )
}

fn warc_record(uri: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

fn corpus(dir: &Path) {
    let jsonl = [
        serde_json::json!({"id": "j-text", "text": TEXT, "date": "2021-05-20"}),
        serde_json::json!({"id": "j-html", "html": page("Html line"), "url": "https://x.example/h"}),
    ];
    let lines: Vec<String> = jsonl.iter().map(|v| v.to_string()).collect();
    std::fs::write(dir.join("lines.jsonl"), lines.join("\n")).expect("write");

    let batch = RecordBatch::try_from_iter([
        ("id", Arc::new(StringArray::from(vec!["p-1", "p-2"])) as ArrayRef),
        ("body", Arc::new(StringArray::from(vec![TEXT, TEXT]))),
        ("published", Arc::new(StringArray::from(vec!["2021-05-20", "2021-05-20T23:30:00-04:00"]))),
    ])
    .expect("batch");
    let mut table = Vec::new();
    let mut w = parquet::arrow::ArrowWriter::try_new(&mut table, batch.schema(), None).expect("writer");
    w.write(&batch).expect("write");
    w.close().expect("close");
    std::fs::write(dir.join("table.parquet"), &table).expect("write");
    let mut broken = table.clone();
    broken.drain(8..table.len() / 2);
    std::fs::write(dir.join("broken.parquet"), broken).expect("write");

    let warc = [
        warc_record("https://x.example/w/one.html", &page("One")),
        warc_record("https://x.example/w/two", &page("Two")),
    ];
    std::fs::write(dir.join("crawl.warc"), warc.concat()).expect("write");
    let members: Vec<u8> = warc.iter().flat_map(|r| gzip(r)).collect();
    std::fs::write(dir.join("crawl-gz.warc.gz"), members).expect("write");
    std::fs::write(dir.join("broken.warc"), b"WARC/1.0\r\nWARC-Type: response\r\n\r\n").expect("write");
}

#[test]
fn jsonl_parquet_and_warc_are_read_and_a_broken_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    corpus(dir.path());
    let out = dateline().args(["extract", "--format", "jsonl"]).arg(dir.path()).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "some files failed: {stderr}");
    assert!(stderr.contains("broken.parquet: Parquet: the file is damaged"), "{stderr}");
    assert!(stderr.contains("broken.warc: "), "{stderr}");
    let records: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let mut docs: Vec<&str> = records.iter().filter_map(|r| r["doc"].as_str()).collect();
    docs.sort();
    docs.dedup();
    assert_eq!(docs, ["j-html", "j-text", "one", "p-1", "p-2", "two"], "{records:#?}");
    // Every article is the same meeting, the day before its publication date (in its own zone).
    assert!(records.iter().all(|r| r["type"] == "meeting" && r["start"] == "2021-05-19"), "{records:#?}");
    // The gzipped WARC gives the plain one's pages (the same content: one article each).
    let per_file = records.iter().filter(|r| r["doc"] == "one").count();
    assert_eq!(per_file, 2, "one.html from crawl.warc and from crawl-gz.warc.gz");

    let ws = dir.path().join("ws.dateline");
    let out = dateline().arg("import").arg(dir.path()).arg("--workspace").arg(&ws).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("broken.parquet"), "{stderr}");
    let info = dateline().arg("info").arg("--workspace").arg(&ws).output().expect("runs");
    let info = String::from_utf8_lossy(&info.stdout);
    // One content is one article: the text of j-text, p-1 and p-2 (same words, same day, no
    // title) and each WARC page, found in both WARC files; the HTML line is another.
    assert!(info.contains("\narticles  4\n"), "{info}");
}
