import type { Transaction } from 'dexie';
import { defaultCatalog, seedTimes } from '../../shared/catalog/default-catalog';
import { syncedTables } from '../../shared/domain/records';
import { holidayScheduleId } from '../../shared/domain/settings';
import type { CellClock } from '../../shared/sync/apply-rule';
import type { JsonValue } from '../../shared/sync/message';
import { recordCells, sameValue } from '../../shared/sync/record-cells';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import {
  formatTimestamp,
  newNodeId,
  zeroTimestamp,
  type Timestamp,
} from '../../shared/sync/timestamp';
import { packClocks } from './row-clocks';

type Row = Record<string, unknown> & { id: string; updatedAt: string; deleted: boolean };

const chunkRows = 1000;

/**
 * v2 → v3: every record gets cell timestamps, and the log starts with them, so what this
 * computer held before per-field sync travels like any later change. A record's cells are stamped
 * with its last change time on this computer's new node id; default catalog entries nobody edited
 * get the zero timestamp, so any edit anywhere beats them. Each year's holiday schedule takes the
 * id that follows from its year (the newest record of a year wins), so two computers' entries for
 * one year become one record.
 */
export async function upgradeToCells(tx: Transaction): Promise<void> {
  const device = tx.table<{ key: string; value: unknown }, string>('device');
  const existing = (await device.get('identity'))?.value as { node: string } | undefined;
  const identity = existing ?? { deviceId: crypto.randomUUID(), node: newNodeId() };
  if (!existing) await device.put({ key: 'identity', value: identity });
  const defaults = new Map(defaultCatalog.map(({ id, ...entry }) => [id, entry]));
  const nowMillis = Date.now();
  let newestMillis = 0;
  const entries: SyncFileEntry[] = [];
  const stamped: { table: string; row: Row }[] = [];

  for (const table of syncedTables) {
    if (table === 'devices') continue;
    const store = tx.table<Row, string>(table);
    let rows = await store.toArray();
    if (table === 'holidaySchedules') {
      rows = rekeySchedules(rows);
      await store.clear();
    }
    for (const original of rows) {
      const seeded =
        table === 'catalogItems' && isUnchangedDefault(original, defaults.get(original.id));
      // Seeds are alike on every computer, their creation time included.
      const row = seeded ? { ...original, ...seedTimes } : original;
      const cells = recordCells(table, row);
      const millis = Math.min(Math.max(Date.parse(row.updatedAt) || 0, 0), nowMillis);
      const ts: Timestamp = seeded
        ? zeroTimestamp
        : formatTimestamp({ millis, counter: 0, node: identity.node });
      if (!seeded) newestMillis = Math.max(newestMillis, millis);
      const clocks: Record<string, CellClock> = {};
      const values: Record<string, JsonValue> = {};
      for (const [cell, value] of cells) {
        clocks[cell] = [ts, zeroTimestamp];
        values[cell] = value;
      }
      stamped.push({ table, row: { ...row, _clocks: packClocks(clocks) } });
      if (!seeded) entries.push([table, row.id, [[ts, values]]]);
    }
  }

  const logged = new Set<string>();
  const logOf = new Map<string, number>();
  for (let start = 0; start < entries.length; start += chunkRows) {
    const chunk = entries.slice(start, start + chunkRows);
    const timestamps = chunk
      .map(([, , [change]]) => change![0])
      .filter((ts) => !logged.has(ts) && logged.add(ts));
    const seq = (await tx.table('syncLog').add({
      at: new Date(nowMillis).toISOString(),
      via: 'upgrade',
      origin: '',
      entries: JSON.stringify(chunk),
    })) as number;
    await tx.table('syncTimestamps').add({ seq, timestamps: timestamps.join('') });
    for (const [table, row] of chunk) logOf.set(`${table}\u0000${row}`, seq);
  }
  // Each record lists the chunk that holds it: its 修改记录 starts there.
  for (const { table, row } of stamped) {
    const seq = logOf.get(`${table}\u0000${row.id}`);
    await tx.table(table).put(seq === undefined ? row : { ...row, _log: [seq] });
  }
  await device.put({ key: 'clock', value: { millis: newestMillis, counter: 1 } });

  function rekeySchedules(rows: Row[]): Row[] {
    const byYear = new Map<number, Row>();
    for (const row of rows) {
      if (row.deleted) continue;
      const year = row.year as number;
      const kept = byYear.get(year);
      if (!kept || row.updatedAt > kept.updatedAt) byYear.set(year, row);
    }
    return [...byYear.values()].map((row) => ({
      ...row,
      id: holidayScheduleId(row.year as number),
    }));
  }
}

function isUnchangedDefault(row: Row, entry: object | undefined): boolean {
  if (!entry || row.deleted) return false;
  const fields = row as Record<string, unknown>;
  return Object.entries(entry).every(([field, value]) => sameValue(fields[field], value));
}
