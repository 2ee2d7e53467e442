// The real Dateline app, end to end: tauri-driver + WebKitWebDriver under Xvfb (`make test-e2e`).
// A fresh workspace; a drop a script fakes in the page imports nothing; a folder of sample
// articles dragged from another window (a real X drop) is imported, its events appear, and
// selecting one shows its source sentence. Later folders come in through the Import menu's open
// dialog (answered, in this build, from a file the test writes).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, mkdirSync, rmSync, existsSync, readFileSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, Key, until } from 'selenium-webdriver';
import { dragFromAnotherWindow, fakeDropInPage, waitForPort } from './tauri.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/dateline-target');
const app = join(target, 'debug/dateline-app');

// tauri-driver's port and WebKitWebDriver's (4444/4445 by default; another free pair with
// DATELINE_E2E_PORT, e.g. when a stray driver holds 4444).
const port = Number(process.env.DATELINE_E2E_PORT ?? 4444);
let driverProcess;
let driverLog;
let driver;
let work;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'dateline-e2e-'));
  mkdirSync(join(work, 'articles'));
  mkdirSync(join(work, 'out'));
  copyFileSync(join(root, 'samples/01-call-readout.txt'), join(work, 'articles/call.txt'));
  copyFileSync(join(root, 'samples/12-weekly-roundup.md'), join(work, 'articles/roundup.md'));
  // The driver's own output (WebKitWebDriver's backtraces when the app quits) goes to a log
  // file beside the screenshots, not to the test's output.
  mkdirSync(join(here, 'test-results'), { recursive: true });
  driverLog = openSync(join(here, 'test-results', 'tauri-driver.log'), 'w');
  driverProcess = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
    stdio: ['ignore', driverLog, driverLog],
    env: {
      ...process.env,
      DATELINE_WORKSPACE: join(work, 'ws.dateline'),
      // The export's save dialog is native (out of WebDriver's reach): the app built with the
      // `e2e` feature (`make test-e2e`) takes this folder instead.
      DATELINE_TEST_SAVE_DIR: join(work, 'out'),
      // The open dialog likewise: its answer is the paths this file lists (`importFolder`).
      DATELINE_TEST_OPEN_ANSWER: join(work, 'open-answer.txt'),
    },
  });
  await waitForPort(port, 20000);
  driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}/`)
    .withCapabilities({ browserName: 'wry', 'tauri:options': { application: app } })
    .build();
});

after(async () => {
  // The driver may already have lost the app (WebKitWebDriver exits first at times): quit with a
  // deadline, then make sure neither the driver nor the app outlives the test.
  if (driver) await Promise.race([driver.quit().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  if (driverProcess) driverProcess.kill('SIGKILL');
  if (driverLog !== undefined) closeSync(driverLog);
  spawnSync('pkill', ['-f', app]);
  if (work) rmSync(work, { recursive: true, force: true });
});

async function countsText() {
  const el = await driver.wait(until.elementLocated(By.css('[data-testid="workspace-counts"]')), 20000);
  return el.getText();
}

/** Imports `folder` as a user does: Import → Folder…, the open dialog answering `folder`. */
async function importFolder(folder) {
  writeFileSync(join(work, 'open-answer.txt'), folder);
  await driver.findElement(By.css('[data-testid="import-menu"]')).click();
  const item = await driver.wait(until.elementLocated(By.xpath("//button[@role='menuitem'][normalize-space()='Folder…']")), 5000);
  await driver.wait(until.elementIsEnabled(item), 30000, 'Folder… is enabled (no import running)');
  await item.click();
}

test('a drop a script fakes in the page imports nothing', async () => {
  assert.match(await countsText(), /0 articles/);
  // The event Tauri sends the page for an OS drop, emitted by the page itself: the Rust side never
  // saw a drop, so the import is refused (`not_chosen`) and said so.
  await fakeDropInPage(driver, join(work, 'articles'));
  const body = await driver.findElement(By.css('body'));
  await driver.wait(async () => /was not chosen/.test(await body.getText()), 10000, 'the refusal is shown');
  assert.match(await countsText(), /0 articles/);
  const dismiss = await driver.findElements(By.css('button[aria-label="Dismiss import report"]'));
  if (dismiss.length) await dismiss[0].click();
});

test('a folder dragged from another window is imported and its events appear on the timeline', async () => {
  assert.match(await countsText(), /0 events/);

  await dragFromAnotherWindow(join(work, 'articles'));

  await driver.wait(async () => !/\b0 events/.test(await countsText()), 30000, 'events appear after the drop');
  const counts = await countsText();
  assert.match(counts, /2 articles/);
  const events = Number(/(\d+) events?/.exec(counts)[1]);
  assert.ok(events >= 3, `expected at least 3 events, saw: ${counts}`);

  const canvas = await driver.findElement(By.css('canvas.tl-canvas'));
  const label = await canvas.getAttribute('aria-label');
  assert.match(label ?? '', /\d+ events?/);
});

test('selecting an event shows its participants and source sentence', async () => {
  await driver.findElement(By.css('button[aria-label="Next event"]')).click();
  const body = await driver.findElement(By.css('body'));
  await driver.wait(async () => /Tremblay|Halvorsen|Castillo/.test(await body.getText()), 10000);
  const text = await body.getText();
  assert.ok(/Halvorsen|Tremblay|Castillo|Moreira/.test(text), 'a participant is shown');
});

/** Clears the actors selected in the graph (the filter an earlier test left on). */
async function clearActorSelection() {
  // The export dialog of the test before may still be closing over the graph pane: wait until it
  // is gone, and retry a click that something still covers.
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="export-dialog"]'))).length === 0, 5000);
  await driver.wait(async () => {
    const clear = await driver.findElements(By.css('[data-testid="graph-selection"] button'));
    if (!clear.length) return true;
    try {
      await clear[0].click();
    } catch (e) {
      if (e.name !== 'ElementClickInterceptedError' && e.name !== 'StaleElementReferenceError') throw e;
      return false;
    }
    return (await driver.findElements(By.css('[data-testid="graph-selection"]'))).length === 0;
  }, 10000, 'the graph selection is cleared');
}

/** "12 events on the timeline · 1 undated" → 12 */
async function timelineCount() {
  const el = await driver.findElement(By.css('[data-testid="event-count"]'));
  const m = /([\d,]+) events? on the timeline/.exec(await el.getText());
  return m ? Number(m[1].replace(/,/g, '')) : -1;
}

test('clicking a participant filters the timeline by that actor', async () => {
  const before = await timelineCount();
  assert.ok(before >= 3, `events on the timeline: ${before}`);
  const people = await driver.findElements(By.css('[data-testid="participant"]'));
  assert.ok(people.length > 0, 'the selected event lists participants');
  let filtered = -1;
  let name = '';
  // The first participant who is not in every event shows the filter at work.
  for (let i = 0; i < people.length && (filtered < 0 || filtered === before); i++) {
    const person = (await driver.findElements(By.css('[data-testid="participant"]')))[i];
    name = await person.getText();
    await person.click();
    await driver.wait(async () => (await driver.findElements(By.css('[data-testid="graph-selection"]'))).length > 0, 5000);
    filtered = await timelineCount();
  }
  assert.ok(filtered >= 1 && filtered < before, `filtering by ${name}: ${filtered} of ${before} events`);
  const sel = await driver.findElement(By.css('[data-testid="graph-selection"]')).getText();
  assert.ok(sel.includes(name), `the selection names ${name}: ${sel}`);
});

test('exporting a PNG writes the image the renderer draws', async () => {
  const out = join(work, 'out', 'timeline.png');
  await driver.findElement(By.css('[data-testid="export-image"]')).click();
  const dialog = await driver.wait(until.elementLocated(By.css('[data-testid="export-dialog"]')), 5000);
  // The first click on Export… exports (the dialog once shrank under the pointer between the
  // press and the release, and that first click was lost).
  await dialog.findElement(By.css('button[type="submit"]')).click();
  const status = await driver.findElement(By.css('[data-testid="status-line"]'));
  await driver.wait(async () => /Exported timeline\.png|Could not/.test(await status.getText()), 30000, 'export status');
  assert.match(await status.getText(), /Exported timeline\.png/);
  assert.ok(existsSync(out), `${out} written`);
  const png = readFileSync(out);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.readUInt32BE(16), 1600, 'width at 1x');
  assert.ok(png.readUInt32BE(20) > 100, 'a drawn height');
});

test('a write to a path the save dialog did not answer is refused', async () => {
  // A script in the window calls the write commands itself: the app writes only where the save
  // dialog answered, and each answer once (the PNG test above used out/timeline.png's).
  const invoke = (cmd, args) =>
    driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(
         () => done({ ok: true }), (e) => done({ ok: false, error: e }));`,
      cmd,
      args,
    );
  const selection = { from: null, to: null, actors: [], countries: [], kinds: [], statuses: [], sources: [], text: null, unseen: false, deleted: false };
  const options = { selection, from: null, to: null, lanes: 'actor', lane_order: null, width: 800, scale: 1, title: null, subtitle: null, dark: false };
  const mapOptions = { picture: { countries: [], arcs: [], spots: [] }, view: null, width: 800, map_height: null, scale: 1, title: null, subtitle: null, dark: false };
  const elsewhere = join(work, 'elsewhere.json');
  const attempts = [
    ['export_data', { path: elsewhere, format: 'json', selection }],
    ['export_image', { path: join(work, 'out', 'timeline.png'), options }],
    ['export_map_image', { path: join(work, 'out', 'map.png'), options: mapOptions }],
    ['new_workspace', { path: join(work, 'elsewhere.dateline') }],
  ];
  for (const [cmd, args] of attempts) {
    const r = await invoke(cmd, args);
    assert.equal(r.ok, false, `${cmd} refused`);
    assert.equal(r.error?.code, 'not_chosen', `${cmd}: ${JSON.stringify(r.error)}`);
  }
  assert.ok(!existsSync(elsewhere) && !existsSync(join(work, 'elsewhere.dateline')), 'nothing written');
  // An answer of the dialog (here the test's folder) is written to.
  const chosen = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke('choose_save_path', { defaultName: 'chosen.json', filters: [] }).then(done, (e) => done(e));`,
  );
  assert.equal(chosen, join(work, 'out', 'chosen.json'));
  assert.deepEqual(await invoke('export_data', { path: chosen, format: 'json', selection }), { ok: true });
  assert.ok(existsSync(chosen), `${chosen} written`);
});

test('an article full of markup is shown as text and runs nothing', async () => {
  await clearActorSelection();
  mkdirSync(join(work, 'hostile'));
  const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
  writeFileSync(
    join(work, 'hostile', 'hostile.txt'),
    `Minister Okafor's Call with Minister Lindqvist\n\nPublished: 2024-05-02\n\n` +
      `ABUJA, May 2 - Nigerian Foreign Minister Adaeze Okafor spoke today with Swedish Foreign Minister Erik Lindqvist ${HOSTILE} about trade.\n`,
  );
  await importFolder(join(work, 'hostile'));
  await driver.wait(async () => /3 articles/.test(await countsText()), 30000, 'the hostile article is imported');
  // Step through the events until the hostile sentence is in the details panel.
  const details = await driver.findElement(By.css('[data-testid="details"]'));
  let shown = false;
  for (let i = 0; i < 20 && !shown; i++) {
    await driver.findElement(By.css('button[aria-label="Next event"]')).click();
    await driver.sleep(150);
    shown = (await details.getText()).includes('<script>window.__pwned = 1</script>');
  }
  assert.ok(shown, 'the sentence with its markup is shown, as text');
  assert.equal((await driver.findElements(By.css('img[src="x"]'))).length, 0, 'no <img> was made');
  assert.equal(await driver.executeScript('return window.__pwned === undefined'), true, 'no script or handler ran');
});

