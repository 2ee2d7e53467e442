//! The painters end to end: SVG snapshot, PNG decoded back, PDF parsed back, errors.

use chrono::{Days, NaiveDate};
use dateline_model::{DateRange, EventKind, Precision, Status};
use dateline_render::{
    ExportOptions, LaneBy, RenderError, ThemeName, TimelineItem, layout, pdf_pages, render_pdf, render_png,
    render_svg,
};

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
        countries: vec!["US".into()],
        sources: vec!["Reuters".into()],
    }
}

/// A fixed small set covering every kind, status and precision.
fn fixture() -> Vec<TimelineItem> {
    use EventKind::*;
    use Status::*;
    vec![
        it(1, Visit, Occurred, DateRange::day(d(2023, 6, 18)), "Blinken in Beijing", &["Antony Blinken"]),
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
            DateRange::new(d(2023, 9, 9), d(2023, 9, 10), Precision::Day).expect("range"),
            "G20 <New Delhi> & more",
            &["Joe Biden"],
        ),
        it(
            5,
            Visit,
            Planned,
            DateRange::month(2024, 7).expect("month"),
            "Blinken to Tokyo",
            &["Antony Blinken"],
        ),
        it(6, Meeting, Cancelled, DateRange::day(d(2023, 2, 5)), "Trip called off", &["Antony Blinken"]),
        it(
            7,
            Visit,
            Postponed,
            DateRange::quarter(2024, 1).expect("quarter"),
            "State visit",
            &["Narendra Modi"],
        ),
        it(8, Call, Occurred, DateRange::week_of(d(2023, 10, 11)), "Calls that week", &[]),
    ]
}

fn opts() -> ExportOptions {
    ExportOptions {
        width: 1200,
        title: Some("High-level contacts".into()),
        subtitle: Some("2023–2024".into()),
        source_line: Some("Dateline — 8 articles, exported 2026-11-30".into()),
        lanes: LaneBy::Actor,
        ..Default::default()
    }
}

#[test]
fn svg_snapshot() {
    let svg = render_svg(&fixture(), &opts()).expect("svg");
    insta::assert_snapshot!(svg);
}

#[test]
fn svg_keeps_text_as_text_and_escapes_it() {
    let svg = render_svg(&fixture(), &opts()).expect("svg");
    assert!(svg.contains(">High-level contacts</text>"));
    assert!(svg.contains("G20 &lt;New Delhi&gt; &amp; more"));
    assert!(svg.contains("DejaVu Sans"));
    assert!(!svg.contains("<path d=\"M") || svg.contains("class=\"d-"), "no text converted to outlines");
}

/// Decodes a PNG into (width, height, RGBA pixels).
fn decode(png: &[u8]) -> tiny_skia::Pixmap {
    tiny_skia::Pixmap::decode_png(png).expect("a valid PNG")
}

