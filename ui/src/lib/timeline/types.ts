import type { DrawMode } from '../dates';
import type { EventKind, Status } from '../types';

/** One thing on the timeline. Times are UTC ms; `end` is exclusive. */
export interface TimelineItem {
  id: number;
  kind: EventKind;
  status: Status;
  start: number;
  end: number;
  mode: DrawMode;
  label: string;
  /** Free-form payload for lane functions (e.g. participants, country). */
  data?: unknown;
}

/**
 * How items are grouped into horizontal lanes. Today: by event kind. Later:
 * by actor or country (an item may then appear in several lanes).
 */
export interface LaneSpec {
  /**
   * Lane(s) of an item. Several keys put the item in several lanes (e.g. one
   * per participant); none hides it.
   */
  key: (item: TimelineItem) => string | readonly string[];
  /** Lanes always shown, in this order; other keys follow, sorted. */
  order: readonly string[];
  label: (key: string) => string;
  /** Colour swatch for the lane label, if any. */
  color?: (key: string) => string | null;
}

export type ViewDomain = [number, number];
