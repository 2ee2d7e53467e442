//! Crude evaluation driver until the CLI lands: reads saved HTML press releases from a folder,
//! keeps the title and the text of `<h1>`/`<p>` elements, and prints one JSONL event record per
//! extracted event (`doc` = the file name without extension).
//!
//! `cargo run -p dateline-extract --example extract_dir -- DIR > system.jsonl`

use std::{env, fs, path::Path};

use chrono::NaiveDate;
use dateline_model::EventRecord;
use regex::Regex;

fn unescape(s: &str) -> String {
    let entity = Regex::new(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);").expect("regex");
    entity
        .replace_all(s, |c: &regex::Captures<'_>| {
            let e = &c[1];
            let ch = if let Some(hex) = e.strip_prefix("#x") {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = e.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match e {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some('\u{a0}'),
                    "rsquo" => Some('\u{2019}'),
                    "lsquo" => Some('\u{2018}'),
                    "ldquo" => Some('\u{201c}'),
                    "rdquo" => Some('\u{201d}'),
                    "ndash" => Some('\u{2013}'),
                    "mdash" => Some('\u{2014}'),
                    _ => None,
                }
            };
            ch.map(String::from).unwrap_or_else(|| c[0].to_string())
        })
        .into_owned()
}

fn article_text(html: &str) -> (String, Option<NaiveDate>) {
    let published = Regex::new(r#"article:published_time"\s+content="(\d{4}-\d{2}-\d{2})"#)
        .expect("regex")
        .captures(html)
        .and_then(|c| NaiveDate::parse_from_str(&c[1], "%Y-%m-%d").ok());
    let block = Regex::new(r"(?s)<(h1|p)\b[^>]*>(.*?)</(?:h1|p)>").expect("regex");
    let tag = Regex::new(r"(?s)<[^>]+>").expect("regex");
    let body = html.split_once("<body").map_or(html, |(_, b)| b);
    let paragraphs: Vec<String> = block
        .captures_iter(body)
        .map(|c| unescape(tag.replace_all(&c[2], "").trim()))
        .filter(|p| !p.is_empty())
        .collect();
    (paragraphs.join("\n\n"), published)
}

fn main() -> std::io::Result<()> {
    let dir = env::args().nth(1).unwrap_or_else(|| "/work/shared/corpus/statedept-dev".into());
    let mut files: Vec<_> = fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    files.sort();
    for path in files {
        let html = fs::read_to_string(&path)?;
        let (text, published) = article_text(&html);
        let doc = Path::new(&path).file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        // Non-breaking spaces are spaces for this crude reader.
        let text = text.replace('\u{a0}', " ");
        let Ok(x) = std::panic::catch_unwind(|| dateline_extract::extract_text(&text, published)) else {
            eprintln!("{doc}: extraction panicked");
            continue;
        };
        for e in &x.events {
            if env::var_os("DATELINE_DEBUG").is_some() {
                let ev: Vec<&str> = e.evidence.iter().map(|s| s.slice(&text)).collect();
                eprintln!("{doc}: {:?} {:?} {:?}", e.kind, e.participant_names(), ev);
            }
            let record = EventRecord::from_event(doc, e);
            println!("{}", serde_json::to_string(&record).expect("records serialise"));
        }
    }
    Ok(())
}
