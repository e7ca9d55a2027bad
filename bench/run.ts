import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';
import { pdfPrintOptions } from '../electron/pdf-export';
import playwrightConfig from '../playwright.config';
import { cityDatasetCounts, countRows, generateCityDataset } from './city-dataset';
import { benchApiName, type BenchApi, type StepInfo, type StepResult } from './page/bench-api';
import { defaultFairness, fairness, longFairness } from './server/fairness';
import {
  incrementalRound,
  roundsWithDevices,
  startServer,
  type ServerBenchResult,
} from './server/server-bench';
import { createAdmin } from '../server/admin';
import { openSqliteStorage } from '../server/sqlite-storage';

/**
 * `npm run bench`: generates the city dataset under Node (time, JSON size raw and gzip), builds
 * and serves the bench page on its own port, opens it in Debian's Chromium with the e2e suite's
 * flags, and runs the page's registered steps in order against real IndexedDB, sampling memory
 * while each runs. Prints a table and writes bench/results/<timestamp>.json. The server and the
 * browser are closed at the end, also when a step fails.
 */

const usage = `npm run bench -- [--seed 1] [--scale 1] [--steps generate,raw-bulk-put,…] [--port 4190]`;

type Options = { seed: number; scale: number; steps: string[] | null; port: number };

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: '1' },
      scale: { type: 'string', default: '1' },
      steps: { type: 'string' },
      port: { type: 'string', default: process.env.BENCH_PORT ?? '4190' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  const seed = Number(values.seed);
  const scale = Number(values.scale);
  const port = Number(values.port);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer: ${values.seed}`);
  cityDatasetCounts(scale); // throws on a bad scale
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new Error(`--port must be a port number: ${values.port}`);
  }
  const steps = values.steps ? values.steps.split(',').map((name) => name.trim()) : null;
  return { seed, scale, steps, port };
}

// --- memory ------------------------------------------------------------------------------------

/** Peak figures of one step, in bytes. */
type MemoryPeaks = {
  /** JS heap in use after a forced GC, before the step. */
  jsHeapStart: number;
  /** Highest JS heap in use sampled during the step (CDP Performance.getMetrics). */
  jsHeapPeak: number;
  /** Peak resident memory of the page's renderer process (Linux VmHWM), sync peaks included. */
  rendererPeakRss: number | null;
  /** Peak resident memory of Chromium's browser process, where IndexedDB's writes land here. */
  browserPeakRss: number | null;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * JS heap samples come from CDP, which the page answers between tasks only: a long synchronous
 * stretch (generating, stringifying) is seen at its end. The kernel's resident-memory high-water
 * mark (VmHWM, reset per step through /proc/PID/clear_refs) has no such gap, so both are reported.
 */
class MemoryProbe {
  private constructor(
    private readonly page: CDPSession,
    private readonly browser: CDPSession,
  ) {}

  static async attach(page: Page, browser: Browser): Promise<MemoryProbe> {
    const pageSession = await page.context().newCDPSession(page);
    await pageSession.send('Performance.enable');
    return new MemoryProbe(pageSession, await browser.newBrowserCDPSession());
  }

  async jsHeap(): Promise<number> {
    const { metrics } = await this.page.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  }

  /**
   * CPU time used so far by all of Chromium's processes (renderer, browser, GPU, utilities), in
   * seconds. On a shared machine wall time stretches with the others' load; CPU time much less.
   */
  async cpuSeconds(): Promise<number> {
    const { processInfo } = (await this.browser.send('SystemInfo.getProcessInfo')) as {
      processInfo: { cpuTime: number }[];
    };
    return processInfo.reduce((sum, info) => sum + info.cpuTime, 0);
  }

  private async processes(): Promise<{ renderers: number[]; browser: number[] }> {
    const { processInfo } = (await this.browser.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    return {
      renderers: processInfo.filter((info) => info.type === 'renderer').map((info) => info.id),
      browser: processInfo.filter((info) => info.type === 'browser').map((info) => info.id),
    };
  }

  private static peakRss(pids: number[]): number | null {
    let peak: number | null = null;
    for (const pid of pids) {
      try {
        const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        if (kib !== undefined) peak = Math.max(peak ?? 0, Number(kib) * 1024);
      } catch {
        // Not Linux, or the process is gone.
      }
    }
    return peak;
  }

  private static resetPeaks(pids: number[]): void {
    for (const pid of pids) {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        // Without it the figure is the peak since the process started.
      }
    }
  }

  /** Runs fn, sampling the JS heap every 50 ms, after a forced GC. */
  async measure<T>(fn: () => Promise<T>): Promise<{ value: T; peaks: MemoryPeaks }> {
    await this.page.send('HeapProfiler.collectGarbage');
    const jsHeapStart = await this.jsHeap();
    const { renderers, browser } = await this.processes();
    MemoryProbe.resetPeaks([...renderers, ...browser]);
    let jsHeapPeak = jsHeapStart;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        jsHeapPeak = Math.max(jsHeapPeak, await this.jsHeap());
        await sleep(50);
      }
    })();
    try {
      const value = await fn();
      return {
        value,
        peaks: {
          jsHeapStart,
          jsHeapPeak: Math.max(jsHeapPeak, await this.jsHeap()),
          rendererPeakRss: MemoryProbe.peakRss(renderers),
          browserPeakRss: MemoryProbe.peakRss(browser),
        },
      };
    } finally {
      sampling = false;
      await sampler;
    }
  }
}

// --- the Node side of the dataset --------------------------------------------------------------

type NodeDataset = {
  rows: number;
  counts: Record<string, number>;
  generateSeconds: number;
  stringifySeconds: number;
  jsonBytes: number;
  gzipBytes: number;
  gzipSeconds: number;
  sha256: string;
};

function nodeDataset(seed: number, scale: number): NodeDataset {
  let start = performance.now();
  const dataset = generateCityDataset({ seed, scale });
  const generateSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const json = Buffer.from(JSON.stringify(dataset), 'utf8');
  const stringifySeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const gzipBytes = gzipSync(json).byteLength;
  const gzipSeconds = (performance.now() - start) / 1000;
  return {
    rows: countRows(dataset),
    counts: Object.fromEntries(
      Object.entries(dataset).map(([table, rows]) => [table, rows.length]),
    ),
    generateSeconds,
    stringifySeconds,
    jsonBytes: json.byteLength,
    gzipBytes,
    gzipSeconds,
    sha256: createHash('sha256').update(json).digest('hex'),
  };
}

// --- CPU profile of one step (BENCH_PROFILE=<step name>), for Chrome DevTools' Performance tab -

async function startProfile(page: Page) {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.send('Profiler.stop');
      await session.detach();
      return profile;
    },
  };
}

// --- the page ----------------------------------------------------------------------------------

function callPage<T>(
  page: Page,
  method: 'steps' | 'configure' | 'run' | 'prepare' | 'afterPrint',
  arg?: unknown,
): Promise<T> {
  return page.evaluate(
    async ([api, name, value]) => {
      const bench = (window as unknown as Record<string, BenchApi>)[api];
      if (!bench) throw new Error('the bench page did not start');
      if (name === 'steps') return bench.steps() as T;
      if (name === 'afterPrint') return bench.afterPrint() as T;
      if (name === 'configure')
        return bench.configure(value as Parameters<BenchApi['configure']>[0]) as T;
      if (name === 'prepare') return (await bench.prepare(value as string)) as T;
      return (await bench.run(value as string)) as T;
    },
    [benchApiName, method, arg] as const,
  );
}

/** Steps run under Node against the sync server (bench/server/server-bench.ts), after the page's. */
const serverStepNames = [
  'server-rounds-50',
  'server-incremental-10k',
  'server-incremental-2m',
  'server-fairness-200',
];

/** A sync server for the page's server steps: a team, two join codes, its own process. */
async function startBenchSyncServer() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-bench-page-server-'));
  const storage = openSqliteStorage(folder);
  await storage.migrate();
  const admin = createAdmin(storage);
  const team = await admin.createTeam('市帮办代办团队');
  const codes = [
    (await admin.addDevice(team.id, '办公室电脑')).code,
    (await admin.addDevice(team.id, '新电脑')).code,
  ];
  await storage.close();
  const running = await startServer(folder);
  return {
    url: running.url,
    codes,
    stop() {
      running.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

type StepReport = StepInfo &
  StepResult & {
    rowsPerSecond: number | null;
    ratio: number | null;
    /** Chromium's CPU time over the whole step, set-up included (see MemoryProbe.cpuSeconds). */
    cpuSeconds: number;
    memory: MemoryPeaks;
  };

// --- PDF ---------------------------------------------------------------------------------------

/** Pages of a PDF by poppler's pdfinfo; null where poppler-utils is not installed. */
function pdfPages(pdf: Buffer): number | null {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-bench-'));
  try {
    const file = path.join(folder, 'sheet.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
  } catch {
    return null;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Electron's printToPDF options are CDP's Page.printToPDF parameters, pageSize aside. */
const { pageSize: _a4, ...cdpPrintOptions } = pdfPrintOptions;

/**
 * Prints what the step left on the page as 导出 PDF does on the desktop (electron/pdf-export.ts's
 * options: the page's @page size, backgrounds, no Chromium footer), and adds the time to the
 * step's. Then lets the page clear it.
 */
async function printStepToPdf(
  page: Page,
  result: StepResult,
  cpuSeconds: () => Promise<number>,
): Promise<{ result: StepResult; pdf: Buffer }> {
  const session = await page.context().newCDPSession(page);
  try {
    const cpuBefore = await cpuSeconds();
    const start = performance.now();
    const { data } = (await session.send('Page.printToPDF', {
      ...cdpPrintOptions,
      // A4 in inches, only where the page sets no size (CDP's name for Electron's pageSize).
      paperWidth: 8.27,
      paperHeight: 11.69,
    })) as { data: string };
    const pdfSeconds = (performance.now() - start) / 1000;
    const pdfCpuSeconds = (await cpuSeconds()) - cpuBefore;
    const pdf = Buffer.from(data, 'base64');
    return {
      result: {
        ...result,
        seconds: result.seconds + pdfSeconds,
        bytes: pdf.byteLength,
        details: {
          ...result.details,
          pdfSeconds,
          pdfCpuSeconds,
          pdfPages: pdfPages(pdf) ?? 'pdfinfo missing',
        },
      },
      pdf,
    };
  } finally {
    await session.detach();
    await callPage(page, 'afterPrint');
  }
}

// --- output ------------------------------------------------------------------------------------

const mb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? '' : (bytes / 1e6).toFixed(1);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row, index) => {
      const line = row.map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      );
      const text = line.join('  ');
      return index === 0 ? `${text}\n${'-'.repeat(text.length)}` : text;
    })
    .join('\n');
}

function printReport(dataset: NodeDataset, steps: StepReport[]): void {
  console.log(
    `\nDataset (Node): ${dataset.rows.toLocaleString('en')} rows generated in ${dataset.generateSeconds.toFixed(2)} s; ` +
      `JSON ${mb(dataset.jsonBytes)} MB raw, ${mb(dataset.gzipBytes)} MB gzip ` +
      `(stringify ${dataset.stringifySeconds.toFixed(2)} s, gzip ${dataset.gzipSeconds.toFixed(2)} s)`,
  );
  const rows = [
    [
      'step',
      's',
      'cpu s',
      'rows',
      'rows/s',
      'MB',
      '× ref',
      'heap start',
      'heap peak',
      'renderer RSS',
      'browser RSS',
    ],
    ...steps.map((step) => [
      step.name,
      step.seconds.toFixed(2),
      step.cpuSeconds.toFixed(2),
      step.rows?.toLocaleString('en') ?? '',
      step.rowsPerSecond === null ? '' : Math.round(step.rowsPerSecond).toLocaleString('en'),
      mb(step.bytes),
      step.ratio === null ? '' : `${step.ratio.toFixed(2)} × ${step.compareTo}`,
      mb(step.memory.jsHeapStart),
      mb(step.memory.jsHeapPeak),
      mb(step.memory.rendererPeakRss),
      mb(step.memory.browserPeakRss),
    ]),
  ];
  console.log(
    `\n${table(rows)}\n(memory columns in MB: JS heap via CDP, peak RSS via /proc VmHWM)`,
  );
}

// --- main --------------------------------------------------------------------------------------

export async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (!options) {
    console.log(usage);
    return 0;
  }
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

  console.log(`Generating the dataset under Node (seed ${options.seed}, scale ${options.scale})…`);
  const dataset = nodeDataset(options.seed, options.scale);

  // Steps only under Node (the sync server's) need no page and no browser.
  const nodeOnly = options.steps?.every((name) => serverStepNames.includes(name)) ?? false;
  const configFile = here('./vite.config.ts');
  if (!nodeOnly) {
    console.log('Building the bench page…');
    await build({ configFile, logLevel: 'warn' });
  }

  let server: PreviewServer | null = null;
  let stopSyncServer: (() => void) | null = null;
  let browser: Browser | null = null;
  const steps: StepReport[] = [];
  /** The PDFs steps printed, kept beside the results file for a look. */
  const pdfs = new Map<string, Buffer>();
  let failure: string | null = null;
  let chromiumVersion = '';
  try {
    if (!nodeOnly) {
      server = await preview({
        configFile,
        logLevel: 'warn',
        preview: { host: '127.0.0.1', port: options.port, strictPort: true },
      });
      const launchOptions = playwrightConfig.use?.launchOptions;
      if (!launchOptions?.args) throw new Error('playwright.config.ts has no launchOptions.args');
      browser = await chromium.launch({ ...launchOptions, headless: true });
      chromiumVersion = browser.version();
      const context = await browser.newContext({
        locale: playwrightConfig.use?.locale,
        timezoneId: playwrightConfig.use?.timezoneId,
      });
      const openBenchPage = async () => {
        const opened = await context.newPage();
        opened.on('pageerror', (error) => console.error(`[page] ${error.message}`));
        opened.on('console', (message) => {
          if (message.type() === 'error') console.error(`[page console] ${message.text()}`);
        });
        await opened.goto(`http://127.0.0.1:${options.port}/`);
        await opened.waitForFunction((api) => api in window, benchApiName);
        return opened;
      };
      const page = await openBenchPage();

      const available = await callPage<StepInfo[]>(page, 'steps');
      const unknown = options.steps?.filter(
        (name) => !available.some((step) => step.name === name) && !serverStepNames.includes(name),
      );
      if (unknown?.length)
        throw new Error(
          `unknown step(s) ${unknown.join(', ')}; there are ${available.map((step) => step.name).join(', ')}`,
        );
      const chosen = options.steps
        ? available.filter((step) => options.steps!.includes(step.name))
        : available;
      // The page's server steps need a sync server with a team and two join codes.
      let syncServer: { url: string; codes: string[] } | undefined;
      if (chosen.some((step) => step.name.startsWith('server-'))) {
        const started = await startBenchSyncServer();
        stopSyncServer = () => started.stop();
        syncServer = { url: started.url, codes: started.codes };
      }
      const pageOptions = {
        seed: options.seed,
        scale: options.scale,
        ...(syncServer ? { syncServer } : {}),
      };
      await callPage(page, 'configure', pageOptions);

      const mainProbe = await MemoryProbe.attach(page, browser);
      for (const step of chosen) {
        process.stdout.write(`Running ${step.name}: ${step.title}… `);
        let stepPage = page;
        let probe = mainProbe;
        if (step.freshPage) {
          await callPage(page, 'prepare', step.name);
          stepPage = await openBenchPage();
          await callPage(stepPage, 'configure', pageOptions);
          probe = await MemoryProbe.attach(stepPage, browser);
        }
        const cpuBefore = await probe.cpuSeconds();
        const profiler = (process.env.BENCH_PROFILE ?? '').split(',').includes(step.name)
          ? await startProfile(stepPage)
          : null;
        const { value: result, peaks } = await probe.measure(async () => {
          const ran = await callPage<StepResult>(stepPage, 'run', step.name);
          if (!ran.printToPdf) return ran;
          const printed = await printStepToPdf(stepPage, ran, () => probe.cpuSeconds());
          pdfs.set(step.name, printed.pdf);
          return printed.result;
        });
        // Before a fresh page closes: its renderer's CPU time leaves the sum with it.
        const cpuSeconds = (await probe.cpuSeconds()) - cpuBefore;
        if (profiler) {
          const folder = here('./results/');
          mkdirSync(folder, { recursive: true });
          const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
          const file = `${folder}${stamp}-${step.name}.cpuprofile`;
          writeFileSync(file, JSON.stringify(await profiler.stop()));
          console.log(`(CPU profile: ${file}) `);
        }
        if (stepPage !== page) await stepPage.close();
        const reference = result.compareTo
          ? steps.find((earlier) => earlier.name === result.compareTo)
          : undefined;
        steps.push({
          ...step,
          ...result,
          rowsPerSecond: result.rows ? result.rows / result.seconds : null,
          ratio: reference ? result.seconds / reference.seconds : null,
          cpuSeconds,
          memory: peaks,
        });
        console.log(`${result.seconds.toFixed(2)} s`);
      }
    }

    stopSyncServer?.();
    stopSyncServer = null;
    for (const name of serverStepNames) {
      if (options.steps && !options.steps.includes(name)) continue;
      process.stdout.write(`Running ${name} (Node, the server in its own process)… `);
      let results: ServerBenchResult[];
      if (name === 'server-fairness-200') {
        const long = process.env.BENCH_SERVER_LONG === '1';
        results = await fairness(long ? longFairness : defaultFairness, (line) =>
          process.stdout.write(`${line}… `),
        );
        process.stdout.write('\n');
      } else if (name === 'server-rounds-50') results = [await roundsWithDevices(50, 40)];
      else {
        const result = await incrementalRound(
          name === 'server-incremental-2m' ? 2_000_000 : 10_000,
        );
        results = [
          name === 'server-incremental-2m'
            ? { ...result, compareTo: 'server-incremental-10k' }
            : result,
        ];
      }
      for (const result of results) {
        const reference = result.compareTo
          ? steps.find((earlier) => earlier.name === result.compareTo)
          : undefined;
        steps.push({
          name: result.name,
          title: result.title,
          seconds: result.seconds,
          ...(result.rows === undefined ? {} : { rows: result.rows }),
          details: result.details,
          ...(reference ? { compareTo: reference.name } : {}),
          rowsPerSecond: result.rows ? result.rows / result.seconds : null,
          ratio: reference ? result.seconds / reference.seconds : null,
          // Measured under Node, not in Chromium: no browser CPU or memory figures.
          cpuSeconds: 0,
          memory: { jsHeapStart: 0, jsHeapPeak: 0, rendererPeakRss: null, browserPeakRss: null },
        });
        console.log(
          `${results.length > 1 ? `  ${result.name}: ` : ''}${result.seconds.toFixed(2)} s ${JSON.stringify(result.details)}`,
        );
      }
    }

    const dump = steps.find((step) => step.name === 'json-dump');
    if (dump && dump.details?.sha256 !== dataset.sha256) {
      throw new Error(
        `the page generated other data than Node from the same seed (sha256 ${String(dump.details?.sha256)} ≠ ${dataset.sha256})`,
      );
    }
  } catch (error) {
    failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`\nBench failed: ${failure}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    stopSyncServer?.();
  }

  printReport(dataset, steps);
  const results = {
    startedAt: startedAt.toISOString(),
    seed: options.seed,
    scale: options.scale,
    machine: {
      node: process.version,
      chromium: chromiumVersion,
      cpus: os.cpus().length,
      memoryBytes: os.totalmem(),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg(),
    },
    dataset,
    steps,
    failure,
  };
  const folder = here('./results/');
  mkdirSync(folder, { recursive: true });
  const file = `${folder}${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults written to ${file}`);
  for (const [name, pdf] of pdfs) {
    const pdfFile = file.replace(/\.json$/, `-${name}.pdf`);
    writeFileSync(pdfFile, pdf);
    console.log(`The PDF of ${name}: ${pdfFile}`);
  }
  return failure ? 1 : 0;
}
