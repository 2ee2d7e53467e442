// A stable graph layout in headless Chromium: the same graph lays out the same way on every
// load (seeded, never random), a reload that adds actors (an import) moves the actors already
// drawn little, and the workspace opened again keeps the layout it was left with (stored per
// workspace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { openPage } from './browser.mjs';
import { idOf, installDeskMocks } from './desk-mocks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');

const layout = (page) => page.getByTestId('graph-canvas').evaluate((b) => JSON.parse(b.dataset.layout ?? '{}'));
const settled = (page, n) => page.waitForFunction((n) => Object.keys(JSON.parse(document.querySelector('[data-testid=graph-canvas]')?.dataset.layout ?? '{}')).length === n, n);

test('a stable graph layout', { timeout: 120_000 }, async () => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-graphlayout-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  // After window.__grow, the graph has three actors more, linked to Blinken and to Xi (an import).
  await page.addInitScript(({ blinken, xi }) => {
    const m = window.__mock;
    const base = m.handlers.actor_graph;
    m.handlers.actor_graph = (args) => {
      const g = base(args);
      if (!window.__grow && !sessionStorage.getItem('dateline-test-grow')) return g;
      const extra = [901, 902, 903].map((id) => ({ id, name: `New actor ${id}`, kind: 'person', country: null, events: 1, degree: 1, betweenness: 0, community: 2 }));
      return {
        ...g,
        nodes: [...g.nodes, ...extra],
        edges: [...g.edges, { source: blinken, target: 901, weight: 1 }, { source: blinken, target: 902, weight: 1 }, { source: xi, target: 903, weight: 1 }],
        total_nodes: g.total_nodes + 3,
        total_edges: g.total_edges + 3,
      };
    };
  }, { blinken: idOf('Antony Blinken'), xi: idOf('Xi Jinping') });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
    await page.waitForFunction(() => Object.keys(JSON.parse(document.querySelector('[data-testid=graph-canvas]')?.dataset.layout ?? '{}')).length > 0);
    const first = await layout(page);
    const count = Object.keys(first).length;

    // Another load: the same layout.
    await page.reload();
    await settled(page, count);
    assert.deepEqual(await layout(page), first, 'the same graph, the same layout');

    // An import adds three actors: the others move little.
    await page.evaluate(() => (window.__grow = true));
    await page.getByRole('button', { name: 'Undo' }).click();
    await settled(page, count + 3);
    const after = await layout(page);
    const xs = Object.values(first).map(([x]) => x);
    const ys = Object.values(first).map(([, y]) => y);
    const extent = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const moved = Object.entries(first).map(([id, [x, y]]) => Math.hypot(after[id][0] - x, after[id][1] - y));
    const mean = moved.reduce((a, b) => a + b, 0) / moved.length;
    assert.ok(mean < 0.1 * extent, `existing actors moved ${mean.toFixed(0)} px on average in a layout ${extent.toFixed(0)} px across`);

    // The workspace opened again (the grown graph): the layout it was left with, stored for the
    // workspace, not a fresh layout of the grown graph from its seeds.
    await page.evaluate(() => sessionStorage.setItem('dateline-test-grow', '1'));
    await page.reload();
    await settled(page, count + 3);
    const reopened = await layout(page);
    const off = Object.entries(after).map(([id, [x, y]]) => Math.hypot(reopened[id][0] - x, reopened[id][1] - y));
    assert.ok(Math.max(...off) <= 1.5, `reopened: actors off their stored place by up to ${Math.max(...off).toFixed(1)} px`);
    // Not only the seeds: without the stored layout, the grown graph lays out elsewhere.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dateline.graph-layout:')).forEach((k) => localStorage.removeItem(k)));
    await page.reload();
    await settled(page, count + 3);
    const fresh = await layout(page);
    const apart = Object.entries(after).map(([id, [x, y]]) => Math.hypot(fresh[id][0] - x, fresh[id][1] - y));
    assert.ok(Math.max(...apart) > 1.5, 'a fresh layout of the grown graph differs from the stored one (else this test shows nothing)');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
