// Axis ticks with two tiers: minor units (hours, days, months, years...) and
// the larger context they belong to (day, month, year, decade, century).

import { utcDay, utcHour, utcMonday, utcMonth, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3-time';
import { DAY, HOUR, MONTHS, MONTHS_SHORT, WEEKDAYS_SHORT } from '../dates';

export type MajorUnit = 'day' | 'month' | 'year' | 'decade' | 'century' | 'none';

export interface TickLevel {
  name: string;
  /** Approximate length of one step (ms), used to pick a level. */
  approx: number;
  /** Minimum pixel distance between two minor ticks at this level. */
  minPx: number;
  interval: TimeInterval;
  minor: (d: Date) => string;
  major: MajorUnit;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const YEAR_MS = 365.2425 * DAY;

function every(i: CountableTimeInterval, n: number): TimeInterval {
  return n === 1 ? i : (i.every(n) as TimeInterval);
}

function yearsEvery(n: number): TimeInterval {
  // d3's utcYear.every(n) aligns on multiples of n: 1990, 2000, 2010...
  return utcYear.every(n) as TimeInterval;
}

export const LEVELS: readonly TickLevel[] = [
  { name: '1h', approx: HOUR, minPx: 44, interval: utcHour, minor: (d) => `${pad2(d.getUTCHours())}:00`, major: 'day' },
  { name: '3h', approx: 3 * HOUR, minPx: 44, interval: every(utcHour, 3), minor: (d) => `${pad2(d.getUTCHours())}:00`, major: 'day' },
  { name: '6h', approx: 6 * HOUR, minPx: 44, interval: every(utcHour, 6), minor: (d) => `${pad2(d.getUTCHours())}:00`, major: 'day' },
  { name: '12h', approx: 12 * HOUR, minPx: 44, interval: every(utcHour, 12), minor: (d) => `${pad2(d.getUTCHours())}:00`, major: 'day' },
  { name: '1d', approx: DAY, minPx: 26, interval: utcDay, minor: (d) => String(d.getUTCDate()), major: 'month' },
  { name: 'week', approx: 7 * DAY, minPx: 46, interval: utcMonday, minor: (d) => `${d.getUTCDate()} ${MONTHS_SHORT[d.getUTCMonth()]}`, major: 'month' },
  { name: '1mo', approx: 30.4 * DAY, minPx: 34, interval: utcMonth, minor: (d) => MONTHS_SHORT[d.getUTCMonth()], major: 'year' },
  { name: 'quarter', approx: 91.3 * DAY, minPx: 28, interval: every(utcMonth, 3), minor: (d) => `Q${Math.floor(d.getUTCMonth() / 3) + 1}`, major: 'year' },
  { name: '1y', approx: YEAR_MS, minPx: 38, interval: utcYear, minor: (d) => String(d.getUTCFullYear()), major: 'decade' },
  { name: '2y', approx: 2 * YEAR_MS, minPx: 38, interval: yearsEvery(2), minor: (d) => String(d.getUTCFullYear()), major: 'decade' },
  { name: '5y', approx: 5 * YEAR_MS, minPx: 38, interval: yearsEvery(5), minor: (d) => String(d.getUTCFullYear()), major: 'century' },
  { name: '10y', approx: 10 * YEAR_MS, minPx: 40, interval: yearsEvery(10), minor: (d) => `${d.getUTCFullYear()}s`, major: 'century' },
  { name: '20y', approx: 20 * YEAR_MS, minPx: 40, interval: yearsEvery(20), minor: (d) => String(d.getUTCFullYear()), major: 'century' },
  { name: '50y', approx: 50 * YEAR_MS, minPx: 40, interval: yearsEvery(50), minor: (d) => String(d.getUTCFullYear()), major: 'none' },
  { name: '100y', approx: 100 * YEAR_MS, minPx: 40, interval: yearsEvery(100), minor: (d) => String(d.getUTCFullYear()), major: 'none' },
];

/** Finest level whose ticks are at least `minPx` apart at this zoom. */
export function chooseLevel(msPerPx: number): TickLevel {
  for (const l of LEVELS) if (l.approx / msPerPx >= l.minPx) return l;
  return LEVELS[LEVELS.length - 1];
}

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
}

export const MAJOR_INTERVAL: Record<Exclude<MajorUnit, 'none'>, TimeInterval> = {
  day: utcDay,
  month: utcMonth,
  year: utcYear,
  decade: yearsEvery(10),
  century: yearsEvery(100),
};

export function majorLabel(unit: MajorUnit, d: Date): string {
  const y = d.getUTCFullYear();
  switch (unit) {
    case 'day':
      return `${WEEKDAYS_SHORT[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${y}`;
    case 'month':
      return `${MONTHS[d.getUTCMonth()]} ${y}`;
    case 'year':
      return String(y);
    case 'decade':
      return `${Math.floor(y / 10) * 10}s`;
    case 'century':
      // Tick at 1900 opens "the 1900s" (what the axis shows), i.e. 20th century.
      return `${Math.floor(y / 100) * 100}s (${ordinal(Math.floor(y / 100) + 1)} c.)`;
    case 'none':
      return '';
  }
}

export interface Tick {
  t: number;
  label: string;
}

export interface TickSet {
  level: TickLevel;
  minor: Tick[];
  /** Boundaries of the context unit inside the domain. */
  major: Tick[];
  /** Context of the left edge (e.g. "June 2023"), drawn sticky. */
  leading: Tick | null;
}

/** Ticks for the domain [d0, d1] drawn over `widthPx` pixels. */
export function computeTicks(d0: number, d1: number, widthPx: number, maxTicks = 2000): TickSet {
  const msPerPx = (d1 - d0) / Math.max(1, widthPx);
  const level = chooseLevel(msPerPx);
  const minor: Tick[] = [];
  const start = new Date(d0);
  const stop = new Date(d1 + 1);
  for (const d of level.interval.range(start, stop)) {
    minor.push({ t: d.getTime(), label: level.minor(d) });
    if (minor.length >= maxTicks) break;
  }
  const major: Tick[] = [];
  let leading: Tick | null = null;
  if (level.major !== 'none') {
    const mi = MAJOR_INTERVAL[level.major];
    for (const d of mi.range(start, stop)) {
      major.push({ t: d.getTime(), label: majorLabel(level.major, d) });
      if (major.length >= maxTicks) break;
    }
    const lead = mi.floor(new Date(d0));
    leading = { t: lead.getTime(), label: majorLabel(level.major, lead) };
  }
  return { level, minor, major, leading };
}
