/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import electron from 'vite-plugin-electron/simple';
// '.js' names the .ts file (TypeScript maps it); Vite's config loader warns on an extensionless path.
import { contentSecurityPolicy } from './shared/security/content-security-policy.js';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

const packageJson = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  productName: string;
  version: string;
};

/** The CSP goes into the built page only: the dev server needs inline scripts for hot reload. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'daiban-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig(async ({ command }) => ({
  root: 'renderer',
  base: './',
  resolve: {
    alias: [
      { find: /^date-fns\/locale$/, replacement: fromRoot('./renderer/ui/date-fns-locales.ts') },
    ],
  },
  define: {
    __APP_NAME__: JSON.stringify(packageJson.productName),
    __APP_VERSION__: JSON.stringify(packageJson.version),
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  // The sync worker is an ES module, as the app is.
  worker: { format: 'es' as const },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  plugins: [
    react(),
    contentSecurityPolicyMeta(),
    // Main and preload are built with the renderer; the dev server would also launch Electron,
    // which cannot start where its binary is missing, so that only happens on request.
    ...(command === 'build' || process.env.DAIBAN_ELECTRON_DEV
      ? await electron({
          main: {
            entry: fromRoot('./electron/main.ts'),
            vite: { root: fromRoot('.'), build: { outDir: fromRoot('./dist-electron') } },
          },
          preload: {
            input: fromRoot('./electron/preload.ts'),
            vite: {
              root: fromRoot('.'),
              build: {
                outDir: fromRoot('./dist-electron'),
                rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
              },
            },
          },
        })
      : []),
  ],
  test: {
    root: '.',
    include: [
      '{shared,renderer,electron,server,bench,e2e,integration}/**/*.test.{ts,tsx}',
      '*.test.ts',
    ],
    environment: 'node',
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.test-output/unit.json' },
  },
}));
