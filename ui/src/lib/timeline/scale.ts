// View maths: the visible time domain, fitting, and d3-zoom transforms.

import { DAY, HOUR } from '../dates';
import type { TimelineItem, ViewDomain } from './types';

export const YEAR = 365.2425 * DAY;
/** Closest zoom: a few hours across the whole width. */
export const MIN_SPAN = 6 * HOUR;
/** Farthest zoom: a few centuries (decades stay readable). */
export const MAX_SPAN = 400 * YEAR;

/** Domain that shows every item with some breathing room. */
export function fitDomain(
  items: readonly Pick<TimelineItem, 'start' | 'end'>[],
  now = Date.now(),
  padLeft = 0.03,
  padRight = 0.1, // room for the labels of the last items
): ViewDomain {
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of items) {
    if (it.start < lo) lo = it.start;
    if (it.end > hi) hi = it.end;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    // Empty: the past year and the next three months.
    return [now - YEAR, now + YEAR / 4];
  }
  let span = hi - lo;
  const minSpan = 30 * DAY;
  if (span < minSpan) {
    const mid = (lo + hi) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
    span = minSpan;
  }
  return clampSpan([lo - span * padLeft, hi + span * padRight]);
}

/** Bins of fitBody's count: the body's ends are found to 1/4096 of the events' range. */
const BODY_BINS = 4096;

/**
 * The default view: the shortest window holding `share` of the items (by their
 * centres), padded as fitDomain pads. A few events far from the rest (a
 * recalled meeting years before, a conference planned years ahead) would
 * otherwise stretch the view until every lane is a density band; they stay
 * reachable through the overview and Fit all. With fewer than 20 items, or when
 * the window is most of the whole span anyway, this is fitDomain.
 */
export function fitBody(items: readonly TimelineItem[], now = Date.now(), share = 0.95): ViewDomain {
  const n = items.length;
  const keep = Math.ceil(n * share);
  if (n < 20 || keep >= n) return fitDomain(items, now);
  // Centres counted in BODY_BINS bins over their range (linear in n: this runs on every
  // import, and a sort of a million centres took 100 ms), then the fewest consecutive bins
  // that hold `keep` of them, by two pointers.
  let lo = Infinity;
  let hi = -Infinity;
  let first = Infinity;
  let last = -Infinity;
  const mids = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { start, end } = items[i];
    const m = (mids[i] = (start + end) / 2);
    if (m < lo) lo = m;
    if (m > hi) hi = m;
    if (start < first) first = start;
    if (end > last) last = end;
  }
  const whole = fitDomain([{ start: first, end: last }], now);
  if (!(hi > lo)) return whole;
  const bins = new Uint32Array(BODY_BINS);
  const perBin = BODY_BINS / (hi - lo);
  for (let i = 0; i < n; i++) {
    const k = ((mids[i] - lo) * perBin) | 0;
    bins[k < BODY_BINS ? k : BODY_BINS - 1]++;
  }
  const per = (hi - lo) / BODY_BINS;
  let best: [number, number] = [0, BODY_BINS - 1];
  let sum = 0;
  for (let i = 0, j = 0; j < BODY_BINS; j++) {
    sum += bins[j];
    while (sum - bins[i] >= keep) sum -= bins[i++];
    if (sum >= keep && j - i < best[1] - best[0]) best = [i, j];
  }
  const a = lo + best[0] * per;
  const b = lo + (best[1] + 1) * per;
  // Not much shorter than the whole: show the whole.
  if (b - a > 0.8 * (whole[1] - whole[0])) return whole;
  return fitDomain([{ start: a, end: b }], now);
}

/** Keep a domain's span within [MIN_SPAN, MAX_SPAN], around its centre. */
export function clampSpan([a, b]: ViewDomain, min = MIN_SPAN, max = MAX_SPAN): ViewDomain {
  const span = b - a;
  const mid = (a + b) / 2;
  if (span < min) return [mid - min / 2, mid + min / 2];
  if (span > max) return [mid - max / 2, mid + max / 2];
  return [a, b];
}

export interface ZoomTransformLike {
  k: number;
  x: number;
}

/**
 * The d3-zoom transform that makes a base scale (base domain → [0, width])
 * show `view` instead.
 */
export function transformForDomain(base: ViewDomain, width: number, view: ViewDomain): ZoomTransformLike {
  const baseSpan = base[1] - base[0];
  const k = baseSpan / (view[1] - view[0]);
  const xBase = ((view[0] - base[0]) / baseSpan) * width;
  return { k, x: -k * xBase };
}

/** The domain a transform shows (inverse of transformForDomain). */
export function domainForTransform(base: ViewDomain, width: number, t: ZoomTransformLike): ViewDomain {
  const baseSpan = base[1] - base[0];
  const toTime = (px: number) => base[0] + ((px - t.x) / t.k / width) * baseSpan;
  return [toTime(0), toTime(width)];
}

/** d3-zoom scaleExtent for a base domain so spans stay in [min, max]. */
export function scaleExtentFor(base: ViewDomain, min = MIN_SPAN, max = MAX_SPAN): [number, number] {
  const span = base[1] - base[0];
  return [span / max, span / min];
}

/** Pan a domain so that [a, b] is visible, keeping its span when possible. */
export function revealDomain(view: ViewDomain, a: number, b: number, margin = 0.1): ViewDomain {
  const span = view[1] - view[0];
  if (b - a > span * (1 - 2 * margin)) {
    // Does not fit: zoom out around it.
    const pad = (b - a) * margin;
    return clampSpan([a - pad, b + pad]);
  }
  const m = span * margin;
  if (a >= view[0] + m && b <= view[1] - m) return view;
  const mid = (a + b) / 2;
  return [mid - span / 2, mid + span / 2];
}
