import { format, isValid, parse } from 'date-fns';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { backupsToPrune } from '../shared/backup/retention';
import {
  backupCountsSchema,
  backupNameSchema,
  backupReasonSchema,
  maxJsonFileBytes,
  type BackupEntry,
  type BackupList,
  type ReadBackupRequest,
  type ReadBackupResult,
  type SaveBackupRequest,
} from '../shared/ipc/contract';
import { readTextFile, writeFileAtomic } from './files';

/**
 * Desktop backups: full data files in `<data folder>/backups/`, named by the time they were made,
 * with an index file beside them for what a name cannot carry (why it was made, how many records
 * it holds). The files are the truth: a backup without an index entry is still listed, an index
 * entry without its file is dropped.
 */

export const backupsFolderName = 'backups';
export const backupIndexName = '.backups-index.json';
const namePrefix = '帮代通备份-';
const nameTime = 'yyyyMMdd-HHmmss';
/** The schema allows a suffix of up to three digits. */
const maxSuffix = 999;

const indexEntrySchema = z.object({
  createdAt: z.iso.datetime(),
  reason: backupReasonSchema,
  counts: backupCountsSchema,
});
type IndexEntry = z.infer<typeof indexEntrySchema>;
const indexSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), indexEntrySchema),
});
type BackupIndex = z.infer<typeof indexSchema>;

export function backupsFolder(userData: string): string {
  return path.join(userData, backupsFolderName);
}

/** The file name for a backup made at `at` (local time), with a suffix when `taken` has it. */
export function backupName(at: Date, taken: ReadonlySet<string>): string {
  const base = `${namePrefix}${format(at, nameTime)}`;
  if (!taken.has(`${base}.json`)) return `${base}.json`;
  for (let suffix = 1; suffix <= maxSuffix; suffix += 1) {
    const name = `${base}-${suffix}.json`;
    if (!taken.has(name)) return name;
  }
  throw new Error(`too many backups in the same second: ${base}`);
}

/** When a backup was made, read from its name (for files the index does not know). */
export function timeFromBackupName(name: string): Date | null {
  const match = /^帮代通备份-(\d{8}-\d{6})/.exec(name);
  if (!match?.[1]) return null;
  const date = parse(match[1], nameTime, new Date(0));
  return isValid(date) ? date : null;
}

/** 0 for 帮代通备份-…-HHmmss.json, n for …-HHmmss-n.json: orders backups of the same second. */
function nameSuffix(name: string): number {
  return Number(/-\d{6}-(\d+)\.json$/.exec(name)?.[1] ?? 0);
}

export type BackupStore = {
  folder: string;
  list(): Promise<BackupList>;
  save(request: SaveBackupRequest): Promise<BackupEntry>;
  read(request: ReadBackupRequest): Promise<ReadBackupResult>;
};

/** The backups in `folder`; `now` is injected so tests choose the time. */
export function createBackupStore(folder: string, now: () => Date = () => new Date()): BackupStore {
  const indexFile = path.join(folder, backupIndexName);
  // Saves read, change and write the index and the folder: one at a time, in call order.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function readIndex(): Promise<BackupIndex> {
    const empty: BackupIndex = { version: 1, entries: {} };
    const result = await readTextFile(indexFile, maxJsonFileBytes);
    if (result.status !== 'read') return empty;
    try {
      const parsed = indexSchema.safeParse(JSON.parse(result.text));
      // A damaged index costs the reasons and counts, never the backups themselves.
      return parsed.success ? parsed.data : empty;
    } catch {
      return empty;
    }
  }

  async function backupFiles(): Promise<{ name: string; sizeBytes: number }[]> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
      throw error;
    }
    const files = await Promise.all(
      names
        .filter((name) => backupNameSchema.safeParse(name).success)
        .map(async (name) => {
          try {
            const info = await stat(path.join(folder, name));
            return info.isFile() ? { name, sizeBytes: info.size } : null;
          } catch {
            return null; // deleted between readdir and stat
          }
        }),
    );
    return files.filter((file) => file !== null);
  }

  async function list(): Promise<BackupList> {
    const [files, index] = await Promise.all([backupFiles(), readIndex()]);
    const entries = files.flatMap((file): BackupEntry[] => {
      const known = index.entries[file.name];
      if (known) return [{ name: file.name, sizeBytes: file.sizeBytes, ...known }];
      const createdAt = timeFromBackupName(file.name);
      if (!createdAt) return [];
      return [
        {
          name: file.name,
          sizeBytes: file.sizeBytes,
          createdAt: createdAt.toISOString(),
          reason: 'manual',
          counts: null,
        },
      ];
    });
    entries.sort(
      (a, b) =>
        Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
        nameSuffix(b.name) - nameSuffix(a.name),
    );
    return { folder, entries };
  }

  function save(request: SaveBackupRequest): Promise<BackupEntry> {
    return serialized(async () => {
      // The schema bounds characters; a backup must also be small enough, in bytes, to read back.
      if (Buffer.byteLength(request.text, 'utf8') > maxJsonFileBytes) {
        throw new Error('备份超过 256 MiB，无法保存');
      }
      await mkdir(folder, { recursive: true });
      const createdAt = now();
      const before = await list();
      const name = backupName(createdAt, new Set(before.entries.map((entry) => entry.name)));
      await writeFileAtomic(path.join(folder, name), request.text);
      const record: IndexEntry = {
        createdAt: createdAt.toISOString(),
        reason: request.reason,
        counts: request.counts,
      };
      const sizeBytes = (await stat(path.join(folder, name))).size;
      const entry: BackupEntry = { name, sizeBytes, ...record };
      const all = [entry, ...before.entries];
      const pruned = backupsToPrune(
        all.map((backup) => ({ name: backup.name, createdAt: new Date(backup.createdAt) })),
      ).filter((backup) => backup.name !== name);
      const gone = new Set(pruned.map((backup) => backup.name));

      // One index write: the new record in, the records of pruned and vanished files out.
      const index = await readIndex();
      const entries: Record<string, IndexEntry> = {};
      for (const backup of all) {
        const known = backup.name === name ? record : index.entries[backup.name];
        if (known && !gone.has(backup.name)) entries[backup.name] = known;
      }
      await writeIndex({ version: 1, entries });

      for (const { name: old } of pruned) {
        // An old backup that cannot be deleted now (a virus scanner holding it open, say) is
        // pruned by the next save; it must not make the backup just written count as failed.
        await rm(path.join(folder, old), { force: true }).catch(() => undefined);
      }
      return entry;
    });
  }

  function writeIndex(index: BackupIndex): Promise<void> {
    return writeFileAtomic(indexFile, `${JSON.stringify(index, null, 2)}\n`);
  }

  async function read({ name }: ReadBackupRequest): Promise<ReadBackupResult> {
    // Validated again here: the name is joined to a folder path, so it must be one of ours.
    if (!backupNameSchema.safeParse(name).success) {
      return { status: 'refused', name, reason: 'missing' };
    }
    const result = await readTextFile(path.join(folder, name), maxJsonFileBytes);
    return result.status === 'read'
      ? { status: 'opened', name, text: result.text }
      : { status: 'refused', name, reason: result.status };
  }

  return { folder, list, save, read };
}
