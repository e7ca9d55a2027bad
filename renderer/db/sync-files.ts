import { syncedTables, type SyncedTable, type TableRecords } from '../../shared/domain/records';
import { teamSettingsId } from '../../shared/domain/settings';
import { emptyTables, parseDataFile, type DataFileProblem } from '../../shared/exchange/data-file';
import { entriesFromDataFile } from '../../shared/sync/legacy-data-file';
import { materialize } from '../../shared/sync/materialize';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import {
  createSyncFileFromEntries,
  payloadMatchesChecksum,
  readSyncFile,
  readSyncFileHeader,
  sealedFormatVersion,
  type SyncFileHeader,
  type SyncFileProblem,
} from '../../shared/sync/sync-file';
import type { DaibanDatabase, Exchange } from './database';
import { seedDefaults } from './seeds';
import { syncScope, type ApplyResult, type SyncEngine } from './sync-engine';

/** The version of the app that can read the files this version writes. */
export const minReaderVersion = '0.2.0';

export type IncomingProblem =
  | SyncFileProblem
  | DataFileProblem
  | { reason: 'reasonOwnFile' }
  /** Applied whole before: everything in it is here (a stick plugged in twice). */
  | { reason: 'reasonAlreadyImported' }
  | { reason: 'reasonOtherTeam'; team: string }
  /** The team requires sealed files (同步文件必须加密) and this one is not sealed. */
  | { reason: 'reasonSealingRequired' }
  /** The team requires sealed files: encrypted as format 1, whose header is not authenticated. */
  | { reason: 'reasonSealingRequiredOldFormat' }
  /** The team requires sealed files: a data file of version 0.1 is never sealed. */
  | { reason: 'reasonSealingRequiredDataFile' }
  /** The team requires sealed files: an unsealed backup is restored only on the computer that made it. */
  | { reason: 'reasonSealingRequiredBackup' };

/** A received file, checked whole: its entries, and who made it when. */
export type IncomingFile = {
  header: Pick<
    SyncFileHeader,
    'team' | 'producer' | 'createdAt' | 'messageCount' | 'sha256'
  > | null;
  entries: SyncFileEntry[];
  /** Sealed with a passphrase, header included (format 2): made by someone who knows it, unaltered. */
  sealed: boolean;
  /** The file is from another team, or this computer has not joined one yet: importing joins it. */
  joinsTeam: boolean;
};

export type ReadIncoming =
  { ok: true; file: IncomingFile } | { ok: false; problem: IncomingProblem };

const teamKey = 'team';
const exportMarksKey = 'exportMarks';
/** Checksums of the files applied whole, newest last (a restore empties it with the log). */
const appliedFilesKey = 'appliedFiles';
const keptAppliedFiles = 200;

type Team = { id: string };

