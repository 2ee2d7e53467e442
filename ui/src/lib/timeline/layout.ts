// Lanes and stacking. Positions are kept in time units (ms) so that panning
// never needs a new layout; only a change of zoom (ms per pixel) or of the
// available rows does.

import { EVENT_KINDS } from '../types';
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
  /** Too many items at this zoom: drawn as a density band, not stacked. */
  dense: boolean;
  /** Collapsed by the user: a one-row density band. */
  collapsed?: boolean;
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

/** Stacking of every item (see LaneStacker); `sorted` must be in start order. */
export function layoutItems(sorted: readonly TimelineItem[], spec: LaneSpec, p: LayoutParams): Layout {
  const keys = laneOrder(sorted, spec);
  const laneIndex = new Map(keys.map((k, i) => [k, i]));
  const stackers = keys.map((key, li) => new LaneStacker(key, spec.label(key), li, p));
  for (const it of sorted) {
    const k = spec.key(it);
    if (typeof k === 'string') stackers[laneIndex.get(k)!].place(it);
    else for (const kk of k) stackers[laneIndex.get(kk)!].place(it);
  }
  return makeLayout(
    p.msPerPx,
    stackers.map((s) => s.finish()),
  );
}

/** A Layout over finished lanes; the id index is built on first use only. */
export function makeLayout(msPerPx: number, lanes: LaneLayout[]): Layout {
  // Most layouts (one per zoom level while zooming) never need the index.
  let index: Map<number, Placed> | null = null;
  return {
    msPerPx,
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

/**
 * Greedy interval stacking of one lane; items must come in start order.
 * Each item goes in the first row where it and its label fit; failing that,
 * the first row where the glyph alone fits (its neighbour's label will be
 * shortened); failing that (lane full), the row that frees up first, flagged
 * as overlapping.
 */
export class LaneStacker {
  private lane: LaneLayout;
  private gEnds: number[] = [];
  private lEnds: number[] = [];
  private gap: number;
  private minGlyph: number;
  private maxRows: number;

  constructor(
    key: string,
    label: string,
    private li: number,
    private p: LayoutParams,
  ) {
    this.lane = { key, label, rows: [], count: 0, overlapping: 0, dense: false };
    this.gap = p.gapPx * p.msPerPx;
    this.minGlyph = p.minGlyphPx * p.msPerPx;
    this.maxRows = Math.max(1, p.maxRows);
  }

  place(it: TimelineItem): void {
    const { p, lane, gEnds, lEnds, gap, minGlyph } = this;
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
    if (row < 0 && lEnds.length < this.maxRows) row = lEnds.length;
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
    lane.rows[row].items.push({ item: it, lane: this.li, row, x0, x1, labelEnd, overlaps });
    lane.count++;
  }

  /** Sort rows by x0 and compute the running maxima culling relies on. */
  finish(): LaneLayout {
    for (const row of this.lane.rows) {
      row.items.sort((a, b) => a.x0 - b.x0);
      let m = -Infinity;
      row.maxEnd = row.items.map((pl) => (m = Math.max(m, pl.labelEnd, pl.x1)));
    }
    return this.lane;
  }
}

/**
 * Items in start order, without copying when they already are (the backend
 * sends events in date order). A nearly sorted list (a month-precision event
 * starts on the 1st, a little before its neighbours) is fixed by insertion
 * sort, which costs what the items move; past a budget of moves it gives up
 * and sorts fully.
 */
export function inStartOrder(items: readonly TimelineItem[]): readonly TimelineItem[] {
  let sorted = true;
  for (let i = 1; i < items.length && sorted; i++) if (items[i].start < items[i - 1].start) sorted = false;
  if (sorted) return items;
  const out = [...items];
  let budget = 64 * out.length + 1024;
  for (let i = 1; i < out.length; i++) {
    const it = out[i];
    let j = i - 1;
    while (j >= 0 && out[j].start > it.start) {
      out[j + 1] = out[j];
      j--;
      if (--budget < 0) return sortForLayout(items);
    }
    out[j + 1] = it;
  }
  return out;
}

/** One lane's items in start order, with their starts as a typed array for binary search. */
export interface LaneIndex {
  key: string;
  label: string;
  items: TimelineItem[];
  starts: Float64Array;
  /** Longest item (ms): items starting this much before a time may still reach it. */
  maxSpan: number;
  /** Starts per event kind (EVENT_KINDS order), sorted: density bands count with them. */
  kindStarts: Float64Array[];
}

/** Split start-ordered items into lanes in one pass (lane order as laneOrder). */
export function buildLaneIndex(sorted: readonly TimelineItem[], spec: LaneSpec): LaneIndex[] {
  const buckets = new Map<string, TimelineItem[]>();
  for (const k of spec.order) buckets.set(k, []);
  const push = (k: string, it: TimelineItem) => {
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = []));
    b.push(it);
  };
  for (const it of sorted) {
    const k = spec.key(it);
    if (typeof k === 'string') push(k, it);
    else for (const kk of k) push(kk, it);
  }
  const fixed = new Set(spec.order);
  const keys = [...spec.order, ...[...buckets.keys()].filter((k) => !fixed.has(k)).sort()];
  return keys.map((key) => {
    const items = buckets.get(key)!;
    const starts = new Float64Array(items.length);
    let maxSpan = 0;
    for (let i = 0; i < items.length; i++) {
      starts[i] = items[i].start;
      const d = items[i].end - items[i].start;
      if (d > maxSpan) maxSpan = d;
    }
    // One pass: count per kind, then fill typed arrays (no growing arrays to copy).
    const counts = EVENT_KINDS.map(() => 0);
    const kindIndex = (k: string) => EVENT_KINDS.indexOf(k as (typeof EVENT_KINDS)[number]);
    for (const it of items) {
      const k = kindIndex(it.kind);
      if (k >= 0) counts[k]++;
    }
    const kindStarts = counts.map((n) => new Float64Array(n));
    const fill = counts.map(() => 0);
    for (const it of items) {
      const k = kindIndex(it.kind);
      if (k >= 0) kindStarts[k][fill[k]++] = it.start;
    }
    return { key, label: spec.label(key), items, starts, maxSpan, kindStarts };
  });
}

