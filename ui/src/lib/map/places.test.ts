import { describe, expect, it } from 'vitest';
import coordinates from '../../../../crates/dateline-extract/data/gazetteer/coordinates.tsv?raw';
import numbers from '../../../../crates/dateline-extract/data/gazetteer/country_numbers.tsv?raw';
import countries from '../../../../crates/dateline-extract/data/gazetteer/countries.tsv?raw';
import atlas from 'world-atlas/countries-110m.json';
import type { EventSummary } from '../types';
import { mapData, parsePlaces, shade, spots } from './places';

const places = parsePlaces(coordinates, numbers, countries);

const ev = (id: number, over: Partial<EventSummary>): EventSummary => ({
  id,
  kind: 'meeting',
  status: 'occurred',
  start: '2024-01-01',
  end: null,
  precision: 'day',
  label: `Event ${id}`,
  participants: [],
  place: null,
  country: null,
  sources: 1,
  actor_ids: [],
  outlets: [],
  edited: false,
  ...over,
});

describe('the gazetteer on the map', () => {
  it('places cities by name and country, and countries at their capital', () => {
    const paris = places.city('Paris', 'France')!;
    expect(paris[0]).toBeCloseTo(2.35, 1);
    expect(paris[1]).toBeCloseTo(48.85, 1);
    // Another country's Paris is not France's.
    expect(places.city('Paris', 'United States')).not.toEqual(paris);
    expect(places.country('United States')).toEqual(places.city('Washington', 'United States'));
    expect(places.country('Atlantis')).toBeNull();
  });

  it("names every country's shape of the world map it has a number for", () => {
    const ids = atlas.objects.countries.geometries.map((g: { id?: string }) => g.id).filter((id): id is string => Boolean(id));
    const named = ids.filter((id) => places.nameOf(id));
    // Natural Earth's 110m map: every shape with an id but a few disputed ones is one of ours.
    expect(named.length).toBeGreaterThan(ids.length - 5);
    expect(places.nameOf(places.numeric('France')!)).toBe('France');
    expect(ids).toContain(places.numeric('China'));
  });
});

describe('mapData', () => {
  const country = new Map([
    [1, 'United States'],
    [2, 'China'],
    [3, null],
  ]);
  const of = (id: number) => country.get(id) ?? null;

  it("draws a visit from its traveller's country, a host of the destination's country aside", () => {
    const d = mapData([ev(1, { kind: 'visit', place: 'Beijing', country: 'China', actor_ids: [2, 3, 1] })], places, of);
    expect(d.marks).toHaveLength(1);
    expect(d.marks[0].from).toEqual(places.country('United States'));
    expect(d.marks[0].at).toEqual(places.city('Beijing', 'China'));
    expect(d.byCountry.get(places.numeric('China')!)).toBe(1);
  });

  it('makes a visit without a known traveller a point, and a meeting a point at its city', () => {
    const d = mapData(
      [ev(1, { kind: 'visit', place: 'Beijing', country: 'China', actor_ids: [2, 3] }), ev(2, { place: 'Vilnius', country: 'Lithuania' })],
      places,
      of,
    );
    expect(d.marks.map((m) => m.from)).toEqual([null, null]);
    expect(d.marks[1].where).toBe('Vilnius');
  });

  it('puts an event with a country only at its capital, and counts what it cannot place', () => {
    const d = mapData(
      [
        ev(1, { country: 'Japan' }),
        ev(2, { place: 'Nowhere-on-Sea', country: 'Atlantis' }),
        ev(3, { kind: 'call' }),
        ev(4, { place: 'Hiroshima', country: 'Japan' }),
      ],
      places,
      of,
    );
    expect(d.marks.map((m) => m.where)).toEqual(['Japan', 'Hiroshima']);
    expect(d.marks[0].at).toEqual(places.city('Tokyo', 'Japan'));
    expect(d.unplaced).toBe(1);
    expect(d.placeless).toBe(1);
    expect(d.byCountry.get(places.numeric('Japan')!)).toBe(2);
  });

  it('groups marks at one place into one spot, the fullest first', () => {
    const d = mapData(
      [ev(1, { place: 'Paris', country: 'France' }), ev(2, { place: 'Berlin', country: 'Germany' }), ev(3, { kind: 'visit', place: 'Paris', country: 'France' })],
      places,
      of,
    );
    const s = spots(d.marks);
    expect(s.map((x) => [x.where, x.ids, x.kinds])).toEqual([
      ['Paris', [1, 3], ['meeting', 'visit']],
      ['Berlin', [2], ['meeting']],
    ]);
  });

  it('shades on a square-root scale', () => {
    expect([0, 1, 4, 25, 100].map((n) => shade(n, 100))).toEqual([0, 1, 1, 3, 5]);
    expect(shade(3, 0)).toBe(0);
  });
});
