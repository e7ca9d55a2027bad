import { defaultCatalog, formerDefaultNames, seedTimes } from '../catalog/default-catalog';
import type { DataFile } from '../exchange/data-file';
import { syncedTables, type SyncedTable } from '../domain/records';
import { defaultTeamSettings, holidayScheduleId, teamSettingsId } from '../domain/settings';
import type { JsonValue } from './message';
import { murmur3 } from './murmur3';
import { recordCells, sameValue, splitCellName, type Cells } from './record-cells';
import type { SyncFileEntry } from './sync-entries';
import { formatTimestamp, maxTimestampMillis, type Timestamp } from './timestamp';

/**
 * Records of version 0.1 carried no cell timestamps, only `updatedAt`: the data files it wrote
 * (format v2) and the database it kept. This module decides, for both, what of such a record its
 * user wrote — what the conversion may stamp as a change.
 */

type Row = Readonly<Record<string, unknown>> & { readonly id: string };

/** The records every computer seeds alike under the zero timestamp, as they are seeded. */
const seeds = new Map<string, Row>([
  ...defaultCatalog.map((entry): [string, Row] => [
    `catalogItems\u0000${entry.id}`,
    { ...entry, ...seedTimes, deleted: false },
  ]),
  [
    `settings\u0000${teamSettingsId}`,
    { ...defaultTeamSettings, id: teamSettingsId, ...seedTimes, deleted: false },
  ],
]);

const seedOf = (table: SyncedTable, id: string) => seeds.get(`${table}\u0000${id}`);

/**
 * The cells of a version 0.1 record that its user wrote. All of them, but for a seeded record
 * (a default catalog entry, the team settings): there only the cells holding neither today's seed
 * value nor a former one (formerDefaultNames) — 0.1 seeded the catalog with half-width brackets
 * and stamped the seeding time as `createdAt` and `updatedAt`. A value nobody edited must not
 * beat the seed every computer has, nor bring a former default back. Empty for an untouched seed.
 */
export function userCells(table: SyncedTable, row: Row): Cells {
  const cells = recordCells(table, row);
  const seedRow = seedOf(table, row.id);
  if (!seedRow) return cells;
  const seed = recordCells(table, seedRow);
  const former = table === 'catalogItems' ? formerDefaultNames[row.id] : undefined;
  const edited: Cells = new Map();
  for (const [cell, value] of cells) {
    if (cell === 'createdAt') continue;
    if (seed.has(cell) && sameValue(value, seed.get(cell))) continue;
    if (cell === 'name' && former !== undefined && value === former) continue;
    edited.set(cell, value);
  }
  return edited;
}

/**
 * A version 0.1 record as this version holds it: a seeded record takes today's seed values, and
 * the seed's times, in every field its user did not write (`user`, from `userCells`).
 */
export function currentRecord(table: SyncedTable, row: Row, user: Cells): Row {
  const seedRow = seedOf(table, row.id);
  if (!seedRow) return row;
  const written = new Set([...user.keys()].map((cell) => splitCellName(cell).field));
  const kept = Object.entries(row).filter(([field]) => written.has(field) || field === 'id');
  return {
    ...row,
    ...seedRow,
    ...Object.fromEntries(kept),
    ...(written.size > 0 ? { updatedAt: row.updatedAt } : {}),
  };
}

/** One record of a data file or an old database as the sync engine takes it. */
export function legacyRecord(table: SyncedTable, row: Row): Row {
  return table === 'holidaySchedules' ? { ...row, id: holidayScheduleId(row.year as number) } : row;
}

/** When a version 0.1 record last changed, as timestamp millis (0 when unreadable). */
export function legacyMillis(row: Row): number {
  const millis = Date.parse(String(row.updatedAt));
  return Number.isSafeInteger(millis) ? Math.min(Math.max(millis, 0), maxTimestampMillis) : 0;
}

/**
 * A v2 data file as messages: each record's cells that its user wrote (`userCells`), as one write
 * stamped with its last change time. Files people still have on their USB sticks import as
 * before and merge by time; default catalog entries nobody edited are left out.
 */
export function entriesFromDataFile(file: DataFile): SyncFileEntry[] {
  const entries: SyncFileEntry[] = [];
  for (const table of syncedTables) {
    for (const original of file.tables[table] as Row[]) {
      const row = legacyRecord(table, original);
      const values: Record<string, JsonValue> = {};
      for (const [cell, value] of userCells(table, row)) values[cell] = value;
      if (Object.keys(values).length === 0) continue;
      const ts = legacyTimestamp(table, row.id, legacyMillis(row), values);
      entries.push([table, row.id, [[ts, values]]]);
    }
  }
  return entries;
}

/**
 * A converted write's timestamp: its record's last change time on a node of its own that follows
 * from the write (table, record, values) and is reserved for converted records (`isLegacyNode`).
 * So every computer converting the same file makes the same writes, known as such when they meet;
 * and the writes of one millisecond, as 0.1 stamped a new project and its approval items, never
 * share a timestamp, which would make them one write.
 */
function legacyTimestamp(
  table: string,
  id: string,
  millis: number,
  values: Record<string, JsonValue>,
): Timestamp {
  const hash = murmur3(asciiJson([table, id, values])) >>> 0;
  // Eight zeros and a non-zero rest: a converted record's node, never the seed's.
  const node = (hash || 1).toString(16).padStart(16, '0');
  return formatTimestamp({ millis, counter: 0, node });
}

/** JSON with sorted object keys and non-ASCII characters escaped: murmur3 reads ASCII. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  ).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
