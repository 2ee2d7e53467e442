//! The map's SVG: title, the map in its box (the sphere, the countries shaded, arcs, spots, as
//! the UI's `MapView.svelte` draws them), a legend, the source line.

use std::fmt::{self, Write};

use dateline_model::EventKind;

use super::projection::{self, Projection, sphere_half_extent};
use super::{LonLat, MapOptions, MapPicture, atlas, shade};
use crate::text::{ellipsize, text_width};
use crate::theme::theme;
use crate::xml::escape_into;

/// A coordinate with at most one decimal.
struct N(f64);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = (self.0 * 10.0).round() / 10.0;
        let v = if v == 0.0 { 0.0 } else { v };
        if v.fract() == 0.0 { write!(f, "{}", v as i64) } else { write!(f, "{v:.1}") }
    }
}

/// `a` mixed into `b` by `t` (0..1) in sRGB, each channel rounded: CSS `color-mix(in srgb, a
/// t, b)` and the UI's `mixHex`.
pub(crate) fn mix(a: &str, b: &str, t: f64) -> String {
    let ch = |hex: &str, i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    let mut out = String::from("#");
    for i in [1, 3, 5] {
        let v = (f64::from(ch(a, i)) * t + f64::from(ch(b, i)) * (1.0 - t)).round() as u8;
        let _ = write!(out, "{v:02x}");
    }
    out
}

fn path_of(rings: &[Vec<LonLat>], p: &Projection, closed: bool, out: &mut String) {
    for r in rings {
        for (i, q) in r.iter().enumerate() {
            let [x, y] = p.point(*q);
            let _ = write!(out, "{}{},{}", if i == 0 { 'M' } else { 'L' }, N(x), N(y));
        }
        if closed {
            out.push('Z');
        }
    }
}

fn text(out: &mut String, x: f64, y: f64, size: f32, bold: bool, class: Option<&str>, s: &str) {
    let _ = write!(out, "<text x=\"{}\" y=\"{}\" font-size=\"{}\"", N(x), N(y), N(f64::from(size)));
    if bold {
        out.push_str(" font-weight=\"700\"");
    }
    if let Some(c) = class {
        let _ = write!(out, " class=\"{c}\"");
    }
    out.push('>');
    escape_into(s, out);
    out.push_str("</text>\n");
}

