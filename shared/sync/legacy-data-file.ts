import { defaultCatalog } from '../catalog/default-catalog';
import type { DataFile } from '../exchange/data-file';
import { syncedTables } from '../domain/records';
import { holidayScheduleId } from '../domain/settings';
import type { JsonValue } from './message';
import { recordCells, sameValue } from './record-cells';
import type { SyncFileEntry } from './sync-entries';
import { formatTimestamp } from './timestamp';

/**
 * The node id of changes converted from a data file of an earlier version (format v2), which
 * carried whole records stamped with their last change time, not per-field messages.
 */
export const legacyNode = '0000000000000001';

/**
 * A v2 data file as messages: each record's fields stamped with its last change time, so files
 * people still have on their USB sticks import as before and merge by time. Each year's holiday
 * schedule takes the id that follows from its year, as upgraded databases do. Default catalog
 * entries nobody edited are left out: every computer has them, and the exporter's seeding time
 * must not beat an edit made here.
 */
export function entriesFromDataFile(file: DataFile): SyncFileEntry[] {
  const defaults = new Map(defaultCatalog.map(({ id, ...entry }) => [id, entry]));
  const entries: SyncFileEntry[] = [];
  for (const table of syncedTables) {
    for (const record of file.tables[table] as (Record<string, unknown> & { id: string })[]) {
      const seed = table === 'catalogItems' ? defaults.get(record.id) : undefined;
      const untouched =
        seed !== undefined &&
        record.deleted === false &&
        Object.entries(seed).every(([field, value]) => sameValue(record[field], value));
      if (untouched) continue;
      const row =
        table === 'holidaySchedules'
          ? { ...record, id: holidayScheduleId(record.year as number) }
          : record;
      const millis = Math.max(0, Date.parse(String(row.updatedAt)) || 0);
      const ts = formatTimestamp({ millis, counter: 0, node: legacyNode });
      const values: Record<string, JsonValue> = {};
      for (const [cell, value] of recordCells(table, row)) values[cell] = value;
      entries.push([table, row.id, [[ts, values]]]);
    }
  }
  return entries;
}
