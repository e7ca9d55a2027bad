import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { emptyProjectInput, type ProjectInput } from '../shared/domain/project';
import { packMinuteHashes } from '../shared/sync/merkle';
import {
  createServerSync,
  ServerSyncError,
  type ServerSync,
  type SyncFailure,
} from '../renderer/db/server-sync';
import { createReplica, type Replica } from '../renderer/db/test-replica';
import { createAdmin } from '../server/admin';
import { buildServer } from '../server/app';
import { openTestStorage, type storageKinds, type TestStorage } from '../server/test-storages';

/**
 * Computers (renderer/db, on fake-indexeddb) and the real sync server on loopback, over HTTP,
 * for the integration tests. Here because it crosses layers: renderer/ and server/ may not
 * import each other, a test of both together may.
 */

export const input = (name: string): ProjectInput => ({
  ...emptyProjectInput(),
  name,
  ownerCompany: '某某有限公司',
});

/** A computer with its server sync; `requests` lists what it sent (address and body start). */
export type Computer = Replica & { server: ServerSync; requests: string[] };

/**
 * Registers the server's start and stop with the enclosing `describe` and gives its team and
 * computers; the computers' databases are deleted after each test.
 */
export function serverTeam(kind: (typeof storageKinds)[number]) {
  let app: FastifyInstance;
  const computers: Computer[] = [];
  const team = {
    store: undefined as unknown as TestStorage,
    address: '',
    teamId: '',
    admin: () => createAdmin(team.store.storage),

    newTeam: async (name: string) => {
      team.teamId = (
        await team.admin().createTeam(`${name} ${crypto.randomUUID().slice(0, 6)}`)
      ).id;
      return team.teamId;
    },

    /** A computer with its user and catalog, not joined yet; its requests are counted. */
    computer: async (user: string, minute = 0): Promise<Computer> => {
      const replica = createReplica(
        undefined,
        new Date(Date.UTC(2026, 10, 29, 8, minute)).toISOString(),
      );
      await replica.repos.saveActor({ name: user, unit: '某镇' });
      await replica.repos.seedCatalog();
      const requests: string[] = [];
      const server = createServerSync(replica.db, replica.engine, {
        fetch: (url, init) => {
          requests.push(
            `${url as string} ${typeof init?.body === 'string' ? init.body.slice(0, 80) : ''}`,
          );
          return fetch(url, init);
        },
      });
      const made = Object.assign(replica, { server, requests });
      computers.push(made);
      return made;
    },

    join: async (at: Computer, name: string, passphrase?: string) => {
      const { code } = await team.admin().addDevice(team.teamId, name);
      return at.server.join({
        address: team.address,
        code,
        deviceName: name,
        ...(passphrase ? { passphrase } : {}),
      });
    },
  };

  beforeAll(async () => {
    team.store = await openTestStorage(kind);
    app = await buildServer({
      storage: team.store.storage,
      version: 'test',
      limits: {
        device: { burst: 10_000, perMinute: 100_000 },
        address: { burst: 100, perMinute: 1_000 },
      },
      page: { writes: 40, bytes: 64_000 },
      now: () => new Date('2026-11-30T00:00:00Z'),
    });
    team.address = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await team.store.dispose();
  });

  afterEach(async () => {
    for (const computer of computers.splice(0)) await computer.db.delete();
  });

  return team;
}

/** The failure a sync call ended in; the test fails when it did not fail. */
export async function failure(work: Promise<unknown>): Promise<SyncFailure> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ServerSyncError) return error.failure;
    throw error;
  }
  throw new Error('expected a ServerSyncError');
}

/** The computers hold the same data and the same sync hashes. */
export async function expectConverged(...all: Computer[]) {
  const dumps = await Promise.all(all.map((one) => one.files.readAll()));
  for (const dump of dumps.slice(1)) expect(dump).toEqual(dumps[0]);
  const tries = await Promise.all(
    all.map(async (one) => {
      const packed = packMinuteHashes((await one.engine.minuteHashes()).hashes);
      return [Array.from(packed.minutes), Array.from(packed.hashes)];
    }),
  );
  for (const trie of tries.slice(1)) expect(trie).toEqual(tries[0]);
}
