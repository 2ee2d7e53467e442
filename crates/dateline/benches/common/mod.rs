//! A large generated workspace, shared by the graph bench and `examples/synth_workspace.rs`:
//! articles of five events, 2–4 participants drawn Zipf-like from 5,000 actors, days over
//! about 25 years from 2000. Deterministic (xorshift).

use chrono::NaiveDate;
use dateline_model::{
    Actor, ActorKind, Article, DateRange, Event, EventKind, Origin, Participant, Role, Span, Status,
};

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

/// Saves `articles` generated articles of five events each into a new workspace at `path`.
pub fn populate(path: &std::path::Path, articles: usize) {
    let mut cdf: Vec<f64> = Vec::with_capacity(ACTORS);
    let mut total = 0.0;
    for rank in 1..=ACTORS {
        total += 1.0 / rank as f64;
        cdf.push(total);
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
    let mut store = dateline_store::Store::open(path).expect("store");
    for batch in 0..articles.div_ceil(1_000) {
        let items: Vec<(Article, Vec<Event>)> = (batch * 1_000..(batch * 1_000 + 1_000).min(articles))
            .map(|n| {
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
