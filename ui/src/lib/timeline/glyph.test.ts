import { describe, expect, it } from 'vitest';
import shared from '../../../../crates/dateline-render/theme.json';
import { lightTheme } from '../theme';
import type { Placed } from './layout';
import { CENTRE_TICK_W, ROW_H, drawGlyph } from './render';
import type { TimelineItem } from './types';

/** A 2D context that records the opaque rectangles filled (the solid marks a glyph leaves). */
function recorder() {
  const solid: { x: number; w: number; h: number }[] = [];
  let fill = '';
  const ctx = {
    set fillStyle(v: string) {
      fill = v;
    },
    get fillStyle() {
      return fill;
    },
    strokeStyle: '',
    lineWidth: 1,
    fillRect(x: number, _y: number, w: number, h: number) {
      // withAlpha gives rgba(); an opaque fill is the kind's #rrggbb.
      if (fill.startsWith('#')) solid.push({ x, w, h });
    },
    strokeRect() {},
    setLineDash() {},
    beginPath() {},
    moveTo() {},
    lineTo() {},
    stroke() {},
    arc() {},
    fill() {},
    roundRect() {},
    arcTo() {},
    closePath() {},
    quadraticCurveTo() {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, solid };
}

const item = (over: Partial<TimelineItem>): TimelineItem => ({ id: 1, kind: 'visit', status: 'occurred', start: 0, end: 1, mode: 'fuzzy', label: '', ...over });
const placed = (it: TimelineItem): Placed => ({ item: it, lane: 0, row: 0, x0: 0, x1: 1, labelEnd: 1, overlaps: false });

describe('a glyph shows its precision', () => {
  it('draws a month or year as a faint span with a solid tick at its centre only', () => {
    for (const status of ['occurred', 'planned', 'postponed'] as const) {
      const { ctx, solid } = recorder();
      drawGlyph(ctx, placed(item({ status })), { x0: 100, x1: 500, top: 0, marker: false, selected: false, hovered: false }, lightTheme);
      // The only opaque mark is the centre tick: narrow, at x = 300.
      expect(solid, status).toEqual([{ x: 300 - CENTRE_TICK_W / 2, w: CENTRE_TICK_W, h: ROW_H - 4 }]);
    }
  });

  it("fills a cancelled month as faintly as any other, with theme.json's values (as the image export does)", () => {
    const fills: { fill: string; w: number }[] = [];
    const { ctx } = recorder();
    const rect = ctx.fillRect.bind(ctx);
    (ctx as unknown as { fillRect: typeof ctx.fillRect }).fillRect = (x, y, w, h) => {
      fills.push({ fill: String(ctx.fillStyle), w });
      rect(x, y, w, h);
    };
    drawGlyph(ctx, placed(item({ status: 'cancelled' })), { x0: 100, x1: 500, top: 0, marker: false, selected: false, hovered: false }, lightTheme);
    const alpha = (f: string) => Number(/rgba\([^)]*,\s*([\d.]+)\)/.exec(f)?.[1]);
    // The span's body (its widest fill) and the centre tick (the last).
    const body = fills.reduce((a, b) => (b.w > a.w ? b : a));
    expect(alpha(body.fill)).toBe(shared.precision.soft_fill_opacity);
    expect(alpha(fills.at(-1)!.fill)).toBe(shared.precision.struck_tick_opacity);
  });

  it('draws a day event as a solid mark over its extent', () => {
    const { ctx } = recorder();
    let filled = 0;
    (ctx as unknown as { fill: () => void }).fill = () => {
      if (String(ctx.fillStyle).startsWith('#')) filled++;
    };
    drawGlyph(ctx, placed(item({ mode: 'range' })), { x0: 100, x1: 140, top: 0, marker: false, selected: false, hovered: false }, lightTheme);
    expect(filled).toBeGreaterThan(0);
  });
});
