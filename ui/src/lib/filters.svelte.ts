// What the analyst selected: full-text search, facet filters (actor, type, status, country,
// source, date range), the time brush, "new since you last looked" and the actors picked in the
// graph. They become one `Selection` (the Rust type, generated), which the store answers in SQL:
// the list, the timeline, the graph, the map and every export ask for the same selection, so they
// state the same events. Nothing here decides which event matches.

import { api, toCommandError } from './api';
import { parseDay, windowDays } from './dates';
import type { CommandError, EventKind, EventSummary, Facets, Selection, Status } from './types';

/** A time range [start, end) in UTC ms. */
export type TimeRange = [number, number];

/** The whole workspace. */
export const NO_SELECTION: Selection = {
  from: null,
  to: null,
  actors: [],
  countries: [],
  kinds: [],
  statuses: [],
  sources: [],
  text: null,
  unseen: false,
  deleted: false,
};

/** What the filter state holds, before it is a `Selection`. */
export interface FilterState {
  /** The search text as applied (after the debounce); '' for none. */
  text: string;
  actors: ReadonlySet<number>;
  kinds: ReadonlySet<EventKind>;
  statuses: ReadonlySet<Status>;
  countries: ReadonlySet<string>;
  outlets: ReadonlySet<string>;
  /** ISO days from the date inputs ('' = open). */
  dateFrom: string;
  dateTo: string;
  brush: TimeRange | null;
  newOnly: boolean;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * The selection of a filter state: the window is the date inputs' days narrowed to the brush's
 * (an event drawn over [start, end + 1 day) overlaps a brush exactly when its days overlap the
 * brush's first and last day).
 */
export function selectionOf(f: FilterState): Selection {
  const day = (d: string) => (parseDay(d) === null ? null : d);
  let from = day(f.dateFrom);
  let to = day(f.dateTo);
  if (f.brush) {
    const b = windowDays(f.brush);
    from = later(from, b.from);
    to = earlier(to, b.to);
  }
  return {
    from,
    to,
    actors: [...f.actors].sort((a, b) => a - b),
    countries: [...f.countries].sort(),
    kinds: [...f.kinds].sort(),
    statuses: [...f.statuses].sort(),
    sources: [...f.outlets].sort(),
    text: f.text.trim() ? f.text.trim() : null,
    unseen: f.newOnly,
    deleted: false,
  };
}

/** Whether a selection is the whole workspace. */
export function isWhole(s: Selection): boolean {
  return sameSelection(s, NO_SELECTION);
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const SEARCH_DEBOUNCE_MS = 250;

/** How the filters read events: the store's answers (tests give their own). */
export interface EventSource {
  /** Every live event (the app loads them once per reload). */
  all: () => readonly EventSummary[];
  /** Bumped on every reload: the answers are asked again. */
  generation: () => number;
  /** Actors picked in the graph (linked views): they narrow every view but the graph. */
  pickedActors?: () => readonly number[];
  listEvents?: (s: Selection) => Promise<EventSummary[]>;
  facets?: (s: Selection) => Promise<Facets>;
  search?: (q: string) => Promise<number[]>;
}

export class Filters {
  /** The search box text; `text` (what the selection searches) follows it after a debounce. */
  query = $state('');
  text = $state('');
  /** Ids of the search's matches, best first: the list's "best match" order (not a filter). */
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

  private state(brush: boolean, picked: boolean): FilterState {
    const graph = picked ? (this.src.pickedActors?.() ?? []) : [];
    return {
      text: this.text,
      actors: graph.length ? new Set([...this.actors, ...graph]) : this.actors,
      kinds: this.kinds,
      statuses: this.statuses,
      countries: this.countries,
      outlets: this.outlets,
      dateFrom: this.dateFrom,
      dateTo: this.dateTo,
      brush: brush ? this.brush : null,
      newOnly: this.newOnly,
    };
  }

  /** What every view shows: the list, the map, the header count, the exports. */
  readonly selection: Selection = $derived(selectionOf(this.state(true, true)));
  /** Everything but the brush: what the timeline draws, so the brushed range keeps its context. */
  readonly unbrushedSelection: Selection = $derived(selectionOf(this.state(false, true)));
  /** The graph's selection: its own picks left out, so picking an actor does not empty it. */
  readonly graphSelection: Selection = $derived(selectionOf(this.state(true, false)));

  /** The store's last answer for the selections that are not the whole workspace. */
  private answer = $state.raw<{ visible: EventSummary[]; unbrushed: EventSummary[]; generation: number }>({
    visible: [],
    unbrushed: [],
    generation: 0,
  });
  /** The events of `selection`, in date order, as the store answered (the whole workspace is
   * what the app holds already, so it is not asked twice). */
  readonly visible: EventSummary[] = $derived(
    isWhole(this.selection) ? this.all() : this.answer.visible,
  );
  /** The events of `unbrushedSelection`. */
  readonly unbrushed: EventSummary[] = $derived(
    isWhole(this.unbrushedSelection) ? this.all() : this.answer.unbrushed,
  );
  /** The reload `unbrushed` comes from: the timeline fits its events when it changes. */
  readonly generation: number = $derived(
    isWhole(this.unbrushedSelection) ? this.reloads() : this.answer.generation,
  );
  /** The filter bar's counts for `selection`. */
  facets = $state.raw<Facets | null>(null);
  loadError = $state<CommandError | null>(null);

  readonly active: boolean = $derived(!isWhole(this.graphSelection) || this.query.trim() !== '');

  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private loadSeq = 0;

  private src: EventSource;

  constructor(src: EventSource) {
    this.src = src;
  }

  // Read through methods: the derived values are defined before the constructor sets `src`
  // (they run only when read, after it).
  private all(): EventSummary[] {
    return this.src.all() as EventSummary[];
  }

  private reloads(): number {
    return this.src.generation();
  }

  /**
   * Asks the store for the events and the counts of the current selections (call it when they
   * or the generation change); answers to an earlier call that come late are dropped.
   */
  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    const selection = this.selection;
    const unbrushed = this.unbrushedSelection;
    const generation = this.src.generation();
    const list = this.src.listEvents ?? api.listEvents;
    const facets = this.src.facets ?? api.facets;
    const events = (s: Selection) => (isWhole(s) ? Promise.resolve([]) : list(s));
    try {
      // The events first, then the counts: both hold the workspace in turn, and the counts
      // of a large selection take longer than its events (so the views do not wait for them).
      const [v, u] = await Promise.all([
        events(selection),
        sameSelection(selection, unbrushed) ? null : events(unbrushed),
      ]);
      if (seq !== this.loadSeq) return;
      this.answer = { visible: v, unbrushed: u ?? v, generation };
      this.loadError = null;
      const f = await facets(selection);
      if (seq !== this.loadSeq) return;
      this.facets = f;
    } catch (e) {
      if (seq !== this.loadSeq) return;
      this.loadError = toCommandError(e);
    }
  }

  /** Update the query; the search runs SEARCH_DEBOUNCE_MS after the last keystroke. */
  setQuery(q: string, debounceMs = SEARCH_DEBOUNCE_MS): Promise<void> {
    this.query = q;
    clearTimeout(this.timer);
    const seq = ++this.seq;
    if (!q.trim()) {
      this.text = '';
      this.searchIds = null;
      this.searching = false;
      this.searchError = null;
      return Promise.resolve();
    }
    this.searching = true;
    const search = this.src.search ?? api.search;
    return new Promise((resolve) => {
      this.timer = setTimeout(async () => {
        try {
          const ids = await search(q.trim());
          if (seq === this.seq) {
            this.searchIds = new Set(ids);
            this.text = q.trim();
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
