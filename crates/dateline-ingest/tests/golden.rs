//! Golden tests: every sample in `samples/formats/` (one per format) read through `read_file`,
//! snapshotted with insta (title, date, outlet, byline, URL, first paragraphs, hash).

use std::path::PathBuf;

use dateline_ingest::{Article, Limits, Outcome, discover, read_file};
use serde_json::{Value, json};

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/formats")
}

fn summary(a: &Article) -> Value {
    let paras: Vec<&str> = a.text.split("\n\n").collect();
    json!({
        "doc": a.doc,
        "entry": a.origin.entry,
        "title": a.title,
        "published": a.published.map(|d| d.to_string()),
        "published_raw": a.published_raw,
        "outlet": a.outlet,
        "byline": a.byline,
        "url": a.url,
        "paragraphs": paras.len(),
        "first_paragraphs": paras.iter().take(3).collect::<Vec<_>>(),
        "content_hash": a.content_hash,
    })
}

fn read(name: &str) -> Vec<Article> {
    let path = samples().join(name);
    match read_file(&path, &Limits::default()) {
        Outcome::Articles(a) => a,
        other => panic!("{name}: {other:?}"),
    }
}

macro_rules! golden {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            let articles = read($file);
            let summaries: Vec<Value> = articles.iter().map(summary).collect();
            insta::assert_json_snapshot!(stringify!($test), summaries);
        }
    };
}

golden!(eml, "visit-nairobi.eml");
golden!(mbox, "desk.mbox");
golden!(markdown_front_matter, "talks-brasilia.md");
golden!(json_array, "calls-helsinki.json");
golden!(jsonl, "meetings-arica.jsonl");
golden!(rss, "diplomacy.rss");
golden!(atom, "rabat.atom");
golden!(txt_cp1252, "lisbon-cp1252.txt");
golden!(txt_utf16, "berlin-utf16.txt");
golden!(html, "washington.html");
golden!(docx, "hanoi.docx");
golden!(pdf, "abuja.pdf");
golden!(zip_nested, "bundle.zip");

#[test]
fn every_sample_reads_and_hashes_are_stable() {
    let files = discover(&[samples()]);
    let files: Vec<_> =
        files.into_iter().filter(|d| !d.path.components().any(|c| c.as_os_str() == "gen")).collect();
    assert!(files.len() >= 13, "{files:?}");
    for f in files {
        assert!(f.problem.is_none(), "{f:?}");
        let Outcome::Articles(a) = read_file(&f.path, &Limits::default()) else {
            panic!("{} did not read", f.path.display())
        };
        assert!(!a.is_empty());
        let Outcome::Articles(again) = read_file(&f.path, &Limits::default()) else { unreachable!() };
        assert_eq!(a, again, "reading twice gives the same articles");
    }
}
