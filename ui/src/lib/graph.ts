// Pure helpers for the actor graph view: sizes, colours, path edges, and the events an actor
// selection keeps. No DOM, no cytoscape: tested on their own.

import { graphColors } from './theme';
import type { EventSummary, GraphEdge, GraphNode, GraphView } from './types';

export type SizeBy = 'betweenness' | 'degree';

/** Node diameter in px, 14..46, by betweenness (0..1) or degree relative to the largest. */
export function nodeSize(node: GraphNode, by: SizeBy, maxDegree: number): number {
  const t = by === 'betweenness' ? clamp01(node.betweenness) : maxDegree > 0 ? node.degree / maxDegree : 0;
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

/**
 * Events that involve any of the actors (all events when none is selected). Events listed
 * without `actor_ids` (a backend from before the contract's store change) match by name.
 */
export function eventsOfActors(
  events: readonly EventSummary[],
  actorIds: readonly number[],
  names: readonly string[] = [],
): readonly EventSummary[] {
  if (!actorIds.length) return events;
  const want = new Set(actorIds);
  const wantNames = new Set(names);
  return events.filter((e) =>
    Array.isArray(e.actor_ids) ? e.actor_ids.some((a) => want.has(a)) : e.participants.some((n) => wantNames.has(n)),
  );
}

export interface GraphStats {
  maxDegree: number;
  maxWeight: number;
}

export function graphStats(view: GraphView): GraphStats {
  let maxDegree = 0;
  let maxWeight = 0;
  for (const n of view.nodes) maxDegree = Math.max(maxDegree, n.degree);
  for (const e of view.edges) maxWeight = Math.max(maxWeight, e.weight);
  return { maxDegree, maxWeight };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}
