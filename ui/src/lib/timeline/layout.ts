// Lanes and stacking. Positions are kept in time units (ms) so that panning
// never needs a new layout; only a change of zoom (ms per pixel) or of the
// available rows does.

import type { LaneSpec, TimelineItem } from './types';

export interface LayoutParams {
  /** Current zoom: milliseconds per CSS pixel. */
  msPerPx: number;
  /** Most rows a lane may use; items that don't fit overlap in the last-freed row. */
  maxRows: number;
  /** Smallest glyph width in px (points and very short ranges). */
  minGlyphPx: number;
  /** Horizontal gap between two items of a row, px. */
  gapPx: number;
  /** Estimated label width per character, px (0 disables label room). */
  charPx: number;
  /** Label room never exceeds this, px. */
  maxLabelPx: number;
  /** Gap between glyph and its label, px. */
  labelGapPx: number;
}

export const DEFAULT_LAYOUT: Omit<LayoutParams, 'msPerPx'> = {
  maxRows: 8,
  minGlyphPx: 11,
  gapPx: 4,
  charPx: 6.4,
  maxLabelPx: 180,
  labelGapPx: 5,
};

export interface Placed {
  item: TimelineItem;
  lane: number;
  row: number;
  /** Glyph extent (ms). */
  x0: number;
  x1: number;
  /** Where the label room reserved for this item ends (ms, >= x1). */
  labelEnd: number;
  /** Placed over other items because the lane had no free row. */
  overlaps: boolean;
}

export interface Row {
  items: Placed[];
  /** maxEnd[i] = max over items[0..i] of labelEnd: lets culling binary-search. */
  maxEnd: number[];
}

export interface LaneLayout {
  key: string;
  label: string;
  rows: Row[];
  count: number;
  overlapping: number;
}

export interface Layout {
  msPerPx: number;
  lanes: LaneLayout[];
  /** id → placement (the first lane's, for items in several lanes); lazy. */
  readonly byId: Map<number, Placed>;
}

/** Glyph extent (ms) of an item at a zoom: at least minGlyphPx wide, centred. */
export function glyphExtent(it: TimelineItem, msPerPx: number, minGlyphPx: number): [number, number] {
  const min = minGlyphPx * msPerPx;
  if (it.end - it.start >= min) return [it.start, it.end];
  const c = (it.start + it.end) / 2;
  return [c - min / 2, c + min / 2];
}

/** Lane keys in display order: the spec's fixed order, then others sorted. */
export function laneOrder(items: readonly TimelineItem[], spec: LaneSpec): string[] {
  const fixed = [...spec.order];
  const seen = new Set(fixed);
  const extra = new Set<string>();
  for (const it of items) {
    const k = spec.key(it);
    if (typeof k === 'string') {
      if (!seen.has(k)) extra.add(k);
    } else {
      for (const kk of k) if (!seen.has(kk)) extra.add(kk);
    }
  }
  return [...fixed, ...[...extra].sort()];
}

/** Items sorted by start, then longer first, then id: stable stacking. */
export function sortForLayout(items: readonly TimelineItem[]): TimelineItem[] {
  return [...items].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
}

/**
 * Greedy interval stacking per lane. Each item goes in the first row where it
 * and its label fit; failing that, the first row where the glyph alone fits
 * (its neighbour's label will be shortened); failing that (lane full), the row
 * that frees up first, flagged as overlapping. `sorted` must come from
 * sortForLayout.
 */
