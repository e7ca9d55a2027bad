// `npm run bench`: Node 20 cannot run TypeScript itself, so Vite's module runner loads bench/run.ts
// (and the shared/ TypeScript it imports) and runs it.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const { module } = await runnerImport(fileURLToPath(new URL('./run.ts', import.meta.url)), {
  configFile: false,
  logLevel: 'warn',
});
process.exitCode = await module.main(process.argv.slice(2));
