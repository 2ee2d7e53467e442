// The timeline's lanes in headless Chromium: a lane grows to show all its rows (the lanes
// scroll within the timeline) and becomes a density band only when its marks truly overlap.
// 111 visits (as many as the dev corpus has), 30 of them in one week, fitted whole at 1280×800:
// every visit is drawn apart, without changing a setting.
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

// Must match src/lib/timeline/render.ts
const ROW_H = 24;

const iso = (day) => new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
/** 30 one-day visits in the week from day 150, and 81 spread over the year (every 4 to 5 days). */
const visits = [
  ...Array.from({ length: 30 }, (_, i) => 150 + (i % 7)),
  ...Array.from({ length: 81 }, (_, i) => Math.round(i * 4.4)),
].map((day, i) => ({
  id: 1000 + i,
  kind: 'visit',
  status: 'occurred',
  start: iso(day),
  end: null,
  precision: 'day',
  label: `Visit ${i + 1} to a capital`,
  participants: ['Antony Blinken'],
  actor_ids: [200],
  place: 'Beijing',
  country: 'China',
  sources: 1,
  outlets: ['Wire'],
  edited: false,
}));

test('timeline lanes grow to all their rows', { timeout: 120_000 }, async () => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-lanes-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  await page.addInitScript((visits) => {
    const m = window.__mock;
    const base = m.handlers.list_events;
    const list = [...base(), ...visits];
    m.handlers.list_events = () => list;
    m.handlers.workspace_info = () => ({ path: '/home/analyst/Dateline/visits', articles: 120, events: list.length, actors: 10 });
  }, visits);
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => /^123 events on the timeline/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
    const lane = page.locator('.tl-lane-label[data-lane="visit"]');
    await lane.waitFor();
    // The layout follows the first frames; wait until the lane holds its 30 rows.
    await page.waitForFunction((min) => (document.querySelector('.tl-lane-label[data-lane="visit"]')?.getBoundingClientRect().height ?? 0) >= min, 30 * ROW_H, { timeout: 10_000 });
    const note = lane.locator('.tl-lane-crowded');
    assert.equal(await note.isHidden(), true, `no density band, no overlap: "${await note.textContent()}"`);
    // Taller than the view: the lanes scroll within the timeline, and the canvas follows.
    const gutter = page.locator('.tl-gutter');
    const { scrollHeight, clientHeight } = await gutter.evaluate((g) => ({ scrollHeight: g.scrollHeight, clientHeight: g.clientHeight }));
    assert.ok(scrollHeight > clientHeight, `lanes ${scrollHeight} px in a view of ${clientHeight} px`);
    await gutter.evaluate((g) => (g.scrollTop = 200));
    assert.equal(await gutter.evaluate((g) => g.scrollTop), 200, 'the lanes scroll');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
