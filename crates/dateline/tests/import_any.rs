//! The whole import on hostile input, on stable Rust: the property of the cargo-fuzz target
//! `import_any` (`fuzz/import_property.rs`, shared) on random bytes, mutated format samples
//! (`samples/formats/`) and the committed seeds of every reader's fuzz corpus (`fuzz/seeds/`),
//! each saved under a name of every supported kind, alone or with a copy beside it.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

#[path = "../../../fuzz/import_property.rs"]
mod import_property;
#[path = "../../dateline-ingest/tests/common/mutation.rs"]
mod mutation;

use dateline::FileStatus;
use import_property::{NAMES, check, split};

fn files_in(dir: &Path) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| std::fs::read(e.path()).expect("readable"))
        .collect();
    out.sort();
    out
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn samples() -> Vec<Vec<u8>> {
    files_in(&repo().join("samples/formats"))
}

/// The seeds of every reader's target (not `import_any`'s own, which [`committed_seeds`] replays), at most 4 KB each (the whole import of a large one is
/// slow in a debug build).
fn seeds() -> Vec<Vec<u8>> {
    let dir = repo().join("fuzz/seeds");
    let mut targets: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("fuzz/seeds").map(|e| e.expect("entry").path()).collect();
    targets.retain(|t| !t.ends_with("import_any"));
    targets.sort();
    targets.iter().flat_map(|t| files_in(t)).filter(|s| s.len() <= 4096).collect()
}

/// Every format sample under its own kind of name and with a copy: the property on real articles
/// (where dedup and re-import have something to do), not only on noise.
#[test]
fn every_format_sample_imports_once_and_reimports_unchanged() {
    let dir = repo().join("samples/formats");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("samples/formats")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    for path in entries {
        let bytes = std::fs::read(&path).expect("readable");
        let name = path.file_name().and_then(|n| n.to_str()).expect("utf-8 name");
        let report = check(name, true, &bytes);
        let imported: u32 =
            report.files.iter().filter(|l| l.status == FileStatus::Imported).map(|l| l.articles).sum();
        assert!(imported > 0 && report.articles_added > 0, "{name}: no article imported: {report:#?}");
    }
}

/// The target's committed seeds (`fuzz/seeds/import_any/`: every format sample under its own
/// kind of name with a copy, and without an extension), through the target's own decoding.
#[test]
fn committed_seeds() {
    let all = files_in(&repo().join("fuzz/seeds/import_any"));
    assert!(all.len() >= 20, "fuzz/seeds/import_any has {} seeds", all.len());
    for seed in all {
        let (name, copy, content) = split(&seed).expect("a seed has a first byte");
        check(name, copy, content);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024), which in 0..NAMES.len(), copy in any::<bool>()) {
        check(NAMES[which], copy, &bytes);
    }

    #[test]
    fn mutated_samples(
        sample in any::<prop::sample::Index>(),
        which in 0..NAMES.len(),
        copy in any::<bool>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        cut in any::<prop::sample::Index>(),
        do_cut in any::<bool>(),
    ) {
        let all = samples();
        let bytes = mutation::mutate(all[sample.index(all.len())].clone(), flips, do_cut.then_some(cut));
        check(NAMES[which], copy, &bytes);
    }

    #[test]
    fn fuzz_seeds(seed in any::<prop::sample::Index>(), which in 0..NAMES.len(), copy in any::<bool>()) {
        let all = seeds();
        check(NAMES[which], copy, &all[seed.index(all.len())]);
    }
}
