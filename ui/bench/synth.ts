// Synthetic events for the timeline benchmarks (bench/main.ts, profiling scripts).
import { DAY, toIsoDay } from '../src/lib/dates';
import { EVENT_KINDS, STATUSES, type EventSummary, type Precision } from '../src/lib/types';

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/**
 * N events over 35 years in date order (as list_events sends them): 70 %
 * single days, 20 % 2–12-day ranges, 10 % month or week precision.
 */
export function synth(n: number): EventSummary[] {
  const r = rng(42);
  const t0 = Date.UTC(1990, 0, 1);
  const span = 35 * 365;
  const days = Array.from({ length: n }, () => Math.floor(r() * span)).sort((a, b) => a - b);
  return days.map((d, i) => {
    const start = t0 + d * DAY;
    const u = r();
    const precision: Precision = u < 0.9 ? 'day' : u < 0.95 ? 'month' : 'week';
    const end = u >= 0.7 && u < 0.9 ? toIsoDay(start + (1 + Math.floor(r() * 11)) * DAY) : null;
    return {
      id: i + 1,
      kind: EVENT_KINDS[Math.floor(r() * 4)],
      status: STATUSES[r() < 0.8 ? 0 : Math.floor(r() * 4)],
      start: toIsoDay(start),
      end,
      precision,
      label: `Event ${i + 1} – leader ${Math.floor(r() * 500)} meets counterpart`,
      participants: [],
      place: null,
      country: null,
      sources: 1,
      actor_ids: [],
      outlets: [],
      edited: false,
    };
  });
}
