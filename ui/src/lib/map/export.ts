// The map pane as the image export takes it (`export_map_image`): the pieces the pane draws
// (countries' counts, visits' arcs, spots) and its zoom as a viewport the renderer can place in
// an image of any width. The pane keeps the current ones here as it draws; the export dialog
// reads them. Pure apart from that one slot.

import shared from '../../../../crates/dateline-render/theme.json';
import type { MapImageOptions, MapPicture, MapViewport } from '../types';
import type { MapData, Spot } from './places';

/** The image's margin (theme.json `sizes.margin`): its map is the width less two of it. */
const MARGIN: number = (shared as unknown as { sizes: { margin: number } }).sizes.margin;

/** What d3's projection says of itself (a `GeoProjection`'s `scale()` and `translate()`). */
export interface FittedProjection {
  scale(): number;
  translate(): [number, number];
}

/** A d3-zoom transform. */
export interface ZoomTransform {
  k: number;
  x: number;
  y: number;
}

/**
 * The pane's view as the renderer's `MapViewport`: the pane's centre in the projection's unit
 * coordinates (before the zoom, x east, y north) and the zoomed scale over the pane's width, so
 * an image of the pane's aspect shows what the pane shows.
 */
export function viewportOf(projection: FittedProjection, t: ZoomTransform, width: number, height: number): MapViewport {
  const s = projection.scale();
  const [tx, ty] = projection.translate();
  const cx = (width / 2 - t.x) / t.k;
  const cy = (height / 2 - t.y) / t.k;
  return { centre: [(cx - tx) / s, (ty - cy) / s], scale: (s * t.k) / width };
}

/** The pieces the pane draws, as the renderer takes them: the same counts, arcs and spots. */
export function mapPicture(data: MapData, spotList: readonly Spot[]): MapPicture {
  return {
    countries: [...data.byCountry].map(([id, events]) => ({ id, events })),
    arcs: data.marks.filter((m) => m.from).map((m) => ({ from: m.from!, to: m.at })),
    spots: spotList.map((s) => ({ at: s.at, kinds: [...s.kinds], events: s.ids.length, place: s.where })),
  };
}

/** The map pane as it is now: what it draws, its view, its size. */
export interface MapScreen {
  picture: MapPicture;
  view: MapViewport;
  /** The pane's zoom is the whole world (no zoom, no pan). */
  whole: boolean;
  width: number;
  height: number;
}

let screen: MapScreen | null = null;

/** Kept by the map pane as it draws; `null` when it is closed. */
export function setMapScreen(s: MapScreen | null): void {
  screen = s;
}

export function currentMapScreen(): MapScreen | null {
  return screen;
}

/** The export dialog's choices for a map. */
export interface MapForm {
  /** The pane's zoom, or the whole world. */
  range: 'view' | 'all';
  width: number;
  scale: number;
  title: string;
  subtitle: string;
  dark: boolean;
}

/**
 * The options for `export_map_image`. The current view keeps the pane's aspect (its map is
 * `width × height / width` of the pane); the whole world fits its own shape.
 */
export function toMapOptions(form: MapForm, s: MapScreen): MapImageOptions {
  const view = form.range === 'view' && !s.whole ? s.view : null;
  const mapWidth = form.width - 2 * MARGIN;
  return {
    picture: s.picture,
    view,
    width: form.width,
    map_height: view && s.width > 0 ? Math.round((mapWidth * s.height) / s.width) : null,
    scale: form.scale,
    title: form.title.trim() || null,
    subtitle: form.subtitle.trim() || null,
    dark: form.dark,
  };
}
