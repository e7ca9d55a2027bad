import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyProjectInput, type ProjectInput } from '../shared/domain/project';
import { packMinuteHashes } from '../shared/sync/merkle';
import { formatTimestamp, parseTimestamp, type Timestamp } from '../shared/sync/timestamp';
import {
  createServerSync,
  ServerSyncError,
  type ServerSync,
  type SyncFailure,
} from '../renderer/db/server-sync';
import { readClocks } from '../renderer/db/row-clocks';
import { createReplica, type Replica } from '../renderer/db/test-replica';
import { createAdmin } from '../server/admin';
import { buildServer } from '../server/app';
import { openTestStorage, storageKinds, type TestStorage } from '../server/test-storages';

/**
 * What a computer does with writes it must not trust, against the real sync server on
 * loopback: writes planted straight into the server's storage (below its API and its checks),
 * as a compromised server or a broken backup would hold them.
 */

const input = (name: string): ProjectInput => ({
  ...emptyProjectInput(),
  name,
  ownerCompany: '某某有限公司',
});

type Computer = Replica & { server: ServerSync };

describe.each(storageKinds)('untrusted writes from the sync server on %s', (kind) => {
  let store: TestStorage;
  let app: FastifyInstance;
  let address: string;
  let teamId: string;
  const computers: Computer[] = [];

  beforeAll(async () => {
    store = await openTestStorage(kind);
    app = await buildServer({
      storage: store.storage,
      version: 'test',
      limits: {
        device: { burst: 10_000, perMinute: 100_000 },
        address: { burst: 100, perMinute: 1_000 },
      },
      page: { writes: 40, bytes: 64_000 },
      now: () => new Date('2026-11-30T00:00:00Z'),
    });
    address = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  afterEach(async () => {
    for (const computer of computers.splice(0)) await computer.db.delete();
  });

  const admin = () => createAdmin(store.storage);

  async function newTeam(name: string) {
    teamId = (await admin().createTeam(`${name} ${crypto.randomUUID().slice(0, 6)}`)).id;
    return teamId;
  }

  async function computer(user: string, minute = 0): Promise<Computer> {
    const replica = createReplica(
      undefined,
      new Date(Date.UTC(2026, 10, 29, 8, minute)).toISOString(),
    );
    await replica.repos.saveActor({ name: user, unit: '某镇' });
    await replica.repos.seedCatalog();
    const made = Object.assign(replica, { server: createServerSync(replica.db, replica.engine) });
    computers.push(made);
    return made;
  }

  async function join(at: Computer, name: string, passphrase?: string) {
    const { code } = await admin().addDevice(teamId, name);
    return at.server.join({
      address,
      code,
      deviceName: name,
      ...(passphrase ? { passphrase } : {}),
    });
  }

  async function failure(work: Promise<unknown>): Promise<SyncFailure> {
    try {
      await work;
    } catch (error) {
      if (error instanceof ServerSyncError) return error.failure;
      throw error;
    }
    throw new Error('expected a ServerSyncError');
  }

  /** A write stored as the server's storage holds it, bypassing every check of its API. */
  async function plant(ts: Timestamp, payload: unknown) {
    await store.storage.insertWrites(teamId, 'planted', [{ ts, content: JSON.stringify(payload) }]);
  }

  /** The timestamp of a project's name as a computer holds it. */
  async function nameStamp(at: Computer, id: string): Promise<Timestamp> {
    return readClocks((await at.db.projects.get(id))?._clocks).name![0];
  }

  /** A timestamp a little after `ts`, with the same node: what a forger would pick to win. */
  const after = (ts: Timestamp, millis = 1_000) => {
    const parsed = parseTimestamp(ts);
    return formatTimestamp({ ...parsed, millis: parsed.millis + millis, counter: 0 });
  };

  async function expectConverged(...all: Computer[]) {
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

  const quarantined = async (at: Computer) =>
    (await at.db.quarantine.orderBy('ts').toArray()).map(({ ts, reason }) => [ts, reason]);

  it('sets aside poisoned writes planted in its storage, and every other write still converges', async () => {
    await newTeam('城区团队');
    const one = await computer('甲');
    const two = await computer('乙', 3);
    await join(one, '甲');
    await join(two, '乙');
    const project = await one.repos.createProject(input('冷链物流中心'));
    await one.server.round();
    const stamp = await nameStamp(one, project.id);
    const poison = [
      [after(stamp, 1_000), [1]],
      [after(stamp, 2_000), [['projects', project.id, { name: 42 }]]],
      [after(stamp, 3_000), 'c2VhbGVkIGJ5IG5vYm9keSBoZXJlIGF0IGFsbCEhIQ=='],
      [after(stamp, 4_000), [['projects', project.id, { ['__proto__']: 'x' }]]],
    ] as const;
    for (const [ts, payload] of poison) await plant(ts, payload);
    // Colleagues go on working after the poison, before and after it is found.
    await two.server.round();
    await two.repos.projects.update(project.id, { notes: '经开区纬三路' });
    await two.server.round();
    const later = await one.repos.createProject(input('智能装备产业园'));
    const round = await one.server.round();
    expect(round.setAside).toBe(4);
    await one.server.round();
    await two.server.round();

    for (const at of [one, two]) {
      expect(await quarantined(at)).toEqual([
        [poison[0][0], 'malformed'],
        [poison[1][0], 'wrongValue'],
        [poison[2][0], 'sealedInPlainTeam'],
        [poison[3][0], 'malformed'],
      ]);
      const kept = await at.db.projects.get(project.id);
      expect([kept?.name, kept?.notes]).toEqual(['冷链物流中心', '经开区纬三路']);
      expect((await at.db.projects.get(later.id))?.name).toBe('智能装备产业园');
    }
    await expectConverged(one, two);
    // Held, not fetched again: a round with nothing new is one request, and keeps nothing twice.
    const idle = await one.server.round();
    expect(idle).toMatchObject({ sent: 0, received: 0, setAside: 0, requests: 1 });
    expect(await one.db.quarantine.count()).toBe(4);
  });

  it('never applies a write in the clear in a team that encrypts: on an existing and on a new computer', async () => {
    await newTeam('加密团队');
    const one = await computer('甲');
    await join(one, '甲', '团队口令 2026');
    const project = await one.repos.createProject(input('原来的项目名称'));
    await one.server.round();
    const forged = after(await nameStamp(one, project.id));
    await plant(forged, [['projects', project.id, { name: '被篡改的名称' }]]);
    // A sealed write moved to another timestamp does not open either.
    const sealed = await store.storage.writesAfter(teamId, '', 1_000);
    const moved = after(forged);
    await plant(moved, JSON.parse(sealed[0]!.content));

    await one.server.round();
    expect((await one.db.projects.get(project.id))?.name).toBe('原来的项目名称');
    expect(await quarantined(one)).toEqual([
      [forged, 'notSealed'],
      [moved, 'undecryptable'],
    ]);

    const two = await computer('乙', 4);
    await join(two, '乙', '团队口令 2026');
    await two.server.round();
    expect((await two.db.projects.get(project.id))?.name).toBe('原来的项目名称');
    expect(await quarantined(two)).toEqual([
      [forged, 'notSealed'],
      [moved, 'undecryptable'],
    ]);
    await one.repos.projects.update(project.id, { notes: '加密后仍同步' });
    await one.server.round();
    await two.server.round();
    await expectConverged(one, two);
  });

  it('refuses to set a team passphrase shorter than eight characters, before the code is spent', async () => {
    await newTeam('口令团队');
    const one = await computer('甲');
    const { code } = await admin().addDevice(teamId, '甲');
    expect(
      await failure(one.server.join({ address, code, deviceName: '甲', passphrase: '1234567' })),
    ).toEqual({ code: 'passphraseTooShort' });
    const joined = await one.server.join({
      address,
      code,
      deviceName: '甲',
      passphrase: '12345678',
    });
    expect(joined.encryption).not.toBeNull();
  });
});
