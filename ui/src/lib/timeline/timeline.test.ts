import { scaleUtc } from 'd3-scale';
import { zoomIdentity } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, utc } from '../dates';
import { hitTest, labelLimit } from './hittest';
import {
  DEFAULT_LAYOUT,
  glyphExtent,
  laneGeometry,
  laneOrder,
  layoutItems,
  sortForLayout,
  visibleRange,
  type LayoutParams,
} from './layout';
import { MAX_SPAN, MIN_SPAN, YEAR, clampSpan, domainForTransform, fitDomain, revealDomain, scaleExtentFor, transformForDomain } from './scale';
import { chooseLevel, computeTicks, majorLabel } from './ticks';
import type { LaneSpec, TimelineItem } from './types';

const lanes: LaneSpec = {
  key: (it) => it.kind,
  order: ['visit', 'meeting', 'call', 'conference'],
  label: (k) => k.toUpperCase(),
};

let nextId = 1;
function item(start: number, days = 1, over: Partial<TimelineItem> = {}): TimelineItem {
  return {
    id: nextId++,
    kind: 'call',
    status: 'occurred',
    start,
    end: start + days * DAY,
    mode: days > 1 ? 'range' : 'point',
    label: 'x',
    ...over,
  };
}

/** One pixel = one day. */
const P: LayoutParams = { ...DEFAULT_LAYOUT, msPerPx: DAY, charPx: 0 };

describe('scale', () => {
  it('fits all items with padding, and a sane default when empty', () => {
    const a = utc(2023, 0, 1);
    const b = utc(2024, 0, 1);
    const [d0, d1] = fitDomain([item(a), item(b - DAY)], 0, 0.1, 0.1);
    expect(d0).toBeCloseTo(a - (b - a) * 0.1);
    expect(d1).toBeCloseTo(b + (b - a) * 0.1);
    const now = utc(2020, 5, 1);
    const [e0, e1] = fitDomain([], now);
    expect(e0 < now && now < e1).toBe(true);
  });
  it('gives a single day at least a month of context', () => {
    const a = utc(2023, 5, 14);
    const [d0, d1] = fitDomain([item(a)], 0, 0, 0);
    expect(d1 - d0).toBe(30 * DAY);
    expect((d0 + d1) / 2).toBe(a + DAY / 2);
  });
  it('clamps spans between hours and centuries', () => {
    expect(clampSpan([0, HOUR])).toEqual([HOUR / 2 - MIN_SPAN / 2, HOUR / 2 + MIN_SPAN / 2]);
    const [a, b] = clampSpan([0, 1000 * YEAR]);
    expect(b - a).toBe(MAX_SPAN);
  });
  it('transformForDomain and domainForTransform are inverses', () => {
    const base: [number, number] = [utc(2000), utc(2010)];
    const view: [number, number] = [utc(2004, 2, 1), utc(2004, 5, 1)];
    const t = transformForDomain(base, 800, view);
    const back = domainForTransform(base, 800, t);
    expect(back[0]).toBeCloseTo(view[0], -1);
    expect(back[1]).toBeCloseTo(view[1], -1);
    expect(domainForTransform(base, 800, { k: 1, x: 0 })).toEqual(base);
  });
  it('matches d3 scaleUtc rescaled by a d3-zoom transform', () => {
    const base: [number, number] = [utc(2000), utc(2010)];
    const view: [number, number] = [utc(2004, 2, 1), utc(2004, 5, 1)];
    const { k, x } = transformForDomain(base, 800, view);
    const s = zoomIdentity.translate(x, 0).scale(k).rescaleX(scaleUtc().domain(base.map((t) => new Date(t))).range([0, 800]));
    const [a, b] = s.domain();
    expect(a.getTime()).toBeCloseTo(view[0], -1);
    expect(b.getTime()).toBeCloseTo(view[1], -1);
  });
  it('scale extent allows zooming from hours to centuries', () => {
    const base: [number, number] = [0, 10 * YEAR];
    const [kMin, kMax] = scaleExtentFor(base);
    expect((base[1] - base[0]) / kMax).toBeCloseTo(MIN_SPAN);
    expect((base[1] - base[0]) / kMin).toBeCloseTo(MAX_SPAN);
  });
  it('revealDomain pans only when needed', () => {
    const v: [number, number] = [0, 100 * DAY];
    expect(revealDomain(v, 40 * DAY, 41 * DAY)).toBe(v);
    const moved = revealDomain(v, 300 * DAY, 301 * DAY);
    expect(moved[1] - moved[0]).toBe(100 * DAY);
    expect((moved[0] + moved[1]) / 2).toBe(300.5 * DAY);
    const zoomed = revealDomain(v, 0, 1000 * DAY);
    expect(zoomed[0] <= 0 && zoomed[1] >= 1000 * DAY).toBe(true);
  });
});

