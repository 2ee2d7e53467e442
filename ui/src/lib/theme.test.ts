import { describe, expect, it } from 'vitest';
import shared from '../../../crates/dateline-render/theme.json';
import { THEMES, contrastRatio } from './theme';
import { EVENT_KINDS } from './types';

describe('themes', () => {
  it('take the timeline palette from theme.json (shared with the renderer)', () => {
    for (const name of ['light', 'dark'] as const) {
      const t = THEMES[name];
      expect(t.canvas.bg).toBe(shared[name].background);
      expect(t.kinds).toEqual(shared[name].kinds);
      expect(t.text).toBe(shared[name].text);
    }
    expect(THEMES.light.fuzzyAlpha).toBe(shared.precision.soft_fill_opacity);
  });

  // WCAG AA: 4.5:1 for text, 3:1 for focus indicators and UI components.
  for (const name of ['light', 'dark'] as const) {
    const t = THEMES[name];
    it(`${name}: text passes AA on every surface`, () => {
      for (const bg of [t.bg, t.surface, t.surfaceAlt, t.canvas.bg, t.canvas.laneBandB, t.canvas.axisBg, t.rowHover, t.rowSelected]) {
        for (const fg of [t.text, t.textMuted, t.textFaint]) {
          expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      expect(contrastRatio(t.tooltip.text, t.tooltip.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t.tooltip.muted, t.tooltip.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t.accentText, t.accent)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t.danger, t.dangerBg)).toBeGreaterThanOrEqual(4.5);
    });
    it(`${name}: type badges' text passes AA on their tint`, () => {
      for (const k of EVENT_KINDS) expect(contrastRatio(t.text, t.badgeKinds[k]), `${k} badge`).toBeGreaterThanOrEqual(4.5);
    });
    it(`${name}: focus ring and event glyphs reach 3:1`, () => {
      expect(contrastRatio(t.focus, t.surface)).toBeGreaterThanOrEqual(3);
      for (const k of EVENT_KINDS) {
        // Labels on solid bars are text: AA, or (null) drawn on a chip of background.
        const on = t.canvas.labelOn[k];
        if (on) expect(contrastRatio(on, t.kinds[k]), `label on ${k}`).toBeGreaterThanOrEqual(4.5);
        else expect(contrastRatio(t.canvas.label, t.canvas.bg)).toBeGreaterThanOrEqual(4.5);
        // Glyphs against the canvas and both lane bands: 3:1 for graphics (WCAG 1.4.11). The kind
        // is also given by lane, tooltip, list and details, never by colour alone.
        for (const bg of [t.canvas.bg, t.canvas.laneBandA, t.canvas.laneBandB])
          expect(contrastRatio(t.kinds[k], bg), `${k} glyph on ${bg}`).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
