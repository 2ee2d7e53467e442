// Calendar helpers. Every date is a UTC day: ISO strings are parsed as UTC
// midnight and formatted in UTC, whatever the machine's time zone.

import type { EventSummary, Precision } from './types';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const MONTHS_SHORT = MONTHS.map((m) => m.slice(0, 3));
export const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** UTC timestamp (ms) for year/month(0-based)/day, valid for years 0..99 too. */
export function utc(year: number, month = 0, day = 1): number {
  const t = Date.UTC(year, month, day);
  // Date.UTC reads years 0..99 as 1900..1999: undo that (overflowing months
  // and days have already been carried into the year).
  if (year >= 0 && year < 100) {
    const d = new Date(t);
    d.setUTCFullYear(d.getUTCFullYear() - 1900);
    return d.getTime();
  }
  return t;
}

/** The number written by s[from..to) if all are ASCII digits, else -1. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const ISO_RE = /^([+-]?\d{1,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$/;

/**
 * Parse an ISO date ("2023-06-14", "2023-06", "2023", or a datetime whose
 * time part is ignored) to the UTC midnight of its first day. null if invalid.
 */
export function parseDay(iso: string | null | undefined): number | null {
  if (!iso) return null;
  // Fast path for the common "YYYY-MM-DD" (100k events parse in a few ms).
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = digits(iso, 0, 4);
    const mo = digits(iso, 5, 7);
    const d = digits(iso, 8, 10);
    if (y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return Date.UTC(y, mo - 1, d);
  }
  const m = ISO_RE.exec(iso.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : 0;
  const d = m[3] ? Number(m[3]) : 1;
  if (mo < 0 || mo > 11 || d < 1 || d > 31) return null;
  return utc(y, mo, d);
}

export function toIsoDay(t: number): string {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const ys = y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0');
  return `${ys}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** A half-open window `[start, end)` in ms as inclusive ISO days (the last day is the one before `end`). */
export function windowDays([start, end]: readonly [number, number]): { from: string; to: string } {
  return { from: toIsoDay(start), to: toIsoDay(Math.max(start, end - 1)) };
}

/** Start (inclusive) and end (exclusive) of the precision unit containing t. */
export function precisionUnit(t: number, p: Precision): [number, number] {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (p) {
    case 'day': {
      const s = utc(y, m, d.getUTCDate());
      return [s, s + DAY];
    }
    case 'week': {
      // ISO weeks start on Monday.
      const s = utc(y, m, d.getUTCDate());
      const dow = (new Date(s).getUTCDay() + 6) % 7;
      const start = s - dow * DAY;
      return [start, start + 7 * DAY];
    }
    case 'month':
      return [utc(y, m, 1), utc(y, m + 1, 1)];
    case 'quarter': {
      const q = Math.floor(m / 3) * 3;
      return [utc(y, q, 1), utc(y, q + 3, 1)];
    }
    case 'year':
      return [utc(y, 0, 1), utc(y + 1, 0, 1)];
    case 'decade': {
      const s = Math.floor(y / 10) * 10;
      return [utc(s, 0, 1), utc(s + 10, 0, 1)];
    }
    case 'century': {
      // Conventional reading: "the 20th century" = 1901..2000.
      const c = Math.ceil(y / 100);
      return [utc((c - 1) * 100 + 1, 0, 1), utc(c * 100 + 1, 0, 1)];
    }
  }
}

export type DrawMode = 'point' | 'range' | 'fuzzy';

export interface EventSpan {
  /** Inclusive start (UTC ms). */
  start: number;
  /** Exclusive end (UTC ms). */
  end: number;
  mode: DrawMode;
}

/**
 * Where an event sits in time. Day precision: one day is a point, several
 * days a range. Coarser precision: the whole interval(s) the dates fall in,
 * drawn as a soft extent. Undated events give null.
 */
export function eventSpan(e: Pick<EventSummary, 'start' | 'end' | 'precision'>): EventSpan | null {
  return spanWith(e, (start, end, mode) => ({ start, end, mode }));
}

/**
 * `eventSpan` handed to `make` instead of allocated: the timeline builds its item from the parts
 * directly (one object per event instead of two: 100k events are the app's first load).
 */
export function spanWith<T>(e: Pick<EventSummary, 'start' | 'end' | 'precision'>, make: (start: number, end: number, mode: DrawMode) => T): T | null {
  const s = parseDay(e.start ?? e.end);
  // Most events have one day: parse it once.
  const en = e.end === null || e.end === undefined || e.end === e.start ? s : parseDay(e.end ?? e.start);
  if (s === null || en === null) return null;
  const lo = Math.min(s, en);
  const hi = Math.max(s, en);
  const p = e.precision ?? 'day';
  if (p === 'day') return make(lo, hi + DAY, hi > lo ? 'range' : 'point');
  return make(precisionUnit(lo, p)[0], precisionUnit(hi, p)[1], 'fuzzy');
}

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
}

function dayText(t: number): string {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function unitText(t: number, p: Precision): string {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  switch (p) {
    case 'day':
      return dayText(t);
    case 'week':
      return `week of ${dayText(precisionUnit(t, 'week')[0])}`;
    case 'month':
      return `${MONTHS[d.getUTCMonth()]} ${y}`;
    case 'quarter':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${y}`;
    case 'year':
      return String(y);
    case 'decade':
      return `${Math.floor(y / 10) * 10}s`;
    case 'century':
      return `${ordinal(Math.ceil(y / 100))} century`;
  }
}

/** "14–16 June 2023", "30 June – 2 July 2023", "28 Dec 2022 – 3 Jan 2023". */
export function formatDayRange(a: number, b: number): string {
  if (a === b) return dayText(a);
  const da = new Date(a);
  const db = new Date(b);
  if (da.getUTCFullYear() === db.getUTCFullYear()) {
    if (da.getUTCMonth() === db.getUTCMonth()) {
      return `${da.getUTCDate()}–${db.getUTCDate()} ${MONTHS[db.getUTCMonth()]} ${db.getUTCFullYear()}`;
    }
    return `${da.getUTCDate()} ${MONTHS[da.getUTCMonth()]} – ${dayText(b)}`;
  }
  return `${dayText(a)} – ${dayText(b)}`;
}

/** Human date of an event with its precision, e.g. "June 2023 (month)". */
export function formatEventDate(e: Pick<EventSummary, 'start' | 'end' | 'precision'>): string {
  const s = parseDay(e.start ?? e.end);
  const en = parseDay(e.end ?? e.start);
  if (s === null || en === null) return 'Undated';
  const p = e.precision ?? 'day';
  const lo = Math.min(s, en);
  const hi = Math.max(s, en);
  if (p === 'day') return `${formatDayRange(lo, hi)} (day)`;
  const a = unitText(lo, p);
  const b = unitText(hi, p);
  return `${a === b ? a : `${a} – ${b}`} (${p})`;
}

/** Short form for tooltips and lists, without the precision suffix. */
export function formatEventDateShort(e: Pick<EventSummary, 'start' | 'end' | 'precision'>): string {
  return formatEventDate(e).replace(/ \([a-z]+\)$/, '');
}

/** Publication date from an ISO date or datetime, as "14 June 2023". */
export function formatPublished(iso: string | null): string | null {
  const t = parseDay(iso);
  return t === null ? null : dayText(t);
}
