//! The countries of Natural Earth's 1:110m map, from the TopoJSON file of the npm package
//! world-atlas (2.0.2, `countries-110m.json`) that the UI's map draws: `data/countries-110m.json`
//! is a byte-for-byte copy of it (the UI's `atlas.test.ts` compares the two), compiled in, so
//! nothing is read or fetched at run time.

use std::sync::OnceLock;

use serde::Deserialize;

use super::LonLat;

/// The TopoJSON file, compiled in.
pub(crate) const COUNTRIES_110M: &str = include_str!("../../data/countries-110m.json");

/// One country: its ISO 3166-1 numeric code as world-atlas spells it ("840"), or none (a few
/// shapes have none, e.g. Kosovo), its name, and its polygons, each a list of closed rings
/// (the first the outer one) in longitude, latitude degrees.
#[derive(Debug, Clone)]
pub(crate) struct Country {
    pub id: Option<String>,
    pub name: String,
    pub polygons: Vec<Vec<Vec<LonLat>>>,
}

#[derive(Deserialize)]
struct Topology {
    transform: Transform,
    arcs: Vec<Vec<[i64; 2]>>,
    objects: Objects,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Objects {
    countries: Collection,
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon { arcs: Vec<Vec<i64>>, id: Option<String>, properties: Properties },
    MultiPolygon { arcs: Vec<Vec<Vec<i64>>>, id: Option<String>, properties: Properties },
}

#[derive(Deserialize)]
struct Properties {
    name: String,
}

/// The arcs decoded: delta-encoded quantised positions → degrees.
fn decode_arcs(t: &Topology) -> Vec<Vec<LonLat>> {
    let [sx, sy] = t.transform.scale;
    let [tx, ty] = t.transform.translate;
    t.arcs
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0i64, 0i64);
            arc.iter()
                .map(|&[dx, dy]| {
                    x += dx;
                    y += dy;
                    [x as f64 * sx + tx, y as f64 * sy + ty]
                })
                .collect()
        })
        .collect()
}

/// A ring from its arc indices: a negative index `!i` is arc `i` reversed; each arc after the
/// first starts where the one before ended, so its first point is dropped.
fn ring(arcs: &[Vec<LonLat>], indices: &[i64]) -> Vec<LonLat> {
    let mut out: Vec<LonLat> = Vec::new();
    for &i in indices {
        let (arc, reversed) = if i >= 0 { (i as usize, false) } else { (!i as usize, true) };
        let Some(points) = arcs.get(arc) else { continue };
        let mut pts: Vec<LonLat> = points.clone();
        if reversed {
            pts.reverse();
        }
        let skip = usize::from(!out.is_empty());
        out.extend(pts.into_iter().skip(skip));
    }
    out
}

fn parse(json: &str) -> Vec<Country> {
    // The file is part of the crate and checked by a test: a parse failure is a build defect.
    let t: Topology = serde_json::from_str(json).expect("countries-110m.json is TopoJSON");
    let arcs = decode_arcs(&t);
    t.objects
        .countries
        .geometries
        .into_iter()
        .map(|g| match g {
            Geometry::Polygon { arcs: rings, id, properties } => Country {
                id,
                name: properties.name,
                polygons: vec![rings.iter().map(|r| ring(&arcs, r)).collect()],
            },
            Geometry::MultiPolygon { arcs: polys, id, properties } => Country {
                id,
                name: properties.name,
                polygons: polys.iter().map(|p| p.iter().map(|r| ring(&arcs, r)).collect()).collect(),
            },
        })
        .collect()
}

/// Every country of the map, in the file's order (the UI draws them in the same order).
pub(crate) fn countries() -> &'static [Country] {
    static COUNTRIES: OnceLock<Vec<Country>> = OnceLock::new();
    COUNTRIES.get_or_init(|| parse(COUNTRIES_110M))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_atlas_decodes_to_closed_rings_in_range() {
        let all = countries();
        assert_eq!(all.len(), 177);
        let usa = all.iter().find(|c| c.id.as_deref() == Some("840")).expect("the United States");
        assert_eq!(usa.name, "United States of America");
        assert!(usa.polygons.len() >= 2, "the lower 48 and Alaska at least");
        for c in all {
            for poly in &c.polygons {
                for r in poly {
                    assert!(r.len() >= 4, "{}: a ring of {} points", c.name, r.len());
                    assert_eq!(r.first(), r.last(), "{}: ring not closed", c.name);
                    for p in r {
                        assert!((-180.0..=180.0).contains(&p[0]) && (-90.0..=90.0).contains(&p[1]), "{p:?}");
                    }
                }
            }
        }
        // Paris is inside France's outer rings' bounding box, Canberra inside Australia's.
        let inside = |id: &str, [lon, lat]: LonLat| {
            let c = all.iter().find(|c| c.id.as_deref() == Some(id)).expect("country");
            c.polygons.iter().any(|p| {
                let r = &p[0];
                let (x0, x1) = r.iter().fold((f64::MAX, f64::MIN), |(a, b), q| (a.min(q[0]), b.max(q[0])));
                let (y0, y1) = r.iter().fold((f64::MAX, f64::MIN), |(a, b), q| (a.min(q[1]), b.max(q[1])));
                (x0..=x1).contains(&lon) && (y0..=y1).contains(&lat)
            })
        };
        assert!(inside("250", [2.35, 48.86]));
        assert!(inside("036", [149.13, -35.28]));
    }
}
