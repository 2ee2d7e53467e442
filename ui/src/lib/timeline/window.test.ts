// The 100k-event path: input order, lane index, windowed layout, density bands.
import { describe, expect, it } from 'vitest';
import { DAY } from '../dates';
import { DEFAULT_LAYOUT, buildLaneIndex, inStartOrder, laneMarks, laneSlice, layoutItems, layoutWindow, lowerBound, sortForLayout } from './layout';
import { fitBody, fitDomain } from './scale';
import type { LaneSpec, TimelineItem } from './types';

const lanes: LaneSpec = { key: (it) => it.kind, order: ['visit', 'meeting', 'call', 'conference'], label: (k) => k };
const T0 = Date.UTC(2020, 0, 1);
let id = 1;
const item = (day: number, days = 1, over: Partial<TimelineItem> = {}): TimelineItem => ({
  id: id++, kind: 'call', status: 'occurred', start: T0 + day * DAY, end: T0 + (day + days) * DAY, mode: 'point', label: 'x', ...over,
});

describe('inStartOrder', () => {
  it('returns sorted input itself (no copy)', () => {
    const its = [item(0), item(1), item(1), item(5)];
    expect(inStartOrder(its)).toBe(its);
  });
  it('fixes a nearly sorted list (month extents start on the 1st)', () => {
    const its = [item(3), item(9), item(0, 31, { mode: 'fuzzy' }), item(12)];
    expect(inStartOrder(its).map((i) => i.start)).toEqual([0, 3, 9, 12].map((d) => T0 + d * DAY));
  });
  it('sorts anything', () => {
    const its = Array.from({ length: 500 }, (_, i) => item((i * 7919) % 500));
    const out = inStartOrder(its);
    for (let i = 1; i < out.length; i++) expect(out[i].start).toBeGreaterThanOrEqual(out[i - 1].start);
  });
});

describe('lane index and windowed layout', () => {
  const its = [
    ...Array.from({ length: 300 }, (_, i) => item(i, 1, { kind: 'visit' })),
    item(10, 40, { kind: 'meeting' }),
    item(100, 1, { kind: 'meeting' }),
  ];
  const ix = buildLaneIndex(inStartOrder(its), lanes);

  it('splits by lane in start order, with per-kind starts', () => {
    expect(ix.map((l) => [l.key, l.items.length])).toEqual([['visit', 300], ['meeting', 2], ['call', 0], ['conference', 0]]);
    expect(ix[1].maxSpan).toBe(40 * DAY);
    expect(ix[0].kindStarts[0]).toHaveLength(300);
    expect(lowerBound(ix[0].starts, T0 + 50 * DAY)).toBe(50);
  });

  it('a slice reaches back by the longest item', () => {
    // The 40-day meeting from day 10 covers day 45.
    const [a, b] = laneSlice(ix[1], T0 + 45 * DAY, T0 + 46 * DAY);
    expect(ix[1].items.slice(a, b).some((i) => i.end > T0 + 45 * DAY)).toBe(true);
  });

  it('stacks the window only, and makes crowded lanes density bands', () => {
    const p = { ...DEFAULT_LAYOUT, msPerPx: DAY / 20, maxRows: 4 };
    const l = layoutWindow(ix, T0 + 90 * DAY, T0 + 110 * DAY, p, 50);
    expect(l.lanes[0].dense).toBe(false);
    const placed = l.lanes[0].rows.flatMap((r) => r.items).length;
    expect(placed).toBeGreaterThan(15);
    expect(placed).toBeLessThan(25);
    expect(l.lanes[0].count).toBe(300); // the lane's total, for the gutter
    const crowded = layoutWindow(ix, T0, T0 + 300 * DAY, p, 50);
    expect(crowded.lanes.map((x) => x.dense)).toEqual([true, false, false, false]);
    expect(crowded.lanes[0].rows).toEqual([]);
  });

  it('grows a lane to all its rows and makes it dense only when marks truly overlap', () => {
    // 30 visits on one day: each needs its own row.
    const same = buildLaneIndex(Array.from({ length: 30 }, () => item(50, 1, { kind: 'visit' })), lanes);
    const view: [number, number] = [T0, T0 + 100 * DAY];
    const p = { ...DEFAULT_LAYOUT, msPerPx: DAY / 2 };
    const roomy = layoutWindow(same, view[0], view[1], { ...p, maxRows: 40 }, 1e9, new Set(), view);
    expect(roomy.lanes[0].dense).toBe(false);
    expect(roomy.lanes[0].rows).toHaveLength(30);
    expect(roomy.lanes[0].rows.flatMap((r) => r.items).some((pl) => pl.overlaps)).toBe(false);
    // Ten rows cannot hold them apart: the marks would overlap, so a density band.
    const tight = layoutWindow(same, view[0], view[1], { ...p, maxRows: 10 }, 1e9, new Set(), view);
    expect(tight.lanes[0].dense).toBe(true);
    // Overlaps outside the view (still in the stacked window) leave the lane stacked.
    const aside: [number, number] = [T0 + 60 * DAY, T0 + 100 * DAY];
    const off = layoutWindow(same, T0, T0 + 100 * DAY, { ...p, maxRows: 10 }, 1e9, new Set(), aside);
    expect(off.lanes[0].dense).toBe(false);
  });

  it('gives no label room when more items are in view than get labels', () => {
    const named = buildLaneIndex(
      Array.from({ length: 300 }, (_, i) => item(i, 1, { kind: 'visit', label: 'Foreign minister visits the capital' })),
      lanes,
    );
    const p = { ...DEFAULT_LAYOUT, msPerPx: DAY / 4, maxRows: 4 };
    const view: [number, number] = [T0 + 100 * DAY, T0 + 200 * DAY];
    const room = (labelsUpTo: number) =>
      Math.max(...layoutWindow(named, view[0], view[1], p, 1e9, new Set(), view, labelsUpTo).lanes[0].rows.flatMap((r) => r.items.map((pl) => pl.labelEnd - pl.x1)));
    // 100 items in view: over a budget of 50 the painter draws no labels, so none gets room.
    expect(room(50)).toBe(0);
    expect(room(1000)).toBeGreaterThan(0);
    expect(room(Infinity)).toBeGreaterThan(0);
  });

  it('stacks a window as the full layout would', () => {
    const p = { ...DEFAULT_LAYOUT, msPerPx: DAY / 20, maxRows: 4 };
    const win = layoutWindow(ix, T0 - DAY, T0 + 400 * DAY, p, 1e9);
    const full = layoutItems(sortForLayout(its), lanes, p);
    const rows = (l: typeof win) => l.lanes.map((x) => x.rows.map((r) => r.items.map((pl) => pl.item.id)));
    expect(rows(win)).toEqual(rows(full));
  });
});

