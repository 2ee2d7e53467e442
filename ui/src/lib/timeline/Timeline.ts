// The interactive timeline: a canvas, a d3-zoom behaviour, a lane gutter.
// Plain TypeScript (no framework) so it can be driven and benchmarked alone.

import { scaleUtc, type ScaleTime } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity, ZoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import type { Theme } from '../theme';
import { LaneLabels } from './gutter';
import { hitTest } from './hittest';
import {
  DEFAULT_LAYOUT,
  buildLaneIndex,
  inStartOrder,
  laneGeometry,
  laneMarks,
  layoutWindow,
  lowerBound,
  visibleRange,
  type LaneGeometry,
  type LaneIndex,
  type Layout,
  type Placed,
} from './layout';
import {
  AXIS_H,
  BulkPainter,
  DensityPainter,
  FONT_SIZE,
  LANE_PAD,
  ROW_H,
  TextFitter,
  drawAxis,
  drawBrush,
  drawGlyph,
  drawGrid,
  drawLabel,
  drawToday,
} from './render';
import { clampSpan, domainForTransform, fitBody, fitDomain, revealDomain, scaleExtentFor, transformForDomain } from './scale';
import { computeTicks } from './ticks';
import type { LaneSpec, TimelineItem, ViewDomain } from './types';
import { EVENT_KINDS, type EventKind } from '../types';

export interface TimelineOptions {
  theme: Theme;
  lanes: LaneSpec;
  /** Called when the user selects (click, keyboard) or clears a selection. */
  onSelect?: (id: number | null) => void;
  /** Pointer over an item (null when it leaves), with client coordinates. */
  onHover?: (item: TimelineItem | null, clientX: number, clientY: number) => void;
  /** Pointer over a density band (null when it leaves): what the band counts around the pointer. */
  onBandHover?: (band: BandInfo | null, clientX: number, clientY: number) => void;
  /** The visible domain changed (throttled to frames). */
  onView?: (view: ViewDomain) => void;
  /** The user brushed a time range (Shift+drag, or `b` for the view); null clears it. */
  onBrush?: (range: ViewDomain | null) => void;
  /** Accessible description of the canvas. */
  describe?: (items: readonly TimelineItem[], view: ViewDomain) => string;
  now?: () => number;
}

/** Events of a density band in a small window around the pointer. */
export interface BandInfo {
  lane: string;
  /** Events starting in [from, to). */
  count: number;
  from: number;
  to: number;
  byKind: Record<EventKind, number>;
}

/** Half-width (px) of the window a density-band tooltip counts. */
const BAND_HOVER_PX = 8;

const GEO = { top: AXIS_H, rowHeight: ROW_H, lanePad: LANE_PAD };
const GUTTER_W = 140;
/**
 * Above this many items in view, glyphs are batched and labels dropped (at
 * that density labels would not fit anyway; painting each glyph with its
 * gradient and label costs too much on a software canvas).
 */
const BULK_THRESHOLD = 600;
/** Most rows a lane grows to before its marks overlap (and it becomes a density band). */
const LANE_ROWS = 40;

export class Timeline {
  readonly root: HTMLDivElement;
  readonly canvas: HTMLCanvasElement;
  private gutter: HTMLDivElement;
  private ctx: CanvasRenderingContext2D;
  private fitter: TextFitter;
  private opts: TimelineOptions;
  private zoom: ZoomBehavior<HTMLCanvasElement, unknown>;
  private sel: Selection<HTMLCanvasElement, unknown, null, undefined>;
  private ro: ResizeObserver;

  private items: readonly TimelineItem[] = [];
  /** The items in start order (the same array when they came sorted). */
  private sorted: readonly TimelineItem[] = [];
  /** Items per lane in start order (built lazily, once per items and lanes). */
  private lanesIndex: LaneIndex[] | null = null;
  /** The layout covers items in this time window; valid while the view stays inside. */
  private layoutValid: ViewDomain = [0, 0];
  private density: DensityPainter | null = null;
  /** Lanes the user collapsed (by key). */
  private collapsed = new Set<string>();
  /** Vertical scroll of the lanes (px) when they are taller than the canvas. */
  private scrollY = 0;
  private base: ViewDomain = [0, 1];
  private transform: ZoomTransform = zoomIdentity;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private layout: Layout | null = null;
  private layoutKey = '';
  private layoutRows = 0;
  private relayoutTimer: ReturnType<typeof setTimeout> | undefined;
  private geo: LaneGeometry[] = [];
  private laneLabels: LaneLabels;
  private raf = 0;
  private hasView = false;
  private selectedId: number | null = null;
  private hoverId: number | null = null;
  private lastView: ViewDomain = [0, 0];
  /** The layout the lanes' mark counts were last written for. */
  private marksLayout: Layout | null = null;
  private lastAria = '';
  /** The time brush shown (set from outside, or while dragging). */
  private brush: ViewDomain | null = null;
  private brushDrag: { from: number; to: number; id: number } | null = null;
  private suppressClick = false;

