// Whole-app first paint with N events (default 100,000): the built UI (dist/,
// `npm run build` first) in headless Chromium with the IPC mocked, timed from
// the moment list_events answers to the first timeline frame with every event
// and the list rendered. `node bench/app.mjs [N] [--repeat R]`.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../tests/server.mjs';
import { medianCpu, threadTime } from './threadtime.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const ri = argv.indexOf('--repeat');
const repeat = ri >= 0 ? Number(argv.splice(ri, 2)[1]) || 1 : 1;
const n = Number(argv[0]) || 100_000;

const server = await serve(join(here, '..', 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--enable-precise-memory-info', '--js-flags=--expose-gc', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const mock = await readFile(join(here, '..', 'tests', 'mock-ipc.js'), 'utf8');
  const results = [];
  for (let r = 0; r < repeat; r++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    page.on('pageerror', (e) => console.error('page error:', e));
    await page.addInitScript({ content: mock });
    await page.addInitScript((n) => {
      const KINDS = ['visit', 'meeting', 'call', 'conference'];
      const STATUSES = ['occurred', 'planned', 'cancelled', 'postponed'];
      const t0 = Date.UTC(1990, 0, 1);
      let seed = 42;
      const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
      const days = Array.from({ length: n }, () => Math.floor(rnd() * 35 * 365)).sort((a, b) => a - b);
      const list = days.map((d, i) => ({
        id: i + 1,
        kind: KINDS[i % 4],
        status: STATUSES[rnd() < 0.8 ? 0 : Math.floor(rnd() * 4)],
        start: new Date(t0 + d * 864e5).toISOString().slice(0, 10),
        end: null,
        precision: rnd() < 0.9 ? 'day' : 'month',
        label: `Event ${i + 1} – leader ${i % 500} meets counterpart`,
        participants: [`Leader ${i % 50}`],
        place: null,
        country: ['France', 'China', 'India', 'Brazil'][i % 4],
        sources: 1 + (i % 5),
        actor_ids: [i % 50],
        outlets: [['AP', 'Reuters', 'BBC'][i % 3]],
        edited: false,
      }));
      const m = window.__mock;
      m.handlers.workspace_info = () => ({ path: '/bench', articles: n, events: n, actors: 50 });
      m.handlers.list_events = () => {
        window.__listAt = performance.now();
        return list;
      };
      m.handlers.actors = () => Array.from({ length: 50 }, (_, i) => ({ id: i, name: `Leader ${i}`, kind: 'person', country: null, aliases: [], events: n / 50 }));
      m.handlers.search = () => [];
      // The real app counts the facets in Rust, off the page: a cheap answer, not the mock's own.
      m.handlers.facets = () => ({ total: n, actors: [], countries: [], kinds: [], statuses: [], sources: [] });
    }, n);
    await page.goto(server.url);
    await page.waitForFunction((n) => document.querySelector('canvas.tl-canvas')?.dataset.count === String(n) && document.querySelectorAll('[data-testid=event-rows] [role=row][data-id]').length > 0, n, { timeout: 120_000 });
    const res = await page.evaluate(() => {
      const drawnAt = performance.now();
      window.gc?.();
      return { firstPaintAfterListMs: drawnAt - window.__listAt, sinceNavigationMs: drawnAt, heapMb: performance.memory.usedJSHeapSize / 2 ** 20 };
    });
    if (r === 0) {
      await mkdir(join(here, '..', 'test-results'), { recursive: true });
      await page.screenshot({ path: join(here, '..', 'test-results', `app-${n}.png`) });
    }
    // Frames while panning with the keyboard, each rasterised (pixel read back).
    await page.locator('canvas.tl-canvas').focus();
    const frames = await page.evaluate(async () => {
      const c = document.querySelector('canvas.tl-canvas');
      const ctx = c.getContext('2d');
      const ts = [];
      for (let i = 0; i < 30; i++) {
        const a = performance.now();
        c.dispatchEvent(new KeyboardEvent('keydown', { key: i % 10 < 5 ? '+' : 'ArrowRight', bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => r()));
        ctx.getImageData(0, 0, 1, 1);
        ts.push(performance.now() - a);
      }
      ts.sort((a, b) => a - b);
      return { framesMedianMs: ts[15], framesP95Ms: ts[28] };
    });
    // The same steps in main-thread CPU time (DevTools ThreadTime): what a frame of the whole app
    // costs (timeline, overview, Svelte updates, style and layout), without the wait for the
    // next animation frame that the wall-clock figures above include.
    const cpu = await threadTime(page);
    const idle = await medianCpu(cpu, () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))), 10);
    const cpuFrames = [];
    for (let i = 0; i < 40; i++) {
      const a = await cpu();
      await page.evaluate((key) => {
        const c = document.querySelector('canvas.tl-canvas');
        c.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      }, i % 10 < 5 ? (i % 20 < 10 ? '+' : '-') : 'ArrowRight');
      cpuFrames.push(Math.max(0, (await cpu()) - a - idle));
    }
    cpuFrames.sort((a, b) => a - b);
    results.push({ ...res, ...frames, framesMedianCpuMs: cpuFrames[20], framesP95CpuMs: cpuFrames[38] });
    await page.close();
  }
  const keys = Object.keys(results[0]);
  const out = { n, runs: repeat };
  for (const k of keys) {
    const xs = results.map((r) => r[k]).sort((a, b) => a - b);
    out[k] = repeat === 1 ? Math.round(xs[0]) : `${Math.round(xs[0])} / ${Math.round(xs[Math.floor(xs.length / 2)])}`;
  }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.close();
}
