// Runs the timeline benchmark in headless Chromium: `npm run bench [-- 100000]`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../tests/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// `npm run bench -- [--repeat N] [sizes...]`: with N > 1, each size runs N
// times and every figure is reported as min / median over the runs (on a
// shared machine the minimum is the best estimate of the code's own cost).
const argv = process.argv.slice(2);
const ri = argv.indexOf('--repeat');
const repeat = ri >= 0 ? Number(argv.splice(ri, 2)[1]) || 1 : 1;
const sizes = argv.map(Number).filter(Boolean);
const server = await serve(join(here, '..', 'bench-dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--enable-precise-memory-info', '--js-flags=--expose-gc', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(server.url);
  await page.waitForFunction(() => 'runBench' in window);
  const round = (k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v);
  for (const n of sizes.length ? sizes : [1000, 10000, 100000]) {
    const runs = [];
    for (let i = 0; i < repeat; i++) runs.push(await page.evaluate((n) => window.runBench(n), n));
    if (repeat === 1) {
      console.log(JSON.stringify(runs[0], round));
      continue;
    }
    const out = { n, runs: repeat };
    for (const k of Object.keys(runs[0])) {
      if (k === 'n') continue;
      const xs = runs.map((r) => r[k]).sort((a, b) => a - b);
      out[k] = `${round(k, xs[0])} / ${round(k, xs[Math.floor(xs.length / 2)])}`;
    }
    console.log(JSON.stringify(out));
  }
} finally {
  await browser.close();
  await server.close();
}
