// Resizable panes in headless Chromium: the splitter beside the side pane and the one above the
// event list move with the pointer and the keyboard, the timeline's canvas follows, and the
// sizes are remembered per workspace (a reload keeps them; another workspace has its own).
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

const width = (page, sel) => page.locator(sel).evaluate((el) => Math.round(el.getBoundingClientRect().width));
const height = (page, sel) => page.locator(sel).evaluate((el) => Math.round(el.getBoundingClientRect().height));

test('resizable panes, remembered per workspace', { timeout: 120_000 }, async (t) => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-panes-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  // A second workspace when the test asks for it (survives the reload through sessionStorage).
  await page.addInitScript(() => {
    const m = window.__mock;
    const base = m.handlers.workspace_info;
    m.handlers.workspace_info = () => ({ ...base(), path: sessionStorage.getItem('test.workspace') ?? base().path });
  });
  const loaded = () => page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
  try {
    await page.goto(server.url);
    await loaded();
    const side0 = await width(page, '#side-pane');
    const canvas0 = await width(page, 'canvas.tl-canvas');

    await t.test('dragging the side splitter widens the side pane; the timeline gives the room', async () => {
      const box = await page.getByTestId('split-side').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + 200);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 - 120, box.y + 200, { steps: 6 });
      await page.mouse.up();
      assert.equal(await width(page, '#side-pane'), side0 + 120);
      await page.waitForFunction((w) => Math.round(document.querySelector('canvas.tl-canvas').getBoundingClientRect().width) <= w - 100, canvas0);
      assert.equal(Number(await page.getByTestId('split-side').getAttribute('aria-valuenow')), side0 + 120);
    });

    await t.test('the list splitter moves with the arrow keys, within bounds', async () => {
      const list0 = await height(page, '#list-pane');
      await page.getByTestId('split-list').focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      assert.equal(await height(page, '#list-pane'), list0 + 32);
      await page.keyboard.press('Home');
      assert.equal(await height(page, '#list-pane'), 80);
      await page.keyboard.press('Shift+ArrowUp');
      assert.equal(await height(page, '#list-pane'), 144);
      // The timeline keeps its 160 px however far the list grows.
      await page.keyboard.press('End');
      const views = await height(page, '.views');
      assert.ok(views - (await height(page, '#list-pane')) >= 160, 'the timeline keeps room');
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Shift+ArrowUp');
      assert.equal(await height(page, '#list-pane'), 208);
    });

    await t.test('a reload keeps the sizes; another workspace has its own', async () => {
      await page.reload();
      await loaded();
      assert.equal(await width(page, '#side-pane'), side0 + 120);
      assert.equal(await height(page, '#list-pane'), 208);
      await page.evaluate(() => sessionStorage.setItem('test.workspace', '/home/analyst/Dateline/other.dateline'));
      await page.reload();
      await loaded();
      assert.equal(await width(page, '#side-pane'), side0);
      assert.notEqual(await height(page, '#list-pane'), 208);
      await page.evaluate(() => sessionStorage.removeItem('test.workspace'));
      await page.reload();
      await loaded();
      assert.equal(await width(page, '#side-pane'), side0 + 120);
    });

    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
