//! The workspace at scale. Run: `cargo bench -p dateline --bench workspace`.
//!
//! 1. Import of 10,000 articles generated at bench time from the dev corpus (each article copied
//!    with its people renamed and its years shifted), timed once: read, extract (rayon), write in
//!    batches, merge.
//! 2. Queries on a generated workspace of 100,000 events (criterion): a one-month window, a
//!    window for one actor, per-month counts, a text search.
//! 3. Merging at scale (`dateline-synth`, `DATELINE_BENCH_MERGE_EVENTS` events, 100,000 unless
//!    set): building the workspace (writes, then one full merge, timed once with its CPU time),
//!    then criterion on saving one more article (a copy, from another file, of an article
//!    already there: its events join busy merged events) and merging what it touched. With
//!    `DATELINE_BENCH_MERGE_WS=FILE` the workspace is built there once and reused (each run adds
//!    its articles to it). `DATELINE_BENCH_MERGE_ONLY=1` runs this part alone.
//!
//! Falls back to `samples/` when `../shared/corpus/statedept-dev` is absent.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use criterion::Criterion;
use dateline::{Bucket, Cancel, Selection, Workspace};
use dateline_model::{
    Actor, ActorKind, Article, DateRange, Event, EventKind, Location, Origin, Participant, Role, Span, Status,
};
use dateline_store::Store;

fn corpus() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .map(|a| a.join("shared/corpus/statedept-dev"))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| here.join("../../samples"))
}

const NAMES: &[(&str, &str)] = &[
    ("Blinken", "Marlowe"),
    ("Sherman", "Okafor"),
    ("Nuland", "Lindqvist"),
    ("Antony", "Julian"),
    ("Wendy", "Harriet"),
    ("Victoria", "Agnes"),
];

/// Writes `n` articles varied from the corpus files into `out`.
fn generate(n: usize, out: &Path) -> usize {
    let files: Vec<PathBuf> = dateline_ingest::discover(&[corpus()]).into_iter().map(|d| d.path).collect();
    let texts: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| {
            let ext = p.extension()?.to_str()?.to_string();
            Some((std::fs::read_to_string(p).ok()?, ext))
        })
        .collect();
    for i in 0..n {
        let (text, ext) = &texts[i % texts.len()];
        let round = i / texts.len();
        let mut t = text.clone();
        for (k, (from, to)) in NAMES.iter().enumerate() {
            if (round + k) % 2 == 1 {
                t = t.replace(from, &format!("{to}{}", round % 7));
            }
        }
        let shift = (round % 9) as i32;
        for year in [2022, 2021] {
            t = t.replace(&year.to_string(), &(year + shift * 2).to_string());
        }
        std::fs::write(out.join(format!("a{i:05}.{ext}")), t).expect("write");
    }
    n
}

fn import_10k() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let n = generate(10_000, &input);
    let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
    let start = Instant::now();
    let report = ws.import(&[input], &Cancel::default(), &mut |_| {}).expect("import");
    let took = start.elapsed();
    let info = ws.info().expect("info");
    let mut statuses: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for f in &report.files {
        *statuses
            .entry(format!(
                "{:?} {}",
                f.status,
                // The kind of reason, not the file it names ("same content as a00001.html").
                f.reason.as_deref().unwrap_or("").split(" as ").next().unwrap_or("")
            ))
            .or_default() += 1;
    }
    println!("import outcomes: {statuses:?}");
    println!(
        "import: {n} files, {} articles, {} events extracted, {} merged events, {} actors in {:.2} s ({:.0} articles/s, {} threads)",
        report.articles_added,
        report.events_added,
        info.events,
        info.actors,
        took.as_secs_f64(),
        f64::from(report.articles_added) / took.as_secs_f64(),
        rayon::current_num_threads()
    );
    // Where the time goes: the same files, stage by stage.
    let start = Instant::now();
    let (docs, _) = dateline::extract_paths(&[dir.path().join("in")]);
    let extract = start.elapsed();
    let mut store = Store::open(&dir.path().join("stages.dateline")).expect("open");
    let start = Instant::now();
    for chunk in docs.chunks(64) {
        store.save_batch(chunk).expect("save");
    }
    let write = start.elapsed();
    let start = Instant::now();
    store.refresh().expect("merge");
    println!(
        "stages: read + extract (rayon) {:.2} s, write {:.2} s, merge {:.2} s",
        extract.as_secs_f64(),
        write.as_secs_f64(),
        start.elapsed().as_secs_f64()
    );
}

