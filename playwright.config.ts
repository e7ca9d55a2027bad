import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Generous: two Chromiums and the app server share two cores on CI.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: '.test-output/e2e.json' }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // Traces cost ~40% of the run time on two cores: record them on demand with --trace on.
    trace: 'off',
    launchOptions: {
      // Debian's Chromium (or CHROMIUM_PATH); Playwright's own download only where e2e/browser.mjs
      // (npm run test:e2e) installed it, this machine having no other.
      executablePath:
        process.env.DAIBAN_CHROMIUM === 'playwright'
          ? undefined
          : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
      chromiumSandbox: false,
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: '**/electron.e2e.ts' },
    { name: 'electron', testMatch: '**/electron.e2e.ts' },
  ],
  webServer: {
    // The built app (npm test builds first), exactly as `npm start` serves it without Electron.
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
