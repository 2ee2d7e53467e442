//! Writes sample exports: `cargo run -p dateline-render --example sample -- OUT_DIR [N]`.
//! With N, N synthetic events instead of the small briefing set.

use chrono::{Days, NaiveDate};
use dateline_model::{DateRange, EventKind, Precision, Status};
use dateline_render::{ExportOptions, LaneBy, ThemeName, TimelineItem};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn it(
    id: i64,
    kind: EventKind,
    status: Status,
    date: DateRange,
    label: &str,
    actors: &[&str],
) -> TimelineItem {
    TimelineItem {
        id,
        kind,
        status,
        date,
        label: label.into(),
        actors: actors.iter().map(|s| s.to_string()).collect(),
        countries: vec![],
        sources: vec!["Reuters".into()],
    }
}

fn briefing() -> Vec<TimelineItem> {
    use EventKind::*;
    use Status::*;
    vec![
        it(
            1,
            Visit,
            Occurred,
            DateRange::day(d(2023, 6, 18)),
            "Blinken in Beijing",
            &["Antony Blinken", "Xi Jinping"],
        ),
        it(
            2,
            Meeting,
            Occurred,
            DateRange::day(d(2023, 11, 15)),
            "Biden–Xi, Woodside",
            &["Joe Biden", "Xi Jinping"],
        ),
        it(3, Call, Occurred, DateRange::day(d(2024, 4, 2)), "Biden–Xi call", &["Joe Biden", "Xi Jinping"]),
        it(
            4,
            Conference,
            Occurred,
            DateRange::new(d(2023, 9, 9), d(2023, 9, 10), Precision::Day).expect("r"),
            "G20 New Delhi",
            &["Joe Biden", "Narendra Modi"],
        ),
        it(
            5,
            Visit,
            Planned,
            DateRange::month(2024, 7).expect("m"),
            "Blinken to Tokyo (July)",
            &["Antony Blinken"],
        ),
        it(
            6,
            Meeting,
            Cancelled,
            DateRange::day(d(2023, 2, 5)),
            "Blinken trip called off",
            &["Antony Blinken"],
        ),
        it(
            7,
            Conference,
            Occurred,
            DateRange::new(d(2023, 11, 30), d(2023, 12, 12), Precision::Day).expect("r"),
            "COP28 Dubai",
            &["John Kerry"],
        ),
        it(
            8,
            Visit,
            Postponed,
            DateRange::quarter(2024, 1).expect("q"),
            "Modi state visit (Q1)",
            &["Narendra Modi"],
        ),
        it(
            9,
            Call,
            Occurred,
            DateRange::day(d(2023, 7, 20)),
            "Sullivan–Wang call",
            &["Jake Sullivan", "Wang Yi"],
        ),
        it(
            10,
            Meeting,
            Occurred,
            DateRange::day(d(2024, 1, 27)),
            "Sullivan–Wang, Bangkok",
            &["Jake Sullivan", "Wang Yi"],
        ),
        it(
            11,
            Visit,
            Occurred,
            DateRange::week_of(d(2023, 10, 11)),
            "Blinken Middle East tour",
            &["Antony Blinken"],
        ),
        it(12, Meeting, Planned, DateRange::day(d(2024, 6, 14)), "G7 leaders", &["Joe Biden"]),
        it(13, Call, Cancelled, DateRange::day(d(2024, 2, 12)), "Scheduled call dropped", &["Wang Yi"]),
        it(
            14,
            Conference,
            Planned,
            DateRange::new(d(2024, 7, 9), d(2024, 7, 11), Precision::Day).expect("r"),
            "NATO summit, Washington",
            &["Joe Biden"],
        ),
        it(
            15,
            Visit,
            Occurred,
            DateRange::day(d(2023, 6, 21)),
            "Modi in Washington",
            &["Narendra Modi", "Joe Biden"],
        ),
        it(
            16,
            Meeting,
            Occurred,
            DateRange::day(d(2023, 6, 19)),
            "Blinken–Xi meeting",
            &["Antony Blinken", "Xi Jinping"],
        ),
    ]
}

