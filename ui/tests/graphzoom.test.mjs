// The actor graph's labels and zoom in headless Chromium: the 12 most central actors keep their
// labels at every zoom, the others show theirs once zoomed in close; the buttons, one wheel
// notch and a trackpad pinch zoom by a visible step, and Fit brings the whole graph back.
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
    // A trackpad pinch (Chromium sends it as a wheel with Ctrl held) zooms in and out.
    const cdp = await page.context().newCDPSession(page);
    const centre = { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) };
    const beforePinch = await zoom();
    await cdp.send('Input.synthesizePinchGesture', { ...centre, scaleFactor: 2, gestureSourceType: 'mouse' });
    await page.waitForFunction((z) => Number(document.querySelector('[data-testid=graph-canvas]').dataset.zoom) > z * 1.3, beforePinch);
    const pinchedIn = await zoom();
    await cdp.send('Input.synthesizePinchGesture', { ...centre, scaleFactor: 0.5, gestureSourceType: 'mouse' });
    await page.waitForFunction((z) => Number(document.querySelector('[data-testid=graph-canvas]').dataset.zoom) < z / 1.3, pinchedIn);
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

// The window shrinks from 1920×1080 to 1280×800: the fitted graph scales with its pane and every
// node stays inside it (it kept its zoom and top left before, half the graph off the pane).
test('the graph stays in its pane when the window shrinks', { timeout: 120_000 }, async () => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-graphresize-', viewport: { width: 1920, height: 1080 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  const outside = () =>
    page.evaluate(() => {
      const el = document.querySelector('[data-testid=graph-canvas]');
      const pos = Object.values(JSON.parse(el?.dataset.positions ?? '{}'));
      const out = pos.filter(([x, y]) => x < 0 || y < 0 || x > el.clientWidth || y > el.clientHeight);
      return { n: pos.length, out: out.length, w: el.clientWidth, h: el.clientHeight };
    });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => Object.keys(JSON.parse(document.querySelector('[data-testid=graph-canvas]')?.dataset.positions ?? '{}')).length > 0);
    await page.getByRole('button', { name: 'Fit the graph' }).click();
    await page.waitForTimeout(300);
    const wide = await outside();
    assert.ok(wide.n > 12 && wide.out === 0, `at 1920×1080: ${JSON.stringify(wide)}`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction((w) => (document.querySelector('[data-testid=graph-canvas]')?.clientWidth ?? w) < w, wide.w);
    await page.waitForTimeout(500);
    const narrow = await outside();
    assert.equal(narrow.out, 0, `at 1280×800, nodes outside the pane: ${JSON.stringify(narrow)}`);
    // A fitted graph is fitted again, not only scaled down: Fit changes nothing.
    const shrunk = Number(await page.getByTestId('graph-canvas').getAttribute('data-zoom'));
    await page.getByRole('button', { name: 'Fit the graph' }).click();
    await page.waitForTimeout(200);
    const refit = Number(await page.getByTestId('graph-canvas').getAttribute('data-zoom'));
    assert.ok(Math.abs(shrunk - refit) <= 0.002, `zoom after the shrink ${shrunk}, fitted ${refit}`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});

// The pane's header grows (its counts wrapping to more lines) in the same frame as a layout:
// the layout fits the graph to the pane as it is then, not to the size cytoscape measured
// before (the graph sat off-centre in the real app at 1280×800).
test('a layout fits the pane as it is when it runs', { timeout: 120_000 }, async () => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-graphfit-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  const centred = () =>
    page.evaluate(() => {
      const el = document.querySelector('[data-testid=graph-canvas]');
      const pos = Object.values(JSON.parse(el?.dataset.positions ?? '{}'));
      const xs = pos.map((p) => p[0]);
      const ys = pos.map((p) => p[1]);
      return {
        dx: (Math.min(...xs) + Math.max(...xs)) / 2 - el.clientWidth / 2,
        dy: (Math.min(...ys) + Math.max(...ys)) / 2 - el.clientHeight / 2,
        h: el.clientHeight,
      };
    });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => Object.keys(JSON.parse(document.querySelector('[data-testid=graph-canvas]')?.dataset.positions ?? '{}')).length > 0);
    const before = await page.evaluate(() => document.querySelector('[data-testid=graph-canvas]').clientHeight);
    // One task: the bar above the canvas grows by 120 px and the layout changes to a grid.
    await page.evaluate(() => {
      document.querySelector('[data-testid=graph] .bar').style.paddingBottom = '120px';
      const s = document.querySelector('select[aria-label="Graph layout"]');
      s.value = 'grid';
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction((h) => document.querySelector('[data-testid=graph-canvas]').clientHeight < h, before);
    await page.waitForTimeout(500);
    const c = await centred();
    assert.ok(c.h < before - 50, `the canvas got shorter: ${before} → ${c.h}`);
    assert.ok(Math.abs(c.dx) < 8 && Math.abs(c.dy) < 8, `the grid is centred in its pane: ${JSON.stringify(c)}`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
