//! Times one phase repeatedly, for CPU-time measurement on a shared machine:
//! `phase (layout|svg|png) N_EVENTS REPEAT [type|actor]`.

use dateline_render::{ExportOptions, LaneBy};

#[path = "../benches/common/mod.rs"]
mod common;
use common::synthetic;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let phase = args.first().map_or("svg", String::as_str);
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let reps: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let lanes = if args.get(3).map(String::as_str) == Some("actor") { LaneBy::Actor } else { LaneBy::Type };
    let items = synthetic(n);
    let opts = ExportOptions { scale: 2.0, lanes, title: Some("Bench".into()), ..Default::default() };
    let t = std::time::Instant::now();
    let mut bytes = 0;
    for _ in 0..reps {
        bytes = match phase {
            "layout" => dateline_render::layout(&items, &opts).map(|l| l.lanes.len()).expect("layout"),
            "svg" => dateline_render::render_svg(&items, &opts).map(|s| s.len()).expect("svg"),
            "png" => dateline_render::render_png(&items, &opts).map(|s| s.len()).expect("png"),
            _ => dateline_render::render_pdf(&items, &opts).map(|s| s.len()).expect("pdf"),
        };
    }
    println!("{phase}: {:?} per run, {bytes}", t.elapsed() / reps as u32);
}
