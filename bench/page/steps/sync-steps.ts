import { Dexie } from 'dexie';
import { syncedTables, type SyncedTable } from '../../../shared/domain/records';
import type { SyncFileEntry } from '../../../shared/sync/sync-entries';
import { createSyncFileFromEntries } from '../../../shared/sync/sync-file';
import { formatTimestamp, type Timestamp } from '../../../shared/sync/timestamp';
import { DaibanDatabase } from '../../../renderer/db/database';
import { seedDefaults } from '../../../renderer/db/seeds';
import { createSyncEngine } from '../../../renderer/db/sync-engine';
import { createSyncFiles } from '../../../renderer/db/sync-files';
import { countRows } from '../../city-dataset';
import { cityEntries, cityNodes, citySyncFile, cityTeamId } from '../../city-sync-file';
import {
  freshDatabase,
  requireDataset,
  requireKept,
  timed,
  type BenchStep,
} from '../step-registry';

export const oursDatabase = 'bench-ours';
const finalRawDatabase = 'bench-raw-final';
const cityFile = 'city-sync-file';
const teamId = cityTeamId;
const nodes = cityNodes;

async function ourDatabase(name: string, fresh: boolean) {
  const db = fresh ? await freshDatabase(name) : new DaibanDatabase(name);
  await db.open();
  const engine = createSyncEngine(db);
  const files = createSyncFiles(db, engine, '0.2.0');
  if (fresh) {
    await seedDefaults(db);
    await db.device.put({ key: 'team', value: { id: teamId } });
  }
  return { db, engine, files };
}

