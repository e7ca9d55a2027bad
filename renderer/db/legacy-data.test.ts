import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCatalog, formerDefaultNames } from '../../shared/catalog/default-catalog';
import { teamSettingsId } from '../../shared/domain/settings';
import v01Text from '../../shared/sync/fixtures/v0.1-data-file.json?raw';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import { parseTimestamp, zeroTimestamp } from '../../shared/sync/timestamp';
import { DaibanDatabase, storesV2 } from './database';
import { createSyncEngine } from './sync-engine';
import { createReplica } from './test-replica';
import { cellTimestamp } from './row-clocks';

/** A data file 0.1.0 wrote (shared/sync/fixtures/v0.1-data-file.md): one catalog entry edited. */
const v01 = JSON.parse(v01Text) as { tables: Record<string, { id: string }[]> };
const editedId = 'fbd21e05-333a-462f-be1d-c074826f09b9';
const editedAt = '2026-11-03T02:40:11.907Z';

/** An entry's one write: a converted record is one write. */
const write = (entry: SyncFileEntry) => entry[2][0]!;

const databases: Dexie[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** Every default entry holds today's default but the edited one's two edited fields. */
async function expectCatalogChangedOnlyWhereEdited(db: DaibanDatabase) {
  for (const entry of defaultCatalog) {
    const stored = await db.catalogItems.get(entry.id);
    const { id: _id, ...fields } = entry;
    if (entry.id !== editedId) {
      expect(stored).toMatchObject(fields);
      expect(cellTimestamp(stored?._clocks, 'name')).toBe(zeroTimestamp);
      continue;
    }
    expect(stored).toMatchObject({
      ...fields,
      timeLimit: { days: 15, unit: 'working' },
      limitNote: '本区承诺 15 个工作日',
    });
    // Full-width, as today's default, and still the seed's: an edit anywhere beats it.
    expect(stored?.name).toBe('企业投资项目核准（目录内项目）');
    expect(cellTimestamp(stored?._clocks, 'name')).toBe(zeroTimestamp);
    expect(cellTimestamp(stored?._clocks, 'timeLimit')?.slice(0, 24)).toBe(editedAt);
  }
}

describe('a real v0.1 data file imported into a fresh install', () => {
  it('changes only what its user edited', async () => {
    const site = createReplica();
    databases.push(site.db);
    await site.repos.saveActor({ name: '李四', unit: '区审批局' });
    await site.repos.seedCatalog();
    const read = await site.files.read(v01Text);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));

    const preview = await site.files.preview(read.file);
    if (!preview.ok) throw new Error(JSON.stringify(preview.problem));
    expect(preview.summary.tables.catalogItems).toEqual({ created: 0, updated: 1, deleted: 0 });
    expect(preview.summary.tables.approvalItems.created).toBe(v01.tables.approvalItems!.length);
    expect(preview.summary.tables.projects.created).toBe(2);

    const imported = await site.files.import(read.file, 'v0.1.json', '李四');
    expect(imported.ok).toBe(true);
    await expectCatalogChangedOnlyWhereEdited(site.db);
    expect((await site.db.settings.get(teamSettingsId))?.warnWithinWorkingDays).toBe(5);
    expect(await site.db.approvalItems.count()).toBe(v01.tables.approvalItems!.length);

    // The same file again, on this or any computer, is the same writes: known, no collision.
    const again = await site.files.read(v01Text);
    if (!again.ok) throw new Error(JSON.stringify(again.problem));
    const second = await site.files.import(again.file, 'v0.1 副本.json', '李四');
    expect(second.ok && second.summary.newMessages).toBe(0);
  });
});

describe('a v0.1 database upgraded to per-field sync', () => {
  it('stamps only what its user edited, each write with its own timestamp', async () => {
    // The rows 0.1.0 held: its data file is every row of its tables (readAll).
    const name = `v01-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ projects: 'id, updatedAt' });
    v2.version(2).stores(storesV2);
    for (const [table, rows] of Object.entries(v01.tables)) await v2.table(table).bulkAdd(rows);
    v2.close();

    const db = new DaibanDatabase(name);
    databases.push(db);
    await expectCatalogChangedOnlyWhereEdited(db);
    for (const id of Object.keys(formerDefaultNames)) {
      expect((await db.catalogItems.get(id))?.createdAt).toBe('1970-01-01T00:00:00.000Z');
    }

    const { entries } = await createSyncEngine(db).logEntries();
    const catalog = entries.filter(([table]) => table === 'catalogItems');
    expect(catalog.map((entry) => [entry[1], write(entry)[1]])).toEqual([
      [editedId, { timeLimit: { days: 15, unit: 'working' }, limitNote: '本区承诺 15 个工作日' }],
    ]);
    const settings = entries.filter(([table]) => table === 'settings');
    expect(settings.map((entry) => write(entry)[1])).toEqual([{ warnWithinWorkingDays: 5 }]);
    // A project and its approval items, stamped with one time by 0.1: a counter each.
    const stamps = entries.flatMap(([, , changes]) => changes.map(([ts]) => ts));
    expect(stamps).toHaveLength(entries.length);
    expect(new Set(stamps).size).toBe(stamps.length);
    const items = entries.filter(([table]) => table === 'approvalItems');
    const counters = items.map((entry) => parseTimestamp(write(entry)[0]).counter);
    expect(new Set(counters).size).toBe(items.length);
    // Later writes of this computer come after all of them.
    const clock = (await db.device.get('clock'))?.value as { millis: number; counter: number };
    const newest = stamps
      .map(parseTimestamp)
      .sort((a, b) => a.millis - b.millis || a.counter - b.counter)
      .at(-1);
    expect(clock).toEqual({ millis: newest?.millis, counter: newest?.counter });
  });
});
