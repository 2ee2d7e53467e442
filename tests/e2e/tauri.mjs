// What the end-to-end test and the open benchmark share: waiting for tauri-driver, a real drop
// from another window, and a drop faked by a script in the page.
import net from 'node:net';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

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

/** Drags `path` from a window of its own (drag-source.py, GTK) and drops it on the app's window
 * at (400, 300), with xdotool: a drop as X delivers it from a file manager, which the app's Rust
 * side sees (and records) before the page asks to import it. Needs Debian's python3-gi and
 * xdotool, and the app's window at the top left of the screen (as under Xvfb, no window manager). */
export async function dragFromAnotherWindow(path) {
  const source = spawn('/usr/bin/python3', [join(here, 'drag-source.py'), '1100', '640', path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the drag source did not show')), 15000);
      source.stdout.on('data', (d) => {
        if (String(d).includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      source.once('exit', (code) => reject(new Error(`the drag source exited (${code})`)));
    });
    // Press on the source, move past GTK's drag threshold and across to the app, release.
    const moves = ['1150 690', '1130 670', '1100 640', '900 500', '600 400', '400 300'].flatMap((p) => ['mousemove', ...p.split(' '), 'sleep', '0.1']);
    const xdo = spawnSync('xdotool', ['mousemove', '1160', '700', 'sleep', '0.2', 'mousedown', '1', 'sleep', '0.2', ...moves, 'sleep', '0.3', 'mouseup', '1'], { encoding: 'utf8' });
    if (xdo.status !== 0) throw new Error(`xdotool: ${xdo.stderr}`);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 5000);
      source.once('exit', () => (clearTimeout(timer), resolve()));
    });
  } finally {
    source.kill();
  }
}
