import { DaibanDatabase } from './database';
import { createRepositories } from './repositories';
import { createSyncEngine } from './sync-engine';
import { createSyncFiles } from './sync-files';

/**
 * One computer for tests: its own IndexedDB (fake-indexeddb under Node), sync engine, repositories
 * and sync files, with a clock the test moves. Several replicas live in one process.
 */
export function createReplica(
  name = `replica-${crypto.randomUUID()}`,
  start = '2026-11-29T08:00:00.000Z',
) {
  const clock = { now: new Date(start) };
  const now = () => clock.now;
  const db = new DaibanDatabase(name);
  const engine = createSyncEngine(db, now);
  const repos = createRepositories(db, engine, now);
  const files = createSyncFiles(db, engine, '0.2.0');
  let latest = db;
  return {
    db,
    engine,
    repos,
    files,
    clock,
    /** Moves this computer's clock on. */
    advance(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
    /** Closes and reopens the database, as quitting and starting the app does. */
    async reopen() {
      latest.close();
      const reopened = createReplicaOn(name, clock);
      latest = reopened.db;
      await reopened.repos.loadActor();
      return reopened;
    },
  };
}

function createReplicaOn(name: string, clock: { now: Date }) {
  const now = () => clock.now;
  const db = new DaibanDatabase(name);
  const engine = createSyncEngine(db, now);
  return {
    db,
    engine,
    repos: createRepositories(db, engine, now),
    files: createSyncFiles(db, engine, '0.2.0'),
    clock,
  };
}

export type Replica = ReturnType<typeof createReplica>;

/**
 * Computers of one team for a test, each set up as a user would at first start; `cleanUp` in an
 * afterEach deletes their databases.
 */
export function createTeam() {
  const replicas: Replica[] = [];
  return {
    async computer(name: string, unit = '某某镇人民政府') {
      const replica = createReplica();
      replicas.push(replica);
      await replica.repos.saveActor({ name, unit });
      await replica.repos.seedCatalog();
      return replica;
    },
    async cleanUp() {
      for (const replica of replicas.splice(0)) await replica.db.delete();
    },
  };
}

/** Carries everything new from one computer to another by sync file, as a USB stick does. */
export async function carry(from: Replica, to: Replica, destination = 'stick') {
  const actor = await from.repos.loadActor();
  const file = await from.files.exportFile({ destination, producerName: actor?.name ?? '' });
  await from.files.markExported(destination, file.seq, {
    at: '',
    by: '',
    direction: 'export',
    file: 'f.json',
    destination,
    messages: file.messages,
    rows: file.rows,
    applied: 0,
    conflicts: 0,
  });
  const read = await to.files.read(file.text);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  const result = await to.files.import(read.file, 'f.json', 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.summary;
}