describe('ticks', () => {
  it('picks finer levels as you zoom in', () => {
    expect(chooseLevel(HOUR / 100).name).toBe('1h');
    expect(chooseLevel(DAY / 40).name).toBe('1d');
    expect(chooseLevel(DAY / 2).name).toBe('1mo');
    expect(chooseLevel(DAY).name).toBe('quarter');
    expect(chooseLevel(YEAR / 40).name).toBe('1y');
    expect(chooseLevel(YEAR).name).toBe('50y');
  });
  it('labels days with their month as context', () => {
    const d0 = utc(2023, 5, 28);
    const d1 = utc(2023, 6, 4);
    const t = computeTicks(d0, d1, 200);
    expect(t.level.name).toBe('1d');
    expect(t.minor.map((x) => x.label)).toEqual(['28', '29', '30', '1', '2', '3', '4']);
    expect(t.major).toEqual([{ t: utc(2023, 6, 1), label: 'July 2023' }]);
    expect(t.leading).toEqual({ t: utc(2023, 5, 1), label: 'June 2023' });
  });
  it('labels hours in UTC with the day as context', () => {
    const d0 = utc(2023, 5, 14);
    const t = computeTicks(d0, d0 + 12 * HOUR, 1200);
    expect(t.level.name).toBe('1h');
    expect(t.minor[0].label).toBe('00:00');
    expect(t.minor[9].label).toBe('09:00');
    expect(t.leading?.label).toBe('Wed 14 June 2023');
  });
  it('labels months, quarters, years and decades', () => {
    const y = computeTicks(utc(2022), utc(2024), 1000);
    expect(y.level.name).toBe('1mo');
    expect(y.minor.slice(0, 3).map((x) => x.label)).toEqual(['Jan', 'Feb', 'Mar']);
    expect(y.major.map((x) => x.label)).toEqual(['2022', '2023', '2024']);
    const q = computeTicks(utc(2015), utc(2021), 1000);
    expect(q.level.name).toBe('quarter');
    expect(q.minor[1].label).toBe('Q2');
    const dec = computeTicks(utc(1900), utc(2020), 1000);
    expect(['5y', '10y']).toContain(dec.level.name);
    expect(dec.major.map((x) => x.label)).toContain('2000s (21st c.)');
    expect(majorLabel('decade', new Date(utc(1987)))).toBe('1980s');
  });
  it('never makes an unbounded number of ticks', () => {
    expect(computeTicks(0, 1000 * YEAR, 1).minor.length).toBeLessThanOrEqual(2000);
  });
});

describe('layout', () => {
  it('orders lanes: fixed first, then extras sorted', () => {
    const its = [item(0, 1, { kind: 'call' }), item(0, 1, { kind: 'zeta' as never }), item(0, 1, { kind: 'alpha' as never })];
    expect(laneOrder(its, lanes)).toEqual(['visit', 'meeting', 'call', 'conference', 'alpha', 'zeta']);
  });
  it('puts an item in every lane its key names (actor lanes)', () => {
    const byActor: LaneSpec = {
      key: (it) => (it.data as string[]) ?? [],
      order: [],
      label: (k) => k,
    };
    const a = item(0, 1, { data: ['Blinken', 'Wang Yi'] });
    const b = item(50 * DAY, 1, { data: ['Blinken'] });
    const c = item(90 * DAY, 1, { data: [] });
    const l = layoutItems(sortForLayout([a, b, c]), byActor, P);
    expect(l.lanes.map((x) => [x.key, x.count])).toEqual([
      ['Blinken', 2],
      ['Wang Yi', 1],
    ]);
    expect(l.byId.get(a.id)!.lane).toBe(0);
    expect(l.byId.has(c.id)).toBe(false);
  });
  it('points get a minimum glyph width, centred', () => {
    const it = item(100 * DAY);
    const [a, b] = glyphExtent(it, DAY, 10);
    expect(b - a).toBe(10 * DAY);
    expect((a + b) / 2).toBe(100.5 * DAY);
    const r = item(0, 30);
    expect(glyphExtent(r, DAY, 10)).toEqual([r.start, r.end]);
  });
  it('stacks overlapping items into rows without overlap', () => {
    const its = [item(0, 20), item(5 * DAY, 20), item(10 * DAY, 3), item(40 * DAY, 5)];
    const l = layoutItems(sortForLayout(its), lanes, P);
    const calls = l.lanes[2];
    expect(calls.rows.length).toBe(3);
    expect(l.byId.get(its[0].id)!.row).toBe(0);
    expect(l.byId.get(its[1].id)!.row).toBe(1);
    expect(l.byId.get(its[2].id)!.row).toBe(2);
    expect(l.byId.get(its[3].id)!.row).toBe(0); // reuses the first free row
    for (const row of calls.rows) {
      for (let i = 1; i < row.items.length; i++) expect(row.items[i].x0).toBeGreaterThan(row.items[i - 1].x1);
    }
    expect(calls.overlapping).toBe(0);
  });
  it('reserves label room when there are rows to spare', () => {
    const a = item(0, 1, { label: 'A long label here' });
    const b = item(30 * DAY, 1, { label: 'B' });
    const withLabels = layoutItems(sortForLayout([a, b]), lanes, { ...P, charPx: 6 });
    expect(withLabels.byId.get(b.id)!.row).toBe(1);
    const noLabels = layoutItems(sortForLayout([a, b]), lanes, P);
    expect(noLabels.byId.get(b.id)!.row).toBe(0);
  });
  it('caps rows per lane and flags the overflow', () => {
    const its = Array.from({ length: 5 }, () => item(0, 10));
    const l = layoutItems(sortForLayout(its), lanes, { ...P, maxRows: 2 });
    expect(l.lanes[2].rows.length).toBe(2);
    expect(l.lanes[2].overlapping).toBe(3);
    expect(l.lanes[2].count).toBe(5);
  });
  it('culls to the visible range with a binary search', () => {
    const its = Array.from({ length: 100 }, (_, i) => item(i * 30 * DAY));
    const l = layoutItems(sortForLayout(its), lanes, P);
    const row = l.lanes[2].rows[0];
    expect(row.items.length).toBe(100);
    const [a, b] = visibleRange(row, 300 * DAY, 600 * DAY);
    const ids = row.items.slice(a, b).map((p) => p.item.start / DAY);
    expect(ids[0]).toBeLessThanOrEqual(300);
    expect(ids).toContain(300);
    expect(ids).toContain(570);
    expect(ids).not.toContain(630);
    expect(b - a).toBeLessThanOrEqual(13);
  });
  it('sizes lanes by rows and stretches them into spare height', () => {
    const its = [item(0, 20), item(5 * DAY, 20, { kind: 'call' }), item(0, 1, { kind: 'visit' })];
    const l = layoutItems(sortForLayout(its), lanes, P);
    const g = laneGeometry(l, { top: 40, rowHeight: 20, lanePad: 5 });
    expect(g.map((x) => x.height)).toEqual([30, 30, 50, 30]);
    expect(g.map((x) => x.y)).toEqual([40, 70, 100, 150]);
    const s = laneGeometry(l, { top: 40, rowHeight: 20, lanePad: 5 }, 400, 90);
    expect(s.map((x) => x.height)).toEqual([90, 90, 90, 90]);
  });
});

