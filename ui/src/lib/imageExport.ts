// The export dialog's form → `ImageExportOptions` for `export_image`.

import { windowDays } from './dates';
import type { ImageExportOptions, LaneBy, Selection } from './types';

export type ImageFormat = 'png' | 'svg' | 'pdf';
export type PngSize = '1x' | '2x' | 'custom';
export type RangeChoice = 'view' | 'all';

export interface ExportForm {
  format: ImageFormat;
  range: RangeChoice;
  size: PngSize;
  /** Pixel width when size is 'custom'. */
  customWidth: number;
  title: string;
  subtitle: string;
  lanes: LaneBy;
  dark: boolean;
}

/** Layout width in CSS px of every export (the renderer's default). */
export const BASE_WIDTH = 1600;

/** The form as the dialog opens: lanes and theme as on screen, so the image looks like the screen. */
export const defaultForm = (screen: { lanes: LaneBy; dark: boolean } = { lanes: screenLanes, dark: false }): ExportForm => ({
  format: 'png',
  range: 'view',
  size: '1x',
  customWidth: 2400,
  title: 'Diplomatic timeline',
  subtitle: '',
  lanes: screen.lanes,
  dark: screen.dark,
});

/** What the timeline's lanes group by, and those lanes in order, kept by the timeline view. */
let screenLanes: LaneBy = 'type';
let screenLaneOrder: readonly string[] = [];

export function setScreenLanes(by: LaneBy, order: readonly string[] = []): void {
  screenLanes = by;
  screenLaneOrder = order;
}

export function currentScreenLanes(): LaneBy {
  return screenLanes;
}

/** The screen's lanes in order when the image groups as the screen does (else the image ranks its own). */
export function laneOrderFor(lanes: LaneBy): string[] | null {
  return lanes !== 'type' && lanes === screenLanes && screenLaneOrder.length ? [...screenLaneOrder] : null;
}

export interface ViewRange {
  /** ISO days, inclusive; null follows the data. */
  from: string | null;
  to: string | null;
}

/** The timeline's visible window `[startMs, endMs)`, kept by the timeline view as it moves. */
let viewWindow: [number, number] | null = null;

export function setViewWindow(v: [number, number] | null): void {
  viewWindow = v;
}

/** The timeline's visible window as inclusive ISO days; the whole range before the first draw. */
export function currentViewRange(): ViewRange {
  return viewWindow ? windowDays(viewWindow) : { from: null, to: null };
}

/** Width and scale: 1× and 2× keep the layout width; a custom width is the PNG's pixel width. */
export function sizeOf(form: ExportForm): { width: number; scale: number } {
  if (form.format !== 'png' || form.size === '1x') return { width: BASE_WIDTH, scale: 1 };
  if (form.size === '2x') return { width: BASE_WIDTH, scale: 2 };
  const px = Math.round(Math.max(320, Math.min(16000, form.customWidth || BASE_WIDTH)));
  return { width: px, scale: 1 };
}

/**
 * The options for `export_image`: `selection` is what every view shows now (the filters); the
 * image draws its events within the chosen range, as the store selects them.
 */
export function toImageOptions(form: ExportForm, view: ViewRange, selection: Selection): ImageExportOptions {
  const { width, scale } = sizeOf(form);
  const range = form.range === 'view' ? view : { from: null, to: null };
  return {
    selection,
    from: range.from,
    to: range.to,
    lanes: form.lanes,
    lane_order: laneOrderFor(form.lanes),
    width,
    scale,
    title: form.title.trim() || null,
    subtitle: form.subtitle.trim() || null,
    dark: form.dark,
  };
}

export function defaultFileName(form: ExportForm): string {
  return `timeline.${form.format}`;
}
