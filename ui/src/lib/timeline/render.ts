// Canvas drawing primitives for the timeline. Stateless: the Timeline class
// decides what is visible and where; these functions only paint.

import type { Theme } from '../theme';
import { lowerBound, type LaneIndex, type Placed } from './layout';
import { EVENT_KINDS } from '../types';
import type { TickSet } from './ticks';

export const AXIS_H = 44;
export const ROW_H = 24;
export const LANE_PAD = 6;
export const FONT_SIZE = 12;

/** "#rrggbb" + alpha → "rgba(...)". Other colour syntaxes pass through. */
export function withAlpha(hex: string, a: number): string {
  const key = `${hex}|${a}`;
  let out = alphaCache.get(key);
  if (out === undefined) {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    out = m ? `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${a})` : hex;
    if (alphaCache.size > 512) alphaCache.clear();
    alphaCache.set(key, out);
  }
  return out;
}
// Colours × a handful of alphas: a frame asks for the same few strings again and again.
const alphaCache = new Map<string, string>();

/** Truncates text with an ellipsis to fit maxW px; caches full widths. */
export class TextFitter {
  /** The font last set through `setFont` (reading `ctx.font` back serialises it: slow). */
  private font = '';
  /** Per font: label → full width. Keyed by the label itself (V8 caches a string's hash). */
  private widthsByFont = new Map<string, Map<string, number>>();
  private widths = new Map<string, number>();
  /** Per font: label → (room in 4 px steps → truncated label). */
  private fittedByFont = new Map<string, Map<string, Map<number, string | null>>>();
  private fitted = new Map<string, Map<number, string | null>>();
  private fittedCount = 0;
  constructor(private ctx: CanvasRenderingContext2D) {}

  /** Sets the context's font; set fonts through here so that the caches key on it. */
  setFont(font: string): void {
    this.ctx.font = font;
    if (font === this.font) return;
    this.font = font;
    let w = this.widthsByFont.get(font);
    if (!w) this.widthsByFont.set(font, (w = new Map()));
    this.widths = w;
    let f = this.fittedByFont.get(font);
    if (!f) this.fittedByFont.set(font, (f = new Map()));
    this.fitted = f;
  }

  /** Width in the font last set with `setFont`. */
  width(text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      w = this.ctx.measureText(text).width;
      if (this.widths.size > 20000) this.widths.clear();
      this.widths.set(text, w);
    }
    return w;
  }

  fit(text: string, maxW: number): string | null {
    if (maxW < 14) return null;
    if (this.width(text) <= maxW) return text;
    // Same label, same room (to 4 px): same answer. Panning hits this a lot.
    const bucket = Math.floor(maxW / 4);
    let byRoom = this.fitted.get(text);
    const hit = byRoom?.get(bucket);
    if (hit !== undefined) return hit;
    const r = this.truncate(text, maxW);
    if (this.fittedCount > 5000) {
      for (const m of this.fittedByFont.values()) m.clear();
      this.fittedCount = 0;
      byRoom = undefined;
    }
    if (!byRoom) this.fitted.set(text, (byRoom = new Map()));
    byRoom.set(bucket, r);
    this.fittedCount++;
    return r;
  }

  /**
   * Longest prefix + "…" within maxW. Starts from the label's own average
   * character width (its full width is cached), then corrects by one
   * character at a time: 1–3 measureText calls, not a binary search (labels
   * are mostly unique, so a zoom would otherwise measure thousands of times).
   */
  private truncate(text: string, maxW: number): string | null {
    maxW = Math.floor(maxW / 4) * 4;
    const avg = this.width(text) / Math.max(1, text.length);
    const ell = this.width('…');
    let n = Math.min(text.length - 1, Math.max(0, Math.floor((maxW - ell) / Math.max(0.1, avg))));
    const fits = (k: number) => this.ctx.measureText(text.slice(0, k) + '…').width <= maxW;
    if (fits(n)) {
      let guard = 0;
      while (n + 1 < text.length && guard++ < 4 && fits(n + 1)) n++;
    } else {
      let guard = 0;
      while (n > 0 && guard++ < 12 && !fits(n - 1)) n--;
      n = Math.max(0, n - 1);
    }
    return n >= 2 ? text.slice(0, n).trimEnd() + '…' : null;
  }
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  const rr = Math.max(0, Math.min(r, w / 2, h / 2));
  ctx.beginPath();
  ctx.moveTo(x + rr, y);
  ctx.arcTo(x + w, y, x + w, y + h, rr);
  ctx.arcTo(x + w, y + h, x, y + h, rr);
  ctx.arcTo(x, y + h, x, y, rr);
  ctx.arcTo(x, y, x + w, y, rr);
  ctx.closePath();
}

