//! Layout invariants over random inputs.

use chrono::{Days, NaiveDate};
use dateline_model::{DateRange, EventKind, Precision, Status};
use dateline_render::{ExportOptions, LaneBy, TimelineItem, layout, render_svg};
use proptest::prelude::*;

fn item_strategy() -> impl Strategy<Value = TimelineItem> {
    (0i64..1_000_000, 0usize..4, 0usize..4, 0u64..2000, 0u8..6, 0u64..40, 0usize..6, ".{0,30}").prop_map(
        |(id, k, s, day, prec, len, actor, label)| {
            let start = NaiveDate::from_ymd_opt(2018, 1, 1).expect("valid") + Days::new(day);
            let date = match prec {
                0 | 1 => DateRange::day(start),
                2 => DateRange::new(start, start + Days::new(len), Precision::Day).expect("range"),
                3 => DateRange::week_of(start),
                4 => DateRange::month(2018 + (day / 365) as i32, 1 + (day % 12) as u32).expect("month"),
                _ => DateRange::year(2018 + (day / 365) as i32).expect("year"),
            };
            TimelineItem {
                id,
                kind: EventKind::ALL[k],
                status: Status::ALL[s],
                date,
                label,
                actors: if actor == 0 {
                    vec![]
                } else {
                    vec![format!("Actor {actor}"), format!("Actor {}", actor / 2)]
                },
                countries: vec![],
                sources: vec![],
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn layout_invariants(items in prop::collection::vec(item_strategy(), 1..250), by in 0usize..4, width in 300u32..2400) {
        let lanes = [LaneBy::Type, LaneBy::Actor, LaneBy::Country, LaneBy::Source][by];
        let opts = ExportOptions { width, lanes, title: Some("T".into()), ..Default::default() };
        let l = layout(&items, &opts).expect("layout");
        prop_assert!(l.height > 0.0 && l.plot_bottom <= l.height);
        let mut prev_bottom = l.plot_top;
        for lane in &l.lanes {
            prop_assert!((lane.y - prev_bottom).abs() < 0.01, "lanes are stacked");
            prev_bottom = lane.y + lane.height;
            let shown = lane.marks.len() + lane.clusters.iter().map(|c| c.count).sum::<usize>();
            if lane.density.is_none() {
                prop_assert_eq!(shown, lane.count);
            }
            for m in &lane.marks {
                prop_assert!(m.cy > lane.y && m.cy < lane.y + lane.height, "marks stay in their lane");
                prop_assert!(m.x1 >= m.x0);
            }
            for (i, a) in lane.marks.iter().enumerate() {
                for b in &lane.marks[i + 1..] {
                    if a.row == b.row {
                        prop_assert!(a.x1 <= b.x0 + 0.01 || b.x1 <= a.x0 + 0.01, "overlap in a row");
                    }
                }
            }
        }
        // Labels never run into another mark or label of their row.
        for lane in &l.lanes {
            let spans: Vec<(u32, f32, f32, usize)> = lane
                .marks
                .iter()
                .enumerate()
                .flat_map(|(i, m)| {
                    let mut v = vec![(m.row, m.x0, m.x1, i)];
                    if let Some(lb) = &m.label {
                        let (a, b) = match lb.anchor {
                            dateline_render::TextAnchor::End => (lb.x - lb.width, lb.x),
                            _ => (lb.x, lb.x + lb.width),
                        };
                        v.push((m.row, a, b, i));
                    }
                    v
                })
                .collect();
            for (j, a) in spans.iter().enumerate() {
                for b in &spans[j + 1..] {
                    if a.0 == b.0 && a.3 != b.3 {
                        prop_assert!(a.2 <= b.1 + 0.01 || b.2 <= a.1 + 0.01, "{:?} vs {:?}", a, b);
                    }
                }
            }
        }
        let svg = render_svg(&items, &opts).expect("svg");
        prop_assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
    }
}
