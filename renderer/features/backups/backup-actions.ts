import type { BackupEntry, BackupReason } from '../../../shared/ipc/contract';
import { repositories } from '../../db';
import { syncWorker } from '../../db/sync-worker-client';
import { bridge } from '../../platform/bridge';

/**
 * A full backup: the same full sync file that 同步 exports with “全部数据”, handed to the bridge,
 * which keeps it in the backups folder on the desktop or downloads it in a browser. Unsealed even
 * when the team requires sealed files: it is made unattended, and only this computer restores it
 * as such (sync-files.ts). Throws when it fails: a failed backup is always reported by the
 * caller, never swallowed.
 */
export async function makeBackup(reason: BackupReason): Promise<BackupEntry> {
  const actor = await repositories.loadActor();
  const worker = syncWorker();
  const [file, counts] = await Promise.all([
    worker.exportFile({ destination: null, backup: true, producerName: actor?.name ?? '' }),
    worker.liveCounts(),
  ]);
  const entry = await bridge.saveBackup({ reason, text: file.text, counts });
  for (const listener of backupListeners) listener(entry);
  return entry;
}

const backupListeners = new Set<(entry: BackupEntry) => void>();

/** Lets the reminder go away whichever screen the backup was made from. */
export function onBackupMade(listener: (entry: BackupEntry) => void): () => void {
  backupListeners.add(listener);
  return () => backupListeners.delete(listener);
}

/** Only the desktop backs up by itself; a browser would start unasked downloads. */
export async function backsUpAutomatically(): Promise<boolean> {
  return (await bridge.appInfo()).platform === 'electron';
}
