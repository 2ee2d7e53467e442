//! The map image: what the app's map pane shows, drawn from structured pieces, the countries
//! of Natural Earth's 1:110m map (the same world-atlas file the UI bundles, [`atlas`]), shaded by
//! their events, visits as great-circle arcs and places as spots, in the UI's projection
//! ([`projection`]: d3-geo's Natural Earth 1, fitted as the screen fits it) and the colours and
//! sizes of `theme.json`'s `map` entries. The caller says what to draw ([`MapPicture`]: the app
//! sends what its pane computed for the selection on screen); this module only draws it.

mod atlas;
mod paint;
mod projection;

use dateline_model::EventKind;
use serde::{Deserialize, Serialize};

use crate::{RenderError, ThemeName, raster};

/// Longitude, latitude in degrees (GeoJSON's order, as the UI's `LonLat`).
pub type LonLat = [f64; 2];

/// How many events took place in one country: its shape's id in world-atlas (ISO 3166-1
/// numeric, "840").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CountryCount {
    pub id: String,
    pub events: u32,
}

/// A visit, from its traveller's country to where it went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MapArc {
    #[cfg_attr(feature = "ts", ts(type = "[number, number]"))]
    pub from: LonLat,
    #[cfg_attr(feature = "ts", ts(type = "[number, number]"))]
    pub to: LonLat,
}

/// The events at one place, drawn as one spot coloured by the first kind among them, its radius
/// growing with their number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MapSpot {
    #[cfg_attr(feature = "ts", ts(type = "[number, number]"))]
    pub at: LonLat,
    pub kinds: Vec<EventKind>,
    pub events: u32,
    /// The place's name (the city, else the country).
    pub place: String,
}

/// What the map shows: countries shaded by events, arcs, spots (drawn in this order, the later
/// over the earlier).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MapPicture {
    pub countries: Vec<CountryCount>,
    pub arcs: Vec<MapArc>,
    pub spots: Vec<MapSpot>,
}

impl MapPicture {
    /// The events drawn: those of the spots (every placed event is at one).
    pub fn events(&self) -> u64 {
        self.spots.iter().map(|s| u64::from(s.events)).sum()
    }
}

/// Part of the world, as the screen's zoom shows it: `centre` is the view's centre in the
/// projection's unit coordinates (d3's raw Natural Earth 1: x east, y north, the world about
/// ±2.74 × ±1.42), `scale` the projection's scale as a fraction of the map's width.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MapViewport {
    #[cfg_attr(feature = "ts", ts(type = "[number, number]"))]
    pub centre: [f64; 2],
    pub scale: f64,
}

/// How to draw the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapOptions {
    /// Width in CSS px. Default 1600.
    pub width: u32,
    /// The map's own height (below the title, above the legend) in CSS px; `None` fits the
    /// whole world's shape to the width.
    pub map_height: Option<u32>,
    /// PNG pixel ratio.
    pub scale: f32,
    /// The part of the world to draw; `None` is the whole world.
    pub view: Option<MapViewport>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub legend: bool,
    /// Printed small at the bottom; the caller supplies any date.
    pub source_line: Option<String>,
    pub theme: ThemeName,
}

impl Default for MapOptions {
    fn default() -> Self {
        Self {
            width: 1600,
            map_height: None,
            scale: 1.0,
            view: None,
            title: None,
            subtitle: None,
            legend: true,
            source_line: None,
            theme: ThemeName::Light,
        }
    }
}

/// The most of each piece a picture may hold (the map of 100,000 events has a few thousand spots).
const MAX_PIECES: usize = 200_000;