fn dark_pixels(pm: &tiny_skia::Pixmap, x0: u32, y0: u32, x1: u32, y1: u32) -> usize {
    let mut n = 0;
    for y in y0..y1.min(pm.height()) {
        for x in x0..x1.min(pm.width()) {
            let p = pm.pixel(x, y).expect("in range");
            let lum = 0.3 * f32::from(p.red()) + 0.59 * f32::from(p.green()) + 0.11 * f32::from(p.blue());
            if lum < 110.0 {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn png_has_the_right_size_text_and_marks() {
    let o = ExportOptions { scale: 2.0, ..opts() };
    let png = render_png(&fixture(), &o).expect("png");
    let pm = decode(&png);
    let l = layout(&fixture(), &o).expect("layout");
    assert_eq!(pm.width(), 2400, "width × scale");
    assert_eq!(pm.height(), (l.height * 2.0).round() as u32);
    // The title is drawn: dark pixels where its text is.
    let t = l.title.as_ref().expect("title");
    let ink =
        dark_pixels(&pm, (t.x * 2.0) as u32, ((t.y - t.size) * 2.0) as u32, 2 * 300, (t.y * 2.0) as u32 + 4);
    assert!(ink > 500, "title text pixels: {ink}");
    // Nothing but background above the title (no stray marks).
    assert_eq!(dark_pixels(&pm, 0, 0, 2400, 8), 0);
    // Every lane has coloured (non-grey) pixels in its plot area: its marks.
    for lane in &l.lanes {
        let (y0, y1) = ((lane.y * 2.0) as u32, ((lane.y + lane.height) * 2.0) as u32);
        let x0 = (l.scale.x0 * 2.0) as u32;
        let mut coloured = 0;
        for y in y0..y1 {
            for x in x0..pm.width() {
                let p = pm.pixel(x, y).expect("in range");
                let (r, g, b) = (i32::from(p.red()), i32::from(p.green()), i32::from(p.blue()));
                if (r - g).abs().max((g - b).abs()).max((r - b).abs()) > 60 {
                    coloured += 1;
                }
            }
        }
        assert!(coloured > 50, "lane {} is blank ({coloured} coloured pixels)", lane.key);
    }
}

#[test]
fn png_dark_theme_has_dark_background_and_light_text() {
    let o = ExportOptions { theme: ThemeName::Dark, ..opts() };
    let pm = decode(&render_png(&fixture(), &o).expect("png"));
    let p = pm.pixel(2, 2).expect("pixel");
    assert!(p.red() < 40 && p.green() < 40 && p.blue() < 50, "{p:?}");
    let l = layout(&fixture(), &o).expect("layout");
    let t = l.title.as_ref().expect("title");
    let mut light = 0;
    for y in (t.y - t.size) as u32..t.y as u32 {
        for x in t.x as u32..300 {
            if pm.pixel(x, y).expect("pixel").red() > 180 {
                light += 1;
            }
        }
    }
    assert!(light > 150, "{light}");
}

fn page_count(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1).filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's').count()
}

#[test]
fn pdf_single_page_with_real_text() {
    let pdf = render_pdf(&fixture(), &opts()).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.ends_with(b"%%EOF") || pdf.ends_with(b"%%EOF\n"));
    assert_eq!(page_count(&pdf), 1);
    // The text is set in the embedded shipped font, not drawn as outlines.
    let hay = String::from_utf8_lossy(&pdf);
    assert!(hay.contains("DejaVuSans"), "font embedded");
    assert!(hay.contains("/FontFile2") || hay.contains("/FontFile3"));
}

#[test]
fn pdf_long_range_is_a_page_per_year() {
    let items: Vec<TimelineItem> = (0..300)
        .map(|i| {
            it(
                i,
                EventKind::ALL[(i % 4) as usize],
                Status::Occurred,
                DateRange::day(d(2015, 1, 3) + Days::new((i * 13) as u64)),
                "x",
                &["A"],
            )
        })
        .collect();
    // 2015-01-03 .. 2025-09-xx: eleven calendar years.
    let (split, pages) = pdf_pages(&items, &ExportOptions::default()).expect("pages");
    assert_eq!(split, dateline_render::PageSplit::Year);
    assert_eq!(pages.len(), 11);
    let pdf = render_pdf(&items, &opts()).expect("pdf");
    assert_eq!(page_count(&pdf), 11);
}

#[test]
fn empty_input_is_a_clear_error() {
    let o = ExportOptions::default();
    assert_eq!(render_svg(&[], &o).unwrap_err(), RenderError::Empty);
    assert_eq!(render_png(&[], &o).unwrap_err(), RenderError::Empty);
    assert_eq!(render_pdf(&[], &o).unwrap_err(), RenderError::Empty);
    let before = ExportOptions { to: Some(d(2000, 1, 1)), ..Default::default() };
    let e = render_svg(&fixture(), &before).unwrap_err();
    assert_eq!(e.to_string(), "nothing to draw: the workspace has no dated events (in this window)");
}

#[test]
fn a_hundred_thousand_events_stay_small() {
    let items: Vec<TimelineItem> = (0..100_000)
        .map(|i| {
            let a = format!("Actor {}", i % 50);
            it(
                i,
                EventKind::ALL[(i % 4) as usize],
                Status::ALL[(i % 7 % 4) as usize],
                DateRange::day(d(2015, 1, 1) + Days::new((i * 7919 % 3650) as u64)),
                "event",
                &[&a],
            )
        })
        .collect();
    for lanes in [LaneBy::Type, LaneBy::Actor] {
        let svg = render_svg(&items, &ExportOptions { lanes, ..opts() }).expect("svg");
        assert!(svg.len() < 2_000_000, "{lanes:?}: {} bytes", svg.len());
    }
}

#[test]
fn narrow_exports_keep_the_plot_on_the_canvas() {
    let o = ExportOptions { width: 400, ..opts() };
    let l = layout(&fixture(), &o).expect("layout");
    assert!(l.scale.x0 < 120.0 && l.scale.right() <= 400.0, "{:?}", l.scale);
    let pm = decode(&render_png(&fixture(), &o).expect("png"));
    assert_eq!(pm.width(), 400);
}

#[test]
fn layout_serialises_for_the_app() {
    let l = layout(&fixture(), &opts()).expect("layout");
    let json = serde_json::to_value(&l).expect("json");
    assert!(json["lanes"].as_array().is_some_and(|a| !a.is_empty()));
    assert_eq!(json["lanes"][0]["marks"][0]["shape"], "point");
    // theme.json is plain JSON for the TypeScript side.
    let theme: serde_json::Value = serde_json::from_str(dateline_render::THEME_JSON).expect("theme");
    assert_eq!(theme["light"]["kinds"]["visit"], "#0072b2");
}

#[test]
fn status_and_precision_styles_reach_the_svg() {
    let svg = render_svg(&fixture(), &opts()).expect("svg");
    // planned hollow, cancelled struck, postponed dashed, month as a soft band.
    assert!(svg.contains("class=\"x-visit-planned\""), "planned month is a soft hollow band");
    assert!(svg.contains("class=\"p-meeting-cancelled\"") && svg.contains("class=\"strike\""));
    assert!(svg.contains("class=\"x-visit-postponed\""));
    assert!(svg.contains(".x-visit-postponed{") && svg.contains("stroke-dasharray"));
    assert!(svg.contains("class=\"p-call-occurred\""));
}

#[test]
fn text_outside_the_bold_subset_still_draws() {
    // Arabic is in the regular face only; the bold title falls back to it instead of vanishing.
    let o = ExportOptions { title: Some("قمة دبلوماسية".into()), subtitle: None, ..opts() };
    let pm = decode(&render_png(&fixture(), &o).expect("png"));
    let l = layout(&fixture(), &o).expect("layout");
    let t = l.title.as_ref().expect("title");
    let ink = dark_pixels(&pm, t.x as u32, (t.y - t.size) as u32, 400, t.y as u32 + 4);
    assert!(ink > 100, "{ink}");
    let pdf = render_pdf(&fixture(), &o).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
}

/// A week, month or quarter is drawn as on screen: a faint span with a solid tick at its centre,
/// and no line along it when it occurred. Checked in the SVG and in the PNG's pixels.
#[test]
fn coarse_precision_is_a_faint_span_with_a_centre_tick() {
    use dateline_render::Shape;
    let o = opts();
    let l = layout(&fixture(), &o).expect("layout");
    let svg = render_svg(&fixture(), &o).expect("svg");
    let occurred = svg.lines().find(|s| s.starts_with(".x-call-occurred{")).expect("style");
    assert!(!occurred.contains("stroke"), "an occurred week has no outline: {occurred}");
    let pm = decode(&render_png(&fixture(), &o).expect("png"));
    let scale = pm.width() as f32 / l.width;
    let soft: Vec<_> =
        l.lanes.iter().flat_map(|lane| &lane.marks).filter(|m| m.shape == Shape::Soft).collect();
    assert_eq!(soft.len(), 3, "the week, the month and the quarter");
    for m in soft {
        let cx = ((m.x0 + m.x1) / 2.0).round();
        let tick = format!("<rect x=\"{}\" y=\"", cx - 1.0);
        let class = format!("class=\"tk-{}-{}\"", m.kind.as_str(), m.status.as_str());
        assert!(svg.lines().any(|s| s.starts_with(&tick) && s.contains(&class)), "tick at {cx}: {class}");
        // In the PNG: the tick column is the kind's colour at full strength, the span beside
        // it (wide enough to have one) a faint tint of it.
        let px = |x: f32| pm.pixel((x * scale) as u32, (m.cy * scale) as u32).expect("in range");
        let lum = |p: tiny_skia::PremultipliedColorU8| {
            0.3 * f32::from(p.red()) + 0.59 * f32::from(p.green()) + 0.11 * f32::from(p.blue())
        };
        let at_tick = lum(px(cx));
        assert!(at_tick < 170.0, "{class}: the tick is solid ({at_tick})");
        if m.x1 - m.x0 > 16.0 {
            let beside = lum(px(cx + 5.0));
            assert!(beside > 190.0, "{class}: the span beside the tick is faint ({beside})");
        }
    }
}

/// A cancelled month is tinted as the screen tints it: theme.json's one soft fill, the same as an
/// occurred month's (the screen's `drawGlyph` draws the span at `precision.soft_fill_opacity`
/// whatever the status); what tells it apart is the strike and a centre tick at
/// `precision.struck_tick_opacity`. The export once drew it at 0.4 × 0.2 = 0.08.
#[test]
fn a_cancelled_span_is_as_faint_as_on_screen() {
    use dateline_render::{Shape, theme};
    let pr = &theme().precision;
    let items = vec![
        it(1, EventKind::Visit, Status::Occurred, DateRange::month(2024, 3).expect("month"), "", &["A"]),
        it(2, EventKind::Visit, Status::Cancelled, DateRange::month(2024, 3).expect("month"), "", &["A"]),
    ];
    let o = ExportOptions { width: 900, lanes: LaneBy::Type, legend: false, ..Default::default() };
    let svg = render_svg(&items, &o).expect("svg");
    let style = |class: &str| svg.lines().find(|l| l.starts_with(&format!(".{class}{{"))).map(str::to_string);
    let opacity = |line: &str, key: &str| -> f32 {
        line.split(&format!("{key}:"))
            .nth(1)
            .and_then(|v| v.split([';', '}']).next())
            .and_then(|v| v.parse().ok())
            .expect(key)
    };
    let cancelled = style("x-visit-cancelled").expect("the cancelled soft style");
    assert_eq!(opacity(&cancelled, "fill-opacity"), pr.soft_fill_opacity, "{cancelled}");
    assert_eq!(opacity(&style("x-visit-occurred").expect("style"), "fill-opacity"), pr.soft_fill_opacity);
    let tick = style("tk-visit-cancelled").expect("the cancelled tick style");
    assert_eq!(opacity(&tick, "fill-opacity"), pr.struck_tick_opacity, "{tick}");
    // In the PNG: beside the tick, above the strike, the two spans are one colour.
    let l = layout(&items, &o).expect("layout");
    let pm = tiny_skia::Pixmap::decode_png(&render_png(&items, &o).expect("png")).expect("a PNG");
    let soft: Vec<_> =
        l.lanes.iter().flat_map(|lane| &lane.marks).filter(|m| m.shape == Shape::Soft).collect();
    assert_eq!(soft.len(), 2);
    let at = |m: &dateline_render::Mark| {
        let p = pm.pixel((m.x0 + (m.x1 - m.x0) * 0.3) as u32, (m.cy - 4.0) as u32).expect("in range");
        [p.red(), p.green(), p.blue()]
    };
    let (a, b) = (at(soft[0]), at(soft[1]));
    assert_eq!(a, b, "occurred {a:?}, cancelled {b:?}");
    assert_ne!(a, [255, 255, 255], "a tint, not the background");
}
