//! The SVG painter. Text stays text; styles are CSS classes generated from the theme so each
//! mark costs a few dozen bytes; dense lanes are drawn as one path per kind.

use std::fmt::{self, Write};

use dateline_model::{EventKind, Status};

use crate::TimelineItem;
use crate::layout::{Layout, LegendSwatch, Shape, TextAnchor, TextBox, group_thousands};
use crate::scale::{TickAnchor, Tier};
use crate::theme::{Fill, Palette, Theme, theme};
use crate::xml::escape_into;

/// A number with at most one decimal, no trailing ".0".
struct N(f32);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = (self.0 * 10.0).round() / 10.0;
        let v = if v == 0.0 { 0.0 } else { v };
        if v.fract() == 0.0 { write!(f, "{}", v as i64) } else { write!(f, "{v:.1}") }
    }
}

fn kind_slug(k: EventKind) -> &'static str {
    k.as_str()
}

/// The class of a mark: `p-` (point or bar) or `x-` (soft extent), kind (or `n` for the neutral
/// legend swatches), status.
fn class(shape: Shape, kind: Option<EventKind>, status: Status) -> String {
    let p = if shape == Shape::Soft { 'x' } else { 'p' };
    let k = kind.map_or("n", kind_slug);
    format!("{p}-{k}-{}", status.as_str())
}

fn stylesheet(t: &Theme, p: &Palette, out: &mut String) {
    let sz = &t.sizes;
    let pr = &t.precision;
    let _ = write!(
        out,
        "<style>\ntext{{font-family:{stack};fill:{text}}}\n\
         .mu{{fill:{muted}}}\n.fa{{fill:{faint}}}\n\
         .band{{fill:{band}}}\n.rule{{stroke:{rule};stroke-width:1}}\n\
         .gmi{{stroke:{gmi};stroke-width:1}}\n.gma{{stroke:{gma};stroke-width:1}}\n.axis{{stroke:{axis};stroke-width:1}}\n\
         .l{{font-size:{label}px}}\n.lx{{font-size:{label}px;fill:{muted}}}\n.lxs{{stroke:{muted};stroke-width:1}}\n\
         .cl{{fill:{clf}}}\n.clt{{fill:{clt};font-size:{cls}px;font-weight:700}}\n\
         .dc{{fill:{muted};font-size:{cls}px}}\n\
         .strike{{stroke:{strike};stroke-width:1.4;stroke-linecap:round}}\n",
        stack = t.fonts.stack,
        text = p.text,
        muted = p.muted,
        faint = p.faint,
        band = p.lane_band,
        rule = p.lane_rule,
        gmi = p.grid_minor,
        gma = p.grid_major,
        axis = p.axis,
        label = N(sz.label),
        clf = p.cluster_fill,
        clt = p.cluster_text,
        cls = N(sz.cluster),
        strike = p.strike,
    );
    let kinds: Vec<(Option<EventKind>, &str)> = EventKind::ALL
        .iter()
        .map(|&k| (Some(k), p.kinds.get(k).as_str()))
        .chain(std::iter::once((None, p.muted.as_str())))
        .collect();
    for (k, colour) in kinds {
        let _ = writeln!(out, ".d-{}{{fill:{colour}}}", k.map_or("n", kind_slug));
        for s in Status::ALL {
            let st = t.status.get(s);
            let dash = st.dash.as_ref().map_or(String::new(), |d| {
                format!(
                    ";stroke-dasharray:{}",
                    d.iter().map(|v| N(*v).to_string()).collect::<Vec<_>>().join(",")
                )
            });
            let sw = N(sz.status_stroke);
            let o = st.opacity;
            let point = match st.fill {
                Fill::Solid => format!("fill:{colour};fill-opacity:{}", N2(o)),
                Fill::Hollow => format!("fill:{};stroke:{colour};stroke-width:{sw}{dash}", p.background),
                Fill::Tint => format!(
                    "fill:{colour};fill-opacity:{};stroke:{colour};stroke-width:{sw}{dash}",
                    N2(pr.tint_fill_opacity * o)
                ),
            };
            // A week, month or year as the screen draws it (`drawGlyph` in the UI's
            // timeline/render.ts): a faint tint over the whole interval, the same for every
            // status (a cancelled one is told by its strike and its fainter tick, not by a
            // fainter tint: the screen draws none), with no line along it when it occurred (so
            // a year does not outweigh the days beside it), an outline when planned (dashed
            // when postponed), and a tick at its centre (`.tk-`).
            let soft = match st.fill {
                Fill::Solid => format!("fill:{colour};fill-opacity:{}", N2(pr.soft_fill_opacity)),
                Fill::Hollow | Fill::Tint => format!(
                    "fill:{colour};fill-opacity:{};stroke:{colour};stroke-opacity:{};stroke-width:1{dash}",
                    N2(pr.soft_fill_opacity),
                    N2(pr.soft_stroke_opacity * o)
                ),
            };
            let tick_opacity = if st.strike { pr.struck_tick_opacity } else { 1.0 };
            let _ = writeln!(
                out,
                ".tk-{}-{}{{fill:{colour};fill-opacity:{}}}",
                k.map_or("n", kind_slug),
                s.as_str(),
                N2(tick_opacity)
            );
            let _ = writeln!(out, ".{}{{{point}}}", class(Shape::Point, k, s));
            let _ = writeln!(out, ".{}{{{soft}}}", class(Shape::Soft, k, s));
        }
    }
    out.push_str("</style>\n");
}

