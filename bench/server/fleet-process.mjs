// A load process of the server benchmarks (bench/server/fairness.ts starts it): Node 20 runs no
// TypeScript, so Vite's module runner loads fleet-process.ts and runs it, as bench/run.mjs does.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const { module } = await runnerImport(
  fileURLToPath(new URL('./fleet-process.ts', import.meta.url)),
  {
    configFile: false,
    logLevel: 'warn',
  },
);
module.main();
