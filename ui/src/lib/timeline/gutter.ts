// The lane labels beside the timeline canvas (DOM, so they are real buttons and text for
// keyboard and screen-reader users): name, count, the crowding note, a collapse button.

import type { Theme } from '../theme';
import { formatCount } from '../format';
import type { Layout, LaneGeometry, LaneMarks } from './layout';
import { AXIS_H } from './render';

interface LaneRefs {
  el: HTMLElement;
  count: HTMLElement;
  note: HTMLElement;
  /** What the elements show now (reading the DOM back would cost a style pass). */
  shown: { count: string; note: string };
}

/**
 * Rebuilt only when the lanes change (keys, names, collapsed, theme); while zooming, positions,
 * counts and the crowding note are patched in place (rebuilding the DOM every zoom step cost a
 * style and layout pass a frame).
 */
export class LaneLabels {
  private key = '';
  private lanes: LaneRefs[] = [];

  constructor(
    private el: HTMLElement,
    private onToggle: (lane: string) => void,
  ) {}

  /**
   * Writes, on each lane's label, how many of its items are in the view and how many of
   * those are drawn as marks of their own (`data-in-view`, `data-marks`): what the
   * tests read to check that nothing is hidden.
   */
  setMarks(marks: readonly LaneMarks[]): void {
    marks.forEach((m, i) => {
      const el = this.lanes[i]?.el;
      if (!el) return;
      const inView = String(m.inView);
      const drawn = String(m.marks);
      if (el.dataset.inView !== inView) el.dataset.inView = inView;
      if (el.dataset.marks !== drawn) el.dataset.marks = drawn;
    });
  }

  /** The next update rebuilds (the theme changed). */
  invalidate(): void {
    this.key = '';
  }

  update(
    geo: readonly LaneGeometry[],
    layout: Layout | null,
    collapsed: ReadonlySet<string>,
    theme: Theme,
    color?: (lane: string) => string | null,
  ): void {
    const shape = geo.map((g) => `${g.key}\u0000${g.label}\u0000${collapsed.has(g.key) ? 'c' : ''}`).join('\u0001') + `|${theme.canvas.laneBandA}`;
    if (shape !== this.key) {
      this.key = shape;
      this.build(geo, collapsed, theme, color);
    }
    geo.forEach((g, i) => {
      const refs = this.lanes[i];
      if (!refs) return;
      setIfChanged(refs.el.style, 'top', `${g.y}px`);
      setIfChanged(refs.el.style, 'height', `${g.height}px`);
      const count = formatCount(g.count);
      if (refs.shown.count !== count) refs.count.textContent = refs.shown.count = count;
      // Collapsed: the name and count say enough.
      const lane = layout?.lanes[i];
      let note = '';
      let title = '';
      if (lane?.collapsed) {
        // nothing
      } else if (lane?.dense) {
        note = 'density — zoom in';
        title = 'Too many events to draw one by one at this zoom: bar height grows with the number of events. Click the band or zoom in.';
      } else if (g.overlapping > 0) {
        const n = formatCount(g.overlapping);
        note = `${n} overlap`;
        title = `${n} events overlap at this zoom — zoom in to separate them`;
      }
      if (refs.shown.note !== note) {
        refs.shown.note = note;
        refs.note.textContent = note;
        refs.note.title = title;
        refs.note.hidden = !note;
      }
    });
  }

  private build(geo: readonly LaneGeometry[], collapsed: ReadonlySet<string>, th: Theme, color?: (lane: string) => string | null): void {
    const doc = this.el.ownerDocument;
    const children: HTMLElement[] = [];
    const head = doc.createElement('div');
    head.className = 'tl-gutter-head';
    head.textContent = 'UTC';
    head.title = 'Dates are shown in UTC';
    head.style.height = `${AXIS_H}px`;
    head.style.position = 'sticky';
    head.style.top = '0';
    head.style.zIndex = '1';
    children.push(head);
    this.lanes = geo.map((g, i) => {
      const el = doc.createElement('div');
      el.className = 'tl-lane-label';
      el.dataset.lane = g.key;
      el.style.position = 'absolute';
      el.style.left = '0';
      el.style.right = '0';
      el.style.background = i % 2 ? th.canvas.laneBandB : th.canvas.laneBandA;
      const swatch = color?.(g.key);
      if (swatch) {
        const sw = doc.createElement('span');
        sw.className = 'tl-swatch';
        sw.style.background = swatch;
        el.append(sw);
      }
      // Collapse/expand: a real button, so it is reachable with Tab.
      const fold = doc.createElement('button');
      fold.type = 'button';
      const folded = collapsed.has(g.key);
      fold.className = folded ? 'tl-lane-fold folded' : 'tl-lane-fold';
      fold.setAttribute('aria-expanded', String(!folded));
      fold.setAttribute('aria-label', `${folded ? 'Expand' : 'Collapse'} lane ${g.label}`);
      fold.addEventListener('click', () => this.onToggle(g.key));
      el.prepend(fold);
      const text = doc.createElement('span');
      text.className = 'tl-lane-text';
      const name = doc.createElement('span');
      name.className = 'tl-lane-name';
      name.textContent = g.label;
      name.title = g.label;
      const count = doc.createElement('span');
      count.className = 'tl-lane-count';
      // Density band or overlap count, filled in by update().
      const note = doc.createElement('span');
      note.className = 'tl-lane-crowded';
      note.hidden = true;
      text.append(name, count, note);
      el.append(text);
      children.push(el);
      return { el, count, note, shown: { count: '', note: '' } };
    });
    this.el.replaceChildren(...children);
  }
}

/** Writes a style property only when it changes (a write invalidates style even when equal). */
function setIfChanged(style: CSSStyleDeclaration, prop: 'top' | 'height', value: string): void {
  if (style[prop] !== value) style[prop] = value;
}
