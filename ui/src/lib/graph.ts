// Pure helpers for the actor graph view: sizes, colours, path edges and the selection a click
// makes. No DOM, no cytoscape: tested on their own.

import { graphColors } from './theme';
import type { GraphEdge, GraphNode, GraphView } from './types';

export type SizeBy = 'events' | 'betweenness' | 'degree';

/** Node diameter in px, 14..46 (area by the measure): by betweenness (0..1), or by degree or
 * events relative to `max`, the largest of that measure. */
export function nodeSize(node: GraphNode, by: SizeBy, max: number): number {
  const v = by === 'events' ? node.events : node.degree;
  const t = by === 'betweenness' ? clamp01(node.betweenness) : max > 0 ? clamp01(v / max) : 0;
  return Math.round(14 + Math.sqrt(t) * 32);
}

/** Edge width in px, 1..8, by shared events relative to the heaviest edge. */
export function edgeWidth(edge: GraphEdge, maxWeight: number): number {
  return maxWeight > 0 ? 1 + Math.round((Math.max(0, edge.weight) / maxWeight) * 7 * 10) / 10 : 1;
}

export function communityColor(community: number): string {
  const c = graphColors.communities;
  return c[((community % c.length) + c.length) % c.length];
}

/** The undirected key of an edge between two actors. */
export function edgeKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/** Edges along a path of actor ids (consecutive pairs), as undirected keys. */
export function pathEdgeKeys(path: readonly number[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 1; i < path.length; i++) keys.add(edgeKey(path[i - 1], path[i]));
  return keys;
}

/**
 * The selection after a click: a plain click selects only that actor (or clears it when it
 * was the only one); shift-click adds or removes it, keeping at most two (the path's ends).
 */
export function nextSelection(current: readonly number[], id: number, additive: boolean): number[] {
  if (!additive) return current.length === 1 && current[0] === id ? [] : [id];
  if (current.includes(id)) return current.filter((x) => x !== id);
  return [...current, id].slice(-2);
}


export interface GraphStats {
  maxDegree: number;
  maxWeight: number;
  /** Most events of one actor. */
  maxEvents: number;
}

export function graphStats(view: GraphView): GraphStats {
  let maxDegree = 0;
  let maxWeight = 0;
  let maxEvents = 0;
  for (const n of view.nodes) {
    maxDegree = Math.max(maxDegree, n.degree);
    maxEvents = Math.max(maxEvents, n.events);
  }
  for (const e of view.edges) maxWeight = Math.max(maxWeight, e.weight);
  return { maxDegree, maxWeight, maxEvents };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}

export type Point = { x: number; y: number };

/** A deterministic number in [0, 1) from an actor id (no Math.random: one graph, one layout). */
function unit(id: number, salt: number): number {
  let h = (Math.imul(id ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * Where the force layout starts each actor: where the last layout left it when it was in the
 * graph before, else beside the known actors it is linked to (their mean, a small offset
 * away), else on a spiral by a hash of its id. The same graph gives the same start (so the
 * same layout), and an import that adds actors starts the others where they were.
 */
export function seedPositions(ids: readonly number[], edges: readonly { source: number; target: number }[], known: ReadonlyMap<number, Point>): { at: Map<number, Point>; known: number } {
  const at = new Map<number, Point>();
  let k = 0;
  for (const id of ids) {
    const p = known.get(id);
    if (p) {
      at.set(id, { ...p });
      k++;
    }
  }
  const near = new Map<number, number[]>();
  for (const e of edges) {
    (near.get(e.source) ?? near.set(e.source, []).get(e.source)!).push(e.target);
    (near.get(e.target) ?? near.set(e.target, []).get(e.target)!).push(e.source);
  }
  [...ids].sort((a, b) => a - b).forEach((id, i) => {
    if (at.has(id)) return;
    const placed = (near.get(id) ?? []).map((n) => at.get(n)).filter((p): p is Point => p !== undefined);
    const a = 2 * Math.PI * unit(id, 1);
    if (placed.length) {
      const mx = placed.reduce((s, p) => s + p.x, 0) / placed.length;
      const my = placed.reduce((s, p) => s + p.y, 0) / placed.length;
      at.set(id, { x: mx + 40 * Math.cos(a), y: my + 40 * Math.sin(a) });
    } else {
      // A golden-angle spiral: spread, and the same for the same ids.
      const r = 30 * Math.sqrt(i + 1);
      const t = i * 2.399963 + unit(id, 2);
      at.set(id, { x: r * Math.cos(t), y: r * Math.sin(t) });
    }
  });
  return { at, known: k };
}

// The force layout's positions, remembered per workspace (localStorage, keyed by the workspace's
// path, as the pane sizes are): a workspace opened again starts its actors where they were left,
// so the graph looks as the analyst last saw it, even after imports that moved it little by little.
const LAYOUT_PREFIX = 'dateline.graph-layout:';
/** At most this many actors' positions are kept per workspace (the graph draws at most 150). */
export const MAX_SAVED_POSITIONS = 5000;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The positions saved for a workspace, by actor id; none when nothing valid is saved. */
export function loadLayout(store: Store | undefined, workspace: string | null | undefined): Map<number, Point> {
  const out = new Map<number, Point>();
  if (!store || !workspace) return out;
  try {
    const v = JSON.parse(store.getItem(LAYOUT_PREFIX + workspace) ?? 'null') as unknown;
    if (!v || typeof v !== 'object') return out;
    for (const [id, p] of Object.entries(v as Record<string, unknown>)) {
      const n = Number(id);
      if (!Number.isSafeInteger(n) || !Array.isArray(p) || p.length !== 2) continue;
      const [x, y] = p as unknown[];
      if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) out.set(n, { x, y });
      if (out.size >= MAX_SAVED_POSITIONS) break;
    }
  } catch {
    // Unreadable: the seeded layout.
  }
  return out;
}

export function saveLayout(store: Store | undefined, workspace: string | null | undefined, positions: ReadonlyMap<number, Point>): void {
  if (!store || !workspace) return;
  const out: Record<string, [number, number]> = {};
  let n = 0;
  for (const [id, p] of positions) {
    if (n++ >= MAX_SAVED_POSITIONS) break;
    out[id] = [Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100];
  }
  try {
    store.setItem(LAYOUT_PREFIX + workspace, JSON.stringify(out));
  } catch {
    // A full or refused store: the layout holds for this session only.
  }
}
