//! Ingest throughput on the 328 State Department dev pages (read from the shared corpus at bench
//! time, never copied into the repository): `read_file` on every page, as the app does.
//!
//! `cargo bench -p dateline-ingest --bench ingest`

use std::path::PathBuf;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_ingest::{Limits, Outcome, discover, read_file};

fn corpus() -> Option<Vec<PathBuf>> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = ["../../../../shared/corpus/statedept-dev", "../../../shared/corpus/statedept-dev"]
        .iter()
        .find_map(|rel| manifest.join(rel).canonicalize().ok())?;
    let files: Vec<PathBuf> =
        discover(&[dir]).into_iter().filter(|d| d.problem.is_none()).map(|d| d.path).collect();
    (!files.is_empty()).then_some(files)
}

fn read_all(files: &[PathBuf], limits: &Limits) -> usize {
    let mut n = 0;
    for f in files {
        if let Outcome::Articles(a) = read_file(f, limits) {
            n += a.len();
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let Some(files) = corpus() else {
        eprintln!("note: shared/corpus/statedept-dev not found; ingest bench skipped");
        return;
    };
    let bytes: u64 = files.iter().map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0)).sum();
    let limits = Limits::default();
    // A plain figure for docs/PERFORMANCE.md, besides criterion's statistics.
    let start = Instant::now();
    let articles = read_all(&files, &limits);
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "ingest: {} files ({:.2} MB) -> {articles} articles in {:.3} s: {:.0} files/s, {:.2} MB/s",
        files.len(),
        bytes as f64 / 1e6,
        secs,
        files.len() as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("statedept_dev_328_html", |b| b.iter(|| read_all(&files, &limits)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
