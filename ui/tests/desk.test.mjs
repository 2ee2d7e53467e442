// Headless-Chromium tests of the desk (graph, reader, corrections, exports, workspace) over the
// built UI with the Tauri IPC mocked. The mocks implement the shared contract's [store] and
// [graph] commands, which the real backend of this branch does not have yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { executablePath, openPage } from './browser.mjs';
import { idOf, installDeskMocks } from './desk-mocks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const results = join(here, '..', 'test-results');

/** The whole workspace as the app sends it (a `Selection`). */
const WHOLE = { from: null, to: null, actors: [], countries: [], kinds: [], statuses: [], sources: [], text: null, unseen: false, deleted: false };

test('the desk (headless Chromium, mocked IPC)', { timeout: 120_000 }, async (t) => {
  assert.ok(existsSync(join(dist, 'index.html')), 'dist/ missing: run `npm run build`');
  await mkdir(results, { recursive: true });
  const server = await serve(dist);
  const { context, page, profile, dialogs, pageErrors } = await openPage({
    prefix: 'dateline-desk-',
    viewport: { width: 1440, height: 900 },
    timezoneId: 'UTC',
  });

  await installDeskMocks(page);

  const calls = (cmd) => page.evaluate((cmd) => window.__mock.calls.filter((c) => c.cmd === cmd).map((c) => c.args), cmd);
  const count = page.getByTestId('event-count');
  const status = page.getByTestId('status-line');

  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));

    await t.test('the graph renders; clicking an actor filters the timeline', async () => {
      const box = page.getByTestId('graph-canvas');
      await page.waitForFunction(() => Object.keys(JSON.parse(document.querySelector('[data-testid=graph-canvas]')?.dataset.positions ?? '{}')).length > 0);
      assert.match(await page.getByTestId('graph').innerText(), /\d+ actors · \d+ links/);
      assert.equal(await page.getByTestId('graph-limited').count(), 0, 'a small graph is drawn whole');
      const positions = JSON.parse(await box.getAttribute('data-positions'));
      const b = await box.boundingBox();
      const blinken = idOf('Antony Blinken');
      const [x, y] = positions[blinken];
      await page.mouse.click(b.x + x, b.y + y);
      await page.getByTestId('graph-selection').getByText('Antony Blinken').waitFor();
      await page.waitForFunction(() => /^3 events on the timeline/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
      assert.deepEqual((await calls('graph_ego')).at(-1), { actor: blinken, hops: 1, selection: WHOLE });
      assert.match(await page.locator('canvas.tl-canvas').getAttribute('aria-label'), /^Timeline of 3 events/);
      await page.screenshot({ path: join(results, 'graph-ego.png') });

      // Shift-click a second actor: the shortest path.
      const xi = idOf('Xi Jinping');
      const cav = idOf('Mevlüt Çavuşoğlu');
      const [cx, cy] = positions[cav];
      await page.mouse.click(b.x + cx, b.y + cy);
      await page.keyboard.down('Shift');
      const [xx, xy] = positions[xi];
      await page.mouse.click(b.x + xx, b.y + xy);
      await page.keyboard.up('Shift');
      await page.getByTestId('graph-path').waitFor();
      assert.deepEqual((await calls('graph_path')).at(-1), { from: cav, to: xi, selection: WHOLE });
      assert.equal((await page.getByTestId('graph-path').innerText()).trim(), 'Path: Mevlüt Çavuşoğlu → Antony Blinken → Xi Jinping');
      await page.screenshot({ path: join(results, 'graph-path.png') });
      await page.getByTestId('graph-selection').getByRole('button', { name: 'Clear' }).click();
      await page.waitForFunction(() => /^12 events/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
    });

    await t.test('a participant in the details filters the timeline by that actor', async () => {
      await page.getByRole('button', { name: 'Next event' }).click();
      const details = page.getByTestId('details');
      await details.getByText('Sentence about Scholz visit to Paris.').waitFor();
      assert.match(await details.innerText(), /2023-01-17 – 2023-01-19 \(1 source\)/);
      assert.match(await details.innerText(), /2 articles \(Wire\)/);
      await details.getByTestId('participant').filter({ hasText: 'Olaf Scholz' }).click();
      await page.waitForFunction(() => /^1 event on the timeline/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
      await page.getByTestId('graph-selection').getByRole('button', { name: 'Clear' }).click();
      await page.waitForFunction(() => /^12 events/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
    });

    await t.test('the reader shows the article as text with the sentence highlighted; its markup runs nothing', async () => {
      await page.getByTestId('evidence-sentence').click();
      const mark = page.getByTestId('reader-mark');
      await mark.waitFor();
      assert.equal(await mark.innerText(), 'Sentence about Scholz visit to Paris.');
      const text = await page.getByTestId('reader-text').innerText();
      assert.ok(text.startsWith('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> 👋🏽 外交部 said: '), text);
      assert.equal(await page.locator('[data-testid=reader] img').count(), 0);
      assert.equal(await page.locator('[data-testid=reader] script').count(), 0);
      assert.equal(await page.locator('[data-testid=reader-text] *').count(), 1, 'only the <mark>');
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      await page.screenshot({ path: join(results, 'reader.png') });
      await page.getByRole('button', { name: 'Close article' }).click();
      await page.getByTestId('graph').waitFor();
    });

    await t.test('edit an event: update_event gets the patch; Ctrl+Z undoes, Ctrl+Shift+Z redoes', async () => {
      const details = page.getByTestId('details');
      await details.getByRole('button', { name: 'Edit' }).click();
      const form = page.getByTestId('event-editor');
      await form.locator('select[name=status]').selectOption('planned');
      await form.locator('input[name=place]').fill('Strasbourg');
      await form.locator('textarea[name=participants]').fill('Olaf Scholz\nEmmanuel Macron');
      await form.getByRole('button', { name: 'Save' }).click();
      await status.getByText('Event saved').waitFor();
      assert.deepEqual((await calls('update_event')).at(-1), {
        id: 9,
        patch: { kind: null, status: 'planned', start: null, end: null, precision: null, place: 'Strasbourg', country: null, participants: ['Olaf Scholz', 'Emmanuel Macron'] },
      });
      await details.getByText('Edited').waitFor();
      assert.match(await details.innerText(), /Strasbourg, France/);
      await page.screenshot({ path: join(results, 'edited.png') });

      // Out of the form's text fields, so that Ctrl+Z is the app's undo, not the field's.
      await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
      await page.keyboard.press('Control+z');
      await status.getByText('Undone: Edit event 9').waitFor();
      assert.equal((await calls('undo')).length, 1);
      await page.waitForFunction(() => !document.querySelector('[data-testid=details]')?.textContent?.includes('Strasbourg'));
      await page.keyboard.press('Control+Shift+Z');
      await status.getByText('Redone: Edit event 9').waitFor();
      assert.equal((await calls('redo')).length, 1);
      await page.getByRole('button', { name: 'Undo' }).click();
      await status.getByText('Undone: Edit event 9').waitFor();
    });

    await t.test('delete, then restore from the deleted list', async () => {
      await page.getByTestId('details').getByRole('button', { name: 'Delete' }).click();
      await status.getByText(/Event deleted/).waitFor();
      assert.deepEqual((await calls('delete_event')).at(-1), { id: 9 });
      await page.waitForFunction(() => /^11 events/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
      await page.getByTestId('corrections-menu').click();
      await page.getByRole('menuitem', { name: 'Deleted events…' }).click();
      const dlg = page.getByTestId('deleted-dialog');
      await dlg.getByText('Scholz visit to Paris').waitFor();
      await dlg.getByRole('button', { name: 'Restore' }).click();
      await dlg.getByText('No deleted events.').waitFor();
      assert.deepEqual((await calls('restore_event')).at(-1), { id: 9 });
      await page.waitForFunction(() => /^12 events/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
      await dlg.getByRole('button', { name: 'Close deleted events' }).click();
    });

    await t.test('merge and rename actors', async () => {
      await page.getByTestId('corrections-menu').click();
      await page.getByRole('menuitem', { name: 'Merge or rename actors…' }).click();
      const dlg = page.getByTestId('merge-dialog');
      await dlg.getByRole('button', { name: 'Rename Joe Biden' }).click();
      await dlg.getByLabel('New name for Joe Biden').fill('Joseph R. Biden');
      await dlg.getByRole('button', { name: 'Rename', exact: true }).click();
      await status.getByText('Renamed to Joseph R. Biden').waitFor();
      assert.deepEqual((await calls('rename_actor')).at(-1), { id: idOf('Joe Biden'), name: 'Joseph R. Biden' });
      await dlg.getByRole('button', { name: 'Split off Tony Blinken from Antony Blinken' }).click();
      await status.getByText('Split Tony Blinken off').waitFor();
      assert.deepEqual((await calls('split_actor')).at(-1), { id: idOf('Antony Blinken'), alias: 'Tony Blinken' });
      await dlg.getByLabel('Keep Antony Blinken').check();
      await dlg.getByLabel('Merge Xi Jinping').check();
      await dlg.getByRole('button', { name: /^Merge 1 into Antony Blinken/ }).click();
      await status.getByText('Merged 1 actor into Antony Blinken').waitFor();
      assert.deepEqual((await calls('merge_actors')).at(-1), { into: idOf('Antony Blinken'), from: [idOf('Xi Jinping')] });
    });

    await t.test('export dialog: export_image gets the options', async () => {
      await page.evaluate(() => (window.__savePath = '/tmp/out/timeline.png'));
      await page.getByTestId('export-image').click();
      const dlg = page.getByTestId('export-dialog');
      await dlg.getByLabel('2×').check();
      await dlg.locator('input[name=title]').fill('Summer diplomacy');
      await dlg.locator('select[name=lanes]').selectOption('actor');
      await page.screenshot({ path: join(results, 'export-dialog.png') });
      await dlg.getByRole('button', { name: 'Export…' }).click();
      await status.getByText('Exported timeline.png').waitFor();
      // "Current view" (the default) sends the timeline's visible window, as inclusive days.
      const sent = (await calls('export_image')).at(-1);
      const { from, to, ...rest } = sent.options;
      assert.match(from, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(to, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(from < to, `${from} .. ${to}`);
      assert.deepEqual(
        { path: sent.path, options: rest },
        {
          path: '/tmp/out/timeline.png',
          // Lanes other than the screen's: the image ranks its own (no order sent).
          options: { lanes: 'actor', lane_order: null, width: 1600, scale: 2, title: 'Summer diplomacy', subtitle: null, dark: false, selection: WHOLE },
        },
      );
      assert.equal(await dlg.count(), 0, 'the dialog closes');
      // "Whole range" sends no window.
      await page.getByTestId('export-image').click();
      await dlg.getByLabel('Whole range').check();
      await dlg.getByRole('button', { name: 'Export…' }).click();
      await page.waitForFunction(() => !document.querySelector('[data-testid=export-dialog]'));
      const whole = (await calls('export_image')).at(-1).options;
      assert.deepEqual([whole.from, whole.to], [null, null]);
    });

    await t.test('export dialog opens with the lanes shown on screen', async () => {
      await page.getByTestId('lane-by').selectOption('country');
      await page.getByTestId('export-image').click();
      const dlg = page.getByTestId('export-dialog');
      assert.equal(await dlg.locator('select[name=lanes]').inputValue(), 'country');
      // The screen's lanes go along in their order.
      const screenLanes = await page.locator('.tl-lane-label .tl-lane-name').allInnerTexts();
      assert.ok(screenLanes.length >= 3, screenLanes.join(', '));
      await dlg.getByRole('button', { name: 'Export…' }).click();
      await page.waitForFunction(() => !document.querySelector('[data-testid=export-dialog]'));
      const sent = (await calls('export_image')).at(-1).options;
      assert.equal(sent.lanes, 'country');
      assert.deepEqual(sent.lane_order, screenLanes);
      await page.getByTestId('lane-by').selectOption('type');
      await page.getByTestId('export-image').click();
      assert.equal(await dlg.locator('select[name=lanes]').inputValue(), 'type');
      await dlg.getByRole('button', { name: 'Cancel' }).click();
      assert.equal(await dlg.count(), 0);
    });

    await t.test('data export menu: export_data with the format', async () => {
      await page.evaluate(() => (window.__savePath = '/tmp/out/events.graphml'));
      await page.getByTestId('data-menu').click();
      await page.getByRole('menuitem', { name: 'GraphML (actor graph)…' }).click();
      await status.getByText('Exported events.graphml').waitFor();
      assert.deepEqual((await calls('export_data')).at(-1), {
        path: '/tmp/out/events.graphml',
        format: 'graphml',
        selection: WHOLE,
      });
    });

    await t.test('workspace menu: recent workspaces open', async () => {
      await page.getByTestId('workspace-menu').click();
      await page.getByRole('menuitem', { name: 'archive-2019.dateline' }).click();
      await status.getByText('Opened archive-2019.dateline').waitFor();
      assert.deepEqual((await calls('open_workspace')).at(-1), { path: '/home/analyst/Dateline/archive-2019.dateline' });
    });

    await t.test('workspace menu: Open… asks the Rust side for a workspace, then opens the answer', async () => {
      await page.evaluate(() => (window.__mock.handlers.choose_open_paths = () => ['/home/analyst/Dateline/picked.dateline']));
      await page.getByTestId('workspace-menu').click();
      await page.getByRole('menuitem', { name: 'Open…' }).click();
      await status.getByText('Opened picked.dateline').waitFor();
      assert.deepEqual((await calls('choose_open_paths')).at(-1), {
        directory: false,
        multiple: false,
        filters: [{ name: 'Dateline workspace', extensions: ['dateline'] }],
      });
      assert.deepEqual((await calls('open_workspace')).at(-1), { path: '/home/analyst/Dateline/picked.dateline' });
    });

    await t.test('a large graph says how much of it is drawn', async () => {
      await page.evaluate(() => {
        const m = window.__mock;
        const whole = m.handlers.actor_graph;
        m.handlers.actor_graph = (args) => ({ ...whole(args), total_nodes: 4999, total_edges: 20000 });
      });
      // Opening a workspace reloads the graph.
      await page.getByTestId('workspace-menu').click();
      await page.getByRole('menuitem', { name: 'archive-2019.dateline' }).click();
      const note = page.getByTestId('graph-limited');
      await note.waitFor();
      assert.match(await note.innerText(), /^\d+ of 4,999 actors · \d+ of 20,000 links$/);
    });

    await t.test('Files… offers the readable file types first, then all files', async () => {
      await page.evaluate(() => (window.__mock.handlers.choose_open_paths = () => null));
      await page.getByTestId('import-menu').click();
      await page.getByRole('menuitem', { name: 'Files…' }).click();
      await page.waitForFunction(() => window.__mock.calls.some((c) => c.cmd === 'choose_open_paths'));
      // The Rust side opens the dialog (and records the answer): the page never calls the plugin.
      const open = (await calls('choose_open_paths')).at(-1);
      assert.equal((await calls('plugin:dialog|open')).length, 0);
      assert.equal(open.directory, false);
      assert.equal(open.multiple, true);
      assert.match(open.filters[0].name, /^News articles/);
      for (const ext of ['html', 'pdf', 'docx', 'eml', 'zip']) assert.ok(open.filters[0].extensions.includes(ext), ext);
      assert.deepEqual(open.filters[1], { name: 'All files', extensions: ['*'] });
    });

    await t.test('import from the open dialog shows progress and can be cancelled', async () => {
      await page.evaluate(() => {
        const m = window.__mock;
        let release;
        const gate = new Promise((r) => (release = r));
        m.handlers.choose_open_paths = () => ['/home/analyst/news'];
        m.handlers.cancel_import = () => (release(), null);
        m.handlers.import_paths = async ({ paths }) => {
          await gate;
          return { files: [{ path: paths[0] + '/a.html', status: 'imported', articles: 1, reason: null }], articles_added: 1, events_added: 0 };
        };
      });
      await page.getByTestId('import-menu').click();
      await page.getByRole('menuitem', { name: 'Folder…' }).click();
      await page.getByTestId('import-progress').waitFor();
      const open = (await calls('choose_open_paths')).at(-1);
      assert.deepEqual(open, { directory: true, multiple: false, filters: [] });
      assert.deepEqual((await calls('import_paths')).at(-1), { paths: ['/home/analyst/news'] });
      await page.getByRole('button', { name: 'Cancel import' }).click();
      await page.getByTestId('import-summary').waitFor();
      assert.equal((await calls('cancel_import')).length, 1);
      await page.getByRole('button', { name: 'Dismiss import report' }).click();
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

