/** Build of the bench-only floor page (scripts/bench-floor), used by npm run bench. */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  build: { target: 'es2022', outDir: '../../bench-dist/floor', emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  logLevel: 'warn',
});
