// The ONLY module that talks to the Tauri backend. Tests mock the IPC layer
// underneath it (window.__TAURI_INTERNALS__), components import from here.

import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { revealItemInDir } from '@tauri-apps/plugin-opener';
import type {
  ActorView,
  ArticleView,
  CommandError,
  DataFormat,
  EventPatch,
  Facets,
  GraphView,
  ImageExportOptions,
  MapImageOptions,
  EventDetail,
  EventChange,
  EventSummary,
  FeedUpdateReport,
  FeedView,
  ImportProgress,
  ImportReport,
  Selection,
  WorkspaceInfo,
} from './types';

/** The whole workspace as a selection (filters.svelte.ts's NO_SELECTION; kept here so api.ts imports no state). */
const WHOLE: Selection = {
  from: null, to: null, actors: [], countries: [], kinds: [], statuses: [], sources: [], text: null, unseen: false, deleted: false,
};

/** True when running inside the Tauri webview (IPC bridge present). */
export function hasBackend(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/** Normalise whatever a rejected invoke gives us into {code, message}. */
export function toCommandError(err: unknown): CommandError {
  if (err && typeof err === 'object') {
    const o = err as Record<string, unknown>;
    if (typeof o.code === 'string' && typeof o.message === 'string') {
      return { code: o.code, message: o.message };
    }
    if (typeof o.message === 'string') return { code: 'error', message: o.message };
  }
  if (typeof err === 'string') return { code: 'error', message: err };
  return { code: 'error', message: 'Unknown error' };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  if (!hasBackend()) {
    throw { code: 'no_backend', message: 'Not running inside the Dateline app.' } satisfies CommandError;
  }
  try {
    return await invoke<T>(cmd, args);
  } catch (err) {
    throw toCommandError(err);
  }
}

export const api = {
  workspaceInfo: () => call<WorkspaceInfo>('workspace_info'),
  /** The events of a selection, in date order: the store decides which match. */
  listEvents: (selection: Selection) => call<EventSummary[]>('list_events', { selection }),
  /** Events per actor, country, type, status and source for a selection (each facet without its own criterion). */
  facets: (selection: Selection) => call<Facets>('facets', { selection }),
  eventDetail: (id: number) => call<EventDetail>('event_detail', { id }),
  importPaths: (paths: string[]) => call<ImportReport>('import_paths', { paths }),
  // -- views (timeline, list, search, filters)
  /** Event ids matching a full-text query, best first. */
  search: (query: string) => call<number[]>('search', { query }),
  actors: () => call<ActorView[]>('actors'),
  // -- end views

  // ---- Graph, details, corrections, export, workspace (ui-desk; shared contract names) ----
  article: (id: number) => call<ArticleView>('article', { id }),
  deletedEvents: () => call<EventSummary[]>('list_events', { selection: { ...WHOLE, deleted: true } }),
  updateEvent: (id: number, patch: EventPatch) => call<EventSummary>('update_event', { id, patch }),
  deleteEvent: (id: number) => call<null>('delete_event', { id }),
  restoreEvent: (id: number) => call<null>('restore_event', { id }),
  mergeActors: (into: number, from: number[]) => call<null>('merge_actors', { into, from }),
  renameActor: (id: number, name: string) => call<null>('rename_actor', { id, name }),
  splitActor: (id: number, alias: string) => call<null>('split_actor', { id, alias }),
  undo: () => call<string | null>('undo'),
  redo: () => call<string | null>('redo'),
  actorGraph: (selection: Selection) => call<GraphView>('actor_graph', { selection }),
  graphPath: (from: number, to: number, selection: Selection) => call<number[]>('graph_path', { from, to, selection }),
  graphEgo: (actor: number, hops: number, selection: Selection) => call<GraphView>('graph_ego', { actor, hops, selection }),
  exportData: (path: string, format: DataFormat, selection: Selection) => call<null>('export_data', { path, format, selection }),
  exportImage: (path: string, options: ImageExportOptions) => call<null>('export_image', { path, options }),
  exportMapImage: (path: string, options: MapImageOptions) => call<null>('export_map_image', { path, options }),
  openWorkspace: (path: string) => call<WorkspaceInfo>('open_workspace', { path }),
  newWorkspace: (path: string) => call<WorkspaceInfo>('new_workspace', { path }),
  recentWorkspaces: () => call<string[]>('recent_workspaces'),
  /** File extensions an import reads (lower case, no dot). */
  articleExtensions: () => call<string[]>('article_extensions'),
  cancelImport: () => call<null>('cancel_import'),
  // -- feeds: subscriptions fetched by the Rust side (never from here), and what changed
  listFeeds: () => call<FeedView[]>('list_feeds'),
  addFeed: (url: string, everyMinutes: number) => call<FeedView>('add_feed', { url, everyMinutes }),
  removeFeed: (id: number) => call<FeedView>('remove_feed', { id }),
  updateFeeds: () => call<FeedUpdateReport>('update_feeds'),
  /** New and changed events since the analyst last marked them seen. */
  changesSinceSeen: () => call<EventChange[]>('changes_since_seen'),
  markSeen: () => call<null>('mark_seen'),
  // -- watched folders: new and changed files imported as they come (by the Rust side)
  watchedFolders: () => call<string[]>('watched_folders'),
  watchFolder: (path: string) => call<string[]>('watch_folder', { path }),
  unwatchFolder: (path: string) => call<string[]>('unwatch_folder', { path }),
  /** The native save dialog, opened by the Rust side, which then lets the export or new
   * workspace write to the answer (once) and to no other path; null when cancelled. (In the E2E build
   * only, with `DATELINE_TEST_SAVE_DIR`, that folder + the suggested name, without a dialog.) */
  chooseSavePath: (defaultName: string, filters: { name: string; extensions: string[] }[]) =>
    call<string | null>('choose_save_path', { defaultName, filters }),
  /** The native open dialog, opened by the Rust side: files or folders, null when cancelled. The
   * answers are what `importPaths`, `watchFolder` and `openWorkspace` may then read (with what was
   * dropped on the window, and the recent workspaces); any other path is refused (`not_chosen`).
   * (In the E2E build only, with `DATELINE_TEST_OPEN_ANSWER`, the paths that file lists.) */
  chooseOpenPaths: (opts: { directory: boolean; multiple: boolean; filters?: { name: string; extensions: string[] }[] }) =>
    call<string[] | null>('choose_open_paths', { directory: opts.directory, multiple: opts.multiple, filters: opts.filters ?? [] }),
  /** Shows the file in the system file manager (capability `opener:allow-reveal-item-in-dir`). */
  revealInFileManager: (path: string) => guard(() => revealItemInDir(path)),
};

/** Runs a plugin call with the same error shape as commands. */
async function guard<T>(f: () => Promise<T>): Promise<T> {
  if (!hasBackend()) {
    throw { code: 'no_backend', message: 'Not running inside the Dateline app.' } satisfies CommandError;
  }
  try {
    return await f();
  } catch (err) {
    throw toCommandError(err);
  }
}

export function onImportProgress(handler: (p: ImportProgress) => void): Promise<UnlistenFn> {
  if (!hasBackend()) return Promise.resolve(() => {});
  return listen<ImportProgress>('import-progress', (e) => handler(e.payload));
}

/** The feeds' schedule brought articles, or a feed failed. */
export function onFeedsUpdated(handler: (r: FeedUpdateReport) => void): Promise<UnlistenFn> {
  if (!hasBackend()) return Promise.resolve(() => {});
  return listen<FeedUpdateReport>('feeds-updated', (e) => handler(e.payload));
}

/** A watched folder's new or changed files were imported (or a deleted one reported). */
export function onWatchUpdated(handler: () => void): Promise<UnlistenFn> {
  if (!hasBackend()) return Promise.resolve(() => {});
  return listen('watch-updated', () => handler());
}

export type DragDrop =
  | { type: 'enter'; paths: string[] }
  | { type: 'over' }
  | { type: 'drop'; paths: string[] }
  | { type: 'leave' };

export function onDragDrop(handler: (e: DragDrop) => void): Promise<UnlistenFn> {
  if (!hasBackend()) return Promise.resolve(() => {});
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    switch (p.type) {
      case 'enter':
        handler({ type: 'enter', paths: p.paths ?? [] });
        break;
      case 'over':
        handler({ type: 'over' });
        break;
      case 'drop':
        handler({ type: 'drop', paths: p.paths ?? [] });
        break;
      default:
        handler({ type: 'leave' });
    }
  });
}
