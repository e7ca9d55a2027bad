import { wrap, type Remote } from 'comlink';
import { liveQuery } from 'dexie';
import { checkServerAddress } from '../../shared/security/server-origin';
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
 * server changes the old worker ends and a new one starts. The desktop asks the user before it
 * allows a new origin: 'declined' when the user did not, and the worker there was goes on.
 */
async function workerFor(
  origin: string | null,
): Promise<Remote<ServerSyncWorker> | null | 'declined'> {
  if (running && running.origin === origin) return running.remote;
  if ((await bridge.setSyncServer({ origin })).status === 'declined') return 'declined';
  running?.worker.terminate();
  running = null;
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
  const address = checkServerAddress(input.address);
  if (!address.ok) {
    return {
      ok: false,
      failure: { code: address.reason === 'plainHttp' ? 'plainHttp' : 'badAddress' },
    };
  }
  const { origin } = address;
  const before = (await configured())?.origin ?? null;
  const remote = await workerFor(origin);
  if (remote === 'declined') return { ok: false, failure: { code: 'serverDeclined', origin } };
  const result = await remote!.join(input);
  // A failed join leaves the desktop allowing what it allowed before.
  if (!result.ok && !(await configured())) await workerFor(before);
  return result;
}

async function current(): Promise<Remote<ServerSyncWorker> | null | 'declined'> {
  return workerFor((await configured())?.origin ?? null);
}

export async function syncNow(): Promise<void> {
  const remote = await current();
  if (remote !== 'declined') await remote?.syncNow();
}

export async function unlockServer(passphrase: string): Promise<SyncOutcome> {
  const origin = (await configured())?.origin;
  const remote = await current();
  if (!remote) return { ok: false, failure: { code: 'notJoined' } };
  if (remote === 'declined')
    return { ok: false, failure: { code: 'serverDeclined', origin: origin! } };
  return remote.unlock(passphrase);
}

export async function leaveServer(): Promise<SyncOutcome> {
  const remote = await current();
  if (!remote) return { ok: true };
  // Leaving needs no server: where the user did not allow it, this window forgets it itself.
  if (remote === 'declined') {
    await db.transaction('rw', db.device, async () => {
      for (const key of Object.values(serverKeys)) await db.device.delete(key);
    });
    return { ok: true };
  }
  return remote.leave();
}
