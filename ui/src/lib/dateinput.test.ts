import { describe, expect, it } from 'vitest';
import { formatDateInput, localeOrder, localePattern, parseDateInput, usableLocale } from './dateinput';

const iso = (text: string, locale = 'en-GB', edge: 'start' | 'end' = 'start') => {
  const r = parseDateInput(text, locale, edge);
  return r && 'iso' in r ? r.iso : r && 'error' in r ? 'error' : null;
};

describe('typed dates', () => {
  it('follow the locale order', () => {
    expect(localeOrder('en-GB')).toEqual(['d', 'm', 'y']);
    expect(localeOrder('en-US')).toEqual(['m', 'd', 'y']);
    expect(localeOrder('de-DE')).toEqual(['d', 'm', 'y']);
    expect(localePattern('en-US')).toBe('mm/dd/yyyy');
    expect(localePattern('de-DE')).toBe('dd.mm.yyyy');
  });
  it.each([
    ['20/05/2021', 'en-GB', 'start', '2021-05-20'],
    ['05/20/2021', 'en-US', 'start', '2021-05-20'],
    ['20.05.2021', 'de-DE', 'start', '2021-05-20'],
    ['20/5/21', 'en-GB', 'start', '2021-05-20'],
    ['2021-05-20', 'en-US', 'start', '2021-05-20'],
    ['2021/05/20', 'en-US', 'start', '2021-05-20'],
    ['20 May 2021', 'en-US', 'start', '2021-05-20'],
    ['May 20, 2021', 'en-GB', 'start', '2021-05-20'],
    ['20th of May 2021', 'en-GB', 'start', '2021-05-20'],
    ['20. Mai 2021', 'de-DE', 'start', '2021-05-20'],
    ['Sept 3 2021', 'en-GB', 'start', '2021-09-03'],
    ['May 2021', 'en-GB', 'start', '2021-05-01'],
    ['May 2021', 'en-GB', 'end', '2021-05-31'],
    ['2024-02', 'en-GB', 'end', '2024-02-29'],
    ['05/2021', 'en-GB', 'end', '2021-05-31'],
    ['2021', 'en-GB', 'start', '2021-01-01'],
    ['2021', 'en-GB', 'end', '2021-12-31'],
  ] as const)('%s (%s, %s) → %s', (text, locale, edge, want) => {
    expect(iso(text, locale, edge)).toBe(want);
  });
  it('refuse what is not a date, and an empty field is no date', () => {
    for (const bad of ['31/02/2021', '13/13/2021', 'soon', '2021-13', 'May', '1 2 3 4', '12345']) expect(iso(bad), bad).toBe('error');
    expect(iso('   ')).toBeNull();
    const r = parseDateInput('soon', 'en-US', 'start');
    expect(r && 'error' in r && r.error).toMatch(/mm\/dd\/yyyy/);
  });
  it('fall back to ISO order when the system locale is not one', () => {
    expect(usableLocale('de-DE')).toBe('de-DE');
    for (const bad of ['C', 'POSIX', '', null, undefined, 'en_US.UTF-8']) {
      const l = usableLocale(bad);
      expect(localeOrder(l), String(bad)).toEqual(['y', 'm', 'd']);
    }
  });
  it('format in the locale', () => {
    expect(formatDateInput('2021-05-20', 'en-GB')).toBe('20 May 2021');
    expect(formatDateInput('2021-05-20', 'en-US')).toBe('May 20, 2021');
    expect(formatDateInput('', 'en-US')).toBe('');
  });
});
