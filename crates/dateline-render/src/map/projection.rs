//! The projection the UI's map uses, as d3-geo draws it: `geoNaturalEarth1`, fitted to the
//! map's box as `fitExtent` fits the sphere, edges drawn as great circles (d3 resamples them),
//! and lines and shapes cut at the antimeridian (d3's `clipAntimeridian`), so a shape that crosses
//! it (Fiji, Russia's far east) or holds a pole (Antarctica) is closed along the world's edge.
//! `tests/map-cases.json` holds points d3 projected; this module and the UI test against it.

use std::f64::consts::{FRAC_PI_2, PI};

use super::{LonLat, MapViewport};

/// Great-circle edges are drawn through a point at least every this many degrees.
const STEP_DEG: f64 = 1.0;

/// d3-geo's `geoNaturalEarth1Raw`: radians → unit coordinates, y up.
pub(crate) fn natural_earth1_raw(lambda: f64, phi: f64) -> (f64, f64) {
    let phi2 = phi * phi;
    let phi4 = phi2 * phi2;
    (
        lambda * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
        phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))),
    )
}

/// Half the sphere's width and height in unit coordinates (the raw projection at (π, 0) and
/// (0, π/2)).
pub(crate) fn sphere_half_extent() -> (f64, f64) {
    (natural_earth1_raw(PI, 0.0).0, natural_earth1_raw(0.0, FRAC_PI_2).1)
}

/// A fitted projection: `x = tx + scale·rx`, `y = ty − scale·ry`, as d3's `scale` and `translate`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Projection {
    pub scale: f64,
    pub tx: f64,
    pub ty: f64,
}

impl Projection {
    /// d3's `fitExtent([[x0, y0], [x1, y1]], {type: 'Sphere'})`: the whole world, as large as
    /// fits, centred.
    pub fn fit_sphere(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        let (hx, hy) = sphere_half_extent();
        let scale = ((x1 - x0) / (2.0 * hx)).min((y1 - y0) / (2.0 * hy));
        Self { scale, tx: (x0 + x1) / 2.0, ty: (y0 + y1) / 2.0 }
    }

    /// The view of the screen's map in a box of this size at (`x0`, `y0`): its centre in unit
    /// coordinates at the box's centre, its scale as a fraction of the box's width.
    pub fn viewport(v: &MapViewport, x0: f64, y0: f64, w: f64, h: f64) -> Self {
        let scale = v.scale * w;
        Self { scale, tx: x0 + w / 2.0 - scale * v.centre[0], ty: y0 + h / 2.0 + scale * v.centre[1] }
    }

    pub fn point(&self, [lon, lat]: LonLat) -> [f64; 2] {
        let (rx, ry) = natural_earth1_raw(lon.to_radians(), lat.to_radians());
        [self.tx + self.scale * rx, self.ty - self.scale * ry]
    }
}

fn to_vec([lon, lat]: LonLat) -> [f64; 3] {
    let (l, p) = (lon.to_radians(), lat.to_radians());
    [p.cos() * l.cos(), p.cos() * l.sin(), p.sin()]
}

fn from_vec([x, y, z]: [f64; 3]) -> LonLat {
    [y.atan2(x).to_degrees(), z.atan2(x.hypot(y)).to_degrees()]
}

/// Points every [`STEP_DEG`] along the great circle from `a` to `b`, without `a`, with `b`.
fn great_circle(a: LonLat, b: LonLat, out: &mut Vec<LonLat>) {
    let (u, v) = (to_vec(a), to_vec(b));
    let dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    let cross = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
    let delta = (cross[0].hypot(cross[1]).hypot(cross[2])).atan2(dot);
    let n = (delta.to_degrees() / STEP_DEG).ceil() as usize;
    // Antipodes (or one point) have no single great circle: a straight step, as d3 takes.
    if n > 1 && delta < PI - 1e-9 {
        let s = delta.sin();
        for i in 1..n {
            let t = i as f64 / n as f64;
            let (ka, kb) = (((1.0 - t) * delta).sin() / s, (t * delta).sin() / s);
            out.push(from_vec([ka * u[0] + kb * v[0], ka * u[1] + kb * v[1], ka * u[2] + kb * v[2]]));
        }
    }
    out.push(b);
}