fn check(picture: &MapPicture, opts: &MapOptions) -> Result<(), RenderError> {
    let bad = |m: String| Err(RenderError::InvalidOptions(m));
    if !(320..=16_000).contains(&opts.width) {
        return bad(format!("a map {} px wide (320 to 16,000)", opts.width));
    }
    if let Some(h) = opts.map_height
        && !(100..=16_000).contains(&h)
    {
        return bad(format!("a map {h} px high (100 to 16,000)"));
    }
    if !(opts.scale.is_finite() && (0.25..=8.0).contains(&opts.scale)) {
        return bad(format!("pixel ratio {} (0.25 to 8)", opts.scale));
    }
    if let Some(v) = opts.view
        && !(v.centre.iter().all(|c| c.is_finite() && c.abs() <= 10.0)
            && v.scale.is_finite()
            && (0.01..=100.0).contains(&v.scale))
    {
        return bad(format!("a map view centred at {:?} at scale {}", v.centre, v.scale));
    }
    let n = picture.countries.len().max(picture.arcs.len()).max(picture.spots.len());
    if n > MAX_PIECES {
        return bad(format!("{n} pieces on one map (at most {MAX_PIECES})"));
    }
    let place =
        |p: &LonLat| p[0].is_finite() && p[1].is_finite() && p[0].abs() <= 180.0 && p[1].abs() <= 90.0;
    if let Some(p) = picture
        .arcs
        .iter()
        .flat_map(|a| [a.from, a.to])
        .chain(picture.spots.iter().map(|s| s.at))
        .find(|p| !place(p))
    {
        return bad(format!("no place on Earth at longitude {}, latitude {}", p[0], p[1]));
    }
    if picture.spots.iter().any(|s| s.kinds.is_empty() || s.events == 0) {
        return bad("a spot without events".into());
    }
    Ok(())
}

/// Shade 0 (no event) to 5 (the most), on a square-root scale of the largest count: the UI's
/// `shade` (ui/src/lib/map/places.ts).
pub fn shade(count: u32, max: u32) -> usize {
    if count == 0 || max == 0 {
        return 0;
    }
    let s = (5.0 * (f64::from(count) / f64::from(max)).sqrt()).ceil();
    (s as usize).clamp(1, 5)
}

/// The map as a standalone SVG document.
pub fn render_map_svg(picture: &MapPicture, opts: &MapOptions) -> Result<String, RenderError> {
    check(picture, opts)?;
    Ok(paint::paint(picture, opts))
}

/// The map as a PNG, `width × scale` pixels wide.
pub fn render_map_png(picture: &MapPicture, opts: &MapOptions) -> Result<Vec<u8>, RenderError> {
    let svg = render_map_svg(picture, opts)?;
    raster::png(&svg, opts.scale)
}

/// The map as a one-page PDF with real text.
pub fn render_map_pdf(picture: &MapPicture, opts: &MapOptions) -> Result<Vec<u8>, RenderError> {
    let svg = render_map_svg(picture, opts)?;
    crate::pdf::assemble(&[svg], opts.title.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_follow_the_screen() {
        // The cases of the UI's places.test.ts.
        assert_eq!([0, 1, 4, 25, 100].map(|n| shade(n, 100)), [0, 1, 1, 3, 5]);
        assert_eq!(shade(3, 0), 0);
    }

    #[test]
    fn bad_pieces_and_options_are_refused() {
        let ok = MapPicture::default();
        let o = MapOptions::default();
        assert!(render_map_svg(&ok, &o).is_ok(), "an empty map is the world");
        let far =
            MapPicture { arcs: vec![MapArc { from: [0.0, 0.0], to: [181.0, 0.0] }], ..Default::default() };
        assert!(matches!(render_map_svg(&far, &o), Err(RenderError::InvalidOptions(_))));
        let nan = MapPicture {
            spots: vec![MapSpot {
                at: [f64::NAN, 0.0],
                kinds: vec![EventKind::Visit],
                events: 1,
                place: "x".into(),
            }],
            ..Default::default()
        };
        assert!(render_map_svg(&nan, &o).is_err());
        assert!(render_map_svg(&ok, &MapOptions { width: 10, ..MapOptions::default() }).is_err());
        let view = MapViewport { centre: [0.0, 0.0], scale: f64::INFINITY };
        assert!(render_map_svg(&ok, &MapOptions { view: Some(view), ..MapOptions::default() }).is_err());
    }
}

#[cfg(test)]
mod pixels;
