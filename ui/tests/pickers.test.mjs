// The actor filter in headless Chromium: actors grouped by country with their event counts, a
// find box that narrows the picker (case and accents folded) and keeps the chosen actor; the
// country picker, with its counts, searchable the same way.
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
const COUNTRIES = { 'Antony Blinken': 'United States', 'Joe Biden': 'United States', 'Xi Jinping': 'China', 'Mevlüt Çavuşoğlu': 'Turkey' };

test('the actor picker', { timeout: 120_000 }, async () => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-pickers-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  await page.addInitScript((countries) => {
    const m = window.__mock;
    const base = m.handlers.actors;
    m.handlers.actors = () => base().map((a) => ({ ...a, country: countries[a.name] ?? null }));
  }, COUNTRIES);
  const groups = () =>
    page.getByTestId('filter-actor').evaluate((s) => [...s.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent.trim())]));
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=filter-actor] optgroup').length > 1);
    const all = await groups();
    assert.deepEqual(all.map(([c]) => c).slice(0, 3), ['China', 'Turkey', 'United States']);
    assert.equal(all.at(-1)[0], 'No country');
    assert.deepEqual(all.find(([c]) => c === 'United States')[1], ['Antony Blinken (3)', 'Joe Biden (1)']);
    // Find: folded, by name or country.
    await page.getByTestId('filter-actor-find').fill('cavus');
    assert.deepEqual(await groups(), [['Turkey', ['Mevlüt Çavuşoğlu (1)']]]);
    assert.equal(await page.getByTestId('filter-actor').locator('option').first().textContent(), 'Any (1 found)');
    await page.getByTestId('filter-actor-find').fill('united');
    await page.getByTestId('filter-actor').selectOption({ label: 'Antony Blinken (3)' });
    await page.waitForFunction(() => document.querySelector('[data-testid=filter-count]')?.textContent?.includes('3 of 13 events'));
    // The chosen actor stays in the picker whatever is typed next.
    await page.getByTestId('filter-actor-find').fill('xi');
    assert.deepEqual(await groups(), [['China', ['Xi Jinping (1)']], ['United States', ['Antony Blinken (3)']]]);
    assert.equal(await page.getByTestId('filter-actor').inputValue(), String(idOf('Antony Blinken')));

    // The country picker: searchable the same way, with its counts.
    await page.getByTestId('filter-actor-find').fill('');
    await page.getByTestId('filter-actor').selectOption({ value: '' });
    await page.waitForFunction(() => document.querySelector('[data-testid=filter-count]')?.textContent?.trim() === '');
    const countries = () => page.getByTestId('filter-country').locator('option').allTextContents();
    const every = await countries();
    assert.equal(every[0], 'Any');
    assert.ok(every.includes('China (2)') && every.includes('United Arab Emirates (1)'), every.join(', '));
    await page.getByTestId('filter-country-find').fill('UNITED arab');
    assert.deepEqual(await countries(), ['Any (1 found)', 'United Arab Emirates (1)']);
    await page.getByTestId('filter-country').selectOption({ label: 'United Arab Emirates (1)' });
    await page.waitForFunction(() => document.querySelector('[data-testid=filter-count]')?.textContent?.includes('1 of 13 events'));
    // The chosen country stays whatever is typed next.
    await page.getByTestId('filter-country-find').fill('chin');
    assert.deepEqual((await countries()).slice(1).sort(), ['China (2)', 'United Arab Emirates (1)']);
    assert.equal(await page.getByTestId('filter-country').inputValue(), 'United Arab Emirates');
    await page.getByTestId('filter-country-find').fill('');
    await page.getByTestId('filter-country').selectOption({ value: '' });
    await page.waitForFunction(() => document.querySelector('[data-testid=filter-count]')?.textContent?.trim() === '');
    assert.equal((await countries()).length, every.length);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
