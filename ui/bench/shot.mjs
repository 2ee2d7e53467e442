// Screenshot helper: node bench/shot.mjs URL OUT.png [width height]
import { chromium } from 'playwright-core';
const [url, out, w = '1440', h = '860'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await b.newPage({ viewport: { width: Number(w), height: Number(h) }, deviceScaleFactor: Number(process.env.DPR ?? 1) });
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(url);
  await page.waitForTimeout(Number(process.env.WAIT ?? 3000));
  if (process.env.KEYS) {
    await page.locator('canvas.tl-canvas').focus();
    for (const k of process.env.KEYS.split(',')) await page.keyboard.press(k);
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: out });
} finally {
  await b.close();
}
