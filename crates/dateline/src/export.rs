//! Timeline images of the workspace, drawn by `dateline-render`: the same code for the CLI's
//! `dateline export` and the app's export.

use std::path::Path;

use dateline_render::{ExportOptions, TimelineItem};
use dateline_store::EventFilter;

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

impl Workspace {
    /// The dated events matching `filter`, as the renderer draws them.
    pub fn timeline_items(&self, filter: &EventFilter) -> Result<Vec<TimelineItem>> {
        let rows = self.event_rows(filter)?;
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
                    sources: vec![row.doc.clone()],
                })
            })
            .collect())
    }

    /// Draws the workspace's timeline into `out` (PNG, SVG or PDF by extension). `today` names
    /// the export date in the source line.
    pub fn export_image(
        &self,
        out: &Path,
        filter: &EventFilter,
        mut options: ExportOptions,
        today: chrono::NaiveDate,
    ) -> Result<()> {
        let format = ImageFormat::from_path(out)
            .ok_or_else(|| Error::UnknownImageFormat(out.display().to_string()))?;
        let items = self.timeline_items(filter)?;
        if options.source_line.is_none() {
            let info = self.info()?;
            options.source_line = Some(format!(
                "Dateline — {} events from {} articles, exported {today}",
                items.len(),
                info.articles
            ));
        }
        let bytes = match format {
            ImageFormat::Png => dateline_render::render_png(&items, &options)?,
            ImageFormat::Svg => dateline_render::render_svg(&items, &options)?.into_bytes(),
            ImageFormat::Pdf => dateline_render::render_pdf(&items, &options)?,
        };
        std::fs::write(out, bytes).map_err(|source| Error::Write { path: out.display().to_string(), source })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let err = ws.export_image(&out, &EventFilter::default(), ExportOptions::default(), today);
        assert!(matches!(err, Err(Error::Render(_))), "{err:?}");
        assert!(err.map_err(|e| e.to_string()).unwrap_err().contains("nothing to draw"));

        std::fs::write(
            dir.path().join("a.txt"),
            "Call\n\nPublished: 2021-05-21\n\nSecretary of State Antony J. Blinken spoke today with Turkish Foreign Minister Mevlut Cavusoglu.\n",
        )
        .expect("write");
        ws.import(&[dir.path().join("a.txt")], &crate::Cancel::default(), &mut |_| {}).expect("import");
        for name in ["t.png", "t.svg", "t.pdf"] {
            let out = dir.path().join(name);
            ws.export_image(&out, &EventFilter::default(), ExportOptions::default(), today).expect("export");
            let bytes = std::fs::read(&out).expect("written");
            assert!(bytes.len() > 100, "{name} has content");
        }
        let svg = std::fs::read_to_string(dir.path().join("t.svg")).expect("svg");
        assert!(svg.contains("exported 2026-11-30"));
    }
}
