// Accessibility in headless Chromium: axe-core (the npm package, run inside the page) finds no
// violation of WCAG 2.2 A/AA (nor of its best practices) in the desk's views and dialogs, in both
// themes; and the keyboard: skip links reach each view, dialogs take focus, keep it and give
// it back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { openPage } from './browser.mjs';
import { installDeskMocks } from './desk-mocks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Violations on the page now, of any impact (the issue asks for no serious or critical one;
 * the desk has none of the moderate or minor ones either), as "rule: target (summary)" lines. */
async function violations(page) {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays in force
  // for the app, and axe needs no script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] }),
  );
  return result.violations
        .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('').trim()}`));
}

test('accessibility (axe-core, keyboard)', { timeout: 120_000 }, async (t) => {
  const server = await serve(dist);
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-a11y-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  await installDeskMocks(page);
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('[data-testid=event-count]')?.textContent?.includes('12 events'));
    await page.waitForFunction(() => Object.keys(JSON.parse(document.querySelector('[data-testid=graph-canvas]')?.dataset.positions ?? '{}')).length > 0);

    await t.test('the first Tab on the page reaches the skip links', async () => {
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to the timeline');
      assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0), 'shown when focused');
    });

    await t.test('the desk, light and dark: no serious or critical violation', async () => {
      assert.deepEqual(await violations(page), []);
      await page.getByTestId('theme-toggle').click();
      assert.deepEqual(await violations(page), []);
      await page.getByTestId('theme-toggle').click();
    });

    await t.test('an event selected, its details and the article', async () => {
      await page.getByRole('button', { name: 'Next event' }).click();
      await page.getByTestId('evidence-sentence').waitFor();
      assert.deepEqual(await violations(page), []);
      await page.getByTestId('evidence-sentence').click();
      await page.getByTestId('reader-mark').waitFor();
      assert.deepEqual(await violations(page), []);
      await page.getByRole('button', { name: 'Close article' }).click();
    });

    for (const [name, open] of [
      ['export dialog', async () => page.getByTestId('export-image').click()],
      ['merge dialog', async () => (await page.getByTestId('corrections-menu').click(), page.getByRole('menuitem', { name: 'Merge or rename actors…' }).click())],
    ]) {
      await t.test(`the ${name}: no violation; it takes focus, keeps it and gives it back`, async () => {
        const opener = await open();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus is in the dialog');
        assert.deepEqual(await violations(page), []);
        // Forty Tabs, forwards then back: focus never leaves the dialog.
        for (const key of ['Tab', 'Shift+Tab']) {
          for (let i = 0; i < 40; i++) {
            await page.keyboard.press(key);
            assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), `${key} ×${i + 1} stays in the dialog`);
          }
        }
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        const back = await page.evaluate(() => document.activeElement?.textContent?.trim());
        assert.match(back ?? '', name === 'export dialog' ? /^Export image/ : /^Corrections/, 'focus returns to the opener');
        void opener;
      });
    }

    await t.test("keyboard: the graph's actor list is one Tab stop, arrows move, Enter selects, Enter again clears", async () => {
      const first = page.locator('.actors button.actor').first();
      await first.focus();
      assert.equal(await page.locator('.actors button.actor[tabindex="0"]').count(), 1, 'one Tab stop');
      await page.keyboard.press('ArrowDown');
      const name = await page.evaluate(() => document.activeElement?.querySelector('.side-name')?.textContent);
      assert.ok(name && name !== (await first.locator('.side-name').textContent()), 'focus moved down the list');
      await page.keyboard.press('Enter');
      await page.getByTestId('graph-selection').getByText(name).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed')), 'true');
      await page.keyboard.press('Enter');
      await page.getByTestId('graph-selection').waitFor({ state: 'detached' });
    });

    await t.test('skip links reach each view in one or two key presses', async () => {
      const targets = await page.locator('.skip-links a').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
      assert.ok(targets.length >= 4, JSON.stringify(targets));
      for (const [text, href] of targets) {
        await page.locator('.skip-links a').first().focus();
        // Tab through the skip links to this one, then follow it.
        while ((await page.evaluate(() => document.activeElement?.textContent?.trim())) !== text) await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        const inside = await page.evaluate((id) => document.querySelector(id)?.contains(document.activeElement), href);
        assert.ok(inside, `${text}: focus moves into ${href}`);
      }
    });

    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
