// What the map puts where: the events as arcs (visits, from the traveller's country to where the
// visit went) and points (meetings, conferences, visits whose traveller's country is unknown),
// and a count of events per country for the shading. Pure: the gazetteer's tables come in as text
// (crates/dateline-extract/data/gazetteer: coordinates.tsv, country_numbers.tsv, countries.tsv),
// the countries of the actors as a lookup.

import type { EventKind, EventSummary, Status } from '../types';

/** Longitude, latitude in degrees (GeoJSON order). */
export type LonLat = [number, number];

export interface Places {
  /** Where a city of the gazetteer is, by its name and its country's name. */
  city(name: string, country: string | null): LonLat | null;
  /** Where a country is drawn from and to: its capital (a shape's centre may lie in the sea). */
  country(name: string): LonLat | null;
  /** The country's ISO 3166-1 numeric code: the id of its shape in world-atlas. */
  numeric(name: string): string | null;
  /** The gazetteer's name of the country whose shape has this id. */
  nameOf(numeric: string): string | null;
}

function rows(tsv: string): string[][] {
  return tsv
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

const cityKey = (name: string, country: string) => `${name}\u0000${country}`;

export function parsePlaces(coordinatesTsv: string, numbersTsv: string, countriesTsv: string): Places {
  const cities = new Map<string, LonLat>();
  /** A city name alone, when the event names no country: the first (most populous) row. */
  const byName = new Map<string, LonLat>();
  for (const [name, country, lat, lon] of rows(coordinatesTsv)) {
    const at: LonLat = [Number(lon), Number(lat)];
    if (!Number.isFinite(at[0]) || !Number.isFinite(at[1])) continue;
    cities.set(cityKey(name, country), at);
    if (!byName.has(name)) byName.set(name, at);
  }
  const numbers = new Map(rows(numbersTsv).map(([name, num]) => [name, num]));
  const names = new Map([...numbers].map(([name, num]) => [num, name]));
  const capitals = new Map(rows(countriesTsv).map(([name, , , capital]) => [name, capital ?? '']));
  return {
    city: (name, country) => (country ? cities.get(cityKey(name, country)) : byName.get(name)) ?? null,
    country: (name) => {
      const capital = capitals.get(name);
      return capital ? (cities.get(cityKey(capital, name)) ?? null) : null;
    },
    numeric: (name) => numbers.get(name) ?? null,
    nameOf: (numeric) => names.get(numeric) ?? null,
  };
}

export interface MapMark {
  /** The event. */
  id: number;
  kind: EventKind;
  status: Status;
  label: string;
  /** Where it took place: its city, else its country's capital. */
  at: LonLat;
  /** A visit's traveller's country (its capital): the arc starts there. */
  from: LonLat | null;
  /** The place named: the city, else the country. */
  where: string;
}

export interface MapData {
  marks: MapMark[];
  /** Events per country shape (ISO numeric id), for the shading. */
  byCountry: Map<string, number>;
  /** Events with a place or a country that the map could not put anywhere. */
  unplaced: number;
  /** Calls and events without any place: nothing to draw. */
  placeless: number;
}

/**
 * The map's marks for `events`. A visit's arc starts at its traveller's country: the first
 * participant whose country is known and is not the destination's (one who hosts a visit is of
 * the destination's country); without one, the visit is a point.
 */
export function mapData(events: readonly EventSummary[], places: Places, actorCountry: (id: number) => string | null): MapData {
  const marks: MapMark[] = [];
  const byCountry = new Map<string, number>();
  let unplaced = 0;
  let placeless = 0;
  for (const e of events) {
    if (!e.place && !e.country) {
      placeless++;
      continue;
    }
    const num = e.country ? places.numeric(e.country) : null;
    if (num) byCountry.set(num, (byCountry.get(num) ?? 0) + 1);
    const at = (e.place ? places.city(e.place, e.country) : null) ?? (e.country ? places.country(e.country) : null);
    if (!at) {
      unplaced++;
      continue;
    }
    let from: LonLat | null = null;
    if (e.kind === 'visit') {
      for (const id of e.actor_ids ?? []) {
        const c = actorCountry(id);
        if (c && c !== e.country) {
          from = places.country(c);
          if (from) break;
        }
      }
    }
    marks.push({ id: e.id, kind: e.kind, status: e.status, label: e.label, at, from, where: (e.place && places.city(e.place, e.country) ? e.place : e.country) ?? '' });
  }
  return { marks, byCountry, unplaced, placeless };
}

/** Marks at one spot, drawn as one point (its radius grows with their number). */
export interface Spot {
  at: LonLat;
  where: string;
  ids: number[];
  kinds: EventKind[];
}

/** Every mark as a point at its place (a visit's arc ends at one), grouped by where they are. */
export function spots(marks: readonly MapMark[]): Spot[] {
  const out = new Map<string, Spot>();
  for (const m of marks) {
    const k = `${m.at[0]},${m.at[1]}`;
    const s = out.get(k);
    if (s) {
      s.ids.push(m.id);
      if (!s.kinds.includes(m.kind)) s.kinds.push(m.kind);
    } else out.set(k, { at: m.at, where: m.where, ids: [m.id], kinds: [m.kind] });
  }
  return [...out.values()].sort((a, b) => b.ids.length - a.ids.length || a.where.localeCompare(b.where));
}

/** Shade class 0 (no event) to 5 (the most), on a square-root scale of the largest count. */
export function shade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(5, Math.ceil(5 * Math.sqrt(count / max))));
}
