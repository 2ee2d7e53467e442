import { mount } from 'svelte';
import App from './App.svelte';
import { appearance } from './lib/appearance.svelte';
import './app.css';

async function start() {
  // Development only: a browser demo with mocked IPC (see src/dev/demo.ts).
  // `import.meta.env.DEV` is false in `vite build`, so this is compiled out.
  if (import.meta.env.DEV && !('__TAURI_INTERNALS__' in window) && new URLSearchParams(location.search).has('demo')) {
    await import('./dev/demo');
  }
  appearance.apply();
  mount(App, { target: document.getElementById('app')! });
}

void start();
