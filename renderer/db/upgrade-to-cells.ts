import type { Transaction } from 'dexie';
import { syncedTables, type SyncedTable } from '../../shared/domain/records';
import type { CellClock } from '../../shared/sync/apply-rule';
import { HybridLogicalClock } from '../../shared/sync/clock';
import {
  currentRecord,
  legacyMillis,
  legacyRecord,
  userCells,
} from '../../shared/sync/legacy-data-file';
import type { JsonValue } from '../../shared/sync/message';
import { recordCells, type Cells } from '../../shared/sync/record-cells';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import { newNodeId, zeroTimestamp, type Timestamp } from '../../shared/sync/timestamp';
import { packClocks } from './row-clocks';

type Row = Record<string, unknown> & { id: string; updatedAt: string; deleted: boolean };

const chunkRows = 1000;

/**
 * v2 → v3: every record gets cell timestamps, and the log starts with them, so what this
 * computer held before per-field sync travels like any later change. The cells a record's user
 * wrote (`userCells`: all of a record's, but of a default catalog entry or the team settings only
 * what differs from today's and former defaults) are one write stamped with the record's last
 * change time on this computer's node; every other cell holds today's default at the zero
 * timestamp, so any edit anywhere beats it. Writes of one millisecond (a project and its items)
 * take the clock's next counter: two writes never share a timestamp. Each year's holiday schedule
 * takes the id that follows from its year (the newest record of a year wins), so two computers'
 * entries for one year become one record.
 */
export async function upgradeToCells(tx: Transaction): Promise<void> {
  const device = tx.table<{ key: string; value: unknown }, string>('device');
  const existing = (await device.get('identity'))?.value as { node: string } | undefined;
  const identity = existing ?? { deviceId: crypto.randomUUID(), node: newNodeId() };
  if (!existing) await device.put({ key: 'identity', value: identity });
  const nowMillis = Date.now();
  const records: { table: SyncedTable; row: Row; user: Cells; millis: number }[] = [];

  for (const table of syncedTables) {
    if (table === 'devices') continue;
    const store = tx.table<Row, string>(table);
    let rows = await store.toArray();
    if (table === 'holidaySchedules') {
      rows = rekeySchedules(rows);
      await store.clear();
    }
    for (const original of rows) {
      const user = userCells(table, original);
      const row = currentRecord(table, original, user) as Row;
      records.push({ table, row, user, millis: Math.min(legacyMillis(row), nowMillis) });
    }
  }

  // Stamped in time order by a clock whose wall is each write's own time.
  let wall = 0;
  const clock = new HybridLogicalClock(identity.node, () => wall);
  const written = records.filter(({ user }) => user.size > 0).sort((a, b) => a.millis - b.millis);
  const stampOf = new Map<(typeof records)[number], Timestamp>();
  for (const record of written) {
    wall = record.millis;
    stampOf.set(record, clock.tick());
  }
  const entries: SyncFileEntry[] = [];
  const stamped: { table: string; row: Row }[] = [];
  for (const record of records) {
    const { table, row, user } = record;
    const ts = stampOf.get(record);
    const clocks: Record<string, CellClock> = {};
    for (const cell of recordCells(table, row).keys()) {
      clocks[cell] = [ts && user.has(cell) ? ts : zeroTimestamp, zeroTimestamp];
    }
    stamped.push({ table, row: { ...row, _clocks: packClocks(clocks) } });
    if (!ts) continue;
    const values: Record<string, JsonValue> = {};
    for (const [cell, value] of user) values[cell] = value;
    entries.push([table, row.id, [[ts, values]]]);
  }

  const logOf = new Map<string, number>();
  for (let start = 0; start < entries.length; start += chunkRows) {
    const chunk = entries.slice(start, start + chunkRows);
    const timestamps = chunk.map(([, , [change]]) => change![0]);
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
  await device.put({ key: 'clock', value: clock.state() });

  function rekeySchedules(rows: Row[]): Row[] {
    const byYear = new Map<number, Row>();
    for (const row of rows) {
      if (row.deleted) continue;
      const year = row.year as number;
      const kept = byYear.get(year);
      if (!kept || row.updatedAt > kept.updatedAt) byYear.set(year, row);
    }
    return [...byYear.values()].map((row) => legacyRecord('holidaySchedules', row) as Row);
  }
}