  constructor(host: HTMLElement, opts: TimelineOptions) {
    this.opts = opts;
    const doc = host.ownerDocument;
    this.root = doc.createElement('div');
    this.root.className = 'tl-root';
    this.gutter = doc.createElement('div');
    this.gutter.className = 'tl-gutter';
    this.laneLabels = new LaneLabels(this.gutter, (key) => this.toggleLane(key));
    this.canvas = doc.createElement('canvas');
    this.canvas.className = 'tl-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-roledescription', 'timeline');
    this.root.append(this.gutter, this.canvas);
    host.append(this.root);
    this.layoutStyles();

    // Opaque: every frame paints every pixel, and an opaque canvas skips blending when composited.
    const ctx = this.canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('Canvas 2D is not available');
    this.ctx = ctx;
    this.fitter = new TextFitter(ctx);

    this.zoom = d3zoom<HTMLCanvasElement, unknown>()
      .clickDistance(4)
      .filter((ev: Event) => {
        if (ev.type === 'wheel') {
          const w = ev as WheelEvent;
          return !w.shiftKey && Math.abs(w.deltaY) >= Math.abs(w.deltaX);
        }
        const m = ev as MouseEvent;
        // Shift+drag brushes a time range instead of panning.
        return !m.ctrlKey && !m.button && !(ev.type === 'mousedown' && m.shiftKey);
      })
      .constrain((t) => (t.y === 0 ? t : new ZoomTransform(t.k, t.x, 0)))
      .on('start', (ev: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        if (ev.sourceEvent?.type === 'mousedown') this.canvas.style.cursor = 'grabbing';
      })
      .on('zoom', (ev: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        this.transform = ev.transform;
        this.requestDraw();
      })
      .on('end', () => {
        this.canvas.style.cursor = this.hoverId !== null ? 'pointer' : 'grab';
      });
    this.sel = select(this.canvas);
    this.sel.call(this.zoom);

