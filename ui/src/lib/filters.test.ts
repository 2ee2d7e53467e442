import { describe, expect, it, vi } from 'vitest';
import { NO_CRITERIA, dateInputsRange, facetValues, filterEvents, type Criteria } from './filters.svelte';
import type { EventSummary } from './types';

vi.mock('./api', () => ({ api: { search: vi.fn() }, toCommandError: (e: unknown) => e }));
const { Filters } = await import('./filters.svelte');

function ev(id: number, over: Partial<EventSummary> = {}): EventSummary {
  return {
    id, kind: 'visit', status: 'occurred', start: '2023-06-14', end: null, precision: 'day', label: `E${id}`,
    participants: [], place: null, country: null, sources: 1, actor_ids: [], outlets: [], edited: false, ...over,
  };
}

const list = [
  ev(1, { actor_ids: [10, 11], country: 'China', outlets: ['AP'] }),
  ev(2, { kind: 'call', status: 'planned', actor_ids: [11], start: '2023-07-01' }),
  ev(3, { kind: 'meeting', start: '2023-06', precision: 'month', outlets: ['Reuters', 'AP'] }),
  ev(4, { start: null, precision: null }),
];
const ids = (c: Partial<Criteria>) => filterEvents(list, { ...NO_CRITERIA, ...c }).map((e) => e.id);

describe('filterEvents', () => {
  it.each([
    ['nothing', {}, [1, 2, 3, 4]],
    ['search ids', { searchIds: new Set([3, 1, 99]) }, [1, 3]],
    ['actor', { actors: new Set([11]) }, [1, 2]],
    ['actor and kind', { actors: new Set([11]), kinds: new Set(['call' as const]) }, [2]],
    ['status', { statuses: new Set(['planned' as const]) }, [2]],
    ['country', { countries: new Set(['China']) }, [1]],
    ['outlet', { outlets: new Set(['AP']) }, [1, 3]],
    // "June 2023" spans the whole month: a brush on 20-30 June keeps it, drops 14 June and undated.
    ['brush', { brush: [Date.UTC(2023, 5, 20), Date.UTC(2023, 5, 30)] as [number, number] }, [3]],
    ['range', { range: dateInputsRange('2023-07-01', '') }, [2]],
    ['new since last looked', { newIds: new Set([4, 2]) }, [2, 4]],
    ['new since last looked, and a status', { newIds: new Set([4, 2]), statuses: new Set(['planned' as const]) }, [2]],
  ] as const)('%s', (_name, c, want) => {
    expect(ids(c as Partial<Criteria>)).toEqual(want);
  });

  it('returns the same array when nothing filters (no copy of 100k events)', () => {
    expect(filterEvents(list, NO_CRITERIA)).toBe(list);
  });
});

describe('dateInputsRange', () => {
  it('includes the whole last day', () => {
    expect(dateInputsRange('2023-06-01', '2023-06-30')).toEqual([Date.UTC(2023, 5, 1), Date.UTC(2023, 6, 1)]);
    expect(dateInputsRange('', '')).toBeNull();
  });
});

describe('facetValues', () => {
  it('counts and sorts', () => {
    expect(facetValues(list, (e) => e.outlets)).toEqual([
      { value: 'AP', count: 2 },
      { value: 'Reuters', count: 1 },
    ]);
  });
});

describe('Filters', () => {
  it('debounces the search and keeps only the last answer', async () => {
    const search = vi.fn(async (q: string) => (q === 'e1' ? [1] : [2, 3]));
    const f = new Filters(() => list, search);
    void f.setQuery('e', 20);
    const done = f.setQuery('e1', 20);
    expect(f.searching).toBe(true);
    await done;
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('e1');
    expect([...f.searchIds!]).toEqual([1]);
    expect(f.visible.map((e) => e.id)).toEqual([1]);
    await f.setQuery('  ');
    expect(f.searchIds).toBeNull();
    expect(f.visible).toHaveLength(4);
  });

  it('toggles facets, brushes and clears', () => {
    const f = new Filters(() => list, async () => []);
    f.toggle('kinds', 'visit');
    expect(f.visible.map((e) => e.id)).toEqual([1, 4]);
    f.setBrush([Date.UTC(2023, 5, 1), Date.UTC(2023, 5, 15)]);
    expect(f.visible.map((e) => e.id)).toEqual([1]);
    expect(f.active).toBe(true);
    f.toggle('kinds', 'visit');
    f.clear();
    expect(f.active).toBe(false);
    expect(f.visible).toHaveLength(4);
  });
});