/// `points` with great-circle points between each two.
fn densified(points: &[LonLat]) -> Vec<LonLat> {
    let mut out = Vec::with_capacity(points.len() * 2);
    let Some(&first) = points.first() else { return out };
    out.push(first);
    for w in points.windows(2) {
        great_circle(w[0], w[1], &mut out);
    }
    out
}

/// Cuts a polyline where a step crosses the antimeridian (its longitudes more than 180° apart):
/// the piece before ends on the edge it reached, the next starts on the other edge, at the
/// latitude where the step crosses.
fn cut(points: &[LonLat]) -> Vec<Vec<LonLat>> {
    let mut pieces = Vec::new();
    let mut cur: Vec<LonLat> = Vec::new();
    for (i, &q) in points.iter().enumerate() {
        if i > 0 {
            let p = points[i - 1];
            if (q[0] - p[0]).abs() > 180.0 {
                let edge = if p[0] < 0.0 { -180.0 } else { 180.0 };
                let q_lon = if p[0] < 0.0 { q[0] - 360.0 } else { q[0] + 360.0 };
                let t = if q_lon == p[0] { 0.0 } else { (edge - p[0]) / (q_lon - p[0]) };
                let lat = p[1] + t * (q[1] - p[1]);
                cur.push([edge, lat]);
                pieces.push(std::mem::take(&mut cur));
                cur.push([-edge, lat]);
            }
        }
        cur.push(q);
    }
    pieces.push(cur);
    pieces
}

/// A line (a visit's arc) along its great circle, in pieces cut at the antimeridian.
pub(crate) fn line(a: LonLat, b: LonLat) -> Vec<Vec<LonLat>> {
    cut(&densified(&[a, b])).into_iter().filter(|p| p.len() >= 2 && p.first() != p.last()).collect()
}

/// Points along the meridian `lon` from latitude `from` to `to`, without the first, with the last.
fn meridian(lon: f64, from: f64, to: f64, out: &mut Vec<LonLat>) {
    let n = ((to - from).abs() / STEP_DEG).ceil().max(1.0) as usize;
    for i in 1..=n {
        out.push([lon, from + (to - from) * i as f64 / n as f64]);
    }
}

/// A closed ring drawn as d3 clips it: whole when it crosses no antimeridian; else each piece
/// between two crossings closed along the world's edge (down and across a pole when the piece
/// ends on the other edge, as a ring around a pole does).
pub(crate) fn ring(points: &[LonLat]) -> Vec<Vec<LonLat>> {
    let dense = densified(points);
    let mut pieces = cut(&dense);
    if pieces.len() == 1 {
        return pieces;
    }
    // The ring is closed: its last piece runs on into its first.
    let first = pieces.remove(0);
    if let Some(last) = pieces.last_mut() {
        last.extend(first.into_iter().skip(1));
    }
    pieces
        .into_iter()
        .filter(|p| p.iter().any(|q| q[0].abs() < 180.0))
        .map(|mut p| {
            let (s, e) = (p[0], p[p.len() - 1]);
            if (s[0] < 0.0) == (e[0] < 0.0) {
                meridian(e[0], e[1], s[1], &mut p);
            } else {
                let pole = if s[1] + e[1] < 0.0 { -90.0 } else { 90.0 };
                meridian(e[0], e[1], pole, &mut p);
                p.push([s[0], pole]);
                meridian(s[0], pole, s[1], &mut p);
            }
            p
        })
        .collect()
}

