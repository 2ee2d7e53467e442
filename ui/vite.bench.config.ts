import { defineConfig } from 'vite';

// Builds the timeline benchmark page (bench/) into bench-dist/; never shipped.
export default defineConfig({
  root: 'bench',
  base: './',
  build: { outDir: '../bench-dist', emptyOutDir: true, target: 'es2022', minify: false },
});
