import { describe, expect, it } from 'vitest';
import { buildPatch, formError, formOf, isEmptyPatch, parseNames } from './patch';
import type { EventSummary } from './types';

const e: EventSummary = {
  id: 1, kind: 'call', status: 'occurred', start: '2023-06-14', end: '2023-06-14', precision: 'day',
  label: 'A – B call', participants: ['Antony Blinken', 'Mevlüt Çavuşoğlu'], place: null, country: null,
  sources: 2, actor_ids: [100, 101], outlets: ['State'], edited: false,
};

describe('event patch', () => {
  it('an untouched form changes nothing', () => {
    expect(isEmptyPatch(buildPatch(e, formOf(e)))).toBe(true);
  });

  it('sends only what changed', () => {
    const p = buildPatch(e, { ...formOf(e), status: 'planned', place: ' Ankara ', participants: 'Antony Blinken\nHakan Fidan, ' });
    expect(p).toEqual({
      kind: null, status: 'planned', start: null, end: null, precision: null,
      place: 'Ankara', country: null, participants: ['Antony Blinken', 'Hakan Fidan'],
    });
  });

  it('dates: a new start moves a single-day end along', () => {
    const p = buildPatch(e, { ...formOf(e), start: '2023-06-15', end: '' });
    expect(p.start).toBe('2023-06-15');
    expect(p.end).toBe('2023-06-15');
    const q = buildPatch(e, { ...formOf(e), end: '2023-06-16', precision: 'week' });
    expect([q.start, q.end, q.precision]).toEqual([null, '2023-06-16', 'week']);
  });

  it('a cleared place is sent as empty', () => {
    const withPlace = { ...e, place: 'Ankara' };
    expect(buildPatch(withPlace, { ...formOf(withPlace), place: '' }).place).toBe('');
  });

  it('validates dates', () => {
    expect(formError(formOf(e))).toBeNull();
    expect(formError({ ...formOf(e), start: '14/06/2023' })).toMatch(/start date/);
    expect(formError({ ...formOf(e), end: '2023-06-01' })).toMatch(/before the start/);
    expect(formError({ ...formOf(e), start: '', end: '2023-06-01' })).toMatch(/needs a start/);
  });

  it('parses names', () => {
    expect(parseNames(' A  B ;a b\n\nC,')).toEqual(['A B', 'C']);
  });
});
