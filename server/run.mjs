// `npm run server`: Node 20 cannot run TypeScript itself, so Vite's module runner loads
// server/cli.ts (and the shared/ TypeScript it imports) and runs it, as bench/run.mjs does.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const { module } = await runnerImport(fileURLToPath(new URL('./cli.ts', import.meta.url)), {
  configFile: false,
  logLevel: 'warn',
});
const code = await module.main(process.argv.slice(2));
process.exitCode = code;
