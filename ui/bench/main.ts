// Timeline benchmark page (not part of the app bundle): N synthetic events
// through the real conversion (toItems) and the real Timeline module; first
// paint, frame times while panning and zooming, heap. Driven by bench/run.mjs
// in headless Chromium.
import { Timeline } from '../src/lib/timeline';
import { kindLanes, describeTimeline, toItems } from '../src/lib/events';
import { lightTheme } from '../src/lib/theme';
import type { EventSummary } from '../src/lib/types';
import { synth } from './synth';

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const heapMb = () => {
  (window as unknown as { gc?: () => void }).gc?.();
  const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return m ? m.usedJSHeapSize / 2 ** 20 : NaN;
};

async function run(n: number) {
  const host = document.getElementById('host')!;
  host.replaceChildren();
  const out: Record<string, number> = { n };
  const heap0 = heapMb();
  const events = synth(n);
  await nextFrame();

  // First paint: IPC list → items → timeline → one painted frame.
  let t = performance.now();
  const { items } = toItems(events);
  out.toItemsMs = performance.now() - t;
  const tl = new Timeline(host, { theme: lightTheme, lanes: kindLanes(lightTheme), describe: describeTimeline, now: () => Date.UTC(2024, 0, 1) });
  t = performance.now();
  // Reading one pixel makes Chromium rasterise what the frame recorded, so
  // each timing includes the painting itself, not only the recording.
  const ctx2d = tl.canvas.getContext('2d')!;
  const flush = () => ctx2d.getImageData(0, 0, 1, 1);
  tl.setItems(items, { fit: true });
  tl.draw();
  flush();
  out.setItemsAndFirstFrameMs = performance.now() - t;
  out.firstPaintMs = out.toItemsMs + out.setItemsAndFirstFrameMs;

  // The floor on this machine: clear the canvas and read a pixel back.
  const empty: number[] = [];
  for (let i = 0; i < 20; i++) {
    const a = performance.now();
    ctx2d.fillStyle = i % 2 ? '#fff' : '#eee';
    ctx2d.fillRect(0, 0, tl.canvas.width, tl.canvas.height);
    flush();
    empty.push(performance.now() - a);
  }
  out.emptyFrameMedian = pct(empty, 0.5);

  const all: number[] = [];
  const timeFrames = (label: string, step: () => void, frames = 40) => {
    const ts: number[] = [];
    for (let i = 0; i < frames; i++) {
      step();
      const a = performance.now();
      tl.draw();
      flush();
      ts.push(performance.now() - a);
      if (performance.now() - a > 200) console.log('SLOW', label, i, performance.now() - a);
    }
    all.push(...ts);
    out[label] = pct(ts, 0.5);
    out[label.replace('Median', 'P95')] = pct(ts, 0.95);
  };
  // Pan (drag, arrows) and zoom (wheel: small steps reuse the layout; +/−
  // keys: 1.5× steps, a fresh layout every frame) at three zoom levels.
  const levels: [string, [number, number] | null][] = [
    ['FitAll', null],
    ['OneYear', [Date.UTC(2010, 0, 1), Date.UTC(2011, 0, 1)]],
    ['TwoWeeks', [Date.UTC(2010, 5, 1), Date.UTC(2010, 5, 15)]],
  ];
  for (const [name, view] of levels) {
    if (view) tl.setView(view);
    else tl.fitAll();
    tl.draw();
    timeFrames(`pan${name}Median`, () => tl.panBy(12));
    timeFrames(`wheel${name}Median`, () => tl.zoomBy(1.03), 20);
    timeFrames(`wheel${name}OutMedian`, () => tl.zoomBy(1 / 1.03), 20);
    let k = 1.5;
    timeFrames(`keyZoom${name}Median`, () => {
      tl.zoomBy(k);
      k = 1 / k;
    }, 20);
  }
  out.frameP95Ms = pct(all, 0.95);
  out.frameMaxMs = Math.max(...all);
  out.frames = all.length;

  // Hit testing: 1000 pointer positions.
  const r = tl.canvas.getBoundingClientRect();
  t = performance.now();
  for (let i = 0; i < 1000; i++) {
    tl.canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + ((i * 7) % r.width), clientY: r.top + 60 + ((i * 13) % (r.height - 60)) }));
  }
  out.hitTestUs = ((performance.now() - t) / 1000) * 1000;
  out.heapMb = heapMb();
  out.heapDeltaMb = out.heapMb - heap0;
  tl.destroy();
  return out;
}

(window as unknown as { runBench: typeof run }).runBench = run;

(window as unknown as { benchLib: unknown }).benchLib = { Timeline, toItems, synth, kindLanes, describeTimeline, lightTheme };

// Step by step, for bench/cpu.mjs (which reads the renderer's CPU time
// between steps through the DevTools protocol).
let cur: { events: EventSummary[]; tl: Timeline | null; k: number } | null = null;
const steps = {
  prepare(n: number) {
    cur?.tl?.destroy();
    document.getElementById('host')!.replaceChildren();
    cur = { events: synth(n), tl: null, k: 1.5 };
  },
  firstPaint() {
    const c = cur!;
    const { items } = toItems(c.events);
    c.tl = new Timeline(document.getElementById('host')!, { theme: lightTheme, lanes: kindLanes(lightTheme), describe: describeTimeline, now: () => Date.UTC(2024, 0, 1) });
    c.tl.setItems(items, { fit: true });
    c.tl.draw();
    c.tl.canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
  },
  level(name: 'FitAll' | 'OneYear' | 'TwoWeeks') {
    const tl = cur!.tl!;
    if (name === 'FitAll') tl.fitAll();
    else if (name === 'OneYear') tl.setView([Date.UTC(2010, 0, 1), Date.UTC(2011, 0, 1)]);
    else tl.setView([Date.UTC(2010, 5, 1), Date.UTC(2010, 5, 15)]);
    tl.draw();
  },
  frame(kind: 'pan' | 'wheelIn' | 'wheelOut' | 'keyZoom' | 'blank') {
    const c = cur!;
    const tl = c.tl!;
    if (kind === 'blank') {
      // The floor: repaint the canvas with one fill, no timeline work.
      const ctx = tl.canvas.getContext('2d')!;
      ctx.fillStyle = c.k > 1 ? '#fff' : '#fefefe';
      c.k = 1 / c.k;
      ctx.fillRect(0, 0, tl.canvas.width, tl.canvas.height);
      ctx.getImageData(0, 0, 1, 1);
      return;
    }
    if (kind === 'pan') tl.panBy(12);
    else if (kind === 'wheelIn') tl.zoomBy(1.03);
    else if (kind === 'wheelOut') tl.zoomBy(1 / 1.03);
    else {
      tl.zoomBy(c.k);
      c.k = 1 / c.k;
    }
    tl.draw();
    tl.canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
  },
};
(window as unknown as { benchSteps: typeof steps }).benchSteps = steps;
(window as unknown as { benchCur: () => Timeline }).benchCur = () => cur!.tl!;
