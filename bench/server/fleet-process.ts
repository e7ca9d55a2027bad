import { monitorEventLoopDelay } from 'node:perf_hooks';
import { maxRequestBytes } from '../../shared/sync/server-protocol';
import { formatTimestamp, type Timestamp } from '../../shared/sync/timestamp';
import type { RoundTime } from './latency';
import { deviceFields, SimDevice, SyncHttpError } from './sim-device';

/**
 * A load process of the fairness benchmark (fairness.ts), driven over IPC: either a fleet of
 * simulated devices, each syncing in a loop as the app does (a few changes, a round, a pause),
 * or the one device that floods the server at its limit. Rounds are timed here, in epoch
 * milliseconds (performance.timeOrigin), so the coordinator can sort them into its phases.
 */

export type FleetDevice = { code: string; node: string; name: string };

export type ToFleet =
  | {
      type: 'devices';
      url: string;
      devices: FleetDevice[];
      /** Pause between a device's rounds, in ms: uniform in [min, max]. */
      pauseMillis: [number, number];
    }
  | {
      type: 'flood';
      url: string;
      device: FleetDevice;
      concurrency: number;
      writesPerRequest: number;
    }
  | { type: 'run' }
  | { type: 'status' }
  | { type: 'stop'; waitMillis: number };

export type FleetReport = {
  rounds: RoundTime[];
  /** Refusals met and retried (429 with Retry-After, other statuses after a pause). */
  refusals: Record<string, number>;
  errors: string[];
  /** This process's event-loop delay while it ran: its own timing error. */
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  cpuSeconds: number;
};

export type FloodReport = {
  requests: number;
  statuses: Record<string, number>;
  writesSent: number;
  writesAccepted: number;
  bytesSent: number;
  seconds: number;
};

export type FromFleet =
  | { type: 'joined'; tokens: string[] }
  /** The start of the oldest round still running, null when none is. */
  | { type: 'status'; oldestRunning: number | null }
  | { type: 'report'; report: FleetReport }
  | { type: 'flooded'; report: FloodReport }
  | { type: 'failed'; error: string };

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const send = (message: FromFleet) => process.send!(message);

