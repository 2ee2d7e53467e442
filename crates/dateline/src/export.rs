//! Images of the workspace, drawn by `dateline-render`: the timeline (the same code for the CLI's
//! `dateline export` and the app's export) and the app's map.

use std::path::Path;

use dateline_render::map::{MapOptions, MapPicture, MapViewport};
use dateline_render::{ExportOptions, LaneBy, ThemeName, TimelineItem};
use dateline_store::Selection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result, Workspace};

/// Image formats, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Svg,
    Pdf,
}

impl ImageFormat {
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "png" => Some(ImageFormat::Png),
            "svg" => Some(ImageFormat::Svg),
            "pdf" => Some(ImageFormat::Pdf),
            _ => None,
        }
    }
}

/// The app's image export (`export_image` command): the selection on screen and what the
/// export dialog chose. `from`/`to` are the time axis (the timeline's visible window): the image
/// draws the events of `selection` that overlap it, so it shows what the timeline shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImageExportOptions {
    /// The events, as every view selects them.
    #[serde(default)]
    pub selection: Selection,
    /// ISO day, inclusive; `null` follows the data.
    #[ts(type = "string | null")]
    pub from: Option<chrono::NaiveDate>,
    #[ts(type = "string | null")]
    pub to: Option<chrono::NaiveDate>,
    #[ts(type = "\"actor\" | \"country\" | \"type\" | \"source\"")]
    pub lanes: LaneBy,
    /// The screen's lanes in order (by actor, country or source): the image keeps that order and
    /// leaves out lanes with nothing in its window. `null` ranks them by size.
    #[serde(default)]
    #[ts(type = "Array<string> | null")]
    pub lane_order: Option<Vec<String>>,
    /// Layout width in CSS px.
    pub width: u32,
    /// PNG pixel ratio (the PNG is `width × scale` pixels wide).
    pub scale: f32,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub dark: bool,
}

impl ImageExportOptions {
    /// The selection narrowed to the axis window: the events the image draws.
    pub fn in_window(&self) -> Selection {
        let mut s = self.selection.clone();
        s.from = s.from.max(self.from);
        s.to = match (s.to, self.to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        s
    }

    /// The renderer's options (legend on; the source line is filled in at export).
    pub fn render_options(&self) -> ExportOptions {
        ExportOptions {
            width: self.width.clamp(320, 16_000),
            scale: if self.scale.is_finite() { self.scale.clamp(0.25, 8.0) } else { 1.0 },
            from: self.from,
            to: self.to,
            lanes: self.lanes,
            lane_order: self.lane_order.clone(),
            title: self.title.clone().filter(|t| !t.trim().is_empty()),
            subtitle: self.subtitle.clone().filter(|t| !t.trim().is_empty()),
            theme: if self.dark { ThemeName::Dark } else { ThemeName::Light },
            ..ExportOptions::default()
        }
    }
}

/// The app's map image (`export_map_image` command): what the map pane draws for the
/// selection on screen (its countries' counts, arcs and spots, computed by the pane's own
/// `mapData`, so the image states the screen's numbers), the pane's view, and what the export
/// dialog chose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MapImageOptions {
    pub picture: MapPicture,
    /// The pane's zoom; `null` draws the whole world.
    pub view: Option<MapViewport>,
    /// Width in CSS px.
    pub width: u32,
    /// The map's height in CSS px (the pane's aspect for its view); `null` fits the world.
    pub map_height: Option<u32>,
    /// PNG pixel ratio.
    pub scale: f32,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub dark: bool,
}

impl MapImageOptions {
    /// The renderer's options (legend on; the source line is filled in at export).
    pub fn render_options(&self) -> MapOptions {
        let width = self.width.clamp(320, 16_000);
        MapOptions {
            width,
            map_height: self.map_height.map(|h| h.clamp(100, 16_000)),
            scale: if self.scale.is_finite() { self.scale.clamp(0.25, 8.0) } else { 1.0 },
            view: self.view,
            title: self.title.clone().filter(|t| !t.trim().is_empty()),
            subtitle: self.subtitle.clone().filter(|t| !t.trim().is_empty()),
            legend: true,
            source_line: None,
            theme: if self.dark { ThemeName::Dark } else { ThemeName::Light },
        }
    }
}

