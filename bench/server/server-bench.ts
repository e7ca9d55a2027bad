import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WirePart } from '../../shared/sync/server-protocol';
import { formatTimestamp, type Timestamp } from '../../shared/sync/timestamp';
import { createAdmin } from '../../server/admin';
import { openSqliteStorage } from '../../server/sqlite-storage';
import { deviceFields, SimDevice, trieOfHistory } from './sim-device';

/**
 * The sync server's benchmarks (issue 10), run by bench/run.ts under Node against the real
 * server in its own process on loopback, SQLite in a fresh folder:
 * - rounds/s and latency with 50 devices syncing at once, each writing between rounds;
 * - an incremental round of 100 changes, sent and received, against a server holding 2,000,000
 *   writes and one holding 10,000: the cost should follow the changes, not the history.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const nodes = Array.from({ length: 50 }, (_, index) =>
  (0x2000000000000000 + index * 104_729).toString(16),
);

export type ServerBenchResult = {
  name: string;
  title: string;
  seconds: number;
  rows?: number;
  details: Record<string, number | string>;
  /** An earlier step whose seconds this one's are shown against (× ref). */
  compareTo?: string;
};

type RunningServer = {
  url: string;
  process: ChildProcess;
  peakRssBytes(): number | null;
  stop(): void;
};

/**
 * `npm run server` in its own process, no request log; unthrottled unless `limits: 'default'`
 * (the server's own per-device limits, joins unthrottled so that many devices may join).
 */
export async function startServer(
  dataFolder: string,
  { limits = 'off' }: { limits?: 'off' | 'default' } = {},
): Promise<RunningServer> {
  const child = spawn(
    process.execPath,
    [
      'server/run.mjs',
      'serve',
      '--port',
      '0',
      '--data',
      dataFolder,
      '--quiet',
      ...(limits === 'off' ? ['--rate', '100000000'] : []),
      '--join-rate',
      '100000',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${text}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /listening on (\S+)/.exec(text);
      if (found) resolve(found[1]!);
    });
  });
  return {
    url,
    process: child,
    peakRssBytes() {
      try {
        const kib = /VmHWM:\s+(\d+) kB/.exec(
          readFileSync(`/proc/${child.pid}/status`, 'utf8'),
        )?.[1];
        return kib ? Number(kib) * 1024 : null;
      } catch {
        return null;
      }
    },
    stop: () => void child.kill('SIGTERM'),
  };
}

