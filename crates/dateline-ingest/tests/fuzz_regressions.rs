//! Inputs that cargo-fuzz, or a hostile-input review, once found to crash or hang a reader
//! (`fuzz/regressions/`), replayed in every test run: each must now come back with a result, and
//! the damaged ones with an error.

use std::time::{Duration, Instant};

use dateline_ingest::{Limits, Origin, read_bytes};

#[test]
fn every_fuzz_finding_reads_quickly_without_a_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions exists") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("utf-8 name").to_string();
        let bytes = std::fs::read(&path).expect("readable");
        let start = Instant::now();
        let result = read_bytes(&name, &bytes, Origin::file(&name), &Limits::default());
        assert!(start.elapsed() < Duration::from_secs(5), "{name} took {:?}", start.elapsed());
        assert!(result.is_err(), "{name} is damaged and should be reported as such");
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs in {}", dir.display());
}
