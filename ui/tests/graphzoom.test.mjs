// The actor graph's labels and zoom in headless Chromium: the 12 most central actors keep their
// labels at every zoom, the others show theirs once zoomed in close; the buttons and one wheel
// notch zoom by a visible step, and Fit brings the whole graph back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { openPage } from './browser.mjs';
import { graph, installDeskMocks } from './desk-mocks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
/** Must match GraphView.svelte: MIN_LABEL_PX / LABEL_PX. */
const CLOSE_ZOOM = 8 / 11;

test('graph labels and zoom', { timeout: 120_000 }, async () => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-graphzoom-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  const box = page.getByTestId('graph-canvas');
  const zoom = async () => Number(await box.getAttribute('data-zoom'));
  const labels = async () => JSON.parse((await box.getAttribute('data-labels')) ?? '[]');
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => Object.keys(JSON.parse(document.querySelector('[data-testid=graph-canvas]')?.dataset.positions ?? '{}')).length > 0);
    const nodes = graph().nodes;
    const ranked = [...nodes].sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || a.name.localeCompare(b.name));
    const hubs = ranked.slice(0, 12).map((n) => n.name).sort();
    assert.ok(nodes.length > 12, `${nodes.length} actors`);
    // Nodes are sized by their events unless the analyst picks another measure.
    assert.equal(await page.getByLabel('Node size').inputValue(), 'events');
    // Far out: the hubs only.
    for (let i = 0; i < 6 && (await zoom()) >= CLOSE_ZOOM; i++) await page.getByRole('button', { name: 'Zoom the graph out' }).click();
    const far = await zoom();
    assert.ok(far < CLOSE_ZOOM, `zoom ${far}`);
    assert.deepEqual(await labels(), hubs);
    // The buttons step by half again.
    await page.getByRole('button', { name: 'Zoom the graph in' }).click();
    await page.waitForFunction((z) => Number(document.querySelector('[data-testid=graph-canvas]').dataset.zoom) > z * 1.4, far);
    // One wheel notch moves the zoom visibly (it barely moved at a sensitivity of 0.3).
    const before = await zoom();
    const b = await box.boundingBox();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.wheel(0, -100);
    await page.waitForFunction((z) => Number(document.querySelector('[data-testid=graph-canvas]').dataset.zoom) > z * 1.1, before);
    // Close: every label.
    for (let i = 0; i < 6 && (await zoom()) < CLOSE_ZOOM; i++) await page.getByRole('button', { name: 'Zoom the graph in' }).click();
    assert.deepEqual(await labels(), nodes.map((n) => n.name).sort());
    await page.getByRole('button', { name: 'Fit the graph' }).click();
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
