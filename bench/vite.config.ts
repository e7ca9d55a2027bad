import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The bench page (bench/page), built apart from the app into dist/bench (ignored by git, lint and
 * Prettier with the rest of dist/) and served by `vite preview` on its own port. Used by
 * bench/run.ts; the app's vite.config.ts is not involved.
 */
const fromHere = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: fromHere('./page'),
  base: './',
  // The summary-pdf step renders the app's own sheet components (TSX).
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fromHere('../dist/bench'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 5_000,
    // A CPU profile (BENCH_PROFILE) names the functions; it costs the measured steps nothing.
    minify: process.env.BENCH_PROFILE ? false : 'oxc',
  },
  // The runner passes --port / BENCH_PORT over this; never the app's 4173 or the e2e 4174.
  preview: { host: '127.0.0.1', port: 4190, strictPort: true },
});
