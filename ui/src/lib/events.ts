// From IPC event summaries to timeline items, lanes and descriptions.

import { formatDayRange, spanWith, DAY, type EventSpan } from './dates';
import { KIND_LABELS, KIND_PLURALS, maxLanes, type Theme } from './theme';
import type { LaneSpec, TimelineItem, ViewDomain } from './timeline/types';
import { formatCount } from './format';
import { EVENT_KINDS, type EventKind, type EventSummary, type LaneBy } from './types';

export interface ItemsResult {
  items: TimelineItem[];
  /** Events without a usable date (not on the timeline). */
  undated: EventSummary[];
}

// The timeline item of each summary is cached on the summary object under a
// symbol (invisible to JSON and to the rest of the app); it doubles as the
// summary's span (an item has start, end and mode). A WeakMap would do the
// same, but its inserts cost ~2 µs each: 0.2 s for a 100k-event workspace.
const ITEM = Symbol('item');
type Cached = EventSummary & { [ITEM]?: TimelineItem | null };

function itemOf(e: EventSummary): TimelineItem | null {
  const c = e as Cached;
  let it = c[ITEM];
  if (it === undefined) {
    it = c[ITEM] = spanWith(e, (start, end, mode) => ({ id: e.id, kind: e.kind, status: e.status, start, end, mode, label: e.label, data: e }));
  }
  return it;
}

/** eventSpan, cached per summary object (lists are replaced, never mutated). */
export function spanOf(e: EventSummary): EventSpan | null {
  return itemOf(e);
}

/**
 * Timeline items of the dated events, in the events' order. Items are cached
 * per summary, so filtering a list again allocates nothing new.
 */
export function toItems(events: readonly EventSummary[]): ItemsResult {
  const items: TimelineItem[] = [];
  const undated: EventSummary[] = [];
  for (const e of events) {
    const it = itemOf(e);
    if (it) items.push(it);
    else undated.push(e);
  }
  return { items, undated };
}

export function kindLanes(theme: Theme): LaneSpec {
  return {
    key: (it) => it.kind,
    order: EVENT_KINDS,
    label: (k) => (k in KIND_PLURALS ? capitalise(KIND_PLURALS[k as EventKind]) : k),
    color: (k) => theme.kinds[k as EventKind] ?? null,
  };
}

export const LANE_BY_LABELS: Record<LaneBy, string> = { type: 'Type', actor: 'Actor', country: 'Country', source: 'Source' };
type Facet = Exclude<LaneBy, 'type'>;
const FACET_NOUNS: Record<Facet, string> = { actor: 'actors', country: 'countries', source: 'sources' };

/**
 * Lanes of a facet with many values (actors, countries, outlets), by the
 * image export's rules (`lane_specs` in crates/dateline-render/src/layout.rs;
 * both are checked against crates/dateline-render/tests/lane-cases.json), so
 * that an exported image has the lanes on screen: one lane per value, an
 * event without one in "(no actor)" etc.; largest first, then by name; at most
 * `maxLanes()` lanes, past that the first `maxLanes() - 1` and one
 * "Other (N actors)" lane holding the events that are in none of them.
 * An event with several values is in several lanes.
 */
function facetLanes(events: readonly EventSummary[], values: (e: EventSummary) => readonly string[], by: Facet, max = maxLanes()): LaneSpec {
  const none = `(no ${by})`;
  const keysOf = (e: EventSummary): string[] => {
    const out: string[] = [];
    for (const v of values(e)) {
      const k = v.trim();
      if (k && !out.includes(k)) out.push(k);
    }
    return out.length ? out : [none];
  };
  const counts = new Map<string, number>();
  for (const e of events) for (const k of keysOf(e)) counts.set(k, (counts.get(k) ?? 0) + 1);
  // Code-unit order, as Rust compares the names (not localeCompare).
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const limit = Math.max(1, max);
  const kept = ranked.length <= limit ? ranked : ranked.slice(0, limit - 1);
  const named = new Set(kept.map(([k]) => k));
  const other = `Other (${ranked.length - kept.length} ${FACET_NOUNS[by]})`;
  const anyOther = kept.length < ranked.length && events.some((e) => !keysOf(e).some((k) => named.has(k)));
  return {
    key: (it) => {
      const ks = keysOf(it.data as EventSummary).filter((k) => named.has(k));
      if (!ks.length) return other;
      return ks.length === 1 ? ks[0] : ks;
    },
    order: [...kept.map(([k]) => k), ...(anyOther ? [other] : [])],
    label: (k) => k,
  };
}

/** The lane spec for a grouping; `events` are those on the timeline. */
export function lanesBy(by: LaneBy, events: readonly EventSummary[], theme: Theme): LaneSpec {
  switch (by) {
    case 'type':
      return kindLanes(theme);
    case 'actor':
      return facetLanes(events, (e) => e.participants, 'actor');
    case 'country':
      return facetLanes(events, (e) => (e.country ? [e.country] : []), 'country');
    case 'source':
      return facetLanes(events, (e) => e.outlets ?? [], 'source');
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function countByKind(items: readonly { kind: EventKind }[]): Record<EventKind, number> {
  const c: Record<EventKind, number> = { visit: 0, meeting: 0, call: 0, conference: 0 };
  for (const it of items) c[it.kind]++;
  return c;
}

/** "3 visits, 1 meeting" (kinds with zero omitted). */
export function kindSummary(items: readonly { kind: EventKind }[]): string {
  const c = countByKind(items);
  return EVENT_KINDS.filter((k) => c[k] > 0)
    .map((k) => `${c[k]} ${c[k] === 1 ? KIND_LABELS[k].toLowerCase() : KIND_PLURALS[k]}`)
    .join(', ');
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const summaries = new WeakMap<readonly TimelineItem[], string>();

/** Accessible description of the timeline canvas (called every frame). */
export function describeTimeline(items: readonly TimelineItem[], view: ViewDomain): string {
  let counts = summaries.get(items);
  if (counts === undefined) {
    const head = `Timeline of ${plural(items.length, 'event')}`;
    counts = items.length ? `${head} (${kindSummary(items)})` : head;
    summaries.set(items, counts);
  }
  const showing = `; showing ${formatDayRange(Math.floor(view[0] / DAY) * DAY, Math.floor((view[1] - 1) / DAY) * DAY)}`;
  return `${counts}${showing}. Use + and − to zoom, arrow keys to pan, [ and ] to step through events, b to filter the other views to the visible range, Page Up and Page Down to scroll the lanes.`;
}
