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

// Lane labels are never clipped: a name too long for the gutter ends in an ellipsis inside its
// lane and shows its full text on hover (its title); the count under it is shown whole. By
// actor and by country, at 1280×800.
const LONG_ACTOR = 'Sheikh Abdullah bin Zayed bin Sultan Al Nahyan, Minister of Foreign Affairs and International Cooperation';
const LONG_COUNTRY = 'United Kingdom of Great Britain and Northern Ireland';

test('a long lane label ends in an ellipsis and shows its full text on hover', { timeout: 120_000 }, async () => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-lanelabels-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  await page.addInitScript(({ actor, country }) => {
    const m = window.__mock;
    const base = m.handlers.list_events;
    const extra = {
      id: 990, kind: 'visit', status: 'occurred', start: '2023-06-20', end: null, precision: 'day',
      label: 'A visit by a minister with a long title', participants: [actor], actor_ids: [990],
      place: 'London', country, sources: 1, outlets: ['Wire'], edited: false,
    };
    const list = [...base(), extra];
    m.handlers.list_events = () => list;
  }, { actor: LONG_ACTOR, country: LONG_COUNTRY });
  const labels = () =>
    page.locator('.tl-lane-label').evaluateAll((ls) =>
      ls.map((l) => {
        const name = l.querySelector('.tl-lane-name');
        const count = l.querySelector('.tl-lane-count');
        const lb = l.getBoundingClientRect();
        const nb = name.getBoundingClientRect();
        return {
          text: name.textContent,
          title: name.title,
          cut: name.scrollWidth > name.clientWidth,
          ellipsis: getComputedStyle(name).textOverflow === 'ellipsis' && getComputedStyle(name).whiteSpace === 'nowrap',
          inside: nb.left >= lb.left - 0.5 && nb.right <= lb.right + 0.5,
          countWhole: count.scrollWidth <= count.clientWidth && count.getBoundingClientRect().right <= lb.right + 0.5,
        };
      }),
    );
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => /^13 events on the timeline/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
    for (const [by, long] of [['actor', LONG_ACTOR], ['country', LONG_COUNTRY]]) {
      await page.getByTestId('lane-by').selectOption(by);
      await page.waitForFunction((long) => [...document.querySelectorAll('.tl-lane-label .tl-lane-name')].some((n) => n.textContent === long), long);
      await page.waitForTimeout(200);
      const all = await labels();
      const it = all.find((l) => l.text === long);
      assert.ok(it.cut, `by ${by}: the long name is wider than the gutter (the test needs one)`);
      for (const l of all) {
        assert.equal(l.title, l.text, `by ${by}: "${l.text}" shows its full text on hover`);
        assert.ok(l.inside, `by ${by}: "${l.text}" stays inside its lane label`);
        assert.ok(!l.cut || l.ellipsis, `by ${by}: "${l.text}" is cut with an ellipsis, not clipped`);
        assert.ok(l.countWhole, `by ${by}: the count under "${l.text}" is shown whole`);
      }
      // Hovering the name: the browser shows its title, the full text.
      const name = page.locator('.tl-lane-name', { hasText: long.slice(0, 12) });
      await name.hover();
      assert.equal(await name.getAttribute('title'), long);
    }
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
