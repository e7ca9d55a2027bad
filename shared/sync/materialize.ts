import { syncedTables, type SyncedTable } from '../domain/records';
import type { JsonValue } from './message';
import { completeSetFields, isKnownTable, writeCell } from './record-cells';
import type { SyncFileEntry } from './sync-entries';
import { timestampMillis, type Timestamp } from './timestamp';

export type MaterializedRow = Record<string, unknown> & { id: string };

/**
 * The records a set of messages describes, by last writer per cell: what any computer holds once
 * it has applied exactly these messages, in whatever order. Used to show what restoring a backup
 * will change, and as the reference the convergence tests compare databases with. Records whose
 * creation is missing, and tables this version does not know, are left out.
 */
export function materialize(
  entries: readonly SyncFileEntry[],
): Record<SyncedTable, MaterializedRow[]> {
  const cells = new Map<
    string,
    {
      table: SyncedTable;
      id: string;
      clocks: Map<string, Timestamp>;
      values: Map<string, JsonValue>;
    }
  >();
  for (const [table, id, changes] of entries) {
    if (!isKnownTable(table)) continue;
    const key = `${table}\u0000${id}`;
    let row = cells.get(key);
    if (!row) {
      row = { table, id, clocks: new Map(), values: new Map() };
      cells.set(key, row);
    }
    for (const [ts, values] of changes) {
      for (const [cell, value] of Object.entries(values)) {
        const held = row.clocks.get(cell);
        if (held === undefined || ts > held) {
          row.clocks.set(cell, ts);
          row.values.set(cell, value);
        }
      }
    }
  }
  const result = Object.fromEntries(syncedTables.map((table) => [table, []])) as unknown as Record<
    SyncedTable,
    MaterializedRow[]
  >;
  for (const { table, id, clocks, values } of cells.values()) {
    if (!clocks.has('createdAt')) continue;
    const row: MaterializedRow = { id };
    // Cells in time order, so set elements line up as they do in a database.
    const ordered = [...values.keys()].sort((a, b) => (clocks.get(a)! < clocks.get(b)! ? -1 : 1));
    for (const cell of ordered)
      writeCell(table, row, cell, values.get(cell)!, (name) => clocks.get(name));
    completeSetFields(table, row);
    let newest = 0;
    for (const ts of clocks.values()) newest = Math.max(newest, timestampMillis(ts));
    row.updatedAt = new Date(newest).toISOString();
    result[table].push(row);
  }
  for (const table of syncedTables) result[table].sort((a, b) => a.id.localeCompare(b.id));
  return result;
}
