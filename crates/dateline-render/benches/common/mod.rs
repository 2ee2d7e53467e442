//! The synthetic events the render bench and `examples/phase.rs` both draw (one generator, so
//! the two measure the same set).

use chrono::{Datelike, Days, NaiveDate};
use dateline_model::{DateRange, EventKind, Precision, Status};
use dateline_render::TimelineItem;

/// `n` events over 2015–2024: mostly days, some ranges, weeks and months; 60 actors with a
/// skewed share; a deterministic generator so every run draws the same set.
pub fn synthetic(n: usize) -> Vec<TimelineItem> {
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
