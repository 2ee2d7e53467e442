//! Projection of 100,000 generated events onto the actor graph (target: under 200 ms), and the
//! queries over it. Actors follow a Zipf-like law: a few appear in many events.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dateline_graph::{ActorGraph, EventInput};
use dateline_model::{EventKind, Role};

const EVENTS: usize = 100_000;
const ACTORS: usize = 5_000;

/// A fixed pseudo-random sequence (xorshift), so every run measures the same graph.
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

/// Events of 2–4 participants (one in ten a conference of 5–12), actors drawn with probability
/// proportional to 1/rank.
pub fn generate(events: usize, actors: usize) -> Vec<EventInput> {
    let mut cdf: Vec<f64> = Vec::with_capacity(actors);
    let mut total = 0.0;
    for rank in 1..=actors {
        total += 1.0 / rank as f64;
        cdf.push(total);
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let draw = |rng: &mut Rng| {
        let x = rng.unit() * total;
        cdf.partition_point(|&c| c < x) as i64 + 1
    };
    (0..events)
        .map(|i| {
            let conference = rng.next().is_multiple_of(10);
            let size = if conference { 5 + rng.next() % 8 } else { 2 + rng.next() % 3 };
            let participants = (0..size)
                .map(|j| (draw(&mut rng), if j == 0 { Role::Initiator } else { Role::Counterpart }))
                .collect();
            EventInput {
                id: i as i64 + 1,
                kind: if conference { EventKind::Conference } else { EventKind::Meeting },
                participants,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let events = generate(EVENTS, ACTORS);
    let g = ActorGraph::build(&events);
    eprintln!("projected graph: {} actors, {} edges", g.node_count(), g.edge_count());
    let mut group = c.benchmark_group("graph");
    group.sample_size(10);
    group.bench_function("project 100k events + degree", |b| {
        b.iter(|| {
            let g = ActorGraph::build(black_box(&events));
            black_box(g.degrees())
        })
    });
    group.bench_function("betweenness (sampled: 64 sources)", |b| b.iter(|| black_box(g.betweenness())));
    group.bench_function("communities (Louvain)", |b| b.iter(|| black_box(g.communities())));
    group.bench_function("components", |b| b.iter(|| black_box(g.components())));
    group.bench_function("shortest path", |b| b.iter(|| black_box(g.shortest_path(4_999, 4_998))));
    let small = ActorGraph::build(&generate(10_000, 1_000));
    eprintln!("small graph: {} actors, {} edges", small.node_count(), small.edge_count());
    group.bench_function("betweenness, 10k events / 1,000 actors (sampled: 384 sources)", |b| {
        b.iter(|| black_box(small.betweenness()))
    });
    group.bench_function("all metrics, 10k events / 1,000 actors", |b| b.iter(|| black_box(small.metrics())));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
