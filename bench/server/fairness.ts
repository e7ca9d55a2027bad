import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  downloadPageWrites,
  maxRequestBytes,
  syncProtocolVersion,
  uploadPageWrites,
} from '../../shared/sync/server-protocol';
import { createAdmin } from '../../server/admin';
import { openSqliteStorage } from '../../server/sqlite-storage';
import type { FleetDevice, FleetReport, FloodReport, FromFleet, ToFleet } from './fleet-process';
import { extraLatency, percentile, startedWithin, summarize, type RoundTime } from './latency';
import { startServer, type ServerBenchResult } from './server-bench';

/**
 * Fairness under load (issue 15): 200 devices of one team against the real server in its own
 * process (SQLite in a fresh folder, the server's default per-device limits). 199 of them sync
 * in a loop, each a few changes, a round and a pause, as a busy office would; one device floods
 * the server at its limit. Then, while the 199 sync, one 16 MiB body nested 8 million deep is
 * sent to /sync without a token and once with the flooding device's valid token.
 *
 * Phases of one run, one server: warm-up, quiet (the 199 alone), flood, settle (until the
 * rounds started during the flood are done), reference (the 199 alone again), hostile bodies.
 * A round counts in the phase it started in. Load comes from separate processes
 * (fleet-process.ts: the devices split over `fleetProcesses`, the flooder alone), so this
 * process only keeps time, sends the hostile bodies and asks /health every 100 ms; each load
 * process reports its own event-loop delay, the error of its timing.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type FairnessOptions = {
  devices: number;
  fleetProcesses: number;
  warmSeconds: number;
  quietSeconds: number;
  floodSeconds: number;
  referenceSeconds: number;
  /** Hostile bodies of each kind (no token, valid token). */
  hostileRepeats: number;
  pauseMillis: [number, number];
  floodConcurrency: number;
};

export const defaultFairness: FairnessOptions = {
  devices: 200,
  fleetProcesses: 2,
  warmSeconds: 10,
  quietSeconds: 20,
  floodSeconds: 30,
  referenceSeconds: 15,
  hostileRepeats: 1,
  pauseMillis: [1_000, 5_000],
  floodConcurrency: 4,
};

/** BENCH_SERVER_LONG=1: phases four times as long, three hostile bodies of each kind. */
export const longFairness: FairnessOptions = {
  ...defaultFairness,
  warmSeconds: 20,
  quietSeconds: 80,
  floodSeconds: 120,
  referenceSeconds: 60,
  hostileRepeats: 3,
};

/** Fewer rounds than this in the reference phase make no reference (see below). */
const minReferenceRounds = 20;

/** Device node ids: any that are a device's (`isDeviceNode`), distinct. */
const nodeOf = (index: number) => (0x3000000000000000 + index * 7_919_311).toString(16);

/** The most writes one request may carry: the request schema's bound. */
export const writesPerRequest =
  (syncProtocolVersion as number) >= 2 ? uploadPageWrites : downloadPageWrites;

type LoadProcess = {
  child: ChildProcess;
  send(message: ToFleet): void;
  next<T extends FromFleet['type']>(type: T): Promise<Extract<FromFleet, { type: T }>>;
};

function startLoadProcess(): LoadProcess {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=6144', 'bench/server/fleet-process.mjs'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const waiting: { type: string; resolve(message: FromFleet): void; reject(error: Error): void }[] =
    [];
  child.on('message', (message: FromFleet) => {
    if (message.type === 'failed') {
      for (const wait of waiting.splice(0)) wait.reject(new Error(message.error));
      return;
    }
    const index = waiting.findIndex((wait) => wait.type === message.type);
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(message);
  });
  child.on('exit', (code) => {
    for (const wait of waiting.splice(0)) wait.reject(new Error(`load process exited (${code})`));
  });
  return {
    child,
    send: (message) => void child.send(message),
    next: (type) =>
      new Promise((resolve, reject) =>
        waiting.push({ type, resolve: resolve as (message: FromFleet) => void, reject }),
      ),
  };
}

/** CPU seconds a process used so far (user + system, /proc/PID/stat); null off Linux. */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Asks /health every 100 ms (the next once the last answered) until stopped. */
function healthProbe(url: string) {
  const samples: { at: number; ms: number }[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const start = now();
      try {
        await (await fetch(`${url}/health`)).text();
      } catch {
        // Counted by its time like any answer.
      }
      samples.push({ at: start, ms: now() - start });
      await sleep(Math.max(0, 100 - (now() - start)));
    }
  })();
  return {
    within(from: number, to: number) {
      return samples.filter((sample) => sample.at <= to && sample.at + sample.ms >= from);
    },
    async stop() {
      running = false;
      await done;
    },
  };
}

/** 16 MiB of `[` then `]`: one value nested 8 million deep, the largest body the server takes. */
function nestedBody(): Buffer {
  const half = maxRequestBytes / 2;
  const body = Buffer.alloc(maxRequestBytes, 0x5d);
  body.fill(0x5b, 0, half);
  return body;
}

