// Hit testing on the layout: lane from y, row from y, then a binary search in
// the row (rows are sorted by x0 and mostly non-overlapping). O(log n).

import { endStartingBefore, type LaneGeometry, type Layout, type Placed, type GeometryParams } from './layout';

export interface HitParams extends GeometryParams {
  /** Left edge of the visible domain (ms) and the zoom. */
  viewStart: number;
  msPerPx: number;
  /** Tolerance around glyphs, px. */
  tolerancePx: number;
  /** How far back to look for overlapping items in a crowded row. */
  maxScan?: number;
  /** Gap between items of a row (ms), for label limits. */
  gapMs?: number;
}

export interface Hit {
  placed: Placed;
  /** True when the pointer is on the glyph (not only its label). */
  onGlyph: boolean;
}

/** Where a row's item label actually ends: its room, cut at the next item. */
export function labelLimit(items: readonly Placed[], i: number, gapMs: number): number {
  const next = items[i + 1];
  const end = items[i].labelEnd;
  return next ? Math.min(end, next.x0 - gapMs) : end;
}

export function hitTest(layout: Layout, geo: readonly LaneGeometry[], x: number, y: number, p: HitParams): Hit | null {
  const lane = geo.find((g) => y >= g.y && y < g.y + g.height);
  if (!lane) return null;
  const li = layout.lanes.findIndex((l) => l.key === lane.key);
  if (li < 0) return null;
  const rowIdx = Math.floor((y - lane.y - p.lanePad) / p.rowHeight);
  const row = layout.lanes[li].rows[rowIdx];
  if (!row) return null;
  const t = p.viewStart + x * p.msPerPx;
  const tol = p.tolerancePx * p.msPerPx;
  const items = row.items;
  let i = endStartingBefore(row, t + tol) - 1;
  const stop = Math.max(-1, i - (p.maxScan ?? 64));
  let best: Hit | null = null;
  let bestDist = Infinity;
  for (; i > stop; i--) {
    const pl = items[i];
    if (row.maxEnd[i] < t - tol) break;
    if (t >= pl.x0 - tol && t <= pl.x1 + tol) {
      const c = (pl.x0 + pl.x1) / 2;
      const d = Math.abs(t - c) / Math.max(1, pl.x1 - pl.x0);
      if (!best || !best.onGlyph || d < bestDist) {
        best = { placed: pl, onGlyph: true };
        bestDist = d;
      }
    } else if (!best && t > pl.x1 && t <= labelLimit(items, i, p.gapMs ?? 0)) {
      best = { placed: pl, onGlyph: false };
    }
  }
  return best;
}

