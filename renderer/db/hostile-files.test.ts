import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProjectInput } from '../../shared/domain/project';
import { createSyncFileFromEntries } from '../../shared/sync/sync-file';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import { formatTimestamp } from '../../shared/sync/timestamp';
import { carry, createTeam, type Replica } from './test-replica';

/**
 * Files made by hand or by an attacker, imported by a computer of the team: each is parked or
 * refused, and a refusal leaves the database exactly as it was.
 */

const team = createTeam();
afterEach(() => team.cleanUp());

const producer = 'f00dfeedc0ffee01';
const stamp = (minutes: number, counter = 0) =>
  formatTimestamp({
    millis: Date.parse('2026-11-29T08:00:00.000Z') + minutes * 60_000,
    counter,
    node: producer,
  });

/** Everything a computer holds that an import could change. */
async function snapshot(replica: Replica) {
  return {
    records: await replica.files.readAll(),
    log: await replica.db.syncLog.count(),
    parked: await replica.db.parked.toArray(),
    exchanges: await replica.db.exchanges.count(),
    conflicts: await replica.db.conflicts.count(),
  };
}

/** A sync file of the receiver's team holding `entries`, from a device of its own. */
async function fileFor(receiver: Replica, entries: SyncFileEntry[]) {
  const current = await receiver.files.team();
  return createSyncFileFromEntries(
    {
      team: { id: current!.id, name: '测试团队' },
      producer: { node: producer, name: '手工' },
      createdAt: '2026-11-29T07:30:00.000Z',
      appVersion: '0.3.0',
      minAppVersion: '0.2.0',
    },
    entries,
  );
}

async function twoComputers() {
  const office = await team.computer('王小明');
  const site = await team.computer('李四');
  const project = await office.repos.createProject({
    ...emptyProjectInput(),
    name: '智能装备产业园',
    ownerCompany: '某某科技有限公司',
  });
  await carry(office, site);
  return { office, site, project };
}

async function importText(replica: Replica, text: string) {
  const read = await replica.files.read(text);
  if (!read.ok) return read;
  const preview = await replica.files.preview(read.file);
  if (!preview.ok) return preview;
  return replica.files.import(read.file, 'x.json', 'test');
}

const inherited = ['toString', 'valueOf', 'hasOwnProperty'];

describe('names a plain object inherits', () => {
  it('parks them as table and field, and keeps the rest of the file', async () => {
    const { site, project } = await twoComputers();
    const entries: SyncFileEntry[] = [
      ['projects', project.id, [[stamp(1), { leaderInCharge: '李副区长', toString: 'x' }]]],
      // `valueOf` twice in one change is one cell: 1 + 2 + 1 + 2 parked.
      ...inherited.map((name, index): SyncFileEntry => [
        name,
        name,
        [[stamp(2, index), { valueOf: 1, [name]: 2 }]],
      ]),
    ];
    const result = await importText(site, await fileFor(site, entries));
    expect(result).toMatchObject({ ok: true, summary: { parked: 6, newMessages: 7 } });
    expect(await site.db.projects.get(project.id)).toMatchObject({ leaderInCharge: '李副区长' });
    expect(Object.hasOwn((await site.db.projects.get(project.id))!, 'toString')).toBe(false);
    expect(await site.db.parked.count()).toBe(1);
    // What is parked stays parked when the engine looks at it again.
    expect(await site.engine.applyParked()).toBe(0);
  });

  it.each([
    ['a known table’s record id', ['approvalItems', 'toString', [[stamp(1), { name: 'x' }]]]],
    ['a known table’s record id', ['projects', 'hasOwnProperty', [[stamp(1), { name: 'x' }]]]],
    [
      'a field',
      ['projects', '3f2c1b6e-8d4a-4c1e-9b2f-7a6d5e4c3b2a', [[stamp(1), { constructor: 1 }]]],
    ],
    ['a record id', ['projects', 'constructor', [[stamp(1), { name: 'x' }]]]],
  ] as [string, SyncFileEntry][])('refuses %s it cannot hold, changing nothing', async (_, bad) => {
    const { site, project } = await twoComputers();
    const before = await snapshot(site);
    const entries: SyncFileEntry[] = [
      ['projects', project.id, [[stamp(1), { leaderInCharge: '李副区长' }]]],
      bad,
    ];
    const result = await importText(site, await fileFor(site, entries));
    expect(result).toMatchObject({ ok: false, problem: { entry: 2 } });
    expect(await snapshot(site)).toEqual(before);
  });

  it('refuses a file parking more than its bounds allow, changing nothing', async () => {
    const { site } = await twoComputers();
    const before = await snapshot(site);
    const big = 'x'.repeat(60_000);
    const entries: SyncFileEntry[] = Array.from({ length: 600 }, (_, index) => [
      'newerTable',
      `row-${index}`,
      [[stamp(1, index), { note: big }]],
    ]);
    const result = await importText(site, await fileFor(site, entries));
    expect(result).toMatchObject({
      ok: false,
      problem: { reason: 'reasonParkedTooLarge', limitMiB: 32 },
    });
    expect(await snapshot(site)).toEqual(before);
  });
});
