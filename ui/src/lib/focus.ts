// Keyboard focus helpers for dialogs and panes: what can take focus inside an element, and
// where Tab goes in a focus trap. Pure over the DOM, no Svelte.

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** Enabled, visible elements inside `root` that Tab reaches, in document order. */
export function focusables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && (el.offsetParent !== null || el === document.activeElement),
  );
}

/**
 * Where Tab (or Shift+Tab when `back`) should go so that focus stays among `items`: the first
 * after the last, the last before the first, the first when focus is elsewhere; `null` when the
 * browser's own move stays inside.
 */
export function nextInTrap<T>(items: readonly T[], current: unknown, back: boolean): T | null {
  if (!items.length) return null;
  const i = items.indexOf(current as T);
  if (i < 0) return back ? items[items.length - 1] : items[0];
  if (!back && i === items.length - 1) return items[0];
  if (back && i === 0) return items[items.length - 1];
  return null;
}
