// `npm run test:e2e`: runs Playwright in a Chromium found on this machine, installing one when
// there is none — Debian's package when run as root, Playwright's own download otherwise — or
// stops with one line saying what to run. Arguments are passed on to `playwright test`.
// The printing tests read their PDFs with poppler: installed the same way as root, else named.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const debianChromium = '/usr/bin/chromium';

/**
 * @typedef {{
 *   chromiumPath: string | undefined;
 *   exists: (path: string) => boolean;
 *   playwrightChromium: string;
 *   isRoot: boolean;
 *   hasAptGet: boolean;
 *   tried: readonly ('apt' | 'playwright')[];
 * }} Machine
 * @typedef {{ kind: 'use'; env: Record<string, string> }
 *   | { kind: 'install'; via: 'apt' | 'playwright'; line: string }
 *   | { kind: 'stop'; line: string }} Choice
 */

/**
 * What to do next to have a browser, from what the machine has and what was tried already.
 * Pure, so every path is tested without installing anything (browser.test.ts).
 * @param {Machine} machine
 * @returns {Choice}
 */
export function chooseBrowser({
  chromiumPath,
  exists,
  playwrightChromium,
  isRoot,
  hasAptGet,
  tried,
}) {
  if (chromiumPath) {
    return exists(chromiumPath)
      ? { kind: 'use', env: { CHROMIUM_PATH: chromiumPath } }
      : {
          kind: 'stop',
          line: `CHROMIUM_PATH 指向的 ${chromiumPath} 不存在：请改正或去掉它。 (CHROMIUM_PATH=${chromiumPath} does not exist.)`,
        };
  }
  if (exists(debianChromium)) return { kind: 'use', env: { CHROMIUM_PATH: debianChromium } };
  if (exists(playwrightChromium)) return { kind: 'use', env: { DAIBAN_CHROMIUM: 'playwright' } };
  if (isRoot && hasAptGet && !tried.includes('apt')) {
    return {
      kind: 'install',
      via: 'apt',
      line: '未找到 Chromium：正在安装 Debian 的 chromium（apt-get install -y chromium）…',
    };
  }
  // Also where apt-get is missing or failed: Playwright's download is the other way to a browser.
  if (!tried.includes('playwright')) {
    return {
      kind: 'install',
      via: 'playwright',
      line: '未找到 Chromium：正在下载 Playwright 自带的 Chromium（npx playwright install chromium）…',
    };
  }
  return {
    kind: 'stop',
    line: '未找到 Chromium，也未能自动安装：请运行 sudo apt-get install -y chromium（或 npx playwright install chromium），或用 CHROMIUM_PATH 指定 Chromium 的位置，再运行 npm test。 (No Chromium found and none could be installed: run sudo apt-get install -y chromium or npx playwright install chromium, or set CHROMIUM_PATH.)',
  };
}

/**
 * @typedef {{ hasPoppler: boolean; isRoot: boolean; hasAptGet: boolean; tried: boolean }} PdfTools
 * @typedef {{ kind: 'ready' }
 *   | { kind: 'install'; line: string }
 *   | { kind: 'warn'; line: string }} PdfToolsChoice
 */

/**
 * What to do about poppler-utils (pdfinfo, pdftotext, pdffonts), which e2e/printing.e2e.ts reads
 * its PDFs with. Without it only those tests fail, so the run goes on after one line saying what
 * to install: the other tests still say what they know.
 * @param {PdfTools} tools
 * @returns {PdfToolsChoice}
 */
export function choosePdfTools({ hasPoppler, isRoot, hasAptGet, tried }) {
  if (hasPoppler) return { kind: 'ready' };
  if (isRoot && hasAptGet && !tried) {
    return {
      kind: 'install',
      line: '未找到 poppler-utils：正在安装（apt-get install -y poppler-utils），打印测试用它读 PDF…',
    };
  }
  return {
    kind: 'warn',
    line: '未找到 poppler-utils（pdfinfo、pdftotext、pdffonts），打印测试将失败：请运行 sudo apt-get install -y poppler-utils。 (poppler-utils is missing: the printing tests will fail; install it with apt-get install -y poppler-utils.)',
  };
}

/** @param {string} command @param {string[]} args @param {Record<string, string>} [env] */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

const hasPoppler = () =>
  ['pdfinfo', 'pdftotext', 'pdffonts'].every(
    (tool) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).status === 0,
  );

function ensurePdfTools() {
  const isRoot = process.getuid?.() === 0;
  const hasAptGet = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  let tried = false;
  for (;;) {
    const choice = choosePdfTools({ hasPoppler: hasPoppler(), isRoot, hasAptGet, tried });
    if (choice.kind === 'ready') return;
    console.log(choice.line);
    if (choice.kind === 'warn') return;
    tried = true;
    const quiet = { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    if (spawnSync('apt-get', ['update', '-qq'], quiet).status === 0) {
      spawnSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], quiet);
    }
  }
}

async function main() {
  ensurePdfTools();
  const { chromium } = await import('@playwright/test');
  /** @type {('apt' | 'playwright')[]} */
  const tried = [];
  for (;;) {
    const choice = chooseBrowser({
      chromiumPath: process.env.CHROMIUM_PATH || undefined,
      exists: existsSync,
      playwrightChromium: chromium.executablePath(),
      isRoot: process.getuid?.() === 0,
      hasAptGet: spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
      tried,
    });
    if (choice.kind === 'stop') {
      console.error(choice.line);
      process.exit(1);
    }
    if (choice.kind === 'use') {
      process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)], choice.env));
    }
    console.log(choice.line);
    tried.push(choice.via);
    // Quiet: on failure the next choice says what to do in one line.
    const quiet = { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    if (choice.via === 'apt') {
      const updated = spawnSync('apt-get', ['update', '-qq'], quiet).status === 0;
      if (updated) spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], quiet);
    } else {
      spawnSync('npx', ['playwright', 'install', 'chromium'], quiet);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