/** Reads and applies a file as the app's import does (the worker runs the same two calls). */
async function importText(files: ReturnType<typeof createSyncFiles>, text: string) {
  const read = await files.read(text);
  if (!read.ok) throw new Error(`file refused: ${JSON.stringify(read.problem)}`);
  const result = await files.import(read.file, 'bench.json', 'bench');
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.problem)}`);
  return result.summary;
}

async function gzipBytes(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** The city file another computer sends: built untimed; its size is what a USB stick carries. */
export const citySyncFileStep: BenchStep = {
  name: 'city-sync-file',
  title: 'sync file of the city dataset (createSyncFile)',
  async run(context) {
    const dataset = requireDataset(context);
    const entries = cityEntries(dataset);
    const { value: text, seconds } = await timed(() => citySyncFile(entries, new Date()));
    context.kept.set(cityFile, text);
    const bytes = new TextEncoder().encode(text).byteLength;
    return {
      seconds,
      rows: entries.length,
      bytes,
      compareTo: 'json-dump',
      details: { gzipBytes: await gzipBytes(text) },
    };
  },
};

/** A new computer imports the whole city: read, check, apply, in one transaction. */
export const ourFirstImportStep: BenchStep = {
  name: 'our-first-import',
  title: 'our first import of the city file (read + apply)',
  async run(context) {
    const dataset = requireDataset(context);
    const text = requireKept<string>(context, cityFile, 'city-sync-file');
    const { db, files } = await ourDatabase(oursDatabase, true);
    try {
      const read = await timed(() => files.read(text));
      if (!read.value.ok) throw new Error(JSON.stringify(read.value.problem));
      const file = read.value.file;
      const apply = await timed(() => files.import(file, 'city.json', 'bench'));
      if (!apply.value.ok) throw new Error(JSON.stringify(apply.value.problem));
      const live = await db.projects.count();
      return {
        seconds: read.seconds + apply.seconds,
        rows: countRows(dataset),
        compareTo: 'raw-bulk-put',
        details: { readSeconds: read.seconds, applySeconds: apply.seconds, projects: live },
      };
    } finally {
      db.close();
    }
  },
};

/** The ceiling for that import: Dexie bulkPut of exactly the rows our import stored. */
export const rawBulkPutFinalStep: BenchStep = {
  name: 'raw-bulk-put-final',
  title: 'raw Dexie bulkPut of the rows our import stored',
  async run() {
    const ours = new DaibanDatabase(oursDatabase);
    const rows: Partial<Record<SyncedTable, unknown[]>> = {};
    let count = 0;
    for (const table of syncedTables) {
      rows[table] = await ours.table(table).toArray();
      count += rows[table].length;
    }
    ours.close();
    const db = await freshDatabase(finalRawDatabase);
    try {
      const { seconds } = await timed(() =>
        db.transaction(
          'rw',
          syncedTables.map((table) => db.table(table)),
          async () => {
            for (const table of syncedTables) await db.table(table).bulkPut(rows[table]!);
          },
        ),
      );
      return { seconds, rows: count };
    } finally {
      db.close();
      await Dexie.delete(finalRawDatabase);
    }
  },
};

/** The same file again, as the app meets it: known from its header, nothing read or written. */
export const reImportStep: BenchStep = {
  name: 're-import',
  title: 're-import of the same city file',
  async run(context) {
    const text = requireKept<string>(context, cityFile, 'city-sync-file');
    const { db, files } = await ourDatabase(oursDatabase, false);
    try {
      const { value: read, seconds } = await timed(() => files.read(text));
      if (read.ok || read.problem.reason !== 'reasonAlreadyImported') {
        throw new Error(
          `expected the file to be known: ${JSON.stringify(read.ok || read.problem)}`,
        );
      }
      return { seconds, compareTo: 'our-first-import' };
    } finally {
      db.close();
    }
  },
};

/**
 * The same changes in a file not seen before (say, re-exported elsewhere): read and checked
 * whole, every change dropped as known, nothing written.
 */
export const reImportUnseenStep: BenchStep = {
  name: 're-import-unseen',
  title: 're-import of the same changes from an unseen file',
  async run(context) {
    const text = requireKept<string>(context, cityFile, 'city-sync-file');
    const { db, files } = await ourDatabase(oursDatabase, false);
    try {
      await db.device.delete('appliedFiles'); // not timed: forget that this file was applied
      const { value: summary, seconds } = await timed(() => importText(files, text));
      if (summary.newMessages !== 0) throw new Error('re-import applied something');
      return { seconds, compareTo: 'our-first-import', details: { known: summary.known } };
    } finally {
      db.close();
    }
  },
};

/** A colleague's day of work: 100 changed fields across the city database, in one file. */
export const incrementalStep: BenchStep = {
  name: 'incremental-100',
  title: 'incremental file of 100 changes into the full database',
  async run(context) {
    const dataset = requireDataset(context);
    const { db, files } = await ourDatabase(oursDatabase, false);
    try {
      const later = Date.now() - 60_000;
      const entries: SyncFileEntry[] = dataset.approvalItems.slice(0, 100).map((item, index) => {
        const ts: Timestamp = formatTimestamp({ millis: later, counter: index, node: nodes[1]! });
        return ['approvalItems', item.id, [[ts, { notes: `第 ${index} 次补充说明` }]]];
      });
      const text = await createSyncFileFromEntries(
        {
          team: { id: teamId, name: '市帮办代办团队' },
          producer: { node: nodes[1]!, name: '现场电脑' },
          createdAt: new Date().toISOString(),
          appVersion: '0.2.0',
          minAppVersion: '0.2.0',
        },
        entries,
      );
      const { value: summary, seconds } = await timed(() => importText(files, text));
      return { seconds, rows: 100, details: { updated: summary.tables.approvalItems.updated } };
    } finally {
      db.close();
    }
  },
};

/** Our full export of the city database (what a backup writes): time and size. */
export const ourExportStep: BenchStep = {
  name: 'our-export',
  title: 'our export of the whole city database',
  async run() {
    const { db, files } = await ourDatabase(oursDatabase, false);
    try {
      const { value, seconds } = await timed(() =>
        files.exportFile({ destination: null, producerName: 'bench' }),
      );
      return {
        seconds,
        rows: value.rows,
        bytes: new TextEncoder().encode(value.text).byteLength,
        compareTo: 'json-dump',
        details: { messages: value.messages, gzipBytes: await gzipBytes(value.text) },
      };
    } finally {
      db.close();
    }
  },
};
