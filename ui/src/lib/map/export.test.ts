import { geoNaturalEarth1 } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import cases from '../../../../crates/dateline-render/tests/map-cases.json';
import crateAtlas from '../../../../crates/dateline-render/data/countries-110m.json?raw';
import npmAtlas from 'world-atlas/countries-110m.json?raw';
import coordinates from '../../../../crates/dateline-extract/data/gazetteer/coordinates.tsv?raw';
import numbers from '../../../../crates/dateline-extract/data/gazetteer/country_numbers.tsv?raw';
import countries from '../../../../crates/dateline-extract/data/gazetteer/countries.tsv?raw';
import { MAP_STYLE } from '../theme';
import type { EventSummary } from '../types';
import { mapPicture, toMapOptions, viewportOf, type MapScreen } from './export';
import { mapData, parsePlaces, spots } from './places';

const pane = (w: number, h: number) => geoNaturalEarth1().fitExtent([[cases.padding, cases.padding], [w - cases.padding, h - cases.padding]], { type: 'Sphere' });

describe('the map image draws what the pane draws', () => {
  it('draws the same world: the renderer bundles world-atlas\'s own file', () => {
    expect(crateAtlas).toBe(npmAtlas);
  });

  it('pads the world as the image does (theme.json map.padding)', () => {
    expect(cases.padding).toBe(MAP_STYLE.padding);
  });

  // crates/dateline-render/tests/map-cases.json: the renderer's projection is tested against
  // these points too, so d3 on the pane and the image agree through them.
  it("turns the pane's zoom into the viewport the cases hold, and d3 still projects them so", () => {
    for (const c of cases.views) {
      const [w, h] = c.pane;
      const p = pane(w, h);
      const v = viewportOf(p, c.zoom, w, h);
      expect(v.centre[0]).toBeCloseTo(c.view.centre[0], 9);
      expect(v.centre[1]).toBeCloseTo(c.view.centre[1], 9);
      expect(v.scale).toBeCloseTo(c.view.scale, 9);
      const f = c.image[0] / w;
      for (const [lon, lat, x, y] of c.points) {
        const [px, py] = p([lon, lat])!;
        expect(f * (c.zoom.k * px + c.zoom.x)).toBeCloseTo(x, 6);
        expect(f * (c.zoom.k * py + c.zoom.y)).toBeCloseTo(y, 6);
      }
    }
    for (const c of cases.fits) {
      const [x0, y0, w, h] = c.box;
      const pad = cases.padding;
      const p = geoNaturalEarth1().fitExtent([[x0 + pad, y0 + pad], [x0 + w - pad, y0 + h - pad]], { type: 'Sphere' });
      for (const [lon, lat, x, y] of c.points) {
        const [px, py] = p([lon, lat])!;
        expect(px).toBeCloseTo(x, 6);
        expect(py).toBeCloseTo(y, 6);
      }
    }
  });

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
  const events = [
    ev(1, { kind: 'visit', place: 'Beijing', country: 'China', actor_ids: [7] }),
    ev(2, { kind: 'visit', place: 'Beijing', country: 'China', actor_ids: [7] }),
    ev(3, { place: 'Paris', country: 'France' }),
    ev(4, { kind: 'call' }),
  ];
  const data = mapData(events, places, (id) => (id === 7 ? 'United States' : null));

  it('sends the counts, arcs and spots the pane computed', () => {
    const pic = mapPicture(data, spots(data.marks));
    expect(pic.countries).toEqual([
      { id: places.numeric('China'), events: 2 },
      { id: places.numeric('France'), events: 1 },
    ]);
    const washington = places.country('United States');
    expect(pic.arcs).toEqual([
      { from: washington, to: places.city('Beijing', 'China') },
      { from: washington, to: places.city('Beijing', 'China') },
    ]);
    expect(pic.spots.map((s) => [s.place, s.events, s.kinds])).toEqual([
      ['Beijing', 2, ['visit']],
      ['Paris', 1, ['meeting']],
    ]);
  });

  it("keeps the pane's aspect for its view, and fits the whole world otherwise", () => {
    const p = pane(600, 400);
    const zoomed: MapScreen = { picture: mapPicture(data, spots(data.marks)), view: viewportOf(p, { k: 2, x: -300, y: -100 }, 600, 400), whole: false, width: 600, height: 400 };
    const form = { range: 'view' as const, width: 1600, scale: 2, title: ' Map ', subtitle: '', dark: true };
    const o = toMapOptions(form, zoomed);
    expect(o.view).toEqual(zoomed.view);
    // The map is the image's width less its two margins (theme.json sizes.margin = 28).
    expect(o.map_height).toBe(Math.round(((1600 - 56) * 400) / 600));
    expect([o.width, o.scale, o.title, o.subtitle, o.dark]).toEqual([1600, 2, 'Map', null, true]);
    expect(toMapOptions({ ...form, range: 'all' }, zoomed)).toMatchObject({ view: null, map_height: null });
    expect(toMapOptions(form, { ...zoomed, whole: true })).toMatchObject({ view: null, map_height: null });
  });
});
