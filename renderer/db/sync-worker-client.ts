import { wrap, type Remote } from 'comlink';
import type { SyncWorker } from './sync-worker';

let worker: Remote<SyncWorker> | undefined;

/**
 * The sync worker of this window, started on first use (see sync-worker.ts). Files are read,
 * checked, applied and written there, so a city-scale file never freezes the window.
 */
export function syncWorker(): Remote<SyncWorker> {
  worker ??= wrap<SyncWorker>(
    new Worker(new URL('./sync-worker.ts', import.meta.url), { type: 'module', name: '同步' }),
  );
  return worker;
}