/** Sends a hostile body; resolves when the server answered or dropped the connection. */
function sendHostile(url: string, body: Buffer, token: string | null) {
  const target = new URL('/sync', url);
  return new Promise<{ status: number | string; ms: number }>((resolve) => {
    const start = now();
    let settled = false;
    const finish = (status: number | string) => {
      if (settled) return;
      settled = true;
      resolve({ status, ms: now() - start });
    };
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': body.byteLength,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        agent: false,
      },
      (response) => {
        response.resume();
        response.on('end', () => finish(response.statusCode ?? 0));
        response.on('error', () => finish(response.statusCode ?? 'reset'));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? 'error'));
    request.end(body);
  });
}

async function seededFolder(devices: number) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-bench-fairness-'));
  const storage = openSqliteStorage(folder);
  await storage.migrate();
  const admin = createAdmin(storage);
  const team = await admin.createTeam('基准团队');
  const fleet: FleetDevice[] = [];
  for (let index = 0; index < devices; index += 1) {
    const name = `电脑${index}`;
    fleet.push({ code: (await admin.addDevice(team.id, name)).code, node: nodeOf(index), name });
  }
  await storage.close();
  return { folder, fleet };
}

const ms = (value: number) => Math.round(value * 10) / 10;

export async function fairness(
  options: FairnessOptions = defaultFairness,
  log: (line: string) => void = () => undefined,
): Promise<ServerBenchResult[]> {
  const { folder, fleet } = await seededFolder(options.devices);
  // The server's own limits per device; joins of 200 devices from one address must pass.
  const server = await startServer(folder, { limits: 'default' });
  const loads: LoadProcess[] = [];
  try {
    const [floodDevice, ...others] = fleet;
    const flooder = startLoadProcess();
    loads.push(flooder);
    const slices = Array.from({ length: options.fleetProcesses }, (_, part) =>
      others.filter((_, index) => index % options.fleetProcesses === part),
    );
    const fleets = slices.map(() => startLoadProcess());
    loads.push(...fleets);
    fleets.forEach((load, index) =>
      load.send({
        type: 'devices',
        url: server.url,
        devices: slices[index]!,
        pauseMillis: options.pauseMillis,
      }),
    );
    flooder.send({
      type: 'flood',
      url: server.url,
      device: floodDevice!,
      concurrency: options.floodConcurrency,
      writesPerRequest,
    });
    const [floodJoined] = await Promise.all([
      flooder.next('joined'),
      ...fleets.map((load) => load.next('joined')),
    ]);
    const floodToken = floodJoined.tokens[0]!;
    log(`${options.devices} devices joined`);

    const health = healthProbe(server.url);
    const serverCpu = () => cpuSecondsOf(server.process.pid) ?? Number.NaN;
    for (const load of fleets) load.send({ type: 'run' });
    await sleep(options.warmSeconds * 1_000);

    const quietFrom = now();
    const quietCpu = serverCpu();
    await sleep(options.quietSeconds * 1_000);
    const floodFrom = now();
    const floodCpu = serverCpu();
    log('flooding');
    flooder.send({ type: 'run' });
    await sleep(options.floodSeconds * 1_000);
    const floodTo = now();
    const floodEndCpu = serverCpu();
    const flooded = flooder.next('flooded');
    flooder.send({ type: 'stop', waitMillis: 0 });
    const floodReport: FloodReport = (await flooded).report;

    // Settle: until no round started before the flood's end is still running (at most 2 min).
    log('settling');
    const settleFrom = now();
    for (;;) {
      const statuses = await Promise.all(
        fleets.map((load) => {
          const answer = load.next('status');
          load.send({ type: 'status' });
          return answer;
        }),
      );
      const oldest = Math.min(...statuses.map((status) => status.oldestRunning ?? Infinity));
      if (oldest > floodTo || now() - settleFrom > 120_000) break;
      await sleep(1_000);
    }
    const settleSeconds = (now() - settleFrom) / 1_000;
    await sleep(3_000);

    const referenceFrom = now();
    await sleep(options.referenceSeconds * 1_000);
    const referenceTo = now();

    log('hostile bodies');
    const body = nestedBody();
    const hostile: { token: boolean; from: number; to: number; status: number | string }[] = [];
    for (let repeat = 0; repeat < options.hostileRepeats; repeat += 1) {
      for (const token of [null, floodToken]) {
        const from = now();
        const sent = await sendHostile(server.url, body, token);
        hostile.push({ token: token !== null, from, to: now(), status: sent.status });
        await sleep(3_000);
      }
    }
    await health.stop();

    const reports = await Promise.all(
      fleets.map((load) => {
        const answer = load.next('report');
        load.send({ type: 'stop', waitMillis: 60_000 });
        return answer;
      }),
    );
    const fleetReports: FleetReport[] = reports.map((message) => message.report);
    const rounds: RoundTime[] = fleetReports.flatMap((report) => report.rounds);
    const peakRss = server.peakRssBytes();

    const quietRounds = startedWithin(rounds, quietFrom, floodFrom);
    const quiet = summarize(quietRounds);
    const flood = summarize(startedWithin(rounds, floodFrom, floodTo));
    // When the flood's rounds outlast the settle wait, hardly any round starts in the reference
    // phase: the quiet phase's rounds (the same devices, undisturbed) are the reference then.
    const referenceOwn = startedWithin(rounds, referenceFrom, referenceTo);
    const referencePhase = referenceOwn.length >= minReferenceRounds ? 'reference' : 'quiet';
    const reference = referencePhase === 'reference' ? referenceOwn : quietRounds;
    const referenceSummary = summarize(reference);
    const healthMs = (from: number, to: number) =>
      health
        .within(from, to)
        .map((sample) => sample.ms)
        .sort((a, b) => a - b);
    const refusals: Record<string, number> = {};
    for (const report of fleetReports) {
      for (const [status, count] of Object.entries(report.refusals)) {
        refusals[status] = (refusals[status] ?? 0) + count;
      }
    }
    const loadFigures = {
      loadEventLoopP99Ms: Math.max(...fleetReports.map((report) => report.eventLoopP99Ms)),
      loadEventLoopMaxMs: Math.max(...fleetReports.map((report) => report.eventLoopMaxMs)),
      loadCpuSeconds: ms(fleetReports.reduce((sum, report) => sum + report.cpuSeconds, 0)),
      refusedRequests: JSON.stringify(refusals),
      roundErrors: fleetReports.flatMap((report) => report.errors).join(' | ') || 'none',
    };
    const syncing = options.devices - 1;
    const results: ServerBenchResult[] = [
      {
        name: 'server-fair-quiet',
        title: `${syncing} devices syncing, no flood: their p50 round`,
        seconds: quiet.p50Ms / 1_000,
        rows: quiet.count,
        details: {
          ...quiet,
          serverCpuShare: ms((floodCpu - quietCpu) / ((floodFrom - quietFrom) / 1_000)),
          healthP50Ms: ms(percentile(healthMs(quietFrom, floodFrom), 50)),
        },
      },
      {
        name: 'server-fair-flood-p50',
        title: `${syncing} devices syncing while one floods at its limit: their p50 round`,
        seconds: flood.p50Ms / 1_000,
        rows: flood.count,
        details: {
          ...flood,
          serverCpuShare: ms((floodEndCpu - floodCpu) / ((floodTo - floodFrom) / 1_000)),
          floodRequests: floodReport.requests,
          floodStatuses: JSON.stringify(floodReport.statuses),
          floodWritesPerRequest: writesPerRequest,
          floodWritesAccepted: floodReport.writesAccepted,
          floodMBSent: ms(floodReport.bytesSent / 1e6),
          settleSeconds: ms(settleSeconds),
          serverPeakRssMB: Math.round((peakRss ?? 0) / 1e6),
          ...loadFigures,
        },
      },
      {
        name: 'server-fair-flood-p99',
        title: `the same rounds' p99 (× ref: p99 ÷ p50, target ≤ 5)`,
        seconds: flood.p99Ms / 1_000,
        rows: flood.count,
        compareTo: 'server-fair-flood-p50',
        details: { p99Ms: flood.p99Ms, ratio: flood.ratio, unfinished: flood.unfinished },
      },
    ];
    for (const withToken of [false, true]) {
      const sent = hostile.filter((entry) => entry.token === withToken);
      const costs = sent.map((entry) => extraLatency(reference, rounds, entry.from, entry.to));
      const health = sent.flatMap((entry) => healthMs(entry.from, entry.to)).sort((a, b) => a - b);
      const worst = costs.reduce((a, b) => (b.extraMedianMs > a.extraMedianMs ? b : a));
      results.push({
        name: withToken ? 'server-hostile-token' : 'server-hostile-no-token',
        title: `a 16 MiB body nested 8 million deep, ${withToken ? 'with a valid token' : 'no token'}: what it added to the rounds running (median; target ≤ 0.2 s)`,
        seconds: worst.extraMedianMs / 1_000,
        rows: worst.rounds,
        details: {
          answered: sent.map((entry) => String(entry.status)).join(','),
          answerMs: sent.map((entry) => ms(entry.to - entry.from)).join(','),
          extraMedianMs: worst.extraMedianMs,
          extraMaxMs: Math.max(...costs.map((cost) => cost.extraMaxMs)),
          roundsDuring: costs.map((cost) => cost.rounds).join(','),
          referencePhase,
          referenceP50Ms: referenceSummary.p50Ms,
          referenceP99Ms: referenceSummary.p99Ms,
          healthMaxMs: ms(health.at(-1) ?? Number.NaN),
          healthP50Ms: ms(percentile(health, 50)),
          healthReferenceP50Ms: ms(percentile(healthMs(referenceFrom, referenceTo), 50)),
        },
      });
    }
    return results;
  } finally {
    for (const load of loads) load.child.kill('SIGTERM');
    server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
