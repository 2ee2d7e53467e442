//! 100,000 synthetic events over ten years: SVG and PNG (2×) of a 1600 px wide view, plus
//! the layout alone. Figures go to docs/PERFORMANCE.md, section "Rendering".

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use dateline_render::{ExportOptions, LaneBy, layout, render_png, render_svg};

mod common;
use common::synthetic;

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
