// Which events every view shows: full-text search, facet filters (actor,
// type, status, country, source, date range) and the time brush. The
// timeline, the list, the graph and the export read `visible` (and `brush`)
// from one Filters instance; nothing else decides what is filtered out.

import { api, toCommandError } from './api';
import { parseDay, DAY, type EventSpan } from './dates';
import { spanOf } from './events';
import type { CommandError, EventKind, EventSummary, Status } from './types';

/** A time range [start, end) in UTC ms. */
export type TimeRange = [number, number];

export interface Criteria {
  /** Event ids from the full-text search; null: no search. */
  searchIds: ReadonlySet<number> | null;
  /** Facets: an empty set means "any". Within a facet, any value matches. */
  actors: ReadonlySet<number>;
  kinds: ReadonlySet<EventKind>;
  statuses: ReadonlySet<Status>;
  countries: ReadonlySet<string>;
  outlets: ReadonlySet<string>;
  /** Date range (from the date inputs) and the brush; an event must overlap both. */
  range: TimeRange | null;
  brush: TimeRange | null;
  /** Only these events (new or changed since the analyst last looked); null or absent: any. */
  newIds?: ReadonlySet<number> | null;
}

export const NO_CRITERIA: Criteria = {
  searchIds: null,
  actors: new Set(),
  kinds: new Set(),
  statuses: new Set(),
  countries: new Set(),
  outlets: new Set(),
  range: null,
  brush: null,
};

function overlaps(s: EventSpan | null, r: TimeRange): boolean {
  return s !== null && s.start < r[1] && s.end > r[0];
}

/** One pass over the events; keeps their order. Undated events fail any time range. */
export function filterEvents(events: readonly EventSummary[], c: Criteria): EventSummary[] {
  const { searchIds, actors, kinds, statuses, countries, outlets, range, brush } = c;
  const newIds = c.newIds ?? null;
  if (
    !newIds &&
    !searchIds &&
    !actors.size &&
    !kinds.size &&
    !statuses.size &&
    !countries.size &&
    !outlets.size &&
    !range &&
    !brush
  ) {
    return events as EventSummary[];
  }
  const out: EventSummary[] = [];
  for (const e of events) {
    if (searchIds && !searchIds.has(e.id)) continue;
    if (newIds && !newIds.has(e.id)) continue;
    if (kinds.size && !kinds.has(e.kind)) continue;
    if (statuses.size && !statuses.has(e.status)) continue;
    if (countries.size && !(e.country !== null && countries.has(e.country))) continue;
    if (actors.size && !(e.actor_ids ?? []).some((a) => actors.has(a))) continue;
    if (outlets.size && !(e.outlets ?? []).some((o) => outlets.has(o))) continue;
    if (range || brush) {
      const s = spanOf(e);
      if (range && !overlaps(s, range)) continue;
      if (brush && !overlaps(s, brush)) continue;
    }
    out.push(e);
  }
  return out;
}

/** The date inputs' range: from the start of `from` to the end of `to` (either may be open). */
export function dateInputsRange(from: string, to: string): TimeRange | null {
  const a = parseDay(from);
  const b = parseDay(to);
  if (a === null && b === null) return null;
  return [a ?? -8.64e15, b === null ? 8.64e15 : b + DAY];
}

/** Sorted distinct values of a facet over the events, with counts. */
export function facetValues(events: readonly EventSummary[], pick: (e: EventSummary) => readonly string[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of events) for (const v of pick(e)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value));
}

export const SEARCH_DEBOUNCE_MS = 250;

export class Filters {
  /** Where the events come from (read inside the deriveds, so reactive). */
  private source: () => readonly EventSummary[] = () => [];
  private searchFn: (q: string) => Promise<number[]> = api.search;
  private unseenIds: () => ReadonlySet<number> = () => new Set();

  /** The search box text; `searchIds` follows it after a debounce. */
  query = $state('');
  searchIds = $state.raw<ReadonlySet<number> | null>(null);
  searching = $state(false);
  searchError = $state<CommandError | null>(null);

