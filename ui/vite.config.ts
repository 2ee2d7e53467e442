import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The Tauri shell embeds `dist/` (frontendDist = ../ui/dist). Relative base so the
// bundle works from any origin (tauri://, http://tauri.localhost, the test server).
export default defineConfig({
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    target: ['es2021', 'chrome105', 'safari15'],
    sourcemap: false,
    // Everything stays in our own files: no inlined scripts, CSP-friendly.
    assetsInlineLimit: 0,
    // A desktop app loads its bundle from disk in one piece: the web's 500 kB chunk advice
    // (code splitting for the network) does not apply; warn only past what we would notice.
    chunkSizeWarningLimit: 2500,
    // Rolldown's note that plugins were slow (on a loaded machine) is not a warning about the
    // bundle: keep `make`'s output to what matters.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
