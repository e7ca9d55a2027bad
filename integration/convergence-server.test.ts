import 'fake-indexeddb/auto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProjectInput, projectLevels } from '../shared/domain/project';
import { materialize } from '../shared/sync/materialize';
import { packMinuteHashes } from '../shared/sync/merkle';
import { RecordNotFoundError } from '../renderer/db/record-repository';
import { createServerSync, ServerSyncError, type ServerSync } from '../renderer/db/server-sync';
import { createReplica, type Replica } from '../renderer/db/test-replica';
import { createAdmin } from '../server/admin';
import { buildServer } from '../server/app';
import { openTestStorage, type TestStorage } from '../server/test-storages';

/**
 * The convergence property of renderer/db/convergence.test.ts with the sync server in the loop:
 * four computers edit at random (the same field, one set, deletes), go offline and back, carry
 * sync files to each other beside the server, reopen their databases, and sync with a server
 * that is itself restarted (its tries rebuilt from storage) at random. Once everyone is online
 * and has done its rounds, every computer holds the same records and merkle hashes, and they
 * are what the log says. `SYNC_PROPERTY_RUNS` scales the seeds (a tenth of it here).
 */

const computers = 4;
const runs = Math.max(10, Math.round(Number(process.env.SYNC_PROPERTY_RUNS ?? 200) / 10));

type Op =
  | { kind: 'create'; at: number; name: string }
  | { kind: 'edit'; at: number; project: number; field: 'leaderInCharge' | 'notes'; value: string }
  | { kind: 'level'; at: number; project: number; level: (typeof projectLevels)[number] }
  | { kind: 'agent'; at: number; project: number; agent: number; add: boolean }
  | { kind: 'delete'; at: number; project: number }
  | { kind: 'round'; at: number }
  | { kind: 'network'; at: number; online: boolean }
  | { kind: 'file'; from: number; to: number }
  | { kind: 'reopen'; at: number }
  | { kind: 'restartServer' }
  | { kind: 'tick'; at: number; minutes: number };

const computer = fc.integer({ min: 0, max: computers - 1 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    at: computer,
    name: fc.constantFrom('产业园', '物流中心'),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    at: computer,
    project: fc.nat(),
    field: fc.constantFrom('leaderInCharge' as const, 'notes' as const),
    value: fc.constantFrom('甲', '乙', '丙', ''),
  }),
  fc.record({
    kind: fc.constant('level' as const),
    at: computer,
    project: fc.nat(),
    level: fc.constantFrom(...projectLevels),
  }),
  fc.record({
    kind: fc.constant('agent' as const),
    at: computer,
    project: fc.nat(),
    agent: fc.nat({ max: 1 }),
    add: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: computer, project: fc.nat() }),
  fc.record({ kind: fc.constant('round' as const), at: computer }),
  fc.record({ kind: fc.constant('round' as const), at: computer }),
  fc.record({ kind: fc.constant('network' as const), at: computer, online: fc.boolean() }),
  fc.record({ kind: fc.constant('file' as const), from: computer, to: computer }),
  fc.record({ kind: fc.constant('reopen' as const), at: computer }),
  fc.record({ kind: fc.constant('restartServer' as const) }),
  fc.record({
    kind: fc.constant('tick' as const),
    at: computer,
    minutes: fc.integer({ min: -30, max: 120 }),
  }),
);

/**
 * fetch as a browser's network stack does it: a request that fails on a kept-alive connection the
 * server had closed (here, a restart in this process) goes again on a new one — Chromium resends
 * one that failed on a reused connection before any answer. Node's fetch surfaces it instead.
 */
async function fetchAsBrowser(url: string | URL | Request, init?: RequestInit) {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  }
}

