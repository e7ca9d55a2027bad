import {
  emptyTables,
  planTableImport,
  type DataFile,
  type ImportPlan,
} from '../../shared/exchange/data-file';
import { syncedTables, type SyncedTable, type TableRecords } from '../../shared/domain/records';
import type { DaibanDatabase } from './database';

type Stamped = { id: string; updatedAt: string };

/** Exporting and importing data files: whole tables, all in one transaction. */
export function createDataFileIo(db: DaibanDatabase) {
  const tables = syncedTables.map((name) => db.table(name));

  async function plan(file: DataFile): Promise<ImportPlan> {
    const entries = await Promise.all(
      syncedTables.map(async (name: SyncedTable) => {
        const local = await db.table<{ id: string; updatedAt: string }, string>(name).toArray();
        const byId = new Map(local.map((row) => [row.id, row]));
        return [name, planTableImport(byId, file.tables[name] as readonly Stamped[])] as const;
      }),
    );
    return Object.fromEntries(entries) as unknown as ImportPlan;
  }

  return {
    /** Every record of the team's tables, deleted ones included: deletions travel too. */
    async readAll(): Promise<TableRecords> {
      return db.transaction('r', tables, async () => {
        const all = emptyTables();
        for (const name of syncedTables) {
          (all as Record<SyncedTable, unknown[]>)[name] = await db.table(name).toArray();
        }
        return all;
      });
    },

    preview: plan,

    /** Applies a validated file: all of it or, on any failure, none of it. */
    async importFile(file: DataFile): Promise<ImportPlan> {
      return db.transaction('rw', tables, async () => {
        const decided = await plan(file);
        for (const name of syncedTables) {
          const { added, updated } = decided[name];
          await db.table(name).bulkPut([...added, ...updated]);
        }
        return decided;
      });
    },
  };
}
