// DEV ONLY (`npm run dev`, then open /?demo or /?demo=5000 in a browser):
// stands in for the Tauri backend with the test fixtures, plus N synthetic
// events. main.ts imports this behind `import.meta.env.DEV`, so production
// builds contain none of it.
import '../../tests/mock-ipc.js';
// @ts-expect-error plain JS fixtures shared with the UI test
import { detail, events, workspace } from '../../tests/fixtures.mjs';
import type { EventSummary } from '../lib/types';

interface Mock {
  handlers: Record<string, (args: Record<string, unknown>) => unknown>;
  emit: (event: string, payload: unknown) => void;
}

const KINDS = ['visit', 'meeting', 'call', 'conference'] as const;
const n = Number(new URLSearchParams(location.search).get('demo')) || 0;
const synthetic: EventSummary[] = Array.from({ length: n }, (_, i) => {
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(((i * 7919) % 3650) * 86_400_000));
  return {
    id: 100_000 + i,
    kind: KINDS[i % 4],
    status: i % 11 === 0 ? 'planned' : 'occurred',
    start: day.toISOString().slice(0, 10),
    end: null,
    precision: 'day',
    label: `Synthetic event ${i + 1}`,
    participants: [],
    place: null,
    country: null,
    sources: 1,
    actor_ids: [],
    outlets: [],
    edited: false,
  };
});
const all: EventSummary[] = [...events, ...synthetic];
const mock = (window as unknown as { __mock: Mock }).__mock;
mock.handlers.workspace_info = () => ({ ...workspace, path: `${workspace.path} (demo)`, events: all.length });
mock.handlers.list_events = () => all;
mock.handlers.event_detail = (args) => {
  const id = Number(args.id);
  const e = all.find((x) => x.id === id);
  if (!e) throw { code: 'not_found', message: `No event ${id}` };
  return id >= 100_000 ? { summary: e, name: null, participants: [], evidence: [], confidence: 0.5 } : detail(id);
};
mock.handlers.import_paths = async ({ paths }) => {
  const list = paths as string[];
  for (let i = 0; i < list.length; i++) {
    mock.emit('import-progress', { files_done: i, files_total: list.length, current: list[i], articles: i, events: 0 });
    await new Promise((r) => setTimeout(r, 400));
  }
  return { files: list.map((path) => ({ path, status: 'unchanged', articles: 0, reason: null })), articles_added: 0, events_added: 0 };
};
// Simulate a drop from the console: __demoDrop(['/tmp/a.html'])
(window as unknown as { __demoDrop: (p: string[]) => void }).__demoDrop = (paths) =>
  mock.emit('tauri://drag-drop', { paths, position: { x: 0, y: 0 } });
