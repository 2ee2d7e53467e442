// The desk's mocked backend for the headless-Chromium tests (desk, accessibility): events
// with actor ids, details with hostile article text, a co-participation graph, and handlers for
// the store, graph, correction, export and workspace commands, installed before the app loads.
import { events as baseEvents, detail, workspace } from './fixtures.mjs';

// One id per actor name, shared by the events, the details and the graph.
export const names = [...new Set(baseEvents.flatMap((e) => e.participants))];
const actorId = new Map(names.map((n, i) => [n, 200 + i]));
export const events = baseEvents.map((e) => ({
  ...e,
  actor_ids: e.participants.map((n) => actorId.get(n)),
  outlets: ['Wire'],
  edited: false,
}));
/** Markup and script in an article, with emoji and CJK before the sentence (UTF-16 offsets). */
const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> 👋🏽 外交部 said: ';
const details = Object.fromEntries(
  events.map((e) => {
    const d = detail(e.id);
    const article = `${HOSTILE}${d.evidence[0].sentence} More text follows here.`;
    const start = HOSTILE.length;
    return [
      e.id,
      {
        ...d,
        summary: e,
        alternatives: e.id === 9 ? ['2023-01-17 – 2023-01-19 (1 source)'] : [],
        participants: d.participants.map((p) => ({ ...p, actor_id: actorId.get(p.name) })),
        evidence: d.evidence.map((ev) => ({ ...ev, start, end: start + ev.sentence.length, article })),
      },
    ];
  }),
);

/** The graph: actors co-occurring in an event are linked; a chain Blinken – Xi, Blinken – Cavusoglu. */
export function graph() {
  const edges = new Map();
  for (const e of events) {
    const ids = e.actor_ids;
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const k = `${Math.min(ids[i], ids[j])}-${Math.max(ids[i], ids[j])}`;
        edges.set(k, (edges.get(k) ?? 0) + 1);
      }
  }
  const degree = new Map();
  for (const k of edges.keys()) for (const id of k.split('-').map(Number)) degree.set(id, (degree.get(id) ?? 0) + 1);
  const nodes = names.map((name) => {
    const id = actorId.get(name);
    return {
      id, name, kind: 'person', country: null,
      events: events.filter((e) => e.actor_ids.includes(id)).length,
      degree: degree.get(id) ?? 0,
      betweenness: name === 'Antony Blinken' ? 1 : 0,
      community: name === 'Antony Blinken' || name === 'Xi Jinping' || name === 'Mevlüt Çavuşoğlu' ? 0 : id % 5 + 1,
    };
  });
  return {
    nodes,
    edges: [...edges].map(([k, weight]) => {
      const [source, target] = k.split('-').map(Number);
      return { source, target, weight };
    }),
  };
}


/** The id the mocks give an actor name. */
export function idOf(name) {
  const id = names.indexOf(name);
  if (id < 0) throw new Error(`no actor ${name}`);
  return 200 + id;
}

/** Installs the mocks on `page` (before `page.goto`). */
export async function installDeskMocks(page) {
  await page.addInitScript(
    ({ events, details, workspace, graph }) => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      const m = window.__mock;
      let list = events;
      let deleted = [];
      const history = [];
      const redoable = [];
      m.handlers.workspace_info = () => ({ ...workspace, events: list.length });
      m.handlers.list_events = () => list;
      m.handlers.event_detail = ({ id }) => {
        const d = details[id];
        if (!d) throw { code: 'not_found', message: `No event ${id}` };
        return { ...d, summary: list.find((e) => e.id === id) ?? d.summary };
      };
      m.handlers.article = ({ id }) => {
        const d = Object.values(details).find((x) => x.evidence[0].article_id === id);
        return { id, doc: d.evidence[0].doc, title: d.evidence[0].title, published: '2023-06-15', outlet: 'Wire', url: null, origin: 'file', text: d.evidence[0].article };
      };
      m.handlers.actor_graph = () => graph;
      m.handlers.graph_ego = ({ actor }) => {
        const near = new Set([actor]);
        for (const e of graph.edges) {
          if (e.source === actor) near.add(e.target);
          if (e.target === actor) near.add(e.source);
        }
        return { nodes: graph.nodes.filter((n) => near.has(n.id)), edges: graph.edges.filter((e) => near.has(e.source) && near.has(e.target)) };
      };
      m.handlers.graph_path = ({ from, to }) => {
        // Breadth-first over the mock graph.
        const prev = new Map([[from, null]]);
        const queue = [from];
        while (queue.length) {
          const a = queue.shift();
          if (a === to) break;
          for (const e of graph.edges) {
            const b = e.source === a ? e.target : e.target === a ? e.source : null;
            if (b !== null && !prev.has(b)) {
              prev.set(b, a);
              queue.push(b);
            }
          }
        }
        if (!prev.has(to)) return [];
        const path = [];
        for (let x = to; x !== null; x = prev.get(x)) path.unshift(x);
        return path;
      };
      m.handlers.update_event = ({ id, patch }) => {
        const before = list.find((e) => e.id === id);
        const after = { ...before, edited: true };
        for (const [k, v] of Object.entries(patch)) if (v !== null && k !== 'participants') after[k] = v;
        list = list.map((e) => (e.id === id ? after : e));
        history.push({ what: `Edit event ${id}`, undo: () => (list = list.map((e) => (e.id === id ? before : e))), redo: () => (list = list.map((e) => (e.id === id ? after : e))) });
        return after;
      };
      m.handlers.delete_event = ({ id }) => {
        const e = list.find((x) => x.id === id);
        list = list.filter((x) => x.id !== id);
        deleted = [...deleted, e];
        history.push({ what: `Delete event ${id}`, undo: () => ((list = [...list, e]), (deleted = deleted.filter((x) => x.id !== id))), redo: () => {} });
        return null;
      };
      m.handlers.deleted_events = () => deleted;
      m.handlers.restore_event = ({ id }) => {
        const e = deleted.find((x) => x.id === id);
        deleted = deleted.filter((x) => x.id !== id);
        list = [...list, e];
        return null;
      };
      m.handlers.undo = () => {
        const h = history.pop();
        if (!h) return null;
        h.undo();
        redoable.push(h);
        return h.what;
      };
      m.handlers.redo = () => {
        const h = redoable.pop();
        if (!h) return null;
        h.redo();
        history.push(h);
        return h.what;
      };
      m.handlers.actors = () =>
        graph.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, country: null, aliases: n.name === 'Antony Blinken' ? ['Secretary Blinken', 'Tony Blinken'] : [], events: n.events }));
      m.handlers.split_actor = () => null;
      m.handlers.merge_actors = () => null;
      m.handlers.rename_actor = () => null;
      m.handlers.choose_save_path = () => window.__savePath ?? null;
      m.handlers.export_image = () => null;
      m.handlers.export_map_image = () => null;
      m.handlers.export_data = () => null;
      m.handlers.recent_workspaces = () => ['/home/analyst/Dateline/diplomacy-2023', '/home/analyst/Dateline/archive-2019.dateline'];
      m.handlers.article_extensions = () => ['html', 'htm', 'txt', 'md', 'pdf', 'docx', 'eml', 'mbox', 'json', 'jsonl', 'rss', 'xml', 'zip'];
      m.handlers.open_workspace = ({ path }) => ({ path, articles: 0, events: 0, actors: 0 });
    },
    { events, details, workspace, graph: graph() },
  );
}