    this.canvas.addEventListener('wheel', this.onWheel, { passive: false });
    this.canvas.addEventListener('click', this.onClick);
    this.canvas.addEventListener('pointermove', this.onPointerMove);
    this.canvas.addEventListener('pointerleave', this.onPointerLeave);
    this.canvas.addEventListener('keydown', this.onKeyDown);
    this.canvas.addEventListener('pointerdown', this.onPointerDown);
    this.canvas.addEventListener('pointerup', this.onPointerUp);
    this.gutter.addEventListener('scroll', this.onGutterScroll);

    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(this.root);
    // A devicePixelRatio change (other monitor, browser zoom) fires resize.
    window.addEventListener('resize', this.onWindowResize);
    this.resize();
  }

  // ---------------------------------------------------------------- public

  /** Replace the items. Fits the view the first time (or when asked). */
  setItems(items: readonly TimelineItem[], opts: { fit?: boolean } = {}): void {
    this.items = items;
    this.sorted = inStartOrder(items);
    this.lanesIndex = null;
    this.layout = null;
    this.layoutKey = '';
    if (this.selectedId !== null && !this.items.some((i) => i.id === this.selectedId)) this.selectedId = null;
    if (opts.fit || !this.hasView) this.fitDefault();
    this.requestDraw();
  }

  setLanes(spec: LaneSpec): void {
    this.opts.lanes = spec;
    this.lanesIndex = null;
    this.layout = null;
    this.layoutKey = '';
    this.requestDraw();
  }

  /** Collapse or expand a lane (a collapsed lane is a one-row density band). */
  toggleLane(key: string): void {
    if (this.collapsed.has(key)) this.collapsed.delete(key);
    else this.collapsed.add(key);
    this.layout = null;
    this.layoutKey = '';
    this.requestDraw();
  }

  isCollapsed(key: string): boolean {
    return this.collapsed.has(key);
  }

  setTheme(theme: Theme): void {
    this.opts.theme = theme;
    this.laneLabels.invalidate();
    this.requestDraw();
  }

  getItems(): readonly TimelineItem[] {
    return this.items;
  }

  /** The visible time domain [start, end) in UTC ms. */
  getView(): ViewDomain {
    // Same as viewScale().domain(), without building a d3 scale (and its
    // tick formats) several times a frame.
    return domainForTransform(this.base, Math.max(1, this.width), this.transform);
  }

  /**
   * The current time scale: d3's scaleUtc over the base domain, rescaled by
   * the d3-zoom transform. (Painting inlines the same linear map.)
   */
  viewScale(): ScaleTime<number, number> {
    const base = scaleUtc()
      .domain([new Date(this.base[0]), new Date(this.base[1])])
      .range([0, Math.max(1, this.width)]);
    return this.transform.rescaleX(base);
  }

  /** Show exactly this domain (clamped to the zoom limits). */
  setView(view: ViewDomain): void {
    if (this.width <= 0) {
      this.base = clampSpan(view);
      this.hasView = true;
      return;
    }
    const t = transformForDomain(this.base, this.width, clampSpan(view));
    this.sel.call(this.zoom.transform, new ZoomTransform(t.k, t.x, 0));
    this.requestDraw();
  }

  /** Every item in view, outliers and all (Fit all, the 0 key). */
  fitAll(): void {
    this.fitTo(fitDomain(this.items, this.now()));
  }

  /**
   * The view a workspace opens with, and returns to after an import: the main body of
   * the events (fitBody), so that a few far from the rest do not make every lane a
   * density band. The overview and Fit all reach the others.
   */
  fitDefault(): void {
    this.fitTo(fitBody(this.items, this.now()));
  }

  private fitTo(view: ViewDomain): void {
    this.base = view;
    this.hasView = true;
    this.zoom.scaleExtent(scaleExtentFor(view));
    this.sel.call(this.zoom.transform, zoomIdentity);
    this.requestDraw();
  }

  /** Fit the view to some items (e.g. the events an import added). */
  fitItems(ids: readonly number[]): void {
    const want = new Set(ids);
    const subset = this.items.filter((i) => want.has(i.id));
    if (subset.length) this.setView(fitDomain(subset, this.now()));
  }

  /** Zoom around the centre (factor > 1 zooms in). */
  zoomBy(factor: number): void {
    this.sel.call(this.zoom.scaleBy, factor, [this.width / 2, 0]);
  }

  /** Pan by px (positive: later in time). */
  panBy(px: number): void {
    this.sel.call(this.zoom.translateBy, -px / this.transform.k, 0);
  }

  select(id: number | null, opts: { reveal?: boolean } = {}): void {
    this.selectedId = id;
    if (id !== null && opts.reveal) {
      const it = this.items.find((i) => i.id === id);
      if (it) {
        const v = this.getView();
        const next = revealDomain(v, it.start, it.end);
        if (next[0] !== v[0] || next[1] !== v[1]) this.setView(next);
      }
    }
    this.requestDraw();
  }

  /** Show a time brush (null: none). Does not call onBrush. */
  setBrush(range: ViewDomain | null): void {
    const same = range === this.brush || (range && this.brush && range[0] === this.brush[0] && range[1] === this.brush[1]);
    if (same) return;
    this.brush = range;
    this.requestDraw();
  }

  getBrush(): ViewDomain | null {
    return this.brush;
  }

  getSelected(): number | null {
    return this.selectedId;
  }

  /** Select the next (+1) or previous (-1) item in time, revealing it. */
  selectAdjacent(dir: 1 | -1): TimelineItem | null {
    const s = this.sorted;
    if (!s.length) return null;
    let idx = this.selectedId === null ? -1 : s.findIndex((i) => i.id === this.selectedId);
    if (idx < 0) {
      const [v0, v1] = this.getView();
      if (dir > 0) {
        idx = s.findIndex((i) => i.end >= v0);
        if (idx < 0) idx = s.length - 1;
      } else {
        idx = s.length - 1;
        while (idx > 0 && s[idx].start > v1) idx--;
      }
    } else {
      idx = Math.min(s.length - 1, Math.max(0, idx + dir));
    }
    const it = s[idx];
    this.select(it.id, { reveal: true });
    this.opts.onSelect?.(it.id);
    return it;
  }

  /** Centre of an item's glyph in client coordinates (for tests and a11y). */
  itemClientPoint(id: number): { x: number; y: number } | null {
    const layout = this.ensureLayout();
    const pl = layout?.byId.get(id);
    if (!layout || !pl) return null;
    const [v0] = this.getView();
    const g = this.geo[pl.lane];
    const r = this.canvas.getBoundingClientRect();
    return {
      x: r.left + ((pl.x0 + pl.x1) / 2 - v0) / layout.msPerPx,
      y: r.top + g.y - this.scrollY + LANE_PAD + pl.row * ROW_H + ROW_H / 2,
    };
  }

  focus(): void {
    this.canvas.focus();
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    clearTimeout(this.relayoutTimer);
    this.ro.disconnect();
    window.removeEventListener('resize', this.onWindowResize);
    this.sel.on('.zoom', null);
    this.canvas.removeEventListener('wheel', this.onWheel);
    this.canvas.removeEventListener('click', this.onClick);
    this.canvas.removeEventListener('pointermove', this.onPointerMove);
    this.canvas.removeEventListener('pointerleave', this.onPointerLeave);
    this.canvas.removeEventListener('keydown', this.onKeyDown);
    this.canvas.removeEventListener('pointerdown', this.onPointerDown);
    this.canvas.removeEventListener('pointerup', this.onPointerUp);
    this.gutter.removeEventListener('scroll', this.onGutterScroll);
    this.root.remove();
  }

  // ---------------------------------------------------------------- input

  private onWindowResize = () => this.resize();

  /** The lanes scroll with the gutter (wheel over the lane names, PageUp/PageDown). */
  private onGutterScroll = () => {
    if (this.gutter.scrollTop !== this.scrollY) {
      this.scrollY = this.gutter.scrollTop;
      this.requestDraw();
    }
  };

  /** Scroll the lanes vertically by px (when they are taller than the view). */
  scrollLanes(px: number): void {
    this.gutter.scrollTop = Math.max(0, this.gutter.scrollTop + px);
    this.onGutterScroll();
  }

  private onWheel = (ev: WheelEvent) => {
    // Horizontal scroll or shift+wheel pans; plain wheel zooms (d3-zoom).
    if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
      ev.preventDefault();
      const d = Math.abs(ev.deltaX) > Math.abs(ev.deltaY) ? ev.deltaX : ev.deltaY;
      this.panBy(ev.deltaMode === 1 ? d * 16 : d);
    }
  };

  private localPoint(ev: MouseEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    return [ev.clientX - r.left, ev.clientY - r.top];
  }

  private hit(x: number, y: number) {
    const layout = this.ensureLayout(true);
    if (!layout) return null;
    const [v0] = this.getView();
    return hitTest(layout, this.geo, x, y + this.scrollY, {
      ...GEO,
      viewStart: v0,
      msPerPx: layout.msPerPx,
      tolerancePx: 3,
      gapMs: DEFAULT_LAYOUT.gapPx * layout.msPerPx,
    });
  }

  private timeAt(x: number): number {
    const [v0, v1] = this.getView();
    return v0 + (x / Math.max(1, this.width)) * (v1 - v0);
  }

  private onPointerDown = (ev: PointerEvent) => {
    if (!ev.shiftKey || ev.button !== 0) return;
    const t = this.timeAt(this.localPoint(ev)[0]);
    this.brushDrag = { from: t, to: t, id: ev.pointerId };
    this.canvas.setPointerCapture?.(ev.pointerId);
    ev.preventDefault();
  };

  private onPointerUp = (ev: PointerEvent) => {
    const d = this.brushDrag;
    if (!d || d.id !== ev.pointerId) return;
    this.brushDrag = null;
    this.suppressClick = true;
    const a = Math.min(d.from, d.to);
    const b = Math.max(d.from, d.to);
    // A Shift+click (no drag) clears the brush.
    const range: ViewDomain | null = (b - a) / this.msPerPx() < 3 ? null : [a, b];
    this.brush = range;
    this.requestDraw();
    this.opts.onBrush?.(range);
  };

  private msPerPx(): number {
    const [v0, v1] = this.getView();
    return (v1 - v0) / Math.max(1, this.width);
  }

  private onClick = (ev: MouseEvent) => {
    if (this.suppressClick) {
      this.suppressClick = false;
      return;
    }
    const [x, y] = this.localPoint(ev);
    const h = this.hit(x, y);
    const id = h ? h.placed.item.id : null;
    if (id === null && this.denseLaneAt(y)) {
      // A density band: zoom into it (4x around the pointer).
      this.sel.call(this.zoom.scaleBy, 4, [x, 0]);
      return;
    }
    this.selectedId = id;
    this.requestDraw();
    this.opts.onSelect?.(id);
  };

  /** True when y falls in a lane drawn as a density band. */
  private denseLaneAt(y: number): boolean {
    return this.denseLaneIndex(y) >= 0;
  }

  /** Index of the density-band lane under y, or -1. */
  private denseLaneIndex(y: number): number {
    const layout = this.layout;
    if (!layout || y <= AXIS_H) return -1;
    const yy = y + this.scrollY;
    const i = this.geo.findIndex((g) => yy >= g.y && yy < g.y + g.height);
    return i >= 0 && layout.lanes[i]?.dense === true ? i : -1;
  }

  /** What a density band counts around x (events starting within BAND_HOVER_PX of it). */
  bandAt(x: number, y: number): BandInfo | null {
    const li = this.denseLaneIndex(y);
    const lane = li >= 0 ? this.laneIndex()[li] : undefined;
    if (!lane) return null;
    const from = this.timeAt(x - BAND_HOVER_PX);
    const to = this.timeAt(x + BAND_HOVER_PX);
    const byKind = {} as Record<EventKind, number>;
    EVENT_KINDS.forEach((k, i) => {
      const starts = lane.kindStarts[i];
      byKind[k] = lowerBound(starts, to) - lowerBound(starts, from);
    });
    const count = lowerBound(lane.starts, to) - lowerBound(lane.starts, from);
    return { lane: lane.label, count, from, to, byKind };
  }

  private onPointerMove = (ev: PointerEvent) => {
    const [x, y] = this.localPoint(ev);
    if (this.brushDrag && this.brushDrag.id === ev.pointerId) {
      this.brushDrag.to = this.timeAt(x);
      this.requestDraw();
      return;
    }
    const h = y > AXIS_H ? this.hit(x, y) : null;
    const id = h ? h.placed.item.id : null;
    const band = id === null ? this.bandAt(x, y) : null;
    const cursor = id !== null ? 'pointer' : band ? 'zoom-in' : 'grab';
    if (this.canvas.style.cursor !== cursor) this.canvas.style.cursor = cursor;
    // Repaint only when the highlighted item changes (not at every move over empty space).
    if (id !== this.hoverId) {
      this.hoverId = id;
      this.requestDraw();
    }
    this.opts.onHover?.(h ? h.placed.item : null, ev.clientX, ev.clientY);
    this.opts.onBandHover?.(band && band.count > 0 ? band : null, ev.clientX, ev.clientY);
  };

  private onPointerLeave = () => {
    if (this.hoverId !== null) {
      this.hoverId = null;
      this.requestDraw();
    }
    this.opts.onHover?.(null, 0, 0);
    this.opts.onBandHover?.(null, 0, 0);
  };

  private onKeyDown = (ev: KeyboardEvent) => {
    if (ev.altKey || ev.metaKey || ev.ctrlKey) return;
    const step = this.width * (ev.shiftKey ? 0.6 : 0.2);
    let handled = true;
    switch (ev.key) {
      case '+':
      case '=':
        this.zoomBy(1.5);
        break;
      case '-':
      case '_':
        this.zoomBy(1 / 1.5);
        break;
      case 'ArrowLeft':
        this.panBy(-step);
        break;
      case 'ArrowRight':
        this.panBy(step);
        break;
      case '0':
      case 'Home':
        this.fitAll();
        break;
      case ']':
      case 'n':
        this.selectAdjacent(1);
        break;
      case '[':
      case 'p':
        this.selectAdjacent(-1);
        break;
      case 'PageDown':
        this.scrollLanes(this.height / 2);
        break;
      case 'PageUp':
        this.scrollLanes(-this.height / 2);
        break;
      case 'b':
        // Brush the visible range (keyboard equivalent of Shift+drag).
        this.brush = this.getView();
        this.requestDraw();
        this.opts.onBrush?.(this.brush);
        break;
      case 'Escape':
        if (this.selectedId === null) handled = false;
        else {
          this.selectedId = null;
          this.requestDraw();
          this.opts.onSelect?.(null);
        }
        break;
      default:
        handled = false;
    }
    if (handled) ev.preventDefault();
  };

  // ---------------------------------------------------------------- layout

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  private layoutStyles(): void {
    const r = this.root.style;
    r.position = 'relative';
    r.display = 'flex';
    r.width = '100%';
    r.height = '100%';
    r.overflow = 'hidden';
    const g = this.gutter.style;
    g.position = 'relative';
    g.flex = `0 0 ${GUTTER_W}px`;
    // Lanes taller than the view scroll here (the canvas follows scrollTop).
    g.overflowX = 'hidden';
    g.overflowY = 'auto';
    g.scrollbarWidth = 'thin';
    const c = this.canvas.style;
    c.flex = '1 1 auto';
    c.minWidth = '0';
    c.height = '100%';
    c.display = 'block';
    c.cursor = 'grab';
    c.touchAction = 'none';
  }

  private resize(): void {
    const r = this.canvas.getBoundingClientRect();
    const w = Math.max(0, Math.round(r.width));
    const h = Math.max(0, Math.round(r.height));
    const dpr = window.devicePixelRatio || 1;
    if (w === this.width && h === this.height && dpr === this.dpr) return;
    const keep = this.width > 0 && this.hasView ? this.getView() : null;
    this.width = w;
    this.height = h;
    this.dpr = dpr;
    this.canvas.width = Math.max(1, Math.round(w * dpr));
    this.canvas.height = Math.max(1, Math.round(h * dpr));
    this.zoom.extent([
      [0, 0],
      [Math.max(1, w), Math.max(1, h)],
    ]);
    this.layoutKey = '';
    if (w > 0 && keep) {
      const t = transformForDomain(this.base, w, keep);
      this.sel.call(this.zoom.transform, new ZoomTransform(t.k, t.x, 0));
    }
    this.requestDraw();
  }

  private laneIndex(): LaneIndex[] {
    return (this.lanesIndex ??= buildLaneIndex(this.sorted, this.opts.lanes));
  }

  /**
   * The layout for the current view. It covers a window three views wide
   * (panning inside it needs no new layout) and stacks only the items in that
   * window; lanes with more items there than their rows can show are density
   * bands (not stacked at all). While zooming, a layout made for a zoom within
   * 25% is reused (glyphs are re-measured at draw time) and a fresh one
   * follows once the zoom settles.
   */
  private ensureLayout(allowStale = false): Layout | null {
    if (this.width <= 0) return null;
    const [v0, v1] = this.getView();
    const span = v1 - v0;
    const msPerPx = span / this.width;
    const lanesIx = this.laneIndex();
    // A lane grows to show all its rows (lanes taller than the view scroll), so
    // marks are hidden in a density band only when they truly overlap.
    const maxRows = LANE_ROWS;
    const key = `${msPerPx.toPrecision(12)}|${maxRows}`;
    const inside = v0 >= this.layoutValid[0] && v1 <= this.layoutValid[1];
    if (this.layout && key === this.layoutKey && inside) return this.layout;
    if (allowStale && inside && this.layout && this.layoutRows === maxRows) {
      const ratio = msPerPx / this.layout.msPerPx;
      if (ratio > 0.8 && ratio < 1.25) {
        clearTimeout(this.relayoutTimer);
        this.relayoutTimer = setTimeout(() => {
          this.layoutKey = '';
          this.ensureLayout(false);
          this.requestDraw();
        }, 120);
        return this.layout;
      }
    }
    clearTimeout(this.relayoutTimer);
    const t0 = v0 - span;
    const t1 = v1 + span;
    // More items in view than one per 16 px of each row: stacking could
    // only overlap them, so the lane is a density band without trying.
    const denseAbove = Math.max(100, Math.round((maxRows * this.width) / 16));
    this.layout = layoutWindow(lanesIx, t0, t1, { ...DEFAULT_LAYOUT, msPerPx, maxRows }, denseAbove, this.collapsed, [v0, v1], BULK_THRESHOLD);
    // Labels reach maxLabelPx to the right of their item: keep that margin.
    this.layoutValid = [t0 + (DEFAULT_LAYOUT.maxLabelPx + 60) * msPerPx, t1 - 20 * msPerPx];
    this.layoutKey = key;
    this.layoutRows = maxRows;
    this.geo = laneGeometry(this.layout, GEO, this.height - AXIS_H);
    this.updateGutter();
    return this.layout;
  }

  /** The lane labels beside the canvas, for the current lanes and layout. */
  private updateGutter(): void {
    this.laneLabels.update(this.geo, this.layout, this.collapsed, this.opts.theme, this.opts.lanes.color);
  }

  // ---------------------------------------------------------------- drawing

  requestDraw(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.draw();
    });
  }

  /** Paint one frame now (normally via requestDraw). */
  draw(): void {
    // Painting now makes a pending animation-frame paint redundant.
    if (this.raf) {
      cancelAnimationFrame(this.raf);
      this.raf = 0;
    }
    const layout = this.ensureLayout(true);
    if (!layout) return;
    const { ctx, width: w, height: h } = this;
    const th = this.opts.theme;
    const [v0, v1] = this.getView();
    const msPerPx = (v1 - v0) / w;
    const X = (t: number) => (t - v0) / msPerPx;

    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const sy = this.scrollY;
    // Each pixel filled once: the lane bands, the background only where no
    // band is (the axis paints its own band last). Full-canvas fills are a
    // large share of a software-rasterised frame.
    let filledTo = 0;
    this.geo.forEach((g, i) => {
      const y0 = Math.max(AXIS_H, g.y - sy);
      const y1 = Math.min(h, g.y - sy + g.height);
      if (y1 <= y0) return;
      if (y0 > filledTo) {
        ctx.fillStyle = th.canvas.bg;
        ctx.fillRect(0, filledTo, w, y0 - filledTo);
      }
      ctx.fillStyle = i % 2 ? th.canvas.laneBandB : th.canvas.laneBandA;
      ctx.fillRect(0, y0, w, y1 - y0);
      filledTo = y1;
    });
    if (filledTo < h) {
      ctx.fillStyle = th.canvas.bg;
      ctx.fillRect(0, filledTo, w, h - filledTo);
    }
    ctx.strokeStyle = th.canvas.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const g of this.geo) {
      ctx.moveTo(0, Math.round(g.y - sy + g.height) - 0.5);
      ctx.lineTo(w, Math.round(g.y - sy + g.height) - 0.5);
    }
    ctx.stroke();

    const ticks = computeTicks(v0, v1, w);
    drawGrid(ctx, ticks, X, w, h, th);

    ctx.save();
    ctx.beginPath();
    ctx.rect(0, AXIS_H, w, h - AXIS_H);
    ctx.clip();
    this.fitter.setFont(`${FONT_SIZE}px ${th.font}`);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    // Cull in time; labels may start up to maxLabelPx left of the view.
    const cullLeft = v0 - (DEFAULT_LAYOUT.maxLabelPx + 40) * Math.max(msPerPx, layout.msPerPx);
    const cullRight = v1 + 20 * msPerPx;
    const minGlyphMs = DEFAULT_LAYOUT.minGlyphPx * msPerPx;
    const gapPx = DEFAULT_LAYOUT.gapPx;
    // Glyph extent in px at the current zoom (the layout may be a frame old).
    const halfGlyph = DEFAULT_LAYOUT.minGlyphPx / 2;
    const gx = (it: TimelineItem): [number, number] => {
      if (it.end - it.start >= minGlyphMs) return [X(it.start), X(it.end)];
      const c = X((it.start + it.end) / 2);
      return [c - DEFAULT_LAYOUT.minGlyphPx / 2, c + DEFAULT_LAYOUT.minGlyphPx / 2];
    };
    // Crowded view: batch glyphs by colour and drop labels.
    let visible = 0;
    for (const lane of layout.lanes) {
      for (const row of lane.rows) {
        const [a, b] = visibleRange(row, cullLeft, cullRight);
        visible += b - a;
      }
    }
    const bulk = visible > BULK_THRESHOLD ? new BulkPainter(th) : null;
    let deferred: (() => void)[] = [];
    layout.lanes.forEach((lane, li) => {
      const g = this.geo[li];
      lane.rows.forEach((row, ri) => {
        const top = g.y - sy + LANE_PAD + ri * ROW_H;
        if (top > h || top + ROW_H < AXIS_H || top + ROW_H > g.y - sy + g.height + 0.5) return;
        const [a, b] = visibleRange(row, cullLeft, cullRight);
        let coveredTo = -Infinity;
        for (let i = a; i < b; i++) {
          const pl = row.items[i];
          const it = pl.item;
          const marker = it.end - it.start < minGlyphMs;
          let x0: number;
          let x1: number;
          if (marker) {
            const c = X((it.start + it.end) / 2);
            x0 = c - halfGlyph;
            x1 = c + halfGlyph;
          } else {
            x0 = X(it.start);
            x1 = X(it.end);
          }
          const special = it.id === this.selectedId || it.id === this.hoverId;
          // Crowded rows: skip what is entirely under an already drawn glyph.
          if (!special && x1 - coveredTo < 1) continue;
          if (x1 < -DEFAULT_LAYOUT.maxLabelPx - 20 || x0 > w + 20) continue;
          coveredTo = Math.max(coveredTo, x1);
          if (bulk && !special) {
            bulk.add(pl, x0, x1, top, marker);
            continue;
          }
          // A label runs up to the next glyph of its row (overlapping or not).
          const next = row.items[i + 1];
          // The last of its row runs free: past the canvas edge it is clipped anyway,
          // and a room that moved with every pan step would re-truncate it each frame.
          const limit = next ? gx(next.item)[0] - gapPx : Infinity;
          if (special) deferred.push(() => this.paintItem(pl, x0, x1, top, marker, limit));
          else this.paintItem(pl, x0, x1, top, marker, limit);
        }
        bulk?.endRow();
      });
    });
    bulk?.flush(ctx);
    // Lanes too dense to stack: per-kind histogram bars over 3 px bins.
    const lanesIx = this.laneIndex();
    layout.lanes.forEach((lane, li) => {
      if (!lane.dense || !lanesIx[li]) return;
      const g = this.geo[li];
      this.density ??= new DensityPainter();
      if (g.y - sy > h || g.y - sy + g.height < AXIS_H) return;
      this.density.paint(ctx, lanesIx[li], v0, msPerPx, w, g.y - sy + LANE_PAD, g.height - 2 * LANE_PAD, th);
    });
    // Hovered and selected items are painted last, on top of their neighbours.
    for (const paint of deferred) paint();
    deferred = [];
    ctx.restore();

    const b = this.brushDrag ? [Math.min(this.brushDrag.from, this.brushDrag.to), Math.max(this.brushDrag.from, this.brushDrag.to)] : this.brush;
    if (b) drawBrush(ctx, X(b[0]), X(b[1]), w, h, th);
    drawAxis(ctx, ticks, X, w, th, this.fitter);
    // After the axis, whose band would hide the marker's tab.
    const now = this.now();
    if (now >= v0 && now <= v1) drawToday(ctx, X(now), h, th);
    this.afterDraw([v0, v1]);
  }

  private paintItem(pl: Placed, x0: number, x1: number, top: number, marker: boolean, limit: number): void {
    const it = pl.item;
    // Long extents at deep zoom: cut them just outside the canvas. What is
    // off screen is never seen, but a software rasteriser still fills it
    // (a month at two-week zoom is 3,000 px of gradient).
    const g0 = marker ? x0 : Math.max(x0, -16);
    const g1 = marker ? x1 : Math.min(x1, this.width + 16);
    drawGlyph(this.ctx, pl, { x0: g0, x1: g1, top, marker, selected: it.id === this.selectedId, hovered: it.id === this.hoverId }, this.opts.theme);
    this.paintLabel(it, x0, x1, top, marker, limit);
  }

  /**
   * Label inside a wide glyph when it fits whole; else to its right (up to
   * `limit`, the next glyph) when there is more room there; else truncated.
   */
  private paintLabel(it: TimelineItem, x0: number, x1: number, top: number, marker: boolean, limit: number): void {
    const th = this.opts.theme;
    const struck = it.status === 'cancelled';
    const vis0 = Math.max(x0, 0);
    const insideW = marker ? 0 : Math.min(x1, this.width) - vis0 - 12;
    const lx = (marker ? (x0 + x1) / 2 + 5.5 : x1) + DEFAULT_LAYOUT.labelGapPx;
    const outsideW = lx > this.width ? 0 : Math.min(limit - lx, DEFAULT_LAYOUT.maxLabelPx * 4);
    if (insideW < 40 && outsideW < 14) return;
    const full = this.fitter.width(it.label);
    const inside = insideW >= 40 && (full <= insideW || (outsideW < full && insideW > outsideW));
    if (inside) {
      const text = this.fitter.fit(it.label, insideW);
      if (!text) return;
      const solid = it.mode !== 'fuzzy' && it.status === 'occurred';
      const on = th.canvas.labelOn[it.kind];
      if (solid && !on) {
        // No text colour reaches 4.5:1 on this kind's bar: the label sits on a chip of background.
        this.ctx.fillStyle = th.canvas.bg;
        this.ctx.fillRect(vis0 + 3, top + ROW_H / 2 - 7, this.fitter.width(text) + 6, 14);
      }
      drawLabel(this.ctx, text, vis0 + 6, top, solid && on ? on : th.canvas.label, struck, this.fitter);
      return;
    }
    const text = this.fitter.fit(it.label, outsideW);
    if (text) drawLabel(this.ctx, text, lx, top, struck ? th.textFaint : th.canvas.label, struck, this.fitter);
  }

  private afterDraw(view: ViewDomain): void {
    const moved = view[0] !== this.lastView[0] || view[1] !== this.lastView[1];
    if (this.layout && (moved || this.layout !== this.marksLayout)) {
      this.marksLayout = this.layout;
      this.laneLabels.setMarks(laneMarks(this.layout, this.laneIndex(), view));
    }
    if (moved) {
      this.lastView = view;
      this.canvas.dataset.viewStart = String(Math.round(view[0]));
      this.canvas.dataset.viewEnd = String(Math.round(view[1]));
      this.opts.onView?.(view);
    }
    this.canvas.dataset.count = String(this.items.length);
    const aria = this.opts.describe ? this.opts.describe(this.items, view) : `Timeline with ${this.items.length} items`;
    if (aria !== this.lastAria) {
      this.lastAria = aria;
      this.canvas.setAttribute('aria-label', aria);
    }
  }
}
