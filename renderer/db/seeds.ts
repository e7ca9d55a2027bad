import {
  defaultCatalog,
  formerDefaultNames,
  seedTimes,
} from '../../shared/catalog/default-catalog';
import type { SyncedTable } from '../../shared/domain/records';
import { defaultTeamSettings, teamSettingsId } from '../../shared/domain/settings';
import type { CellClock } from '../../shared/sync/apply-rule';
import { recordCells } from '../../shared/sync/record-cells';
import { zeroTimestamp } from '../../shared/sync/timestamp';
import type { DaibanDatabase } from './database';
import { cellTimestamp, packClocks } from './row-clocks';

/**
 * The records every computer starts with: the default approval catalog and the team settings.
 * Written alike everywhere with the zero timestamp, so any edit anywhere beats them, and never
 * logged or sent, since every computer has them. Records this database ever had (deleted ones
 * included) are left as they are. Returns how many catalog entries were put in.
 */
export async function seedDefaults(db: DaibanDatabase): Promise<number> {
  return db.transaction('rw', db.catalogItems, db.settings, async () => {
    const known = new Set(await db.catalogItems.toCollection().primaryKeys());
    const missing = defaultCatalog.filter((entry) => !known.has(entry.id));
    await db.catalogItems.bulkAdd(missing.map((entry) => seeded('catalogItems', entry)));
    await renameUneditedDefaults(db);
    if (!(await db.settings.get(teamSettingsId))) {
      await db.settings.add(seeded('settings', { ...defaultTeamSettings, id: teamSettingsId }));
    }
    return missing.length;
  });
}

function seeded<Fields extends { id: string }>(table: SyncedTable, fields: Fields) {
  const row = { ...fields, ...seedTimes, deleted: false };
  const clocks: Record<string, CellClock> = {};
  for (const cell of recordCells(table, row).keys()) clocks[cell] = [zeroTimestamp, zeroTimestamp];
  return { ...row, _clocks: packClocks(clocks) };
}

/**
 * Default entries seeded under a former name (formerDefaultNames) take the current one while their
 * name is still the seed's — same text, zero timestamp — so an entry a user renamed keeps the
 * user's name. Like the seed, the new name has the zero timestamp and is not logged: every computer
 * does the same, and any edit anywhere still beats it.
 */
async function renameUneditedDefaults(db: DaibanDatabase) {
  const ids = Object.keys(formerDefaultNames);
  const rows = await db.catalogItems.bulkGet(ids);
  for (const row of rows) {
    if (!row || row.name !== formerDefaultNames[row.id]) continue;
    const entry = defaultCatalog.find((candidate) => candidate.id === row.id);
    const ts = cellTimestamp(row._clocks, 'name');
    if (entry && ts === zeroTimestamp) await db.catalogItems.update(row.id, { name: entry.name });
  }
}
