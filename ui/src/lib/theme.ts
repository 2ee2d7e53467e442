// Every colour the UI uses (canvas and CSS). The timeline's visual language
// (palette, kind colours, soft-extent opacity) comes from
// crates/dateline-render/theme.json, the file the image renderer reads too;
// only the app chrome (panels, buttons, focus) is defined here.

import shared from '../../../crates/dateline-render/theme.json';
import { EVENT_KINDS, type EventKind, type Status } from './types';

export interface Theme {
  name: ThemeName;
  font: string;
  monoFont: string;
  bg: string;
  surface: string;
  surfaceAlt: string;
  border: string;
  text: string;
  textMuted: string;
  textFaint: string;
  accent: string;
  accentText: string;
  focus: string;
  danger: string;
  warning: string;
  success: string;
  dangerBg: string;
  dangerBorder: string;
  /** Text/glyphs on accent or kind-coloured backgrounds. */
  onColor: string;
  /** Drop overlay tint, card shadows, translucent panels. */
  overlayTint: string;
  shadow: string;
  shadowStrong: string;
  glass: string;
  /** Legend swatches for "cancelled" and "approximate". */
  legendFaded: string;
  legendFuzzy: string;
  legendFuzzyEdge: string;
  /** Event list rows. */
  rowHover: string;
  rowSelected: string;
  /** The time brush on the timeline. */
  brush: string;
  brushEdge: string;
  tooltip: { bg: string; text: string; muted: string; kinds: Record<EventKind, string> };
  /** Timeline canvas. */
  canvas: {
    bg: string;
    laneBandA: string;
    laneBandB: string;
    grid: string;
    gridMajor: string;
    axisBg: string;
    axisText: string;
    axisMajorText: string;
    today: string;
    selection: string;
    hover: string;
    label: string;
    labelOnBar: string;
    /**
     * Label colour on each kind's solid bar: the palette's background or text,
     * whichever contrasts more; null when neither reaches WCAG AA (4.5:1).
     */
    labelOn: Record<EventKind, string | null>;
    /** Density bands and clusters. */
    clusterFill: string;
    clusterText: string;
    /** The line through cancelled events. */
    strike: string;
  };
  kinds: Record<EventKind, string>;
  /** A type badge's background: its kind's colour tinted into the page's, so the theme's
   * text reads on it (white or black on the kind colours themselves falls under 4.5:1). */
  badgeKinds: Record<EventKind, string>;
  /** Alpha of the soft extent for coarse precision (week, month, ...). */
  fuzzyAlpha: number;
  /** Alpha of the outline of a planned or postponed soft extent (the image export's too). */
  fuzzyOutlineAlpha: number;
  /** Alpha of the centre tick of a cancelled soft extent (theme.json `precision.struck_tick_opacity`, the image export's too). */
  struckTickAlpha: number;
  /** The map (theme.json's palette `map`): shades 1 to 5 mix `shade` into `land` by `MAP_STYLE.shades`. */
  map: { sea: string; seaEdge: string; land: string; landEdge: string; shades: string[] };
}

/** The palette of one theme in theme.json (shared with crates/dateline-render). */
interface SharedPalette {
  background: string;
  text: string;
  muted: string;
  faint: string;
  lane_band: string;
  lane_rule: string;
  grid_minor: string;
  grid_major: string;
  axis: string;
  cluster_fill: string;
  cluster_text: string;
  strike: string;
  map: { sea: string; sea_edge: string; land: string; land_edge: string; shade: string };
  kinds: Record<EventKind, string>;
}

export type ThemeName = 'light' | 'dark';

export const MAP_STYLE: MapStyle = (shared as unknown as { map: MapStyle }).map;

/** Most lanes of a timeline (theme.json `sizes.max_lanes`, as the image export): past it, the rest share an "Other" lane. */
export const maxLanes = (): number => SHARED.sizes.max_lanes;

/** The map's sizes (CSS px at every zoom) and shading steps: theme.json `map`, as the image export draws them. */
export interface MapStyle {
  padding: number;
  sea_stroke: number;
  land_stroke: number;
  arc_width: number;
  arc_opacity: number;
  spot_radius: number;
  spot_growth: number;
  spot_stroke: number;
  spot_opacity: number;
  shades: number[];
}

const SHARED = shared as unknown as {
  map: MapStyle;
  precision: { soft_fill_opacity: number; soft_stroke_opacity: number; struck_tick_opacity: number };
  kinds: Record<EventKind, { label: string; plural: string }>;
  sizes: { max_lanes: number };
  light: SharedPalette;
  dark: SharedPalette;
};

/**
 * The app's own chrome (panels, buttons, focus ring): not part of the
 * timeline's visual language, so not in theme.json. Text colours are chosen
 * for WCAG AA (4.5:1) on every surface; theme.test.ts checks it.
 */
