// Headless-Chromium test of the feeds dialog over the built UI with the Tauri IPC mocked: the
// subscriptions with their last update and errors, subscribing, updating now, what changed
// since the analyst last looked (the toolbar's badge), and a feed's words shown only as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { openPage } from './browser.mjs';
import { installDeskMocks } from './desk-mocks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const results = join(here, '..', 'test-results');

const HOSTILE_TITLE = '<img src=x onerror="window.__pwned = 3">Ministry press';

test('the feeds dialog (headless Chromium, mocked IPC)', { timeout: 120_000 }, async (t) => {
  assert.ok(existsSync(join(dist, 'index.html')), 'dist/ missing: run `npm run build`');
  await mkdir(results, { recursive: true });
  const server = await serve(dist);
  const { context, page, profile, dialogs, pageErrors } = await openPage({
    prefix: 'dateline-feeds-',
    viewport: { width: 1440, height: 900 },
    timezoneId: 'UTC',
  });
  await installDeskMocks(page);
  await page.addInitScript(
    ({ hostile }) => {
      const m = window.__mock;
      let nextId = 3;
      const feeds = [
        {
          id: 1, url: 'https://mfa.example/press/rss', title: hostile, every_minutes: 60, added: '2026-03-01T08:00:00Z',
          last_checked: '2026-03-02T09:00:00Z', last_success: '2026-03-02T09:00:00Z', last_error: null, failures: 0,
          next_due: '2026-03-02T10:00:00Z', items: 2,
        },
        {
          id: 2, url: 'https://envoy.example/atom', title: null, every_minutes: 1440, added: '2026-03-01T08:00:00Z',
          last_checked: '2026-03-02T09:00:00Z', last_success: null, last_error: 'more than 5 redirects (a redirect loop?)',
          failures: 2, next_due: '2026-03-02T09:10:00Z', items: 0,
        },
      ];
      let changes = [
        { event_id: 2, change: 'new', before: null, after: null, label: 'Blinken visit to Beijing', update_id: 1 },
      ];
      // Copies, as IPC gives: the page never holds the mock's own objects.
      m.handlers.list_feeds = () => structuredClone(feeds);
      m.handlers.changes_since_seen = () => structuredClone(changes);
      m.handlers.mark_seen = () => ((changes = []), null);
      m.handlers.add_feed = ({ url, everyMinutes }) => {
        if (!url.startsWith('http')) throw { code: 'invalid', message: `not a web address Dateline fetches (http or https only): ${url}` };
        const f = { id: nextId++, url, title: null, every_minutes: everyMinutes, added: '2026-03-12T08:00:00Z', last_checked: null,
          last_success: null, last_error: null, failures: 0, next_due: '2026-03-12T08:00:00Z', items: 0 };
        feeds.push(f);
        return f;
      };
      let folders = [];
      m.handlers.watched_folders = () => [...folders];
      m.handlers.watch_folder = ({ path }) => ((folders = [...new Set([...folders, path])].sort()), [...folders]);
      m.handlers.unwatch_folder = ({ path }) => ((folders = folders.filter((f) => f !== path)), [...folders]);
      m.handlers.choose_open_paths = () => ['/home/analyst/clippings'];
      m.handlers.remove_feed = ({ id }) => feeds.splice(feeds.findIndex((f) => f.id === id), 1)[0];
      m.handlers.update_feeds = () => {
        feeds[0] = { ...feeds[0], items: 3, last_success: '2026-03-11T18:00:00Z' };
        feeds[1] = { ...feeds[1], failures: 3 };
        changes = [
          ...changes,
          { event_id: 3, change: 'status', before: 'planned', after: 'occurred', label: 'Biden – Modi meeting', update_id: 2 },
        ];
        return {
          feeds: [
            { feed_id: 1, url: feeds[0].url, result: 'read', new_items: 1, message: null },
            { feed_id: 2, url: feeds[1].url, result: 'failed', new_items: 0, message: 'more than 5 redirects (a redirect loop?)' },
          ],
          import: { files: [{ path: 'https://mfa.example/press/varga', status: 'imported', articles: 1, reason: null }], articles_added: 1, events_added: 1 },
          changes: changes.slice(-1),
        };
      };
    },
    { hostile: HOSTILE_TITLE },
  );
  const calls = (cmd) => page.evaluate((cmd) => window.__mock.calls.filter((c) => c.cmd === cmd).map((c) => c.args), cmd);
  const dialog = page.getByTestId('feeds-dialog');

  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));

    await t.test('the badge counts what is new since the analyst last looked', async () => {
      await page.getByTestId('feeds-badge').waitFor();
      assert.equal(await page.getByTestId('feeds-badge').innerText(), '1');
    });

    await t.test('subscriptions show their last update and errors, as text', async () => {
      await page.getByTestId('feeds-button').click();
      await dialog.getByTestId('feed').first().waitFor();
      const rows = await dialog.getByTestId('feed').allInnerTexts();
      assert.equal(rows.length, 2);
      assert.ok(rows[0].includes(HOSTILE_TITLE), rows[0]);
      assert.match(rows[0], /Last update: 2 Mar 2026, 09:00 UTC · 2 items/);
      assert.match(rows[1], /Last update: never · 0 items/);
      assert.equal(await dialog.getByTestId('feed-error').innerText(), 'Failed 2 times in a row: more than 5 redirects (a redirect loop?)');
      assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
      assert.equal(await dialog.locator('img').count(), 0, 'a feed title is never markup');
      assert.match(await dialog.getByTestId('feed-changes').innerText(), /1 new event, 0 changed/);
    });

    await t.test('subscribing: a bad address is refused with its reason, a good one listed', async () => {
      await dialog.getByTestId('feed-url').fill('ftp://files.example/feed');
      await dialog.getByRole('button', { name: 'Subscribe', exact: true }).click();
      await dialog.getByTestId('feeds-error').waitFor();
      assert.match(await dialog.getByTestId('feeds-error').innerText(), /http or https only/);
      assert.equal(await dialog.getByTestId('feed').count(), 2);
      await dialog.getByTestId('feed-url').fill('https://kremlin.example/en/rss');
      await dialog.getByTestId('feed-every').selectOption({ label: 'every 6 hours' });
      await dialog.getByRole('button', { name: 'Subscribe', exact: true }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=feed]').length === 3);
      assert.deepEqual((await calls('add_feed')).at(-1), { url: 'https://kremlin.example/en/rss', everyMinutes: 360 });
      assert.equal(await dialog.getByTestId('feed-url').inputValue(), '');
      await dialog.getByRole('button', { name: 'Unsubscribe from https://kremlin.example/en/rss' }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=feed]').length === 2);
      assert.deepEqual((await calls('remove_feed')).at(-1), { id: 3 });
    });

    await t.test('a folder is watched, listed, and no longer watched', async () => {
      await dialog.getByTestId('watch-folder').click();
      await dialog.getByTestId('watched-folder').waitFor();
      assert.equal(await dialog.getByTestId('watched-folder').locator('.url').innerText(), '/home/analyst/clippings');
      const open = (await calls('choose_open_paths')).at(-1);
      assert.deepEqual(open, { directory: true, multiple: false, filters: [] });
      assert.deepEqual((await calls('watch_folder')).at(-1), { path: '/home/analyst/clippings' });
      await dialog.getByRole('button', { name: 'Stop watching /home/analyst/clippings' }).click();
      await dialog.getByTestId('watched-folder').waitFor({ state: 'detached' });
      assert.deepEqual((await calls('unwatch_folder')).at(-1), { path: '/home/analyst/clippings' });
    });

    await t.test('update now: the summary, the events reloaded, the changed event marked', async () => {
      const lists = (await calls('list_events')).length;
      await dialog.getByTestId('feeds-update').click();
      await dialog.getByTestId('feeds-summary').waitFor();
      assert.equal(await dialog.getByTestId('feeds-summary').innerText(), '1 article imported · 1 failed');
      await page.waitForFunction((n) => window.__mock.calls.filter((c) => c.cmd === 'list_events').length > n, lists);
      const marks = await dialog.getByTestId('feed-change').allInnerTexts();
      assert.deepEqual(marks.map((s) => s.replace(/\s+/g, ' ').trim()), [
        'Blinken visit to Beijing new',
        'Biden – Modi meeting status planned → occurred',
      ]);
      assert.match(await dialog.getByTestId('feed-error').innerText(), /^Failed 3 times in a row/);
      await page.screenshot({ path: join(results, 'feeds-dialog.png') });
    });

    await t.test('the new-since filter shows only the new and changed events', async () => {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('feeds-badge').innerText(), '2');
      const chip = page.getByTestId('filter-new');
      assert.match(await chip.innerText(), /New since you last looked\s*2/);
      await chip.click();
      await page.waitForFunction(() => /^2 events on the timeline/.test(document.querySelector('[data-testid=event-count]')?.textContent ?? ''));
      assert.equal(await chip.getAttribute('aria-pressed'), 'true');
      // The list marks each row with what changed, its before and after on hover (as text).
      const rows = page.getByTestId('event-rows').getByTestId('row-change');
      const marks = await rows.evaluateAll((els) => els.map((el) => `${el.textContent} | ${el.getAttribute('title')}`).sort());
      assert.deepEqual(marks, ['Changed | Status: planned → occurred', 'New | New since you last looked']);
      await chip.click();
      await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
    });

    await t.test('marking all as seen clears the marks and the badge', async () => {
      await page.getByTestId('feeds-button').click();
      await dialog.getByTestId('feeds-mark-seen').waitFor();
      await dialog.getByTestId('feeds-mark-seen').click();
      await dialog.getByText('Nothing new.').waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('feeds-badge').waitFor({ state: 'detached' });
      await page.getByTestId('filter-new').waitFor({ state: 'detached' });
      assert.equal((await calls('mark_seen')).length, 1);
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
