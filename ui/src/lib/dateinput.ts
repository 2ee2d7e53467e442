// Typed dates in the analyst's own order: "20/05/2021" in Britain, "05/20/2021" in the U.S.,
// "20.05.2021" in Germany, and everywhere ISO ("2021-05-20"), month names ("20 May 2021",
// "May 2021") and bare years. A partial date is the first day of its month or year for the
// start of a range and the last for its end. Pure: the locale is passed in, days are UTC.

export type Edge = 'start' | 'end';
export type Parsed = { iso: string } | { error: string } | null;

type Part = 'd' | 'm' | 'y';

/** The fallback when the system gives no usable locale ("C" under a bare shell): ISO order. */
export const FALLBACK_LOCALE = 'en-CA';

/** A locale tag Intl accepts, from what the system says (WebKitGTK reports "C" without LANG). */
export function usableLocale(tag: string | null | undefined): string {
  try {
    return (tag && Intl.DateTimeFormat.supportedLocalesOf([tag])[0]) || FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

/** The order of day, month and year in the locale's numeric dates. */
export function localeOrder(locale: string): Part[] {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(Date.UTC(2021, 4, 20));
  const order = parts.flatMap((p) => (p.type === 'day' ? ['d'] : p.type === 'month' ? ['m'] : p.type === 'year' ? ['y'] : [])) as Part[];
  return order.length === 3 ? order : ['y', 'm', 'd'];
}

/** "dd/mm/yyyy", "mm/dd/yyyy", "dd.mm.yyyy": the placeholder of the locale's numeric form. */
export function localePattern(locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(Date.UTC(2021, 4, 20));
  return parts.map((p) => (p.type === 'day' ? 'dd' : p.type === 'month' ? 'mm' : p.type === 'year' ? 'yyyy' : p.value)).join('');
}

/** Month names (long and short, English and the locale's), lower case, to month 1..12. */
function monthNames(locale: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const loc of ['en', locale]) {
    for (const month of ['long', 'short'] as const) {
      const f = new Intl.DateTimeFormat(loc, { month, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) names.set(f.format(Date.UTC(2021, m, 1)).toLowerCase().replace(/\.$/, ''), m + 1);
    }
  }
  names.set('sept', 9);
  return names;
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A whole date, or a month or year widened to the edge of a range; null when not a date. */
function build(y: number, m: number | null, d: number | null, edge: Edge): string | null {
  if (!Number.isInteger(y) || y < 1 || y > 9999) return null;
  if (m === null) return edge === 'start' ? iso(y, 1, 1) : iso(y, 12, 31);
  if (m < 1 || m > 12) return null;
  if (d === null) return edge === 'start' ? iso(y, m, 1) : iso(y, m, daysIn(y, m));
  if (d < 1 || d > daysIn(y, m)) return null;
  return iso(y, m, d);
}

/** Two-digit years are this century's... there is no clock here: take them as 20xx. */
function year(s: string): number {
  const n = Number(s);
  return s.length <= 2 ? 2000 + n : n;
}

/** What the analyst typed as an ISO day; `null` for an empty field. */
export function parseDateInput(text: string, locale: string, edge: Edge): Parsed {
  const s = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (!s) return null;
  const fail = { error: `Not a date: “${text.trim()}” (try ${localePattern(locale)}, 2021-05-20, May 2021 or 2021)` };
  let m: RegExpMatchArray | null;
  // ISO and its prefixes.
  if ((m = s.match(/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/))) {
    const r = build(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null, edge);
    return r ? { iso: r } : fail;
  }
  // Numeric in the locale's order (or a month/year pair).
  if ((m = s.match(/^(\d{1,4})[/.\- ](\d{1,2})(?:[/.\- ](\d{1,4}))?\.?$/))) {
    if (!m[3]) {
      // "05/2021" or "2021/05": a month.
      const [a, b] = [m[1], m[2]];
      const r = a.length === 4 ? build(Number(a), Number(b), null, edge) : null;
      return r ? { iso: r } : fail;
    }
    const order = m[1].length === 4 ? (['y', 'm', 'd'] as Part[]) : localeOrder(locale);
    const val: Record<Part, string> = { d: '', m: '', y: '' };
    order.forEach((p, i) => (val[p] = m![i + 1]));
    const r = build(year(val.y), Number(val.m), Number(val.d), edge);
    return r ? { iso: r } : fail;
  }
  if ((m = s.match(/^(\d{1,2})[/.\-](\d{4})$/))) {
    const r = build(Number(m[2]), Number(m[1]), null, edge);
    return r ? { iso: r } : fail;
  }
  // With a month name: "20 may 2021", "may 20 2021", "may 2021", "20. mai 2021".
  const months = monthNames(locale);
  const words = s.replace(/(\d)\./g, '$1').split(' ');
  let month: number | null = null;
  const nums: string[] = [];
  for (const w of words) {
    const name = months.get(w.replace(/\.$/, ''));
    if (name !== undefined && month === null) month = name;
    else if (/^\d{1,4}(st|nd|rd|th)?$/.test(w)) nums.push(w.replace(/\D/g, ''));
    else if (w !== 'of') return fail;
  }
  if (month === null) return fail;
  const y = nums.find((n) => n.length >= 3);
  const d = nums.find((n) => n.length <= 2);
  if (!y || nums.length > 2) return fail;
  const r = build(Number(y), month, d === undefined ? null : Number(d), edge);
  return r ? { iso: r } : fail;
}

/** "20 May 2021" (in the locale's words and order) for an ISO day; '' for none. */
export function formatDateInput(isoDay: string, locale: string): string {
  const m = isoDay.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return '';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
  );
}
