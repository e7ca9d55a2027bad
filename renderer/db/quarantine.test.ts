import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProjectInput } from '../../shared/domain/project';
import { addTimestamp, packMinuteHashes, type MinuteHashes } from '../../shared/sync/merkle';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import { formatTimestamp, type Timestamp } from '../../shared/sync/timestamp';
import { DaibanDatabase } from './database';
import { createReplica, type Replica } from './test-replica';

const replicas: Replica[] = [];
afterEach(async () => {
  for (const replica of replicas.splice(0)) await replica.db.delete();
});

function replica() {
  const made = createReplica();
  replicas.push(made);
  return made;
}

const ts = (minute: number, node = '5e5e5e5e5e5e5e5e') =>
  formatTimestamp({ millis: Date.UTC(2026, 10, 29, 7, minute), counter: 0, node });

const packed = (hashes: MinuteHashes) => {
  const { minutes, hashes: values } = packMinuteHashes(hashes);
  return [Array.from(minutes), Array.from(values)];
};

describe('the quarantine of received writes', () => {
  it('keeps a set-aside write once, and counts its timestamp as held once in the sync hashes', async () => {
    const one = replica();
    await one.repos.saveActor({ name: '王小明', unit: '某镇' });
    const project = await one.repos.createProject({
      ...emptyProjectInput(),
      name: '冷链物流中心',
      ownerCompany: '某某有限公司',
    });
    const before = (await one.engine.minuteHashes()).hashes;
    const [held] = [...(await one.engine.knownTimestamps())] as Timestamp[];
    const bad = { ts: ts(1), payload: '[1]', reason: 'malformed' as const, detail: '' };
    const source = { via: 'server' as const, origin: 'http://127.0.0.1:8787' };

    expect(await one.engine.setAside([bad], source)).toBe(1);
    // Again (a server that sends it again, another page): kept once, hashed once.
    expect(await one.engine.setAside([bad], source)).toBe(0);
    // Another payload under a timestamp this computer holds: kept, not hashed again.
    expect(
      await one.engine.setAside(
        [{ ts: held!, payload: '"x"', reason: 'collision', detail: '' }],
        source,
      ),
    ).toBe(1);

    const expected = new Map(before);
    addTimestamp(expected, bad.ts);
    expect(packed((await one.engine.minuteHashes()).hashes)).toEqual(packed(expected));
    expect(await one.engine.timestampsAfter(ts(0), 100)).toContain(bad.ts);
    expect(
      (await one.db.quarantine.toArray()).map(({ ts: at, node, reason, origin }) => [
        at,
        node,
        reason,
        origin,
      ]),
    ).toEqual([
      [bad.ts, '5e5e5e5e5e5e5e5e', 'malformed', source.origin],
      [held, held!.slice(30), 'collision', source.origin],
    ]);
    // Nothing of it is applied or sent on.
    expect((await one.db.projects.get(project.id))?.name).toBe('冷链物流中心');
    expect([...(await one.engine.writesSince(ts(0))).keys()]).not.toContain(bad.ts);
  });

  it('a version 6 database opens as version 7 with its data and an empty quarantine', async () => {
    const one = replica();
    await one.repos.saveActor({ name: '王小明', unit: '某镇' });
    const project = await one.repos.createProject({
      ...emptyProjectInput(),
      name: '冷链物流中心',
      ownerCompany: '某某有限公司',
    });
    const stores = Object.fromEntries(
      one.db.tables
        .filter((table) => table.name !== 'quarantine')
        .map((table) => [
          table.name,
          [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(', '),
        ]),
    );
    const rows = await one.db.projects.toArray();
    const log = await one.db.syncLog.toArray();

    const name = `v6-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(6).stores(stores);
    await old.open();
    await old.table('projects').bulkPut(rows);
    await old.table('syncLog').bulkPut(log);
    old.close();

    const upgraded = new DaibanDatabase(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBe(7);
      expect((await upgraded.projects.get(project.id))?.name).toBe('冷链物流中心');
      expect(await upgraded.syncLog.count()).toBe(log.length);
      expect(await upgraded.quarantine.count()).toBe(0);
    } finally {
      await upgraded.delete();
    }
  });

  it('a held timestamp with other content is a collision: refused or set aside, never merged; the same write stays idempotent', async () => {
    const one = replica();
    await one.repos.saveActor({ name: '王小明', unit: '某镇' });
    const project = await one.repos.createProject({
      ...emptyProjectInput(),
      name: '冷链物流中心',
      ownerCompany: '某某有限公司',
    });
    const { entries } = await one.engine.logEntries();
    const mine = entries.find(([table, row]) => table === 'projects' && row === project.id)!;
    const [ts, values] = mine[2][0]!;
    const source = { via: 'file' as const, origin: 'x.json' };

    const same = await one.engine.applyBatch([mine], source);
    expect(same.ok && same.summary.known).toBeGreaterThan(0);
    const other: SyncFileEntry = ['projects', project.id, [[ts, { ...values, name: '被篡改' }]]];
    const refused = await one.engine.applyBatch([other], source);
    expect(refused).toMatchObject({
      ok: false,
      problem: { reason: 'reasonTimestampCollision', entry: 1, ts },
    });
    // Another record under the same timestamp is a collision too.
    const elsewhere: SyncFileEntry = [
      'projects',
      crypto.randomUUID(),
      [[ts, { name: '别的项目' }]],
    ];
    const aside = await one.engine.applyBatch([elsewhere], source, { collisions: 'setAside' });
    expect(aside.ok && aside.summary.collisions.map((found) => found.ts)).toEqual([ts]);
    expect((await one.db.projects.get(project.id))?.name).toBe('冷链物流中心');
    expect(await one.db.projects.count()).toBe(1);
  });
});
