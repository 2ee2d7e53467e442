import { describe, expect, it } from 'vitest';
import { historyMessage, historyShortcut } from './history';

const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('undo/redo', () => {
  it('maps shortcuts', () => {
    expect(historyShortcut(k('z', { ctrlKey: true }), false)).toBe('undo');
    expect(historyShortcut(k('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(historyShortcut(k('z', { metaKey: true }), false)).toBe('undo');
    expect(historyShortcut(k('y', { ctrlKey: true }), false)).toBe('redo');
    expect(historyShortcut(k('z'), false)).toBeNull();
    expect(historyShortcut(k('z', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(historyShortcut(k('z', { ctrlKey: true }), true)).toBeNull();
  });

  it('status line text', () => {
    expect(historyMessage('undo', 'Edit event 12')).toBe('Undone: Edit event 12');
    expect(historyMessage('redo', 'Merge 2 actors into Antony Blinken')).toBe('Redone: Merge 2 actors into Antony Blinken');
    expect(historyMessage('undo', null)).toBe('Nothing to undo');
    expect(historyMessage('redo', '  ')).toBe('Nothing to redo');
  });
});