pub(crate) fn paint(picture: &MapPicture, opts: &MapOptions) -> String {
    let t = theme();
    let p = t.palette(opts.theme);
    let sz = &t.sizes;
    let ms = &t.map;
    let width = f64::from(opts.width);
    let m = f64::from(sz.margin);
    let inner = width - 2.0 * m;
    let mut body = String::with_capacity(256 * 1024);

    // Title and subtitle, as the timeline's header sets them.
    let mut y = m;
    let title = opts.title.as_deref().filter(|s| !s.trim().is_empty());
    let subtitle = opts.subtitle.as_deref().filter(|s| !s.trim().is_empty());
    if let Some(s) = title {
        text(
            &mut body,
            m,
            y + f64::from(sz.title) * 0.82,
            sz.title,
            true,
            None,
            &ellipsize(s, sz.title, true, inner as f32),
        );
        y += f64::from(sz.title) * 1.3;
    }
    if let Some(s) = subtitle {
        let s = ellipsize(s, sz.subtitle, false, inner as f32);
        text(&mut body, m, y + f64::from(sz.subtitle) * 0.82, sz.subtitle, false, Some("mu"), &s);
        y += f64::from(sz.subtitle) * 1.5;
    }
    if title.is_some() || subtitle.is_some() {
        y += 8.0;
    }

    // The map's box and projection: the screen's view, else the whole world fitted as the
    // pane fits it (its padding inside the box).
    let pad = ms.padding;
    let (hx, hy) = sphere_half_extent();
    let box_h =
        opts.map_height.map_or_else(|| ((inner - 2.0 * pad) * hy / hx + 2.0 * pad).round(), f64::from);
    let (x0, y0) = (m, y);
    let proj = match &opts.view {
        Some(v) => Projection::viewport(v, x0, y0, inner, box_h),
        None => Projection::fit_sphere(x0 + pad, y0 + pad, x0 + inner - pad, y0 + box_h - pad),
    };
    let max = picture.countries.iter().map(|c| c.events).max().unwrap_or(0);
    let events_in = |id: &str| picture.countries.iter().filter(|c| c.id == id).map(|c| c.events).sum::<u32>();

    let _ = writeln!(
        body,
        "<clipPath id=\"map-clip\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
        N(x0),
        N(y0),
        N(inner),
        N(box_h)
    );
    let _ = writeln!(body, "<g id=\"map\" clip-path=\"url(#map-clip)\">");
    let mut d = String::new();
    path_of(&[projection::sphere()], &proj, true, &mut d);
    let _ = writeln!(body, "<path id=\"sphere\" class=\"sea\" d=\"{d}\"/>");
    body.push_str("<g id=\"countries\">\n");
    for c in atlas::countries() {
        let n = c.id.as_deref().map_or(0, events_in);
        let mut d = String::new();
        for poly in &c.polygons {
            for r in poly {
                path_of(&projection::ring(r), &proj, true, &mut d);
            }
        }
        let _ = write!(body, "<path class=\"land s{}\"", shade(n, max));
        if let Some(id) = &c.id {
            let _ = write!(body, " data-country=\"{id}\" data-events=\"{n}\"");
        }
        // Its name and count as the screen's tooltip says them.
        let _ = write!(body, " d=\"{d}\"><title>");
        escape_into(&c.name, &mut body);
        let _ = writeln!(body, ": {n} event{}</title></path>", if n == 1 { "" } else { "s" });
    }
    body.push_str("</g>\n<g id=\"arcs\">\n");
    for a in &picture.arcs {
        let mut d = String::new();
        path_of(&projection::line(a.from, a.to), &proj, false, &mut d);
        let _ = writeln!(body, "<path class=\"arc\" d=\"{d}\"/>");
    }
    body.push_str("</g>\n<g id=\"spots\">\n");
    for s in &picture.spots {
        let [x, yy] = proj.point(s.at);
        let r = ms.spot_radius + ms.spot_growth * f64::from(s.events).sqrt();
        let kind = s.kinds.first().copied().unwrap_or(EventKind::Meeting);
        let _ = write!(
            body,
            "<circle class=\"spot k-{}\" cx=\"{}\" cy=\"{}\" r=\"{}\" data-events=\"{}\" data-place=\"",
            kind.as_str(),
            N(x),
            N(yy),
            N(r),
            s.events
        );
        escape_into(&s.place, &mut body);
        body.push_str("\"/>\n");
    }
    body.push_str("</g>\n</g>\n");
    y = y0 + box_h;

    // The legend: the kinds of the spots, visits' arcs, and the shading's steps.
    if opts.legend {
        y += 12.0;
        let row_h = f64::from(sz.legend) * 1.9;
        let cy = y + row_h / 2.0;
        let ty = cy + f64::from(sz.legend) * 0.36;
        let mut x = m;
        body.push_str("<g id=\"legend\">\n");
        for k in EventKind::ALL {
            if !picture.spots.iter().any(|s| s.kinds.first() == Some(&k)) {
                continue;
            }
            let label = &t.kinds.get(k).label;
            let _ = writeln!(
                body,
                "<circle class=\"spot k-{}\" cx=\"{}\" cy=\"{}\" r=\"5\"/>",
                k.as_str(),
                N(x + 5.0),
                N(cy)
            );
            text(&mut body, x + 14.0, ty, sz.legend, false, None, label);
            x += 14.0 + f64::from(text_width(label, sz.legend, false)) + 16.0;
        }
        if !picture.arcs.is_empty() {
            let label = "Visit from the traveller's country";
            let _ =
                writeln!(body, "<path class=\"arc\" d=\"M{},{}L{},{}\"/>", N(x), N(cy), N(x + 18.0), N(cy));
            text(&mut body, x + 24.0, ty, sz.legend, false, None, label);
            x += 24.0 + f64::from(text_width(label, sz.legend, false)) + 16.0;
        }
        if max > 0 {
            let label = "Events per country";
            text(&mut body, x, ty, sz.legend, false, Some("mu"), label);
            x += f64::from(text_width(label, sz.legend, false)) + 6.0;
            text(&mut body, x, ty, sz.legend, false, Some("mu"), "1");
            x += f64::from(text_width("1", sz.legend, false)) + 4.0;
            for s in 1..=5 {
                let _ = writeln!(
                    body,
                    "<rect class=\"land s{s}\" x=\"{}\" y=\"{}\" width=\"16\" height=\"10\"/>",
                    N(x),
                    N(cy - 5.0)
                );
                x += 18.0;
            }
            text(&mut body, x + 2.0, ty, sz.legend, false, Some("mu"), &max.to_string());
        }
        body.push_str("</g>\n");
        y += row_h;
    }
    if let Some(s) = opts.source_line.as_deref().filter(|s| !s.trim().is_empty()) {
        y += 8.0;
        let s = ellipsize(s, sz.source_line, false, inner as f32);
        text(&mut body, m, y + f64::from(sz.source_line) * 0.82, sz.source_line, false, Some("fa"), &s);
        y += f64::from(sz.source_line) * 1.3;
    }
    let height = (y + m).round();

    let mut out = String::with_capacity(body.len() + 4096);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">",
        w = N(width),
        h = N(height)
    );
    let pm = &p.map;
    let _ = write!(
        out,
        "<style>\ntext{{font-family:{stack};fill:{text}}}\n.mu{{fill:{muted}}}\n.fa{{fill:{faint}}}\n\
         .sea{{fill:{sea};stroke:{sea_edge};stroke-width:{sw}}}\n\
         .land{{fill:{land};stroke:{land_edge};stroke-width:{lw};stroke-linejoin:round}}\n\
         .arc{{fill:none;stroke:{visit};stroke-opacity:{ao};stroke-width:{aw}}}\n\
         .spot{{stroke:{bg};stroke-width:{pw};fill-opacity:{po}}}\n",
        stack = t.fonts.stack,
        text = p.text,
        muted = p.muted,
        faint = p.faint,
        sea = pm.sea,
        sea_edge = pm.sea_edge,
        sw = ms.sea_stroke,
        land = pm.land,
        land_edge = pm.land_edge,
        lw = ms.land_stroke,
        visit = p.kinds.visit,
        ao = ms.arc_opacity,
        aw = ms.arc_width,
        bg = p.background,
        pw = ms.spot_stroke,
        po = ms.spot_opacity,
    );
    for (i, f) in ms.shades.iter().enumerate() {
        let _ = writeln!(out, ".land.s{}{{fill:{}}}", i + 1, mix(&pm.shade, &pm.land, *f));
    }
    for k in EventKind::ALL {
        let _ = writeln!(out, ".k-{}{{fill:{}}}", k.as_str(), p.kinds.get(k));
    }
    out.push_str("</style>\n");
    let _ = writeln!(
        out,
        "<rect width=\"{}\" height=\"{}\" fill=\"{}\" shape-rendering=\"crispEdges\"/>",
        N(width),
        N(height),
        p.background
    );
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixing_is_the_uis() {
        // mixHex('#2f5bd3', '#ffffff', 0.15) in the UI's theme.ts.
        assert_eq!(mix("#2f5bd3", "#ffffff", 0.15), "#e0e6f8");
        assert_eq!(mix("#000000", "#ffffff", 1.0), "#000000");
        assert_eq!(mix("#000000", "#ffffff", 0.0), "#ffffff");
    }
}
