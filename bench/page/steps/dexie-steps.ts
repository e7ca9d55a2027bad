import { exportDB, importInto } from 'dexie-export-import';
import { syncedTables, type TableRecords } from '../../../shared/domain/records';
import { DaibanDatabase } from '../../../renderer/db/database';
import { countRows } from '../../city-dataset';
import {
  freshDatabase,
  requireDataset,
  requireKept,
  timed,
  type BenchStep,
} from '../step-registry';

const rawDatabase = 'bench-raw';
const peerDatabase = 'bench-peer';
const peerFile = 'peer-export-file';

/** bulkPut of every row, one read-write transaction over all tables, table by table. */
async function putAll(db: DaibanDatabase, dataset: TableRecords): Promise<void> {
  const tables = syncedTables.map((table) => db.table(table));
  await db.transaction('rw', tables, async () => {
    for (const table of syncedTables) await db.table(table).bulkPut(dataset[table]);
  });
}

/**
 * The ceiling any import can approach: Dexie bulkPut of every row into the app's own schema
 * (renderer/db/database.ts) in one transaction.
 */
export const rawBulkPutStep: BenchStep = {
  name: 'raw-bulk-put',
  title: 'raw Dexie bulkPut, one transaction',
  async run(context) {
    const dataset = requireDataset(context);
    const db = await freshDatabase(rawDatabase);
    try {
      const { seconds } = await timed(() => putAll(db, dataset));
      return { seconds, rows: countRows(dataset) };
    } finally {
      db.close();
    }
  },
};

/**
 * The database the raw step filled, holding the dataset's rows as they are (no sync metadata):
 * later steps read it. Filled here, untimed, when the raw step did not run (or ran on another
 * dataset).
 */
export async function rawDatabaseOf(dataset: TableRecords): Promise<DaibanDatabase> {
  const db = new DaibanDatabase(rawDatabase);
  const counts = await Promise.all(syncedTables.map((table) => db.table(table).count()));
  if (syncedTables.every((table, index) => counts[index] === dataset[table].length)) return db;
  db.close();
  const filled = await freshDatabase(rawDatabase);
  await putAll(filled, dataset);
  return filled;
}

/** dexie-export-import's exportDB of the database the raw step filled: the peer's file. */
export const peerExportStep: BenchStep = {
  name: 'peer-export',
  title: 'dexie-export-import exportDB',
  async run(context) {
    const dataset = requireDataset(context);
    const db = await rawDatabaseOf(dataset);
    try {
      const { value: file, seconds } = await timed(() => exportDB(db));
      context.kept.set(peerFile, file);
      return { seconds, rows: countRows(dataset), bytes: file.size };
    } finally {
      db.close();
    }
  },
};

/** The peer's import: importInto a fresh database of the same schema, held against the raw put. */
export const peerImportStep: BenchStep = {
  name: 'peer-import',
  title: 'dexie-export-import importInto',
  async run(context) {
    const dataset = requireDataset(context);
    const file = requireKept<Blob>(context, peerFile, 'peer-export');
    const db = await freshDatabase(peerDatabase);
    try {
      const { seconds } = await timed(() => importInto(db, file, { acceptNameDiff: true }));
      // Not timed: everything arrived.
      for (const table of syncedTables) {
        const stored = await db.table(table).count();
        if (stored !== dataset[table].length) {
          throw new Error(
            `${table}: ${stored} rows after importInto, ${dataset[table].length} expected`,
          );
        }
      }
      return {
        seconds,
        rows: countRows(dataset),
        bytes: file.size,
        compareTo: rawBulkPutStep.name,
      };
    } finally {
      db.close();
      context.kept.delete(peerFile);
    }
  },
};
