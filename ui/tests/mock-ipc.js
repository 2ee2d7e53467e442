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
  window.__mock = { calls, handlers, emit, listeners };
})();
