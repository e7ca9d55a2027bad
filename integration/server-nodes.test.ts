import { describe, expect, it } from 'vitest';
// First: the harness installs IndexedDB (fake-indexeddb) before Dexie loads.
import { input, serverTeam } from './server-team';
import { deviceKeys } from '../renderer/db/sync-engine';
import { readClocks } from '../renderer/db/row-clocks';
import { formatTimestamp, parseTimestamp, timestampNode } from '../shared/sync/timestamp';
import { storageKinds } from '../server/test-storages';

/** Node ids belong to devices: what the app does with the server's registry, on loopback. */
describe.each(storageKinds)('node ids on the sync server on %s', (kind) => {
  const team = serverTeam(kind);
  const { newTeam, computer, join } = team;

  it('takes a new node when a copy of another computer joins, and both keep syncing', async () => {
    await newTeam('复制团队');
    const one = await computer('甲');
    const copy = await computer('乙', 3);
    // The copy's data came from the first computer: the same identity, the same node.
    const identity = await one.engine.identity();
    await copy.db.device.put({ key: deviceKeys.identity, value: identity });
    await join(one, '甲');
    await one.server.round();
    await join(copy, '复制的电脑');
    const renewed = await copy.engine.identity();
    expect(renewed.node).not.toBe(identity.node);
    const made = await copy.repos.createProject(input('复制电脑的项目'));
    await copy.server.round();
    await one.server.round();
    expect((await one.db.projects.get(made.id))?.name).toBe('复制电脑的项目');
    const stamp = readClocks((await one.db.projects.get(made.id))?._clocks).name![0];
    expect(timestampNode(stamp)).toBe(renewed.node);
  });

  it('keeps a write the server refused out of later rounds, and still converges', async () => {
    await newTeam('冒名团队');
    const one = await computer('甲');
    const two = await computer('乙', 3);
    await join(one, '甲');
    await join(two, '乙');
    const project = await one.repos.createProject(input('冷链物流中心'));
    await one.server.round();
    await two.server.round();
    // Two holds a write stamped with one's node (as a forged file would bring it): the server
    // refuses it, two does not send it again, and the rounds still end equal.
    const theirs = parseTimestamp(
      readClocks((await one.db.projects.get(project.id))?._clocks).name![0],
    );
    const forged = formatTimestamp({ ...theirs, millis: theirs.millis + 5_000, counter: 0 });
    await two.engine.applyBatch([['projects', project.id, [[forged, { notes: '冒名的备注' }]]]], {
      via: 'file',
      origin: 'forged.daiban-sync',
    });
    const refused = await two.server.round();
    expect(refused.refused).toBe(1);
    const again = await two.server.round();
    expect(again.refused).toBe(0);
    expect(again.sent).toBe(0);
    expect(again.requests).toBe(1);
    await one.server.round();
    expect((await one.db.projects.get(project.id))?.notes).not.toBe('冒名的备注');
    const kept = (await two.db.device.get('serverRefused'))?.value as Record<string, unknown>;
    expect(Object.keys(kept)).toEqual([forged]);
  });
});