/// Two decimals, for opacities.
struct N2(f32);

impl fmt::Display for N2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = format!("{:.2}", self.0);
        let s = s.trim_end_matches('0').trim_end_matches('.');
        f.write_str(if s.is_empty() { "0" } else { s })
    }
}

fn text(out: &mut String, b: &TextBox, class: Option<&str>) {
    let _ = write!(out, "<text x=\"{}\" y=\"{}\" font-size=\"{}\"", N(b.x), N(b.y), N(b.size));
    if b.bold {
        out.push_str(" font-weight=\"700\"");
    }
    match b.anchor {
        TextAnchor::Start => {}
        TextAnchor::Middle => out.push_str(" text-anchor=\"middle\""),
        TextAnchor::End => out.push_str(" text-anchor=\"end\""),
    }
    if let Some(c) = class {
        let _ = write!(out, " class=\"{c}\"");
    }
    out.push('>');
    escape_into(&b.text, out);
    out.push_str("</text>\n");
}

/// Width of the tick at the centre of a week-, month- or year-precise extent (px): the screen's
/// `CENTRE_TICK_W` (the UI's timeline/render.ts).
const CENTRE_TICK_W: f32 = 2.0;

/// Draws one mark (shape + status) with its centre line at `cy`, between `x0` and `x1`.
fn mark(out: &mut String, shape: Shape, kind: Option<EventKind>, status: Status, x0: f32, x1: f32, cy: f32) {
    let t = theme();
    let sz = &t.sizes;
    let c = class(shape, kind, status);
    match shape {
        Shape::Point => {
            let _ = writeln!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" class=\"{c}\"/>",
                N((x0 + x1) / 2.0),
                N(cy),
                N(sz.point_radius)
            );
        }
        Shape::Bar | Shape::Soft => {
            let h = if shape == Shape::Bar { sz.bar_height } else { sz.soft_height };
            let rx = if shape == Shape::Bar { h / 2.0 } else { 3.0 };
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" class=\"{c}\"/>",
                N(x0),
                N(cy - h / 2.0),
                N((x1 - x0).max(1.0)),
                N(h),
                N(rx)
            );
        }
    }
    if shape == Shape::Soft {
        // The centre tick, CENTRE_TICK_W (2 px) wide on a whole pixel, as on screen.
        let h = sz.soft_height;
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"tk-{}-{}\"/>",
            N(((x0 + x1) / 2.0).round() - CENTRE_TICK_W / 2.0),
            N(cy - h / 2.0),
            N(CENTRE_TICK_W),
            N(h),
            kind.map_or("n", kind_slug),
            status.as_str()
        );
    }
    if t.status.get(status).strike {
        let ext = if shape == Shape::Point { 2.5 } else { 0.0 };
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"strike\"/>",
            N(x0 - ext),
            N(cy),
            N(x1 + ext),
            N(cy)
        );
    }
}

