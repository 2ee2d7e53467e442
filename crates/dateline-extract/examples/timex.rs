//! Tags a JSONL file of `{"doc","dct","text"}` lines and prints TIMEX3 records, one JSON a line:
//! `cargo run -p dateline-extract --example timex -- INPUT.jsonl > system.jsonl`.

use std::io::{BufRead, BufReader, Write};

use chrono::NaiveDate;
use dateline_extract::time::timex_records;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: timex INPUT.jsonl")?;
    let reader = BufReader::new(std::fs::File::open(path)?);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in reader.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let doc = v["doc"].as_str().unwrap_or_default();
        let text = v["text"].as_str().unwrap_or_default();
        let dct = v["dct"]
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok());
        for rec in timex_records(doc, dct, text) {
            writeln!(out, "{}", serde_json::to_string(&rec)?)?;
        }
    }
    Ok(())
}