// The issue's "done when": a new user drops the State Department dev corpus (329 saved releases,
// in ../shared next to the clone, on CI too), explores it, and exports an image that has what the
// screen shows: the same lanes, in the same order, and the same events.
test('a feed subscribed in the window is fetched by the app and its article imported', async () => {
  await clearActorSelection();
  // A ministry's feed on 127.0.0.1, with one item and its page (fixtures written for the tests).
  const page = readFileSync(join(root, 'crates/dateline/tests/fixtures/feeds/envoy-meeting.html'));
  const { createServer } = await import('node:http');
  const seen = [];
  const server = createServer((req, res) => {
    seen.push(req.url);
    if (req.url === '/rss') {
      const { port } = server.address();
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"v1"' });
      res.end(`<rss version="2.0"><channel><title>Office of the Special Envoy</title><item><guid>env-1</guid>
<title>Special Envoy meets Kenyan Foreign Minister</title><link>http://127.0.0.1:${port}/press/nairobi</link>
<pubDate>Thu, 05 Mar 2026 12:00:00 +0000</pubDate></item></channel></rss>`);
    } else if (req.url === '/press/nairobi') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(page);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${server.address().port}/rss`;
    const articlesBefore = Number(/(\d+) articles?/.exec(await countsText())[1]);
    await driver.findElement(By.css('[data-testid="feeds-button"]')).click();
    const dialog = await driver.wait(until.elementLocated(By.css('[data-testid="feeds-dialog"]')), 5000);
    await dialog.findElement(By.css('[data-testid="feed-url"]')).sendKeys(url);
    await dialog.findElement(By.css('form.add button[type="submit"]')).click();
    await driver.wait(async () => (await driver.findElements(By.css('[data-testid="feed"]'))).length === 1, 10000, 'the subscription is listed');
    assert.deepEqual(seen, [], 'subscribing fetches nothing');
    await dialog.findElement(By.css('[data-testid="feeds-update"]')).click();
    const summary = await driver.wait(until.elementLocated(By.css('[data-testid="feeds-summary"]')), 30000);
    assert.equal(await summary.getText(), '1 article imported · 0 failed');
    assert.deepEqual(seen, ['/rss', '/press/nairobi']);
    const row = await driver.findElement(By.css('[data-testid="feed"]')).getText();
    assert.match(row, /Office of the Special Envoy/);
    assert.match(row, /1 item/);
    assert.match(await driver.findElement(By.css('[data-testid="feed-changes"]')).getText(), /Silva|Mwangi/);
    await driver.findElement(By.css('body')).sendKeys(Key.ESCAPE);
    await driver.wait(async () => (await driver.findElements(By.css('[data-testid="feeds-dialog"]'))).length === 0, 5000);
    await driver.wait(
      async () => Number(/(\d+) articles?/.exec(await countsText())?.[1] ?? 0) === articlesBefore + 1,
      10000,
      'the window shows the new article',
    );
  } finally {
    server.close();
  }
});

const corpus = resolve(root, '../shared/corpus/statedept-dev');

/** XML text → plain text (the renderer escapes &, <, >, " and '). */
const unescapeXml = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');

test('the dev corpus: imported, explored, exported with the lanes and events on screen', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, async () => {
  await clearActorSelection();
  const articlesBefore = Number(/(\d+) articles?/.exec(await countsText())[1]);
  await importFolder(corpus);
  await driver.wait(
    async () => Number(/(\d+) articles?/.exec(await countsText())?.[1] ?? 0) >= articlesBefore + 300,
    180000,
    'the corpus is imported',
  );
  const events = Number(/(\d+) events?/.exec(await countsText())[1]);
  assert.ok(events >= 400, `events from the corpus: ${events}`);

  // Explore: step to an event and read its source sentence.
  await driver.findElement(By.css('button[aria-label="Next event"]')).click();
  const sentence = await driver.wait(until.elementLocated(By.css('[data-testid="evidence-sentence"]')), 10000);
  assert.ok((await sentence.getText()).length > 20, 'the source sentence is shown');
  const results = join(here, 'test-results');
  mkdirSync(results, { recursive: true });
  const screenLanes = () => driver.executeScript(`return [...document.querySelectorAll('.tl-lane-label .tl-lane-name')].map((e) => e.textContent)`);
  const sameName = (image, screen) => (image.endsWith('…') ? screen.startsWith(image.slice(0, -1)) : image === screen);

  // Export as SVG (whole range or the current view): the image's lane names and its footer count.
  const exportSvg = async (range, keep) => {
    await driver.findElement(By.css('[data-testid="export-image"]')).click();
    const dialog = await driver.wait(until.elementLocated(By.css('[data-testid="export-dialog"]')), 5000);
    const lanesBy = await dialog.findElement(By.css('select[name="lanes"]')).getAttribute('value');
    await driver.executeScript(
      `document.querySelector('[data-testid="export-dialog"] input[name="format"][value="svg"]').click();
       document.querySelector('[data-testid="export-dialog"] input[name="range"][value="' + arguments[0] + '"]').click();`,
      range,
    );
    const out = join(work, 'out', 'timeline.svg');
    rmSync(out, { force: true });
    await dialog.findElement(By.css('input[name="title"]')).sendKeys(Key.ENTER);
    await driver.wait(async () => existsSync(out) && (await driver.findElements(By.css('[data-testid="export-dialog"]'))).length === 0, 30000, 'exported');
    await driver.sleep(300);
    const svg = readFileSync(out, 'utf8');
    writeFileSync(join(results, keep), svg);
    const labels = /<g id="lane-labels">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    const lanes = [...labels.matchAll(/<text[^>]*font-weight="700"[^>]*>([^<]*)<\/text>/g)].map((m) => unescapeXml(m[1]));
    const count = Number(/· ([\d,]+) events?</.exec(svg)?.[1].replace(/,/g, ''));
    return { lanesBy, lanes, count };
  };

  // Lanes by type (the default): same names, same order.
  const typeLanes = await screenLanes();
  const byType = await exportSvg('all', 'dev-corpus-type.svg');
  assert.equal(byType.lanesBy, 'type');
  assert.deepEqual(byType.lanes, typeLanes, 'type lanes: image and screen');

  // Lanes by country, the whole range: the same lanes in the same order, the same events.
  await driver.executeScript(
    `const s = document.querySelector('[data-testid="lane-by"]');
     s.value = 'country';
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await driver.wait(async () => (await driver.findElements(By.css('.tl-lane-label[data-lane="(no country)"]'))).length > 0, 10000, 'lanes by country');
  await driver.sleep(300);
  const countryLanes = await screenLanes();
  const onTimeline = await timelineCount();
  assert.ok(countryLanes.length >= 10, `lanes on screen: ${countryLanes.join(', ')}`);
  writeFileSync(join(results, 'dev-corpus-screen.png'), await driver.takeScreenshot(), 'base64');
  const whole = await exportSvg('all', 'dev-corpus-export.svg');
  assert.equal(whole.lanesBy, 'country', 'the dialog opens with the screen\'s lanes');
  assert.equal(whole.lanes.length, countryLanes.length, `lanes: image ${whole.lanes.join(', ')} / screen ${countryLanes.join(', ')}`);
  whole.lanes.forEach((name, i) => assert.ok(sameName(name, countryLanes[i]), `lane ${i + 1}: image "${name}", screen "${countryLanes[i]}"`));
  assert.equal(whole.count, onTimeline, 'the image draws the events on the timeline');

  // The current view (the dialog's default range), zoomed in: the image keeps the screen's lane
  // order and leaves out the lanes with nothing in the window.
  const canvas = await driver.findElement(By.css('canvas.tl-canvas'));
  await canvas.sendKeys('+');
  await canvas.sendKeys('+');
  await driver.sleep(400);
  const view = await exportSvg('view', 'dev-corpus-view.svg');
  assert.ok(view.lanes.length >= 1 && view.lanes.length <= countryLanes.length, `view lanes: ${view.lanes.join(', ')}`);
  assert.ok(view.count >= 1 && view.count < whole.count, `events in the view: ${view.count}`);
  let at = -1;
  for (const name of view.lanes) {
    const i = countryLanes.findIndex((s, j) => j > at && sameName(name, s));
    assert.ok(i > at, `"${name}" is on screen, after the lanes before it (${countryLanes.join(', ')})`);
    at = i;
  }
});

// A workspace of the dev corpus alone (made with the CLI, opened through Workspace → Open…): it
// opens on the main body of its events, and there every dated visit is drawn as a mark of its
// own, at 1280×800 and at 1920×1080, without changing a setting. The lane labels carry what the
// painter drew (`data-in-view`, `data-marks`); the CLI says how many dated visits there are.
const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
const cli = join(target, 'debug/dateline');

async function resize({ width, height }) {
  await driver.manage().window().setRect({ x: 0, y: 0, width, height });
  await driver.wait(async () => (await driver.executeScript('return window.innerWidth')) === width, 5000, `the window is ${width} px wide`);
  await driver.sleep(500);
}

test('a workspace of the dev corpus opens with every visit drawn', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, async () => {
  const ws = join(work, 'dev.dateline');
  const made = spawnSync(cli, ['import', '--workspace', ws, corpus], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const listed = spawnSync(cli, ['events', '--workspace', ws, '--kind', 'visit', '--format', 'jsonl'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(listed.status, 0, listed.stderr);
  const dated = listed.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.start);
  assert.ok(dated.length >= 100, `dated visits in the dev corpus: ${dated.length}`);

  await clearActorSelection();
  writeFileSync(join(work, 'open-answer.txt'), ws);
  await driver.findElement(By.css('[data-testid="workspace-menu"]')).click();
  await (await driver.wait(until.elementLocated(By.xpath("//button[@role='menuitem'][normalize-space()='Open…']")), 5000)).click();
  await driver.wait(async () => /dev\.dateline/.test(await driver.findElement(By.css('body')).getText()), 20000, 'the dev workspace is open');
  // Lanes by type, as a workspace opens (the test before left them by country).
  await driver.executeScript(
    `const s = document.querySelector('[data-testid="lane-by"]');
     s.value = 'type';
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await driver.wait(async () => (await driver.findElements(By.css('.tl-lane-label[data-lane="visit"]'))).length > 0, 20000, 'lanes by type');

  for (const size of sizes) {
    await resize(size);
    const lane = await driver.findElement(By.css('.tl-lane-label[data-lane="visit"]'));
    let seen = {};
    await driver.wait(async () => {
      seen = { inView: Number(await lane.getAttribute('data-in-view')), marks: Number(await lane.getAttribute('data-marks')) };
      return seen.inView === dated.length && seen.marks === dated.length;
    }, 10000, () => `at ${size.width}×${size.height}, of ${dated.length} dated visits ${seen.inView} are in the default view and ${seen.marks} drawn apart`);
    const crowded = await lane.findElement(By.css('.tl-lane-crowded'));
    assert.equal(await crowded.isDisplayed(), false, `no density band or overlap note on the visits at ${size.width}×${size.height}`);
  }
  await resize(sizes[0]);
});

// The dev corpus on the map in the real app (WebKitGTK loads the world map and the gazetteer's
// tables as chunks of the bundle), and the desk's screenshots at 1280×800 and 1920×1080 (the
// window resized on an Xvfb screen of 1920×1080): timeline (in the view the workspace opens
// with), graph, map, filters, export dialog, into test-results/screenshots (docs/screenshots holds
// a copy).
test('the dev corpus on the map, and the desk in screenshots', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, async () => {
  const shots = join(here, 'test-results', 'screenshots');
  mkdirSync(shots, { recursive: true });
  for (const size of sizes) {
    await resize(size);
    await shootDesk(async (name) => writeFileSync(join(shots, `${size.width}x${size.height}-${name}.png`), await driver.takeScreenshot(), 'base64'));
  }
  await resize(sizes[0]);
});

/** The map pane exported as SVG through the Export dialog: the image draws the screen's arcs, places, counts and shading. */
async function exportMapMatchesScreen(screen) {
  const out = join(work, 'out', 'map.svg');
  rmSync(out, { force: true });
  await driver.findElement(By.css('[data-testid="export-image"]')).click();
  const dialog = await driver.wait(until.elementLocated(By.css('[data-testid="export-dialog"]')), 5000);
  await driver.executeScript(
    `document.querySelector('[data-testid="export-dialog"] input[name="subject"][value="map"]').click();
     document.querySelector('[data-testid="export-dialog"] input[name="format"][value="svg"]').click();`,
  );
  await dialog.findElement(By.css('input[name="title"]')).sendKeys(Key.ENTER);
  await driver.wait(async () => existsSync(out) && (await driver.findElements(By.css('[data-testid="export-dialog"]'))).length === 0, 30000, 'the map exported');
  await driver.sleep(300);
  const svg = readFileSync(out, 'utf8');
  const block = (id) => new RegExp(`<g id="${id}">([\\s\\S]*?)</g>`).exec(svg)?.[1] ?? '';
  assert.equal((block('arcs').match(/<path /g) ?? []).length, screen.arcs, 'arcs');
  assert.equal((block('spots').match(/<circle /g) ?? []).length, screen.spots, 'places');
  const inImage = Number(/— ([\d,]+) events? on the map/.exec(svg)?.[1].replace(/,/g, ''));
  assert.equal(inImage, screen.onMap, 'events on the map');
  assert.equal((block('countries').match(/class="land s[1-5]"/g) ?? []).length, screen.shaded, 'countries shaded');
}

async function shootDesk(shot) {
  await clearActorSelection();
  for (const b of await driver.findElements(By.css('button[aria-label="Dismiss import report"]'))) await b.click();
  await driver.executeScript(
    `const s = document.querySelector('[data-testid="lane-by"]');
     s.value = 'type';
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await driver.wait(async () => (await driver.findElements(By.css('.tl-lane-label[data-lane="visit"]'))).length > 0, 10000, 'lanes by type');
  await driver.sleep(500);
  await shot('timeline');
  // The graph with the most central actor chosen: its ego network, and the timeline narrowed to it.
  await driver.executeScript(`document.querySelector('[data-testid="graph"] ul.actors button').click();`);
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="graph-selection"]'))).length > 0, 5000, 'an actor chosen in the graph');
  await driver.sleep(500);
  await shot('graph');
  await clearActorSelection();
  await driver.findElement(By.css('[data-testid="side-map"]')).click();
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="map-svg"] path.land'))).length > 100, 20000, 'the world map is drawn');
  const svg = await driver.findElement(By.css('[data-testid="map-svg"]'));
  await driver.wait(async () => Number(await svg.getAttribute('data-spots')) > 0, 10000, 'places on the map');
  const [arcs, spots] = [Number(await svg.getAttribute('data-arcs')), Number(await svg.getAttribute('data-spots'))];
  const onMap = Number(/^([\d,]+) events? on the map/.exec(await driver.findElement(By.css('[data-testid="map-count"]')).getText())?.[1].replace(/,/g, ''));
  assert.ok(onMap >= 200, `events on the map: ${onMap}`);
  assert.ok(arcs >= 20, `visits drawn as arcs: ${arcs}`);
  assert.ok(spots >= 30, `places: ${spots}`);
  const shaded = await driver.executeScript(`return document.querySelectorAll('[data-testid="map-svg"] path.land:not(.shade-0)').length`);
  assert.ok(shaded >= 20, `countries shaded: ${shaded}`);
  await shot('map');
  await exportMapMatchesScreen({ arcs, spots, onMap, shaded });

  const find = await driver.findElement(By.css('[data-testid="filter-actor-find"]'));
  await find.sendKeys('abdullah');
  // The whole word typed (WebKitWebDriver's keys arrive one by one: "found" shows after the first).
  await driver.wait(async () => (await find.getAttribute('value')) === 'abdullah', 5000, 'the find box holds the word');
  await driver.wait(async () => /found/.test(await driver.findElement(By.css('[data-testid="filter-actor"] option')).getText()), 5000, 'the actor picker narrows');
  await driver.sleep(300);
  await shot('filters');
  await find.clear();
  await driver.executeScript(`const f = document.querySelector('[data-testid="filter-actor-find"]'); f.value = ''; f.dispatchEvent(new Event('input', { bubbles: true }));`);

  await driver.findElement(By.css('[data-testid="export-image"]')).click();
  await driver.wait(until.elementLocated(By.css('[data-testid="export-dialog"]')), 5000);
  await driver.sleep(300);
  await shot('export-dialog');
  await driver.findElement(By.css('[data-testid="export-dialog"]')).sendKeys(Key.ESCAPE);
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="export-dialog"]'))).length === 0, 5000, 'the dialog closes');
  await driver.findElement(By.css('[data-testid="side-graph"]')).click();
}

// The counts agree everywhere, and no label is clipped: a workspace of the whole dev corpus
// (statedept-dev and newsstyles-dev, made with the CLI, opened through Workspace → Open…).
// Counts: the CLI's (its JSONL lines, its actor list, its import summary), the header's, the
// timeline's, the filter bar's kind and status chips and its "n of N events", the actor
// picker's entries and the graph's actor count are the same numbers. The timeline lists undated
// events apart ("n events on the timeline · u undated"): there dated + undated = total, and u is
// the CLI's events without a start. Labels, at 1280×800 and 1920×1080: every lane label (lanes
// by type, by country, by actor) and every name in the graph's actor list either fits
// (scrollWidth <= clientWidth) or ends in an ellipsis and carries its full text in its title.
// The actor picker's entries are <option>s, drawn whole by the native popup (no CSS box to clip
// them): the test checks each carries the actor's full name and its count; the graph's canvas
// labels likewise carry full names (`data-labels`).
const num = (s) => Number(String(s).replace(/,/g, ''));
const devCorpora = [corpus, resolve(root, '../shared/corpus/newsstyles-dev')];

async function laneBy(by, lane) {
  await driver.executeScript(
    `const s = document.querySelector('[data-testid="lane-by"]');
     s.value = arguments[0];
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
    by,
  );
  await driver.wait(async () => (await driver.findElements(By.css(`.tl-lane-label[data-lane="${lane}"]`))).length > 0, 10000, `lanes by ${by}`);
  await driver.sleep(400);
}

/** The labels under `selector` that are laid out (a box of their own), each measured. */
const measureLabels = (selector) =>
  driver.executeScript(
    `return [...document.querySelectorAll(arguments[0])].filter((e) => e.getClientRects().length && e.getBoundingClientRect().width > 0).map((e) => {
       const s = getComputedStyle(e);
       return {
         text: e.textContent,
         title: e.title,
         fits: e.scrollWidth <= e.clientWidth,
         ellipsis: s.textOverflow === 'ellipsis' && s.whiteSpace === 'nowrap' && s.overflowX === 'hidden',
         width: e.clientWidth,
       };
     })`,
    selector,
  );

function assertNotClipped(labels, where) {
  for (const l of labels) {
    assert.ok(l.fits || (l.ellipsis && l.title === l.text), `${where}: "${l.text}" (${l.width} px) is clipped: ${l.ellipsis ? `an ellipsis, but its title is "${l.title}"` : 'no ellipsis'}`);
  }
  return { shown: labels.length, cut: labels.filter((l) => !l.fits).length };
}

test('the dev corpus: the counts agree everywhere and no label is clipped', { skip: devCorpora.every(existsSync) ? false : `no corpus at ${devCorpora.join(' / ')}` }, async () => {
  const ws = join(work, 'dev-all.dateline');
  const made = spawnSync(cli, ['import', '--workspace', ws, ...devCorpora], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const summary = /imported (\d+) articles[\s\S]*it holds (\d+) events? and (\d+) actors?/.exec(made.stdout + made.stderr);
  assert.ok(summary, `the import's summary: ${made.stdout}${made.stderr}`);
  const listed = spawnSync(cli, ['events', '--format', 'jsonl', '--workspace', ws], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(listed.status, 0, listed.stderr);
  const cliEvents = listed.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const cliUndated = cliEvents.filter((e) => !e.start).length;
  const actorsOut = spawnSync(cli, ['actors', '--workspace', ws], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(actorsOut.status, 0, actorsOut.stderr);
  // id, kind, then name, country, events, other names in padded columns (a name longer than its
  // column pushes the rest along by one space): kept as the line's rest, read against a name.
  const cliActors = actorsOut.stdout.trim().split('\n').map((l) => /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(l)).map(([, id, kind, rest]) => ({ id: Number(id), kind, rest }));
  /** The actor's events, if the CLI lists `name` as its name; else NaN. */
  const cliEventsOf = (a, name) => (a.rest.startsWith(name + ' ') ? Number(/^\s*.*?\s+(\d+)(?:\s{2,}.*)?$/.exec(a.rest.slice(name.length))?.[1]) : NaN);
  const fromCli = { articles: Number(summary[1]), events: cliEvents.length, eventsSaid: Number(summary[2]), actors: cliActors.length, actorsSaid: Number(summary[3]), undated: cliUndated };
  assert.equal(fromCli.eventsSaid, fromCli.events, 'CLI: the import summary and `dateline events`');
  assert.equal(fromCli.actorsSaid, fromCli.actors, 'CLI: the import summary and `dateline actors`');

  await clearActorSelection();
  writeFileSync(join(work, 'open-answer.txt'), ws);
  await driver.findElement(By.css('[data-testid="workspace-menu"]')).click();
  await (await driver.wait(until.elementLocated(By.xpath("//button[@role='menuitem'][normalize-space()='Open…']")), 5000)).click();
  await driver.wait(async () => /dev-all\.dateline/.test(await driver.findElement(By.css('body')).getText()), 20000, 'the dev workspace is open');
  await driver.findElement(By.css('[data-testid="side-graph"]')).click();
  await laneBy('type', 'visit');

  for (const size of sizes) {
    await resize(size);
    const at = `at ${size.width}×${size.height}`;
    // The header: "a articles · e events · n actors".
    const header = await countsText();
    const [, articles, events, actors] = /([\d,]+) articles? · ([\d,]+) events? · ([\d,]+) actors?/.exec(header.replace(/\s+/g, ' ')) ?? [];
    // The timeline: "n events on the timeline" and, apart, "u undated".
    let timeline = {};
    await driver.wait(async () => {
      const t = await driver.findElement(By.css('[data-testid="event-count"]')).getText();
      const m = /([\d,]+) events? on the timeline(?: · ([\d,]+) undated)?/.exec(t);
      timeline = m ? { dated: num(m[1]), undated: num(m[2] ?? 0) } : {};
      return m && timeline.dated + timeline.undated === num(events);
    }, 10000, () => `${at}: the timeline's ${JSON.stringify(timeline)} against the header's "${header}"`);
    // The filter bar: the kind chips and the status chips each share out every event.
    const chips = await driver.executeScript(
      `const sum = (sel) => [...document.querySelectorAll(sel)].reduce((n, e) => n + Number(e.textContent.replace(/,/g, '')), 0);
       return { kinds: sum('[role="group"][aria-label="Event type"] [data-testid^="count-"]'), statuses: sum('[role="group"][aria-label="Status"] [data-testid^="count-"]') };`,
    );
    // The actor picker: one entry per actor, its name and its events.
    const picker = await driver.executeScript(
      `return [...document.querySelectorAll('[data-testid="filter-actor"] option')].filter((o) => o.value).map((o) => ({ id: Number(o.value), text: o.textContent }))`,
    );
    // The graph: "n actors · l links" (or "n of N actors · …" when it draws the most active).
    const graphText = await driver.findElement(By.css('[data-testid="graph"] .bar .count')).getText();
    const graphActors = num(/(?:[\d,]+ of )?([\d,]+) actors?/.exec(graphText)?.[1] ?? -1);
    const seen = {
      header: { articles: num(articles), events: num(events), actors: num(actors) },
      timeline,
      chips,
      picker: picker.length,
      graph: graphActors,
      cli: fromCli,
    };
    console.log(`# counts ${at}: ${JSON.stringify(seen)}`);
    assert.equal(seen.header.articles, fromCli.articles, `${at}: articles, header and CLI`);
    assert.equal(seen.header.events, fromCli.events, `${at}: events, header and CLI`);
    assert.equal(timeline.dated + timeline.undated, fromCli.events, `${at}: dated + undated on the timeline = the CLI's events`);
    assert.equal(timeline.undated, fromCli.undated, `${at}: undated, timeline and CLI (events without a start)`);
    assert.equal(chips.kinds, fromCli.events, `${at}: the kind chips' counts add up to the events`);
    assert.equal(chips.statuses, fromCli.events, `${at}: the status chips' counts add up to the events`);
    assert.equal(seen.header.actors, fromCli.actors, `${at}: actors, header and CLI`);
    assert.equal(picker.length, fromCli.actors, `${at}: the actor picker's entries and the CLI's actors`);
    assert.equal(graphActors, fromCli.actors, `${at}: the graph's actors and the CLI's`);
    const byId = new Map(cliActors.map((a) => [a.id, a]));
    for (const o of picker) {
      const a = byId.get(o.id);
      assert.ok(a, `${at}: the picker's "${o.text}" is an actor of the CLI's`);
      const [, name, n] = /^(.*) \((\d+)\)$/.exec(o.text) ?? [];
      assert.equal(cliEventsOf(a, name), Number(n), `${at}: the picker's "${o.text}" and the CLI's "${a.rest}": the full name and its events`);
    }

    // The filter bar's "n of N events", with a filter on: N is the total, n what the timeline holds.
    await driver.findElement(By.css('[data-testid="count-visit"]')).findElement(By.xpath('..')).click();
    await driver.wait(async () => / of /.test(await driver.findElement(By.css('[data-testid="filter-count"]')).getText()), 10000, 'the filter count shows');
    const visits = num(await driver.findElement(By.css('[data-testid="count-visit"]')).getText());
    let filtered = '';
    await driver.wait(async () => {
      filtered = await driver.findElement(By.css('[data-testid="filter-count"]')).getText();
      const m = /([\d,]+) of ([\d,]+) events?/.exec(filtered);
      const t = /([\d,]+) events? on the timeline(?: · ([\d,]+) undated)?/.exec(await driver.findElement(By.css('[data-testid="event-count"]')).getText());
      return m && t && num(m[2]) === fromCli.events && num(m[1]) === visits && num(t[1]) + num(t[2] ?? 0) === visits;
    }, 10000, () => `${at}: visits only: the filter bar says "${filtered}", the visit chip ${visits}, of ${fromCli.events} events`);
    await driver.findElement(By.xpath("//button[normalize-space()='Clear filters']")).click();
    await driver.wait(async () => (await driver.findElement(By.css('[data-testid="filter-count"]')).getText()) === '', 10000, 'the filters cleared');

    // No label is clipped.
    const lanes = {};
    for (const [by, lane] of [['type', 'visit'], ['country', '(no country)'], ['actor', null]]) {
      if (lane) await laneBy(by, lane);
      else {
        await driver.executeScript(
          `const s = document.querySelector('[data-testid="lane-by"]'); s.value = 'actor'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
        );
        await driver.sleep(800);
      }
      const labels = await measureLabels('.tl-lane-label .tl-lane-name');
      assert.ok(labels.length >= 3, `${at}: lanes by ${by}: ${labels.length}`);
      lanes[by] = assertNotClipped(labels, `${at}, lane by ${by}`);
    }
    await laneBy('type', 'visit');
    const graphList = assertNotClipped(await measureLabels('[data-testid="graph"] .side-name'), `${at}, the graph's actor list`);
    assert.ok(graphList.shown >= 10, `${at}: names in the graph's list: ${graphList.shown}`);
    const names = new Set(picker.map((o) => /^(.*) \(\d+\)$/.exec(o.text)[1]));
    const canvasLabels = JSON.parse(await driver.findElement(By.css('[data-testid="graph-canvas"]')).getAttribute('data-labels'));
    for (const l of canvasLabels) assert.ok(names.has(l), `${at}: the graph's label "${l}" is an actor's full name`);
    console.log(`# labels ${at}: lanes ${JSON.stringify(lanes)}, graph list ${JSON.stringify(graphList)}, graph canvas ${canvasLabels.length} labels`);
  }
  await resize(sizes[0]);
});

/** Export data → `label`…, the save dialog answering out/`name`; the file written, as text. */
async function exportDataAs(label, name) {
  const out = join(work, 'out', name);
  rmSync(out, { force: true });
  await driver.findElement(By.css('[data-testid="data-menu"]')).click();
  const item = await driver.wait(until.elementLocated(By.xpath(`//button[@role='menuitem'][normalize-space()='${label}…']`)), 5000);
  await item.click();
  const status = await driver.findElement(By.css('[data-testid="status-line"]'));
  await driver.wait(async () => new RegExp(`Exported ${name.replace('.', '\\.')}|Could not`).test(await status.getText()), 30000, `${name} exported`);
  assert.match(await status.getText(), new RegExp(`Exported ${name.replace('.', '\\.')}`));
  return readFileSync(out);
}

// Data exports that stand alone, made from the window's menu on the whole dev corpus (the
// workspace the test above opened): every event of the CSV and the JSON carries its sources'
// titles and URLs and its evidence sentence; the CSV opens in a spreadsheet as UTF-8 (a byte-order
// mark); the iCalendar file marks an entry whose date is only a week, a month or a year; TimelineJS's
// title states the number of slides it holds.
test('the dev corpus: the data exports carry their sources and open as they should', { skip: devCorpora.every(existsSync) ? false : `no corpus at ${devCorpora.join(' / ')}` }, async () => {
  await clearActorSelection();
  const total = Number(/([\d,]+) events/.exec(await countsText())?.[1].replace(/,/g, ''));
  assert.ok(total > 500, `events in the workspace: ${total}`);

  const csv = await exportDataAs('CSV (events and actors)', 'dateline.csv');
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 byte-order mark');
  // RFC 4180 rows: quoted cells may hold commas, quotes (doubled) and line breaks.
  const rows = [];
  let row = [], cell = '', quoted = false;
  const text = csv.toString('utf8').slice(1);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  const [header, ...body] = rows;
  const col = (name) => {
    const i = header.indexOf(name);
    assert.ok(i >= 0, `the CSV has a ${name} column: ${header}`);
    return i;
  };
  assert.equal(body.length, total, 'one CSV row per event of the workspace');
  for (const name of ['titles', 'urls', 'evidence']) {
    const empty = body.filter((r) => !r[col(name)].trim());
    assert.equal(empty.length, 0, `every row has its ${name}: ${empty.slice(0, 3).map((r) => r[col('label')])}`);
  }
  assert.ok(body.every((r) => r[col('urls')].split('\n').every((u) => /^https?:\/\//.test(u))), 'the urls are links');

  const json = JSON.parse((await exportDataAs('JSON', 'dateline.json')).toString('utf8'));
  assert.equal(json.events.length, total, 'one JSON event per event of the workspace');
  for (const e of json.events) {
    assert.ok(e.sources.length > 0, `event ${e.id} has sources`);
    for (const s of e.sources) assert.ok(s.title && /^https?:\/\//.test(s.url) && s.evidence, `event ${e.id}: a source with title, url and evidence: ${JSON.stringify(s).slice(0, 200)}`);
  }

  const ics = (await exportDataAs('iCalendar (.ics)', 'dateline.ics')).toString('utf8');
  const entries = ics.split('BEGIN:VEVENT').slice(1);
  const vague = json.events.filter((e) => e.start && e.precision && e.precision !== 'day');
  assert.ok(vague.length > 0, 'the dev corpus has events dated only by week, month or year');
  const marked = entries.filter((v) => /X-DATELINE-PRECISION:(week|month|quarter|year)/.test(v)).length;
  assert.equal(marked, vague.length, 'every entry dated only by week, month, quarter or year is marked so');
  assert.equal(entries.length, json.events.filter((e) => e.start).length, 'one entry per dated event');

  const tl = JSON.parse((await exportDataAs('TimelineJS (JSON)', 'timeline-timelinejs.json')).toString('utf8'));
  const said = Number(/([\d,]+)/.exec(tl.title?.text?.text ?? tl.title?.text?.headline ?? '')?.[1].replace(/,/g, ''));
  assert.equal(said, tl.events.length, `the TimelineJS title states its ${tl.events.length} slides: ${JSON.stringify(tl.title?.text)}`);
});
