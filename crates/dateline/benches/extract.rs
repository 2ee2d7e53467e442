//! Whole extraction (segment, times, actors and places, events) per article, on one core, over
//! the State Department dev corpus read once through ingest. Run: `cargo bench -p dateline`.
//! Falls back to `samples/` when `../shared/corpus/statedept-dev` is absent.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_ingest::{Limits, Outcome};
use dateline_model::Article;

fn articles() -> Vec<Article> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = root.join("../shared/corpus/statedept-dev");
    let dir = if corpus.is_dir() { corpus } else { root.join("samples") };
    let mut out = Vec::new();
    for d in dateline_ingest::discover(&[dir]) {
        if let Outcome::Articles(a) = dateline_ingest::read_file(&d.path, &Limits::default()) {
            out.extend(a);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let articles = articles();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function(format!("{} articles ({} KB), articles/s", articles.len(), bytes / 1024), |b| {
        b.iter(|| {
            for a in &articles {
                black_box(dateline_extract::extract(black_box(a)).events.len());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
