// Merge suggestions in headless Chromium: the merge dialog lists actors that are probably the
// same ("Abdullah bin Zayed" and "Abdullah bin Zayed Al Nahyan"), one click merges a pair into the
// busier one, the dialog stays open with the pair gone, and Undo brings it back.
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

const ACTORS = [
  { id: 901, name: 'Abdullah bin Zayed', kind: 'person', country: 'United Arab Emirates', aliases: [], events: 9 },
  { id: 902, name: 'Abdullah bin Zayed Al Nahyan', kind: 'person', country: 'United Arab Emirates', aliases: [], events: 4 },
  { id: 903, name: 'Mevlut Cavusoglu', kind: 'person', country: 'Turkey', aliases: [], events: 1 },
  { id: 904, name: 'Mevlüt Çavuşoğlu', kind: 'person', country: 'Turkey', aliases: [], events: 6 },
  { id: 905, name: 'Abdullah Gul', kind: 'person', country: 'Turkey', aliases: [], events: 2 },
];

test('merge suggestions', { timeout: 120_000 }, async () => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-suggest-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  await page.addInitScript((start) => {
    const m = window.__mock;
    let actors = start;
    const done = [];
    m.handlers.actors = () => actors;
    m.handlers.merge_actors = ({ into, from }) => {
      const gone = actors.filter((a) => from.includes(a.id));
      done.push(gone);
      actors = actors.filter((a) => !from.includes(a.id)).map((a) => (a.id === into ? { ...a, events: a.events + gone.reduce((n, g) => n + g.events, 0) } : a));
      return null;
    };
    m.handlers.undo = () => {
      const gone = done.pop();
      if (!gone) return null;
      actors = [...actors, ...gone];
      return 'Merge actors';
    };
  }, ACTORS);
  const calls = (cmd) => page.evaluate((cmd) => window.__mock.calls.filter((c) => c.cmd === cmd).map((c) => c.args), cmd);
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
    const open = async () => {
      await page.getByTestId('corrections-menu').click();
      await page.getByRole('menuitem', { name: 'Merge or rename actors…' }).click();
    };
    await open();
    const box = page.getByTestId('merge-suggestions');
    await box.waitFor();
    const items = () => box.locator('li').evaluateAll((ls) => ls.map((l) => l.querySelector('.pair').textContent.trim()));
    assert.deepEqual(await items(), [
      'Abdullah bin Zayed Al Nahyan (4) and Abdullah bin Zayed (9)',
      'Mevlut Cavusoglu (1) and Mevlüt Çavuşoğlu (6): the same name',
    ]);
    await box.getByRole('button', { name: 'Merge into Abdullah bin Zayed' }).click();
    await page.getByTestId('status-line').getByText('Merged 1 actor into Abdullah bin Zayed').waitFor();
    assert.deepEqual((await calls('merge_actors')).at(-1), { into: 901, from: [902] });
    // The dialog stays, with the pair gone.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=merge-suggestions] li').length === 1);
    assert.deepEqual(await items(), ['Mevlut Cavusoglu (1) and Mevlüt Çavuşoğlu (6): the same name']);
    await page.keyboard.press('Escape');
    await page.getByTestId('merge-dialog').waitFor({ state: 'detached' });
    // Undo: the pair is suggested again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('status-line').getByText(/Undone/).waitFor();
    await open();
    await box.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=merge-suggestions] li').length === 2);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
