import {
  emptyTables,
  planTableImport,
  type DataFile,
  type ImportPlan,
} from '../../shared/exchange/data-file';
import { changedFields, type Actor, type ChangeRecord } from '../../shared/domain/change';
import { syncedTables, type SyncedTable, type TableRecords } from '../../shared/domain/records';
import type { DaibanDatabase } from './database';

type Stamped = { id: string; updatedAt: string };
type Row = Stamped & { deleted: boolean };

/** Exporting and importing data files, and restoring backups: whole tables, one transaction. */
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

  async function readAll(): Promise<TableRecords> {
    return db.transaction('r', tables, async () => {
      const all = emptyTables();
      for (const name of syncedTables) {
        (all as Record<SyncedTable, unknown[]>)[name] = await db.table(name).toArray();
      }
      return all;
    });
  }

  return {
    /** Every record of the team's tables, deleted ones included: deletions travel too. */
    readAll,

    preview: plan,

    /** When the oldest live project was created: how long this install has held data. */
    async oldestProjectAt(): Promise<string | undefined> {
      let oldest: string | undefined;
      await db.projects.each((project) => {
        if (!project.deleted && (!oldest || project.createdAt < oldest)) oldest = project.createdAt;
      });
      return oldest;
    },

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

    /**
     * Replaces the team's data with a backup's, exactly: records made since the backup go, the
     * backup's come back as they were. Each record that changes gets a 修改记录 entry saying it
     * was restored, by whom. One transaction: on any failure the database stays as it was.
     */
    async restore(backup: TableRecords, by: Actor, now: Date): Promise<number> {
      const at = now.toISOString();
      return db.transaction('rw', [...tables, db.changes], async () => {
        const log: ChangeRecord[] = [];
        for (const name of syncedTables) {
          const table = db.table<Row, string>(name);
          const before = new Map((await table.toArray()).map((row) => [row.id, row]));
          const after = backup[name] as readonly Row[];
          for (const row of after) {
            const old = before.get(row.id);
            before.delete(row.id);
            const fields = changedFields(old, row);
            if (Object.keys(fields).length === 0) continue;
            const op = !old || old.deleted ? 'create' : row.deleted ? 'delete' : 'update';
            log.push(entry(name, row.id, op, fields));
          }
          for (const gone of before.values()) {
            if (!gone.deleted) log.push(entry(name, gone.id, 'delete', { deleted: [false, true] }));
          }
          await table.clear();
          await table.bulkAdd([...after]);
        }
        await db.changes.bulkAdd(log);
        return log.length;
      });

      function entry(
        table: SyncedTable,
        recordId: string,
        op: ChangeRecord['op'],
        fields: ChangeRecord['fields'],
      ): ChangeRecord {
        return { id: crypto.randomUUID(), table, recordId, at, by, op, fields, via: 'restore' };
      }
    },
  };
}
