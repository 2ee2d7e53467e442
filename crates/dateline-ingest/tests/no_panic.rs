//! "Arbitrary bytes → no panic" for every reader entry point, on stable Rust (the cargo-fuzz
//! targets in `fuzz/` do the same, longer, on nightly). Inputs are random bytes and mutations
//! (byte flips, cuts, splices) of the format samples in `samples/formats/`.

use std::path::PathBuf;

use dateline_ingest::{Limits, Origin, read_bytes};
use proptest::prelude::*;

#[path = "common/mutation.rs"]
mod mutation;

const NAMES: &[&str] = &[
    "page.html",
    "story.txt",
    "story.md",
    "doc.pdf",
    "doc.docx",
    "mail.eml",
    "box.mbox",
    "data.json",
    "data.jsonl",
    "feed.rss",
    "feed.atom",
    "bundle.zip",
    "no-extension",
];

fn samples() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/formats");
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| std::fs::read(e.path()).unwrap())
        .collect();
    out.sort();
    out
}

fn limits() -> Limits {
    Limits { max_total_unpacked_bytes: 64 << 20, max_file_bytes: 16 << 20, ..Limits::default() }
}

fn check(name: &str, bytes: &[u8]) {
    let r = std::panic::catch_unwind(|| read_bytes(name, bytes, Origin::file(name), &limits()));
    assert!(r.is_ok(), "{name}: panicked on {} bytes", bytes.len());
    if let Ok(Ok(articles)) = r {
        for a in articles {
            assert!(!a.text.trim().is_empty(), "{name}: an article without text");
            assert!(!a.text.contains("\n\n\n"), "{name}: paragraphs separated by one blank line");
            assert_eq!(a.content_hash.len(), 64);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024), which in 0..NAMES.len()) {
        check(NAMES[which], &bytes);
    }

    #[test]
    fn random_text(text in "\\PC{0,400}", which in 0..NAMES.len()) {
        check(NAMES[which], text.as_bytes());
    }

    #[test]
    fn mutated_samples(
        sample in any::<prop::sample::Index>(),
        which in 0..NAMES.len(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        cut in any::<prop::sample::Index>(),
        do_cut in any::<bool>(),
    ) {
        let all = samples();
        let bytes = mutation::mutate(all[sample.index(all.len())].clone(), flips, do_cut.then_some(cut));
        // Each sample both under its own kind of name and under every other one.
        check(NAMES[which], &bytes);
    }
}
