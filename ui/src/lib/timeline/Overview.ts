// The overview strip under the timeline toolbar: every item as a density
// histogram over the whole time span, the visible window as a frame. Click or
// drag to move the window; arrow keys when focused. Plain TypeScript.

import type { Theme } from '../theme';
import { EVENT_KINDS } from '../types';
import { fitDomain } from './scale';
import type { TimelineItem, ViewDomain } from './types';

export interface OverviewOptions {
  theme: Theme;
  /** The user moved the window: centre it on this time. */
  onCenter: (t: number) => void;
  /** Keyboard pan by a fraction of the view (±). */
  onPan: (fraction: number) => void;
  now?: () => number;
}

const BIN_PX = 2;
const KIND_INDEX = Object.fromEntries(EVENT_KINDS.map((k, i) => [k, i])) as Record<string, number>;

export class Overview {
  readonly canvas: HTMLCanvasElement;
  private ctx: CanvasRenderingContext2D;
  private items: readonly TimelineItem[] = [];
  private domain: ViewDomain = [0, 1];
  private view: ViewDomain | null = null;
  private counts = new Float64Array(0);
  private max = 0;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private raf = 0;
  private dragging = false;
  private ro: ResizeObserver;

  constructor(
    host: HTMLElement,
    private opts: OverviewOptions,
  ) {
    this.canvas = host.ownerDocument.createElement('canvas');
    this.canvas.className = 'tl-overview';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'slider');
    this.canvas.setAttribute('aria-label', 'Overview: the visible part of the timeline');
    this.canvas.setAttribute('aria-valuemin', '0');
    this.canvas.setAttribute('aria-valuemax', '100');
    this.canvas.setAttribute('aria-valuenow', '50');
    const s = this.canvas.style;
    s.display = 'block';
    s.width = '100%';
    s.height = '100%';
    s.cursor = 'ew-resize';
    s.touchAction = 'none';
    host.append(this.canvas);
    this.ctx = this.canvas.getContext('2d')!;
    this.canvas.addEventListener('pointerdown', this.onDown);
    this.canvas.addEventListener('pointermove', this.onMove);
    this.canvas.addEventListener('pointerup', this.onUp);
    this.canvas.addEventListener('keydown', this.onKey);
    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(this.canvas);
    this.resize();
  }

  setItems(items: readonly TimelineItem[]): void {
    this.items = items;
    this.domain = fitDomain(items, this.opts.now?.() ?? Date.now(), 0.01, 0.01);
    this.bin();
    this.updateValue();
    this.requestDraw();
  }

  setView(view: ViewDomain): void {
    this.view = view;
    this.updateValue();
    this.requestDraw();
  }

  /** The slider's value for assistive technology: where the view's centre sits (0–100) and
   * the days it shows. */
  private updateValue(): void {
    const span = this.domain[1] - this.domain[0];
    if (!this.view || !(span > 0)) return;
    const mid = (this.view[0] + this.view[1]) / 2;
    const pct = Math.round(Math.max(0, Math.min(1, (mid - this.domain[0]) / span)) * 100);
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    this.canvas.setAttribute('aria-valuenow', String(pct));
    this.canvas.setAttribute('aria-valuetext', `${day(this.view[0])} to ${day(this.view[1])}`);
  }

  setTheme(theme: Theme): void {
    this.opts.theme = theme;
    this.requestDraw();
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.ro.disconnect();
    this.canvas.remove();
  }

  private x(t: number): number {
    return ((t - this.domain[0]) / (this.domain[1] - this.domain[0])) * this.width;
  }

  private t(x: number): number {
    return this.domain[0] + (x / Math.max(1, this.width)) * (this.domain[1] - this.domain[0]);
  }

  private resize(): void {
    const r = this.canvas.getBoundingClientRect();
    const w = Math.round(r.width);
    const h = Math.round(r.height);
    const dpr = window.devicePixelRatio || 1;
    if (w === this.width && h === this.height && dpr === this.dpr) return;
    this.width = w;
    this.height = h;
    this.dpr = dpr;
    this.canvas.width = Math.max(1, Math.round(w * dpr));
    this.canvas.height = Math.max(1, Math.round(h * dpr));
    this.bin();
    this.requestDraw();
  }

  /** Counts per 2 px bin and kind, once per items and width: O(n). */
  private bin(): void {
    const nb = Math.max(1, Math.ceil(this.width / BIN_PX));
    this.counts = new Float64Array(nb * 4);
    const k = nb / (this.domain[1] - this.domain[0]);
    for (const it of this.items) {
      const b = Math.floor(((it.start + it.end) / 2 - this.domain[0]) * k);
      if (b >= 0 && b < nb) this.counts[b * 4 + (KIND_INDEX[it.kind] ?? 0)]++;
    }
    this.max = 0;
    for (let b = 0; b < nb; b++) {
      const s = this.counts[b * 4] + this.counts[b * 4 + 1] + this.counts[b * 4 + 2] + this.counts[b * 4 + 3];
      if (s > this.max) this.max = s;
    }
  }

  private requestDraw(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.draw();
    });
  }

  draw(): void {
    const { ctx, width: w, height: h } = this;
    const th = this.opts.theme;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = th.canvas.laneBandB;
    ctx.fillRect(0, 0, w, h);
    if (this.max > 0) {
      const scale = (h - 4) / Math.sqrt(this.max);
      const nb = this.counts.length / 4;
      EVENT_KINDS.forEach((kind, k) => {
        ctx.fillStyle = th.kinds[kind];
        for (let b = 0; b < nb; b++) {
          const o = b * 4;
          const total = this.counts[o] + this.counts[o + 1] + this.counts[o + 2] + this.counts[o + 3];
          if (!total || !this.counts[o + k]) continue;
          const bar = Math.max(1.5, Math.sqrt(total) * scale);
          let below = 0;
          for (let j = 0; j < k; j++) below += this.counts[o + j];
          const y0 = h - 2 - (bar * below) / total;
          const hk = (bar * this.counts[o + k]) / total;
          // fillRect, not one path of many rectangles: Skia's fast path.
          ctx.fillRect(b * BIN_PX, y0 - hk, BIN_PX - 0.25, hk);
        }
      });
    }
    if (this.view) {
      const a = Math.max(0, this.x(this.view[0]));
      const b = Math.min(w, this.x(this.view[1]));
      const x0 = Math.min(a, w - 3);
      const ww = Math.max(3, b - x0);
      ctx.fillStyle = th.brush;
      ctx.fillRect(x0, 0, ww, h);
      ctx.strokeStyle = th.brushEdge;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(x0 + 0.75, 0.75, ww - 1.5, h - 1.5);
    }
    ctx.strokeStyle = th.canvas.gridMajor;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, h - 0.5);
    ctx.lineTo(w, h - 0.5);
    ctx.stroke();
  }

  private local(ev: PointerEvent): number {
    return ev.clientX - this.canvas.getBoundingClientRect().left;
  }

  private onDown = (ev: PointerEvent) => {
    if (ev.button !== 0) return;
    this.dragging = true;
    this.canvas.setPointerCapture?.(ev.pointerId);
    this.opts.onCenter(this.t(this.local(ev)));
  };

  private onMove = (ev: PointerEvent) => {
    if (this.dragging) this.opts.onCenter(this.t(this.local(ev)));
  };

  private onUp = () => {
    this.dragging = false;
  };

  private onKey = (ev: KeyboardEvent) => {
    const f = ev.shiftKey ? 0.6 : 0.2;
    if (ev.key === 'ArrowLeft' || ev.key === 'ArrowDown') this.opts.onPan(-f);
    else if (ev.key === 'ArrowRight' || ev.key === 'ArrowUp') this.opts.onPan(f);
    else return;
    ev.preventDefault();
  };
}
