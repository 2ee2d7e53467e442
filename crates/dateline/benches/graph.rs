//! The whole `actor_graph` path on a large workspace: 100,000 generated events (20,000 articles of
//! five events, 2–4 participants drawn Zipf-like from 5,000 actors) saved through the store, then
//! read back and projected with every measure; and the app's first load, every event as a summary
//! serialized to JSON (what the Tauri IPC sends). Run: `cargo bench -p dateline --bench graph`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::{Selection, Workspace};

mod common;
use common::populate;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ws.dateline");
    populate(&path, 20_000);
    let ws = Workspace::open(&path).expect("open");
    let everything = Selection::default();
    let rows = ws.query_rows(&everything).expect("rows");
    eprintln!("workspace: {} events", rows.len());
    payload_report(&ws);
    let year = Selection {
        from: chrono::NaiveDate::from_ymd_opt(2010, 1, 1),
        to: chrono::NaiveDate::from_ymd_opt(2010, 12, 31),
        ..Default::default()
    };
    let mut group = c.benchmark_group("workspace graph");
    group.sample_size(10);
    group.bench_function("read 100k events", |b| b.iter(|| black_box(ws.query_rows(&everything))));
    group.bench_function("read 100k events with evidence", |b| {
        b.iter(|| black_box(ws.event_rows(&Default::default())))
    });
    group.bench_function("events() as JSON, 100k events", |b| {
        b.iter(|| black_box(serde_json::to_vec(&ws.events().expect("events")).expect("json")))
    });
    group.bench_function("actor_graph, 100k events", |b| b.iter(|| black_box(ws.actor_graph(&everything))));
    group.bench_function("actor_graph, one year (~4k events)", |b| {
        b.iter(|| black_box(ws.actor_graph(&year)))
    });
    group.finish();
}

/// The size of the first load's JSON, and which fields its bytes go to.
fn payload_report(ws: &Workspace) {
    let events = ws.events().expect("events");
    let json = serde_json::to_vec(&events).expect("json");
    eprintln!("events() as JSON: {:.1} MB for {} events", json.len() as f64 / 1e6, events.len());
    let mut by_field: std::collections::BTreeMap<String, usize> = Default::default();
    for e in &events {
        let serde_json::Value::Object(fields) = serde_json::to_value(e).expect("value") else { continue };
        for (key, value) in fields {
            *by_field.entry("(keys and punctuation)".into()).or_default() += key.len() + 4;
            *by_field.entry(key).or_default() += value.to_string().len();
        }
    }
    let mut by_size: Vec<_> = by_field.into_iter().collect();
    by_size.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    for (field, n) in by_size {
        eprintln!("  {field:<24} {:>5.1} MB", n as f64 / 1e6);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