/** Width of the tick at the centre of a week-, month- or year-precise extent (px). */
export const CENTRE_TICK_W = 2;

/** Edge fade of a soft extent: alpha steps (of the full alpha) from the outside in, 3 px each. */
const SOFT_STEPS = [0.25, 0.5, 0.75];
const SOFT_STEP_PX = 3;

/** A flat tint of `color` at alpha `a` whose ends fade in `SOFT_STEPS`. */
export function softExtent(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, color: string, a: number): void {
  const n = Math.min(SOFT_STEPS.length, Math.floor(w / (2 * SOFT_STEP_PX)));
  for (let i = 0; i < n; i++) {
    ctx.fillStyle = withAlpha(color, a * SOFT_STEPS[i]);
    ctx.fillRect(x + i * SOFT_STEP_PX, y, SOFT_STEP_PX, h);
    ctx.fillRect(x + w - (i + 1) * SOFT_STEP_PX, y, SOFT_STEP_PX, h);
  }
  ctx.fillStyle = withAlpha(color, a);
  ctx.fillRect(x + n * SOFT_STEP_PX, y, w - 2 * n * SOFT_STEP_PX, h);
}

export interface ItemPaint {
  /** Glyph extent in px. */
  x0: number;
  x1: number;
  /** Row top in px. */
  top: number;
  /** Drawn as a marker (too short to be a bar at this zoom). */
  marker: boolean;
  selected: boolean;
  hovered: boolean;
}

/**
 * Paints one item's glyph. The line dash is solid on entry and on exit (every
 * dashed stroke here resets it): a `setLineDash` per glyph showed in profiles.
 */
