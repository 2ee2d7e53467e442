import { describe, expect, it } from 'vitest';
import { communityColor, edgeKey, edgeWidth, loadLayout, nextSelection, nodeSize, pathEdgeKeys, saveLayout, seedPositions } from './graph';
import type { GraphNode } from './types';

const node = (over: Partial<GraphNode>): GraphNode => ({
  id: 1, name: 'A', kind: 'person', country: null, events: 1, degree: 0, betweenness: 0, community: 0, ...over,
});

describe('graph helpers', () => {
  it('sizes nodes by betweenness or degree', () => {
    expect(nodeSize(node({ betweenness: 0 }), 'betweenness', 10)).toBe(14);
    expect(nodeSize(node({ betweenness: 1 }), 'betweenness', 10)).toBe(46);
    expect(nodeSize(node({ degree: 10 }), 'degree', 10)).toBe(46);
    expect(nodeSize(node({ degree: 3 }), 'degree', 0)).toBe(14);
    expect(nodeSize(node({ betweenness: Number.NaN }), 'betweenness', 1)).toBe(14);
    // By events (the default): area by events relative to the busiest actor.
    expect(nodeSize(node({ events: 303 }), 'events', 303)).toBe(46);
    expect(nodeSize(node({ events: 0 }), 'events', 303)).toBe(14);
    expect(nodeSize(node({ events: 76 }), 'events', 303)).toBe(Math.round(14 + Math.sqrt(76 / 303) * 32));
    expect(nodeSize(node({ events: 5, degree: 100 }), 'events', 0)).toBe(14);
  });

  it('edge widths grow with weight', () => {
    expect(edgeWidth({ source: 1, target: 2, weight: 0 }, 5)).toBe(1);
    expect(edgeWidth({ source: 1, target: 2, weight: 5 }, 5)).toBe(8);
    expect(edgeWidth({ source: 1, target: 2, weight: 5 }, 0)).toBe(1);
  });

  it('colours communities cyclically, negative-safe', () => {
    expect(communityColor(0)).toBe(communityColor(8));
    expect(communityColor(-1)).toBe(communityColor(7));
  });

  it('path edges are undirected consecutive pairs', () => {
    expect([...pathEdgeKeys([5, 2, 9])]).toEqual(['2-5', '2-9']);
    expect(pathEdgeKeys([5]).size).toBe(0);
    expect(pathEdgeKeys([]).size).toBe(0);
    expect(edgeKey(9, 2)).toBe(edgeKey(2, 9));
  });

  it('click and shift-click selection', () => {
    expect(nextSelection([], 1, false)).toEqual([1]);
    expect(nextSelection([1], 1, false)).toEqual([]);
    expect(nextSelection([1, 2], 3, false)).toEqual([3]);
    expect(nextSelection([1], 2, true)).toEqual([1, 2]);
    expect(nextSelection([1, 2], 3, true)).toEqual([2, 3]);
    expect(nextSelection([1, 2], 1, true)).toEqual([2]);
  });


});

describe('seedPositions', () => {
  const edges = [
    { source: 1, target: 2 },
    { source: 2, target: 3 },
  ];
  it('gives the same start for the same graph, whatever the order of the ids', () => {
    const a = seedPositions([1, 2, 3], edges, new Map()).at;
    const b = seedPositions([3, 1, 2], edges, new Map()).at;
    expect([...b].sort(([x], [y]) => x - y)).toEqual([...a].sort(([x], [y]) => x - y));
    // Spread apart, not all at one point.
    expect(new Set([...a.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`)).size).toBe(3);
  });
  it('keeps known actors where they were and starts a new one beside its known links', () => {
    const known = new Map([
      [1, { x: 100, y: 100 }],
      [2, { x: 300, y: 100 }],
    ]);
    const { at, known: k } = seedPositions([1, 2, 3, 4], [...edges, { source: 4, target: 1 }], known);
    expect(k).toBe(2);
    expect(at.get(1)).toEqual({ x: 100, y: 100 });
    expect(at.get(2)).toEqual({ x: 300, y: 100 });
    const d = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
    expect(d(at.get(3)!, known.get(2)!)).toBeCloseTo(40, 6);
    expect(d(at.get(4)!, known.get(1)!)).toBeCloseTo(40, 6);
  });
});

describe('loadLayout / saveLayout', () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };
  it('keeps positions per workspace', () => {
    const s = store();
    saveLayout(s, '/a', new Map([[1, { x: 10.123, y: -4 }], [2, { x: 0, y: 5 }]]));
    saveLayout(s, '/b', new Map([[1, { x: 99, y: 99 }]]));
    expect([...loadLayout(s, '/a')]).toEqual([[1, { x: 10.12, y: -4 }], [2, { x: 0, y: 5 }]]);
    expect([...loadLayout(s, '/b')]).toEqual([[1, { x: 99, y: 99 }]]);
    expect(loadLayout(s, '/c').size).toBe(0);
    expect(loadLayout(s, null).size).toBe(0);
  });
  it('ignores what is not a position', () => {
    const s = store();
    s.setItem('dateline.graph-layout:/w', '{not json');
    expect(loadLayout(s, '/w').size).toBe(0);
    s.setItem('dateline.graph-layout:/w', JSON.stringify({ 1: [1, 2], x: [1, 2], 2: [1], 3: ['a', 2], 4: [null, 1] }));
    expect([...loadLayout(s, '/w')]).toEqual([[1, { x: 1, y: 2 }]]);
  });
});
