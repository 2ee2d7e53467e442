//! The layout: where every lane, mark, label, cluster, band and tick goes. Pure and painter-free.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use dateline_model::{EventKind, Precision, Status};
use serde::Serialize;

use crate::scale::{self, Tick, TimeScale, day_number, from_day_number};
use crate::text::{ellipsize, text_width};
use crate::theme::{Sizes, ThemeName, theme};
use crate::{ExportOptions, LaneBy, RenderError, TimelineItem};

/// Everything a painter needs, in CSS px.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub theme: ThemeName,
    /// The window drawn (inclusive) and its mapping to x.
    pub scale: TimeScale,
    pub title: Option<TextBox>,
    pub subtitle: Option<TextBox>,
    pub legend: Vec<LegendEntry>,
    /// The axis band: major labels, then minor labels, above the lanes.
    pub axis_top: f32,
    pub plot_top: f32,
    pub plot_bottom: f32,
    pub ticks: Vec<Tick>,
    pub lanes: Vec<Lane>,
    pub source_line: Option<TextBox>,
    /// The window in words, bottom right.
    pub window_note: TextBox,
    /// Items that overlap the window (each counted once).
    pub item_count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TextAnchor {
    Start,
    Middle,
    End,
}

/// A line of text; `y` is the baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextBox {
    pub x: f32,
    pub y: f32,
    pub text: String,
    pub size: f32,
    pub bold: bool,
    pub anchor: TextAnchor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "type", content = "value")]
pub enum LegendSwatch {
    Kind(EventKind),
    Status(Status),
    Shape(Shape),
    /// The "+n" pill.
    Cluster,
    /// A density band.
    Density,
}

/// A legend entry: swatch centred at (`x`, `y`), text after it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendEntry {
    pub swatch: LegendSwatch,
    pub x: f32,
    pub y: f32,
    pub text: TextBox,
}

/// How an item's date is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// One day: a dot.
    Point,
    /// Several days given exactly: a solid bar.
    Bar,
    /// A week, month, quarter, year…: a soft band across the whole interval, so "June 2023"
    /// is not read as June 1.
    Soft,
}

/// One item drawn in one lane.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mark {
    /// Index into the items passed in.
    pub item: usize,
    pub id: i64,
    pub kind: EventKind,
    pub status: Status,
    pub shape: Shape,
    /// Drawn extent (a point's is its dot).
    pub x0: f32,
    pub x1: f32,
    /// Vertical centre.
    pub cy: f32,
    pub row: u32,
    pub label: Option<Label>,
}

/// A mark's label; `y` is the baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub x: f32,
    pub y: f32,
    pub text: String,
    pub anchor: TextAnchor,
    /// Measured width in the shipped font.
    pub width: f32,
}

/// Items that found no room in the lane's rows, counted in a pill.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub height: f32,
    pub count: usize,
    /// The kind most of them are, for the pill's accent.
    pub kind: EventKind,
}

/// A count printed over a density band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountLabel {
    pub x: f32,
    pub y: f32,
    pub count: usize,
}

/// A lane too dense for marks: a stacked histogram (per kind) of items per bin.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Density {
    pub x0: f32,
    pub bin_px: f32,
    /// The band's baseline and the height of the lane's fullest bin.
    pub base_y: f32,
    pub max_height: f32,
    /// The lane's fullest bin, in items (fractional: an item is spread over its interval).
    pub max: f32,
    /// Per bin, weight per kind in `EventKind::ALL` order.
    pub bins: Vec<[f32; 4]>,
    pub counts: Vec<CountLabel>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lane {
    pub key: String,
    pub label: TextBox,
    /// "128 events" under the name.
    pub count_label: TextBox,
    pub count: usize,
    pub y: f32,
    pub height: f32,
    pub rows: u32,
    pub marks: Vec<Mark>,
    pub clusters: Vec<Cluster>,
    pub density: Option<Density>,
}

/// A lane before placement: its name and members.
#[derive(Debug, Clone)]
pub(crate) struct LaneSpec {
    pub key: String,
    pub members: Vec<usize>,
}

/// An item's geometry, computed once and shared by the lanes it appears in.
#[derive(Debug, Clone, Copy)]
struct Geo {
    shape: Shape,
    /// The true extent.
    x0: f32,
    x1: f32,
    /// The drawn extent (at least a dot wide).
    vx0: f32,
    vx1: f32,
}

pub(crate) fn validate(opts: &ExportOptions) -> Result<(), RenderError> {
    if !(200..=20_000).contains(&opts.width) {
        return Err(RenderError::InvalidOptions(format!("width {} is not in 200..=20000", opts.width)));
    }
    if let Some(h) = opts.height
        && !(150..=20_000).contains(&h)
    {
        return Err(RenderError::InvalidOptions(format!("height {h} is not in 150..=20000")));
    }
    if !(opts.scale.is_finite() && opts.scale > 0.0 && opts.scale <= 8.0) {
        return Err(RenderError::InvalidOptions(format!("scale {} is not in (0, 8]", opts.scale)));
    }
    if let (Some(f), Some(t)) = (opts.from, opts.to)
        && f > t
    {
        return Err(RenderError::InvalidOptions(format!("the window starts ({f}) after it ends ({t})")));
    }
    Ok(())
}

