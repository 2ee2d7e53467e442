//! The map image's pixels: countries shaded in theme.json's steps, spots in their kind's colour,
//! sea and background where they belong, the screen's view when one is given.

use dateline_model::EventKind;

use super::paint::mix;
use super::projection::{Projection, natural_earth1_raw};
use super::*;
use crate::theme::theme;

fn picture() -> MapPicture {
    MapPicture {
        countries: vec![
            CountryCount { id: "840".into(), events: 10 },
            CountryCount { id: "250".into(), events: 3 },
            CountryCount { id: "392".into(), events: 1 },
        ],
        arcs: vec![
            MapArc { from: [-77.04, 38.9], to: [2.35, 48.86] },
            MapArc { from: [-77.04, 38.9], to: [139.69, 35.69] },
        ],
        spots: vec![
            MapSpot {
                at: [2.35, 48.86],
                kinds: vec![EventKind::Meeting, EventKind::Visit],
                events: 4,
                place: "Paris".into(),
            },
            MapSpot { at: [139.69, 35.69], kinds: vec![EventKind::Visit], events: 1, place: "Tokyo".into() },
        ],
    }
}

fn hex(c: &str) -> [u8; 3] {
    let ch = |i: usize| u8::from_str_radix(&c[i..i + 2], 16).expect("hex");
    [ch(1), ch(3), ch(5)]
}

/// `a` at `alpha` over `b`.
fn over(a: [u8; 3], alpha: f64, b: [u8; 3]) -> [u8; 3] {
    [0, 1, 2].map(|i| (f64::from(a[i]) * alpha + f64::from(b[i]) * (1.0 - alpha)).round() as u8)
}

/// The map's box as the SVG's clip path says, and the projection paint uses for it.
fn frame(svg: &str, view: Option<MapViewport>) -> ([f64; 4], Projection) {
    let clip = svg.split("<clipPath id=\"map-clip\"><rect ").nth(1).expect("a clip path");
    let attr = |name: &str| -> f64 {
        let v =
            clip.split(&format!("{name}=\"")).nth(1).and_then(|s| s.split('"').next()).expect("attribute");
        v.parse().expect("a number")
    };
    let [x, y, w, h] = [attr("x"), attr("y"), attr("width"), attr("height")];
    let pad = theme().map.padding;
    let proj = match view {
        Some(v) => Projection::viewport(&v, x, y, w, h),
        None => Projection::fit_sphere(x + pad, y + pad, x + w - pad, y + h - pad),
    };
    ([x, y, w, h], proj)
}

fn pixel(pm: &tiny_skia::Pixmap, scale: f32, [x, y]: [f64; 2]) -> [u8; 3] {
    let s = f64::from(scale);
    let p = pm.pixel((x * s) as u32, (y * s) as u32).expect("inside the image");
    [p.red(), p.green(), p.blue()]
}

fn close(got: [u8; 3], want: [u8; 3], what: &str) {
    let d = (0..3).map(|i| got[i].abs_diff(want[i])).max().unwrap_or(0);
    assert!(d <= 3, "{what}: {got:?}, want {want:?}");
}

