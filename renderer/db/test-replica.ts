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