describe('the default view and the marks drawn in it', () => {
  it('fits the main body of the events, leaving a few far ones to Fit all', () => {
    // 60 events over ten months, and three years before and after them.
    const body = Array.from({ length: 60 }, (_, i) => item(400 + i * 5));
    const far = [item(0), item(1500), item(1900, 365, { mode: 'fuzzy' })];
    const all = [...far.slice(0, 1), ...body, ...far.slice(1)];
    const [a, b] = fitBody(all, 0);
    expect(a).toBeGreaterThan(T0 + 350 * DAY);
    expect(a).toBeLessThanOrEqual(T0 + 400 * DAY);
    expect(b).toBeGreaterThanOrEqual(T0 + 696 * DAY);
    expect(b).toBeLessThan(T0 + 800 * DAY);
    const [wa, wb] = fitDomain(all, 0);
    expect(wa).toBeLessThanOrEqual(T0);
    expect(wb).toBeGreaterThanOrEqual(T0 + 2265 * DAY);
  });
  it('is the whole when there is no body to speak of', () => {
    const spread = Array.from({ length: 40 }, (_, i) => item(i * 50));
    expect(fitBody(spread, 0)).toEqual(fitDomain(spread, 0));
    const few = [item(0), item(10), item(2000)];
    expect(fitBody(few, 0)).toEqual(fitDomain(few, 0));
  });
  it('counts the items in view and those drawn apart, per lane', () => {
    const calls = Array.from({ length: 10 }, (_, i) => item(i * 10));
    const visits = Array.from({ length: 30 }, () => item(50, 1, { kind: 'visit' }));
    const ix = buildLaneIndex(sortForLayout([...calls, ...visits]), lanes);
    const view: [number, number] = [T0 + 15 * DAY, T0 + 75 * DAY];
    const p = { ...DEFAULT_LAYOUT, msPerPx: DAY / 10, maxRows: 8 };
    // Room for every visit: all drawn; with 8 rows, 22 of the 30 lie over others and the lane is a band.
    const roomy = layoutWindow(ix, T0 - 100 * DAY, T0 + 200 * DAY, { ...p, maxRows: 40 }, 1000, new Set(), view);
    expect(laneMarks(roomy, ix, view)).toEqual([
      { inView: 30, marks: 30 },
      { inView: 0, marks: 0 },
      { inView: 6, marks: 6 },
      { inView: 0, marks: 0 },
    ]);
    const tight = layoutWindow(ix, T0 - 100 * DAY, T0 + 200 * DAY, p, 1000, new Set(), view);
    expect(tight.lanes[0].dense).toBe(true);
    expect(laneMarks(tight, ix, view)[0]).toEqual({ inView: 30, marks: 0 });
  });
});
