import { Dexie } from 'dexie';
import { syncedTables } from '../../../shared/domain/records';
import { DaibanDatabase } from '../../../renderer/db/database';
import { storesBeforeDerivedRows } from '../../../renderer/db/derived-rows';
import { countRows } from '../../city-dataset';
import { requireDataset, timed, type BenchStep } from '../step-registry';

const upgradedDatabase = 'bench-v5';

/**
 * The one-time upgrade to database version 6 (renderer/db/derived-rows.ts) of a city's database, as
 * the first start after the update runs it (the window shows 正在打开本机数据… meanwhile): the item
 * packs built from every approval item, and the handling steps, missing items and problems marked.
 * The version 5 database is the app's own schema without the derived stores and indexes, holding
 * the dataset's rows as they are (a user's rows also carry their cell clocks, which the upgrade
 * copies along).
 */
export const upgradeV6Step: BenchStep = {
  name: 'upgrade-v6',
  title: 'the upgrade of a city database to version 6 (item packs, marks)',
  async run(context) {
    const dataset = requireDataset(context);
    await Dexie.delete(upgradedDatabase);
    const schema = new DaibanDatabase(`${upgradedDatabase}-schema`);
    await schema.open();
    const stores = storesBeforeDerivedRows(schema);
    await schema.delete();
    const old = new Dexie(upgradedDatabase);
    old.version(5).stores(stores);
    await old.open();
    await old.transaction('rw', syncedTables, async () => {
      for (const table of syncedTables) await old.table(table).bulkPut(dataset[table]);
    });
    old.close();

    const db = new DaibanDatabase(upgradedDatabase);
    try {
      const { seconds } = await timed(() => db.open());
      // Not timed: the upgrade did its work.
      const packs = await db.itemPacks.count();
      const marked = await db.handlingSteps.where('_attention').equals(1).count();
      if (packs === 0 || marked === 0) throw new Error('the upgrade left no packs or marks');
      return { seconds, rows: countRows(dataset), details: { packs, markedSteps: marked } };
    } finally {
      await db.delete();
    }
  },
};