fn d(days: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 1, 1).expect("date") + chrono::Days::new(days as u64)
}

/// A workspace of `events` synthetic events: 4 per article, 800 people, 60 countries, ten years.
fn synthetic(path: &Path, events: usize) -> Workspace {
    let mut store = Store::open(path).expect("open");
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |m: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % m
    };
    let per_article = 4;
    let mut batch = Vec::new();
    for a in 0..events / per_article {
        let published = d(next(3650) as i64);
        let text = format!(
            "Article {a}: the ministers met and discussed trade, security and climate in the region."
        );
        let article = Article {
            doc: format!("doc{a}"),
            title: Some(format!("Readout {a}")),
            published: Some(published),
            published_raw: None,
            outlet: Some(format!("Outlet {}", a % 20)),
            byline: None,
            url: None,
            text: text.clone(),
            origin: Origin::file(format!("/gen/{a}.txt")),
            content_hash: format!("hash{a}"),
        };
        let evs: Vec<Event> = (0..per_article)
            .map(|k| {
                let person = |i: u64| Participant {
                    actor: Actor {
                        name: format!("Given{} Family{}", i % 97, i),
                        kind: ActorKind::Person,
                        country: Some(format!("Country{}", i % 60)),
                        roles: vec![],
                    },
                    role: Role::Counterpart,
                };
                let day = published - chrono::Days::new(next(5));
                Event {
                    kind: EventKind::ALL[next(4) as usize],
                    status: Status::ALL[next(4) as usize],
                    date: Some(DateRange::day(day)),
                    participants: vec![person(next(800)), person(next(800))],
                    location: Some(Location { place: None, country: Some(format!("Country{}", next(60))) }),
                    name: None,
                    evidence: vec![Span::new(0, 20)],
                    trigger: Span::new(k * 10, k * 10 + 5),
                    confidence: 0.8,
                }
            })
            .collect();
        batch.push((article, evs));
        if batch.len() == 1000 {
            store.save_batch(&batch).expect("save");
            batch.clear();
        }
    }
    store.save_batch(&batch).expect("save");
    let start = Instant::now();
    store.refresh().expect("merge");
    println!("merge of {events} events: {:.2} s", start.elapsed().as_secs_f64());
    drop(store);
    Workspace::open(path).expect("open")
}

fn queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = std::env::var_os("DATELINE_BENCH_KEEP")
        .map_or_else(|| dir.path().join("big.dateline"), PathBuf::from);
    let ws = synthetic(&path, 100_000);
    let info = ws.info().expect("info");
    println!("synthetic workspace: {} merged events, {} actors", info.events, info.actors);
    let month = Selection {
        from: NaiveDate::from_ymd_opt(2020, 3, 1),
        to: NaiveDate::from_ymd_opt(2020, 3, 31),
        ..Default::default()
    };
    println!("a month holds {} events", ws.events_matching(&month).expect("query").len());
    let actor = ws.actors().expect("actors")[0].id;
    let mut g = c.benchmark_group("workspace 100k");
    g.sample_size(20);
    g.bench_function("one-month window", |b| {
        b.iter(|| black_box(ws.events_matching(&month).expect("query").len()))
    });
    let year = Selection { actors: vec![actor], ..month.clone() };
    g.bench_function("one actor, one month", |b| {
        b.iter(|| black_box(ws.events_matching(&year).expect("query").len()))
    });
    let calls = Selection { kinds: vec![EventKind::Call], statuses: vec![Status::Occurred], ..month.clone() };
    g.bench_function("calls that occurred, one month", |b| {
        b.iter(|| black_box(ws.events_matching(&calls).expect("query").len()))
    });
    g.bench_function("counts per month, all", |b| {
        b.iter(|| black_box(ws.bucket_counts(&Selection::default(), Bucket::Month).expect("counts").len()))
    });
    g.bench_function("search", |b| b.iter(|| black_box(ws.search("Family42").expect("search").len())));
    // The filter bar's counts: five grouped queries, each facet without its own criterion.
    g.bench_function("facets, whole workspace", |b| {
        b.iter(|| black_box(ws.facets(&Selection::default()).expect("facets").total))
    });
    g.bench_function("facets, one month", |b| b.iter(|| black_box(ws.facets(&month).expect("facets").total)));
    g.finish();
}

