import type { Actor } from '../../shared/domain/change';
import { userAt } from '../../shared/domain/device';
import { isKnownTable, splitCellName, writeCell } from '../../shared/sync/record-cells';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import { timestampMillis, type Timestamp } from '../../shared/sync/timestamp';
import { syncedTables } from '../../shared/domain/records';
import type { DaibanDatabase, RowSyncMeta, SyncLogChunk } from './database';

/** One entry of 修改记录: one write of one record, by whom, when, and how it reached this computer. */
export type HistoryEntry = {
  id: string;
  /** The table of the record, to read its fields' values in words. */
  table: string;
  at: string;
  /** null when the device that made it is not known here (yet). */
  by: Actor | null;
  op: 'create' | 'update' | 'delete';
  /** field → [before, after] */
  fields: Record<string, [unknown, unknown]>;
  via: SyncLogChunk['via'] | 'legacy';
  origin: string;
};

/** Not shown as changed fields: they say when and whether, which the entry itself says. */
const quietFields = new Set(['createdAt', 'deleted']);

/**
 * A record's history, newest first: read from the sync log, so every computer shows the same
 * writes in the same order with their real authors, whichever way they arrived. Entries from
 * before per-field sync (the v2 change log) come after, as they were recorded.
 */
export async function readHistory(db: DaibanDatabase, recordId: string): Promise<HistoryEntry[]> {
  const stored = (
    await Promise.all(
      syncedTables.map((table) => db.table<RowSyncMeta, string>(table).get(recordId)),
    )
  ).find((row) => row !== undefined);
  const chunks = (await db.syncLog.bulkGet(stored?._log ?? [])).filter(
    (chunk): chunk is SyncLogChunk => chunk !== undefined,
  );
  type Change = {
    table: string;
    ts: Timestamp;
    values: Record<string, unknown>;
    chunk: SyncLogChunk;
  };
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const chunk of chunks) {
    for (const [table, row, rowChanges] of JSON.parse(chunk.entries) as SyncFileEntry[]) {
      if (row !== recordId) continue;
      for (const [ts, values] of rowChanges) {
        if (seen.has(ts)) continue;
        seen.add(ts);
        changes.push({ table, ts, values, chunk });
      }
    }
  }
  changes.sort((a, b) => (a.ts < b.ts ? -1 : 1));

  const devices = await db.devices.toArray();
  const author = (ts: Timestamp): Actor | null => {
    const node = ts.slice(-16);
    const device = devices.find((candidate) => candidate.node === node);
    const user = device && userAt(device, ts);
    return user ? { name: user.name, unit: user.unit } : null;
  };

  const running: Record<string, unknown> = {};
  const clocks: Record<string, Timestamp> = {};
  const entries: HistoryEntry[] = [];
  for (const { table, ts, values, chunk } of changes) {
    if (!isKnownTable(table)) continue;
    const fieldsTouched = new Set(Object.keys(values).map((cell) => splitCellName(cell).field));
    const before = Object.fromEntries([...fieldsTouched].map((field) => [field, running[field]]));
    const existed = running.createdAt !== undefined;
    const wasDeleted = running.deleted === true;
    for (const [cell, value] of Object.entries(values)) {
      clocks[cell] = ts;
      writeCell(table, running, cell, value as never, (name) => clocks[name]);
    }
    // The upgrade to per-field sync copied what was there: not a change anyone made.
    if (chunk.via === 'upgrade') continue;
    const fields: Record<string, [unknown, unknown]> = {};
    for (const field of fieldsTouched) {
      if (quietFields.has(field)) continue;
      if (JSON.stringify(before[field]) !== JSON.stringify(running[field])) {
        fields[field] = [before[field] ?? null, running[field] ?? null];
      }
    }
    const op = !existed ? 'create' : !wasDeleted && running.deleted === true ? 'delete' : 'update';
    entries.push({
      id: ts,
      table,
      at: new Date(timestampMillis(ts)).toISOString(),
      by: author(ts),
      op,
      fields,
      via: chunk.via,
      origin: chunk.origin,
    });
  }

  const legacy = await db.changes.where('recordId').equals(recordId).toArray();
  const older: HistoryEntry[] = legacy.map((change) => ({
    id: change.id,
    table: change.table,
    at: change.at,
    by: change.by,
    op: change.op,
    fields: change.fields,
    via: 'legacy',
    origin: '',
  }));
  return [...entries.reverse(), ...older.sort((a, b) => b.at.localeCompare(a.at))];
}

/** The tables an id in a change can point at, with the field that names their records. */
const namedTables = [
  ['projects', 'name'],
  ['approvalItems', 'name'],
  ['helperAgents', 'name'],
  ['catalogItems', 'name'],
] as const;

/**
 * The names of the records with these ids, deleted ones included (修改记录 says a linked item was
 * deleted rather than showing its id). Read when history is shown, so a renamed item shows its
 * current name in every past change. Ids not found here are left out.
 */
export async function readRecordNames(
  db: DaibanDatabase,
  ids: readonly string[],
): Promise<Map<string, { name: string; deleted: boolean }>> {
  const names = new Map<string, { name: string; deleted: boolean }>();
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return names;
  for (const [table, field] of namedTables) {
    const rows = await db.table<Record<string, unknown>, string>(table).bulkGet(wanted);
    rows.forEach((row, index) => {
      const id = wanted[index];
      const name = row?.[field];
      if (id !== undefined && typeof name === 'string' && !names.has(id)) {
        names.set(id, { name, deleted: row?.deleted === true });
      }
    });
  }
  return names;
}
