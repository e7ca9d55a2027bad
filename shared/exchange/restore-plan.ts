import { syncedTables, type SyncedTable, type TableRecords } from '../domain/records';
import { sameValue } from '../sync/record-cells';

type Row = { id: string; deleted: boolean };

/** What restoring a backup does to one kind of record, counted in records the user can see. */
export type TableRestorePlan = {
  /** Live records now and in the backup. */
  current: number;
  backup: number;
  /** Records the backup brings back: missing now, or deleted since. */
  restored: number;
  /** Records whose content differs between now and the backup. */
  changed: number;
  /** Records made since the backup (or deleted in it): gone after the restore. */
  removed: number;
};

export type RestorePlan = { [T in SyncedTable]: TableRestorePlan };

export function countLiveRecords(tables: TableRecords): Record<SyncedTable, number> {
  return Object.fromEntries(
    syncedTables.map((table) => [
      table,
      (tables[table] as readonly Row[]).filter((row) => !row.deleted).length,
    ]),
  ) as Record<SyncedTable, number>;
}

/**
 * Compares the database with a backup, record by record. A restore replaces the database with the
 * backup exactly, so everything is counted from the point of view of live (not deleted) records.
 */
export function planRestore(current: TableRecords, backup: TableRecords): RestorePlan {
  const plan = {} as RestorePlan;
  for (const table of syncedTables) {
    const now = new Map((current[table] as readonly Row[]).map((row) => [row.id, row]));
    const then = new Map((backup[table] as readonly Row[]).map((row) => [row.id, row]));
    const counts: TableRestorePlan = {
      current: 0,
      backup: 0,
      restored: 0,
      changed: 0,
      removed: 0,
    };
    for (const row of now.values()) {
      if (row.deleted) continue;
      counts.current += 1;
      const old = then.get(row.id);
      if (!old || old.deleted) counts.removed += 1;
      else if (!sameValue(old, row)) counts.changed += 1;
    }
    for (const row of then.values()) {
      if (row.deleted) continue;
      counts.backup += 1;
      const present = now.get(row.id);
      if (!present || present.deleted) counts.restored += 1;
    }
    plan[table] = counts;
  }
  return plan;
}

/** True when restoring would change nothing the user can see. */
export function restoreChangesNothing(plan: RestorePlan): boolean {
  return syncedTables.every(
    (table) => plan[table].restored + plan[table].changed + plan[table].removed === 0,
  );
}