/// The SVG document for a layout.
pub(crate) fn paint(l: &Layout, _items: &[TimelineItem]) -> String {
    let t = theme();
    let p = t.palette(l.theme);
    let sz = &t.sizes;
    let marks: usize = l.lanes.iter().map(|l| l.marks.len()).sum();
    let mut out = String::with_capacity(16 * 1024 + marks * 160);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">",
        w = N(l.width),
        h = N(l.height)
    );
    stylesheet(t, p, &mut out);
    let _ = writeln!(
        out,
        "<rect width=\"{}\" height=\"{}\" fill=\"{}\" shape-rendering=\"crispEdges\"/>",
        N(l.width),
        N(l.height),
        p.background
    );

    // Lanes: alternate bands, rules between.
    let m = sz.margin;
    out.push_str("<g id=\"lanes\" shape-rendering=\"crispEdges\">\n");
    for (i, lane) in l.lanes.iter().enumerate() {
        if i % 2 == 0 {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"band\"/>",
                N(m),
                N(lane.y),
                N(l.width - 2.0 * m),
                N(lane.height)
            );
        }
    }
    for lane in &l.lanes {
        let y = lane.y + lane.height;
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"rule\"/>",
            N(m),
            N(y),
            N(l.width - m),
            N(y)
        );
    }
    out.push_str("</g>\n");

    // Grid and axis: rules drawn crisp (sharper, and far cheaper to rasterise than
    // anti-aliased strokes the height of the image).
    out.push_str("<g id=\"grid\" shape-rendering=\"crispEdges\">\n");
    let major_base = l.axis_top + sz.tick_major + 2.0;
    let minor_base = l.axis_top + sz.tick_major + sz.tick_minor + 10.0;
    let majors: Vec<f32> = l.ticks.iter().filter(|t| t.tier == Tier::Major).map(|t| t.x).collect();
    for tick in l.ticks.iter().filter(|t| t.tier == Tier::Minor) {
        // A minor line under a major one is drawn once, as major.
        if tick.x > l.scale.x0 + 0.5 && !majors.iter().any(|m| (m - tick.x).abs() < 0.5) {
            let _ = writeln!(
                out,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" class=\"gmi\"/>",
                N(minor_base - sz.tick_minor - 2.0),
                N(l.plot_bottom),
                x = N(tick.x)
            );
        }
    }
    for tick in l.ticks.iter().filter(|t| t.tier == Tier::Major) {
        if tick.x > l.scale.x0 + 0.5 {
            let _ = writeln!(
                out,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" class=\"gma\"/>",
                N(l.axis_top),
                N(l.plot_bottom),
                x = N(tick.x)
            );
        }
    }
    let _ = writeln!(
        out,
        "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" class=\"axis\"/>",
        N(l.scale.x0),
        N(l.scale.right()),
        y = N(l.plot_top)
    );
    out.push_str("</g>\n<g id=\"axis\">\n");
    for tick in &l.ticks {
        let Some(label) = &tick.label else { continue };
        let (y, size, bold, class) = match tick.tier {
            Tier::Major => (major_base, sz.tick_major, true, None),
            Tier::Minor => (minor_base, sz.tick_minor, false, Some("mu")),
        };
        let anchor = match tick.anchor {
            TickAnchor::Start => TextAnchor::Start,
            TickAnchor::Middle => TextAnchor::Middle,
        };
        let b = TextBox { x: tick.label_x, y, text: label.clone(), size, bold, anchor };
        text(&mut out, &b, class);
    }
    out.push_str("</g>\n");

    // Lane names and counts.
    out.push_str("<g id=\"lane-labels\">\n");
    for lane in &l.lanes {
        text(&mut out, &lane.label, None);
        text(&mut out, &lane.count_label, Some("mu"));
    }
    out.push_str("</g>\n");

    // Marks: soft extents under bars under points, then labels, then clusters.
    out.push_str("<g id=\"marks\">\n");
    for shape in [Shape::Soft, Shape::Bar, Shape::Point] {
        for lane in &l.lanes {
            for mk in lane.marks.iter().filter(|m| m.shape == shape) {
                mark(&mut out, shape, Some(mk.kind), mk.status, mk.x0, mk.x1, mk.cy);
            }
        }
    }
    for lane in &l.lanes {
        for mk in &lane.marks {
            let Some(lb) = &mk.label else { continue };
            let class = if mk.status == Status::Cancelled { "lx" } else { "l" };
            let _ = write!(out, "<text x=\"{}\" y=\"{}\" class=\"{class}\"", N(lb.x), N(lb.y));
            if lb.anchor == TextAnchor::End {
                out.push_str(" text-anchor=\"end\"");
            }
            out.push('>');
            escape_into(&lb.text, &mut out);
            out.push_str("</text>\n");
            if mk.status == Status::Cancelled {
                // Struck through by hand: renderers disagree on where text-decoration goes.
                let x0 = if lb.anchor == TextAnchor::End { lb.x - lb.width } else { lb.x };
                let y = lb.y - sz.label * 0.32;
                let _ = writeln!(
                    out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"lxs\"/>",
                    N(x0),
                    N(y),
                    N(x0 + lb.width),
                    N(y)
                );
            }
        }
    }
    for lane in &l.lanes {
        for c in &lane.clusters {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" class=\"cl\"/>",
                N(c.x0),
                N(c.y),
                N(c.x1 - c.x0),
                N(c.height),
                N(c.height / 2.0)
            );
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"clt\">+{}</text>",
                N((c.x0 + c.x1) / 2.0),
                N(c.y + c.height / 2.0 + sz.cluster * 0.36),
                group_thousands(c.count)
            );
        }
    }
    out.push_str("</g>\n");

    // Density bands: one stacked step path per kind.
    for lane in &l.lanes {
        let Some(d) = &lane.density else { continue };
        out.push_str("<g class=\"density\" shape-rendering=\"crispEdges\">\n");
        let mut cum: Vec<[f32; 4]> = Vec::with_capacity(d.bins.len());
        for b in &d.bins {
            let mut c = [0f32; 4];
            let mut acc = 0.0;
            for k in 0..4 {
                acc += b[k];
                c[k] = acc;
            }
            cum.push(c);
        }
        for k in (0..4).rev() {
            if d.bins.iter().all(|b| b[k] <= 0.0) {
                continue;
            }
            let h = |v: f32| if v <= 1e-6 { 0.0 } else { (v / d.max * d.max_height).max(1.0) };
            let _ = write!(
                out,
                "<path class=\"d-{}\" d=\"M{} {}",
                kind_slug(EventKind::ALL[k]),
                N(d.x0),
                N(d.base_y)
            );
            let mut last = f32::NAN;
            for (i, c) in cum.iter().enumerate() {
                let y = ((d.base_y - h(c[k])) * 10.0).round() / 10.0;
                if (y - last).abs() >= 0.05 || last.is_nan() {
                    if i > 0 {
                        let _ = write!(out, "H{}", N(d.x0 + i as f32 * d.bin_px));
                    }
                    let _ = write!(out, "V{}", N(y));
                    last = y;
                }
            }
            let _ = writeln!(out, "H{}V{}Z\"/>", N(d.x0 + cum.len() as f32 * d.bin_px), N(d.base_y));
        }
        for c in &d.counts {
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"dc\">{}</text>",
                N(c.x),
                N(c.y),
                group_thousands(c.count)
            );
        }
        out.push_str("</g>\n");
    }

    // Header: title, subtitle, legend.
    out.push_str("<g id=\"header\">\n");
    if let Some(b) = &l.title {
        text(&mut out, b, None);
    }
    if let Some(b) = &l.subtitle {
        text(&mut out, b, Some("mu"));
    }
    for e in &l.legend {
        let (x, y) = (e.x, e.y);
        match e.swatch {
            LegendSwatch::Kind(k) => {
                mark(&mut out, Shape::Point, Some(k), Status::Occurred, x - 5.0, x + 5.0, y)
            }
            LegendSwatch::Status(s) => mark(&mut out, Shape::Point, None, s, x - 5.0, x + 5.0, y),
            LegendSwatch::Shape(Shape::Point) => {
                mark(&mut out, Shape::Point, None, Status::Occurred, x - 5.0, x + 5.0, y)
            }
            LegendSwatch::Shape(s) => mark(&mut out, s, None, Status::Occurred, x - 9.0, x + 9.0, y),
            LegendSwatch::Cluster => {
                let h = sz.cluster_height;
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" class=\"cl\"/>",
                    N(x - 11.0),
                    N(y - h / 2.0),
                    N(22.0),
                    N(h),
                    N(h / 2.0)
                );
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"clt\">+n</text>",
                    N(x),
                    N(y + sz.cluster * 0.36)
                );
            }
            LegendSwatch::Density => {
                let _ = writeln!(
                    out,
                    "<path class=\"d-n\" d=\"M{} {}V{}H{}V{}H{}V{}H{}V{}Z\"/>",
                    N(x - 9.0),
                    N(y + 6.0),
                    N(y),
                    N(x - 3.0),
                    N(y - 6.0),
                    N(x + 3.0),
                    N(y - 2.0),
                    N(x + 9.0),
                    N(y + 6.0)
                );
            }
        }
        text(&mut out, &e.text, None);
    }
    out.push_str("</g>\n");

    // Footer.
    if let Some(b) = &l.source_line {
        text(&mut out, b, Some("mu"));
    }
    text(&mut out, &l.window_note, Some("fa"));
    out.push_str("</svg>\n");
    out
}
