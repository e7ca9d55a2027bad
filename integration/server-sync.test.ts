import { describe, expect, it } from 'vitest';
import type { SyncFileEntry } from '../shared/sync/sync-entries';
import { formatTimestamp } from '../shared/sync/timestamp';
import { storageKinds } from '../server/test-storages';
import { expectConverged, failure, input, serverTeam, type Computer } from './server-team';

/**
 * A computer (renderer/db, on fake-indexeddb) against the real sync server on loopback, over
 * HTTP: joining, rounds, first fill, merging what each had before joining, file exchange beside
 * the server, encryption, refusals. Here because it crosses layers: renderer/ and server/ may
 * not import each other, a test of both together may.
 */

describe.each(storageKinds)('a computer and the sync server on %s', (kind) => {
  const team = serverTeam(kind);
  const { admin, newTeam, computer, join } = team;

  /** Everyone's round, twice over: what anyone sent has reached everyone. */
  async function settle(...all: Computer[]) {
    for (let pass = 0; pass < 2; pass += 1) for (const one of all) await one.server.round();
  }

  it('carries a change from one computer to another, and a round with nothing new is one request', async () => {
    await newTeam('城区团队');
    const office = await computer('王小明');
    const site = await computer('李四', 5);
    await join(office, '办公室');
    await join(site, '现场');
    const project = await office.repos.createProject(input('冷链物流中心'));
    expect(await office.server.pending()).toBeGreaterThan(0);
    const first = await office.server.round();
    expect(first.sent).toBeGreaterThan(0);
    expect(await office.server.pending()).toBe(0);
    await site.server.round();
    expect((await site.db.projects.get(project.id))?.name).toBe('冷链物流中心');
    await office.server.round();
    await expectConverged(office, site);

    site.requests.length = 0;
    const idle = await site.server.round();
    expect(idle).toMatchObject({ sent: 0, received: 0, requests: 1 });
    // Both edit different fields of one record, and the server carries both ways.
    await office.repos.projects.update(project.id, { leaderInCharge: '张副区长' });
    await site.repos.projects.update(project.id, { notes: '经开区纬三路' });
    await office.server.round();
    await site.server.round();
    await office.server.round();
    await expectConverged(office, site);
    const merged = await office.db.projects.get(project.id);
    expect([merged?.leaderInCharge, merged?.notes]).toEqual(['张副区长', '经开区纬三路']);
  });

  it('merges what each computer held before joining, wiping nothing, and fills a new one with progress', async () => {
    await newTeam('合并团队');
    const one = await computer('甲');
    const two = await computer('乙', 3);
    const a = await one.repos.createProject(input('甲的项目'));
    const b = await two.repos.createProject(input('乙的项目'));
    for (let index = 0; index < 60; index += 1) {
      await one.repos.projects.update(a.id, { notes: `第 ${index} 次` });
    }
    await join(one, '甲');
    await join(two, '乙');
    await one.server.round();
    await two.server.round();
    await one.server.round();
    await expectConverged(one, two);
    expect((await one.db.projects.get(b.id))?.name).toBe('乙的项目');
    expect((await two.db.projects.get(a.id))?.notes).toBe('第 59 次');

    const fresh = await computer('丙', 9);
    await join(fresh, '丙');
    const progress: [number, number | null][] = [];
    const filled = await fresh.server.round((done, total) => progress.push([done, total]));
    expect(filled.sent).toBe(1); // its own device record, nothing it fetched
    expect(filled.received).toBeGreaterThan(40);
    expect(progress.length).toBeGreaterThan(1); // pages of 40 writes
    expect(progress.at(-1)).toEqual([filled.received, filled.received]);
    await settle(one, two, fresh);
    await expectConverged(one, two, fresh);
  });

  it('does not send back what the server holds when a change came by file; sends what only a file brought', async () => {
    await newTeam('文件团队');
    const office = await computer('王小明');
    const site = await computer('李四', 5);
    const offline = await computer('内网电脑', 7);
    await offline.db.device.put({ key: 'team', value: { id: team.teamId } });
    await join(office, '办公室');
    await join(site, '现场');
    for (let index = 0; index < 20; index += 1)
      await office.repos.createProject(input(`项目${index}`));
    await office.server.round();
    await site.server.round();

    // The office's new changes reach the site both ways: by file and by the server.
    await office.repos.createProject(input('新项目'));
    const file = await office.files.exportFile({ destination: null, producerName: '王小明' });
    const read = await site.files.read(file.text);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    await site.files.import(read.file, 'f.json', '李四');
    await office.server.round();
    site.requests.length = 0;
    const round = await site.server.round();
    expect(round.sent).toBe(0);
    expect(round.received).toBe(0);
    await expectConverged(office, site);

    // A computer that never reaches the server sends its change by file to the site.
    const offlineProject = await offline.repos.createProject(input('内网项目'));
    const carried = await offline.files.exportFile({ destination: null, producerName: '内网电脑' });
    const carriedRead = await site.files.read(carried.text);
    if (!carriedRead.ok) throw new Error(JSON.stringify(carriedRead.problem));
    await site.files.import(carriedRead.file, 'g.json', '李四');
    const relay = await site.server.round();
    expect(relay.sent).toBe(carried.messages > 0 ? (await offline.engine.writesSince('')).size : 0);
    await office.server.round();
    expect((await office.db.projects.get(offlineProject.id))?.name).toBe('内网项目');
    await expectConverged(office, site);
  });

  it('finds a change made long ago by walking the trie, and sends only that', async () => {
    await newTeam('旧修改团队');
    const office = await computer('王小明');
    const site = await computer('李四', 5);
    await join(office, '办公室');
    await join(site, '现场');
    // Months of history, every few hours.
    const entries: SyncFileEntry[] = [];
    for (let index = 0; index < 400; index += 1) {
      const ts = formatTimestamp({
        millis: Date.UTC(2026, 3, 1) + index * 5 * 3_600_000,
        counter: 0,
        node: '1000000000000001',
      });
      entries.push([
        'helperAgents',
        crypto.randomUUID(),
        [
          [
            ts,
            {
              name: `代办员${index}`,
              unit: '',
              phone: '',
              active: true,
              createdAt: '2026-04-01T00:00:00.000Z',
              deleted: false,
            },
          ],
        ],
      ]);
    }
    const applied = await office.engine.applyBatch(entries, { via: 'file', origin: 'old.json' });
    expect(applied.ok).toBe(true);
    await settle(office, site);
    // One old change arrives at the office alone.
    const old = formatTimestamp({
      millis: Date.UTC(2026, 5, 15, 3),
      counter: 7,
      node: '2000000000000002',
    });
    await office.engine.applyBatch(
      [
        [
          'helperAgents',
          crypto.randomUUID(),
          [
            [
              old,
              {
                name: '旧的',
                unit: '',
                phone: '',
                active: true,
                createdAt: '2026-06-15T03:00:00.000Z',
                deleted: false,
              },
            ],
          ],
        ],
      ],
      { via: 'file', origin: 'x.json' },
    );
    office.requests.length = 0;
    const round = await office.server.round();
    // Exactly the old change goes up, and nothing comes down: the office listed what it holds
    // from that minute on.
    expect(round.sent).toBe(1);
    expect(round.received).toBe(0);
    expect(round.requests).toBeLessThanOrEqual(8);
    await site.server.round();
    await expectConverged(office, site);
  });

  it('sends and fetches in pages, never splitting a write', async () => {
    await newTeam('分页团队');
    const big = await computer('甲');
    const other = await computer('乙', 2);
    await join(big, '甲');
    await join(other, '乙');
    // One write of 30 records (one timestamp), and 6,000 writes of one record each.
    const shared = formatTimestamp({
      millis: Date.UTC(2026, 10, 1),
      counter: 0,
      node: '3000000000000003',
    });
    const entries: SyncFileEntry[] = [];
    for (let index = 0; index < 30; index += 1) {
      entries.push([
        'helperAgents',
        crypto.randomUUID(),
        [
          [
            shared,
            {
              name: `批量${index}`,
              unit: '',
              phone: '',
              active: true,
              createdAt: '2026-11-01T00:00:00.000Z',
              deleted: false,
            },
          ],
        ],
      ]);
    }
    for (let index = 0; index < 6_000; index += 1) {
      const ts = formatTimestamp({
        millis: Date.UTC(2026, 10, 2) + index * 1_000,
        counter: 0,
        node: '3000000000000003',
      });
      entries.push([
        'helperAgents',
        crypto.randomUUID(),
        [
          [
            ts,
            {
              name: `代办员${index}`,
              unit: '',
              phone: '',
              active: true,
              createdAt: '2026-11-02T00:00:00.000Z',
              deleted: false,
            },
          ],
        ],
      ]);
    }
    await big.engine.applyBatch(entries, { via: 'file', origin: 'big.json' });
    const uploads: number[] = [];
    big.requests.length = 0;
    const sent = await big.server.round();
    for (const line of big.requests) {
      const writes = /"writes":\[/.test(line) ? 1 : 0;
      uploads.push(writes);
    }
    expect(sent.sent).toBe(6_002); // and its own device record
    expect(uploads.filter(Boolean).length).toBeGreaterThanOrEqual(2); // more than one upload page
    const fetched = await other.server.round();
    expect(fetched.received).toBe(6_002);
    expect(await other.db.helperAgents.count()).toBe(6_030);
    await settle(big, other);
    await expectConverged(big, other);
  }, 120_000);

  it('keeps the server from reading a team that encrypts, and tells a wrong passphrase', async () => {
    await newTeam('加密团队');
    const one = await computer('甲');
    const two = await computer('乙', 4);
    await join(one, '甲', '团队口令 2026');
    await join(two, '乙', '团队口令 2026');
    const project = await one.repos.createProject(input('保密项目名称'));
    await one.server.round();
    await two.server.round();
    expect((await two.db.projects.get(project.id))?.name).toBe('保密项目名称');
    const stored = await team.store.storage.writesAfter(team.teamId, '', 1_000);
    expect(stored.length).toBeGreaterThan(0);
    for (const write of stored) {
      expect(write.content.startsWith('"')).toBe(true);
      expect(write.content).not.toContain('保密');
    }

    const three = await computer('丙', 6);
    expect(await failure(join(three, '丙', '并不是团队的口令'))).toEqual({
      code: 'wrongPassphrase',
    });
    // Joined all the same: the passphrase is asked again, not the code.
    expect(await failure(three.server.round())).toEqual({ code: 'needsPassphrase' });
    expect(await failure(three.server.unlock('又错了'))).toEqual({ code: 'wrongPassphrase' });
    await three.server.unlock('团队口令 2026');
    await settle(one, two, three);
    await expectConverged(one, two, three);
  });

  it('refills what a restore from an older backup took away', async () => {
    await newTeam('恢复团队');
    const office = await computer('王小明');
    await join(office, '办公室');
    await office.repos.createProject(input('备份前的项目'));
    await office.server.round();
    const backup = await office.files.exportFile({ destination: null, producerName: '王小明' });
    const later = await office.repos.createProject(input('备份后的项目'));
    await office.server.round();
    const read = await office.files.read(backup.text, { backup: true });
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const before = await office.engine.identity();
    expect((await office.files.restore(read.file.entries, 'backup.json')).ok).toBe(true);
    expect(await office.db.projects.get(later.id)).toBeUndefined();
    // A restored copy stamps with a node of its own, which the server registers to it.
    expect((await office.engine.identity()).node).not.toBe(before.node);
    const progress: number[] = [];
    const round = await office.server.round((done) => progress.push(done));
    expect(round.received).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
    expect((await office.db.projects.get(later.id))?.name).toBe('备份后的项目');
    await office.repos.createProject(input('恢复后的项目'));
    expect((await office.server.round()).refused).toBe(0);
  });

  it('is refused at once when revoked, and says when the server cannot be reached', async () => {
    await newTeam('停用团队');
    const one = await computer('甲');
    await join(one, '甲');
    await one.repos.createProject(input('项目'));
    await one.server.round();
    await admin().revokeDevice(team.teamId, '甲');
    expect(await failure(one.server.round())).toEqual({ code: 'revoked' });

    const two = await computer('乙');
    expect(
      await failure(
        join(two, '乙', undefined).then(() =>
          two.server.join({ address: team.address, code: 'AAAA-BBBB-CCCC-DDDD', deviceName: 'x' }),
        ),
      ),
    ).toEqual({ code: 'refused', error: 'badCode' });
    expect(
      await failure(
        two.server.join({
          address: 'http://127.0.0.1:9',
          code: 'AAAA-BBBB-CCCC-DDDD',
          deviceName: 'x',
        }),
      ),
    ).toEqual({ code: 'unreachable' });
    expect(
      await failure(
        two.server.join({ address: 'ftp://x', code: 'AAAA-BBBB-CCCC-DDDD', deviceName: 'x' }),
      ),
    ).toEqual({ code: 'badAddress' });
  });
});