export async function joinDevice(url: string, device: FleetDevice): Promise<string> {
  for (;;) {
    const response = await fetch(`${url}/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...deviceFields(device.node),
        code: device.code,
        deviceName: device.name,
      }),
    });
    if (response.status === 429) {
      await sleep(1_000 * Number(response.headers.get('Retry-After') ?? 1));
      continue;
    }
    if (!response.ok) throw new Error(`join failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  }
}

/** A device's clock: real time, the counter for several stamps in one millisecond. */
export function deviceClock(node: string) {
  let millis = 0;
  let counter = 0;
  return (): Timestamp => {
    const time = Date.now();
    if (time > millis) {
      millis = time;
      counter = 0;
    } else if (counter < 0xffff) counter += 1;
    else {
      millis += 1;
      counter = 0;
    }
    return formatTimestamp({ millis, counter, node });
  };
}

let serial = 0;
/** A handling step's summary changed: one record's write, as the app makes it. */
export function handlingStepWrite(text: string) {
  serial += 1;
  const id = `00000000-0000-4000-8000-${(process.pid * 1_000_000 + serial).toString().padStart(12, '0').slice(-12)}`;
  return [['handlingSteps', id, { summary: text, on: '2026-11-30' }]] as const;
}

/** The rounds running now in this process, by device: their start. */
const running = new Map<number, number>();

async function runDevices(
  config: Extract<ToFleet, { type: 'devices' }>,
  waitForRun: Promise<void>,
  stopping: { now: boolean },
  stopped: Promise<number>,
) {
  const tokens: string[] = [];
  for (const device of config.devices) tokens.push(await joinDevice(config.url, device));
  const sims = config.devices.map(
    (device, index) => new SimDevice(config.url, tokens[index]!, undefined, device.node),
  );
  send({ type: 'joined', tokens });
  await waitForRun;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpuBefore = process.cpuUsage();
  const rounds: RoundTime[] = [];
  const refusals: Record<string, number> = {};
  const errors: string[] = [];
  const [pauseMin, pauseMax] = config.pauseMillis;
  const pause = () => pauseMin + Math.random() * (pauseMax - pauseMin);
  const loops = sims.map(async (sim, index) => {
    const clock = deviceClock(config.devices[index]!.node);
    await sleep(Math.random() * pauseMax);
    let sinceForget = 0;
    while (!stopping.now) {
      const changes = 1 + Math.floor(Math.random() * 5);
      for (let change = 0; change < changes; change += 1) {
        sim.write(
          clock(),
          handlingStepWrite(`第 ${change + 1} 项：与规划部门沟通方案调整，约定下周复核`),
        );
      }
      const start = now();
      running.set(index, start);
      let done = false;
      for (;;) {
        try {
          await sim.round();
          done = true;
          break;
        } catch (error) {
          if (error instanceof SyncHttpError) {
            refusals[error.status] = (refusals[error.status] ?? 0) + 1;
            await sleep(error.retryAfter ? error.retryAfter * 1_000 : 2_000);
          } else {
            errors.push(error instanceof Error ? error.message : String(error));
            await sleep(2_000);
          }
          if (stopping.now) break;
        }
      }
      running.delete(index);
      rounds.push(done ? { start, end: now() } : { start, end: now(), unfinished: true });
      sinceForget += 1;
      if (sinceForget >= 20) {
        sinceForget = 0;
        sim.forget(Date.now() - 10 * 60_000);
      }
      await sleep(pause());
    }
  });
  const waitMillis = await stopped;
  const gaveUp = await Promise.race([
    Promise.all(loops).then(() => false),
    sleep(waitMillis).then(() => true),
  ]);
  if (gaveUp) {
    const end = now();
    for (const start of running.values()) rounds.push({ start, end, unfinished: true });
  }
  delay.disable();
  const cpu = process.cpuUsage(cpuBefore);
  send({
    type: 'report',
    report: {
      rounds,
      refusals,
      errors: [...new Set(errors)].slice(0, 10),
      eventLoopP99Ms: Math.round(delay.percentile(99) / 1e5) / 10,
      eventLoopMaxMs: Math.round(delay.max / 1e5) / 10,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    },
  });
}

/**
 * The flooding device: `concurrency` requests in flight, each a page of the most writes a
 * request may carry, filled to nearly the largest body the server takes; each sent again as
 * soon as it is answered, or after the server's Retry-After when refused (as fast as it is
 * allowed). Every write is new (its own timestamp and record).
 */
async function runFlood(
  config: Extract<ToFleet, { type: 'flood' }>,
  waitForRun: Promise<void>,
  stopping: { now: boolean },
  stopped: Promise<number>,
) {
  const token = await joinDevice(config.url, config.device);
  send({ type: 'joined', tokens: [token] });
  await waitForRun;
  const clock = deviceClock(config.device.node);
  // A write's share of the body: its timestamp and framing take about 150 bytes.
  const perWrite = Math.floor(maxRequestBytes / config.writesPerRequest) - 160;
  // Three bytes of UTF-8 a character; a summary holds at most 2,000 characters.
  const summaryText = '与规划部门沟通方案调整，约定下周复核。'
    .repeat(200)
    .slice(0, Math.max(1, Math.min(2_000, Math.floor(perWrite / 3))));
  const report: FloodReport = {
    requests: 0,
    statuses: {},
    writesSent: 0,
    writesAccepted: 0,
    bytesSent: 0,
    seconds: 0,
  };
  const started = now();
  // Stopping aborts the requests in flight: the flood ends when told, not when answered.
  const abort = new AbortController();
  void stopped.then(() => abort.abort());
  const loops = Array.from({ length: config.concurrency }, async () => {
    while (!stopping.now) {
      const writes = Array.from({ length: config.writesPerRequest }, () =>
        JSON.stringify([clock(), handlingStepWrite(summaryText)]),
      );
      const body = `${JSON.stringify(deviceFields(config.device.node)).slice(0, -1)},"writes":[${writes.join(',')}]}`;
      report.requests += 1;
      try {
        const response = await fetch(`${config.url}/sync`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body,
          signal: abort.signal,
        });
        report.statuses[response.status] = (report.statuses[response.status] ?? 0) + 1;
        const answer = await response.text();
        if (response.ok) {
          report.writesSent += writes.length;
          report.bytesSent += Buffer.byteLength(body);
          report.writesAccepted += (JSON.parse(answer) as { accepted: number }).accepted;
        } else {
          const retryAfter = Number(response.headers.get('Retry-After'));
          await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1_000 : 200);
        }
      } catch {
        const outcome = stopping.now ? 'abortedAtStop' : 'failed';
        report.statuses[outcome] = (report.statuses[outcome] ?? 0) + 1;
        if (!stopping.now) await sleep(200);
      }
    }
  });
  await Promise.all(loops);
  report.seconds = (now() - started) / 1_000;
  send({ type: 'flooded', report });
}

export function main() {
  if (!process.send) throw new Error('fleet-process runs under fairness.ts, over IPC');
  let run!: () => void;
  const waitForRun = new Promise<void>((resolve) => (run = resolve));
  let stop!: (waitMillis: number) => void;
  const stopped = new Promise<number>((resolve) => (stop = resolve));
  const stopping = { now: false };
  process.on('message', (message: ToFleet) => {
    const fail = (error: unknown) => {
      send({
        type: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    };
    if (message.type === 'devices') runDevices(message, waitForRun, stopping, stopped).catch(fail);
    else if (message.type === 'flood') runFlood(message, waitForRun, stopping, stopped).catch(fail);
    else if (message.type === 'run') run();
    else if (message.type === 'status') {
      send({ type: 'status', oldestRunning: running.size ? Math.min(...running.values()) : null });
    } else {
      stopping.now = true;
      stop(message.waitMillis);
    }
  });
}