const CHROME = {
  light: {
    bg: '#f6f7f9',
    surface: '#ffffff',
    surfaceAlt: '#f2f4f7',
    border: '#d5dae1',
    textFaint: '#5a6371',
    accent: '#2f5bd3',
    accentText: '#ffffff',
    focus: '#2f5bd3',
    danger: '#b3261e',
    warning: '#8a5a00',
    success: '#2f7a50',
    dangerBg: '#fdecea',
    dangerBorder: '#f3c6c2',
    onColor: '#ffffff',
    overlayTint: 'rgba(47, 91, 211, 0.08)',
    shadow: 'rgba(20, 30, 60, 0.14)',
    shadowStrong: 'rgba(20, 30, 60, 0.18)',
    glass: 'rgba(255, 255, 255, 0.92)',
    rowHover: '#e9eef8',
    rowSelected: '#e3ebfc',
    brush: 'rgba(47, 91, 211, 0.12)',
    brushEdge: '#2f5bd3',
    tooltip: { bg: '#1b1f24', text: '#ffffff', muted: '#c9d0db' },
  },
  dark: {
    bg: '#0e1115',
    surface: '#14171c',
    surfaceAlt: '#1b1f26',
    border: '#343b46',
    textFaint: '#98a2b0',
    accent: '#7aa2ff',
    accentText: '#0e1115',
    focus: '#8fb3ff',
    danger: '#ff8a80',
    warning: '#f0b43c',
    success: '#5fd38d',
    dangerBg: '#3a1d1d',
    dangerBorder: '#6b2f2b',
    onColor: '#0e1115',
    overlayTint: 'rgba(122, 162, 255, 0.1)',
    shadow: 'rgba(0, 0, 0, 0.45)',
    shadowStrong: 'rgba(0, 0, 0, 0.6)',
    glass: 'rgba(20, 23, 28, 0.92)',
    rowHover: '#1f2631',
    rowSelected: '#233456',
    brush: 'rgba(122, 162, 255, 0.16)',
    brushEdge: '#7aa2ff',
    tooltip: { bg: '#e6e9ee', text: '#14171c', muted: '#3a424d' },
  },
};

/** A full UI theme: theme.json's palette plus the app chrome. */
export function buildTheme(name: ThemeName): Theme {
  const p = SHARED[name];
  const c = CHROME[name];
  // The tooltip has the other theme's background, so it takes that palette's kinds.
  const other = SHARED[name === 'light' ? 'dark' : 'light'];
  return {
    name,
    font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    monoFont: 'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
    bg: c.bg,
    surface: c.surface,
    surfaceAlt: c.surfaceAlt,
    border: c.border,
    text: p.text,
    textMuted: p.muted,
    textFaint: c.textFaint,
    accent: c.accent,
    accentText: c.accentText,
    focus: c.focus,
    danger: c.danger,
    warning: c.warning,
    success: c.success,
    dangerBg: c.dangerBg,
    dangerBorder: c.dangerBorder,
    onColor: c.onColor,
    overlayTint: c.overlayTint,
    shadow: c.shadow,
    shadowStrong: c.shadowStrong,
    glass: c.glass,
    legendFaded: p.grid_major,
    legendFuzzy: p.lane_rule,
    legendFuzzyEdge: p.lane_band,
    rowHover: c.rowHover,
    rowSelected: c.rowSelected,
    brush: c.brush,
    brushEdge: c.brushEdge,
    tooltip: { ...c.tooltip, kinds: { ...other.kinds } },
    canvas: {
      bg: p.background,
      laneBandA: p.background,
      laneBandB: p.lane_band,
      grid: p.grid_minor,
      gridMajor: p.grid_major,
      axisBg: p.lane_band,
      axisText: p.muted,
      axisMajorText: p.text,
      today: name === 'light' ? '#d64545' : '#ff7b72',
      selection: p.text,
      hover: c.accent,
      label: p.text,
      labelOnBar: p.background,
      labelOn: Object.fromEntries(
        (Object.keys(p.kinds) as EventKind[]).map((k) => {
          const best = contrastRatio(p.background, p.kinds[k]) >= contrastRatio(p.text, p.kinds[k]) ? p.background : p.text;
          return [k, contrastRatio(best, p.kinds[k]) >= 4.5 ? best : null];
        }),
      ) as Record<EventKind, string | null>,
      clusterFill: p.cluster_fill,
      clusterText: p.cluster_text,
      strike: p.strike,
    },
    kinds: { ...p.kinds },
    badgeKinds: Object.fromEntries((Object.keys(p.kinds) as EventKind[]).map((k) => [k, mixHex(p.kinds[k], p.background, BADGE_TINT)])) as Record<EventKind, string>,
    fuzzyAlpha: SHARED.precision.soft_fill_opacity,
    fuzzyOutlineAlpha: SHARED.precision.soft_stroke_opacity,
    struckTickAlpha: SHARED.precision.struck_tick_opacity,
    map: {
      sea: p.map.sea,
      seaEdge: p.map.sea_edge,
      land: p.map.land,
      landEdge: p.map.land_edge,
      shades: SHARED.map.shades.map((f) => mixHex(p.map.shade, p.map.land, f)),
    },
  };
}

