//! Temporal tagging throughput: tag + normalize over news text.
//!
//! Reads the State Department pages of `/work/shared/corpus/statedept-dev/` when present (tags
//! stripped crudely), else generates news-like text, and reports bytes per second.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_extract::time::tag;

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    let mut in_script = false;
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if !in_tag && bytes[i] == b'<' {
            in_tag = true;
            if lower[i..].starts_with("<script") || lower[i..].starts_with("<style") {
                in_script = true;
            } else if lower[i..].starts_with("</script") || lower[i..].starts_with("</style") {
                in_script = false;
            }
            out.push(' ');
        } else if in_tag && bytes[i] == b'>' {
            in_tag = false;
        } else if !in_tag && !in_script {
            let c = html[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        i += 1;
    }
    out
}

fn corpus() -> String {
    let mut text = String::new();
    if let Ok(dir) = std::fs::read_dir("/work/shared/corpus/statedept-dev") {
        let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(html) = std::fs::read_to_string(&p) {
                text.push_str(&strip_tags(&html));
                text.push('\n');
            }
        }
    }
    if text.len() < 100_000 {
        let sentences = [
            "The Secretary met the Foreign Minister on Wednesday, April 24, in Washington to discuss the crisis. ",
            "Officials said Friday that talks would resume next week and continue through the end of the year. ",
            "The two leaders last spoke on March 4, 2024, and agreed to hold a summit in early June. ",
            "Trade between the two countries grew by 12 percent over the past three years, the ministry said. ",
            "A three-day visit beginning May 24 will include stops in Hanoi and Jakarta. ",
            "In 1991 the treaty was signed; since then, relations have improved steadily. ",
            "The envoy travels to the region on Monday for meetings with government officials and civil society. ",
        ];
        while text.len() < 2_000_000 {
            for s in sentences {
                text.push_str(s);
            }
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let dct = NaiveDate::from_ymd_opt(2024, 4, 22);
    let mut g = c.benchmark_group("time");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("tag", |b| b.iter(|| black_box(tag(black_box(&text), dct)).len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
