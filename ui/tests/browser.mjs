// Headless Chromium for the UI flows: one page with the mocked IPC installed, collecting
// dialogs and page errors so a test can assert that nothing ran that should not have.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

export const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

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

/**
 * A fresh browser profile and page. `viewport` and `timezoneId` are the test's; the mocked IPC
 * (`mock-ipc.js`) is installed before any page script. Returns the context, the page, the
 * profile folder (remove it after `context.close()`), and the dialogs and errors seen.
 */
export async function openPage({ prefix, viewport, timezoneId }) {
  const profile = await mkdtemp(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: ARGS,
    headless: true,
    viewport,
    deviceScaleFactor: 1,
    timezoneId,
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
  return { context, page, profile, dialogs, pageErrors };
}

/**
 * A Shift-drag across the timeline's canvas (the time brush) through the instants `at`
 * (milliseconds), placed by the view `[v0, v1]` the canvas shows, at its vertical middle.
 */
export async function shiftDrag(page, canvas, [v0, v1], at) {
  const box = await canvas.boundingBox();
  const xOf = (t) => box.x + ((t - v0) / (v1 - v0)) * box.width;
  const y = box.y + box.height / 2;
  await page.keyboard.down('Shift');
  await page.mouse.move(xOf(at[0]), y);
  await page.mouse.down();
  for (const t of at.slice(1)) await page.mouse.move(xOf(t), y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
}