export function drawGlyph(ctx: CanvasRenderingContext2D, pl: Placed, p: ItemPaint, th: Theme): void {
  const it = pl.item;
  const color = th.kinds[it.kind];
  const yMid = p.top + ROW_H / 2;
  const cx = (p.x0 + p.x1) / 2;
  ctx.lineWidth = 1.5;

  const strike = (a: number, b: number) => {
    ctx.strokeStyle = th.canvas.strike;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(a, yMid);
    ctx.lineTo(b, yMid);
    ctx.stroke();
  };

  if (it.mode === 'fuzzy' && !p.marker) {
    // A week, month or year is drawn as what is known of it: a soft translucent
    // extent over the whole interval (a flat tint with edges that fade in steps;
    // a gradient per extent cost ~0.4 ms to rasterise in software at screen
    // width) and a tick at its centre, never a solid bar. No solid line runs
    // along it, so a year does not outweigh the day events beside it.
    const top = p.top + 2;
    const h = ROW_H - 4;
    const w = Math.max(1, p.x1 - p.x0);
    softExtent(ctx, p.x0, top, w, h, color, th.fuzzyAlpha);
    if (it.status === 'planned' || it.status === 'postponed') {
      ctx.strokeStyle = withAlpha(color, th.fuzzyOutlineAlpha);
      ctx.lineWidth = 1;
      if (it.status === 'postponed') ctx.setLineDash([5, 3]);
      ctx.strokeRect(p.x0 + 0.5, top + 0.5, w - 1, h - 1);
      if (it.status === 'postponed') ctx.setLineDash([]);
    } else if (it.status === 'cancelled') {
      strike(p.x0 + 2, p.x1 - 2);
    }
    ctx.fillStyle = it.status === 'cancelled' ? withAlpha(color, th.struckTickAlpha) : color;
    ctx.fillRect(Math.round(cx) - CENTRE_TICK_W / 2, top, CENTRE_TICK_W, h);
  } else if (p.marker) {
    const r = 5.5;
    ctx.beginPath();
    ctx.arc(cx, yMid, r, 0, Math.PI * 2);
    const fuzzy = it.mode === 'fuzzy';
    switch (it.status) {
      case 'occurred':
        ctx.fillStyle = fuzzy ? withAlpha(color, 0.45) : color;
        ctx.fill();
        if (fuzzy) {
          ctx.strokeStyle = color;
          ctx.lineWidth = 1.25;
          ctx.stroke();
        }
        break;
      case 'planned':
        // A ring as two fills: stroking arcs rasterises ~4× slower in software.
        ctx.fillStyle = color;
        ctx.fill();
        ctx.beginPath();
        ctx.arc(cx, yMid, r - 2, 0, Math.PI * 2);
        ctx.fillStyle = th.canvas.bg;
        ctx.fill();
        break;
      case 'postponed':
        ctx.fillStyle = withAlpha(color, 0.2);
        ctx.fill();
        ctx.strokeStyle = color;
        ctx.lineWidth = 1.75;
        ctx.setLineDash([2.5, 2]);
        ctx.stroke();
        ctx.setLineDash([]);
        break;
      case 'cancelled':
        ctx.fillStyle = withAlpha(color, 0.35);
        ctx.fill();
        strike(cx - r - 3, cx + r + 3);
        break;
    }
  } else {
    const h = 12;
    const top = yMid - h / 2;
    const w = p.x1 - p.x0;
    roundRect(ctx, p.x0, top, w, h, 3);
    switch (it.status) {
      case 'occurred':
        ctx.fillStyle = color;
        ctx.fill();
        break;
      case 'planned':
        // Outline as two fills (cheaper to rasterise than a stroke).
        ctx.fillStyle = color;
        ctx.fill();
        ctx.fillStyle = th.canvas.bg;
        roundRect(ctx, p.x0 + 1.75, top + 1.75, w - 3.5, h - 3.5, 2);
        ctx.fill();
        break;
      case 'postponed':
        ctx.fillStyle = withAlpha(color, 0.2);
        ctx.fill();
        ctx.strokeStyle = color;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([4, 3]);
        roundRect(ctx, p.x0 + 0.75, top + 0.75, w - 1.5, h - 1.5, 3);
        ctx.stroke();
        ctx.setLineDash([]);
        break;
      case 'cancelled':
        ctx.fillStyle = withAlpha(color, 0.35);
        ctx.fill();
        strike(p.x0 - 2, p.x1 + 2);
        break;
    }
  }

  if (p.selected || p.hovered) {
    const pad = 3;
    let x = p.x0 - pad;
    let w = p.x1 - p.x0 + 2 * pad;
    if (p.marker) {
      x = cx - 5.5 - pad;
      w = 11 + 2 * pad;
    }
    ctx.setLineDash([]);
    ctx.strokeStyle = p.selected ? th.canvas.selection : th.canvas.hover;
    ctx.lineWidth = p.selected ? 2 : 1.5;
    roundRect(ctx, x, p.top + 1.5, w, ROW_H - 3, 5);
    ctx.stroke();
  }
}

/** Paints the label; `inside` means on top of a wide glyph. */
export function drawLabel(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  top: number,
  color: string,
  struck: boolean,
  fitter: TextFitter,
): void {
  const yMid = top + ROW_H / 2;
  ctx.fillStyle = color;
  ctx.fillText(text, x, yMid + 0.5);
  if (struck) {
    const w = fitter.width(text);
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, yMid + 0.5);
    ctx.lineTo(x + w, yMid + 0.5);
    ctx.stroke();
  }
}