  actors = $state.raw<ReadonlySet<number>>(new Set());
  kinds = $state.raw<ReadonlySet<EventKind>>(new Set());
  statuses = $state.raw<ReadonlySet<Status>>(new Set());
  countries = $state.raw<ReadonlySet<string>>(new Set());
  outlets = $state.raw<ReadonlySet<string>>(new Set());
  /** ISO days from the date inputs ('' = open). */
  dateFrom = $state('');
  dateTo = $state('');
  /** The time brush (drawn on the timeline), shared with every view. */
  brush = $state.raw<TimeRange | null>(null);
  /** Only the events new or changed since the analyst last looked. */
  newOnly = $state(false);

  readonly criteria: Criteria = $derived({
    searchIds: this.searchIds,
    actors: this.actors,
    kinds: this.kinds,
    statuses: this.statuses,
    countries: this.countries,
    outlets: this.outlets,
    range: dateInputsRange(this.dateFrom, this.dateTo),
    brush: this.brush,
    newIds: this.newOnly ? this.unseenIds() : null,
  });

  /** The events every view shows, in the source's (date) order. */
  readonly visible: EventSummary[] = $derived(filterEvents(this.source(), this.criteria));
  /**
   * Everything but the brush: what the timeline draws, so the brushed range
   * keeps its context around it.
   */
  readonly unbrushed: EventSummary[] = $derived(
    this.brush ? filterEvents(this.source(), { ...this.criteria, brush: null }) : this.visible,
  );
  /** Ids of `visible`, for views that ask the backend by id (graph, export). */
  readonly visibleIds: ReadonlySet<number> = $derived(new Set(this.visible.map((e) => e.id)));
  readonly active: boolean = $derived(
    this.searchIds !== null ||
      this.actors.size + this.kinds.size + this.statuses.size + this.countries.size + this.outlets.size > 0 ||
      this.criteria.range !== null ||
      this.brush !== null ||
      this.newOnly,
  );

  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(
    source: () => readonly EventSummary[],
    searchFn: (q: string) => Promise<number[]> = api.search,
    unseenIds: () => ReadonlySet<number> = () => new Set(),
  ) {
    this.source = source;
    this.searchFn = searchFn;
    this.unseenIds = unseenIds;
  }

  /** Update the query; the search runs SEARCH_DEBOUNCE_MS after the last keystroke. */
  setQuery(q: string, debounceMs = SEARCH_DEBOUNCE_MS): Promise<void> {
    this.query = q;
    clearTimeout(this.timer);
    const seq = ++this.seq;
    if (!q.trim()) {
      this.searchIds = null;
      this.searching = false;
      this.searchError = null;
      return Promise.resolve();
    }
    this.searching = true;
    return new Promise((resolve) => {
      this.timer = setTimeout(async () => {
        try {
          const ids = await this.searchFn(q.trim());
          if (seq === this.seq) {
            this.searchIds = new Set(ids);
            this.searchError = null;
          }
        } catch (e) {
          if (seq === this.seq) this.searchError = toCommandError(e);
        } finally {
          if (seq === this.seq) this.searching = false;
          resolve();
        }
      }, debounceMs);
    });
  }

  toggle<K extends 'kinds' | 'statuses' | 'actors' | 'countries' | 'outlets'>(facet: K, value: Filters[K] extends ReadonlySet<infer V> ? V : never): void {
    const next = new Set(this[facet] as ReadonlySet<unknown>);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    (this[facet] as ReadonlySet<unknown>) = next;
  }

  /** Replace a facet with one value (or none: null). */
  setOne<K extends 'actors' | 'countries' | 'outlets'>(facet: K, value: Filters[K] extends ReadonlySet<infer V> ? V | null : never): void {
    (this[facet] as ReadonlySet<unknown>) = value === null ? new Set() : new Set([value]);
  }

  setBrush(r: TimeRange | null): void {
    this.brush = r && r[1] > r[0] ? r : null;
  }

  clear(): void {
    void this.setQuery('');
    this.actors = new Set();
    this.kinds = new Set();
    this.statuses = new Set();
    this.countries = new Set();
    this.outlets = new Set();
    this.dateFrom = '';
    this.dateTo = '';
    this.brush = null;
    this.newOnly = false;
  }
}
