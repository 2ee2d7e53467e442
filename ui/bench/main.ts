// Timeline benchmark page (not part of the app bundle): N synthetic events,
// timings of layout and frames. Driven by bench/run.mjs in headless Chromium.
import { Timeline } from '../src/lib/timeline';
import type { TimelineItem } from '../src/lib/timeline';
import { kindLanes, describeTimeline } from '../src/lib/events';
import { lightTheme } from '../src/lib/theme';
import { DAY } from '../src/lib/dates';
import { DEFAULT_LAYOUT, layoutItems, sortForLayout } from '../src/lib/timeline/layout';
import { EVENT_KINDS, STATUSES } from '../src/lib/types';

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

function synth(n: number): TimelineItem[] {
  const r = rng(42);
  const t0 = Date.UTC(1990, 0, 1);
  const span = 35 * 365 * DAY;
  const items: TimelineItem[] = [];
  for (let i = 0; i < n; i++) {
    const start = t0 + Math.floor(r() * span / DAY) * DAY;
    const u = r();
    const mode = u < 0.7 ? 'point' : u < 0.9 ? 'range' : 'fuzzy';
    const len = mode === 'point' ? 1 : mode === 'range' ? 2 + Math.floor(r() * 10) : 30;
    items.push({
      id: i + 1,
      kind: EVENT_KINDS[Math.floor(r() * 4)],
      status: STATUSES[r() < 0.8 ? 0 : Math.floor(r() * 4)],
      start,
      end: start + len * DAY,
      mode,
      label: `Event ${i + 1} – leader ${Math.floor(r() * 500)} meets counterpart`,
    });
  }
  return items;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function run(n: number) {
  const host = document.getElementById('host')!;
  host.replaceChildren();
  const items = synth(n);
  const tl = new Timeline(host, { theme: lightTheme, lanes: kindLanes(lightTheme), describe: describeTimeline, now: () => Date.UTC(2024, 0, 1) });
  const out: Record<string, number> = { n };
  let t = performance.now();
  const sorted = sortForLayout(items);
  out.sortMs = performance.now() - t;
  const lanes = kindLanes(lightTheme);
  for (const [name, msPerPx] of [['layoutFitAllMs', (35 * 365 * DAY) / 1300], ['layoutOneYearMs', (365 * DAY) / 1300]] as const) {
    t = performance.now();
    layoutItems(sorted, lanes, { ...DEFAULT_LAYOUT, msPerPx, maxRows: 8 });
    out[name] = performance.now() - t;
  }
  t = performance.now();
  tl.setItems(items, { fit: true });
  tl.draw();
  out.firstFrameMs = performance.now() - t;

  const timeFrames = (label: string, step: () => void, frames = 15) => {
    const ts: number[] = [];
    for (let i = 0; i < frames; i++) {
      step();
      const a = performance.now();
      tl.draw();
      ts.push(performance.now() - a);
    }
    out[label] = median(ts);
  };
  // Pan at full extent (no relayout), zoom steps (relayout each frame).
  timeFrames('panFrameFitAllMs', () => tl.panBy(10));
  timeFrames('zoomFrameFitAllMs', () => tl.zoomBy(1.02));
  tl.setView([Date.UTC(2010, 0, 1), Date.UTC(2011, 0, 1)]);
  tl.draw();
  timeFrames('panFrameOneYearMs', () => tl.panBy(10));
  timeFrames('zoomFrameOneYearMs', () => tl.zoomBy(1.02));
  tl.setView([Date.UTC(2010, 5, 1), Date.UTC(2010, 5, 15)]);
  tl.draw();
  timeFrames('panFrameTwoWeeksMs', () => tl.panBy(10));

  // Hit testing: 1000 pointer positions.
  const r = tl.canvas.getBoundingClientRect();
  t = performance.now();
  for (let i = 0; i < 1000; i++) {
    tl.canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + (i * 7) % r.width, clientY: r.top + 60 + (i * 13) % (r.height - 60) }));
  }
  out.hitTestUs = ((performance.now() - t) / 1000) * 1000;
  tl.destroy();
  return out;
}

(window as unknown as { runBench: typeof run }).runBench = run;
