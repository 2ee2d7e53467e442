//! Writes a generated workspace for timing the app and the store on it (`dateline-synth`: power-law
//! actors, bursts around summits, multi-day visits, events told by several articles, 5 % month or
//! year precision):
//!
//! `cargo run --release -p dateline --example synth_workspace -- OUT [EVENTS]`
//!
//! EVENTS defaults to 100,000 (events as the articles tell them; merging makes fewer). OUT must
//! not exist. Prints the time and CPU time of writing the articles and of merging.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: synth_workspace OUT [EVENTS]");
        std::process::exit(2);
    };
    let events: usize = args.next().and_then(|a| a.replace('_', "").parse().ok()).unwrap_or(100_000);
    let path = std::path::Path::new(&out);
    if path.exists() {
        eprintln!("{out} exists: give a new file");
        std::process::exit(2);
    }
    let synth = dateline_synth::Synth::new(dateline_synth::Shape::events(events));
    let mut store = dateline_store::Store::open(path).unwrap_or_else(|e| fail(&out, &e));
    let (wall, cpu) = (Instant::now(), dateline_synth::cpu_seconds());
    let mut batch = Vec::with_capacity(1_000);
    for item in synth.articles() {
        batch.push(item);
        if batch.len() == 1_000 {
            store.save_batch(&batch).unwrap_or_else(|e| fail(&out, &e));
            batch.clear();
        }
    }
    store.save_batch(&batch).unwrap_or_else(|e| fail(&out, &e));
    let (written, written_cpu) = (wall.elapsed().as_secs_f64(), dateline_synth::cpu_seconds() - cpu);
    let (wall, cpu) = (Instant::now(), dateline_synth::cpu_seconds());
    store.refresh().unwrap_or_else(|e| fail(&out, &e));
    let (merged, merged_cpu) = (wall.elapsed().as_secs_f64(), dateline_synth::cpu_seconds() - cpu);
    let c = store.counts().unwrap_or_else(|e| fail(&out, &e));
    println!(
        "{out}: {} articles, {} events told, {} merged events, {} actors",
        c.articles, c.mentions, c.events, c.actors
    );
    println!("write {written:.1} s ({written_cpu:.1} s CPU), merge {merged:.1} s ({merged_cpu:.1} s CPU)");
}

fn fail(out: &str, e: &dateline_store::StoreError) -> ! {
    eprintln!("{out}: {e}");
    std::process::exit(3);
}