/// The window to draw: the options' bounds, the data's extent (padded) for unset sides.
pub(crate) fn window(
    items: &[TimelineItem],
    opts: &ExportOptions,
) -> Result<(NaiveDate, NaiveDate), RenderError> {
    validate(opts)?;
    let lo = items.iter().map(|i| i.date.start).min().ok_or(RenderError::Empty)?;
    let hi = items.iter().map(|i| i.date.end).max().ok_or(RenderError::Empty)?;
    let span = day_number(hi) - day_number(lo) + 1;
    let pad = (span * 3 / 100).max(1);
    // Unset sides are padded, then snapped to month (or, past 15 years, year) boundaries so
    // the axis starts and ends on a tick.
    let snap_years = span > 15 * 366;
    let snap_months = span > 60;
    let from = opts.from.unwrap_or_else(|| {
        let d = from_day_number(day_number(lo) - pad);
        if snap_years {
            NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d)
        } else if snap_months {
            d.with_day(1).unwrap_or(d)
        } else {
            d
        }
    });
    let to = opts.to.unwrap_or_else(|| {
        let d = from_day_number(day_number(hi) + pad);
        if snap_years {
            NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d)
        } else if snap_months {
            d.checked_add_months(chrono::Months::new(1))
                .and_then(|n| n.with_day(1))
                .and_then(|n| n.pred_opt())
                .unwrap_or(d)
        } else {
            d
        }
    });
    if from > to {
        // Only one side was set, and the data lies entirely on the wrong side of it.
        return Err(RenderError::Empty);
    }
    Ok((from, to))
}

/// Indices of the items overlapping `[from, to]`.
pub(crate) fn visible(items: &[TimelineItem], from: NaiveDate, to: NaiveDate) -> Vec<usize> {
    (0..items.len()).filter(|&i| items[i].date.start <= to && items[i].date.end >= from).collect()
}

/// Calls `f` with each lane key of `item`, once each (no allocation: this runs per item).
fn lane_keys<'a>(item: &'a TimelineItem, by: LaneBy, mut f: impl FnMut(&'a str)) {
    let (list, none) = match by {
        LaneBy::Type => return f(theme().kinds.get(item.kind).plural.as_str()),
        LaneBy::Actor => (&item.actors, "(no actor)"),
        LaneBy::Country => (&item.countries, "(no country)"),
        LaneBy::Source => (&item.sources, "(no source)"),
    };
    let mut any = false;
    for (n, s) in list.iter().enumerate() {
        let k = s.trim();
        if k.is_empty() || list[..n].iter().any(|p| p.trim() == k) {
            continue;
        }
        any = true;
        f(k);
    }
    if !any {
        f(none);
    }
}

/// Groups `idx` into lanes: kinds in their fixed order, otherwise the largest first; past
/// `max_lanes` the rest share an "Other" lane.
pub(crate) fn lane_specs(
    items: &[TimelineItem],
    idx: &[usize],
    by: LaneBy,
    max_lanes: usize,
) -> Vec<LaneSpec> {
    if by == LaneBy::Type {
        return EventKind::ALL
            .iter()
            .map(|&k| LaneSpec {
                key: theme().kinds.get(k).plural.clone(),
                members: idx.iter().copied().filter(|&i| items[i].kind == k).collect(),
            })
            .filter(|l| !l.members.is_empty())
            .collect();
    }
    let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in idx {
        lane_keys(&items[i], by, |k| map.entry(k).or_default().push(i));
    }
    let mut lanes: Vec<(&str, Vec<usize>)> = map.into_iter().collect();
    lanes.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
    let max_lanes = max_lanes.max(1);
    if lanes.len() <= max_lanes {
        return lanes.into_iter().map(|(k, m)| LaneSpec { key: k.to_string(), members: m }).collect();
    }
    let rest = lanes.split_off(max_lanes - 1);
    let mut in_kept = vec![false; items.len()];
    for (_, m) in &lanes {
        for &i in m {
            in_kept[i] = true;
        }
    }
    let mut other: Vec<usize> =
        rest.iter().flat_map(|(_, m)| m.iter().copied()).filter(|&i| !in_kept[i]).collect();
    other.sort_unstable();
    other.dedup();
    let noun = match by {
        LaneBy::Actor => "actors",
        LaneBy::Country => "countries",
        LaneBy::Source => "sources",
        LaneBy::Type => "kinds",
    };
    let mut out: Vec<LaneSpec> =
        lanes.into_iter().map(|(k, m)| LaneSpec { key: k.to_string(), members: m }).collect();
    if !other.is_empty() {
        out.push(LaneSpec { key: format!("Other ({} {noun})", rest.len()), members: other });
    }
    out
}

fn geometry(item: &TimelineItem, s: &TimeScale, sz: &Sizes) -> Geo {
    let (x0, x1) = s.extent(item.date.start, item.date.end);
    let r = sz.point_radius;
    let shape = match item.date.precision {
        Precision::Day if item.date.start == item.date.end => Shape::Point,
        Precision::Day => Shape::Bar,
        _ => Shape::Soft,
    };
    let (vx0, vx1) = if shape == Shape::Point || x1 - x0 < 2.0 * r {
        let c = (x0 + x1) / 2.0;
        (c - r, c + r)
    } else {
        (x0, x1)
    };
    Geo { shape, x0, x1, vx0, vx1 }
}

/// The header, computed before the lanes since it sets where they start.
struct Header {
    title: Option<TextBox>,
    subtitle: Option<TextBox>,
    legend: Vec<LegendEntry>,
    bottom: f32,
}

