import { wrap, type Remote } from 'comlink';
import { liveQuery } from 'dexie';
import { serverOrigin } from '../../shared/security/server-origin';
import { bridge } from '../platform/bridge';
import { db } from './index';
import { serverKeys, type ServerConfig, type SyncFailure } from './server-sync';
import type { ServerSyncWorker } from './server-sync-worker';

type Running = { worker: Worker; remote: Remote<ServerSyncWorker>; origin: string };

let running: Running | null = null;

export type SyncOutcome = { ok: true } | { ok: false; failure: SyncFailure };

/**
 * This window's server-sync worker, for the configured server's origin. The desktop must allow
 * an origin before a worker reaching it starts (its script's CSP comes with it), so when the
 * server changes the old worker ends and a new one starts.
 */
async function workerFor(origin: string | null): Promise<Remote<ServerSyncWorker> | null> {
  if (running && running.origin === origin) return running.remote;
  running?.worker.terminate();
  running = null;
  await bridge.setSyncServer({ origin });
  if (!origin) return null;
  const worker = new Worker(new URL('./server-sync-worker.ts', import.meta.url), {
    type: 'module',
    name: '服务器同步',
  });
  const remote = wrap<ServerSyncWorker>(worker);
  running = { worker, remote, origin };
  await remote.start();
  return remote;
}

async function configured(): Promise<ServerConfig | undefined> {
  return (await db.device.get(serverKeys.config))?.value as ServerConfig | undefined;
}

/**
 * Keeps this window's worker on the configured server, from start-up on (AppLayout calls it
 * once): joining or leaving in any window starts or ends it here too. Returns the unsubscribe.
 */
export function followServerConfig(): () => void {
  const subscription = liveQuery(configured).subscribe({
    next: (config) => void workerFor(config?.origin ?? null),
  });
  return () => subscription.unsubscribe();
}

/** Joins a team server with a one-time code (see server-sync.ts); this window's worker does it. */
export async function joinServer(input: {
  address: string;
  code: string;
  deviceName: string;
  passphrase?: string;
}): Promise<SyncOutcome> {
  const origin = serverOrigin(input.address);
  if (!origin) return { ok: false, failure: { code: 'badAddress' } };
  const before = (await configured())?.origin ?? null;
  const remote = await workerFor(origin);
  const result = await remote!.join(input);
  // A failed join leaves the desktop allowing what it allowed before.
  if (!result.ok && !(await configured())) await workerFor(before);
  return result;
}

async function current(): Promise<Remote<ServerSyncWorker> | null> {
  return workerFor((await configured())?.origin ?? null);
}

export async function syncNow(): Promise<void> {
  await (await current())?.syncNow();
}

export async function unlockServer(passphrase: string): Promise<SyncOutcome> {
  const remote = await current();
  if (!remote) return { ok: false, failure: { code: 'notJoined' } };
  return remote.unlock(passphrase);
}

export async function leaveServer(): Promise<SyncOutcome> {
  const remote = await current();
  if (!remote) return { ok: true };
  return remote.leave();
}
