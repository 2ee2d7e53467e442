//! The shared visual language: `theme.json`, read here and by the TypeScript UI.

use std::sync::OnceLock;

use dateline_model::{EventKind, Status};
use serde::{Deserialize, Serialize};

/// The theme file, compiled in so nothing is read at run time.
pub const THEME_JSON: &str = include_str!("../theme.json");

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            _ => None,
        }
    }
}

/// Everything in `theme.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct Theme {
    pub version: u32,
    pub fonts: Fonts,
    pub sizes: Sizes,
    pub status: StatusStyles,
    pub precision: PrecisionStyle,
    pub map: MapStyle,
    pub kinds: PerKind<KindInfo>,
    pub light: Palette,
    pub dark: Palette,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Fonts {
    /// The family name of the shipped font.
    pub family: String,
    /// The CSS `font-family` value written into SVG.
    pub stack: String,
    pub regular_weight: u16,
    pub bold_weight: u16,
}

/// Sizes in CSS pixels (font sizes too).
#[derive(Debug, Clone, Deserialize)]
pub struct Sizes {
    pub margin: f32,
    pub title: f32,
    pub subtitle: f32,
    pub legend: f32,
    pub tick_major: f32,
    pub tick_minor: f32,
    pub lane_label: f32,
    pub lane_count: f32,
    pub label: f32,
    pub cluster: f32,
    pub source_line: f32,
    pub lane_label_width: f32,
    pub axis_height: f32,
    pub row_height: f32,
    pub lane_padding: f32,
    pub max_rows: u32,
    pub max_lanes: u32,
    pub density_rows: u32,
    pub label_gap: f32,
    pub label_max_width: f32,
    pub mark_gap: f32,
    pub point_radius: f32,
    pub bar_height: f32,
    pub soft_height: f32,
    pub status_stroke: f32,
    pub cluster_bin: f32,
    pub cluster_height: f32,
}

/// How a status fills its mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fill {
    /// The kind's colour.
    Solid,
    /// The background colour, outlined in the kind's colour.
    Hollow,
    /// A light tint of the kind's colour, outlined.
    Tint,
}

#[derive(Debug, Clone, Deserialize)]
pub struct StatusStyle {
    pub label: String,
    pub fill: Fill,
    pub dash: Option<Vec<f32>>,
    pub strike: bool,
    pub opacity: f32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct StatusStyles {
    pub occurred: StatusStyle,
    pub planned: StatusStyle,
    pub cancelled: StatusStyle,
    pub postponed: StatusStyle,
}

impl StatusStyles {
    pub fn get(&self, s: Status) -> &StatusStyle {
        match s {
            Status::Occurred => &self.occurred,
            Status::Planned => &self.planned,
            Status::Cancelled => &self.cancelled,
            Status::Postponed => &self.postponed,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct PrecisionStyle {
    pub soft_fill_opacity: f32,
    pub soft_stroke_opacity: f32,
    pub tint_fill_opacity: f32,
    /// The centre tick of a cancelled (struck) soft extent.
    pub struck_tick_opacity: f32,
}

/// The map's sizes (CSS px, the same at every zoom) and shading steps, for the app's map pane
/// and the map image alike.
#[derive(Debug, Clone, Deserialize)]
pub struct MapStyle {
    /// Between the whole world and the map's edge.
    pub padding: f64,
    pub sea_stroke: f64,
    pub land_stroke: f64,
    pub arc_width: f64,
    pub arc_opacity: f64,
    /// A spot's radius is `spot_radius + spot_growth × √events`.
    pub spot_radius: f64,
    pub spot_growth: f64,
    pub spot_stroke: f64,
    pub spot_opacity: f64,
    /// How much of the palette's `map.shade` a country holds at shade 1 to 5.
    pub shades: [f64; 5],
}

/// The map's colours in one theme.
#[derive(Debug, Clone, Deserialize)]
pub struct MapPalette {
    /// The sphere (the world's outline) and its edge.
    pub sea: String,
    pub sea_edge: String,
    /// A country without events, and every country's border.
    pub land: String,
    pub land_edge: String,
    /// Mixed into `land` by the shading.
    pub shade: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct KindInfo {
    /// "Visit": the legend's entry.
    pub label: String,
    /// "Visits": the name of the kind's lane (the app's lanes say the same).
    pub plural: String,
}

/// One value per event kind.
#[derive(Debug, Clone, Deserialize)]
pub struct PerKind<T> {
    pub visit: T,
    pub meeting: T,
    pub call: T,
    pub conference: T,
}

impl<T> PerKind<T> {
    pub fn get(&self, k: EventKind) -> &T {
        match k {
            EventKind::Visit => &self.visit,
            EventKind::Meeting => &self.meeting,
            EventKind::Call => &self.call,
            EventKind::Conference => &self.conference,
        }
    }
}

/// The colours of one theme.
#[derive(Debug, Clone, Deserialize)]
pub struct Palette {
    pub background: String,
    pub text: String,
    pub muted: String,
    pub faint: String,
    pub lane_band: String,
    pub lane_rule: String,
    pub grid_minor: String,
    pub grid_major: String,
    pub axis: String,
    pub cluster_fill: String,
    pub cluster_text: String,
    pub strike: String,
    pub map: MapPalette,
    pub kinds: PerKind<String>,
}

impl Theme {
    pub fn palette(&self, name: ThemeName) -> &Palette {
        match name {
            ThemeName::Light => &self.light,
            ThemeName::Dark => &self.dark,
        }
    }
}

/// The theme compiled in from `theme.json`.
pub fn theme() -> &'static Theme {
    static THEME: OnceLock<Theme> = OnceLock::new();
    THEME.get_or_init(|| {
        // The file is part of the crate and checked by a test: a parse failure is a build defect.
        serde_json::from_str(THEME_JSON).expect("theme.json is valid")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_json_parses_and_is_complete() {
        let t = theme();
        assert_eq!(t.version, 1);
        for name in [ThemeName::Light, ThemeName::Dark] {
            let p = t.palette(name);
            for k in EventKind::ALL {
                let c = p.kinds.get(k);
                assert!(c.starts_with('#') && c.len() == 7, "{c}");
            }
        }
        assert!(t.status.get(Status::Cancelled).strike);
        assert_eq!(t.status.get(Status::Planned).fill, Fill::Hollow);
    }
}
