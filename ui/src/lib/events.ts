// From IPC event summaries to timeline items, lanes and descriptions.

import { eventSpan, formatDayRange, DAY, type EventSpan } from './dates';
import { KIND_LABELS, KIND_PLURALS, type Theme } from './theme';
import type { LaneSpec, TimelineItem, ViewDomain } from './timeline/types';
import { formatCount } from './format';
import { EVENT_KINDS, type EventKind, type EventSummary } from './types';

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
    const span = eventSpan(e);
    it = c[ITEM] = span
      ? { id: e.id, kind: e.kind, status: e.status, start: span.start, end: span.end, mode: span.mode, label: e.label, data: e }
      : null;
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

/** What the timeline's lanes group by. */
export type LaneBy = 'type' | 'actor' | 'country' | 'source';
export const LANE_BY_LABELS: Record<LaneBy, string> = { type: 'Type', actor: 'Actor', country: 'Country', source: 'Source' };
/** Most lanes shown by name; the rest share an "Other" lane (as the image export does). */
export const MAX_NAMED_LANES = 19;

/**
 * Lanes of a facet with many values (actors, outlets): the most frequent
 * MAX_NAMED_LANES by name, in order of frequency, then one lane for the rest.
 * An event with several values is in several lanes.
 */
function facetLanes(events: readonly EventSummary[], values: (e: EventSummary) => readonly string[], none: string, otherLabel: string): LaneSpec {
  const counts = new Map<string, number>();
  for (const e of events) for (const v of new Set(values(e))) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_NAMED_LANES).map(([k]) => k);
  const named = new Set(top);
  const other = counts.size > top.length ? `${otherLabel} (${counts.size - top.length})` : otherLabel;
  return {
    key: (it) => {
      const vs = values(it.data as EventSummary);
      if (!vs.length) return none;
      const keys = new Set<string>();
      for (const v of vs) keys.add(named.has(v) ? v : other);
      return keys.size === 1 ? keys.values().next().value! : [...keys];
    },
    order: [...top, ...(counts.size > top.length ? [other] : [])],
    label: (k) => k,
  };
}

/** The lane spec for a grouping; `events` are those on the timeline. */
export function lanesBy(by: LaneBy, events: readonly EventSummary[], theme: Theme): LaneSpec {
  switch (by) {
    case 'type':
      return kindLanes(theme);
    case 'actor':
      return facetLanes(events, (e) => e.participants, 'No actor', 'Other actors');
    case 'country':
      return facetLanes(events, (e) => (e.country ? [e.country] : []), 'No country', 'Other countries');
    case 'source':
      return facetLanes(events, (e) => e.outlets ?? [], 'No source', 'Other sources');
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
