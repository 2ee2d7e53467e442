import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
let gate: (() => void) | null = null;
let list = [{ id: 1 }, { id: 2 }];
vi.mock('./api', () => ({
  toCommandError: (e: unknown) => e,
  api: {
    workspaceInfo: vi.fn(async () => ({ path: '/w', articles: 1, events: 1, actors: 1 })),
    listEvents: vi.fn(async () => list),
    eventDetail: vi.fn(async (id: number) => {
      if (id === 3) throw { code: 'not_found', message: 'gone' };
      if (id === 1) await new Promise((r) => setTimeout(r, 20));
      return { summary: { id } };
    }),
    importPaths: vi.fn(async (paths: string[]) => {
      calls.push(paths.join(','));
      if (paths[0] === 'slow') await new Promise<void>((r) => (gate = r));
      if (paths[0] === 'new') list = [...list, { id: 7 }];
      return { files: [], articles_added: 0, events_added: 0 };
    }),
  },
}));

const { AppState } = await import('./state.svelte');

beforeEach(() => {
  calls.length = 0;
  gate = null;
});

describe('AppState', () => {
  it('loads workspace and events', async () => {
    const s = new AppState();
    await s.refresh();
    expect(s.info?.path).toBe('/w');
    expect(s.events.length).toBe(2);
    expect(s.generation).toBe(1);
    expect(s.loading).toBe(false);
  });

  it('keeps only the latest detail when selections race', async () => {
    const s = new AppState();
    const first = s.select(1); // slow
    await s.select(2);
    await first;
    expect(s.selectedId).toBe(2);
    expect(s.detail?.summary.id).toBe(2);
  });

  it('reports detail errors', async () => {
    const s = new AppState();
    await s.select(3);
    expect(s.detail).toBeNull();
    expect(s.detailError).toEqual({ code: 'not_found', message: 'gone' });
  });

  it('queues drops that arrive during an import', async () => {
    const s = new AppState();
    const running = s.importPaths(['slow']);
    expect(s.importing).toBe(true);
    expect(s.progress?.files_total).toBe(1);
    await s.importPaths(['a', 'b']);
    expect(s.queued).toEqual(['a', 'b']);
    gate!();
    await running;
    expect(calls).toEqual(['slow', 'a,b']);
    expect(s.queued).toEqual([]);
    expect(s.importing).toBe(false);
    expect(s.report).not.toBeNull();
  });

  it('remembers which events an import added and can focus them', async () => {
    const s = new AppState();
    await s.refresh();
    await s.importPaths(['new']);
    expect(s.newIds).toEqual([7]);
    s.focusEvents(s.newIds);
    expect(s.focusRequest).toEqual({ ids: [7], seq: 1 });
    expect(s.selectedId).toBe(7);
  });
});