async function join(url: string, code: string, node: string): Promise<string> {
  const response = await fetch(`${url}/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...deviceFields(node), code, deviceName: 'bench' }),
  });
  if (!response.ok) throw new Error(`join failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** A handling step's summary changed: the size of a typical write. */
function parts(index: number, text: string): WirePart[] {
  const id = `00000000-0000-4000-8000-${(index % 1e12).toString().padStart(12, '0')}`;
  return [['handlingSteps', id, { summary: text, on: '2026-11-30' }]];
}

/** The i-th of n writes of a history spread over three years (before 2026-12), 50 devices. */
function historyTimestamp(index: number, count: number): Timestamp {
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  return formatTimestamp({
    millis: start + Math.floor((index * span) / count),
    counter: 0,
    node: nodes[index % nodes.length]!,
  });
}

/** A data folder with one team holding `count` writes, and join codes for `devices` devices. */
async function seededFolder(count: number, devices: number) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-bench-server-'));
  const storage = openSqliteStorage(folder);
  await storage.migrate();
  const admin = createAdmin(storage);
  const team = await admin.createTeam('基准团队');
  const codes: string[] = [];
  for (let index = 0; index < devices; index += 1) {
    codes.push((await admin.addDevice(team.id, `电脑${index}`)).code);
  }
  const started = performance.now();
  const batch = 50_000;
  for (let from = 0; from < count; from += batch) {
    const writes = [];
    for (let index = from; index < Math.min(count, from + batch); index += 1) {
      writes.push({
        ts: historyTimestamp(index, count),
        content: JSON.stringify(parts(index, '与规划部门沟通方案调整，约定下周复核')),
      });
    }
    await storage.insertWrites(team.id, 'seed', writes);
  }
  const seedSeconds = (performance.now() - started) / 1000;
  await storage.close();
  return { folder, codes, seedSeconds };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** 50 devices, each writing 5 changes and syncing, `rounds` times, all at once. */
export async function roundsWithDevices(devices = 50, rounds = 40): Promise<ServerBenchResult> {
  const { folder, codes } = await seededFolder(10_000, devices);
  const server = await startServer(folder);
  try {
    const history = Array.from({ length: 10_000 }, (_, index) => historyTimestamp(index, 10_000));
    const sims = await Promise.all(
      codes.map(
        async (code, device) =>
          new SimDevice(
            server.url,
            await join(server.url, code, nodes[device]!),
            trieOfHistory(history),
            nodes[device],
          ),
      ),
    );
    let clock = Date.UTC(2026, 10, 30, 1);
    const latencies: number[] = [];
    let requests = 0;
    const started = performance.now();
    await Promise.all(
      sims.map(async (sim, device) => {
        for (let round = 0; round < rounds; round += 1) {
          for (let change = 0; change < 5; change += 1) {
            clock += 1;
            sim.write(
              formatTimestamp({ millis: clock, counter: 0, node: nodes[device]! }),
              parts(device * 1_000_000 + round * 10 + change, `第 ${round} 轮的修改`),
            );
          }
          const begin = performance.now();
          const result = await sim.round();
          latencies.push(performance.now() - begin);
          requests += result.requests;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      name: 'server-rounds-50',
      title: `${devices} devices syncing at once, ${rounds} rounds each (5 writes per round)`,
      seconds,
      rows: latencies.length,
      details: {
        roundsPerSecond: Math.round(latencies.length / seconds),
        requestsPerSecond: Math.round(requests / seconds),
        p50Ms: Number(percentile(latencies, 50).toFixed(1)),
        p99Ms: Number(percentile(latencies, 99).toFixed(1)),
        maxMs: Number(latencies.at(-1)!.toFixed(1)),
        serverPeakRssMB: Math.round((server.peakRssBytes() ?? 0) / 1e6),
      },
    };
  } finally {
    server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * One device sends 100 changes; another, up to date before, receives them: each a round,
 * repeated, median taken. Against a server whose team holds `history` writes.
 */
export async function incrementalRound(history: number, repeats = 15): Promise<ServerBenchResult> {
  const { folder, codes, seedSeconds } = await seededFolder(history, 2);
  const server = await startServer(folder);
  try {
    const timestamps = Array.from({ length: history }, (_, index) =>
      historyTimestamp(index, history),
    );
    // The sender writes with nodes[1], its own.
    const [sender, receiver] = await Promise.all(
      codes.map(
        async (code, index) =>
          new SimDevice(
            server.url,
            await join(server.url, code, nodes[1 - index]!),
            trieOfHistory(timestamps),
            nodes[1 - index],
          ),
      ),
    );
    const warm = performance.now();
    await sender!.round(); // the server loads the team's trie from storage once
    const coldLoadSeconds = (performance.now() - warm) / 1000;
    await receiver!.round();
    const send: number[] = [];
    const receive: number[] = [];
    let clock = Date.UTC(2026, 10, 30, 1);
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      for (let change = 0; change < 100; change += 1) {
        clock += 7;
        sender!.write(
          formatTimestamp({ millis: clock, counter: 0, node: nodes[1]! }),
          parts(repeat * 100 + change, `第 ${change} 项补充说明`),
        );
      }
      let begin = performance.now();
      const sent = await sender!.round();
      send.push(performance.now() - begin);
      begin = performance.now();
      const received = await receiver!.round();
      receive.push(performance.now() - begin);
      if (sent.sent !== 100 || received.received < 100)
        throw new Error('the round did not carry the 100 changes');
      clock += 60_000;
    }
    send.sort((a, b) => a - b);
    receive.sort((a, b) => a - b);
    const median = (values: number[]) => values[Math.floor(values.length / 2)]!;
    return {
      name: `server-incremental-${history >= 1_000_000 ? `${history / 1_000_000}m` : `${history / 1_000}k`}`,
      title: `a round of 100 changes, sent and received, server holding ${history.toLocaleString('en')} writes`,
      seconds: (median(send) + median(receive)) / 1000,
      rows: 100,
      details: {
        historyWrites: history,
        sendMedianMs: Number(median(send).toFixed(1)),
        receiveMedianMs: Number(median(receive).toFixed(1)),
        sendP90Ms: Number(percentile(send, 90).toFixed(1)),
        receiveP90Ms: Number(percentile(receive, 90).toFixed(1)),
        seedSeconds: Number(seedSeconds.toFixed(1)),
        coldTrieLoadSeconds: Number(coldLoadSeconds.toFixed(2)),
        serverPeakRssMB: Math.round((server.peakRssBytes() ?? 0) / 1e6),
      },
    };
  } finally {
    server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
