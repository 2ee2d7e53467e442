// Headless-Chromium test of the built UI (dist/) with the Tauri IPC mocked.
// Run via `npm run test:ui` (builds first). Needs /usr/bin/chromium (or $CHROMIUM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { events, detail, workspace, importedEvent, XSS } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const results = join(here, '..', 'test-results');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
  const profile = await mkdtemp(join(tmpdir(), 'dateline-ui-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: ARGS,
    headless: true,
    viewport: { width: 1440, height: 860 },
    deviceScaleFactor: 1,
    timezoneId: 'America/Los_Angeles', // dates must still render as UTC days
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs = [];
  const pageErrors = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });

  await page.addInitScript({ content: await readFile(join(here, 'mock-ipc.js'), 'utf8') });
  await page.addInitScript(
    ({ events, workspace, importedEvent, details }) => {
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
      details: Object.fromEntries(events.map((e) => [e.id, detail(e.id)])),
    },
  );

  try {
    await page.goto(server.url);
    const count = page.getByTestId('event-count');
    const canvas = page.locator('canvas.tl-canvas');

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
      const box = await canvas.boundingBox();
      const v0 = Number(await canvas.getAttribute('data-view-start'));
      const v1 = Number(await canvas.getAttribute('data-view-end'));
      const laneBox = await page.locator(`.tl-lane-label[data-lane=${lane}]`).boundingBox();
      const x = box.x + (((start + end) / 2 - v0) / (v1 - v0)) * box.width;
      for (let row = 0; row < 6; row++) {
        const y = laneBox.y + LANE_PAD + row * ROW_H + ROW_H / 2;
        await page.mouse.move(x, y);
        await page.waitForTimeout(30);
        const tip = page.getByTestId('tooltip');
        if ((await tip.count()) && (await tip.locator('.tt-label').innerText()) === e.label) return { x, y };
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
      const before = Number(await canvas.getAttribute('data-view-end')) - Number(await canvas.getAttribute('data-view-start'));
      await canvas.focus();
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      await page.waitForTimeout(100);
      const v0 = Number(await canvas.getAttribute('data-view-start'));
      const after = Number(await canvas.getAttribute('data-view-end')) - v0;
      assert.ok(after < before * 0.5, `zoomed in (${after} < ${before})`);
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(100);
      assert.ok(Number(await canvas.getAttribute('data-view-start')) > v0, 'panned right');
      const box = await canvas.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(150);
      const zoomedOut = Number(await canvas.getAttribute('data-view-end')) - Number(await canvas.getAttribute('data-view-start'));
      assert.ok(zoomedOut > after, 'wheel zooms out');
      await page.getByRole('button', { name: 'Fit all' }).click();
    });

    await t.test('screenshot', async () => {
      const p = await pointOf(2, 'visit');
      await page.mouse.click(p.x, p.y);
      await page.getByTestId('details').getByText('Sentence about Blinken visit to Beijing.').waitFor();
      await page.mouse.move(p.x, p.y);
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(results, 'timeline.png') });
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
      assert.match(panel, /3 articles and 1 event added from 1 file; 1 failed/);
      assert.match(panel, /photo\.jpg failed Not a news article/i);
      await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('13 events'));
      assert.match(await canvas.getAttribute('aria-label'), /^Timeline of 13 events/);
      assert.match(await text(page.getByTestId('workspace-counts')), /14 events/);
      await page.screenshot({ path: join(results, 'import-report.png') });
      await page.getByRole('button', { name: 'Show 1 new event' }).click();
      await page.getByTestId('details').getByText('Sentence about BRICS Johannesburg summit.').waitFor();
      const v0 = Number(await canvas.getAttribute('data-view-start'));
      const v1 = Number(await canvas.getAttribute('data-view-end'));
      assert.ok(v0 <= Date.UTC(2023, 7, 22) && v1 >= Date.UTC(2023, 7, 25) && v1 - v0 < 60 * DAY, 'view fits the new event');
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
