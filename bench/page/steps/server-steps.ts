import { DaibanDatabase } from '../../../renderer/db/database';
import { createServerSync } from '../../../renderer/db/server-sync';
import { createSyncEngine } from '../../../renderer/db/sync-engine';
import { seedDefaults } from '../../../renderer/db/seeds';
import { countRows } from '../../city-dataset';
import { freshDatabase, requireDataset, timed, type BenchStep } from '../step-registry';

/**
 * The team server from the app's side, in Chromium, with the app's own code (server-sync.ts):
 * the computer that imported the city file sends it to the server (set-up), then a new computer
 * joins and fills itself from the server — held against importing the same data by file.
 * The runner starts the server and passes its address and two join codes.
 */

const oursDatabase = 'bench-ours';
const fillDatabase = 'bench-server-fill';

function server(context: Parameters<BenchStep['run']>[0]) {
  const configured = context.options.syncServer;
  if (!configured) throw new Error('no sync server: the runner starts one for the server steps');
  return configured;
}

/** The computer holding the city (after our-first-import) joins and sends everything. */
export const serverUploadStep: BenchStep = {
  name: 'server-upload',
  title: 'the city computer joins the server and sends its log (set-up of server-fill)',
  async run(context) {
    const { url, codes } = server(context);
    const db = new DaibanDatabase(oursDatabase);
    await db.open();
    try {
      const sync = createServerSync(db, createSyncEngine(db), { timeoutMillis: 600_000 });
      await sync.join({ address: url, code: codes[0]!, deviceName: '办公室电脑' });
      const { value, seconds } = await timed(() => sync.round());
      return { seconds, rows: value.sent, details: { requests: value.requests } };
    } finally {
      db.close();
    }
  },
};

/** A new computer joins and fills itself with the city from the server: one round. */
export const serverFillStep: BenchStep = {
  name: 'server-fill',
  title: 'first fill of a new computer with the city from the server (join + round)',
  async run(context) {
    const dataset = requireDataset(context);
    const { url, codes } = server(context);
    const db = await freshDatabase(fillDatabase);
    try {
      await seedDefaults(db);
      const sync = createServerSync(db, createSyncEngine(db), { timeoutMillis: 600_000 });
      let pages = 0;
      const { value, seconds } = await timed(async () => {
        await sync.join({ address: url, code: codes[1]!, deviceName: '新电脑' });
        return sync.round(() => (pages += 1));
      });
      const projects = await db.projects.count();
      if (projects !== dataset.projects.length) {
        throw new Error(`filled ${projects} projects of ${dataset.projects.length}`);
      }
      return {
        seconds,
        rows: countRows(dataset),
        compareTo: 'our-first-import',
        details: { writes: value.received, requests: value.requests, pages },
      };
    } finally {
      db.close();
    }
  },
};