describe('sync convergence with the server in the loop', () => {
  let store: TestStorage;
  let app: FastifyInstance;
  let port = 0;

  async function startServer() {
    app = await buildServer({
      storage: store.storage,
      version: 'test',
      limits: {
        device: { burst: 100_000, perMinute: 1_000_000 },
        address: { burst: 1_000, perMinute: 100_000 },
      },
      page: { writes: 7, bytes: 4_000 },
      now: () => new Date('2026-12-01T00:00:00Z'),
    });
    await app.listen({ port, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  }

  beforeAll(async () => {
    store = await openTestStorage('sqlite');
    await startServer();
  });

  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it(
    `four computers, files and a restarting server converge (${runs} seeds)`,
    { timeout: 600_000 },
    async () => {
      const admin = createAdmin(store.storage);
      let runNumber = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(opArbitrary, { minLength: 5, maxLength: 30 }), async (ops) => {
          runNumber += 1;
          const team = await admin.createTeam(
            `团队 ${runNumber} ${crypto.randomUUID().slice(0, 8)}`,
          );
          const online = Array.from({ length: computers }, () => true);
          type Current = Omit<Replica, 'advance' | 'reopen'> & { server: ServerSync };
          const replicas: { base: Replica; current: Current; name: string }[] = [];
          const withServer = (
            replica: Omit<Replica, 'advance' | 'reopen'>,
            index: number,
          ): Current => ({
            ...replica,
            server: createServerSync(replica.db, replica.engine, {
              isOnline: () => online[index]!,
              fetch: (url, init) =>
                online[index]
                  ? fetchAsBrowser(url, init)
                  : Promise.reject(new TypeError('offline')),
            }),
          });
          for (let index = 0; index < computers; index += 1) {
            const name = `server-converge-${runNumber}-${index}`;
            const base = createReplica(
              name,
              new Date(Date.UTC(2026, 10, 29, 8, index * 7)).toISOString(),
            );
            await base.repos.saveActor({ name: `用户${index}`, unit: '某镇' });
            await base.repos.seedCatalog();
            const current = withServer(base, index);
            const { code } = await admin.addDevice(team.id, `电脑${index}`);
            await current.server.join({
              address: `http://127.0.0.1:${port}`,
              code,
              deviceName: `电脑${index}`,
            });
            replicas.push({ base, current, name });
          }
          const at = (index: number) => replicas[index]!.current;
          const agents: string[] = [];
          for (const name of ['张三', '李四']) {
            agents.push(
              (await at(0).repos.helperAgents.create({ name, unit: '', phone: '', active: true }))
                .id,
            );
          }
          await at(0).server.round();
          const projects: string[] = [];
          const projectOf = (index: number) => projects[index % Math.max(projects.length, 1)];

          async function round(index: number) {
            try {
              await at(index).server.round();
            } catch (error) {
              // Offline, or the server restarting: the next round makes up for it.
              if (!(error instanceof ServerSyncError)) throw error;
              expect(['offline', 'unreachable']).toContain(error.failure.code);
            }
          }

          try {
            for (const op of ops) {
              try {
                switch (op.kind) {
                  case 'create':
                    projects.push(
                      (
                        await at(op.at).repos.createProject({
                          ...emptyProjectInput(),
                          name: op.name,
                          ownerCompany: '某公司',
                        })
                      ).id,
                    );
                    break;
                  case 'edit': {
                    const id = projectOf(op.project);
                    if (id) await at(op.at).repos.projects.update(id, { [op.field]: op.value });
                    break;
                  }
                  case 'level': {
                    const id = projectOf(op.project);
                    if (id) await at(op.at).repos.projects.update(id, { level: op.level });
                    break;
                  }
                  case 'agent': {
                    const id = projectOf(op.project);
                    const row = id ? await at(op.at).db.projects.get(id) : undefined;
                    if (!id || !row) break;
                    const agent = agents[op.agent]!;
                    const others = row.helperAgentIds.filter((other) => other !== agent);
                    await at(op.at).repos.projects.update(id, {
                      helperAgentIds: op.add ? [...others, agent] : others,
                    });
                    break;
                  }
                  case 'delete': {
                    const id = projectOf(op.project);
                    if (id) await at(op.at).repos.projects.remove(id);
                    break;
                  }
                  case 'round':
                    await round(op.at);
                    break;
                  case 'network':
                    online[op.at] = op.online;
                    break;
                  case 'file': {
                    if (op.from === op.to) break;
                    const file = await at(op.from).files.exportFile({
                      destination: null,
                      producerName: 'x',
                    });
                    const read = await at(op.to).files.read(file.text);
                    // The same file twice (nothing changed in between) is refused, as users see.
                    if (!read.ok) {
                      expect(read.problem.reason).toBe('reasonAlreadyImported');
                      break;
                    }
                    expect((await at(op.to).files.import(read.file, 'x.json', '')).ok).toBe(true);
                    break;
                  }
                  case 'reopen': {
                    const replica = replicas[op.at]!;
                    replica.current = withServer(await replica.base.reopen(), op.at);
                    break;
                  }
                  case 'restartServer':
                    await app.close();
                    await startServer();
                    break;
                  case 'tick':
                    replicas[op.at]!.base.clock.now = new Date(
                      replicas[op.at]!.base.clock.now.getTime() + op.minutes * 60_000,
                    );
                    break;
                }
              } catch (error) {
                if (!(error instanceof RecordNotFoundError)) throw error;
              }
            }

            online.fill(true);
            for (let pass = 0; pass < 2; pass += 1) {
              for (let index = 0; index < computers; index += 1) await at(index).server.round();
            }
            const dumps = await Promise.all(replicas.map(({ current }) => current.files.readAll()));
            for (const dump of dumps.slice(1)) expect(dump).toEqual(dumps[0]);
            const tries = await Promise.all(
              replicas.map(async ({ current }) => {
                const packed = packMinuteHashes((await current.engine.minuteHashes()).hashes);
                return [Array.from(packed.minutes), Array.from(packed.hashes)];
              }),
            );
            for (const trie of tries.slice(1)) expect(trie).toEqual(tries[0]);
            const expected = materialize((await at(0).engine.logEntries()).entries);
            expect(dumps[0]!.projects).toEqual(expected.projects);
            // Every computer's pending count is back to zero.
            for (let index = 0; index < computers; index += 1)
              expect(await at(index).server.pending()).toBe(0);
          } finally {
            for (const { current } of replicas) await current.db.delete();
          }
        }),
        { numRuns: runs },
      );
    },
  );
});
