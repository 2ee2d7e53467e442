//! 100,000 synthetic events over ten years: SVG and PNG (2×) of a 1600 px wide view, plus
//! the layout alone. Figures go to docs/PERFORMANCE.md, section "Rendering".

use std::hint::black_box;
use std::time::Duration;

use chrono::{Datelike, Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use dateline_model::{DateRange, EventKind, Precision, Status};
use dateline_render::{ExportOptions, LaneBy, TimelineItem, layout, render_png, render_svg};

/// `n` events over 2015–2024: mostly days, some ranges, weeks and months; 60 actors with a
/// skewed share; a deterministic generator so every run draws the same set.
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

fn bench(c: &mut Criterion) {
    let items = synthetic(100_000);
    let mut g = c.benchmark_group("render_100k");
    g.sample_size(10).measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(2));
    for lanes in [LaneBy::Type, LaneBy::Actor] {
        let opts = ExportOptions {
            width: 1600,
            scale: 2.0,
            lanes,
            title: Some("100,000 synthetic events".into()),
            subtitle: Some("2015–2024".into()),
            source_line: Some("Dateline — benchmark".into()),
            ..Default::default()
        };
        let name = format!("{lanes:?}").to_lowercase();
        g.bench_function(format!("layout/{name}"), |b| {
            b.iter(|| layout(black_box(&items), &opts).expect("layout"))
        });
        g.bench_function(format!("svg/{name}"), |b| {
            b.iter(|| render_svg(black_box(&items), &opts).expect("svg"))
        });
        g.bench_function(format!("png_2x/{name}"), |b| {
            b.iter(|| render_png(black_box(&items), &opts).expect("png"))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
