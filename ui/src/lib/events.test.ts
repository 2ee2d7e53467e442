import { describe, expect, it } from 'vitest';
import { toCommandError } from './api';
import { DAY, utc } from './dates';
import { describeTimeline, kindLanes, kindSummary, lanesBy, plural, toItems } from './events';
import type { LaneBy } from './types';
import { lightTheme, maxLanes } from './theme';
import { buildLaneIndex } from './timeline/layout';
import type { EventSummary } from './types';
import laneCases from '../../../crates/dateline-render/tests/lane-cases.json';

const cases = laneCases as unknown as {
  max_lanes: number;
  cases: { name: string; by: string; items: { id: number; values: string[] }[]; lanes: [string, number[]][] }[];
};
const summary = (id: number, over: Partial<EventSummary>): EventSummary => ({ ...ev({ id, start: '2024-01-01', end: null, precision: 'day' }), ...over });

const ev = (over: Partial<EventSummary>): EventSummary => ({
  id: 1,
  kind: 'call',
  status: 'occurred',
  start: '2023-06-14',
  end: null,
  precision: 'day',
  label: 'A call',
  participants: [],
  place: null,
  country: null,
  sources: 1,
  actor_ids: [],
  outlets: [],
  edited: false,
  ...over,
});

describe('events → timeline items', () => {
  it('converts dated events and sets undated ones aside', () => {
    const { items, undated } = toItems([
      ev({ id: 1 }),
      ev({ id: 2, kind: 'visit', start: '2023-06-01', end: '2023-06-30', precision: 'month' }),
      ev({ id: 3, start: null }),
    ]);
    expect(items.map((i) => [i.id, i.mode])).toEqual([
      [1, 'point'],
      [2, 'fuzzy'],
    ]);
    expect(items[1].start).toBe(utc(2023, 5, 1));
    expect(items[1].end).toBe(utc(2023, 6, 1));
    expect(undated.map((e) => e.id)).toEqual([3]);
  });
  it('lanes by kind with labels and colours from the theme', () => {
    const l = kindLanes(lightTheme);
    expect(l.order).toEqual(['visit', 'meeting', 'call', 'conference']);
    expect(l.label('conference')).toBe('Conferences');
    expect(l.color?.('call')).toBe(lightTheme.kinds.call);
  });
  it('summarises counts for the accessible label', () => {
    const { items } = toItems([ev({ id: 1 }), ev({ id: 2 }), ev({ id: 3, kind: 'visit' })]);
    expect(kindSummary(items)).toBe('1 visit, 2 calls');
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(12345, 'event')).toBe('12,345 events');
    const d = describeTimeline(items, [utc(2023, 5, 1), utc(2023, 6, 1)]);
    expect(d).toMatch(/^Timeline of 3 events \(1 visit, 2 calls\); showing 1–30 June 2023\./);
    expect(describeTimeline([], [0, DAY])).toMatch(/^Timeline of 0 events; showing 1 January 1970\./);
  });
});

describe('command errors', () => {
  it('normalises rejections to {code, message}', () => {
    expect(toCommandError({ code: 'not_found', message: 'gone' })).toEqual({ code: 'not_found', message: 'gone' });
    expect(toCommandError('boom')).toEqual({ code: 'error', message: 'boom' });
    expect(toCommandError(new Error('bad'))).toEqual({ code: 'error', message: 'bad' });
    expect(toCommandError(undefined)).toEqual({ code: 'error', message: 'Unknown error' });
  });
});

describe('lanes by actor, country, source', () => {
  // The same cases as the image export's renderer (crates/dateline-render/src/layout.rs).
  it('follow the rules the image export follows', () => {
    expect(cases.max_lanes).toBe(maxLanes());
    for (const c of cases.cases) {
      const events = c.items.map(({ id, values }) =>
        summary(id, {
          participants: c.by === 'actor' ? values : [],
          country: c.by === 'country' ? (values[0] ?? null) : null,
          outlets: c.by === 'source' ? values : [],
        }),
      );
      if (c.by === 'country') expect(c.items.every((i) => i.values.length <= 1), 'one country per event').toBe(true);
      const spec = lanesBy(c.by as LaneBy, events, lightTheme);
      const got = buildLaneIndex(toItems(events).items, spec).map((l) => [l.key, l.items.map((it) => it.id)]);
      expect(got, c.name).toEqual(c.lanes);
    }
  });
});