fn synthetic(n: usize) -> Vec<TimelineItem> {
    let actors: Vec<String> = (0..60).map(|i| format!("Actor {i:02}")).collect();
    let start = d(2015, 1, 1);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..n)
        .map(|i| {
            let r = next();
            let day = start + Days::new(r % 3650);
            let kind = EventKind::ALL[(r >> 20) as usize % 4];
            let status = Status::ALL[((r >> 24) % 10).saturating_sub(6) as usize];
            let date = match (r >> 30) % 10 {
                0 => DateRange::month(day.year_ce().1 as i32, day.month0() + 1).expect("m"),
                1 => DateRange::week_of(day),
                2 => DateRange::new(day, day + Days::new(1 + (r >> 34) % 5), Precision::Day).expect("r"),
                _ => DateRange::day(day),
            };
            let a = (((r >> 40) % 60) as f64).powf(1.3) as usize % 60;
            TimelineItem {
                id: i as i64,
                kind,
                status,
                date,
                label: format!("Event {i}"),
                actors: vec![actors[a].clone()],
                countries: vec![],
                sources: vec![],
            }
        })
        .collect()
}

use chrono::Datelike;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "/tmp/dateline-render".into()));
    std::fs::create_dir_all(&out).expect("out dir");
    let n: Option<usize> = args.next().and_then(|s| s.parse().ok());
    let items = n.map_or_else(briefing, synthetic);
    for (name, lanes, theme) in [
        ("type-light", LaneBy::Type, ThemeName::Light),
        ("actor-light", LaneBy::Actor, ThemeName::Light),
        ("actor-dark", LaneBy::Actor, ThemeName::Dark),
    ] {
        let opts = ExportOptions {
            lanes,
            theme,
            scale: if n.is_some() { 2.0 } else { 1.0 },
            title: Some("US–China–India high-level contacts".into()),
            subtitle: Some("Visits, meetings, calls and conferences, 2023–2024".into()),
            source_line: Some("Dateline — 16 articles, exported 2026-11-30".into()),
            ..Default::default()
        };
        let t = std::time::Instant::now();
        let _ = dateline_render::layout(&items, &opts).expect("layout");
        let tl = t.elapsed();
        let t = std::time::Instant::now();
        let svg = dateline_render::render_svg(&items, &opts).expect("svg");
        let ts = t.elapsed();
        let t = std::time::Instant::now();
        let png = dateline_render::render_png(&items, &opts).expect("png");
        let tp = t.elapsed();
        let t = std::time::Instant::now();
        let pdf = dateline_render::render_pdf(&items, &opts).expect("pdf");
        let tf = t.elapsed();
        let t = std::time::Instant::now();
        let mut uo = usvg::Options::default();
        uo.fontdb_mut()
            .load_font_data(std::fs::read("crates/dateline-render/fonts/DejaVuSans.ttf").unwrap_or_default());
        let tree = usvg::Tree::from_str(&svg, &uo).expect("parse");
        let tparse = t.elapsed();
        let t = std::time::Instant::now();
        let mut pm = tiny_skia::Pixmap::new(
            (tree.size().width() * opts.scale) as u32,
            (tree.size().height() * opts.scale) as u32,
        )
        .expect("pm");
        resvg::render(&tree, tiny_skia::Transform::from_scale(opts.scale, opts.scale), &mut pm.as_mut());
        let trender = t.elapsed();
        let t = std::time::Instant::now();
        let _ = pm.encode_png().expect("encode");
        let tenc = t.elapsed();
        println!("  layout {tl:?}; parse {tparse:?} render {trender:?} encode {tenc:?}");
        std::fs::write(out.join(format!("{name}.svg")), &svg).expect("write");
        std::fs::write(out.join(format!("{name}.png")), &png).expect("write");
        std::fs::write(out.join(format!("{name}.pdf")), &pdf).expect("write");
        println!(
            "{name}: svg {} B in {ts:?}, png {} B in {tp:?}, pdf {} B in {tf:?}",
            svg.len(),
            png.len(),
            pdf.len()
        );
    }
}
