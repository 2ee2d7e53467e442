// The desk's pane sizes: the side pane's width and the event list's height, set with the
// splitters and remembered per workspace (localStorage, keyed by the workspace's path).

export interface PaneSizes {
  /** Width of the side pane (graph, map, article), px. */
  side: number | null;
  /** Height of the event list under the timeline, px. */
  list: number | null;
}

export const NO_SIZES: PaneSizes = { side: null, list: null };

const PREFIX = 'dateline.panes:';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const px = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : null);

/** The sizes saved for a workspace; none (the layout's defaults) when nothing valid is saved. */
export function loadPanes(store: Store | undefined, workspace: string | null | undefined): PaneSizes {
  if (!store || !workspace) return NO_SIZES;
  try {
    const v = JSON.parse(store.getItem(PREFIX + workspace) ?? 'null') as Partial<PaneSizes> | null;
    return v && typeof v === 'object' ? { side: px(v.side), list: px(v.list) } : NO_SIZES;
  } catch {
    return NO_SIZES;
  }
}

export function savePanes(store: Store | undefined, workspace: string | null | undefined, sizes: PaneSizes): void {
  if (!store || !workspace) return;
  try {
    store.setItem(PREFIX + workspace, JSON.stringify({ side: px(sizes.side), list: px(sizes.list) }));
  } catch {
    // A full or refused store: the sizes hold for this session only.
  }
}

/** `v` within [min, max]; when the room is smaller than `min`, `min`. */
export function clampPane(v: number, min: number, max: number): number {
  return Math.round(Math.max(min, Math.min(Math.max(min, max), v)));
}
