import { z } from 'zod';
import {
  recordSchemas,
  syncedTables,
  type SyncedTable,
  type TableRecords,
} from '../domain/records';

/**
 * The data file of version 0.1 (format v2): whole records, merged by last change. Version 0.2
 * exchanges sync files (shared/sync/sync-file.ts) instead; files of this format that people still
 * have are read and converted (shared/sync/legacy-data-file.ts). docs/data-file.md describes it.
 */

export const dataFileFormat = 'daiban-data';
export const dataFileFormatVersion = 2;

const dataFileHeaderSchema = z.object({
  format: z.literal(dataFileFormat),
  formatVersion: z.number().int().positive(),
});

const dataFileBodySchema = z.object({
  format: z.literal(dataFileFormat),
  formatVersion: z.literal(dataFileFormatVersion),
  exportedAt: z.iso.datetime(),
  appVersion: z.string(),
  tables: z.partialRecord(
    z.enum(syncedTables as [SyncedTable, ...SyncedTable[]]),
    z.array(z.unknown()),
  ),
});

export type DataFile = {
  format: typeof dataFileFormat;
  formatVersion: typeof dataFileFormatVersion;
  exportedAt: string;
  appVersion: string;
  tables: TableRecords;
};

/** Why a file was refused: an i18n key under `sync.` and its parameters. */
export type DataFileProblem =
  | { reason: 'reasonNotJson' }
  | { reason: 'reasonWrongFormat' }
  | { reason: 'reasonOldVersion'; version: number }
  | { reason: 'reasonNewerVersion'; version: number }
  | { reason: 'reasonInvalidRecord'; table: SyncedTable; index: number; field: string };

export type ParsedDataFile = { ok: true; file: DataFile } | { ok: false; problem: DataFileProblem };

export function emptyTables(): TableRecords {
  return Object.fromEntries(syncedTables.map((table) => [table, []])) as unknown as TableRecords;
}

/** Validates the whole file before anything may touch the database. */
export function parseDataFile(text: string): ParsedDataFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { reason: 'reasonNotJson' } };
  }
  const header = dataFileHeaderSchema.safeParse(json);
  if (!header.success) return { ok: false, problem: { reason: 'reasonWrongFormat' } };
  const version = header.data.formatVersion;
  if (version > dataFileFormatVersion) {
    return { ok: false, problem: { reason: 'reasonNewerVersion', version } };
  }
  if (version < dataFileFormatVersion) {
    return { ok: false, problem: { reason: 'reasonOldVersion', version } };
  }
  const body = dataFileBodySchema.safeParse(json);
  if (!body.success) return { ok: false, problem: { reason: 'reasonWrongFormat' } };

  const tables = emptyTables();
  for (const table of syncedTables) {
    const rows = body.data.tables[table] ?? [];
    const parsedRows: unknown[] = [];
    for (const [index, raw] of rows.entries()) {
      const record = recordSchemas[table].safeParse(raw);
      if (!record.success) {
        const field = record.error.issues[0]?.path.join('.') ?? '';
        return {
          ok: false,
          problem: { reason: 'reasonInvalidRecord', table, index: index + 1, field },
        };
      }
      parsedRows.push(record.data);
    }
    (tables as Record<SyncedTable, unknown[]>)[table] = parsedRows;
  }
  return { ok: true, file: { ...body.data, formatVersion: dataFileFormatVersion, tables } };
}
