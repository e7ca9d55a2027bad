import { createDataFile } from '../../../shared/exchange/data-file';
import { countLiveRecords } from '../../../shared/exchange/restore-plan';
import type { BackupEntry, BackupReason } from '../../../shared/ipc/contract';
import { dataFiles } from '../../db';
import { bridge } from '../../platform/bridge';

/**
 * A full backup: the same full data file that 同步 exports, handed to the bridge, which keeps it
 * in the backups folder on the desktop or downloads it in a browser. Throws when it fails: a
 * failed backup is always reported by the caller, never swallowed.
 */
export async function makeBackup(reason: BackupReason): Promise<BackupEntry> {
  const [tables, info] = await Promise.all([dataFiles.readAll(), bridge.appInfo()]);
  const text = JSON.stringify(createDataFile(tables, new Date(), info.version));
  const entry = await bridge.saveBackup({ reason, text, counts: countLiveRecords(tables) });
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
