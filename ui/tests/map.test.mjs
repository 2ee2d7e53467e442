// The map in headless Chromium: the world from world-atlas (bundled, nothing fetched), visits
// as arcs from the traveller's country, meetings and conferences as points at their city, the
// countries shaded by their events; linked with the other views both ways (a click on a place
// selects its event, a click on a country filters every view to it, the timeline's filters and
// the graph's selection narrow the map), reachable by keyboard, and without axe violations.
import { test } from 'node:test';
import { geoNaturalEarth1 } from 'd3-geo';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { openPage, shiftDrag } from './browser.mjs';
import { idOf, installDeskMocks } from './desk-mocks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The actors' countries: Blinken's visits to Beijing and Scholz's to Paris become arcs. */
const COUNTRIES = { 'Antony Blinken': 'United States', 'Olaf Scholz': 'Germany', 'Xi Jinping': 'China' };

const count = (page) => page.getByTestId('map-count').textContent();
const svgData = (page) => page.getByTestId('map-svg').evaluate((s) => ({ arcs: Number(s.dataset.arcs), spots: Number(s.dataset.spots) }));

test('the map', { timeout: 120_000 }, async (t) => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-map-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  await page.addInitScript((countries) => {
    const m = window.__mock;
    const base = m.handlers.actors;
    m.handlers.actors = () => base().map((a) => ({ ...a, country: countries[a.name] ?? null }));
  }, COUNTRIES);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
    await page.getByTestId('side-map').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=map-svg] path.land').length > 100);

    await t.test('draws the world, the visits as arcs and the other events as points', async () => {
      // 13 events: 3 calls, a meeting without a place and the undated one have none; 8 are placed.
      await page.waitForFunction(() => /^8 events on the map · 5 without a place$/.test(document.querySelector('[data-testid=map-count]')?.textContent?.trim() ?? ''));
      // Blinken to Beijing twice, Scholz to Paris; Erdoğan's country is unknown: a point only.
      assert.deepEqual(await svgData(page), { arcs: 3, spots: 7 });
      const beijing = page.locator('circle.spot[data-where="Beijing"]');
      assert.match(await beijing.locator('title').textContent(), /^Beijing: 2 events \(Visits?\)$/);
      // China and the others with events are shaded; a country without any is not.
      const cls = (name) => page.locator(`path.land[data-country="${name}"]`).getAttribute('class');
      assert.match(await cls('China'), /shade-[1-5]/);
      assert.match(await cls('Lithuania'), /shade-[1-5]/);
      assert.match(await cls('Brazil'), /shade-0/);
      // The world map came with the app: only the app's own origin was asked.
      assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), []);
    });

    await t.test('a click on a place selects its latest event; the details follow', async () => {
      await page.locator('circle.spot[data-where="Vilnius"]').dispatchEvent('click');
      await page.getByTestId('evidence-sentence').waitFor();
      assert.match(await page.locator('#details-pane').textContent(), /NATO Vilnius summit/);
      assert.match(await page.locator('circle.spot[data-where="Vilnius"]').getAttribute('class'), /\bon\b/);
    });

    await t.test('a click on a country filters every view to it; clear to undo', async () => {
      await page.locator('path.land[data-country="China"]').dispatchEvent('click');
      await page.getByTestId('map-country').waitFor();
      assert.equal(await page.getByTestId('filter-country').inputValue(), 'China');
      await page.waitForFunction(() => document.querySelector('[data-testid=filter-count]')?.textContent?.includes('2 of 13 events'));
      assert.match(await count(page), /^2 events on the map/);
      await page.getByTestId('map-country').getByRole('button', { name: 'Clear' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid=map-count]')?.textContent?.startsWith('8 events'));
    });

    await t.test('the filters and the graph selection narrow the map', async () => {
      await page.getByRole('group', { name: 'Event type' }).getByRole('button', { name: /Visit/ }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid=map-count]')?.textContent?.startsWith('4 events'));
      assert.deepEqual(await svgData(page), { arcs: 3, spots: 3 });
      await page.getByRole('group', { name: 'Event type' }).getByRole('button', { name: /Visit/ }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid=map-count]')?.textContent?.startsWith('8 events'));
      // The graph's selection: Blinken's events (his two visits to Beijing).
      await page.getByTestId('side-graph').click();
      await page.locator('.actors button', { hasText: 'Antony Blinken' }).click();
      await page.getByTestId('side-map').click();
      await page.waitForFunction(() => document.querySelector('[data-testid=map-count]')?.textContent?.startsWith('2 events'));
      assert.deepEqual(await svgData(page), { arcs: 2, spots: 1 });
      void idOf;
      await page.getByTestId('side-graph').click();
      await page.getByTestId('graph-selection').getByRole('button', { name: 'Clear' }).click();
      await page.getByTestId('side-map').click();
      await page.waitForFunction(() => document.querySelector('[data-testid=map-count]')?.textContent?.startsWith('8 events'));
    });

    // Brush one, the others follow: the time brush drawn on the timeline narrows the map and is
    // the graph's selection; a country clicked on the map is the timeline's and the graph's.
    await t.test('the time brush limits the map and the graph; a country on the map limits the timeline and the graph', async () => {
      const graphAsked = () => page.evaluate(() => window.__mock.calls.filter((c) => c.cmd === 'actor_graph').map((c) => c.args.selection).at(-1));
      const canvas = page.locator('canvas.tl-canvas');
      await page.getByRole('button', { name: 'Fit all' }).click();
      const view = async () => [Number(await canvas.getAttribute('data-view-start')), Number(await canvas.getAttribute('data-view-end'))];
      let [v0, v1] = await view();
      for (let still = 0, i = 0; still < 3 && i < 60; i++) {
        await page.waitForTimeout(50);
        const [a, b] = await view();
        still = a === v0 && b === v1 ? still + 1 : 0;
        [v0, v1] = [a, b];
      }
      await shiftDrag(page, canvas, [v0, v1], [Date.UTC(2023, 5, 1), Date.UTC(2023, 6, 1), Date.UTC(2023, 6, 31)]);
      await page.getByTestId('brush-chip').waitFor();
      // June and July: the call (no place), Blinken in Beijing (an arc) and the Vilnius summit.
      await page.waitForFunction(() => /^2 events on the map · 1 without a place$/.test(document.querySelector('[data-testid=map-count]')?.textContent?.trim() ?? ''));
      assert.deepEqual(await svgData(page), { arcs: 1, spots: 2 });
      // The graph (drawn when its tab is shown) is asked for the brushed days.
      await page.getByTestId('side-graph').click();
      await page.waitForFunction(() => {
        const s = window.__mock.calls.filter((c) => c.cmd === 'actor_graph').at(-1)?.args.selection;
        return s?.from?.startsWith('2023-0') && s?.to?.startsWith('2023-0');
      });
      const brushed = await graphAsked();
      assert.ok(brushed.from >= '2023-05-31' && brushed.from <= '2023-06-02' && brushed.to >= '2023-07-30' && brushed.to <= '2023-08-01', `the graph is asked for the brushed days: ${JSON.stringify(brushed)}`);
      await page.getByRole('button', { name: 'Clear the time brush' }).click();
      await page.waitForFunction(() => window.__mock.calls.filter((c) => c.cmd === 'actor_graph').at(-1)?.args.selection?.from === null);
      await page.getByTestId('side-map').click();
      await page.waitForFunction(() => document.querySelector('[data-testid=map-count]')?.textContent?.startsWith('8 events'));
      // A country on the map: the timeline and the graph follow.
      await page.locator('path.land[data-country="China"]').dispatchEvent('click');
      await page.getByTestId('map-country').waitFor();
      await page.waitForFunction(() => /^2 events on the timeline/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
      await page.getByTestId('side-graph').click();
      await page.waitForFunction(() => window.__mock.calls.filter((c) => c.cmd === 'actor_graph').at(-1)?.args.selection?.countries?.[0] === 'China');
      assert.deepEqual((await graphAsked()).countries, ['China']);
      await page.getByTestId('side-map').click();
      await page.getByTestId('map-country').getByRole('button', { name: 'Clear' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid=map-count]')?.textContent?.startsWith('8 events'));
      await page.waitForFunction(() => /^12 events on the timeline/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
    });

    await t.test('zooms with the buttons and the wheel', async () => {
      const scale = () => page.locator('[data-testid=map-svg] > g').evaluate((g) => g.transform.baseVal.consolidate()?.matrix.a ?? 1);
      assert.equal(await scale(), 1);
      await page.getByRole('button', { name: 'Zoom the map in' }).click();
      await page.waitForFunction(() => (document.querySelector('[data-testid=map-svg] > g')?.getAttribute('transform') ?? '').includes('scale(1.6)'));
      const box = await page.getByTestId('map-svg').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -300);
      await page.waitForFunction(() => {
        const m = /scale\(([\d.]+)\)/.exec(document.querySelector('[data-testid=map-svg] > g')?.getAttribute('transform') ?? '');
        return m && Number(m[1]) > 1.7;
      });
      await page.getByRole('button', { name: 'Whole world' }).click();
      await page.waitForFunction(() => /scale\(1\)/.test(document.querySelector('[data-testid=map-svg] > g')?.getAttribute('transform') ?? ''));
    });

    await t.test("the export dialog draws the pane's map: its counts, arcs, spots and zoom", async () => {
      const calls = (cmd) => page.evaluate((cmd) => window.__mock.calls.filter((c) => c.cmd === cmd).map((c) => c.args), cmd);
      const fromPane = () =>
        page.evaluate(() => {
          const svg = document.querySelector('[data-testid=map-svg]');
          const counts = {};
          for (const p of svg.querySelectorAll('path.land')) {
            const m = /(.*): (\d+) events?$/.exec(p.querySelector('title')?.textContent ?? '');
            if (m && Number(m[2]) > 0) counts[p.dataset.country] = Number(m[2]);
          }
          const spots = [...svg.querySelectorAll('circle.spot')].map((c) => c.dataset.where);
          return { counts, spots, arcs: Number(svg.dataset.arcs) };
        });
      await page.evaluate(() => (window.__savePath = '/tmp/out/map.svg'));
      await page.getByTestId('export-image').click();
      const dlg = page.getByTestId('export-dialog');
      await dlg.getByLabel('Map', { exact: true }).check();
      assert.equal(await dlg.locator('input[name=title]').inputValue(), 'Diplomatic map', 'the title follows the subject');
      assert.equal(await dlg.locator('select[name=lanes]').count(), 0, 'a map has no lanes');
      await dlg.getByLabel('SVG').check();
      await dlg.getByRole('button', { name: 'Export…' }).click();
      await page.getByTestId('status-line').getByText('Exported map.svg').waitFor();
      const sent = (await calls('export_map_image')).at(-1);
      assert.equal(sent.path, '/tmp/out/map.svg');
      const o = sent.options;
      const pane = await fromPane();
      assert.equal(o.picture.spots.length, pane.spots.length);
      assert.deepEqual(o.picture.spots.map((s) => s.place), pane.spots);
      assert.equal(o.picture.arcs.length, pane.arcs);
      assert.equal(o.picture.spots.reduce((n, s) => n + s.events, 0), 8, 'the 8 events on the map');
      assert.equal(o.picture.countries.reduce((n, c) => n + c.events, 0), Object.values(pane.counts).reduce((a, b) => a + b, 0));
      assert.deepEqual([o.view, o.map_height, o.title, o.dark], [null, null, 'Diplomatic map', false], 'the whole world, unzoomed');
      // Zoomed in: the view goes along, with the pane's aspect.
      await page.getByRole('button', { name: 'Zoom the map in' }).click();
      await page.waitForFunction(() => (document.querySelector('[data-testid=map-svg] > g')?.getAttribute('transform') ?? '').includes('scale(1.6)'));
      await page.evaluate(() => (window.__savePath = '/tmp/out/map.png'));
      await page.getByTestId('export-image').click();
      await dlg.getByLabel('Map', { exact: true }).check();
      await dlg.getByRole('button', { name: 'Export…' }).click();
      await page.getByTestId('status-line').getByText('Exported map.png').waitFor();
      const zoomed = (await calls('export_map_image')).at(-1).options;
      const box = await page.getByTestId('map-svg').boundingBox();
      const fitted = geoNaturalEarth1().fitExtent([[6, 6], [box.width - 6, box.height - 6]], { type: 'Sphere' }).scale();
      assert.ok(zoomed.view, 'a view is sent');
      assert.ok(Math.abs((zoomed.view.scale * box.width) / fitted - 1.6) < 1e-6, `zoom ${(zoomed.view.scale * box.width) / fitted}`);
      assert.equal(zoomed.map_height, Math.round(((1600 - 56) * box.height) / box.width));
      await page.getByRole('button', { name: 'Whole world' }).click();
    });

    await t.test('keyboard: the places list is one Tab stop, arrows move, Enter selects', async () => {
      const first = page.locator('.places button').first();
      await first.focus();
      assert.equal(await page.locator('.places button[tabindex="0"]').count(), 1);
      await page.keyboard.press('ArrowDown');
      const name = await page.evaluate(() => document.activeElement?.querySelector('.side-name')?.textContent);
      assert.ok(name && name !== (await first.locator('.side-name').textContent()), 'focus moved down the list');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelector(`circle.spot[data-where="${n}"]`)?.classList.contains('on'), name);
    });

    await t.test('no axe violation, light and dark', async () => {
      await page.evaluate(AXE);
      const run = () =>
        page.evaluate(async () =>
          (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] })).violations.flatMap((v) =>
            v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`),
          ),
        );
      assert.deepEqual(await run(), []);
      await page.getByTestId('theme-toggle').click();
      assert.deepEqual(await run(), []);
      await page.getByTestId('theme-toggle').click();
    });

    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
