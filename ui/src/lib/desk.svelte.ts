// The analyst's desk: corrections with undo/redo, the reader pane, exports and the workspace
// menu. Sits beside AppState (which holds the events and the selection) and reloads it after
// every change. All backend access goes through api.ts.

import { api, toCommandError } from './api';
import { historyMessage, type HistoryAction } from './history';
import type { AppState } from './state.svelte';
import type { DataFormat, EventPatch, Evidence, ImageExportOptions, MapImageOptions, Selection, WorkspaceInfo } from './types';

/** How long a status message stays (ms). */
export const STATUS_MS = 6000;

export class Desk {
  /** The transient status line ("Undone: …", "Exported …"). */
  status = $state<{ text: string; error: boolean; seq: number } | null>(null);
  /** The evidence whose article the reader pane shows. */
  reading = $state.raw<Evidence | null>(null);
  editing = $state(false);
  busy = $state(false);
  recent = $state.raw<string[]>([]);
  /** The last file written by an export (for "open in file manager"). */
  lastExport = $state<string | null>(null);

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private app: AppState) {}

  say(text: string, error = false): void {
    const seq = (this.status?.seq ?? 0) + 1;
    this.status = { text, error, seq };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.status?.seq === seq) this.status = null;
    }, STATUS_MS);
  }

  private fail(what: string, e: unknown): void {
    this.say(`Could not ${what}: ${toCommandError(e).message}`, true);
  }

  /** Reloads the events and the open event's details after a change. */
  private async reload(): Promise<void> {
    await this.app.refresh();
    if (this.app.selectedId !== null) await this.app.select(this.app.selectedId);
  }

  private async run(what: string, f: () => Promise<string | null>): Promise<boolean> {
    this.busy = true;
    try {
      const msg = await f();
      await this.reload();
      if (msg) this.say(msg);
      return true;
    } catch (e) {
      this.fail(what, e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  history(action: HistoryAction): Promise<boolean> {
    return this.run(action, async () => historyMessage(action, await (action === 'undo' ? api.undo() : api.redo())));
  }

  async updateEvent(id: number, patch: EventPatch): Promise<boolean> {
    const ok = await this.run('save the event', async () => {
      await api.updateEvent(id, patch);
      return 'Event saved';
    });
    if (ok) this.editing = false;
    return ok;
  }

  deleteEvent(id: number): Promise<boolean> {
    return this.run('delete the event', async () => {
      await api.deleteEvent(id);
      this.editing = false;
      return 'Event deleted (Ctrl+Z to undo)';
    });
  }

  restoreEvent(id: number): Promise<boolean> {
    return this.run('restore the event', async () => {
      await api.restoreEvent(id);
      return 'Event restored';
    });
  }

  mergeActors(into: number, from: number[], name: string): Promise<boolean> {
    return this.run('merge the actors', async () => {
      await api.mergeActors(into, from);
      return `Merged ${from.length} ${from.length === 1 ? 'actor' : 'actors'} into ${name}`;
    });
  }

  splitActor(id: number, alias: string): Promise<boolean> {
    return this.run('split the actor', async () => {
      await api.splitActor(id, alias);
      return `Split ${alias} off`;
    });
  }

  renameActor(id: number, name: string): Promise<boolean> {
    return this.run('rename the actor', async () => {
      await api.renameActor(id, name);
      return `Renamed to ${name}`;
    });
  }

  openReader(ev: Evidence): void {
    this.reading = ev;
  }

  closeReader(): void {
    this.reading = null;
  }

  // ---- Export ----

  exportImage(options: ImageExportOptions, format: string): Promise<boolean> {
    return this.writeImage('timeline', format, (path) => api.exportImage(path, options));
  }

  /** The map pane's image, drawn by the same renderer from the pane's own pieces. */
  exportMapImage(options: MapImageOptions, format: string): Promise<boolean> {
    return this.writeImage('map', format, (path) => api.exportMapImage(path, options));
  }

  private async writeImage(name: string, format: string, write: (path: string) => Promise<null>): Promise<boolean> {
    try {
      const path = await api.chooseSavePath(`${name}.${format}`, [{ name: format.toUpperCase(), extensions: [format] }]);
      if (!path) return false;
      this.busy = true;
      await write(path);
      this.lastExport = path;
      this.say(`Exported ${baseName(path)}`);
      return true;
    } catch (e) {
      this.fail('export the image', e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async exportData(format: DataFormat, selection: Selection): Promise<boolean> {
    const ext = format === 'timelinejs' ? 'json' : format;
    const name = format === 'timelinejs' ? 'timeline-timelinejs.json' : `dateline.${ext}`;
    try {
      const path = await api.chooseSavePath(name, [{ name: format.toUpperCase(), extensions: [ext] }]);
      if (!path) return false;
      this.busy = true;
      await api.exportData(path, format, selection);
      this.lastExport = path;
      this.say(`Exported ${baseName(path)}`);
      return true;
    } catch (e) {
      this.fail('export the data', e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  // ---- Workspace and import ----

  async loadRecent(): Promise<void> {
    try {
      this.recent = await api.recentWorkspaces();
    } catch {
      this.recent = [];
    }
  }

  private async switched(info: Promise<WorkspaceInfo>, what: string): Promise<boolean> {
    try {
      const i = await info;
      this.app.select(null);
      this.reading = null;
      this.editing = false;
      await this.app.refresh();
      await this.loadRecent();
      this.say(`Opened ${baseName(i.path)}`);
      return true;
    } catch (e) {
      this.fail(what, e);
      return false;
    }
  }

  openWorkspace(path: string): Promise<boolean> {
    return this.switched(api.openWorkspace(path), 'open the workspace');
  }

  async chooseAndOpenWorkspace(): Promise<boolean> {
    try {
      const paths = await api.chooseOpenPaths({ directory: false, multiple: false, filters: WORKSPACE_FILTER });
      return paths?.length ? this.openWorkspace(paths[0]) : false;
    } catch (e) {
      this.fail('open the workspace', e);
      return false;
    }
  }

  async chooseAndCreateWorkspace(): Promise<boolean> {
    try {
      const path = await api.chooseSavePath('workspace.dateline', WORKSPACE_FILTER);
      // The Rust side adds `.dateline` to a name without an extension.
      return path ? this.switched(api.newWorkspace(path), 'create the workspace') : false;
    } catch (e) {
      this.fail('create the workspace', e);
      return false;
    }
  }

  async reveal(path: string): Promise<void> {
    try {
      await api.revealInFileManager(path);
    } catch (e) {
      this.fail('show the file', e);
    }
  }

  /** Import from the open dialog: files (several, filtered to what an import reads, with an
   * "All files" choice) or one folder. */
  async chooseAndImport(directory: boolean): Promise<void> {
    try {
      const filters = directory ? undefined : await articleFilters();
      const paths = await api.chooseOpenPaths({ directory, multiple: !directory, filters });
      if (paths?.length) await this.app.importPaths(paths);
    } catch (e) {
      this.fail('import', e);
    }
  }
}

/** The Files… dialog's filters: the readable types first, then everything. */
export async function articleFilters(): Promise<{ name: string; extensions: string[] }[]> {
  const extensions = await api.articleExtensions();
  return [
    { name: 'News articles (HTML, text, PDF, Word, e-mail, feeds, JSON, zip)', extensions },
    { name: 'All files', extensions: ['*'] },
  ];
}

const WORKSPACE_FILTER = [{ name: 'Dateline workspace', extensions: ['dateline'] }];

export function baseName(p: string): string {
  return p.split(/[\\/]/).filter(Boolean).pop() ?? p;
}
