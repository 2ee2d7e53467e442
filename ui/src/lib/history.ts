// Undo/redo of corrections: the keyboard shortcut and the status line's text.

export type HistoryAction = 'undo' | 'redo';

/**
 * Ctrl+Z → undo, Ctrl+Shift+Z or Ctrl+Y → redo (Cmd on macOS). Inside text fields the
 * browser's own text undo wins, so this returns null there.
 */
export function historyShortcut(
  e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
  inTextField: boolean,
): HistoryAction | null {
  if (inTextField || e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** "Undone: Edited event 12", or "Nothing to undo" when the backend returns null. */
export function historyMessage(action: HistoryAction, description: string | null): string {
  if (description === null || !description.trim()) return action === 'undo' ? 'Nothing to undo' : 'Nothing to redo';
  return `${action === 'undo' ? 'Undone' : 'Redone'}: ${description.trim()}`;
}

export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}