/** Sync files: export, read, preview, import, backups and restore, over one database. */
export function createSyncFiles(db: DaibanDatabase, engine: SyncEngine, appVersion: string) {
  async function team(): Promise<Team | undefined> {
    return (await db.device.get(teamKey))?.value as Team | undefined;
  }

  async function teamForExport(): Promise<{ id: string; name: string }> {
    let current = await team();
    if (!current) {
      current = { id: crypto.randomUUID() };
      await db.device.put({ key: teamKey, value: current });
    }
    const settings = await db.settings.get(teamSettingsId);
    return { id: current.id, name: settings?.teamName || '帮办代办团队' };
  }

  /** True when this computer holds no team data of its own yet (seeds and devices aside). */
  async function holdsNoTeamData(): Promise<boolean> {
    for (const table of syncedTables) {
      if (table === 'catalogItems' || table === 'devices' || table === 'settings') continue;
      if ((await db.table(table).count()) > 0) return false;
    }
    return true;
  }

  async function appliedFiles(): Promise<string[]> {
    return ((await db.device.get(appliedFilesKey))?.value as string[] | undefined) ?? [];
  }

  async function exportMarks(): Promise<Record<string, number>> {
    return ((await db.device.get(exportMarksKey))?.value as Record<string, number>) ?? {};
  }

  /** The team setting 同步文件必须加密, as this computer holds it now. */
  async function sealingRequired(): Promise<boolean> {
    const settings = await db.settings.get(teamSettingsId);
    return settings?.deleted !== true && settings?.requireSealedFiles === true;
  }

  /**
   * Whether a file may come in under 同步文件必须加密; null when it may. Checked against the
   * setting this computer holds before the file: a file that switches the requirement off is
   * refused unless it is sealed like any other. A backup is this computer's own unsealed file
   * (written unattended, with no passphrase to ask for): restored when this computer made it.
   */
  async function sealingProblem(
    header: SyncFileHeader | null,
    backup: boolean,
  ): Promise<IncomingProblem | null> {
    if (!(await sealingRequired())) return null;
    if (!header) return { reason: 'reasonSealingRequiredDataFile' };
    if (header.formatVersion === sealedFormatVersion) return null;
    if (header.encryption) return { reason: 'reasonSealingRequiredOldFormat' };
    if (!backup) return { reason: 'reasonSealingRequired' };
    const { node } = await engine.identity();
    return header.producer.node === node ? null : { reason: 'reasonSealingRequiredBackup' };
  }

  return {
    team,

    sealingRequired,

    /** Where files were sent before (内网电脑, 区审批局…), for the export form. */
    async destinations(): Promise<string[]> {
      return Object.keys(await exportMarks());
    },

    /**
     * A sync file: everything logged since the last export to `destination`, or everything when
     * it is null (or the destination is new). `markExported` moves the mark once the file is saved.
     */
    async exportFile(options: {
      destination: string | null;
      passphrase?: string;
      /** A backup for this computer's own restore: unsealed even when the team requires sealing. */
      backup?: boolean;
      producerName: string;
      onProgress?: (done: number, total: number) => void;
    }): Promise<{ text: string; seq: number; messages: number; rows: number }> {
      if (!options.passphrase && !options.backup && (await sealingRequired())) {
        throw new Error('团队要求同步文件加密：请填写同步文件口令后再导出');
      }
      const since = options.destination ? ((await exportMarks())[options.destination] ?? 0) : 0;
      const { entries, seq } = await engine.logEntries(since, options.onProgress);
      const [teamInfo, { node }] = await Promise.all([teamForExport(), engine.identity()]);
      const text = await createSyncFileFromEntries(
        {
          team: teamInfo,
          producer: { node, name: options.producerName },
          createdAt: new Date().toISOString(),
          appVersion,
          minAppVersion: minReaderVersion,
        },
        entries,
        options.passphrase ? { passphrase: options.passphrase } : {},
      );
      let messages = 0;
      for (const [, , changes] of entries) {
        for (const [, values] of changes) messages += Object.keys(values).length;
      }
      return { text, seq, messages, rows: entries.length };
    },

    async markExported(destination: string, seq: number, exchange: Omit<Exchange, 'id'>) {
      await db.transaction('rw', db.device, db.exchanges, async () => {
        const marks = await exportMarks();
        marks[destination] = Math.max(marks[destination] ?? 0, seq);
        await db.device.put({ key: exportMarksKey, value: marks });
        await db.exchanges.add(exchange);
      });
    },

    async recordExchange(exchange: Omit<Exchange, 'id'>) {
      await db.exchanges.add(exchange);
    },

    /**
     * Reads and checks a whole file before anything may touch the database: a sync file, or a
     * data file of the previous version (converted). Refuses this computer's own files.
     */
    async read(
      text: string,
      { passphrase, backup = false }: { passphrase?: string; backup?: boolean } = {},
    ): Promise<ReadIncoming> {
      const head = readSyncFileHeader(text, { appVersion });
      if (!head.ok && head.problem.reason === 'reasonWrongFormat') {
        const legacy = parseDataFile(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        if (!legacy.ok) {
          return legacy.problem.reason === 'reasonWrongFormat'
            ? { ok: false, problem: head.problem }
            : legacy;
        }
        const refused = await sealingProblem(null, backup);
        if (refused) return { ok: false, problem: refused };
        return {
          ok: true,
          file: {
            header: null,
            entries: entriesFromDataFile(legacy.file),
            sealed: false,
            joinsTeam: false,
          },
        };
      }
      if (!head.ok) return head;
      const { node } = await engine.identity();
      // A backup is this computer's own file, and restoring it is not joining a team.
      if (!backup && head.header.producer.node === node) {
        return { ok: false, problem: { reason: 'reasonOwnFile' } };
      }
      // Before the passphrase is asked for: an unsealed file cannot become acceptable.
      const refused = await sealingProblem(head.header, backup);
      if (refused) return { ok: false, problem: refused };
      // The same file again: known from its checksum, once the payload is hashed (not parsed)
      // and found to match it. A copy altered since is damaged, not imported already.
      if (!backup && (await appliedFiles()).includes(head.header.sha256)) {
        if (!(await payloadMatchesChecksum(text, head.header))) {
          return { ok: false, problem: { reason: 'reasonChecksumMismatch' } };
        }
        return { ok: false, problem: { reason: 'reasonAlreadyImported' } };
      }
      const read = await readSyncFile(text, { appVersion, ...(passphrase ? { passphrase } : {}) });
      if (!read.ok) return read;
      const current = await team();
      const joinsTeam = !backup && current?.id !== read.header.team.id;
      if (joinsTeam && current && !(await holdsNoTeamData())) {
        return { ok: false, problem: { reason: 'reasonOtherTeam', team: read.header.team.name } };
      }
      return {
        ok: true,
        file: { header: read.header, entries: read.entries, sealed: read.sealed, joinsTeam },
      };
    },

    preview: (file: IncomingFile) =>
      engine.applyBatch(file.entries, { via: 'file', origin: '' }, { dryRun: true }),

    /** Applies a checked file in one transaction and logs the exchange; joins the file's team. */
    async import(
      file: IncomingFile,
      name: string,
      by: string,
      onProgress?: (done: number, total: number) => void,
    ): Promise<ApplyResult | { ok: false; problem: IncomingProblem }> {
      return db.transaction(
        'rw',
        [
          ...syncedTables.map((table) => db.table(table)),
          ...syncScope(db),
          db.conflicts,
          db.parked,
          db.exchanges,
        ],
        async () => {
          // The requirement may have arrived (by server sync) since the file was read.
          if (!file.sealed && (await sealingRequired())) {
            return { ok: false, problem: { reason: 'reasonSealingRequired' } };
          }
          const result = await engine.applyBatch(
            file.entries,
            { via: 'file', origin: name },
            onProgress ? { onProgress } : {},
          );
          if (!result.ok) return result;
          if (file.joinsTeam && file.header) {
            await db.device.put({ key: teamKey, value: { id: file.header.team.id } });
          }
          if (file.header) {
            const applied = [...(await appliedFiles()), file.header.sha256];
            await db.device.put({ key: appliedFilesKey, value: applied.slice(-keptAppliedFiles) });
          }
          const { summary } = result;
          await db.exchanges.add({
            at: new Date().toISOString(),
            by,
            direction: 'import',
            file: name,
            destination: file.header?.producer.name ?? '',
            messages: summary.newMessages,
            rows: file.entries.length,
            applied: syncedTables.reduce((sum, table) => {
              const counts = summary.tables[table];
              return sum + counts.created + counts.updated + counts.deleted;
            }, 0),
            conflicts: summary.conflicts.length,
          });
          return result;
        },
      );
    },

    /** Every record, deleted ones included, without local bookkeeping: the full dump. */
    readAll,

    /** The records a backup's entries describe, to compare with the database before a restore. */
    backupRecords: (entries: readonly SyncFileEntry[]) =>
      materialize(entries) as unknown as TableRecords,

    /**
     * Replaces the team's data, log included, with a backup's: in one transaction, the database
     * is emptied and the backup applied as a received batch. Changes made on other computers
     * since the backup come back with the next exchange; what only this computer held is gone.
     * The computer takes a new node (and device record) for its changes from then on.
     */
    async restore(entries: readonly SyncFileEntry[], name: string): Promise<ApplyResult> {
      const tables = [
        ...syncedTables.map((table) => db.table(table)),
        ...syncScope(db),
        db.conflicts,
        db.parked,
      ];
      return db.transaction('rw', tables, async () => {
        for (const table of [
          ...syncedTables.map((t) => db.table(t)),
          db.syncLog,
          db.syncTimestamps,
          db.conflicts,
          db.parked,
        ]) {
          await table.clear();
        }
        await db.device.delete('merkle');
        await db.device.delete(appliedFilesKey);
        engine.forgetCaches();
        await seedDefaults(db);
        const applied = await engine.applyBatch(entries, { via: 'restore', origin: name });
        // The backup may be restored on another computer too, or this one's stamps after the
        // backup live on elsewhere: a new node, so two copies never stamp with one.
        if (applied.ok) await engine.renewIdentity();
        return applied;
      });
    },

    /** When the oldest live project was created: how long this install has held data. */
    async oldestProjectAt(): Promise<string | undefined> {
      let oldest: string | undefined;
      await db.projects.each((project) => {
        if (project.deleted || project._incomplete) return;
        if (!oldest || project.createdAt < oldest) oldest = project.createdAt;
      });
      return oldest;
    },
  };

  async function readAll(): Promise<TableRecords> {
    return db.transaction(
      'r',
      syncedTables.map((name) => db.table(name)),
      async () => {
        const all = emptyTables();
        for (const name of syncedTables) {
          const rows = (await db.table(name).toArray()) as Record<string, unknown>[];
          (all as Record<SyncedTable, unknown[]>)[name] = rows
            .filter((row) => !row._incomplete)
            .map(withoutBookkeeping);
        }
        return all;
      },
    );
  }
}

function withoutBookkeeping(row: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (!key.startsWith('_')) fields[key] = value;
  return fields;
}

export type SyncFiles = ReturnType<typeof createSyncFiles>;