fn merging(c: &mut Criterion) {
    let events: usize = std::env::var("DATELINE_BENCH_MERGE_EVENTS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = std::env::var_os("DATELINE_BENCH_MERGE_WS")
        .map_or_else(|| dir.path().join("merge.dateline"), PathBuf::from);
    let synth = dateline_synth::Synth::new(dateline_synth::Shape::events(events));
    let fresh = !path.exists();
    let (wall, cpu) = (Instant::now(), dateline_synth::cpu_seconds());
    let mut store = Store::open(&path).expect("open");
    if fresh {
        let mut batch = Vec::with_capacity(1_000);
        for item in synth.articles() {
            batch.push(item);
            if batch.len() == 1_000 {
                store.save_batch(&batch).expect("save");
                batch.clear();
            }
        }
        store.save_batch(&batch).expect("save");
        let (written, written_cpu) = (wall.elapsed().as_secs_f64(), dateline_synth::cpu_seconds() - cpu);
        let (wall, cpu) = (Instant::now(), dateline_synth::cpu_seconds());
        store.refresh().expect("merge");
        println!(
            "build of {events} events: write {written:.1} s ({written_cpu:.1} s CPU), full merge {:.1} s ({:.1} s CPU)",
            wall.elapsed().as_secs_f64(),
            dateline_synth::cpu_seconds() - cpu
        );
    } else {
        println!("reopened {} in {:.1} s", path.display(), wall.elapsed().as_secs_f64());
    }
    let counts = store.counts().expect("counts");
    println!(
        "merge workspace: {} articles, {} events told, {} merged events, {} actors",
        counts.articles, counts.mentions, counts.events, counts.actors
    );
    // Articles to copy: spread over the feed's years.
    let sample: Vec<(Article, Vec<Event>)> = synth.articles().step_by(97).take(500).collect();
    let run = std::process::id();
    let mut n = 0usize;
    let mut g = c.benchmark_group(format!("merge {events}"));
    g.sample_size(20);
    g.bench_function("save one article and merge what it touched", |b| {
        b.iter(|| {
            let (mut article, events) = sample[n % sample.len()].clone();
            article.origin = Origin::file(format!("/bench/{run}/{n}.txt"));
            article.content_hash = format!("bench-{run}-{n}");
            n += 1;
            store.save_batch(&[(article, events)]).expect("save");
            black_box(store.refresh().expect("merge"))
        })
    });
    g.finish();
}

fn main() {
    if std::env::var_os("DATELINE_BENCH_MERGE_ONLY").is_some() {
        let mut c = Criterion::default().configure_from_args();
        merging(&mut c);
        c.final_summary();
        return;
    }
    let only_queries = std::env::var_os("DATELINE_BENCH_QUERIES_ONLY").is_some();
    if !only_queries {
        import_10k();
    }
    if std::env::var_os("DATELINE_BENCH_IMPORT_ONLY").is_some() {
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    queries(&mut c);
    merging(&mut c);
    c.final_summary();
}
