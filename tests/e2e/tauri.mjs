// What the end-to-end test and the open benchmark share: waiting for tauri-driver, and a drop
// faked by a script in the page.
import net from 'node:net';

/** Resolves once something listens on `port` (tauri-driver started). */
export function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`tauri-driver did not listen on ${port}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

/** Emits, from the page, the `tauri://drag-drop` event Tauri sends it when `path` is dropped on
 * the window: what a script in the page can do. The app imports only what its Rust side saw
 * dropped (or the open dialog answered), so this drop must import nothing. */
export function fakeDropInPage(driver, path) {
  return driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke('plugin:event|emit', {
       event: 'tauri://drag-drop',
       payload: { paths: [arguments[0]], position: { x: 400, y: 300 } },
     }).then(() => done(true), (e) => done(String(e)));`,
    path,
  );
}