#[test]
fn countries_sea_and_spots_have_the_themes_colours() {
    for name in [ThemeName::Light, ThemeName::Dark] {
        let opts = MapOptions {
            width: 1000,
            scale: 2.0,
            title: Some("Map".into()),
            theme: name,
            ..MapOptions::default()
        };
        let svg = render_map_svg(&picture(), &opts).expect("svg");
        let pm = raster::pixmap(&svg, opts.scale).expect("pixels");
        assert_eq!(pm.width(), 2000);
        let ([x0, y0, ..], proj) = frame(&svg, None);
        let t = theme();
        let p = t.palette(name);
        let shade_of = |n: usize| hex(&mix(&p.map.shade, &p.map.land, t.map.shades[n - 1]));
        // Kansas: the United States, the most events, the darkest shade.
        close(pixel(&pm, opts.scale, proj.point([-98.0, 39.0])), shade_of(5), "the United States");
        // South-west France (clear of the Paris spot), 3 of 10: ⌈5·√0.3⌉ = 3.
        close(pixel(&pm, opts.scale, proj.point([1.0, 45.0])), shade_of(3), "France");
        // Brazil has no event: plain land. The mid-Pacific: sea.
        close(pixel(&pm, opts.scale, proj.point([-52.0, -10.0])), hex(&p.map.land), "Brazil");
        close(pixel(&pm, opts.scale, proj.point([-150.0, 0.0])), hex(&p.map.sea), "the Pacific");
        // Outside the sphere, inside the box: the background.
        close(pixel(&pm, opts.scale, [x0 + 3.0, y0 + 3.0]), hex(&p.background), "the box's corner");
        // Paris: a meeting spot (its first kind) over France's shade, below and right of its
        // centre (where the arc from the west ends).
        let want = over(hex(p.kinds.get(EventKind::Meeting)), t.map.spot_opacity, shade_of(3));
        let [px, py] = proj.point([2.35, 48.86]);
        close(pixel(&pm, opts.scale, [px + 2.5, py + 3.0]), want, "the Paris spot");
        // The arc to Paris, half way along its great circle (over the Atlantic): the visit colour.
        let mid = super::projection::line([-77.04, 38.9], [2.35, 48.86]).remove(0);
        let at = proj.point(mid[mid.len() / 2]);
        let want = over(hex(&p.kinds.visit), t.map.arc_opacity, hex(&p.map.sea));
        let s = f64::from(opts.scale);
        let best = (-2..=2)
            .flat_map(|dy| (-2..=2).map(move |dx| [at[0] + f64::from(dx) / s, at[1] + f64::from(dy) / s]))
            .map(|q| {
                let got = pixel(&pm, opts.scale, q);
                (0..3).map(|i| got[i].abs_diff(want[i])).max().unwrap_or(0)
            })
            .min()
            .unwrap_or(255);
        assert!(best <= 24, "no arc pixel near {at:?} ({best})");
    }
}

#[test]
fn the_screens_view_is_drawn_around_its_centre() {
    // The screen zoomed on Paris: Paris at the box's centre, the spot's colour there, and Tokyo
    // far outside (its spot not drawn into the legend or title).
    let (rx, ry) = natural_earth1_raw(2.35f64.to_radians(), 48.86f64.to_radians());
    let view = MapViewport { centre: [rx, ry], scale: 2.0 };
    let opts = MapOptions { view: Some(view), map_height: Some(500), legend: false, ..MapOptions::default() };
    let svg = render_map_svg(&picture(), &opts).expect("svg");
    let pm = raster::pixmap(&svg, 1.0).expect("pixels");
    let ([x0, y0, w, h], proj) = frame(&svg, Some(view));
    assert_eq!(h, 500.0);
    let c = [x0 + w / 2.0, y0 + h / 2.0];
    let at = proj.point([2.35, 48.86]);
    assert!((at[0] - c[0]).abs() < 1e-6 && (at[1] - c[1]).abs() < 1e-6, "{at:?} vs {c:?}");
    let t = theme();
    let p = t.palette(ThemeName::Light);
    let france = hex(&mix(&p.map.shade, &p.map.land, t.map.shades[2]));
    let spot = over(hex(&p.kinds.meeting), t.map.spot_opacity, france);
    close(pixel(&pm, 1.0, [c[0] + 2.5, c[1] + 3.0]), spot, "Paris at the centre");
    let tokyo = proj.point([139.69, 35.69]);
    assert!(tokyo[0] > x0 + w, "Tokyo is off the view");
    // Nothing of the map spills out of its box: the margin below it is background.
    let below = pixel(&pm, 1.0, [c[0], y0 + h + 4.0]);
    close(below, hex(&p.background), "below the box");
}
