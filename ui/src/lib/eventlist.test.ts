import { describe, expect, it } from 'vitest';
import { isDateOrdered, rowWindow, scrollToRow, sortByMatch, sortEvents } from './eventlist';
import type { EventSummary } from './types';

const ev = (id: number, over: Partial<EventSummary> = {}): EventSummary => ({
  id, kind: 'visit', status: 'occurred', start: '2023-06-14', end: null, precision: 'day', label: `E${id}`,
  participants: [], place: null, country: null, sources: 1, actor_ids: [], outlets: [], edited: false, ...over,
});

const list = [
  ev(1, { start: '2023-01-05', label: 'beta', kind: 'call', sources: 3 }),
  ev(2, { start: '2023-03-01', label: 'Alpha', kind: 'visit', status: 'planned', sources: 1 }),
  ev(3, { start: '2023-02-10', precision: 'month', label: 'gamma', kind: 'meeting', sources: 3 }),
  ev(4, { start: null, precision: null, label: 'delta', sources: 9 }),
];
const ids = (xs: EventSummary[]) => xs.map((e) => e.id);

describe('sortEvents', () => {
  it.each([
    ['date', 'asc', [1, 3, 2, 4]],
    ['date', 'desc', [2, 3, 1, 4]], // undated last both ways
    ['label', 'asc', [2, 1, 4, 3]], // case-insensitive
    ['kind', 'asc', [1, 3, 2, 4]],
    ['status', 'desc', [2, 1, 3, 4]],
    ['sources', 'desc', [4, 1, 3, 2]], // ties keep the input order
  ] as const)('%s %s', (key, dir, want) => {
    expect(ids(sortEvents(list, key, dir))).toEqual(want);
  });

  it('returns the input itself when it is already in date order', () => {
    const sorted = sortEvents(list, 'date', 'asc');
    expect(isDateOrdered(sorted)).toBe(true);
    expect(sortEvents(sorted, 'date', 'asc')).toBe(sorted);
  });
});

describe('virtual rows', () => {
  it('renders the rows in view plus overscan', () => {
    expect(rowWindow(0, 280, 28, 100_000)).toEqual([0, 16]);
    expect(rowWindow(28 * 50_000, 280, 28, 100_000, 2)).toEqual([49_998, 50_012]);
    expect(rowWindow(0, 280, 28, 3)).toEqual([0, 3]);
  });
  it('scrolls just enough to show a row', () => {
    expect(scrollToRow(5, 0, 280, 28)).toBe(0);
    expect(scrollToRow(20, 0, 280, 28)).toBe(21 * 28 - 280);
    expect(scrollToRow(2, 280, 280, 28)).toBe(56);
  });
});

describe('sortByMatch', () => {
  it('orders by the search answer, unlisted last in their order', () => {
    const evs = [1, 2, 3, 4].map((id) => ({ id }) as EventSummary);
    expect(sortByMatch(evs, new Set([3, 1])).map((e) => e.id)).toEqual([3, 1, 2, 4]);
    expect(sortByMatch(evs, new Set()).map((e) => e.id)).toEqual([1, 2, 3, 4]);
  });
});