impl Workspace {
    /// Draws the app's map into `out` (PNG, SVG or PDF by extension). `today` names the export
    /// date in the source line.
    pub fn export_map_image(
        &self,
        out: &Path,
        options: &MapImageOptions,
        today: chrono::NaiveDate,
    ) -> Result<()> {
        let format = ImageFormat::from_path(out)
            .ok_or_else(|| Error::UnknownImageFormat(out.display().to_string()))?;
        let mut opts = options.render_options();
        let info = self.info()?;
        let n = options.picture.events();
        opts.source_line = Some(format!(
            "Dateline — {n} event{} on the map from {} articles, exported {today}",
            if n == 1 { "" } else { "s" },
            info.articles
        ));
        let p = &options.picture;
        let bytes = match format {
            ImageFormat::Png => dateline_render::map::render_map_png(p, &opts)?,
            ImageFormat::Svg => dateline_render::map::render_map_svg(p, &opts)?.into_bytes(),
            ImageFormat::Pdf => dateline_render::map::render_map_pdf(p, &opts)?,
        };
        crate::write_atomically(out, &bytes)
            .map_err(|source| Error::Write { path: out.display().to_string(), source })
    }

    /// The dated events of `selection`, as the renderer draws them.
    pub fn timeline_items(&self, selection: &Selection) -> Result<Vec<TimelineItem>> {
        let rows = self.store.events_without_evidence(selection)?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                let date = row.date?;
                let mut countries: Vec<String> = Vec::new();
                if let Some(c) = row.location.as_ref().and_then(|l| l.country.clone()) {
                    countries.push(c);
                }
                Some(TimelineItem {
                    id: row.id,
                    kind: row.kind,
                    status: row.status,
                    date,
                    label: crate::views::label(row),
                    actors: row.participants.iter().map(|p| p.name.clone()).collect(),
                    countries,
                    // The outlets, as the app's lanes by source show them.
                    sources: row.outlets.clone(),
                })
            })
            .collect())
    }

    /// Draws the workspace's timeline into `out` (PNG, SVG or PDF by extension). `today` names
    /// the export date in the source line.
    pub fn export_image(
        &self,
        out: &Path,
        selection: &Selection,
        options: ExportOptions,
        today: chrono::NaiveDate,
    ) -> Result<()> {
        let items = self.timeline_items(selection)?;
        self.write_image(out, &items, options, today)
    }

    /// The app's export: the events of the selection in the axis window, drawn with the same
    /// renderer as [`Workspace::export_image`].
    pub fn export_view_image(
        &self,
        out: &Path,
        options: &ImageExportOptions,
        today: chrono::NaiveDate,
    ) -> Result<()> {
        let items = self.timeline_items(&options.in_window())?;
        self.write_image(out, &items, options.render_options(), today)
    }

    fn write_image(
        &self,
        out: &Path,
        items: &[TimelineItem],
        mut options: ExportOptions,
        today: chrono::NaiveDate,
    ) -> Result<()> {
        let format = ImageFormat::from_path(out)
            .ok_or_else(|| Error::UnknownImageFormat(out.display().to_string()))?;
        if options.source_line.is_none() {
            let info = self.info()?;
            options.source_line = Some(format!(
                "Dateline — {} events from {} articles, exported {today}",
                items.len(),
                info.articles
            ));
        }
        let bytes = match format {
            ImageFormat::Png => dateline_render::render_png(items, &options)?,
            ImageFormat::Svg => dateline_render::render_svg(items, &options)?.into_bytes(),
            ImageFormat::Pdf => dateline_render::render_pdf(items, &options)?,
        };
        crate::write_atomically(out, &bytes)
            .map_err(|source| Error::Write { path: out.display().to_string(), source })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI's `LaneBy` is `ImageExportOptions['lanes']` (ui/src/lib/types.ts): the written-out
    /// TypeScript type of `lanes` names every lane grouping, as serde spells it, and no other.
    #[test]
    fn the_lanes_typescript_type_is_lane_by() {
        let every = |by: LaneBy| match by {
            LaneBy::Type | LaneBy::Actor | LaneBy::Country | LaneBy::Source => by,
        };
        let ts = <ImageExportOptions as TS>::decl(&ts_rs::Config::default());
        let (_, rest) = ts.split_once("lanes: ").expect("a lanes field");
        let (ty, _) = rest.split_once(", ").expect("its type");
        let mut named: Vec<&str> = ty.split(" | ").collect();
        named.sort();
        let mut want: Vec<String> = [LaneBy::Actor, LaneBy::Country, LaneBy::Source, LaneBy::Type]
            .map(|by| serde_json::to_string(&every(by)).expect("serialises"))
            .to_vec();
        want.sort();
        assert_eq!(named, want, "{ts}");
    }

    #[test]
    fn the_map_is_drawn_from_the_panes_pieces() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).expect("date");
        // The JSON the UI sends.
        let options: MapImageOptions = serde_json::from_str(
            r#"{"picture":{"countries":[{"id":"250","events":2}],"arcs":[{"from":[-77.04,38.9],"to":[2.35,48.86]}],
                "spots":[{"at":[2.35,48.86],"kinds":["visit"],"events":2,"place":"Paris"}]},
                "view":null,"width":800,"map_height":null,"scale":2,"title":"Map","subtitle":null,"dark":false}"#,
        )
        .expect("options");
        let svg = dir.path().join("map.svg");
        ws.export_map_image(&svg, &options, today).expect("export");
        let text = std::fs::read_to_string(&svg).expect("written");
        assert!(text.contains("2 events on the map from 0 articles, exported 2026-12-08"), "source line");
        assert!(text.contains("data-country=\"250\" data-events=\"2\""));
        let png = dir.path().join("map.png");
        ws.export_map_image(&png, &options, today).expect("export");
        let bytes = std::fs::read(&png).expect("written");
        assert_eq!(u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]), 1600, "800 px at 2x");
        let bad = MapImageOptions {
            view: Some(MapViewport { centre: [f64::NAN, 0.0], scale: 1.0 }),
            ..options.clone()
        };
        assert!(matches!(ws.export_map_image(&png, &bad, today), Err(Error::Render(_))));
        assert!(matches!(
            ws.export_map_image(&dir.path().join("map.jpg"), &options, today),
            Err(Error::UnknownImageFormat(_))
        ));
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(ImageFormat::from_path(Path::new("a/t.PNG")), Some(ImageFormat::Png));
        assert_eq!(ImageFormat::from_path(Path::new("t.svg")), Some(ImageFormat::Svg));
        assert_eq!(ImageFormat::from_path(Path::new("t.pdf")), Some(ImageFormat::Pdf));
        assert_eq!(ImageFormat::from_path(Path::new("t.jpg")), None);
    }

    #[test]
    fn an_empty_workspace_says_so_and_a_full_one_draws() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        let out = dir.path().join("t.png");
        let err = ws.export_image(&out, &Selection::default(), ExportOptions::default(), today);
        assert!(matches!(err, Err(Error::Render(_))), "{err:?}");
        assert!(err.map_err(|e| e.to_string()).unwrap_err().contains("nothing to draw"));

        std::fs::write(
            dir.path().join("a.txt"),
            "Call\n\nPublished: 2021-05-21\n\nSecretary of State Antony J. Blinken spoke by phone today with Turkish Foreign Minister Mevlut Cavusoglu.\n",
        )
        .expect("write");
        ws.import(&[dir.path().join("a.txt")], &crate::Cancel::default(), &mut |_| {}).expect("import");
        for name in ["t.png", "t.svg", "t.pdf"] {
            let out = dir.path().join(name);
            ws.export_image(&out, &Selection::default(), ExportOptions::default(), today).expect("export");
            let bytes = std::fs::read(&out).expect("written");
            assert!(bytes.len() > 100, "{name} has content");
        }
        let svg = std::fs::read_to_string(dir.path().join("t.svg")).expect("svg");
        assert!(svg.contains("exported 2026-11-30"));

        // The app's export: the JSON the UI sends, an id filter, a 2x PNG.
        let options: ImageExportOptions = serde_json::from_str(
            r#"{"from":null,"to":null,"lanes":"actor","width":800,"scale":2,"title":"T","subtitle":null,"dark":true}"#,
        )
        .expect("options");
        let out = dir.path().join("app.png");
        ws.export_view_image(&out, &options, today).expect("export");
        let bytes = std::fs::read(&out).expect("written");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]), 1600, "800 px at 2x");
        let none = ImageExportOptions {
            selection: Selection { actors: vec![-1], ..Default::default() },
            ..options.clone()
        };
        let err = ws.export_view_image(&dir.path().join("none.png"), &none, today);
        assert!(matches!(err, Err(Error::Render(_))), "no event left: {err:?}");

        // The screen's lane order reaches the image.
        let lanes_of = |options: &ImageExportOptions| -> Vec<String> {
            let out = dir.path().join("lanes.svg");
            ws.export_view_image(&out, options, today).expect("export");
            let svg = std::fs::read_to_string(&out).expect("svg");
            let block =
                svg.split("<g id=\"lane-labels\">").nth(1).and_then(|b| b.split("</g>").next()).unwrap_or("");
            block
                .split("<text ")
                .filter(|t| t.contains("font-weight=\"700\""))
                .filter_map(|t| t.split('>').nth(1).and_then(|x| x.split('<').next()))
                .map(str::to_string)
                .collect()
        };
        let by_size = lanes_of(&options);
        assert!(by_size.len() >= 2, "lanes: {by_size:?}");
        let mut reversed: Vec<String> =
            by_size.iter().filter(|k| !k.starts_with("Other (")).cloned().collect();
        reversed.reverse();
        let ordered = ImageExportOptions { lane_order: Some(reversed.clone()), ..options };
        let got = lanes_of(&ordered);
        assert_eq!(&got[..reversed.len()], &reversed[..]);
    }
}