/// The sphere's outline: the west edge up, the east edge down.
pub(crate) fn sphere() -> Vec<LonLat> {
    let mut out = vec![[-180.0, -90.0]];
    meridian(-180.0, -90.0, 90.0, &mut out);
    out.push([180.0, 90.0]);
    meridian(180.0, 90.0, -90.0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Cases {
        padding: f64,
        views: Vec<ViewCase>,
        fits: Vec<FitCase>,
    }

    #[derive(serde::Deserialize)]
    struct ViewCase {
        image: [f64; 2],
        view: MapViewport,
        points: Vec<[f64; 4]>,
    }

    #[derive(serde::Deserialize)]
    struct FitCase {
        #[serde(rename = "box")]
        bx: [f64; 4],
        points: Vec<[f64; 4]>,
    }

    /// The points d3-geo projected (tests/map-cases.json, which the UI checks against d3 too):
    /// the screen's zoomed pane, scaled to an image of its aspect, and whole-world fits.
    #[test]
    fn points_land_where_d3_puts_them() {
        let cases: Cases = serde_json::from_str(include_str!("../../tests/map-cases.json")).expect("cases");
        assert_eq!(
            cases.padding,
            crate::theme::theme().map.padding,
            "the cases were made with theme.json's padding"
        );
        let near = |p: [f64; 2], want: [f64; 4], what: &str| {
            let d = (p[0] - want[2]).hypot(p[1] - want[3]);
            assert!(
                d < 1e-6,
                "{what}: ({}, {}) drawn at {p:?}, d3 at ({}, {})",
                want[0],
                want[1],
                want[2],
                want[3]
            );
        };
        for c in &cases.views {
            let proj = Projection::viewport(&c.view, 0.0, 0.0, c.image[0], c.image[1]);
            for &w in &c.points {
                near(proj.point([w[0], w[1]]), w, "view");
            }
        }
        for c in &cases.fits {
            let [x0, y0, w, h] = c.bx;
            let pad = cases.padding;
            let proj = Projection::fit_sphere(x0 + pad, y0 + pad, x0 + w - pad, y0 + h - pad);
            for &w in &c.points {
                near(proj.point([w[0], w[1]]), w, "fit");
            }
        }
        assert!(cases.views.len() >= 4 && cases.fits.len() >= 2);
    }

    #[test]
    fn the_fit_centres_the_sphere_and_touches_the_narrower_sides() {
        let p = Projection::fit_sphere(6.0, 6.0, 994.0, 994.0);
        let [x0, y] = p.point([-180.0, 0.0]);
        let [x1, _] = p.point([180.0, 0.0]);
        assert!((x0 - 6.0).abs() < 1e-9 && (x1 - 994.0).abs() < 1e-9, "{x0} {x1}");
        assert!((y - 500.0).abs() < 1e-9);
        let [_, top] = p.point([0.0, 90.0]);
        assert!(top > 6.0, "a square box is limited by its width");
    }

    #[test]
    fn a_line_across_the_pacific_is_cut_at_the_antimeridian() {
        let pieces = line([-77.0, 38.9], [139.7, 35.7]);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        assert_eq!(pieces[0].last().map(|p| p[0]), Some(-180.0));
        assert_eq!(pieces[1].first().map(|p| p[0]), Some(180.0));
        // The great circle from Washington to Tokyo goes north of both.
        assert!(pieces.iter().flatten().any(|p| p[1] > 60.0));
        // Paris to Berlin crosses nothing and stays one piece.
        assert_eq!(line([2.35, 48.86], [13.4, 52.52]).len(), 1);
    }

    #[test]
    fn a_ring_around_a_pole_is_closed_through_it() {
        // A band around the south pole, as Antarctica's ring runs: west edge to east edge.
        let ring_pts: Vec<LonLat> = vec![
            [-180.0, -80.0],
            [-90.0, -70.0],
            [0.0, -70.0],
            [90.0, -70.0],
            [180.0, -80.0],
            [-180.0, -80.0],
        ];
        let pieces = ring(&ring_pts);
        assert_eq!(pieces.len(), 1);
        assert!(pieces[0].iter().any(|p| p[1] == -90.0), "closed through the pole");
        // A ring across the antimeridian (as Fiji's) becomes one ring on each side.
        let fiji: Vec<LonLat> =
            vec![[179.0, -16.0], [-179.0, -16.0], [-179.0, -17.0], [179.0, -17.0], [179.0, -16.0]];
        let pieces = ring(&fiji);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        for p in &pieces {
            let east = p.iter().filter(|q| q[0] > 0.0).count();
            assert!(east == 0 || east == p.len(), "each piece on one side: {p:?}");
        }
    }
}
