// The light/dark switch: follows the system until the user picks one, then
// remembers the choice (localStorage). CSS reads the theme through custom
// properties; the timeline canvas through `appearance.theme`.

import { THEMES, applyThemeToDocument, type Theme, type ThemeName } from './theme';

const KEY = 'dateline.theme';

function initial(): ThemeName {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage may be unavailable (privacy settings): follow the system.
  }
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export class Appearance {
  name = $state<ThemeName>(initial());
  readonly theme: Theme = $derived(THEMES[this.name]);

  set(name: ThemeName): void {
    this.name = name;
    try {
      globalThis.localStorage?.setItem(KEY, name);
    } catch {
      // Not remembered; still applied.
    }
    this.apply();
  }

  toggle(): void {
    this.set(this.name === 'dark' ? 'light' : 'dark');
  }

  /** Write the theme's CSS custom properties on <html> (and data-theme). */
  apply(root: HTMLElement | undefined = globalThis.document?.documentElement): void {
    if (!root) return;
    applyThemeToDocument(this.theme, root);
    root.dataset.theme = this.name;
  }
}

export const appearance = new Appearance();
