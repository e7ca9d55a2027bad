import { syncedTables, type TableRecords } from '../shared/domain/records';
import type { JsonValue } from '../shared/sync/message';
import { recordCells } from '../shared/sync/record-cells';
import type { SyncFileEntry } from '../shared/sync/sync-entries';
import { createSyncFileFromEntries } from '../shared/sync/sync-file';
import { formatTimestamp } from '../shared/sync/timestamp';

/**
 * The city dataset as a sync file: what a new computer of a city-scale team imports. Pure
 * TypeScript, so the bench page builds it in Chromium and the e2e suite under Node (to seed the
 * app through its own import, as a user would).
 */

export const cityTeamId = '3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e';

/** The team's computers: 60 devices, one per helper-agent, each with its own node id. */
export const cityNodes = Array.from({ length: 60 }, (_, index) =>
  (0x1000000000000000 + index * 7919).toString(16),
);

/**
 * Every record's fields as one write of one of 60 computers at its last change time (the default
 * catalog aside: every computer seeds it).
 */
export function cityEntries(dataset: TableRecords): SyncFileEntry[] {
  const entries: SyncFileEntry[] = [];
  let index = 0;
  for (const table of syncedTables) {
    if (table === 'catalogItems') continue;
    for (const row of dataset[table] as unknown as Record<string, unknown>[]) {
      index += 1;
      const ts = formatTimestamp({
        millis: Date.parse(String(row.updatedAt)),
        counter: index % 0xffff,
        node: cityNodes[index % cityNodes.length]!,
      });
      const values: Record<string, JsonValue> = {};
      for (const [cell, value] of recordCells(table, row)) values[cell] = value;
      entries.push([table, String(row.id), [[ts, values]]]);
    }
  }
  return entries;
}

/** The file another computer of the team sends with the whole dataset. */
export function citySyncFile(entries: readonly SyncFileEntry[], createdAt: Date): Promise<string> {
  return createSyncFileFromEntries(
    {
      team: { id: cityTeamId, name: '市帮办代办团队' },
      producer: { node: cityNodes[0]!, name: '办公室电脑' },
      createdAt: createdAt.toISOString(),
      appVersion: '0.2.0',
      minAppVersion: '0.2.0',
    },
    entries,
  );
}
