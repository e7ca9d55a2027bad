import { z } from 'zod';
import {
  recordSchemas,
  syncedTables,
  type SyncedTable,
  type TableRecords,
} from '../domain/records';

/**
 * The data file staff carry on a USB stick between computers that share no network.
 * docs/data-file.md describes the format for people; this module is its single definition.
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

export function createDataFile(
  tables: TableRecords,
  exportedAt: Date,
  appVersion: string,
): DataFile {
  return {
    format: dataFileFormat,
    formatVersion: dataFileFormatVersion,
    exportedAt: exportedAt.toISOString(),
    appVersion,
    tables,
  };
}

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

type Stamped = { id: string; updatedAt: string };

export type TablePlan<Row extends Stamped> = { added: Row[]; updated: Row[]; skipped: number };
export type ImportPlan = { [T in SyncedTable]: TablePlan<TableRecords[T][number]> };

/**
 * Row-level merge by last change: a record from the file replaces the local one only when the
 * file's copy changed later. Field-level sync with visible conflicts replaces this later.
 */
export function planTableImport<Row extends Stamped>(
  local: ReadonlyMap<string, Stamped>,
  incoming: readonly Row[],
): TablePlan<Row> {
  const newest = new Map<string, Row>();
  for (const row of incoming) {
    const seen = newest.get(row.id);
    if (!seen || row.updatedAt > seen.updatedAt) newest.set(row.id, row);
  }
  const plan: TablePlan<Row> = { added: [], updated: [], skipped: 0 };
  for (const row of newest.values()) {
    const existing = local.get(row.id);
    if (!existing) plan.added.push(row);
    else if (Date.parse(row.updatedAt) > Date.parse(existing.updatedAt)) plan.updated.push(row);
    else plan.skipped += 1;
  }
  return plan;
}

export function planSummary(plan: ImportPlan): { added: number; updated: number; skipped: number } {
  return syncedTables.reduce(
    (sum, table) => ({
      added: sum.added + plan[table].added.length,
      updated: sum.updated + plan[table].updated.length,
      skipped: sum.skipped + plan[table].skipped,
    }),
    { added: 0, updated: 0, skipped: 0 },
  );
}