/** How much of its kind's colour a type badge's background holds. */
const BADGE_TINT = 0.22;

export const lightTheme: Theme = buildTheme('light');
export const darkTheme: Theme = buildTheme('dark');
export const THEMES: Record<ThemeName, Theme> = { light: lightTheme, dark: darkTheme };

/** The light theme (kept for modules that do not follow the theme switch). */
export const theme: Theme = lightTheme;

const perKind = (f: (k: { label: string; plural: string }) => string) =>
  Object.fromEntries(EVENT_KINDS.map((k) => [k, f(SHARED.kinds[k])])) as Record<EventKind, string>;

/** "Visit": theme.json's kind labels (the image export's legend says the same). */
export const KIND_LABELS = perKind((k) => k.label);

/** "visits", for sentences; capitalised, the names of the type lanes (as in the image export). */
export const KIND_PLURALS = perKind((k) => k.plural.toLowerCase());

export const STATUS_LABELS: Record<Status, string> = {
  occurred: 'Occurred',
  planned: 'Planned',
  cancelled: 'Cancelled',
  postponed: 'Postponed',
};

/** Expose the theme as CSS custom properties (CSSOM only: CSP-safe). */
export function applyThemeToDocument(t: Theme, root: HTMLElement = document.documentElement): void {
  const vars: Record<string, string> = {
    '--font': t.font,
    '--mono': t.monoFont,
    '--bg': t.bg,
    '--surface': t.surface,
    '--surface-alt': t.surfaceAlt,
    '--border': t.border,
    '--text': t.text,
    '--text-muted': t.textMuted,
    '--text-faint': t.textFaint,
    '--accent': t.accent,
    '--accent-text': t.accentText,
    '--focus': t.focus,
    '--danger': t.danger,
    '--warning': t.warning,
    '--success': t.success,
    '--danger-bg': t.dangerBg,
    '--danger-border': t.dangerBorder,
    '--on-color': t.onColor,
    '--overlay-tint': t.overlayTint,
    '--shadow': t.shadow,
    '--shadow-strong': t.shadowStrong,
    '--glass': t.glass,
    '--legend-faded': t.legendFaded,
    '--legend-fuzzy': t.legendFuzzy,
    '--legend-fuzzy-edge': t.legendFuzzyEdge,
    '--tooltip-bg': t.tooltip.bg,
    '--tooltip-text': t.tooltip.text,
    '--tooltip-muted': t.tooltip.muted,
    '--row-hover': t.rowHover,
    '--row-selected': t.rowSelected,
    '--brush': t.brush,
    '--brush-edge': t.brushEdge,
    '--axis-bg': t.canvas.axisBg,
    '--map-sea': t.map.sea,
    '--map-sea-edge': t.map.seaEdge,
    '--map-land': t.map.land,
    '--map-land-edge': t.map.landEdge,
    ...Object.fromEntries(t.map.shades.map((c, i) => [`--map-shade-${i + 1}`, c])),
    '--map-arc-opacity': String(MAP_STYLE.arc_opacity),
    '--grid': t.canvas.grid,
  };
  for (const k of Object.keys(t.kinds) as EventKind[]) {
    vars[`--kind-${k}`] = t.kinds[k];
    vars[`--tooltip-kind-${k}`] = t.tooltip.kinds[k];
    vars[`--badge-kind-${k}`] = t.badgeKinds[k];
  }
  for (const [k, v] of Object.entries(vars)) root.style.setProperty(k, v);
  root.style.colorScheme = t.name === 'dark' ? 'dark' : 'light';
}

/** `a` mixed into `b` in the share `t` (0..1), per sRGB channel, as #rrggbb. */
export function mixHex(a: string, b: string, t: number): string {
  const ch = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [x, y] = [ch(a), ch(b)];
  return '#' + x.map((v, i) => Math.round(v * t + y[i] * (1 - t)).toString(16).padStart(2, '0')).join('');
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    if (!m) throw new Error(`not #rrggbb: ${hex}`);
    const [r, g, bl] = [m[1], m[2], m[3]].map((h) => {
      const c = parseInt(h, 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The actor graph (canvas, drawn by cytoscape): communities and highlight colours. */
export const graphColors = {
  /** Qualitative, colour-blind friendly (Okabe–Ito order). */
  communities: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f7f7f', '#b8a400'],
  edge: '#b4bcc8',
  dimmed: '#e3e6eb',
  label: '#1c2330',
  labelHalo: '#ffffff',
  selected: '#1c2330',
  path: '#d64545',
  ego: '#2f5bd3',
};