fn header(opts: &ExportOptions, width: f32, sz: &Sizes, dense: bool, clustered: bool) -> Header {
    let t = theme();
    let m = sz.margin;
    let mut y = m;
    let max_w = width - 2.0 * m;
    let line = |text: &str, y: f32, size: f32, bold: bool| TextBox {
        x: m,
        y,
        text: ellipsize(text, size, bold, max_w),
        size,
        bold,
        anchor: TextAnchor::Start,
    };
    let title = opts.title.as_deref().filter(|s| !s.trim().is_empty()).map(|s| {
        let b = line(s, y + sz.title * 0.82, sz.title, true);
        y += sz.title * 1.3;
        b
    });
    let subtitle = opts.subtitle.as_deref().filter(|s| !s.trim().is_empty()).map(|s| {
        let b = line(s, y + sz.subtitle * 0.82, sz.subtitle, false);
        y += sz.subtitle * 1.5;
        b
    });
    let mut legend = Vec::new();
    if opts.legend {
        if title.is_some() || subtitle.is_some() {
            y += 4.0;
        }
        let row_h = sz.legend * 1.9;
        let mut entries: Vec<(LegendSwatch, String, bool)> = Vec::new();
        for k in EventKind::ALL {
            entries.push((LegendSwatch::Kind(k), t.kinds.get(k).label.clone(), false));
        }
        for (i, s) in Status::ALL.into_iter().enumerate() {
            entries.push((LegendSwatch::Status(s), t.status.get(s).label.clone(), i == 0));
        }
        entries.push((LegendSwatch::Shape(Shape::Point), "one day".into(), true));
        entries.push((LegendSwatch::Shape(Shape::Bar), "days, exact".into(), false));
        entries.push((LegendSwatch::Shape(Shape::Soft), "week / month / year: whole interval".into(), false));
        if clustered {
            entries.push((LegendSwatch::Cluster, "more events than fit".into(), true));
        }
        if dense {
            entries.push((LegendSwatch::Density, "events over time, per lane's peak".into(), !clustered));
        }
        let sw = 18.0;
        let mut x = m;
        let mut cy = y + row_h / 2.0;
        for (swatch, text, group_start) in entries {
            if group_start {
                x += 14.0;
            }
            let w = sw + 6.0 + text_width(&text, sz.legend, false);
            if x + w > width - m && x > m {
                x = m;
                cy += row_h;
            }
            legend.push(LegendEntry {
                swatch,
                x: x + sw / 2.0,
                y: cy,
                text: TextBox {
                    x: x + sw + 5.0,
                    y: cy + sz.legend * 0.36,
                    text,
                    size: sz.legend,
                    bold: false,
                    anchor: TextAnchor::Start,
                },
            });
            x += w + 14.0;
        }
        y = cy + row_h / 2.0 + 4.0;
    }
    if title.is_some() || subtitle.is_some() || !legend.is_empty() {
        y += 6.0;
    }
    Header { title, subtitle, legend, bottom: y }
}

/// Moves a lane placed at y = 0 down by `dy`.
fn shift(lane: &mut Lane, dy: f32) {
    lane.y += dy;
    lane.label.y += dy;
    lane.count_label.y += dy;
    for m in &mut lane.marks {
        m.cy += dy;
        if let Some(l) = &mut m.label {
            l.y += dy;
        }
    }
    for c in &mut lane.clusters {
        c.y += dy;
    }
    if let Some(d) = &mut lane.density {
        d.base_y += dy;
        for c in &mut d.counts {
            c.y += dy;
        }
    }
}

/// Occupied intervals per row; a row accepts `[a, b]` when its last end plus `gap` is ≤ `a`.
fn find_row(ends: &mut Vec<f32>, a: f32, b: f32, gap: f32, max_rows: usize) -> Option<usize> {
    if let Some(r) = ends.iter().position(|&e| e + gap <= a) {
        ends[r] = b;
        return Some(r);
    }
    if ends.len() < max_rows {
        ends.push(b);
        return Some(ends.len() - 1);
    }
    None
}

struct Placed {
    item: usize,
    row: usize,
    label: Option<(f32, f32, String, TextAnchor)>,
}

/// The label an item would get: its text (shortened) and width.
fn label_text(item: &TimelineItem, sz: &Sizes) -> Option<(String, f32)> {
    let text = item.label.trim();
    if text.is_empty() {
        return None;
    }
    let s = ellipsize(text, sz.label, false, sz.label_max_width);
    let w = text_width(&s, sz.label, false);
    (!s.is_empty()).then_some((s, w))
}

/// Where a label goes relative to its mark: after it, inside a wide soft band, or before it at
/// the right edge. Returns (x, anchor, occupied start, occupied end).
fn label_spot(g: &Geo, w: f32, sz: &Sizes, right_limit: f32) -> (f32, TextAnchor, f32, f32) {
    let gap = sz.label_gap;
    if g.shape == Shape::Soft && g.vx1 - g.vx0 >= w + 2.0 * gap {
        return (g.vx0 + gap, TextAnchor::Start, g.vx0, g.vx1);
    }
    if g.vx1 + gap + w <= right_limit {
        return (g.vx1 + gap, TextAnchor::Start, g.vx0, g.vx1 + gap + w);
    }
    (g.vx0 - gap, TextAnchor::End, g.vx0 - gap - w, g.vx1)
}

