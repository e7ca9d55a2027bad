import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp, type Timestamp } from '../shared/sync/timestamp';
import { readClocks } from '../renderer/db/row-clocks';
import { storageKinds } from '../server/test-storages';
import { expectConverged, failure, input, serverTeam, type Computer } from './server-team';

/**
 * What a computer does with writes it must not trust, against the real sync server on
 * loopback: writes planted straight into the server's storage (below its API and its checks),
 * as a compromised server or a broken backup would hold them.
 */

describe.each(storageKinds)('untrusted writes from the sync server on %s', (kind) => {
  const team = serverTeam(kind);
  const { admin, newTeam, computer, join } = team;

  /** A write stored as the server's storage holds it, bypassing every check of its API. */
  async function plant(ts: Timestamp, payload: unknown) {
    await team.store.storage.insertWrites(team.teamId, 'planted', [
      { ts, content: JSON.stringify(payload) },
    ]);
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
    const sealed = await team.store.storage.writesAfter(team.teamId, '', 1_000);
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
    const { code } = await admin().addDevice(team.teamId, '甲');
    expect(
      await failure(
        one.server.join({ address: team.address, code, deviceName: '甲', passphrase: '1234567' }),
      ),
    ).toEqual({ code: 'passphraseTooShort' });
    const joined = await one.server.join({
      address: team.address,
      code,
      deviceName: '甲',
      passphrase: '12345678',
    });
    expect(joined.encryption).not.toBeNull();
  });
});
