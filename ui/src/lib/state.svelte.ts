// Application state (Svelte 5 runes). All backend access goes through api.ts.

import { api, toCommandError } from './api';
import type { Selection, CommandError, EventDetail, EventSummary, ImportProgress, ImportReport, WorkspaceInfo } from './types';

/** Every live event: what the app loads on open and after each change. */
const WHOLE: Selection = {
  from: null, to: null, actors: [], countries: [], kinds: [], statuses: [], sources: [], text: null, unseen: false, deleted: false,
};

export class AppState {
  info = $state<WorkspaceInfo | null>(null);
  /** Raw (not deeply reactive): may hold 100k events. */
  events = $state.raw<EventSummary[]>([]);
  loading = $state(true);
  error = $state<CommandError | null>(null);
  /** Bumped on every successful list reload. */
  generation = $state(0);

  selectedId = $state<number | null>(null);
  detail = $state.raw<EventDetail | null>(null);
  detailLoading = $state(false);
  detailError = $state<CommandError | null>(null);

  dragging = $state(false);
  importing = $state(false);
  progress = $state.raw<ImportProgress | null>(null);
  report = $state.raw<ImportReport | null>(null);
  importError = $state<CommandError | null>(null);
  lastDropped = $state.raw<string[]>([]);
  /** Paths dropped during an import, imported next. */
  queued = $state.raw<string[]>([]);
  /** Events that the last import added (ids not listed before it). */
  newIds = $state.raw<number[]>([]);
  /** Ask the timeline to bring these events into view (seq: a new request). */
  focusRequest = $state.raw<{ ids: number[]; seq: number } | null>(null);

  private detailSeq = 0;

  async refresh(): Promise<void> {
    this.loading = true;
    try {
      // Marks for the load benchmark (tests/e2e/open-bench.mjs); cheap, and visible in any profiler.
      performance.mark('dateline:list-asked');
      const [info, events] = await Promise.all([api.workspaceInfo(), api.listEvents(WHOLE)]);
      performance.mark('dateline:list-received');
      this.info = info;
      this.events = events;
      this.error = null;
      this.generation++;
      if (this.selectedId !== null && !events.some((e) => e.id === this.selectedId)) this.select(null);
    } catch (e) {
      this.error = toCommandError(e);
    } finally {
      this.loading = false;
    }
  }

  async select(id: number | null): Promise<void> {
    this.selectedId = id;
    const seq = ++this.detailSeq;
    this.detailError = null;
    if (id === null) {
      this.detail = null;
      this.detailLoading = false;
      return;
    }
    this.detailLoading = true;
    try {
      const d = await api.eventDetail(id);
      if (seq !== this.detailSeq) return;
      this.detail = d;
    } catch (e) {
      if (seq !== this.detailSeq) return;
      this.detail = null;
      this.detailError = toCommandError(e);
    } finally {
      if (seq === this.detailSeq) this.detailLoading = false;
    }
  }

  onProgress(p: ImportProgress): void {
    if (this.importing) this.progress = p;
  }

  async importPaths(paths: string[]): Promise<void> {
    if (!paths.length) return;
    if (this.importing) {
      // Dropped while importing: run right after the current import.
      this.queued = [...this.queued, ...paths];
      return;
    }
    this.lastDropped = paths;
    this.importing = true;
    this.report = null;
    this.importError = null;
    this.newIds = [];
    this.progress = { files_done: 0, files_total: paths.length, current: null, articles: 0, events: 0 };
    const before = new Set(this.events.map((e) => e.id));
    try {
      this.report = await api.importPaths(paths);
    } catch (e) {
      this.importError = toCommandError(e);
    } finally {
      this.importing = false;
      this.progress = null;
    }
    await this.refresh();
    this.newIds = this.events.filter((e) => !before.has(e.id)).map((e) => e.id);
    if (this.queued.length) {
      const next = this.queued;
      this.queued = [];
      await this.importPaths(next);
    }
  }

  /** Bring events into view on the timeline and select the first. */
  focusEvents(ids: number[]): void {
    if (!ids.length) return;
    this.focusRequest = { ids, seq: (this.focusRequest?.seq ?? 0) + 1 };
    void this.select(ids[0]);
  }

  dismissImport(): void {
    this.report = null;
    this.importError = null;
  }
}
