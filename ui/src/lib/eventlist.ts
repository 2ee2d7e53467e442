// Sorting and windowing for the event list (pure: tested without a DOM).

import { spanOf } from './events';
import type { EventSummary } from './types';

export type SortKey = 'date' | 'label' | 'kind' | 'status' | 'sources';
export type SortDir = 'asc' | 'desc';

export const SORT_LABELS: Record<SortKey, string> = {
  date: 'Date',
  label: 'Event',
  kind: 'Type',
  status: 'Status',
  sources: 'Sources',
};

/**
 * Events in the order of a full-text search's answer (best match first; a
 * `Set` keeps the order its ids were added in). Events the answer does not
 * list go last, in their current order.
 */
export function sortByMatch(events: readonly EventSummary[], order: ReadonlySet<number>): EventSummary[] {
  const rank = new Map<number, number>();
  for (const id of order) rank.set(id, rank.size);
  const last = rank.size;
  return events
    .map((e, i) => ({ e, r: rank.get(e.id) ?? last, i }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}

/**
 * Events in list order. Sorting runs over precomputed keys (no localeCompare,
 * no date parsing in the comparator), stable (ties keep the date order), with
 * undated events last whatever the direction. Date ascending is the backend's
 * own order, returned as is.
 */
export function sortEvents(events: readonly EventSummary[], key: SortKey, dir: SortDir): EventSummary[] {
  const n = events.length;
  if (key === 'date' && dir === 'asc') {
    if (isDateOrdered(events)) return events as EventSummary[];
    const nearly = nearlyDateOrdered(events);
    if (nearly) return nearly;
  }
  const num = new Float64Array(n);
  let str: string[] | null = null;
  const undated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = events[i];
    const s = spanOf(e);
    if (!s) undated[i] = 1;
    switch (key) {
      case 'date':
        num[i] = s ? s.start : 0;
        break;
      case 'sources':
        num[i] = e.sources;
        break;
      default:
        (str ??= new Array<string>(n))[i] = key === 'label' ? e.label.toLowerCase() : e[key];
    }
  }
  const idx = Array.from({ length: n }, (_, i) => i);
  const sign = dir === 'asc' ? 1 : -1;
  idx.sort((a, b) => {
    if (key === 'date' && undated[a] !== undated[b]) return undated[a] - undated[b];
    let c: number;
    if (str) c = str[a] < str[b] ? -1 : str[a] > str[b] ? 1 : 0;
    else c = num[a] - num[b];
    return c * sign || a - b;
  });
  return idx.map((i) => events[i]);
}

/**
 * Date order for a list that is almost in it (the backend's order, where a
 * month-precision event starts on the 1st, a little before its neighbours):
 * insertion sort, stable, undated last; null past a budget of moves.
 */
function nearlyDateOrdered(events: readonly EventSummary[]): EventSummary[] | null {
  const dated: EventSummary[] = [];
  const undated: EventSummary[] = [];
  for (const e of events) (spanOf(e) ? dated : undated).push(e);
  let budget = 64 * dated.length + 1024;
  for (let i = 1; i < dated.length; i++) {
    const e = dated[i];
    const t = spanOf(e)!.start;
    let j = i - 1;
    while (j >= 0 && spanOf(dated[j])!.start > t) {
      dated[j + 1] = dated[j];
      j--;
      if (--budget < 0) return null;
    }
    dated[j + 1] = e;
  }
  return undated.length ? dated.concat(undated) : dated;
}

/** True when spans never go backwards and undated events come last. */
export function isDateOrdered(events: readonly EventSummary[]): boolean {
  let last = -Infinity;
  let undatedSeen = false;
  for (const e of events) {
    const s = spanOf(e);
    if (!s) {
      undatedSeen = true;
      continue;
    }
    if (undatedSeen || s.start < last) return false;
    last = s.start;
  }
  return true;
}

/** Rows to render for a scroll position: [first, last) with some overscan. */
export function rowWindow(scrollTop: number, viewportH: number, rowH: number, total: number, overscan = 6): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowH) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewportH) / rowH) + overscan);
  return [first, Math.max(first, last)];
}

/** The scrollTop that brings row i into view (unchanged when it already is). */
export function scrollToRow(i: number, scrollTop: number, viewportH: number, rowH: number): number {
  const top = i * rowH;
  if (top < scrollTop) return top;
  if (top + rowH > scrollTop + viewportH) return top + rowH - viewportH;
  return scrollTop;
}
