// Every colour the UI uses lives here (canvas and CSS). Later the Rust renderer
// ships a theme.json that both sides read; this object is the UI's copy of it.

import type { EventKind, Status } from './types';

export interface Theme {
  name: string;
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
  };
  kinds: Record<EventKind, string>;
  /** Alpha of the soft extent for coarse precision (week, month, ...). */
  fuzzyAlpha: number;
}

export const lightTheme: Theme = {
  name: 'light',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  monoFont: 'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  bg: '#f6f7f9',
  surface: '#ffffff',
  surfaceAlt: '#f0f2f5',
  border: '#dde1e7',
  text: '#1c2330',
  textMuted: '#5b6576',
  textFaint: '#8a93a3',
  accent: '#2f5bd3',
  accentText: '#ffffff',
  focus: '#2f5bd3',
  danger: '#c2352b',
  warning: '#b7791f',
  success: '#2f855a',
  dangerBg: '#fdecea',
  dangerBorder: '#f3c6c2',
  onColor: '#ffffff',
  overlayTint: 'rgba(47, 91, 211, 0.08)',
  shadow: 'rgba(20, 30, 60, 0.14)',
  shadowStrong: 'rgba(20, 30, 60, 0.18)',
  glass: 'rgba(255, 255, 255, 0.9)',
  legendFaded: '#c9ced6',
  legendFuzzy: '#cfd4dc',
  legendFuzzyEdge: '#e6e9ee',
  tooltip: {
    bg: '#1c2330',
    text: '#ffffff',
    muted: '#c9d0db',
    kinds: { visit: '#8db4f5', meeting: '#7fd6b6', call: '#f5c27e', conference: '#c6a6f0' },
  },
  canvas: {
    bg: '#ffffff',
    laneBandA: '#ffffff',
    laneBandB: '#f7f8fa',
    grid: '#eef0f3',
    gridMajor: '#d8dce3',
    axisBg: '#fbfbfc',
    axisText: '#5b6576',
    axisMajorText: '#1c2330',
    today: '#d64545',
    selection: '#1c2330',
    hover: '#2f5bd3',
    label: '#2a3342',
    labelOnBar: '#ffffff',
  },
  kinds: {
    visit: '#2f6fd6',
    meeting: '#1f9e74',
    call: '#e0861a',
    conference: '#8a4fd0',
  },
  fuzzyAlpha: 0.18,
};

export const theme: Theme = lightTheme;

export const KIND_LABELS: Record<EventKind, string> = {
  visit: 'Visit',
  meeting: 'Meeting',
  call: 'Call',
  conference: 'Conference',
};

export const KIND_PLURALS: Record<EventKind, string> = {
  visit: 'visits',
  meeting: 'meetings',
  call: 'calls',
  conference: 'conferences',
};

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
    '--axis-bg': t.canvas.axisBg,
    '--grid': t.canvas.grid,
  };
  for (const k of Object.keys(t.kinds) as EventKind[]) {
    vars[`--kind-${k}`] = t.kinds[k];
    vars[`--tooltip-kind-${k}`] = t.tooltip.kinds[k];
  }
  for (const [k, v] of Object.entries(vars)) root.style.setProperty(k, v);
  root.style.colorScheme = t.name === 'dark' ? 'dark' : 'light';
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
