//! Dateline's timeline exports: a pure layout and three painters (SVG, PNG, PDF) that draw it
//! in the same visual language as the app's timeline.
//!
//! The visual language lives in `theme.json` (colours per event kind, status styles, fonts,
//! sizes, for light and dark), which the TypeScript UI reads too. The font is shipped with the
//! crate and is the only one the painters use, so an export looks the same on every machine and
//! text never silently disappears.
//!
//! * [`layout`] places everything: lanes, rows, marks, labels, clusters, density bands, ticks.
//! * [`render_svg`] writes it as SVG; text stays text, and dense lanes become density bands so
//!   that 100,000 events stay well under 2 MB.
//! * [`render_png`] rasterises that SVG with resvg at any pixel ratio.
//! * [`render_pdf`] converts it with svg2pdf (real, selectable text), a page per year (or
//!   decade, century) when the window is long; see [`pdf_pages`].
//!
//! * [`map`] draws the app's map pane as an image (SVG, PNG, PDF): Natural Earth's countries
//!   shaded by events, visits as arcs, places as spots, in the UI's projection.
//!
//! Nothing here reads a clock, the file system or the network.

mod layout;
pub mod map;
mod pdf;
mod raster;
mod scale;
mod svg;
mod text;
mod theme;
pub mod xml;

use chrono::NaiveDate;
use dateline_model::{DateRange, EventKind, Status};
use serde::{Deserialize, Serialize};

pub use layout::{
    Cluster, CountLabel, Density, Label, Lane, Layout, LegendEntry, LegendSwatch, Mark, Shape, TextAnchor,
    TextBox,
};
pub use pdf::{PageSplit, pdf_pages};
pub use scale::{Tick, TickAnchor, Tier, TimeScale};
pub use text::{ellipsize, text_width};
pub use theme::{MapPalette, MapStyle, THEME_JSON, Theme, ThemeName, theme};

/// One event as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineItem {
    pub id: i64,
    pub kind: EventKind,
    pub status: Status,
    pub date: DateRange,
    pub label: String,
    pub actors: Vec<String>,
    pub countries: Vec<String>,
    /// The outlets that reported it (the app's lanes by source).
    pub sources: Vec<String>,
}

/// What the lanes group by. An item with several actors (countries, sources) appears in the
/// lane of each; one with none in a "(no actor)" lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LaneBy {
    #[default]
    Type,
    Actor,
    Country,
    Source,
}

impl LaneBy {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "type" | "kind" => Some(Self::Type),
            "actor" => Some(Self::Actor),
            "country" => Some(Self::Country),
            "source" => Some(Self::Source),
            _ => None,
        }
    }
}

/// What to draw and how. Filters are the caller's job: pass only the items to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportOptions {
    /// Width in CSS px. Default 1600.
    pub width: u32,
    /// Height in CSS px; `None` grows to fit the lanes. When set, lanes get fewer rows (and
    /// then fewer lanes, the rest going to "Other") until they fit.
    pub height: Option<u32>,
    /// PNG pixel ratio: the PNG is `width × scale` pixels wide. Default 1.
    pub scale: f32,
    /// The time window (inclusive). Either side unset follows the data, with a little margin.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub lanes: LaneBy,
    /// The lanes in this order (lane keys, e.g. the app's screen), for lanes by actor, country
    /// or source: lanes without an item in the window are left out; items in none of the listed
    /// lanes go to the listed "Other (…)" lane if there is one (else they are not drawn). `None`
    /// ranks the lanes by size, as for a fresh export.
    pub lane_order: Option<Vec<String>>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub legend: bool,
    /// Printed small at the bottom, e.g. "Dateline — 42 articles, exported 2026-11-30". The
    /// caller supplies the date: nothing here reads a clock.
    pub source_line: Option<String>,
    pub theme: ThemeName,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            width: 1600,
            height: None,
            scale: 1.0,
            from: None,
            to: None,
            lanes: LaneBy::Type,
            lane_order: None,
            title: None,
            subtitle: None,
            legend: true,
            source_line: None,
            theme: ThemeName::Light,
        }
    }
}

/// Why an export failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    #[error("nothing to draw: the workspace has no dated events (in this window)")]
    Empty,
    #[error("invalid export options: {0}")]
    InvalidOptions(String),
    #[error("could not rasterise the timeline: {0}")]
    Raster(String),
    #[error("could not write the PDF: {0}")]
    Pdf(String),
}

/// Places everything: pure, no painting.
pub fn layout(items: &[TimelineItem], opts: &ExportOptions) -> Result<Layout, RenderError> {
    layout::layout(items, opts)
}

/// The timeline as a standalone SVG document (text as text, the shipped font named first).
pub fn render_svg(items: &[TimelineItem], opts: &ExportOptions) -> Result<String, RenderError> {
    let l = layout::layout(items, opts)?;
    Ok(svg::paint(&l, items))
}

/// The timeline as a PNG, `width × scale` pixels wide.
pub fn render_png(items: &[TimelineItem], opts: &ExportOptions) -> Result<Vec<u8>, RenderError> {
    let l = layout::layout(items, opts)?;
    let svg = svg::paint(&l, items);
    raster::png(&svg, opts.scale)
}

/// The timeline as a PDF with real text; long windows are split into pages (see [`pdf_pages`]).
pub fn render_pdf(items: &[TimelineItem], opts: &ExportOptions) -> Result<Vec<u8>, RenderError> {
    pdf::render(items, opts)
}
