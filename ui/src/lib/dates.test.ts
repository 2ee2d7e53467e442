import { describe, expect, it } from 'vitest';
import { DAY, eventSpan, formatEventDate, parseDay, precisionUnit, toIsoDay, utc } from './dates';

describe('parseDay', () => {
  it('parses ISO days as UTC midnight', () => {
    expect(parseDay('2023-06-14')).toBe(Date.UTC(2023, 5, 14));
    expect(parseDay('2023-06')).toBe(Date.UTC(2023, 5, 1));
    expect(parseDay('2023')).toBe(Date.UTC(2023, 0, 1));
    expect(parseDay('2023-06-14T23:30:00+05:00')).toBe(Date.UTC(2023, 5, 14));
  });
  it('handles small years and rejects junk', () => {
    expect(new Date(parseDay('0044-03-15')!).getUTCFullYear()).toBe(44);
    expect(parseDay('not a date')).toBeNull();
    expect(parseDay('2023-13-01')).toBeNull();
    expect(parseDay(null)).toBeNull();
  });
  it('round-trips through toIsoDay', () => {
    expect(toIsoDay(parseDay('1999-12-31')!)).toBe('1999-12-31');
  });
});

describe('precisionUnit', () => {
  const t = utc(2023, 5, 14); // Wednesday
  it('weeks start on Monday', () => {
    expect(precisionUnit(t, 'week')).toEqual([utc(2023, 5, 12), utc(2023, 5, 19)]);
  });
  it('months, quarters, years, decades, centuries', () => {
    expect(precisionUnit(t, 'month')).toEqual([utc(2023, 5, 1), utc(2023, 6, 1)]);
    expect(precisionUnit(t, 'quarter')).toEqual([utc(2023, 3, 1), utc(2023, 6, 1)]);
    expect(precisionUnit(t, 'year')).toEqual([utc(2023, 0, 1), utc(2024, 0, 1)]);
    expect(precisionUnit(t, 'decade')).toEqual([utc(2020, 0, 1), utc(2030, 0, 1)]);
    expect(precisionUnit(t, 'century')).toEqual([utc(2001, 0, 1), utc(2101, 0, 1)]);
  });
  it('carries into the next year', () => {
    expect(precisionUnit(utc(2023, 10, 5), 'quarter')).toEqual([utc(2023, 9, 1), utc(2024, 0, 1)]);
    expect(precisionUnit(utc(2023, 11, 31), 'month')).toEqual([utc(2023, 11, 1), utc(2024, 0, 1)]);
    expect(utc(2023, 12, 1)).toBe(Date.UTC(2024, 0, 1));
    expect(new Date(utc(99, 12, 1)).getUTCFullYear()).toBe(100);
    expect(new Date(utc(44, 2, 15)).getUTCFullYear()).toBe(44);
  });
});

describe('eventSpan', () => {
  it('a single day is a point one day long', () => {
    expect(eventSpan({ start: '2023-06-14', end: null, precision: 'day' })).toEqual({
      start: utc(2023, 5, 14),
      end: utc(2023, 5, 14) + DAY,
      mode: 'point',
    });
  });
  it('inclusive day ranges become bars', () => {
    const s = eventSpan({ start: '2023-06-14', end: '2023-06-16', precision: 'day' })!;
    expect(s.mode).toBe('range');
    expect(s.end - s.start).toBe(3 * DAY);
  });
  it('coarse precision covers the whole unit', () => {
    expect(eventSpan({ start: '2023-06-01', end: null, precision: 'month' })).toEqual({
      start: utc(2023, 5, 1),
      end: utc(2023, 6, 1),
      mode: 'fuzzy',
    });
    expect(eventSpan({ start: '2023-06-14', end: '2023-06-14', precision: 'week' })!.start).toBe(utc(2023, 5, 12));
  });
  it('undated events have no span; swapped ends are ordered', () => {
    expect(eventSpan({ start: null, end: null, precision: null })).toBeNull();
    const s = eventSpan({ start: '2023-06-16', end: '2023-06-14', precision: null })!;
    expect(s.start).toBe(utc(2023, 5, 14));
  });
});

describe('formatEventDate', () => {
  it('shows the precision', () => {
    expect(formatEventDate({ start: '2023-06-01', end: '2023-06-30', precision: 'month' })).toBe('June 2023 (month)');
    expect(formatEventDate({ start: '2023-06-14', end: null, precision: 'day' })).toBe('14 June 2023 (day)');
    expect(formatEventDate({ start: '2023-06-14', end: '2023-06-16', precision: 'day' })).toBe('14–16 June 2023 (day)');
    expect(formatEventDate({ start: '2023-06-30', end: '2023-07-02', precision: 'day' })).toBe('30 June – 2 July 2023 (day)');
    expect(formatEventDate({ start: '2022-12-30', end: '2023-01-02', precision: 'day' })).toBe(
      '30 December 2022 – 2 January 2023 (day)',
    );
    expect(formatEventDate({ start: '2023-05-01', end: null, precision: 'quarter' })).toBe('Q2 2023 (quarter)');
    expect(formatEventDate({ start: '2023-01-01', end: null, precision: 'year' })).toBe('2023 (year)');
    expect(formatEventDate({ start: '1985-01-01', end: null, precision: 'decade' })).toBe('1980s (decade)');
    expect(formatEventDate({ start: '1950-01-01', end: null, precision: 'century' })).toBe('20th century (century)');
    expect(formatEventDate({ start: '2023-06-14', end: null, precision: 'week' })).toBe('week of 12 June 2023 (week)');
    expect(formatEventDate({ start: null, end: null, precision: null })).toBe('Undated');
  });
});
