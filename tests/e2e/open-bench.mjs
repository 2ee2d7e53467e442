// How long the real app takes to show a large workspace: launch the (release) app on it through
// tauri-driver under Xvfb and time until the timeline has drawn every dated event.
//   cargo run --release -p dateline --example synth_workspace -- /tmp/ws100k.dateline
//   cargo build --release -p dateline-app
//   xvfb-run -a node open-bench.mjs /tmp/ws100k.dateline [runs]
// Prints JSON: per run, the time from asking for the app to the timeline's full count
// (launch included) and, inside the page (ms from navigation start): when `list_events` was asked
// and answered, when the timeline had drawn every event, and the graph pane's layout after it.

import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import { waitForPort } from './tauri.mjs';

const [workspace, runsArg] = process.argv.slice(2);
if (!workspace) {
  console.error('usage: node open-bench.mjs WORKSPACE [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg) || 3;
const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/dateline-target');
const app = join(target, 'release/dateline-app');

const results = [];
for (let r = 0; r < runs; r++) {
  const driverProcess = spawn('tauri-driver', ['--port', '4454', '--native-port', '4455'], {
    stdio: ['ignore', 'ignore', process.env.DEBUG ? 'inherit' : 'ignore'],
    env: { ...process.env, DATELINE_WORKSPACE: workspace },
  });
  let driver;
  try {
    await waitForPort(4454, 20000);
    const t0 = Date.now();
    driver = await new Builder()
      .usingServer('http://127.0.0.1:4454/')
      .withCapabilities({ browserName: 'wry', 'tauri:options': { application: app } })
      .build();
    const tSession = Date.now();
    if (process.env.DEBUG) console.error('session after', tSession - t0, 'ms');
    // The header's count is the workspace's; the canvas's data-count, what the timeline drew.
    let state = null;
    for (;;) {
      state = await driver.executeScript(`
        const c = document.querySelector('canvas.tl-canvas');
        const counts = document.querySelector('[data-testid="workspace-counts"]')?.textContent ?? '';
        const m = /([\\d,]+) events?/.exec(counts);
        const mark = (n) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1);
        return { drawn: Number(c?.dataset.count ?? 0), events: m ? Number(m[1].replace(/,/g, '')) : 0, now: performance.now(), asked: mark('dateline:list-asked'), received: mark('dateline:list-received'), graphStart: mark('dateline:graph-layout-start'), graphEnd: mark('dateline:graph-layout-end') };`);
      if (state.events > 0 && state.drawn > 0 && state.drawn >= state.events - 1000) break;
      if (process.env.DEBUG && Math.random() < 0.05) console.error(Date.now() - t0, JSON.stringify(state));
      if (Date.now() - t0 > 120000) throw new Error(`timeline not drawn: ${JSON.stringify(state)}`);
      await new Promise((res) => setTimeout(res, 25));
    }
    const tTimeline = Date.now();
    // Then the graph pane's layout (it waits for the events, then blocks the page while it runs).
    let graph = state;
    while (graph.graphEnd < 0 && Date.now() - t0 < 120000) {
      await new Promise((res) => setTimeout(res, 50));
      graph = await driver.executeScript(`
        const mark = (n) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1);
        return { graphStart: mark('dateline:graph-layout-start'), graphEnd: mark('dateline:graph-layout-end') };`);
    }
    state.graphStart = graph.graphStart;
    state.graphEnd = graph.graphEnd;
    results.push({ events: state.events, drawn: state.drawn, launchToTimelineMs: tTimeline - t0, sessionMs: tSession - t0, navigationToTimelineMs: Math.round(state.now), listAskedMs: state.asked, listReceivedMs: state.received, graphLayoutStartMs: state.graphStart, graphLayoutEndMs: state.graphEnd });
  } finally {
    if (driver) await Promise.race([driver.quit().catch(() => {}), new Promise((res) => setTimeout(res, 5000))]);
    driverProcess.kill('SIGKILL');
    spawnSync('pkill', ['-f', app]);
  }
}
console.log(JSON.stringify(results));
