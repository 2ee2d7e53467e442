import { describe, expect, it, vi } from 'vitest';
import { NO_SELECTION, isWhole, selectionOf, type FilterState } from './filters.svelte';
import type { EventSummary, Facets, Selection } from './types';

vi.mock('./api', () => ({ api: { search: vi.fn(), listEvents: vi.fn(), facets: vi.fn() }, toCommandError: (e: unknown) => e }));
const { Filters } = await import('./filters.svelte');

function ev(id: number): EventSummary {
  return {
    id, kind: 'visit', status: 'occurred', start: '2023-06-14', end: '2023-06-14', precision: 'day', label: `E${id}`,
    participants: [], place: null, country: null, sources: 1, actor_ids: [], outlets: [], edited: false,
  };
}

const NONE: FilterState = {
  text: '', actors: new Set(), kinds: new Set(), statuses: new Set(), countries: new Set(), outlets: new Set(),
  dateFrom: '', dateTo: '', brush: null, newOnly: false,
};
const sel = (over: Partial<Selection>): Selection => ({ ...NO_SELECTION, ...over });

describe('selectionOf', () => {
  it.each([
    ['nothing', {}, NO_SELECTION],
    ['facets, sorted', { actors: new Set([11, 3]), kinds: new Set(['call', 'visit'] as const), outlets: new Set(['Wire', 'AP']) },
      sel({ actors: [3, 11], kinds: ['call', 'visit'], sources: ['AP', 'Wire'] })],
    ['text, trimmed', { text: '  gaza ' }, sel({ text: 'gaza' })],
    ['blank text is none', { text: '   ' }, NO_SELECTION],
    ['date inputs', { dateFrom: '2023-06-01', dateTo: '2023-06-30' }, sel({ from: '2023-06-01', to: '2023-06-30' })],
    ['a date that is not one is open', { dateFrom: '2023-13-45' }, NO_SELECTION],
    // A brush of 20 June 00:00 to 30 June 00:00 covers the days 20 to 29.
    ['brush', { brush: [Date.UTC(2023, 5, 20), Date.UTC(2023, 5, 30)] as [number, number] }, sel({ from: '2023-06-20', to: '2023-06-29' })],
    ['brush narrowed by the dates', { dateFrom: '2023-06-25', dateTo: '2023-07-31', brush: [Date.UTC(2023, 5, 20), Date.UTC(2023, 5, 30)] as [number, number] },
      sel({ from: '2023-06-25', to: '2023-06-29' })],
    ['new since last looked', { newOnly: true }, sel({ unseen: true })],
  ] as const)('%s', (_name, over, want) => {
    expect(selectionOf({ ...NONE, ...(over as Partial<FilterState>) })).toEqual(want);
  });

  it('tells the whole workspace', () => {
    expect(isWhole(NO_SELECTION)).toBe(true);
    expect(isWhole(sel({ unseen: true }))).toBe(false);
  });
});

describe('Filters', () => {
  const all = [ev(1), ev(2), ev(3), ev(4)];
  const facets = (total: number): Facets => ({ total, actors: [], countries: [], kinds: [], statuses: [], sources: [] });

  function make(picked: number[] = []) {
    const listEvents = vi.fn(async (s: Selection) => all.filter((e) => (s.kinds.length ? e.id % 2 === 0 : true) && (s.from ? e.id > 1 : true)));
    const facetsFn = vi.fn(async (s: Selection) => facets(s.kinds.length ? 2 : 4));
    const f = new Filters({ all: () => all, generation: () => 1, pickedActors: () => picked, listEvents, facets: facetsFn, search: async () => [3, 1] });
    return { f, listEvents, facetsFn };
  }

  it('asks the store for the selection, and not for the whole workspace it holds', async () => {
    const { f, listEvents, facetsFn } = make();
    await f.load();
    expect(listEvents).not.toHaveBeenCalled();
    expect(f.visible).toBe(all);
    expect(f.facets?.total).toBe(4);
    f.toggle('kinds', 'visit');
    await f.load();
    expect(listEvents).toHaveBeenCalledTimes(1);
    expect(listEvents.mock.calls[0][0]).toEqual(sel({ kinds: ['visit'] }));
    expect(facetsFn.mock.lastCall?.[0]).toEqual(sel({ kinds: ['visit'] }));
    expect(f.visible.map((e) => e.id)).toEqual([2, 4]);
    expect(f.unbrushed).toBe(f.visible);
    expect(f.active).toBe(true);
  });

  it('asks for the timeline without the brush, and the graph without its own picks', async () => {
    const { f, listEvents } = make([7]);
    f.setBrush([Date.UTC(2023, 5, 1), Date.UTC(2023, 5, 15)]);
    await f.load();
    const asked = listEvents.mock.calls.map((c) => c[0]);
    expect(asked).toContainEqual(sel({ from: '2023-06-01', to: '2023-06-14', actors: [7] }));
    expect(asked).toContainEqual(sel({ actors: [7] }));
    expect(f.graphSelection).toEqual(sel({ from: '2023-06-01', to: '2023-06-14' }));
    f.clear();
    expect(f.active).toBe(false);
  });

  it('keeps only the last answer', async () => {
    const { f } = make();
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => (release = r));
    const listEvents = vi.fn(async (s: Selection) => {
      if (s.kinds.includes('call')) await slow;
      return s.kinds.includes('call') ? [ev(9)] : [ev(8)];
    });
    (f as unknown as { src: { listEvents: typeof listEvents } }).src.listEvents = listEvents;
    f.toggle('kinds', 'call');
    const first = f.load();
    f.toggle('kinds', 'call');
    f.toggle('kinds', 'meeting');
    await f.load();
    release();
    await first;
    expect(f.visible.map((e) => e.id)).toEqual([8]);
  });

  it('searches after the debounce; the text joins the selection with the answer', async () => {
    const { f } = make();
    void f.setQuery('e', 20);
    const done = f.setQuery('e1', 20);
    expect(f.searching).toBe(true);
    expect(f.selection.text).toBeNull();
    await done;
    expect(f.selection.text).toBe('e1');
    expect([...f.searchIds!]).toEqual([3, 1]);
    await f.setQuery('  ');
    expect(f.searchIds).toBeNull();
    expect(f.selection).toEqual(NO_SELECTION);
  });
});
