/// <reference lib="webworker" />
import { expose } from 'comlink';
import { liveQuery } from 'dexie';
import { DaibanDatabase } from './database';
import {
  createServerSync,
  serverKeys,
  ServerSyncError,
  type ServerConfig,
  type SyncFailure,
} from './server-sync';
import { createSyncEngine } from './sync-engine';
import { createSyncScheduler, type ServerSyncStatus, type SyncScheduler } from './sync-scheduler';

/**
 * The server sync of this window, off its thread: joining, and the automatic rounds. Every
 * window starts one; they share the database, and a Web Lock makes one of them the leader that
 * runs the rounds (when its window closes, the lock passes to another). The leader follows the
 * database: a local write in any window (Dexie tells workers too) schedules a round, joining
 * or leaving starts or stops it. Windows read the status it writes to the database.
 *
 * The sync server is reached from here only: in the desktop app this worker's script is served
 * with a CSP whose connect-src is exactly the configured server (electron/app-request.ts), and
 * the window restarts it when the server changes.
 */

const db = new DaibanDatabase();
const engine = createSyncEngine(db);
const server = createServerSync(db, engine);
const lockName = 'daiban-server-sync';
const commands = new BroadcastChannel('daiban-server-sync');

let scheduler: SyncScheduler | null = null;
let leading = false;

async function saveStatus(status: ServerSyncStatus) {
  // A window that left the server meanwhile keeps no status.
  if (await db.device.get(serverKeys.config)) {
    await db.device.put({ key: serverKeys.status, value: status });
  }
}

async function follow(config: ServerConfig | undefined) {
  if (!config) {
    scheduler?.stop();
    scheduler = null;
    return;
  }
  if (scheduler) return;
  const saved = (await db.device.get(serverKeys.status))?.value as ServerSyncStatus | undefined;
  scheduler = createSyncScheduler({
    round: (onProgress) => server.round(onProgress),
    report: saveStatus,
    initial: saved ?? null,
  });
  scheduler.trigger('start');
}

/** Runs the rounds for as long as this worker lives, once it holds the lock. */
function lead() {
  if (!navigator.locks) {
    becomeLeader();
    return;
  }
  void navigator.locks.request(lockName, async () => {
    becomeLeader();
    // Held until the worker ends (its window closes or restarts it).
    await new Promise(() => undefined);
  });
}

function becomeLeader() {
  leading = true;
  liveQuery(() => db.device.get(serverKeys.config)).subscribe({
    next: (entry) => void follow(entry?.value as ServerConfig | undefined),
  });
  let seen: number | null = null;
  liveQuery(() => server.pending()).subscribe({
    next: (pending) => {
      if (seen !== null && pending > 0) scheduler?.trigger('change');
      seen = pending;
    },
  });
  self.addEventListener('online', () => scheduler?.trigger('online'));
  commands.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
    if (event.data?.type === 'syncNow') scheduler?.trigger('manual');
  });
}

type Outcome = { ok: true } | { ok: false; failure: SyncFailure };

async function outcome(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    await work();
    return { ok: true };
  } catch (error) {
    if (error instanceof ServerSyncError) return { ok: false, failure: error.failure };
    return {
      ok: false,
      failure: {
        code: 'internal',
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

const api = {
  /** Starts taking part: waits for the leader lock, and leads while it holds it. */
  start() {
    lead();
  },

  /** A round now, whichever window leads. */
  syncNow() {
    if (leading) scheduler?.trigger('manual');
    else commands.postMessage({ type: 'syncNow' });
  },

  join(input: { address: string; code: string; deviceName: string; passphrase?: string }) {
    return outcome(async () => {
      await server.join(input);
    });
  },

  unlock(passphrase: string) {
    return outcome(async () => {
      await server.unlock(passphrase);
      if (leading) scheduler?.trigger('manual');
      else commands.postMessage({ type: 'syncNow' });
    });
  },

  leave() {
    return outcome(() => server.leave());
  },
};

export type ServerSyncWorker = typeof api;

expose(api);