/// Places a lane's members into rows. Tries marks with labels first; when that needs more than
/// `max_rows` rows, places marks alone, adds labels where the row has room, and counts the
/// rest into clusters. Returns (placed, overflow, rows).
fn pack(
    items: &[TimelineItem],
    order: &[usize],
    geo: &[Geo],
    sz: &Sizes,
    max_rows: usize,
    right_limit: f32,
) -> (Vec<Placed>, Vec<usize>, usize) {
    let gap = sz.mark_gap;
    let labels: Vec<Option<(String, f32)>> = order.iter().map(|&i| label_text(&items[i], sz)).collect();
    // Pass A: marks with their labels.
    let mut ends = Vec::new();
    let mut placed = Vec::with_capacity(order.len());
    let mut ok = true;
    for (n, &i) in order.iter().enumerate() {
        let g = &geo[i];
        let (a, b, label) = match &labels[n] {
            Some((text, w)) => {
                let (x, anchor, a, b) = label_spot(g, *w, sz, right_limit);
                (a, b, Some((x, *w, text.clone(), anchor)))
            }
            None => (g.vx0, g.vx1, None),
        };
        match find_row(&mut ends, a, b + 2.0 * gap, gap, max_rows) {
            Some(row) => placed.push(Placed { item: i, row, label }),
            None => {
                ok = false;
                break;
            }
        }
    }
    if ok {
        let rows = ends.len();
        return (placed, Vec::new(), rows);
    }
    // Pass B: marks alone, then labels where they fit.
    let mut ends = Vec::new();
    let mut placed = Vec::with_capacity(order.len());
    let mut overflow = Vec::new();
    let mut by_row: Vec<Vec<usize>> = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        let g = &geo[i];
        match find_row(&mut ends, g.vx0, g.vx1, gap, max_rows) {
            Some(row) => {
                if by_row.len() <= row {
                    by_row.resize_with(row + 1, Vec::new);
                }
                by_row[row].push(placed.len());
                placed.push((i, n, row));
            }
            None => overflow.push(i),
        }
    }
    let mut label_of: Vec<Option<(f32, f32, String, TextAnchor)>> = vec![None; placed.len()];
    for row in &by_row {
        let mut prev_end = f32::NEG_INFINITY;
        for (j, &p) in row.iter().enumerate() {
            let (i, n, _) = placed[p];
            let g = &geo[i];
            let next_start = row.get(j + 1).map_or(right_limit, |&q| geo[placed[q].0].vx0 - gap);
            let mut end = g.vx1;
            if let Some((text, w)) = &labels[n] {
                let (x, anchor, a, b) = label_spot(g, *w, sz, right_limit);
                if a >= prev_end + gap && b <= next_start {
                    label_of[p] = Some((x, *w, text.clone(), anchor));
                    end = b;
                }
            }
            prev_end = end;
        }
    }
    let rows = ends.len();
    let placed =
        placed.into_iter().zip(label_of).map(|((i, _, row), label)| Placed { item: i, row, label }).collect();
    (placed, overflow, rows)
}

/// Groups overflow items into pills along x.
fn clusters(items: &[TimelineItem], overflow: &[usize], geo: &[Geo], sz: &Sizes, y: f32) -> Vec<Cluster> {
    let mut xs: Vec<(f32, usize)> = overflow.iter().map(|&i| ((geo[i].vx0 + geo[i].vx1) / 2.0, i)).collect();
    xs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut groups: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for (x, i) in xs {
        match groups.last_mut() {
            Some(g) if x - g.0 < sz.cluster_bin => {
                g.1 = x;
                g.2.push(i);
            }
            _ => groups.push((x, x, vec![i])),
        }
    }
    let mut out: Vec<Cluster> = Vec::new();
    for (a, b, members) in groups {
        let text = format!("+{}", members.len());
        let w = text_width(&text, sz.cluster, true) + 10.0;
        let c = (a + b) / 2.0;
        let (x0, x1) = if b - a >= w { (a, b) } else { (c - w / 2.0, c + w / 2.0) };
        let mut counts = [0usize; 4];
        for &i in &members {
            counts[kind_index(items[i].kind)] += 1;
        }
        let kind = EventKind::ALL[(0..4).max_by_key(|&k| (counts[k], 4 - k)).unwrap_or(0)];
        match out.last_mut() {
            Some(prev) if prev.x1 + 2.0 > x0 => {
                prev.x1 = prev.x1.max(x1);
                prev.count += members.len();
            }
            _ => out.push(Cluster { x0, x1, y, height: sz.cluster_height, count: members.len(), kind }),
        }
    }
    out
}

pub(crate) fn kind_index(k: EventKind) -> usize {
    match k {
        EventKind::Visit => 0,
        EventKind::Meeting => 1,
        EventKind::Call => 2,
        EventKind::Conference => 3,
    }
}

/// The histogram of a dense lane: each item spread evenly across the bins its interval covers.
fn density_bins(
    items: &[TimelineItem],
    members: &[usize],
    geo: &[Geo],
    x0: f32,
    bin: f32,
    n: usize,
) -> Vec<[f32; 4]> {
    // A difference array: O(items + bins) however long the intervals. f64 and a floor keep
    // the rounding residue of thousands of fractions from drawing a hairline after the data.
    let mut diff = vec![[0f64; 4]; n + 1];
    for &i in members {
        let g = &geo[i];
        let b0 = (((g.x0 - x0) / bin).floor().max(0.0) as usize).min(n - 1);
        let b1 = ((((g.x1 - x0) / bin) - 1e-3).floor().max(0.0) as usize).clamp(b0, n - 1);
        let w = 1.0 / (b1 - b0 + 1) as f64;
        let k = kind_index(items[i].kind);
        diff[b0][k] += w;
        diff[b1 + 1][k] -= w;
    }
    let mut acc = [0f64; 4];
    let mut out = Vec::with_capacity(n);
    for d in diff.iter().take(n) {
        for k in 0..4 {
            acc[k] += d[k];
        }
        out.push(acc.map(|v| if v < 1e-4 { 0.0 } else { v as f32 }));
    }
    out
}

/// Lanes with more members than this are drawn as density bands: past one item per 6 px a
/// lane of marks is mostly clusters, and its SVG would grow with the data.
pub(crate) fn dense_limit(plot_width: f32) -> usize {
    (plot_width / 6.0) as usize
}

/// Lays out `items` in the window of `opts`.
pub(crate) fn layout(items: &[TimelineItem], opts: &ExportOptions) -> Result<Layout, RenderError> {
    let (from, to) = window(items, opts)?;
    let ordered = ordered_lanes(items, opts, from, to);
    layout_window(items, opts, from, to, ordered.as_deref())
}

