// Precision drawn honestly, read from the timeline's pixels in headless Chromium: a year-precise
// event is a faint span over its year with one solid tick at its centre, never a solid bar; a
// day-precise event of several days is a solid mark over its whole extent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { openPage } from './browser.mjs';
import { installDeskMocks } from './desk-mocks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');

const base = { status: 'occurred', end: null, participants: [], actor_ids: [], place: null, country: null, sources: 1, outlets: ['Wire'], edited: false };
// A blank label: only the glyphs are painted.
const EVENTS = [
  { ...base, id: 1, kind: 'meeting', start: '2022-01-01', precision: 'year', label: ' ' },
  { ...base, id: 2, kind: 'visit', start: '2023-05-01', end: '2023-06-30', precision: 'day', label: ' ' },
];

test('a year is drawn as a faint span with a centre tick, days as a solid mark', { timeout: 120_000 }, async () => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-precision-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  await page.addInitScript((list) => {
    const m = window.__mock;
    m.handlers.list_events = () => list;
    m.handlers.workspace_info = () => ({ path: '/home/analyst/Dateline/precision', articles: 2, events: list.length, actors: 0 });
  }, EVENTS);
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => /^2 events on the timeline/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
    await page.locator('.tl-lane-label[data-lane="visit"]').waitFor();
    await page.mouse.move(1, 790);
    await page.waitForTimeout(800);
    /** Per canvas column over a lane's rows: how far the strongest pixel is from the lane's background. */
    const columns = (lane, emptyAt, from, to) =>
      page.evaluate(
        ({ lane, emptyAt, from, to }) => {
          const canvas = document.querySelector('canvas.tl-canvas');
          const ctx = canvas.getContext('2d');
          const cr = canvas.getBoundingClientRect();
          const lr = document.querySelector(`.tl-lane-label[data-lane="${lane}"]`).getBoundingClientRect();
          const sx = canvas.width / cr.width;
          const sy = canvas.height / cr.height;
          const [v0, v1] = [Number(canvas.dataset.viewStart), Number(canvas.dataset.viewEnd)];
          const xOf = (t) => ((t - v0) / (v1 - v0)) * cr.width;
          const y0 = Math.ceil((lr.top - cr.top) * sy) + 1;
          const y1 = Math.floor((lr.bottom - cr.top) * sy) - 1;
          const img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          const px = (x, y) => { const i = (y * canvas.width + x) * 4; return [img[i], img[i + 1], img[i + 2]]; };
          const ex = Math.round(xOf(emptyAt) * sx);
          const out = [];
          const a = Math.round(xOf(from) * sx);
          const b = Math.round(xOf(to) * sx);
          for (let x = a; x <= b; x++) {
            let best = 0;
            for (let y = y0; y <= y1; y++) {
              const [p, q] = [px(x, y), px(ex, y)];
              best = Math.max(best, Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]));
            }
            out.push(best);
          }
          return { out, x0: a, cx: Math.round(xOf((from + to) / 2) * sx), scale: sx };
        },
        { lane, emptyAt, from, to },
      );
    const day = Date.UTC;
    // The visit: solid over its days (its ends may be rounded; the inner 90%).
    const v = await columns('visit', day(2022, 6, 1), day(2023, 4, 1), day(2023, 6, 1));
    const inner = v.out.slice(Math.ceil(v.out.length * 0.05), Math.floor(v.out.length * 0.95));
    const solid = Math.max(...inner);
    assert.ok(solid > 60, `the visit is drawn (${solid.toFixed(0)})`);
    assert.ok(inner.every((d) => d > 0.6 * solid), 'a day event is a solid mark over its whole extent');
    // The year: faint over the year, strong only in a narrow tick at its centre.
    const y = await columns('meeting', day(2023, 6, 1), day(2022, 0, 1), day(2023, 0, 1));
    const tick = Math.max(...y.out);
    assert.ok(tick > 60, `the year's centre tick is drawn (${tick.toFixed(0)})`);
    const strong = y.out.map((d, i) => [d, y.x0 + i]).filter(([d]) => d > 0.6 * tick).map(([, x]) => x);
    assert.ok(strong.length <= 4 * y.scale, `strong only in a tick: ${strong.length} columns`);
    assert.ok(strong.every((x) => Math.abs(x - y.cx) <= 4 * y.scale), `the tick is at the year's centre (${y.cx}): ${strong.join(', ')}`);
    const yInner = y.out.slice(Math.ceil(y.out.length * 0.05), Math.floor(y.out.length * 0.95));
    const faint = yInner.filter((d) => d > 4 && d < 0.6 * tick).length;
    assert.ok(faint >= 0.9 * (yInner.length - strong.length), `the year is a faint span over its extent: ${faint} of ${yInner.length} columns`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
