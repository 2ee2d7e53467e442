// The ONLY module that talks to the Tauri backend. Tests mock the IPC layer
// underneath it (window.__TAURI_INTERNALS__), components import from here.

import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type {
  ActorView,
  CommandError,
  EventDetail,
  EventSummary,
  ImportProgress,
  ImportReport,
  WorkspaceInfo,
} from './types';

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
  listEvents: () => call<EventSummary[]>('list_events'),
  eventDetail: (id: number) => call<EventDetail>('event_detail', { id }),
  importPaths: (paths: string[]) => call<ImportReport>('import_paths', { paths }),
  // -- views (timeline, list, search, filters)
  /** Event ids matching a full-text query, best first. */
  search: (query: string) => call<number[]>('search', { query }),
  actors: () => call<ActorView[]>('actors'),
  // -- end views
};

export function onImportProgress(handler: (p: ImportProgress) => void): Promise<UnlistenFn> {
  if (!hasBackend()) return Promise.resolve(() => {});
  return listen<ImportProgress>('import-progress', (e) => handler(e.payload));
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