/// The lanes of `opts.lane_order` that have items in `[from, to]`, in that order (`None`: no
/// order given, or lanes by type).
pub(crate) fn ordered_lanes(
    items: &[TimelineItem],
    opts: &ExportOptions,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<Vec<String>> {
    let order = opts.lane_order.as_ref().filter(|_| opts.lanes != LaneBy::Type)?;
    let idx = visible(items, from, to);
    let all = lane_specs(items, &idx, opts.lanes, usize::MAX);
    let listed: std::collections::HashSet<&str> = order.iter().map(String::as_str).collect();
    let present: std::collections::HashSet<&str> = all.iter().map(|l| l.key.as_str()).collect();
    // Items with no listed lane fill the listed "Other" lane.
    let unlisted = idx.iter().any(|&i| {
        let mut any = false;
        lane_keys(&items[i], opts.lanes, |k| any |= listed.contains(k));
        !any
    });
    Some(
        order
            .iter()
            .filter(|k| present.contains(k.as_str()) || (unlisted && k.starts_with("Other (")))
            .cloned()
            .collect(),
    )
}

/// Lays out `items` in `[from, to]`; `lanes` fixes the lane set (the PDF pages share one).
pub(crate) fn layout_window(
    items: &[TimelineItem],
    opts: &ExportOptions,
    from: NaiveDate,
    to: NaiveDate,
    fixed: Option<&[String]>,
) -> Result<Layout, RenderError> {
    validate(opts)?;
    let idx = visible(items, from, to);
    if idx.is_empty() {
        return Err(RenderError::Empty);
    }
    let t = theme();
    let sz = &t.sizes;
    let width = opts.width as f32;
    let m = sz.margin;
    // Narrow exports give the lane names at most a fifth of the width.
    let label_w = sz.lane_label_width.min(width * 0.2);
    let plot_x0 = m + label_w;
    let plot_w = (width - plot_x0 - m).max(50.0);
    let scale = TimeScale::new(from, to, plot_x0, plot_w);
    let ticks = scale::ticks(&scale, sz.tick_minor, sz.tick_major);
    let footer_h = if opts.source_line.is_some() { 36.0 } else { 30.0 };
    let geo: Vec<Geo> = items.iter().map(|it| geometry(it, &scale, sz)).collect();

    let mut specs = match fixed {
        Some(keys) => {
            let all = lane_specs(items, &idx, opts.lanes, usize::MAX);
            let mut by_key: HashMap<String, Vec<usize>> =
                all.into_iter().map(|l| (l.key, l.members)).collect();
            let mut out: Vec<LaneSpec> = keys
                .iter()
                .map(|k| LaneSpec { key: k.clone(), members: by_key.remove(k).unwrap_or_default() })
                .collect();
            // Items in none of the fixed lanes go to its "Other" lane (as `lane_specs` does).
            if out.iter().any(|l| l.key.starts_with("Other (")) {
                let mut in_kept = vec![false; items.len()];
                for l in &out {
                    for &i in &l.members {
                        in_kept[i] = true;
                    }
                }
                let mut rest: Vec<usize> = by_key.into_values().flatten().filter(|&i| !in_kept[i]).collect();
                rest.sort_unstable();
                rest.dedup();
                if let Some(other) = out.iter_mut().find(|l| l.key.starts_with("Other (")) {
                    other.members = rest;
                }
            }
            out
        }
        None => lane_specs(items, &idx, opts.lanes, sz.max_lanes as usize),
    };
    // The header's height for fitting reserves the legend's cluster entry; the real one is
    // laid out once the lanes are known.
    let dense = specs.iter().any(|l| l.members.len() > dense_limit(plot_w));
    let fit_top = header(opts, width, sz, dense, true).bottom + sz.axis_height;
    // Fit a fixed height: fewer rows per lane, then fewer lanes.
    let mut max_rows = sz.max_rows as usize;
    let mut lanes;
    loop {
        lanes = place_lanes(items, &specs, &geo, &scale, sz, 0.0, max_rows, width - m / 2.0);
        let lanes_h = lanes.last().map_or(0.0, |l| l.y + l.height);
        let Some(h) = opts.height else { break };
        if fit_top + lanes_h + footer_h <= h as f32 {
            break;
        }
        if max_rows > 1 {
            max_rows -= 1;
        } else if specs.len() > 1 && fixed.is_none() && opts.lanes != LaneBy::Type {
            // One lane fewer: the last kept lane joins "Other".
            let before = specs.len();
            let mut keep = before - 1;
            specs = lane_specs(items, &idx, opts.lanes, keep);
            while specs.len() >= before && keep > 1 {
                keep -= 1;
                specs = lane_specs(items, &idx, opts.lanes, keep);
            }
            if specs.len() >= before {
                break;
            }
        } else {
            // Nothing left to give up: the lanes run past the requested height.
            break;
        }
    }
    let clustered = lanes.iter().any(|l| !l.clusters.is_empty());
    let dense = lanes.iter().any(|l| l.density.is_some());
    let head = header(opts, width, sz, dense, clustered);
    let axis_top = head.bottom;
    let plot_top = axis_top + sz.axis_height;
    for lane in &mut lanes {
        shift(lane, plot_top);
    }
    let plot_bottom = lanes.last().map_or(plot_top, |l| l.y + l.height);
    let height = match opts.height {
        Some(h) => h as f32,
        None => plot_bottom + footer_h,
    };
    let foot_y = height - m * 0.5 - 4.0;
    let source_line = opts.source_line.as_deref().filter(|s| !s.trim().is_empty()).map(|s| TextBox {
        x: m,
        y: foot_y,
        text: ellipsize(s, sz.source_line, false, width * 0.6),
        size: sz.source_line,
        bold: false,
        anchor: TextAnchor::Start,
    });
    let window_note = TextBox {
        x: width - m,
        y: foot_y,
        text: format!(
            "{} – {} · {} event{}",
            long_date(from),
            long_date(to),
            group_thousands(idx.len()),
            if idx.len() == 1 { "" } else { "s" }
        ),
        size: sz.source_line,
        bold: false,
        anchor: TextAnchor::End,
    };
    Ok(Layout {
        width,
        height,
        theme: opts.theme,
        scale,
        title: head.title,
        subtitle: head.subtitle,
        legend: head.legend,
        axis_top,
        plot_top,
        plot_bottom,
        ticks,
        lanes,
        source_line,
        window_note,
        item_count: idx.len(),
    })
}

#[allow(clippy::too_many_arguments)]
fn place_lanes(
    items: &[TimelineItem],
    specs: &[LaneSpec],
    geo: &[Geo],
    scale: &TimeScale,
    sz: &Sizes,
    top: f32,
    max_rows: usize,
    right_limit: f32,
) -> Vec<Lane> {
    let m = sz.margin;
    let pad = sz.lane_padding;
    let rh = sz.row_height;
    let mut y = top;
    let mut lanes = Vec::with_capacity(specs.len());
    let bin = 3.0f32;
    let nbins = ((scale.width / bin).ceil() as usize).max(1);
    let dense_limit = dense_limit(scale.width);
    for spec in specs {
        let count = spec.members.len();
        let mut lane = Lane {
            key: spec.key.clone(),
            label: TextBox {
                x: m,
                y: 0.0,
                text: ellipsize(&spec.key, sz.lane_label, true, scale.x0 - m - 14.0),
                size: sz.lane_label,
                bold: true,
                anchor: TextAnchor::Start,
            },
            count_label: TextBox {
                x: m,
                y: 0.0,
                text: format!("{} event{}", group_thousands(count), if count == 1 { "" } else { "s" }),
                size: sz.lane_count,
                bold: false,
                anchor: TextAnchor::Start,
            },
            count,
            y,
            height: 0.0,
            rows: 0,
            marks: Vec::new(),
            clusters: Vec::new(),
            density: None,
        };
        if count > dense_limit {
            let rows = (sz.density_rows as usize).min(max_rows.max(2)).max(2);
            lane.rows = rows as u32;
            lane.height = 2.0 * pad + rows as f32 * rh;
            let bins = density_bins(items, &spec.members, geo, scale.x0, bin, nbins);
            let max = bins.iter().map(|b| b.iter().sum::<f32>()).fold(1e-6, f32::max);
            let count_h = sz.cluster + 4.0;
            lane.density = Some(Density {
                x0: scale.x0,
                bin_px: bin,
                base_y: y + lane.height - pad,
                max_height: lane.height - 2.0 * pad - count_h,
                max,
                bins,
                counts: Vec::new(),
            });
        } else {
            let mut order = spec.members.clone();
            order.sort_by(|&a, &b| geo[a].vx0.total_cmp(&geo[b].vx0).then(items[a].id.cmp(&items[b].id)));
            let (placed, overflow, rows) = pack(items, &order, geo, sz, max_rows, right_limit);
            let rows = rows.max(1);
            let cluster_h = if overflow.is_empty() { 0.0 } else { sz.cluster_height + 6.0 };
            lane.rows = rows as u32;
            lane.height = 2.0 * pad + rows as f32 * rh + cluster_h;
            for p in placed {
                let g = &geo[p.item];
                let it = &items[p.item];
                let cy = y + pad + (p.row as f32 + 0.5) * rh;
                lane.marks.push(Mark {
                    item: p.item,
                    id: it.id,
                    kind: it.kind,
                    status: it.status,
                    shape: g.shape,
                    x0: g.vx0,
                    x1: g.vx1,
                    cy,
                    row: p.row as u32,
                    label: p.label.map(|(x, width, text, anchor)| Label {
                        x,
                        y: cy + sz.label * 0.36,
                        text,
                        anchor,
                        width,
                    }),
                });
            }
            let cy = y + pad + rows as f32 * rh + 3.0;
            lane.clusters = clusters(items, &overflow, geo, sz, cy);
        }
        let name_block = sz.lane_label + 3.0 + sz.lane_count;
        let label_top = y + pad + ((rh * 1.6).min(lane.height - 2.0 * pad) - name_block).max(0.0) / 2.0;
        lane.label.y = label_top + sz.lane_label * 0.8;
        lane.count_label.y = lane.label.y + 3.0 + sz.lane_count;
        y += lane.height;
        lanes.push(lane);
    }
    // Each band is scaled to its own peak (one busy lane would flatten the rest); the counts
    // printed per labelled interval give the absolute numbers.
    let spans = count_spans(scale);
    for (lane, spec) in lanes.iter_mut().zip(specs) {
        if let Some(d) = &mut lane.density {
            let mut counts = vec![0usize; spans.len()];
            for &i in &spec.members {
                let c = (geo[i].x0 + geo[i].x1) / 2.0;
                if let Some(k) = spans.iter().position(|&(a, b)| c >= a && c < b) {
                    counts[k] += 1;
                }
            }
            let y = lane.y + pad + sz.cluster * 0.9;
            d.counts = spans
                .iter()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .map(|(&(a, b), count)| CountLabel { x: (a + b) / 2.0, y, count })
                .collect();
        }
    }
    lanes
}

/// The intervals density counts are given for: the minor tick intervals when at least 48 px
/// wide, else the major ones.
fn count_spans(scale: &TimeScale) -> Vec<(f32, f32)> {
    let sz = &theme().sizes;
    let ticks = scale::ticks(scale, sz.tick_minor, sz.tick_major);
    let spans_of = |tier| {
        let mut xs: Vec<f32> = ticks.iter().filter(|t| t.tier == tier).map(|t| t.x).collect();
        xs.sort_by(f32::total_cmp);
        xs.dedup();
        let mut b = vec![scale.x0];
        b.extend(xs.into_iter().filter(|&x| x > scale.x0 + 0.5 && x < scale.right() - 0.5));
        b.push(scale.right());
        b.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>()
    };
    // Minor intervals are bounded by both tiers' lines.
    let mut all: Vec<f32> = ticks.iter().map(|t| t.x).collect();
    all.sort_by(f32::total_cmp);
    all.dedup();
    let mut b = vec![scale.x0];
    b.extend(all.into_iter().filter(|&x| x > scale.x0 + 0.5 && x < scale.right() - 0.5));
    b.push(scale.right());
    let minor: Vec<(f32, f32)> = b.windows(2).map(|w| (w[0], w[1])).collect();
    if minor.iter().all(|(a, b)| b - a >= 48.0) { minor } else { spans_of(scale::Tier::Major) }
}

/// 1234567 → "1,234,567".
pub fn group_thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn long_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::DateRange;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    fn item(id: i64, kind: EventKind, date: DateRange, actors: &[&str]) -> TimelineItem {
        TimelineItem {
            id,
            kind,
            status: Status::Occurred,
            date,
            label: format!("Event {id}"),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            countries: vec![],
            sources: vec![],
        }
    }

    /// The lane rules the app's timeline follows too (ui/src/lib/events.ts `lanesBy` runs the
    /// same cases): an exported image has the lanes on screen.
    #[test]
    fn lane_rules_shared_with_the_app() {
        #[derive(serde::Deserialize)]
        struct Cases {
            max_lanes: usize,
            cases: Vec<Case>,
        }
        #[derive(serde::Deserialize)]
        struct Case {
            name: String,
            by: LaneBy,
            items: Vec<CaseItem>,
            lanes: Vec<(String, Vec<i64>)>,
        }
        #[derive(serde::Deserialize)]
        struct CaseItem {
            id: i64,
            values: Vec<String>,
        }
        let cases: Cases =
            serde_json::from_str(include_str!("../tests/lane-cases.json")).expect("lane-cases.json");
        assert_eq!(
            cases.max_lanes,
            theme().sizes.max_lanes as usize,
            "the cases assume theme.json's max_lanes"
        );
        for case in &cases.cases {
            let items: Vec<TimelineItem> = case
                .items
                .iter()
                .map(|ci| {
                    let mut it = item(ci.id, EventKind::Meeting, DateRange::day(d(2024, 1, 1)), &[]);
                    match case.by {
                        LaneBy::Actor => it.actors = ci.values.clone(),
                        LaneBy::Country => it.countries = ci.values.clone(),
                        LaneBy::Source => it.sources = ci.values.clone(),
                        LaneBy::Type => unreachable!("type lanes are fixed"),
                    }
                    it
                })
                .collect();
            let idx: Vec<usize> = (0..items.len()).collect();
            let got: Vec<(String, Vec<i64>)> = lane_specs(&items, &idx, case.by, cases.max_lanes)
                .into_iter()
                .map(|l| (l.key, l.members.iter().map(|&i| items[i].id).collect()))
                .collect();
            assert_eq!(got, case.lanes, "{}", case.name);
        }
    }

    #[test]
    fn type_lanes_are_named_in_the_plural_as_in_the_app() {
        let items = vec![
            item(1, EventKind::Call, DateRange::day(d(2024, 1, 1)), &[]),
            item(2, EventKind::Visit, DateRange::day(d(2024, 1, 2)), &[]),
        ];
        let keys: Vec<String> =
            lane_specs(&items, &[0, 1], LaneBy::Type, 20).into_iter().map(|l| l.key).collect();
        // Kinds in their fixed order; names from theme.json's `plural` (the app's lanes read it too).
        assert_eq!(keys, ["Visits", "Calls"]);
    }

    #[test]
    fn lanes_follow_a_given_order() {
        let day = |n: u32| DateRange::day(d(2024, 1, n));
        let items = vec![
            item(1, EventKind::Meeting, day(1), &["A"]),
            item(2, EventKind::Meeting, day(2), &["A"]),
            item(3, EventKind::Meeting, day(3), &["B", "A"]),
            item(4, EventKind::Meeting, day(4), &["B"]),
            item(5, EventKind::Meeting, day(20), &["C"]),
        ];
        let keys = |opts: &ExportOptions| -> Vec<(String, Vec<i64>)> {
            layout(&items, opts)
                .expect("layout")
                .lanes
                .iter()
                .map(|l| {
                    let mut ids: Vec<i64> = l.marks.iter().map(|m| items[m.item].id).collect();
                    ids.sort_unstable();
                    (l.key.clone(), ids)
                })
                .collect()
        };
        let order = |ks: &[&str]| Some(ks.iter().map(|k| k.to_string()).collect());
        let mut opts = ExportOptions {
            lanes: LaneBy::Actor,
            lane_order: order(&["C", "A", "Other (1 actors)"]),
            ..Default::default()
        };
        // B is not listed: its item with A stays in A only, the other goes to Other.
        assert_eq!(
            keys(&opts),
            vec![("C".into(), vec![5]), ("A".into(), vec![1, 2, 3]), ("Other (1 actors)".into(), vec![4])]
        );
        // A window without C's event: C's lane is left out, the order holds.
        opts.lane_order = order(&["C", "B", "A"]);
        opts.to = Some(d(2024, 1, 10));
        let got: Vec<String> = keys(&opts).into_iter().map(|(k, _)| k).collect();
        assert_eq!(got, vec!["B".to_string(), "A".to_string()]);
        // No order: by size.
        opts.lane_order = None;
        let got: Vec<String> = keys(&opts).into_iter().map(|(k, _)| k).collect();
        assert_eq!(got, vec!["A".to_string(), "B".to_string()]);
    }

    #[test]
    fn thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }

    #[test]
    fn marks_never_overlap_in_a_row() {
        let items: Vec<TimelineItem> = (0..60)
            .map(|i| {
                item(
                    i,
                    EventKind::Visit,
                    DateRange::day(d(2024, 1, 1) + chrono::Days::new((i % 20) as u64)),
                    &["A"],
                )
            })
            .collect();
        let l = layout(&items, &ExportOptions::default()).expect("layout");
        for lane in &l.lanes {
            for a in &lane.marks {
                for b in &lane.marks {
                    if a.item != b.item && a.row == b.row {
                        assert!(a.x1 <= b.x0 || b.x1 <= a.x0, "overlap {a:?} {b:?}");
                    }
                }
            }
            let placed = lane.marks.len() + lane.clusters.iter().map(|c| c.count).sum::<usize>();
            assert_eq!(placed, lane.count, "every member is a mark or in a cluster");
        }
    }

    #[test]
    fn precision_sets_shape() {
        let items = vec![
            item(1, EventKind::Call, DateRange::day(d(2023, 6, 14)), &[]),
            item(
                2,
                EventKind::Visit,
                DateRange::new(d(2023, 6, 1), d(2023, 6, 20), Precision::Day).expect("r"),
                &[],
            ),
            item(3, EventKind::Meeting, DateRange::month(2023, 6).expect("m"), &[]),
        ];
        let l = layout(&items, &ExportOptions::default()).expect("layout");
        let shape = |id| l.lanes.iter().flat_map(|l| &l.marks).find(|m| m.id == id).expect("mark").shape;
        assert_eq!(shape(1), Shape::Point);
        assert_eq!(shape(2), Shape::Bar);
        assert_eq!(shape(3), Shape::Soft);
        // The month spans all of June, not a dot on June 1.
        let m = l.lanes.iter().flat_map(|l| &l.marks).find(|m| m.id == 3).expect("mark");
        let june = l.scale.extent(d(2023, 6, 1), d(2023, 6, 30));
        assert!((m.x0 - june.0).abs() < 0.01 && (m.x1 - june.1).abs() < 0.01);
    }

    #[test]
    fn lanes_by_actor_with_other() {
        let mut items = Vec::new();
        for i in 0..40 {
            items.push(item(i, EventKind::Call, DateRange::day(d(2024, 3, 1)), &[&format!("Actor {i:02}")]));
        }
        items.push(item(100, EventKind::Call, DateRange::day(d(2024, 3, 2)), &["Actor 00", "Actor 00"]));
        items.push(item(101, EventKind::Call, DateRange::day(d(2024, 3, 2)), &[]));
        let opts = ExportOptions { lanes: LaneBy::Actor, ..Default::default() };
        let l = layout(&items, &opts).expect("layout");
        assert_eq!(l.lanes.len(), theme().sizes.max_lanes as usize);
        assert_eq!(l.lanes[0].key, "Actor 00");
        assert_eq!(l.lanes[0].count, 2, "a duplicated actor counts once");
        assert!(l.lanes.last().expect("lane").key.starts_with("Other ("));
        assert_eq!(l.item_count, 42);
    }

    #[test]
    fn fixed_height_is_respected() {
        let items: Vec<TimelineItem> = (0..400)
            .map(|i| {
                let a = format!("A{}", i % 30);
                item(
                    i,
                    EventKind::Meeting,
                    DateRange::day(d(2024, 1, 1) + chrono::Days::new((i % 90) as u64)),
                    &[&a],
                )
            })
            .collect();
        let opts = ExportOptions { lanes: LaneBy::Actor, height: Some(700), ..Default::default() };
        let l = layout(&items, &opts).expect("layout");
        assert_eq!(l.height, 700.0);
        assert!(l.plot_bottom <= 700.0, "{}", l.plot_bottom);
    }

    #[test]
    fn an_impossible_height_terminates() {
        let items: Vec<TimelineItem> = (0..200)
            .map(|i| {
                let a = format!("A{}", i % 40);
                item(
                    i,
                    EventKind::ALL[(i % 4) as usize],
                    DateRange::day(d(2024, 1, 1) + chrono::Days::new((i % 9) as u64)),
                    &[&a],
                )
            })
            .collect();
        for lanes in [LaneBy::Type, LaneBy::Actor] {
            let opts =
                ExportOptions { lanes, height: Some(150), title: Some("T".into()), ..Default::default() };
            let l = layout(&items, &opts).expect("layout");
            assert_eq!(l.height, 150.0);
            assert!(!l.lanes.is_empty());
        }
    }

    #[test]
    fn dense_lanes_become_density_bands() {
        let items: Vec<TimelineItem> = (0..5000)
            .map(|i| {
                item(
                    i,
                    EventKind::Visit,
                    DateRange::day(d(2020, 1, 1) + chrono::Days::new((i % 1500) as u64)),
                    &[],
                )
            })
            .collect();
        let l = layout(&items, &ExportOptions::default()).expect("layout");
        let d = l.lanes[0].density.as_ref().expect("density");
        let total: f32 = d.bins.iter().map(|b| b.iter().sum::<f32>()).sum();
        assert!((total - 5000.0).abs() < 1.0, "{total}");
        assert_eq!(d.counts.iter().map(|c| c.count).sum::<usize>(), 5000);
    }

    #[test]
    fn empty_and_bad_options() {
        assert_eq!(layout(&[], &ExportOptions::default()).unwrap_err(), RenderError::Empty);
        let items = vec![item(1, EventKind::Call, DateRange::day(d(2023, 6, 14)), &[])];
        let outside = ExportOptions { from: Some(d(2024, 1, 1)), ..Default::default() };
        assert_eq!(layout(&items, &outside).unwrap_err(), RenderError::Empty);
        let window =
            ExportOptions { from: Some(d(2024, 1, 1)), to: Some(d(2024, 12, 31)), ..Default::default() };
        assert_eq!(layout(&items, &window).unwrap_err(), RenderError::Empty);
        let bad = ExportOptions { from: Some(d(2024, 1, 2)), to: Some(d(2024, 1, 1)), ..Default::default() };
        assert!(matches!(layout(&items, &bad), Err(RenderError::InvalidOptions(_))));
        assert!(RenderError::Empty.to_string().contains("nothing to draw"));
    }
}
