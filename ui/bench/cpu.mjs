// The timeline benchmark in CPU time: the renderer's main-thread CPU time
// (DevTools Performance.getMetrics ThreadTime: the renderer's main thread) around each step, so that a
// loaded machine (other processes waiting for the cores) does not count.
// `npm run bench:cpu [-- N]` (default 100,000); builds bench-dist first.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../tests/server.mjs';
import { medianCpu, threadTime } from './threadtime.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.argv[2]) || 100_000;
const server = await serve(join(here, '..', 'bench-dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.waitForFunction(() => 'benchSteps' in window);
  const cpu = await threadTime(page);
  // Cost of one empty round trip (evaluate + metrics), subtracted below.
  const base = await medianCpu(cpu, () => page.evaluate(() => 0), 20);
  const timed = async (fn, arg) => {
    const a = await cpu();
    await page.evaluate(fn, arg);
    return Math.max(0, (await cpu()) - a - base);
  };
  const out = { n, overheadMs: Math.round(base * 100) / 100 };
  const first = [];
  for (let r = 0; r < 3; r++) {
    await page.evaluate((n) => window.benchSteps.prepare(n), n);
    first.push(await timed(() => window.benchSteps.firstPaint()));
  }
  first.sort((a, b) => a - b);
  out.firstPaintCpuMs = first[1];
  // The floor: a frame that repaints the canvas with one fill (no timeline work).
  {
    const ts = [];
    for (let i = 0; i < 40; i++) ts.push(await timed(() => window.benchSteps.frame('blank')));
    ts.sort((a, b) => a - b);
    out.blankFrameMedianCpuMs = Math.round(ts[20] * 10) / 10;
  }
  const all = [];
  for (const level of ['FitAll', 'OneYear', 'TwoWeeks']) {
    for (const kind of ['pan', 'wheelIn', 'wheelOut', 'keyZoom']) {
      await page.evaluate((l) => window.benchSteps.level(l), level);
      const ts = [];
      for (let i = 0; i < (kind === 'pan' ? 40 : 20); i++) ts.push(await timed((k) => window.benchSteps.frame(k), kind));
      ts.sort((a, b) => a - b);
      out[`${kind}${level}MedianCpuMs`] = Math.round(ts[Math.floor(ts.length / 2)] * 10) / 10;
      all.push(...ts.map((t) => ({ t, what: `${kind}${level}` })));
    }
  }
  all.sort((a, b) => a.t - b.t);
  out.frameP95CpuMs = Math.round(all[Math.floor(all.length * 0.95)].t * 10) / 10;
  out.frameMaxCpuMs = Math.round(all[all.length - 1].t * 10) / 10;
  out.frames = all.length;
  // Which frames make the slowest 5 %.
  const slow = {};
  for (const f of all.slice(Math.floor(all.length * 0.95))) slow[f.what] = (slow[f.what] ?? 0) + 1;
  out.slowest5pct = slow;
  out.firstPaintCpuMs = Math.round(out.firstPaintCpuMs * 10) / 10;
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.close();
}
