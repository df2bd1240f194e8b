import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';

/**
 * The embedded dataset is every CSV/JSON file in this directory (see src/lib/data/embedded.ts).
 * `ZWGK_DATA_DIR=bench-data/scale-x vite build` bundles another directory instead (npm run bench
 * does this for its data scales) without touching data/reports/.
 */
const dataDir = resolve(import.meta.dirname, process.env.ZWGK_DATA_DIR || 'data/reports');

export default defineConfig({
  plugins: [svelte()],
  resolve: { alias: { '@embedded-data': dataDir } },
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
