//! PDF: each page's SVG converted by svg2pdf (text stays real, selectable text in the shipped
//! font, subset and embedded) and placed on a page of the same size.
//!
//! Pages: a window of up to three years is one page. A longer one is split by calendar: a page
//! per year while that makes at most 40 pages, else a page per decade (at most 40), else per
//! century. Pages with no events are left out. Every page shares the same lanes so they can be
//! compared side by side, and names its slice in the subtitle. A page is the export's width ×
//! height in CSS px at 96 dpi (1600 px → 1200 pt); width never forces a split because the
//! page grows with it.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use serde::Serialize;

use crate::layout::{self, lane_specs, layout_window, visible};
use crate::raster::parse;
use crate::theme::theme;
use crate::{ExportOptions, RenderError, TimelineItem, svg};

/// How a PDF's window is cut into pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageSplit {
    Single,
    Year,
    Decade,
    Century,
}

/// Windows up to this many days fit one page.
const SINGLE_PAGE_DAYS: i64 = 3 * 366;
/// The most pages a split may make before moving to the next coarser unit.
const MAX_PAGES: i64 = 40;

/// The split and the page windows (inclusive) for these items and options. Pages without
/// events are not listed.
pub fn pdf_pages(
    items: &[TimelineItem],
    opts: &ExportOptions,
) -> Result<(PageSplit, Vec<(NaiveDate, NaiveDate)>), RenderError> {
    let (from, to) = layout::window(items, opts)?;
    let days = (to - from).num_days() + 1;
    let years = i64::from(to.year() - from.year()) + 1;
    let (split, step) = if days <= SINGLE_PAGE_DAYS {
        return Ok((PageSplit::Single, vec![(from, to)]));
    } else if years <= MAX_PAGES {
        (PageSplit::Year, 1)
    } else if years / 10 < MAX_PAGES {
        (PageSplit::Decade, 10)
    } else {
        (PageSplit::Century, 100)
    };
    let mut pages = Vec::new();
    let mut y = from.year() - from.year().rem_euclid(step);
    while y <= to.year() {
        let a = NaiveDate::from_ymd_opt(y, 1, 1).map_or(from, |d| d.max(from));
        let b = NaiveDate::from_ymd_opt(y + step - 1, 12, 31).map_or(to, |d| d.min(to));
        if items.iter().any(|i| i.date.start <= b && i.date.end >= a) {
            pages.push((a, b));
        }
        y += step;
    }
    Ok((split, pages))
}

fn slice_name(split: PageSplit, a: NaiveDate) -> String {
    match split {
        PageSplit::Single | PageSplit::Year => a.year().to_string(),
        PageSplit::Decade => format!("{}s", a.year() - a.year().rem_euclid(10)),
        PageSplit::Century => format!("{}s", a.year() - a.year().rem_euclid(100)),
    }
}

pub(crate) fn render(items: &[TimelineItem], opts: &ExportOptions) -> Result<Vec<u8>, RenderError> {
    let (split, pages) = pdf_pages(items, opts)?;
    let (from, to) = layout::window(items, opts)?;
    // The given lane order (the app's screen), else the whole window's ranking: one lane set
    // for every page.
    let ordered = layout::ordered_lanes(items, opts, from, to);
    let svgs: Vec<String> = if split == PageSplit::Single {
        let l = layout_window(items, opts, from, to, ordered.as_deref())?;
        vec![svg::paint(&l, items)]
    } else {
        let idx = visible(items, from, to);
        let keys: Vec<String> = ordered.unwrap_or_else(|| {
            lane_specs(items, &idx, opts.lanes, theme().sizes.max_lanes as usize)
                .into_iter()
                .map(|l| l.key)
                .collect()
        });
        let n = pages.len();
        let mut out = Vec::with_capacity(n);
        for (k, &(a, b)) in pages.iter().enumerate() {
            let slice = format!("{} · page {} of {n}", slice_name(split, a), k + 1);
            let mut page_opts = opts.clone();
            page_opts.subtitle = Some(match &opts.subtitle {
                Some(s) if !s.trim().is_empty() => format!("{s} · {slice}"),
                _ => slice,
            });
            let l = layout_window(items, &page_opts, a, b, Some(&keys))?;
            out.push(svg::paint(&l, items));
        }
        out
    };
    assemble(&svgs, opts.title.as_deref())
}

/// One PDF with a page per SVG.
pub(crate) fn assemble(svgs: &[String], title: Option<&str>) -> Result<Vec<u8>, RenderError> {
    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let tree_id = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::with_capacity(svgs.len());
    let pt_per_px = 0.75;
    for svg in svgs {
        let tree = parse(svg)?;
        let (chunk, xobj) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| RenderError::Pdf(e.to_string()))?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let xobj = *map.get(&xobj).ok_or_else(|| RenderError::Pdf("svg2pdf lost its XObject".into()))?;
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        page_ids.push(page_id);
        let w = tree.size().width() * pt_per_px;
        let h = tree.size().height() * pt_per_px;
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, w, h));
        page.parent(tree_id);
        page.contents(content_id);
        page.resources().x_objects().pair(Name(b"T"), xobj);
        page.finish();
        let mut content = Content::new();
        content.save_state();
        content.transform([w, 0.0, 0.0, h, 0.0, 0.0]);
        content.x_object(Name(b"T"));
        content.restore_state();
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
    }
    let count = i32::try_from(page_ids.len()).unwrap_or(i32::MAX);
    pdf.pages(tree_id).kids(page_ids).count(count);
    pdf.catalog(catalog_id).pages(tree_id);
    let mut info = pdf.document_info(alloc.bump());
    if let Some(t) = title {
        info.title(TextStr(t));
    }
    info.producer(TextStr("Dateline"));
    info.finish();
    Ok(pdf.finish())
}