/** First index i with a[i] >= t. */
export function lowerBound(a: Float64Array, t: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index range [a, b) of a lane's items that may intersect [t0, t1]. */
export function laneSlice(lane: LaneIndex, t0: number, t1: number): [number, number] {
  return [lowerBound(lane.starts, t0 - lane.maxSpan), lowerBound(lane.starts, t1 + 1e-9)];
}

/**
 * Layout of a time window only: lanes with more items in `view` than
 * `denseAbove` are not stacked (drawn as density bands), the others are
 * stacked over the window's items alone, and become density bands only if
 * some marks in view still overlap (no row of `maxRows` had room). The cost follows what is on screen,
 * not the size of the workspace. Past `labelsUpTo` stacked items in view no
 * label is drawn, so none gets room.
 */
export function layoutWindow(
  lanes: readonly LaneIndex[],
  t0: number,
  t1: number,
  p: LayoutParams,
  denseAbove: number,
  collapsed: ReadonlySet<string> = new Set(),
  view: readonly [number, number] = [t0, t1],
  labelsUpTo = Infinity,
): Layout {
  const slices = lanes.map((lane) => {
    const [a, b] = laneSlice(lane, t0, t1);
    const [va, vb] = laneSlice(lane, view[0], view[1]);
    const folded = collapsed.has(lane.key);
    return { a, b, folded, dense: folded || vb - va > denseAbove, inView: vb - va };
  });
  // More stacked items in view than get labels (the painter batches them without labels):
  // stack the glyphs alone, which packs them into fewer overlaps (and costs less).
  const stackedInView = slices.reduce((n, s) => n + (s.dense ? 0 : s.inView), 0);
  const q = stackedInView > labelsUpTo ? { ...p, charPx: 0 } : p;
  const out = lanes.map((lane, li) => {
    const { a, b, folded, dense } = slices[li];
    if (dense) {
      return { key: lane.key, label: lane.label, rows: [], count: lane.items.length, overlapping: 0, dense: true, collapsed: folded } satisfies LaneLayout;
    }
    const st = new LaneStacker(lane.key, lane.label, li, q);
    for (let i = a; i < b; i++) st.place(lane.items[i]);
    const l = st.finish();
    l.count = lane.items.length;
    // Density only when marks truly overlap in view: a lane whose rows hold every mark
    // apart stays stacked however many marks it has.
    if (l.overlapping > 0 && overlapsInView(l, view)) {
      return { key: lane.key, label: lane.label, rows: [], count: lane.items.length, overlapping: 0, dense: true, collapsed: false } satisfies LaneLayout;
    }
    return l;
  });
  return makeLayout(p.msPerPx, out);
}

/** Whether a mark placed over another (no free row) lies in the view. */
function overlapsInView(l: LaneLayout, [v0, v1]: readonly [number, number]): boolean {
  return l.rows.some((r) => r.items.some((pl) => pl.overlaps && pl.x1 >= v0 && pl.x0 <= v1));
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
  const natural = layout.lanes.map((l) => laneRows(l) * g.rowHeight + 2 * g.lanePad);
  const open = layout.lanes.filter((l) => !l.collapsed).length;
  const spare = fill - natural.reduce((s, h, i) => s + (layout.lanes[i].collapsed ? h : 0), 0);
  const share = open ? Math.min(maxStretch, Math.floor(spare / open)) : 0;
  return layout.lanes.map((l, i) => {
    const rows = laneRows(l);
    const height = l.collapsed ? natural[i] : Math.max(natural[i], share);
    const geo = { key: l.key, label: l.label, y, height, rows, count: l.count, overlapping: l.overlapping };
    y += height;
    return geo;
  });
}

/** Rows of height a lane takes: a density band takes DENSITY_ROWS. */
export const DENSITY_ROWS = 2;
function laneRows(l: LaneLayout): number {
  return l.collapsed ? 1 : l.dense ? DENSITY_ROWS : Math.max(1, l.rows.length);
}

/** What a lane shows of a view: its items there, and how many of them are drawn apart. */
export interface LaneMarks {
  /** Items of the lane that intersect the view (for a density band, those starting near it). */
  inView: number;
  /** Of those, the ones drawn as a mark of their own: stacked, over no other (0 in a density band). */
  marks: number;
}

/**
 * Per lane, the items in `view` and the marks drawn for them: what "every visit is
 * visible" means, counted the way the painter draws. A stacked lane holds every item of
 * the layout's window, so it is counted exactly; a density band counts its slice (no
 * marks), which costs two binary searches, whatever the lane's size.
 */
export function laneMarks(layout: Layout, lanes: readonly LaneIndex[], [v0, v1]: readonly [number, number]): LaneMarks[] {
  return layout.lanes.map((lane, li) => {
    if (lane.dense || lane.collapsed) {
      const ix = lanes[li];
      if (!ix) return { inView: 0, marks: 0 };
      const [a, b] = laneSlice(ix, v0, v1);
      return { inView: b - a, marks: 0 };
    }
    let inView = 0;
    let marks = 0;
    for (const row of lane.rows)
      for (const pl of row.items) {
        if (pl.item.end < v0 || pl.item.start > v1) continue;
        inView++;
        if (!pl.overlaps) marks++;
      }
    return { inView, marks };
  });
}