export function layoutItems(sorted: readonly TimelineItem[], spec: LaneSpec, p: LayoutParams): Layout {
  const keys = laneOrder(sorted, spec);
  const laneIndex = new Map(keys.map((k, i) => [k, i]));
  const lanes: LaneLayout[] = keys.map((key) => ({ key, label: spec.label(key), rows: [], count: 0, overlapping: 0 }));
  const glyphEnds: number[][] = keys.map(() => []);
  const labelEnds: number[][] = keys.map(() => []);
  const gap = p.gapPx * p.msPerPx;
  const maxRows = Math.max(1, p.maxRows);

  const minGlyph = p.minGlyphPx * p.msPerPx;
  const place = (it: TimelineItem, li: number) => {
    const lane = lanes[li];
    const gEnds = glyphEnds[li];
    const lEnds = labelEnds[li];
    // Inlined glyphExtent (no tuple allocation: this loop runs 100k times).
    let x0 = it.start;
    let x1 = it.end;
    if (x1 - x0 < minGlyph) {
      const c = (x0 + x1) / 2;
      x0 = c - minGlyph / 2;
      x1 = c + minGlyph / 2;
    }
    const labelPx = Math.min(p.maxLabelPx, it.label.length * p.charPx);
    const labelEnd = p.charPx > 0 ? x1 + (p.labelGapPx + labelPx) * p.msPerPx : x1;

    let row = -1;
    let overlaps = false;
    // 1. Room for glyph and label.
    for (let r = 0; r < lEnds.length; r++) {
      if (lEnds[r] <= x0 - gap) {
        row = r;
        break;
      }
    }
    if (row < 0 && lEnds.length < maxRows) row = lEnds.length;
    // 2. Room for the glyph only.
    if (row < 0) {
      for (let r = 0; r < gEnds.length; r++) {
        if (gEnds[r] <= x0 - gap) {
          row = r;
          break;
        }
      }
    }
    // 3. Lane full: the row that frees up first.
    if (row < 0) {
      row = 0;
      for (let r = 1; r < gEnds.length; r++) if (gEnds[r] < gEnds[row]) row = r;
      overlaps = true;
      lane.overlapping++;
    }
    if (row === lEnds.length) {
      lEnds.push(-Infinity);
      gEnds.push(-Infinity);
      lane.rows.push({ items: [], maxEnd: [] });
    }
    gEnds[row] = Math.max(gEnds[row], x1);
    lEnds[row] = Math.max(lEnds[row], labelEnd);
    const placed: Placed = { item: it, lane: li, row, x0, x1, labelEnd, overlaps };
    lane.rows[row].items.push(placed);
    lane.count++;
  };

  for (const it of sorted) {
    const k = spec.key(it);
    if (typeof k === 'string') place(it, laneIndex.get(k)!);
    else for (const kk of k) place(it, laneIndex.get(kk)!);
  }

  for (const lane of lanes) {
    for (const row of lane.rows) {
      row.items.sort((a, b) => a.x0 - b.x0);
      let m = -Infinity;
      row.maxEnd = row.items.map((pl) => (m = Math.max(m, pl.labelEnd, pl.x1)));
    }
  }
  // The id index is built on first use only: most layouts (one per zoom
  // level while zooming 100k items) never need it.
  let index: Map<number, Placed> | null = null;
  return {
    msPerPx: p.msPerPx,
    lanes,
    get byId() {
      if (!index) {
        index = new Map();
        for (const lane of lanes)
          for (const row of lane.rows) for (const pl of row.items) if (!index.has(pl.item.id)) index.set(pl.item.id, pl);
      }
      return index;
    },
  };
}

/** First index whose items may reach t (maxEnd >= t). */
export function firstReaching(row: Row, t: number): number {
  let lo = 0;
  let hi = row.maxEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (row.maxEnd[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index after the last item starting at or before t. */
export function endStartingBefore(row: Row, t: number): number {
  let lo = 0;
  let hi = row.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (row.items[mid].x0 <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items of a row that intersect [t0, t1] (labels included). */
export function visibleRange(row: Row, t0: number, t1: number): [number, number] {
  return [firstReaching(row, t0), endStartingBefore(row, t1)];
}

export interface LaneGeometry {
  key: string;
  label: string;
  /** Top, CSS px, in canvas coordinates. */
  y: number;
  height: number;
  rows: number;
  count: number;
  overlapping: number;
}

export interface GeometryParams {
  top: number;
  rowHeight: number;
  lanePad: number;
}

/**
 * Vertical placement of lanes: each as tall as its rows (at least one),
 * stretched to share `fill` px of height when there is room, up to `maxStretch`.
 */
export function laneGeometry(layout: Layout, g: GeometryParams, fill = 0, maxStretch = 160): LaneGeometry[] {
  let y = g.top;
  const n = layout.lanes.length;
  const natural = layout.lanes.map((l) => Math.max(1, l.rows.length) * g.rowHeight + 2 * g.lanePad);
  const share = n ? Math.min(maxStretch, Math.floor(fill / n)) : 0;
  return layout.lanes.map((l, i) => {
    const rows = Math.max(1, l.rows.length);
    const height = Math.max(natural[i], share);
    const geo = { key: l.key, label: l.label, y, height, rows, count: l.count, overlapping: l.overlapping };
    y += height;
    return geo;
  });
}

/** Rows per lane that fit a height when every lane is equally full. */
export function rowsThatFit(available: number, lanes: number, g: GeometryParams, cap = 40): number {
  if (lanes <= 0) return cap;
  const perLane = available / lanes - 2 * g.lanePad;
  return Math.max(1, Math.min(cap, Math.floor(perLane / g.rowHeight)));
}