/** Vertical grid lines for minor and major ticks, below the axis. */
export function drawGrid(
  ctx: CanvasRenderingContext2D,
  ticks: TickSet,
  X: (t: number) => number,
  width: number,
  height: number,
  th: Theme,
): void {
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.strokeStyle = th.canvas.grid;
  ctx.beginPath();
  for (const t of ticks.minor) {
    const x = Math.round(X(t.t)) + 0.5;
    if (x < 0 || x > width) continue;
    ctx.moveTo(x, AXIS_H);
    ctx.lineTo(x, height);
  }
  ctx.stroke();
  ctx.strokeStyle = th.canvas.gridMajor;
  ctx.beginPath();
  for (const t of ticks.major) {
    const x = Math.round(X(t.t)) + 0.5;
    if (x < 0 || x > width) continue;
    ctx.moveTo(x, AXIS_H);
    ctx.lineTo(x, height);
  }
  ctx.stroke();
}

/** Two-tier axis band at the top: context row, then unit labels. */
export function drawAxis(
  ctx: CanvasRenderingContext2D,
  ticks: TickSet,
  X: (t: number) => number,
  width: number,
  th: Theme,
  fitter: TextFitter,
): void {
  ctx.fillStyle = th.canvas.axisBg;
  ctx.fillRect(0, 0, width, AXIS_H);
  ctx.strokeStyle = th.canvas.gridMajor;
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(0, AXIS_H - 0.5);
  ctx.lineTo(width, AXIS_H - 0.5);
  ctx.stroke();

  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';

  // Minor row: tick marks and unit labels.
  const minorY = AXIS_H - 13;
  fitter.setFont(`${FONT_SIZE - 1}px ${th.font}`);
  ctx.strokeStyle = th.canvas.gridMajor;
  ctx.beginPath();
  for (const t of ticks.minor) {
    const x = Math.round(X(t.t)) + 0.5;
    ctx.moveTo(x, AXIS_H - 7);
    ctx.lineTo(x, AXIS_H);
  }
  ctx.stroke();
  ctx.fillStyle = th.canvas.axisText;
  for (let i = 0; i < ticks.minor.length; i++) {
    const t = ticks.minor[i];
    const x = X(t.t);
    const next = i + 1 < ticks.minor.length ? X(ticks.minor[i + 1].t) : x + 200;
    if (next < 0 || x > width) continue;
    const label = fitter.fit(t.label, next - x - 6);
    if (label) ctx.fillText(label, x + 4, minorY);
  }

  // Major row: context labels, the leading one sticky at the left edge.
  const majorY = 13;
  fitter.setFont(`600 ${FONT_SIZE}px ${th.font}`);
  ctx.fillStyle = th.canvas.axisMajorText;
  ctx.strokeStyle = th.canvas.gridMajor;
  ctx.beginPath();
  for (const t of ticks.major) {
    const x = Math.round(X(t.t)) + 0.5;
    ctx.moveTo(x, 0);
    ctx.lineTo(x, AXIS_H);
  }
  ctx.stroke();
  const majors = ticks.major.filter((t) => !ticks.leading || t.t !== ticks.leading.t);
  if (ticks.leading) {
    const firstNext = majors.find((t) => X(t.t) > 0);
    let x = Math.max(X(ticks.leading.t), 0) + 6;
    const w = fitter.width(ticks.leading.label);
    if (firstNext) x = Math.min(x, X(firstNext.t) - w - 10);
    ctx.fillText(ticks.leading.label, x, majorY);
  }
  for (let i = 0; i < majors.length; i++) {
    const x = X(majors[i].t);
    const next = i + 1 < majors.length ? X(majors[i + 1].t) : width + 400;
    if (x > width || next < 0) continue;
    const label = fitter.fit(majors[i].label, next - x - 10);
    if (label) ctx.fillText(label, x + 6, majorY);
  }
}

