// Headless-Chromium test of the built UI (dist/) with the Tauri IPC mocked.
// Run via `npm run test:ui` (builds first). Needs /usr/bin/chromium (or $CHROMIUM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { executablePath, openPage, shiftDrag } from './browser.mjs';
import { actors, events, detail, workspace, importedEvent, XSS } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const results = join(here, '..', 'test-results');

// Must match src/lib/timeline/render.ts
const LANE_PAD = 6;
const ROW_H = 24;
const DAY = 86_400_000;

/** innerText with runs of whitespace collapsed (flex items break lines). */
const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

test('Dateline UI (headless Chromium, mocked IPC)', { timeout: 120_000 }, async (t) => {
  assert.ok(existsSync(join(dist, 'index.html')), 'dist/ missing: run `npm run build`');
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath}`);
  await mkdir(results, { recursive: true });
  const server = await serve(dist);
  const { context, page, profile, dialogs, pageErrors } = await openPage({
    prefix: 'dateline-ui-',
    viewport: { width: 1440, height: 860 },
    timezoneId: 'America/Los_Angeles', // dates must still render as UTC days
  });

  await page.addInitScript(
    ({ events, workspace, importedEvent, details, actors }) => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      const m = window.__mock;
      let list = events;
      let release;
      m.importGate = new Promise((r) => (release = r));
      m.release = () => release();
      m.handlers.workspace_info = () => ({ ...workspace, events: list.length });
      m.handlers.list_events = () => list;
      m.handlers.actors = () => actors;
      // Same rule as fixtures.mjs searchEvents: every word in label, participants or place.
      m.handlers.search = ({ query }) => {
        const words = query.toLowerCase().split(/\s+/).filter(Boolean);
        return list
          .filter((e) => words.every((w) => `${e.label} ${e.participants.join(' ')} ${e.place ?? ''}`.toLowerCase().includes(w)))
          .map((e) => e.id);
      };
      m.handlers.event_detail = ({ id }) => {
        const d = details[id];
        if (!d) throw { code: 'not_found', message: `No event ${id}` };
        return d;
      };
      m.handlers.import_paths = async ({ paths }) => {
        await m.importGate;
        list = [...events, importedEvent];
        details[importedEvent.id] = {
          summary: importedEvent,
          name: null,
          participants: [],
          evidence: [{ article_id: 99, doc: '/n/b.html', title: 'BRICS', published: null, sentence: 'Sentence about BRICS Johannesburg summit.' }],
          confidence: 0.7,
        };
        return {
          files: [
            { path: paths[0], status: 'imported', articles: 3, reason: null },
            { path: paths[1], status: 'failed', articles: 0, reason: 'Not a news article (binary file)' },
          ],
          articles_added: 3,
          events_added: 1,
        };
      };
    },
    {
      events,
      workspace,
      importedEvent,
      actors,
      details: Object.fromEntries(events.map((e) => [e.id, detail(e.id)])),
    },
  );

  try {
    await page.goto(server.url);
    const count = page.getByTestId('event-count');
    const canvas = page.locator('canvas.tl-canvas');
    // A fit, zoom or pan animates the view, and the canvas publishes it after each drawn frame:
    // read it once it has held still for a few frames (a fixed sleep is flaky on a loaded machine).
    const settledView = async () => {
      const read = async () => [Number(await canvas.getAttribute('data-view-start')), Number(await canvas.getAttribute('data-view-end'))];
      let before = await read();
      for (let still = 0, i = 0; still < 3 && i < 60; i++) {
        await page.waitForTimeout(50);
        const now = await read();
        still = now[0] === before[0] && now[1] === before[1] ? still + 1 : 0;
        before = now;
      }
      return before;
    };

    await t.test('shows the mocked events', async () => {
      await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
      assert.match(await count.innerText(), /12 events on the timeline · 1 undated/);
      const aria = await canvas.getAttribute('aria-label');
      assert.match(aria, /^Timeline of 12 events \(4 visits, 3 meetings, 3 calls, 2 conferences\)/);
      assert.match(await text(page.getByTestId('workspace-counts')), /48 articles · 13 events · 37 actors/);
      assert.match(await page.locator('header').innerText(), /diplomacy-2023/);
      const lanes = await page.locator('.tl-lane-label').allInnerTexts();
      assert.deepEqual(
        lanes.map((s) => s.replace(/\s+/g, ' ').trim()),
        ['Visits 4', 'Meetings 3', 'Calls 3', 'Conferences 2'],
      );
    });

    /**
     * Client point of an event's centre: x from the mocked dates and the view
     * the canvas reports; y is the first row of its lane whose hover tooltip
     * names the event (stacking decides the row).
     */
    async function pointOf(id, lane) {
      const e = events.find((x) => x.id === id);
      const start = Date.parse(`${e.start}T00:00:00Z`);
      const end = Date.parse(`${e.end ?? e.start}T00:00:00Z`) + DAY;
      const [v0, v1] = await settledView();
      const box = await canvas.boundingBox();
      const laneBox = await page.locator(`.tl-lane-label[data-lane=${lane}]`).boundingBox();
      const x = box.x + (((start + end) / 2 - v0) / (v1 - v0)) * box.width;
      // The tooltip follows the pointer on the next frame: on a loaded machine that may take
      // longer than a fixed pause, so each row is polled for a while before the next is tried.
      const tip = page.getByTestId('tooltip');
      for (let row = 0; row < 6; row++) {
        const y = laneBox.y + LANE_PAD + row * ROW_H + ROW_H / 2;
        await page.mouse.move(x, y);
        let other = 0;
        for (let wait = 0; wait < 400 && other < 3; wait += 40) {
          await page.waitForTimeout(40);
          const label = (await tip.count()) ? await tip.locator('.tt-label').innerText() : null;
          if (label === e.label) return { x, y };
          if (label) other++; // another event's row: try the next one
        }
      }
      throw new Error(`event ${id} not found on the canvas`);
    }

    await t.test('hover and click an event shows its details', async () => {
      const p = await pointOf(1, 'call');
      await page.mouse.move(p.x, p.y);
      await page.getByTestId('tooltip').waitFor();
      assert.match(await page.getByTestId('tooltip').innerText(), /Blinken – Cavusoglu call/);
      await page.mouse.click(p.x, p.y);
      const details = page.getByTestId('details');
      await details.getByText('Secretary Blinken spoke by phone').waitFor();
      const text = await details.innerText();
      assert.match(text, /Blinken – Cavusoglu call/);
      assert.match(text, /14 June 2023 \(day\)/);
      assert.match(text, /Antony Blinken\s*Initiator/);
      assert.match(text, /Report on Blinken – Cavusoglu call/);
    });

    await t.test('keyboard: fit, then step to the first event', async () => {
      await canvas.focus();
      await page.keyboard.press('Escape');
      await page.getByText('No event selected').waitFor();
      await page.keyboard.press('0');
      await page.keyboard.press(']');
      await page.getByTestId('details').getByText('Sentence about Scholz visit to Paris.').waitFor();
      assert.equal(await text(page.getByTestId('announce')), 'Selected visit: Scholz visit to Paris, 16–18 January 2023');
      await page.keyboard.press(']');
      await page.getByTestId('details').getByText('Sentence about Blinken trip to Beijing (called off).').waitFor();
      assert.match(await page.getByTestId('details').innerText(), /Cancelled/);
      // Month precision reads as such.
      await page.keyboard.press('Escape');
      await page.keyboard.press('[');
      assert.ok(await page.getByTestId('details').innerText());
    });

    await t.test('article text with markup is shown as literal text', async () => {
      await page.keyboard.press('0');
      const p = await pointOf(11, 'call');
      await page.mouse.click(p.x, p.y);
      const sentence = page.getByTestId('evidence-sentence');
      await sentence.waitFor();
      assert.equal(await sentence.innerText(), `The minister wrote ${XSS} in a statement.`);
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      assert.equal(await page.locator('[data-testid=details] script').count(), 0);
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, []);
    });

    await t.test('undated events are listed and selectable', async () => {
      await page.getByRole('button', { name: '1 undated' }).click();
      const list = page.getByRole('dialog', { name: 'Undated events' });
      await list.getByText('Undated meeting').click();
      const details = page.getByTestId('details');
      await details.getByText('Sentence about Undated meeting.').waitFor();
      assert.equal(await text(page.getByTestId('detail-date')), 'Undated');
      await page.screenshot({ path: join(results, 'undated.png') });
      await list.getByRole('button', { name: 'Close undated events' }).click();
      assert.equal(await list.count(), 0);
    });

    await t.test('zoom and pan change the view', async () => {
      const [b0, b1] = await settledView();
      const before = b1 - b0;
      // Lane labels are patched in place while zooming, not rebuilt (a DOM rebuild per frame was slow).
      const laneTexts = await page.locator('.tl-lane-label').allInnerTexts();
      await page.evaluate(() => document.querySelectorAll('.tl-lane-label').forEach((el) => (el.__kept = true)));
      await canvas.focus();
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      const [v0, v1] = await settledView();
      const after = v1 - v0;
      assert.ok(after < before * 0.5, `zoomed in (${after} < ${before})`);
      await page.keyboard.press('ArrowRight');
      assert.ok((await settledView())[0] > v0, 'panned right');
      const box = await canvas.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 600);
      const [z0, z1] = await settledView();
      const zoomedOut = z1 - z0;
      assert.ok(zoomedOut > after, 'wheel zooms out');
      await page.getByRole('button', { name: 'Fit all' }).click();
      await page.waitForTimeout(200);
      assert.ok(await page.evaluate(() => [...document.querySelectorAll('.tl-lane-label')].every((el) => el.__kept)), 'same lane elements');
      assert.deepEqual(await page.locator('.tl-lane-label').allInnerTexts(), laneTexts, 'same lane names and counts after zooming back');
    });

    await t.test('screenshot', async () => {
      const p = await pointOf(2, 'visit');
      await page.mouse.click(p.x, p.y);
      await page.getByTestId('details').getByText('Sentence about Blinken visit to Beijing.').waitFor();
      await page.mouse.move(p.x, p.y);
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(results, 'timeline.png') });
    });

    const rows = page.locator('[data-testid=event-rows] [role=row][data-id]');
    const rowIds = async () => (await rows.evaluateAll((els) => els.map((e) => Number(e.dataset.id)))).sort((a, b) => a - b);

    await t.test('the list shows every event, sortable', async () => {
      assert.equal(await rows.count(), 13);
      const grid = page.getByRole('grid', { name: /Events/ });
      await grid.getByRole('button', { name: 'Sources' }).click();
      assert.equal(await grid.getByRole('columnheader', { name: /Sources/ }).getAttribute('aria-sort'), 'descending');
      assert.equal(await rows.first().getAttribute('data-id'), '4'); // 9 sources
      await grid.getByRole('button', { name: 'Date' }).click();
      assert.equal(await rows.first().getAttribute('data-id'), '9'); // 16 January
      assert.equal(await rows.last().getAttribute('data-id'), '13'); // undated last
    });

    await t.test('filter by actor: the timeline and the list shrink', async () => {
      // A selected event the filter hides stays in the details, marked as hidden.
      await page.locator('[role=row][data-id="4"]').click();
      await page.getByTestId('details').getByRole('heading', { level: 2 }).waitFor();
      assert.equal(await page.getByTestId('filtered-out').count(), 0);
      await page.getByTestId('filter-actor').selectOption({ label: 'Antony Blinken (3)' });
      await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('3 events'));
      await page.getByTestId('filtered-out').waitFor();
      assert.match(await canvas.getAttribute('aria-label'), /^Timeline of 3 events \(2 visits, 1 call\)/);
      assert.deepEqual(await rowIds(), [1, 2, 5]);
      assert.match(await text(page.getByTestId('filter-count')), /3 of 13 events/);
      // The type chips count Blinken's events by type (the store's facets): what choosing one gives.
      await page.waitForFunction(() => document.querySelector('[data-testid=count-visit]')?.textContent === '2');
      assert.equal(await text(page.getByTestId('count-call')), '1');
      assert.equal(await text(page.getByTestId('count-meeting')), '0');
      // Facets intersect: Blinken's calls only, asked of the store as one selection.
      await page.getByRole('group', { name: 'Event type' }).getByRole('button', { name: 'Call' }).click();
      await page.waitForFunction(() => document.querySelectorAll('[role=row][data-id]').length === 1);
      assert.deepEqual(await rowIds(), [1]);
      const asked = await page.evaluate(() => window.__mock.calls.filter((c) => c.cmd === 'list_events').at(-1).args.selection);
      assert.deepEqual([asked.actors.length, asked.kinds], [1, ['call']]);
      // A type's count does not depend on the type chosen (its own criterion is left out).
      assert.equal(await text(page.getByTestId('count-visit')), '2');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByTestId('filtered-out').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
      assert.equal(await rows.count(), 13);
    });

    await t.test('date filters: empty until typed, read in the locale, partial dates widen', async () => {
      const from = page.getByTestId('filter-from');
      const to = page.getByTestId('filter-to');
      assert.equal(await from.inputValue(), '', 'no date shown until one is given');
      assert.equal(await from.getAttribute('placeholder'), 'Any date');
      // The browser's locale here is en-US: month first.
      await from.fill('06/01/2023');
      await from.press('Enter');
      await to.fill('July 2023');
      await to.press('Enter');
      assert.equal(await from.inputValue(), 'Jun 1, 2023');
      assert.equal(await to.inputValue(), 'Jul 31, 2023');
      // 14 June call, 18 June visit, 11 July summit.
      await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('3 events'));
      assert.deepEqual(await rowIds(), [1, 2, 4]);
      await from.fill('31/31/2023');
      await from.press('Enter');
      assert.equal(await from.getAttribute('aria-invalid'), 'true');
      await page.getByRole('alert').filter({ hasText: 'Not a date' }).waitFor();
      await from.press('Escape');
      await to.focus();
      await to.press('Escape');
      await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
      assert.equal(await from.inputValue(), '');
    });

    await t.test('search: the list shows the matching ids (debounced, one call)', async () => {
      const before = await page.evaluate(() => window.__mock.calls.filter((c) => c.cmd === 'search').length);
      // The backend answers best match first: the mock answers in fixture order, 2 then 5,
      // where date order is 5 (February) then 2 (June).
      await page.getByTestId('search').pressSequentially('beijing', { delay: 15 });
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=event-rows] [role=row][data-id]').length === 2);
      assert.deepEqual(await rowIds(), [2, 5]);
      const grid = page.getByRole('grid', { name: /Events/ });
      const shownOrder = () => rows.evaluateAll((els) => els.map((e) => Number(e.dataset.id)));
      // The list shows the search's ranking until a column is sorted.
      const best = page.getByTestId('best-match');
      assert.equal(await best.getAttribute('aria-pressed'), 'true');
      assert.deepEqual(await shownOrder(), [2, 5]);
      await grid.getByRole('button', { name: 'Date' }).click();
      assert.equal(await best.getAttribute('aria-pressed'), 'false');
      assert.deepEqual(await shownOrder(), [5, 2]);
      await best.click();
      assert.deepEqual(await shownOrder(), [2, 5]);
      const calls = await page.evaluate(() => window.__mock.calls.filter((c) => c.cmd === 'search').map((c) => c.args));
      assert.deepEqual(calls.slice(before), [{ query: 'beijing' }]);
      assert.match(await count.innerText(), /^2 events on the timeline/);
      // Search and filters intersect.
      await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Cancelled' }).click();
      assert.deepEqual(await rowIds(), [5]);
      await page.getByRole('button', { name: 'Clear filters' }).click();
      assert.equal(await page.getByTestId('search').inputValue(), '');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=event-rows] [role=row][data-id]').length === 13);
    });

    await t.test('keyboard navigation in the list selects events', async () => {
      const grid = page.getByRole('grid', { name: /Events/ });
      await grid.focus();
      await page.keyboard.press('Home');
      await page.getByTestId('details').getByText('Sentence about Scholz visit to Paris.').waitFor();
      assert.equal(await grid.getAttribute('aria-activedescendant'), 'event-row-9');
      await page.keyboard.press('ArrowDown');
      await page.getByTestId('details').getByText('Sentence about Blinken trip to Beijing (called off).').waitFor();
      assert.equal(await page.locator('[role=row][aria-selected=true]').getAttribute('data-id'), '5');
      // The timeline follows the list's selection.
      assert.match(await text(page.getByTestId('announce')), /^Selected visit: Blinken trip to Beijing \(called off\)/);
      await page.keyboard.press('End');
      await page.getByTestId('details').getByText('Sentence about Undated meeting.').waitFor();
      await page.keyboard.press('ArrowUp');
      await page.getByTestId('details').getByText('Sentence about COP28 Dubai.').waitFor();
      // Every control is reachable: Tab leaves the grid for the details pane.
      await page.keyboard.press('Escape');
      await page.getByText('No event selected').waitFor();
    });

    await t.test('brushing a range filters the list (not the timeline)', async () => {
      await page.getByRole('button', { name: 'Fit all' }).click();
      const [v0, v1] = await settledView();
      await shiftDrag(page, canvas, [v0, v1], [Date.UTC(2023, 5, 1), Date.UTC(2023, 6, 1), Date.UTC(2023, 6, 31)]);
      await page.getByTestId('brush-chip').waitFor();
      assert.deepEqual(await rowIds(), [1, 2, 4]);
      assert.match(await text(page.getByTestId('brush-chip')), /June 2023 – 3\d July 2023|June – 3\d July 2023/);
      assert.match(await count.innerText(), /^12 events on the timeline/);
      await page.screenshot({ path: join(results, 'brush.png') });
      await page.getByRole('button', { name: 'Clear the time brush' }).click();
      assert.equal(await rows.count(), 13);
      // Keyboard: b brushes the visible range.
      await canvas.focus();
      await page.keyboard.press('b');
      await page.getByTestId('brush-chip').waitFor();
      assert.equal(await rows.count(), 12); // the undated event has no place in a range
      await page.getByRole('button', { name: 'Clear the time brush' }).click();
    });

    await t.test('the overview strip moves the view (pointer and keys)', async () => {
      await page.getByRole('button', { name: 'Fit all' }).click();
      await canvas.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('+');
      const v = settledView;
      const [a0, b0] = await v();
      const strip = page.getByRole('slider', { name: /Overview/ });
      const box = await strip.boundingBox();
      await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
      const [a1, b1] = await v();
      assert.ok(a1 > a0, 'clicking late in the strip moves the view later');
      assert.ok(Math.abs(b1 - a1 - (b0 - a0)) < 1000, 'same zoom');
      await strip.focus();
      await page.keyboard.press('ArrowLeft');
      assert.ok((await v())[0] < a1, 'arrow keys pan');
      await page.getByRole('button', { name: 'Fit all' }).click();
    });

    await t.test('lanes by actor, collapsing a lane', async () => {
      await page.getByTestId('lane-by').selectOption('actor');
      await page.waitForFunction(() => document.querySelector('.tl-lane-label[data-lane="Antony Blinken"]'));
      const first = await text(page.locator('.tl-lane-label').first());
      assert.match(first, /^Antony Blinken 3\b/);
      const fold = page.getByRole('button', { name: 'Collapse lane Antony Blinken' });
      await fold.click();
      const expand = page.getByRole('button', { name: 'Expand lane Antony Blinken' });
      await expand.waitFor();
      assert.equal(await expand.getAttribute('aria-expanded'), 'false');
      const laneBox = await page.locator('.tl-lane-label[data-lane="Antony Blinken"]').boundingBox();
      const h = laneBox.height;
      assert.ok(h <= 40, `collapsed lane is one row (${h}px)`);
      // A collapsed lane is a density band: hovering it where events are says how many, and what.
      {
        const cb = await canvas.boundingBox();
        const tip = page.getByTestId('band-tooltip');
        let found = '';
        for (let x = cb.x + 4; x < cb.x + cb.width && !found; x += 6) {
          await page.mouse.move(x, laneBox.y + h / 2);
          if (await tip.count()) found = await text(tip);
        }
        assert.match(found, /^\d+ events? · Antony Blinken .*(visit|call).*Click to zoom in$/);
        await page.mouse.move(cb.x + cb.width / 2, cb.y + 10);
        await tip.waitFor({ state: 'detached' });
      }
      // More lanes than fit: the lane names scroll, the canvas follows.
      const gutter = page.locator('.tl-gutter');
      const [sh, ch] = await gutter.evaluate((g) => [g.scrollHeight, g.clientHeight]);
      assert.ok(sh > ch, `lanes overflow (${sh} > ${ch})`);
      await gutter.evaluate((g) => (g.scrollTop = g.scrollHeight));
      await page.waitForTimeout(100);
      const last = page.locator('.tl-lane-label').last();
      const lb = await last.boundingBox();
      const cb = await canvas.boundingBox();
      assert.ok(lb.y + lb.height <= cb.y + cb.height + 1, 'the last lane is scrolled into view');
      await page.screenshot({ path: join(results, 'lanes-actor-scrolled.png') });
      await gutter.evaluate((g) => (g.scrollTop = 0));
      await page.screenshot({ path: join(results, 'lanes-actor.png') });
      await expand.click();
      await page.getByTestId('lane-by').selectOption('type');
      await page.waitForFunction(() => document.querySelector('.tl-lane-label[data-lane="visit"]'));
    });

    await t.test('dark theme toggles and is remembered', async () => {
      const toggle = page.getByTestId('theme-toggle');
      const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = await bg();
      await toggle.click();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.notEqual(await bg(), light);
      assert.equal(await bg(), 'rgb(14, 17, 21)');
      await page.waitForTimeout(100);
      // The canvas follows: its background pixel is theme.json's dark background.
      const px = await canvas.evaluate((c) => Array.from(c.getContext('2d').getImageData(c.width - 3, c.height - 3, 1, 1).data.slice(0, 3)));
      assert.ok(px[0] < 60 && px[1] < 60 && px[2] < 70, `dark canvas pixel ${px}`);
      await page.screenshot({ path: join(results, 'dark.png') });
      await page.reload();
      await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      await page.getByTestId('theme-toggle').click();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    });

    await t.test('dropping files imports them with progress, then refreshes', async () => {
      const paths = ['/home/analyst/news/blinken.html', '/home/analyst/news/photo.jpg'];
      await page.evaluate(() => window.__mock.emit('tauri://drag-enter', { paths: [], position: { x: 400, y: 300 } }));
      await page.getByTestId('drop-overlay').waitFor();
      await page.screenshot({ path: join(results, 'drop.png') });
      await page.evaluate((paths) => window.__mock.emit('tauri://drag-drop', { paths, position: { x: 400, y: 300 } }), paths);
      await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
      const call = await page.evaluate(() => window.__mock.calls.find((c) => c.cmd === 'import_paths'));
      assert.deepEqual(call.args, { paths });
      await page.getByTestId('import-progress').waitFor();
      await page.evaluate(() =>
        window.__mock.emit('import-progress', { files_done: 1, files_total: 2, current: '/home/analyst/news/photo.jpg', articles: 3, events: 1 }),
      );
      await page.getByTestId('import-panel').getByText('photo.jpg').waitFor();
      const prog = (await page.getByTestId('import-progress').innerText()).replace(/\s+/g, ' ');
      assert.match(prog, /1 \/ 2 files · 3 articles · 1 event/);
      assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '1');
      await page.screenshot({ path: join(results, 'import-progress.png') });
      await page.evaluate(() => window.__mock.release());
      await page.getByTestId('import-summary').waitFor();
      const panel = (await page.getByTestId('import-panel').innerText()).replace(/\s+/g, ' ');
      assert.match(panel, /3 articles added from 1 file; 1 failed/);
      assert.match(panel, /photo\.jpg failed Not a news article/i);
      await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('13 events'));
      assert.match(await canvas.getAttribute('aria-label'), /^Timeline of 13 events/);
      assert.match(await text(page.getByTestId('workspace-counts')), /14 events/);
      await page.screenshot({ path: join(results, 'import-report.png') });
      await page.getByRole('button', { name: 'Show 1 new event' }).click();
      await page.getByTestId('details').getByText('Sentence about BRICS Johannesburg summit.').waitFor();
      // The view is written to the canvas after the next frame is drawn: wait for that frame
      // (under load it comes after the details panel), then check the window.
      const fits = ([a, b, day]) => {
        const c = document.querySelector('canvas.tl-canvas');
        const v0 = Number(c?.dataset.viewStart);
        const v1 = Number(c?.dataset.viewEnd);
        return v0 <= a && v1 >= b && v1 - v0 < 60 * day;
      };
      const want = [Date.UTC(2023, 7, 22), Date.UTC(2023, 7, 25), DAY];
      const fitted = await page.waitForFunction(fits, want, { timeout: 5000 }).then(() => true, () => false);
      const v0 = Number(await canvas.getAttribute('data-view-start'));
      const v1 = Number(await canvas.getAttribute('data-view-end'));
      assert.ok(fitted, `view fits the new event (view ${new Date(v0).toISOString()} .. ${new Date(v1).toISOString()})`);
      const lists = await page.evaluate(() => window.__mock.calls.filter((c) => c.cmd === 'list_events').length);
      assert.equal(lists, 2);
    });

    await t.test('a failing backend shows an error with retry', async () => {
      const p2 = await context.newPage();
      await p2.addInitScript({ content: await readFile(join(here, 'mock-ipc.js'), 'utf8') });
      await p2.addInitScript(() => {
        let fail = true;
        window.__mock.handlers.workspace_info = () => {
          if (fail) throw { code: 'db_locked', message: 'The workspace database is locked.' };
          return { path: '/w', articles: 0, events: 0, actors: 0 };
        };
        window.__mock.handlers.list_events = () => [];
        window.__mock.recover = () => (fail = false);
      });
      await p2.goto(server.url);
      const alert = p2.getByRole('alert');
      await alert.getByText('The workspace database is locked.').waitFor();
      await p2.evaluate(() => window.__mock.recover());
      await alert.getByRole('button', { name: 'Retry' }).click();
      await alert.waitFor({ state: 'detached' });
      await p2.getByText('No events yet').waitFor();
      await p2.close();
    });

    await t.test('no errors, dialogs or CSP violations', async () => {
      assert.deepEqual(dialogs, []);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
      assert.deepEqual(pageErrors, []);
    });
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
