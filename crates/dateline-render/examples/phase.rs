//! Times one phase repeatedly, for CPU-time measurement on a shared machine:
//! `phase (layout|svg|png) N_EVENTS REPEAT [type|actor]`.

use chrono::{Datelike, Days, NaiveDate};
use dateline_model::{DateRange, EventKind, Precision, Status};
use dateline_render::{ExportOptions, LaneBy, TimelineItem};

fn synthetic(n: usize) -> Vec<TimelineItem> {
    let actors: Vec<String> = (0..60).map(|i| format!("Actor {i:02}")).collect();
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let r = x;
            let day = start + Days::new(r % 3650);
            let date = match (r >> 30) % 10 {
                0 => DateRange::month(day.year(), day.month()).expect("month"),
                1 => DateRange::week_of(day),
                2 => DateRange::new(day, day + Days::new(1 + (r >> 34) % 5), Precision::Day).expect("range"),
                _ => DateRange::day(day),
            };
            let a = (((r >> 40) % 60) as f64).powf(1.3) as usize % 60;
            TimelineItem {
                id: i as i64,
                kind: EventKind::ALL[(r >> 20) as usize % 4],
                status: Status::ALL[((r >> 24) % 10).saturating_sub(6) as usize],
                date,
                label: format!("Event number {i}"),
                actors: vec![actors[a].clone()],
                countries: vec![],
                sources: vec![],
            }
        })
        .collect()
}

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
