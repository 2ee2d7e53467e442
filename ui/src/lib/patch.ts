// The event editor's form → `EventPatch` for `update_event`: only what changed is sent.

import type { EventKind, EventPatch, EventSummary, Precision, Status } from './types';

export interface EventForm {
  kind: EventKind;
  status: Status;
  /** ISO day or '' */
  start: string;
  end: string;
  precision: Precision | '';
  place: string;
  country: string;
  /** One name per line (commas also separate). */
  participants: string;
}

export function formOf(e: EventSummary): EventForm {
  return {
    kind: e.kind,
    status: e.status,
    start: e.start ?? '',
    end: e.end ?? '',
    precision: e.precision ?? '',
    place: e.place ?? '',
    country: e.country ?? '',
    participants: e.participants.join('\n'),
  };
}

export function parseNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\n,;]/)) {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Why the form cannot be saved, or null. */
export function formError(f: EventForm): string | null {
  if (f.start && !ISO_DAY.test(f.start)) return 'The start date must be a day (YYYY-MM-DD).';
  if (f.end && !ISO_DAY.test(f.end)) return 'The end date must be a day (YYYY-MM-DD).';
  if (f.end && !f.start) return 'An end date needs a start date.';
  if (f.start && f.end && f.end < f.start) return 'The end date is before the start date.';
  return null;
}

/**
 * The fields that differ from `e`. A cleared place or country is sent as '' (clear); an unset
 * field stays `null` (unchanged). An end equal to the start counts as no end.
 */
export function buildPatch(e: EventSummary, f: EventForm): EventPatch {
  const before = formOf(e);
  const changed = <K extends keyof EventForm>(k: K) => f[k].trim() !== before[k].trim();
  const names = parseNames(f.participants);
  const sameNames = names.length === e.participants.length && names.every((n, i) => n === e.participants[i]);
  const end = f.end && f.end !== f.start ? f.end : f.start;
  const beforeEnd = e.end ?? e.start ?? '';
  return {
    kind: f.kind !== e.kind ? f.kind : null,
    status: f.status !== e.status ? f.status : null,
    start: changed('start') && f.start ? f.start : null,
    end: (changed('start') || changed('end')) && end && end !== beforeEnd ? end : null,
    precision: f.precision && f.precision !== (e.precision ?? '') ? f.precision : null,
    place: changed('place') ? f.place.trim() : null,
    country: changed('country') ? f.country.trim() : null,
    participants: sameNames ? null : names,
  };
}

export function isEmptyPatch(p: EventPatch): boolean {
  return Object.values(p).every((v) => v === null);
}
