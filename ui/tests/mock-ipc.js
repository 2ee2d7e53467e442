// Injected with page.addInitScript BEFORE the app loads: stands in for the
// Tauri runtime (window.__TAURI_INTERNALS__) exactly where @tauri-apps/api
// looks for it. It exists only in the test browser; the shipped bundle has no
// mock code. `window.__mock` lets the test emit events and see calls.
(() => {
  const callbacks = new Map();
  const listeners = new Map();
  let nextId = 1;
  const calls = [];
  const handlers = {};

  function transformCallback(cb, once) {
    const id = nextId++;
    callbacks.set(id, (data) => {
      if (once) callbacks.delete(id);
      return cb && cb(data);
    });
    return id;
  }

  async function invoke(cmd, args) {
    calls.push({ cmd, args: JSON.parse(JSON.stringify(args ?? {})) });
    if (cmd === 'plugin:event|listen') {
      if (!listeners.has(args.event)) listeners.set(args.event, []);
      listeners.get(args.event).push(args.handler);
      return args.handler;
    }
    if (cmd === 'plugin:event|unlisten') {
      const l = listeners.get(args.event) || [];
      const i = l.indexOf(args.eventId);
      if (i >= 0) l.splice(i, 1);
      return null;
    }
    // The events and their counts answer the selection as the store would: a test's
    // `list_events` gives all its events (`deleted_events`, the deleted ones) and this selects.
    if (cmd === 'list_events' && handlers.list_events) {
      const s = args?.selection ?? {};
      if (s.deleted) return handlers.deleted_events ? select(await handlers.deleted_events(), { ...s, deleted: false }) : [];
      return select(await handlers.list_events(args), s);
    }
    if (cmd === 'facets' && !handlers.facets && handlers.list_events) {
      return facets(await handlers.list_events({ selection: {} }), args?.selection ?? {});
    }
    const h = handlers[cmd];
    if (!h) throw { code: 'unknown_command', message: `no mock for ${cmd}` };
    return h(args);
  }

  function emit(event, payload) {
    for (const id of [...(listeners.get(event) || [])]) {
      const cb = callbacks.get(id);
      if (cb) cb({ event, id, payload });
    }
  }

  window.__TAURI_INTERNALS__ = {
    invoke,
    transformCallback,
    unregisterCallback: (id) => callbacks.delete(id),
    runCallback: (id, data) => callbacks.get(id)?.(data),
    callbacks,
    metadata: {
      currentWindow: { label: 'main' },
      currentWebview: { windowLabel: 'main', label: 'main' },
    },
    convertFileSrc: (p) => p,
  };
  window.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: () => {} };
  // The store's selection rule (crates/dateline-store/src/selection.rs) over the mock's event
  // summaries, for tests only: the app asks `list_events` and `facets` with a selection and
  // shows what comes back. A country is the event's or a participant's (`actorCountry(id)`);
  // the text is every word in the label, participants or place (as the mocks' `search`).
  function actorCountries() {
    let list = [];
    try {
      list = handlers.actors ? handlers.actors() : [];
    } catch {
      list = [];
    }
    const byId = new Map(Array.isArray(list) ? list.map((a) => [a.id, a.country]) : []);
    return (id) => byId.get(id) ?? null;
  }

  async function select(list, s = {}, actorCountry = actorCountries()) {
    const words = (s.text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const any = (v) => (Array.isArray(v) ? v.length > 0 : v != null && v !== false);
    if (!Object.values(s).some(any)) return list;
    const unseen = s.unseen && handlers.changes_since_seen ? new Set((await handlers.changes_since_seen()).map((c) => c.event_id)) : null;
    return list.filter((e) => {
      if (s.from && !(e.start && (e.end ?? e.start) >= s.from)) return false;
      if (s.to && !(e.start && e.start <= s.to)) return false;
      if (s.kinds?.length && !s.kinds.includes(e.kind)) return false;
      if (s.statuses?.length && !s.statuses.includes(e.status)) return false;
      if (s.actors?.length && !(e.actor_ids ?? []).some((a) => s.actors.includes(a))) return false;
      if (s.countries?.length) {
        const here = [e.country, ...(e.actor_ids ?? []).map(actorCountry)];
        if (!here.some((c) => c && s.countries.includes(c))) return false;
      }
      if (s.sources?.length && !(e.outlets ?? []).some((o) => s.sources.includes(o))) return false;
      if (s.text != null) {
        const hay = `${e.label} ${e.participants.join(' ')} ${e.place ?? ''}`.toLowerCase();
        if (!words.length || !words.every((w) => hay.includes(w))) return false;
      }
      if (unseen && !unseen.has(e.id)) return false;
      return true;
    });
  }

  /** Facet counts as the store makes them: each facet over the selection without its own criterion. */
  async function facets(list, s = {}, actorCountry = actorCountries()) {
    const count = async (clear, values) => {
      const m = new Map();
      for (const e of await select(list, { ...s, ...clear }, actorCountry)) {
        for (const v of new Set(values(e).filter((x) => x != null))) m.set(v, (m.get(v) ?? 0) + 1);
      }
      return m;
    };
    const asList = (m) => [...m].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? -1 : 1));
    const actors = await count({ actors: [] }, (e) => e.actor_ids ?? []);
    const names = new Map();
    for (const e of list) (e.actor_ids ?? []).forEach((id, i) => names.set(id, e.participants[i] ?? `#${id}`));
    return {
      total: (await select(list, s, actorCountry)).length,
      actors: [...actors].map(([id, n]) => ({ id, name: names.get(id), kind: 'person', country: actorCountry(id), count: n })).sort((a, b) => a.name.localeCompare(b.name)),
      countries: asList(await count({ countries: [] }, (e) => [e.country, ...(e.actor_ids ?? []).map(actorCountry)])),
      kinds: asList(await count({ kinds: [] }, (e) => [e.kind])),
      statuses: asList(await count({ statuses: [] }, (e) => [e.status])),
      sources: asList(await count({ sources: [] }, (e) => e.outlets ?? [])),
    };
  }

  window.__mock = { calls, handlers, emit, listeners, select, facets };
})();