/** The time brush: a tinted band over the lanes with solid edges. */
export function drawBrush(ctx: CanvasRenderingContext2D, x0: number, x1: number, width: number, height: number, th: Theme): void {
  const a = Math.max(-2, Math.min(x0, x1));
  const b = Math.min(width + 2, Math.max(x0, x1));
  if (b < 0 || a > width) return;
  ctx.fillStyle = th.brush;
  ctx.fillRect(a, AXIS_H, b - a, height - AXIS_H);
  ctx.strokeStyle = th.brushEdge;
  ctx.lineWidth = 1.5;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(Math.round(a) + 0.5, AXIS_H);
  ctx.lineTo(Math.round(a) + 0.5, height);
  ctx.moveTo(Math.round(b) - 0.5, AXIS_H);
  ctx.lineTo(Math.round(b) - 0.5, height);
  ctx.stroke();
}

/** Today marker: a line through the lanes and a tab on the axis. */
export function drawToday(ctx: CanvasRenderingContext2D, x: number, height: number, th: Theme): void {
  const xx = Math.round(x) + 0.5;
  ctx.strokeStyle = withAlpha(th.canvas.today, 0.7);
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(xx, AXIS_H);
  ctx.lineTo(xx, height);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = th.canvas.today;
  ctx.beginPath();
  ctx.moveTo(xx - 5, AXIS_H - 6);
  ctx.lineTo(xx + 5, AXIS_H - 6);
  ctx.lineTo(xx, AXIS_H);
  ctx.closePath();
  ctx.fill();
}

/**
 * Batched glyphs for crowded views: no labels, no gradients, axis-aligned
 * rectangles grouped by colour and style (Skia's fast path: a Path2D of
 * thousands of round shapes rasterises far slower in software). Overlapping
 * glyphs of one style in a row merge into a single bar, so a frame costs
 * O(rows × width), not O(items in view).
 */
export class BulkPainter {
  /** key → flat [x, y, w, h, ...] */
  private rects = new Map<string, number[]>();
  private runs = new Map<string, { x0: number; x1: number; n: number; marker: boolean; top: number }>();

  constructor(private th: Theme) {}

  add(pl: Placed, x0: number, x1: number, top: number, marker: boolean): void {
    const it = pl.item;
    if (!marker) {
      x0 = Math.max(x0, -1000);
      x1 = Math.min(x1, 1e5);
    }
    const fuzzy = it.mode === 'fuzzy' && !marker;
    const style = fuzzy ? 'fuzzy' : it.status === 'occurred' ? 'solid' : it.status === 'cancelled' ? 'faded' : 'hollow';
    const key = `${style}|${it.kind}`;
    const run = this.runs.get(key);
    if (run && run.top === top && x0 <= run.x1 + 1) {
      if (x1 > run.x1) run.x1 = x1;
      run.n++;
      run.marker = run.marker && marker;
      return;
    }
    if (run) this.emit(key, run);
    this.runs.set(key, { x0, x1, n: 1, marker, top });
  }

  /** Close the open runs (call at the end of each row). */
  endRow(): void {
    for (const [key, run] of this.runs) this.emit(key, run);
    this.runs.clear();
  }

  private emit(key: string, r: { x0: number; x1: number; n: number; marker: boolean; top: number }): void {
    let list = this.rects.get(key);
    if (!list) this.rects.set(key, (list = []));
    const yMid = r.top + ROW_H / 2;
    if (key.startsWith('fuzzy')) {
      list.push(Math.round(r.x0), r.top + 2, Math.max(1, Math.round(r.x1 - r.x0)), ROW_H - 4);
    } else {
      const h = r.marker && r.n === 1 ? 10 : r.n > 1 ? 10 : 12;
      const x0 = Math.round(r.x0);
      list.push(x0, Math.round(yMid - h / 2), Math.max(2, Math.round(r.x1) - x0), h);
    }
  }

