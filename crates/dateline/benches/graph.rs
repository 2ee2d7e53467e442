//! The whole `actor_graph` path on a large workspace: 100,000 generated events (20,000 articles of
//! five events, 2–4 participants drawn Zipf-like from 5,000 actors) saved through the store, then
//! read back and projected with every measure; and the app's first load, every event as a summary
//! serialized to JSON (what the Tauri IPC sends). Run: `cargo bench -p dateline --bench graph`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use dateline::{GraphQuery, Workspace};
use dateline_model::{
    Actor, ActorKind, Article, DateRange, Event, EventKind, Origin, Participant, Role, Span, Status,
};

const ARTICLES: usize = 20_000;
const EVENTS_PER_ARTICLE: usize = 5;
const ACTORS: usize = 5_000;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn populate(path: &std::path::Path) {
    let mut cdf: Vec<f64> = Vec::with_capacity(ACTORS);
    let mut total = 0.0;
    for rank in 1..=ACTORS {
        total += 1.0 / rank as f64;
        cdf.push(total);
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
    let mut store = dateline_store::Store::open(path).expect("store");
    for batch in 0..ARTICLES / 1_000 {
        let items: Vec<(Article, Vec<Event>)> = (0..1_000)
            .map(|i| {
                let n = batch * 1_000 + i;
                let text = format!("Generated article {n}.");
                let article = Article {
                    doc: format!("gen-{n}"),
                    title: None,
                    published: None,
                    published_raw: None,
                    outlet: None,
                    byline: None,
                    url: None,
                    text: text.clone(),
                    origin: Origin::file(format!("gen/{n}.txt")),
                    content_hash: format!("{n:064x}"),
                };
                let events = (0..EVENTS_PER_ARTICLE)
                    .map(|_| {
                        let size = 2 + rng.next() % 3;
                        let participants = (0..size)
                            .map(|j| {
                                let x = rng.unit() * total;
                                let rank = cdf.partition_point(|&c| c < x) + 1;
                                Participant {
                                    actor: Actor::new(format!("Actor {rank}"), ActorKind::Person),
                                    role: if j == 0 { Role::Initiator } else { Role::Counterpart },
                                }
                            })
                            .collect();
                        let day = start + chrono::Days::new(rng.next() % 9_000);
                        Event {
                            kind: EventKind::Meeting,
                            status: Status::Occurred,
                            date: Some(DateRange::day(day)),
                            participants,
                            location: None,
                            name: None,
                            evidence: vec![Span::new(0, text.len())],
                            trigger: Span::new(0, 9),
                            confidence: 0.9,
                        }
                    })
                    .collect();
                (article, events)
            })
            .collect();
        store.save_batch(&items).expect("save");
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ws.dateline");
    populate(&path);
    let ws = Workspace::open(&path).expect("open");
    let everything = GraphQuery::default();
    let rows = ws.query_rows(&everything).expect("rows");
    eprintln!("workspace: {} events", rows.len());
    payload_report(&ws);
    let year = GraphQuery { from: Some("2010-01-01".into()), to: Some("2010-12-31".into()), event_ids: None };
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
