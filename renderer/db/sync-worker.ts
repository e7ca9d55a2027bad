/// <reference lib="webworker" />
import { expose, type ProxyMarked } from 'comlink';
import { syncedTables } from '../../shared/domain/records';
import { planRestore, type RestorePlan } from '../../shared/exchange/restore-plan';
import { decodeTextFile, isTextFileEncodingError } from '../../shared/exchange/text-file';
import { ClockDriftError, type ClockDrift } from '../../shared/sync/clock';
import { DaibanDatabase } from './database';
import { createSyncEngine, type ApplySummary } from './sync-engine';
import { createSyncFiles, type IncomingFile, type IncomingProblem } from './sync-files';
import type { TimestampCollision } from '../../shared/sync/apply-rule';
import type { IncomingProblem as ValueProblem } from '../../shared/sync/incoming';

/**
 * The heavy half of sync files, off the window's thread: reading, checking and applying a file,
 * writing an export, restoring a backup. A city-scale file is ~100 MB of JSON and two million
 * values; parsing, hashing and stringifying it here keeps the window responsive, and the parsed
 * file never crosses to the window (only summaries do). The worker opens the same IndexedDB
 * database; Dexie tells the window's live queries about its writes.
 */

const db = new DaibanDatabase();
const engine = createSyncEngine(db);
const files = createSyncFiles(db, engine, __APP_VERSION__);
const opened = new Map<string, IncomingFile>();

export type Progress = ((done: number, total: number) => void) & ProxyMarked;

/** A summary the window can receive (sets become lists). */
export type PreviewSummary = Omit<ApplySummary, 'projects'> & { projects: string[] };

export type WorkerFailure =
  | {
      ok: false;
      problem: IncomingProblem | ValueProblem | TimestampCollision | { reason: 'not-text' };
    }
  | { ok: false; drift: ClockDrift };

const summarise = (summary: ApplySummary): PreviewSummary => ({
  ...summary,
  projects: [...summary.projects],
});

async function guard<T>(work: () => Promise<T>): Promise<T | WorkerFailure> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ClockDriftError) return { ok: false, drift: error.drift };
    throw error;
  }
}

const api = {
  async exportFile(
    options: {
      destination: string | null;
      passphrase?: string;
      backup?: boolean;
      producerName: string;
    },
    onProgress?: Progress,
  ) {
    return files.exportFile({ ...options, ...(onProgress ? { onProgress } : {}) });
  },

  /**
   * Reads a file (its text, or its bytes from a browser's file input, decoded here) and checks
   * it whole; keeps it under an id for the preview and the import.
   */
  async open(
    content: string | ArrayBuffer,
    options: { passphrase?: string; backup?: boolean } = {},
  ): Promise<
    | {
        ok: true;
        id: string;
        header: IncomingFile['header'];
        joinsTeam: boolean;
        entries: number;
      }
    | WorkerFailure
  > {
    let text: string;
    try {
      text = typeof content === 'string' ? content : decodeTextFile(new Uint8Array(content));
    } catch (error) {
      if (isTextFileEncodingError(error)) return { ok: false, problem: { reason: 'not-text' } };
      throw error;
    }
    const read = await files.read(text, options);
    if (!read.ok) return read;
    const id = crypto.randomUUID();
    opened.set(id, read.file);
    return {
      ok: true,
      id,
      header: read.file.header,
      joinsTeam: read.file.joinsTeam,
      entries: read.file.entries.length,
    };
  },

  async preview(id: string) {
    return guard(async () => {
      const result = await files.preview(file(id));
      return result.ok ? { ok: true as const, summary: summarise(result.summary) } : result;
    });
  },

  /** Names of projects in the file that this computer does not have yet (for the preview). */
  projectNames(id: string, projectIds: string[]): Record<string, string> {
    const wanted = new Set(projectIds);
    const names: Record<string, string> = {};
    for (const [table, row, changes] of file(id).entries) {
      if (table !== 'projects' || !wanted.has(row)) continue;
      for (const [, values] of changes)
        if (typeof values.name === 'string') names[row] = values.name;
    }
    return names;
  },

  async import(id: string, name: string, by: string, onProgress?: Progress) {
    return guard(async () => {
      const result = await files.import(file(id), name, by, onProgress);
      opened.delete(id);
      return result.ok ? { ok: true as const, summary: summarise(result.summary) } : result;
    });
  },

  /** What restoring an opened backup changes, kind by kind. */
  async restorePlan(id: string): Promise<RestorePlan> {
    return planRestore(await files.readAll(), files.backupRecords(file(id).entries));
  },

  async restore(id: string, name: string) {
    return guard(async () => {
      const result = await files.restore(file(id).entries, name);
      opened.delete(id);
      return result.ok ? { ok: true as const, summary: summarise(result.summary) } : result;
    });
  },

  /** Live records per kind, for a backup's record counts. */
  async liveCounts(): Promise<Record<string, number>> {
    const all = await files.readAll();
    return Object.fromEntries(
      syncedTables.map((table) => [
        table,
        (all[table] as { deleted: boolean }[]).filter((row) => !row.deleted).length,
      ]),
    );
  },

  forget(id: string) {
    opened.delete(id);
  },
};

function file(id: string): IncomingFile {
  const found = opened.get(id);
  if (!found) throw new Error('文件已关闭，请重新选择');
  return found;
}

export type SyncWorker = typeof api;

expose(api);
