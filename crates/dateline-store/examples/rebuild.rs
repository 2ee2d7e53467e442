//! Rebuilds a workspace's merged events from scratch, as a correction does, and prints the time
//! and CPU time it took (for docs/PERFORMANCE.md; measure peak memory with `/usr/bin/time -v`):
//!
//! `cargo run --release -p dateline-store --example rebuild -- WORKSPACE [TIMES]`
//!
//! The workspace is changed only in its derived tables, which come out the same.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: rebuild WORKSPACE [TIMES]");
        std::process::exit(2);
    };
    let times: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let mut store = dateline_store::Store::open(std::path::Path::new(&path)).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(3);
    });
    for _ in 0..times {
        let (wall, cpu) = (Instant::now(), dateline_synth::cpu_seconds());
        store.rebuild().unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(3);
        });
        let (wall, cpu) = (wall.elapsed().as_secs_f64(), dateline_synth::cpu_seconds() - cpu);
        println!("rebuild {wall:.1} s ({cpu:.1} s CPU)");
    }
}