describe('hit testing', () => {
  const its = [item(10 * DAY, 1, { label: 'first' }), item(50 * DAY, 10, { label: 'second' }), item(12 * DAY, 1, { label: 'stacked' })];
  const l = layoutItems(sortForLayout(its), lanes, { ...P, charPx: 0 });
  const geoParams = { top: 40, rowHeight: 20, lanePad: 5 };
  const g = laneGeometry(l, geoParams);
  const call = g[2];
  const hp = { ...geoParams, viewStart: 0, msPerPx: DAY, tolerancePx: 2 };
  const rowY = (r: number) => call.y + 5 + r * 20 + 10;

  it('finds items by glyph', () => {
    expect(hitTest(l, g, 10.5, rowY(0), hp)?.placed.item.label).toBe('first');
    expect(hitTest(l, g, 55, rowY(0), hp)?.placed.item.label).toBe('second');
    expect(hitTest(l, g, 12.5, rowY(1), hp)?.placed.item.label).toBe('stacked');
  });
  it('misses empty space, other lanes and the axis', () => {
    expect(hitTest(l, g, 30, rowY(0), hp)).toBeNull();
    expect(hitTest(l, g, 10.5, g[0].y + 15, hp)).toBeNull();
    expect(hitTest(l, g, 10.5, 10, hp)).toBeNull();
    expect(hitTest(l, g, 10.5, rowY(3), hp)).toBeNull();
  });
  it('respects the view offset and zoom', () => {
    const hp2 = { ...hp, viewStart: 40 * DAY, msPerPx: DAY / 2 };
    expect(hitTest(l, g, 30, rowY(0), hp2)?.placed.item.label).toBe('second');
  });
  it('labels are hit where they are drawn, up to the next item', () => {
    const a = item(0, 1, { label: 'aaaaaaaaaa' });
    const b = item(40 * DAY, 1, { label: 'b' });
    const ll = layoutItems(sortForLayout([a, b]), lanes, { ...P, charPx: 6, maxRows: 1 });
    const row = ll.lanes[2].rows[0];
    expect(row.items[0].labelEnd).toBeGreaterThan(row.items[1].x0);
    expect(labelLimit(row.items, 0, 0)).toBe(row.items[1].x0);
    expect(labelLimit(row.items, 1, 0)).toBe(row.items[1].labelEnd);
    const gg = laneGeometry(ll, geoParams);
    const h = hitTest(ll, gg, 30, gg[2].y + 15, { ...hp, gapMs: 0 });
    expect(h?.placed.item.id).toBe(a.id);
    expect(h?.onGlyph).toBe(false);
  });
});
