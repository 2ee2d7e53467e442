// The TimelineJS export loads in TimelineJS3 itself (the npm package's own build) in headless
// Chromium: the file the Rust exporter writes for samples/ (`cargo test -p dateline` regenerates
// tests/generated/samples.timelinejs.json) makes a timeline with one slide per event plus the
// title slide, the title counts those slides, and a slide shows its linked source and sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const fixture = join(here, 'generated', 'samples.timelinejs.json');

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script></head>
<body><div id="timeline" style="width: 1200px; height: 700px"></div><script src="/run.js"></script></body></html>`;
const RUN = `fetch('/data.json').then((r) => r.json()).then((data) => {
  window.__timeline = new TL.Timeline('timeline', data, { hash_bookmark: false, start_at_slide: 0 });
  window.__timeline.on('loaded', () => (window.__loaded = true));
});`;

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html' };

function serve() {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      let body;
      let type = 'text/html';
      if (path === '/') body = PAGE;
      else if (path === '/run.js') (body = RUN), (type = TYPES['.js']);
      else if (path === '/data.json') (body = await readFile(fixture)), (type = TYPES['.json']);
      else if (path.startsWith('/tl/')) {
        const file = normalize(join(dist, decodeURIComponent(path.slice(4))));
        if (!file.startsWith(dist + sep)) throw new Error('outside');
        body = await readFile(file);
        type = TYPES[extname(file)] ?? 'application/octet-stream';
      } else throw new Error('not found');
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the TimelineJS export loads in TimelineJS3', { timeout: 60_000 }, async () => {
  const data = JSON.parse(await readFile(fixture, 'utf8'));
  const slides = data.events.length;
  assert.ok(slides > 10, `slides in the fixture: ${slides}`);
  const server = await serve();
  const { context, page, profile, pageErrors } = await openPage({ prefix: 'dateline-tljs-', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.__loaded === true, null, { timeout: 30_000 });
    // TimelineJS made one slide per event and one for the title.
    assert.equal(await page.locator('.tl-slide').count(), slides + 1);
    assert.equal(await page.evaluate(() => window.__timeline.config.events.length), slides);
    const title = await page.locator('.tl-slide-titleslide').innerText();
    assert.match(title, new RegExp(`${slides} events from \\d+ articles`));
    // The first event: its headline, its source and the quoted evidence sentence.
    await page.evaluate(() => window.__timeline.goTo(1));
    const first = page.locator('.tl-slide').nth(1);
    await page.waitForTimeout(300);
    const shown = await first.innerText();
    assert.ok(shown.includes(data.events[0].text.headline.replace(/&#39;/g, "'").replace(/&amp;/g, '&')), shown);
    assert.match(shown, /Source: /);
    assert.ok((await first.locator('blockquote').count()) >= 1, 'the evidence sentence is quoted');
    assert.deepEqual(pageErrors.filter((e) => !/Failed to load resource/.test(e)), []);
  } finally {
    await context.close();
    server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