  flush(ctx: CanvasRenderingContext2D): void {
    this.endRow();
    ctx.setLineDash([]);
    for (const [key, list] of this.rects) {
      const [style, kind] = key.split('|') as [string, keyof Theme['kinds']];
      const color = this.th.kinds[kind];
      ctx.fillStyle =
        style === 'fuzzy' ? withAlpha(color, this.th.fuzzyAlpha) : style === 'faded' ? withAlpha(color, 0.35) : style === 'solid' ? color : this.th.canvas.bg;
      for (let i = 0; i < list.length; i += 4) ctx.fillRect(list[i], list[i + 1], list[i + 2], list[i + 3]);
      if (style === 'hollow') {
        ctx.strokeStyle = color;
        ctx.lineWidth = 1.5;
        for (let i = 0; i < list.length; i += 4) ctx.strokeRect(list[i] + 0.75, list[i + 1] + 0.75, list[i + 2] - 1.5, list[i + 3] - 1.5);
      }
    }
    this.rects.clear();
  }
}

export const DENSITY_BIN_PX = 3;

/**
 * A lane too dense to stack, as a histogram: items counted per 3 px bin (by
 * start) and per kind, bars stacked by kind, height ∝ √count so single
 * events stay visible next to peaks. Counts come from binary searches in the
 * lane's per-kind sorted starts, so a frame costs O(bins × log n) whatever
 * the number of events in view.
 */
export class DensityPainter {
  private counts = new Float64Array(0);
  /** Per bin: the baseline, then the top of each kind's segment. */
  private tops = new Float64Array(0);

  paint(
    ctx: CanvasRenderingContext2D,
    lane: Pick<LaneIndex, 'kindStarts'>,
    v0: number,
    msPerPx: number,
    width: number,
    top: number,
    height: number,
    th: Theme,
  ): void {
    const nb = Math.ceil(width / DENSITY_BIN_PX);
    if (this.counts.length < nb * 4) this.counts = new Float64Array(nb * 4);
    const counts = this.counts;
    const binMs = msPerPx * DENSITY_BIN_PX;
    let max = 0;
    for (let k = 0; k < 4; k++) {
      const starts = lane.kindStarts[k];
      let prev = lowerBound(starts, v0);
      for (let bin = 0; bin < nb; bin++) {
        const next = lowerBound(starts, v0 + (bin + 1) * binMs);
        counts[bin * 4 + k] = next - prev;
        prev = next;
      }
    }
    for (let bin = 0; bin < nb; bin++) {
      const t = counts[bin * 4] + counts[bin * 4 + 1] + counts[bin * 4 + 2] + counts[bin * 4 + 3];
      if (t > max) max = t;
    }
    if (!max) return;
    // fillRect per bar, grouped by colour: Skia's rectangle fast path. (One
    // Path2D of 7,000 rectangles rasterises ~50× slower in software.)
    const bottom = Math.round(top + height);
    const scale = height / Math.sqrt(max);
    const tops = this.tops.length < nb * 5 ? (this.tops = new Float64Array(nb * 5)) : this.tops;
    for (let bin = 0; bin < nb; bin++) {
      const o = bin * 4;
      const total = counts[o] + counts[o + 1] + counts[o + 2] + counts[o + 3];
      tops[bin * 5] = bottom;
      if (!total) {
        for (let k = 1; k <= 4; k++) tops[bin * 5 + k] = bottom;
        continue;
      }
      // Whole pixels: no anti-aliasing work for the rasteriser.
      const h = Math.max(2, Math.round(Math.sqrt(total) * scale));
      let acc = 0;
      for (let k = 0; k < 4; k++) {
        acc += counts[o + k];
        tops[bin * 5 + k + 1] = bottom - Math.round((h * acc) / total);
      }
    }
    for (let k = 0; k < 4; k++) {
      ctx.fillStyle = th.kinds[EVENT_KINDS[k]];
      for (let bin = 0; bin < nb; bin++) {
        const y0 = tops[bin * 5 + k];
        const y1 = tops[bin * 5 + k + 1];
        if (y1 < y0) ctx.fillRect(bin * DENSITY_BIN_PX, y1, DENSITY_BIN_PX - 1, y0 - y1);
      }
    }
  }
}
