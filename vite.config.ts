import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  // Data files under data/ are bundled as assets through import.meta.glob(…, { query: '?url' }).
  assetsInclude: ['**/*.csv'],
  build: {
    target: 'es2022',
    // duckdb-wasm's wasm files are large by nature; they are fetched, not parsed as JS.
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
