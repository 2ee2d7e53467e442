import { describe, expect, it } from 'vitest';
import { clampPane, loadPanes, savePanes } from './panes';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('pane sizes', () => {
  it('are remembered per workspace', () => {
    const s = memory();
    savePanes(s, '/w/a.dateline', { side: 520.4, list: 300 });
    savePanes(s, '/w/b.dateline', { side: 300, list: null });
    expect(loadPanes(s, '/w/a.dateline')).toEqual({ side: 520, list: 300 });
    expect(loadPanes(s, '/w/b.dateline')).toEqual({ side: 300, list: null });
    expect(loadPanes(s, '/w/c.dateline')).toEqual({ side: null, list: null });
  });

  it('fall back to the defaults on anything not a size', () => {
    const s = memory();
    s.setItem('dateline.panes:/w', '{not json');
    expect(loadPanes(s, '/w')).toEqual({ side: null, list: null });
    s.setItem('dateline.panes:/w', JSON.stringify({ side: -4, list: 'big' }));
    expect(loadPanes(s, '/w')).toEqual({ side: null, list: null });
    expect(loadPanes(undefined, '/w')).toEqual({ side: null, list: null });
    expect(loadPanes(s, null)).toEqual({ side: null, list: null });
  });

  it('clamp to the room there is', () => {
    expect(clampPane(50, 240, 900)).toBe(240);
    expect(clampPane(1200, 240, 900)).toBe(900);
    expect(clampPane(500.6, 240, 900)).toBe(501);
    expect(clampPane(500, 240, 100)).toBe(240);
  });
});
