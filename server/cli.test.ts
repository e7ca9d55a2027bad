import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  sinceMillis,
  syncProtocolVersion,
  syncResponseSchema,
  type SyncResponse,
  type TeamEncryption,
  type WirePart,
} from '../shared/sync/server-protocol';
import { createTeamEncryption, sealParts, type TeamKey } from '../shared/sync/team-crypto';
import { formatTimestamp, newNodeId, type Timestamp } from '../shared/sync/timestamp';
import { LevelTrie, trieView } from '../shared/sync/trie-view';
import { createAdmin } from './admin';
import { buildServer } from './app';
import { main } from './cli';
import { openTestStorage, storageKinds, type TestStorage } from './test-storages';

describe('the admin CLI', () => {
  let folder: string;
  let output: string[];

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-cli-'));
    output = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    vi.stubEnv('DATABASE_URL', '');
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    rmSync(folder, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    output = [];
    const code = await main([...args, '--data', folder]);
    return { code, text: output.join('') };
  };

  it('creates a team, issues a join code per computer, lists and revokes them', async () => {
    const created = await run('create-team', '城区帮办代办团队');
    expect(created.code).toBe(0);
    expect(created.text).toContain('已创建团队“城区帮办代办团队”');
    const teamId = /团队编号 \(team id\): (\S+)/.exec(created.text)![1]!;
    expect(created.text).toContain(`add-device ${teamId}`);

    const added = await run('add-device', '城区帮办代办团队', '王小明的电脑', '--days', '3');
    expect(added.code).toBe(0);
    expect(added.text).toMatch(
      /加入码 \(join code\): [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/,
    );

    const listed = await run('list');
    expect(listed.text).toContain('城区帮办代办团队');
    expect(listed.text).toContain('王小明的电脑');
    expect(listed.text).toContain('未加入');

    expect((await run('revoke-device', teamId, '王小明的电脑')).text).toContain('已停用');
    expect((await run('list')).text).toContain('已停用 (revoked)');
  });

  it('refuses what it cannot do, saying why, with a non-zero exit', async () => {
    expect((await run('add-device', '没有的团队', '电脑')).code).toBe(1);
    await run('create-team', '甲');
    const twice = await run('create-team', '甲');
    expect(twice.code).toBe(1);
    expect(twice.text).toContain('已有团队叫“甲”');
    expect((await run('create-team', '乙', '--id', 'not-a-uuid')).code).toBe(1);
    expect((await run('revoke-device', '甲', '没有的电脑')).code).toBe(1);
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('keeps a team id already used in sync files', async () => {
    const id = '3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e';
    expect((await run('create-team', '丙', '--id', id)).text).toContain(id);
  });
});

describe.each(storageKinds)('the admin CLI for a poisoned team on %s', (kind) => {
  let store: TestStorage;
  let app: FastifyInstance;
  let base: string;
  let output: string[];
  const t0 = Date.now() - 3_600_000;

  beforeAll(async () => {
    store = await openTestStorage(kind);
    app = await buildServer({
      storage: store.storage,
      version: '0.0.0-test',
      limits: {
        device: { burst: 1000, perMinute: 60_000 },
        address: { burst: 50, perMinute: 600 },
      },
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  beforeEach(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    vi.stubEnv('DATABASE_URL', store.databaseUrl);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  const run = async (...args: string[]) => {
    output = [];
    const code = await main([...args, '--data', store.dataFolder]);
    return { code, text: output.join('') };
  };
  const admin = () => createAdmin(store.storage);
  const ts = (minutes: number, node: string) =>
    formatTimestamp({ millis: t0 + minutes * 60_000, counter: 0, node });
  const part = (index: number, name: string): WirePart => [
    'projects',
    `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    { name, ownerCompany: '某公司' },
  ];

  async function call(method: string, url: string, token: string, body?: unknown) {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as unknown };
  }

  /** Each joined device's own node, which every one of its requests names. */
  const nodeOf = new Map<string, string>();

  async function join(team: string, name: string, encryption?: TeamEncryption) {
    const { code } = await admin().addDevice(team, name);
    const node = newNodeId();
    const response = await fetch(`${base}/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        protocol: syncProtocolVersion,
        node,
        code,
        deviceName: name,
        encryption,
      }),
    });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    nodeOf.set(token, node);
    return token;
  }

  async function sync(token: string, body: object): Promise<SyncResponse> {
    const response = await call('POST', '/sync', token, {
      protocol: syncProtocolVersion,
      node: nodeOf.get(token),
      ...body,
    });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    return syncResponseSchema.parse(response.json);
  }

  const trieOf = (timestamps: readonly string[]) => {
    const trie = new LevelTrie();
    for (const stamp of timestamps) trie.add(stamp as Timestamp);
    return trieView(trie);
  };

  /** A team whose 王 wrote three writes a minute apart and 李 two; 张 never joined. */
  async function poisonedTeam(name: string) {
    const team = await admin().createTeam(name);
    const wang = await join(team.id, '王小明的电脑');
    const li = await join(team.id, '李华的电脑');
    await admin().addDevice(team.id, '张三的电脑');
    const wangWrites = [0, 1, 2].map((m): [string, WirePart[]] => [
      ts(m, 'aaaaaaaaaaaaaaaa'),
      [part(m, `王 ${m}`)],
    ]);
    const liWrites = [0, 3].map((m): [string, WirePart[]] => [
      ts(m, 'bbbbbbbbbbbbbbbb'),
      [part(10 + m, `李华的项目 ${m}`)],
    ]);
    expect((await sync(wang, { writes: wangWrites })).accepted).toBe(3);
    expect((await sync(li, { writes: liWrites })).accepted).toBe(2);
    return { team, wang, li, wangWrites, liWrites };
  }

  const deviceLine = (text: string, name: string) =>
    text.split('\n').find((line) => line.includes(name)) ?? '';

  it('lists a team’s writes by device: how many, bytes, first and last, revoked or not', async () => {
    const { team, wangWrites } = await poisonedTeam(`列表 ${kind}`);
    await admin().revokeDevice(team.id, '李华的电脑');
    const listed = await run('list-writes', team.name);
    expect(listed.code).toBe(0);
    expect(listed.text).toContain(
      `团队 (team) ${team.name}  ${team.id}  明文 (plaintext)  共 5 次修改`,
    );
    const wangBytes = wangWrites.reduce(
      (sum, [, parts]) => sum + Buffer.byteLength(JSON.stringify(parts)),
      0,
    );
    const wang = deviceLine(listed.text, '王小明的电脑');
    expect(wang).toContain(`3 次修改 (writes)  ${wangBytes} B`);
    expect(wang).toContain(
      `${ts(0, 'a'.repeat(16)).slice(0, 24)} – ${ts(2, 'a'.repeat(16)).slice(0, 24)}`,
    );
    expect(wang).toContain('使用中 (active)');
    const li = deviceLine(listed.text, '李华的电脑');
    expect(li).toContain('2 次修改 (writes)');
    expect(li).toContain('已停用 (revoked)');
    const zhang = deviceLine(listed.text, '张三的电脑');
    expect(zhang).toContain('0 次修改 (writes)  0 B  — (no writes)  未加入');
    expect((await run('list-writes', '没有的团队')).code).toBe(1);
  });

  it('backs a device’s writes up, removes those from a time on, and never takes them again', async () => {
    const { team, wang, li, wangWrites, liWrites } = await poisonedTeam(`移除 ${kind}`);
    const stored = await store.storage.writesAfter(team.id, '', 100);
    // The server's trie is read before the removal, as a running server's is.
    await sync(li, { since: sinceMillis(0) });
    // One minute in, written in Beijing time: the same instant as t0 + 1 min in UTC.
    const from = new Date(t0 + 60_000 + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

    const dry = await run('remove-writes', team.id, '王小明的电脑', '--after', from, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.text).toContain('试运行');
    expect(dry.text).toContain('有 2 次修改');
    expect(await store.storage.countAfter(team.id, '')).toBe(5);

    const removed = await run('remove-writes', team.name, '王小明的电脑', '--after', from);
    expect(removed.code, removed.text).toBe(0);
    expect(removed.text).toContain('已移除');
    expect(removed.text).toContain('的 2 次修改');
    const backupPath = /\(backed up to\): (\S+)/.exec(removed.text)![1]!;
    expect(path.dirname(backupPath)).toBe(path.resolve(store.dataFolder));
    expect(statSync(backupPath).mode & 0o777).toBe(0o600);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as {
      team: { id: string };
      device: { name: string };
      writes: { ts: string; content: string }[];
    };
    expect(backup.team.id).toBe(team.id);
    expect(backup.device.name).toBe('王小明的电脑');
    const taken = new Set([wangWrites[1]![0], wangWrites[2]![0]]);
    expect(backup.writes.map(({ ts, content }) => ({ ts, content }))).toEqual(
      stored.filter((write) => taken.has(write.ts)),
    );

    // Only those two are gone; the device's earlier write and 李's stay.
    const left = [wangWrites[0]![0], ...liWrites.map(([stamp]) => stamp)].sort();
    const all = await sync(li, { since: sinceMillis(0) });
    expect(all.writes.map(([stamp]) => stamp)).toEqual(left);
    expect(all.trie).toEqual(trieOf(left));

    // Uploaded again, by the device or a colleague's, they are not stored: the device is told
    // they were removed, so it stops counting them as the server's.
    const again = await sync(wang, { writes: wangWrites.slice(1) });
    expect(again.accepted).toBe(0);
    expect(again.refused).toEqual(wangWrites.slice(1).map(([stamp]) => [stamp, 'removed']));
    expect((await sync(li, { writes: wangWrites.slice(1) })).accepted).toBe(0);
    const after = await sync(wang, { since: sinceMillis(0) });
    expect(after.writes.map(([stamp]) => stamp)).toEqual(left);
    expect(after.trie).toEqual(trieOf(left));
    // Its later writes are taken as ever.
    expect(
      (await sync(wang, { writes: [[ts(5, 'a'.repeat(16)), [part(5, '新的')]]] })).accepted,
    ).toBe(1);

    const listed = await run('list-writes', team.id);
    expect(deviceLine(listed.text, '王小明的电脑')).toContain('2 次修改 (writes)');
    expect(deviceLine(listed.text, '王小明的电脑')).toContain('已移除 2 次 (removed)');
  });

  it('removes nothing when the backup cannot be written, saying so in one line', async () => {
    const { team } = await poisonedTeam(`备份失败 ${kind}`);
    const from = new Date(t0).toISOString();
    const missing = path.join(store.dataFolder, 'no-such-folder', 'backup.json');
    const refused = await run(
      'remove-writes',
      team.id,
      '王小明的电脑',
      '--after',
      from,
      '--backup',
      missing,
    );
    expect(refused.code).toBe(1);
    expect(refused.text.trim().split('\n')).toEqual([
      expect.stringContaining(`无法写入备份文件 ${missing}`),
    ]);
    expect(refused.text).toContain('未移除任何修改');
    // An earlier backup is never overwritten.
    const earlier = path.join(store.dataFolder, `earlier-${kind}.json`);
    writeFileSync(earlier, 'an earlier backup');
    const again = await run(
      'remove-writes',
      team.id,
      '王小明的电脑',
      '--after',
      from,
      '--backup',
      earlier,
    );
    expect(again.code).toBe(1);
    expect(readFileSync(earlier, 'utf8')).toBe('an earlier backup');
    expect(await store.storage.countAfter(team.id, '')).toBe(5);
    // A time without its zone would move by the server's offset: refused.
    const unzoned = await run(
      'remove-writes',
      team.id,
      '王小明的电脑',
      '--after',
      '2026-12-07T09:30:00',
    );
    expect(unzoned.code).toBe(1);
    expect(unzoned.text).toContain('带时区');
    expect(await store.storage.countAfter(team.id, '')).toBe(5);
  });

  it('resets a team’s encryption only with its writes, backed up, and leaves it to a new first device', async () => {
    const team = await admin().createTeam(`加密重置 ${kind}`);
    const old = await createTeamEncryption('旧的团队口令一二三', 600_000);
    const first = await join(team.id, '王小明的电脑', old.encryption);
    const stamps = [0, 1].map((m) => ts(m, 'cccccccccccccccc'));
    const sealed = async (key: TeamKey) =>
      Promise.all(
        stamps.map(async (stamp, index) => [
          stamp,
          await sealParts(key, team.id, stamp, [part(index, '机密')]),
        ]),
      );
    expect((await sync(first, { writes: await sealed(old.key) })).accepted).toBe(2);

    const refused = await run('reset-encryption', team.id);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('2 次用旧口令加密的修改');
    expect(refused.text).toContain('--remove-writes');
    const dry = await run('reset-encryption', team.id, '--remove-writes', '--dry-run');
    expect(dry.text).toContain('将移除 2 次修改');
    expect(dry.text).toContain('停用 1 台电脑');
    expect((await call('GET', '/team', first)).json).toMatchObject({ encryption: old.encryption });
    expect(await store.storage.countAfter(team.id, '')).toBe(2);

    const reset = await run('reset-encryption', team.id, '--remove-writes');
    expect(reset.code, reset.text).toBe(0);
    expect(reset.text).toContain('已重置团队');
    const backupPath = /\(backed up to\): (\S+)/.exec(reset.text)![1]!;
    expect(statSync(backupPath).mode & 0o777).toBe(0o600);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as {
      encryption: string;
      writes: { ts: string }[];
    };
    expect(JSON.parse(backup.encryption)).toEqual(old.encryption);
    expect(backup.writes.map((write) => write.ts)).toEqual(stamps);
    // The old device's token, set up with the old key, no longer works.
    expect(
      (
        await call('POST', '/sync', first, {
          protocol: syncProtocolVersion,
          node: nodeOf.get(first),
        })
      ).json,
    ).toEqual({
      error: 'revoked',
    });

    // A device joining now sets up the new passphrase and uploads the team's data again.
    const fresh = await createTeamEncryption('新的团队口令四五六', 600_000);
    const again = await join(team.id, '王小明的电脑（新）', fresh.encryption);
    expect((await call('GET', '/team', again)).json).toMatchObject({
      encryption: fresh.encryption,
    });
    expect((await sync(again, { writes: await sealed(fresh.key) })).accepted).toBe(2);

    // Writes that arrive while the backup is written would stay sealed with the old key: then
    // the reset changes nothing.
    const selection = { deviceId: null, from: '' };
    const measured = await store.storage.measureSelection(team.id, selection);
    const stamp = ts(9, 'cccccccccccccccc');
    const later = [[stamp, await sealParts(fresh.key, team.id, stamp, [part(9, '备份期间')])]];
    expect((await sync(again, { writes: later })).accepted).toBe(1);
    const raced = await store.storage.removeWrites(
      team.id,
      { ...selection, throughSeq: measured.throughSeq },
      { at: new Date().toISOString(), tombstones: false, resetEncryption: true },
    );
    expect(raced).toEqual({ removed: 0, later: 1, revoked: 0 });
    expect(await store.storage.teamEncryption(team.id)).not.toBeNull();
    expect(await store.storage.countAfter(team.id, '')).toBe(3);

    const plain = await admin().createTeam(`明文团队 ${kind}`);
    const none = await run('reset-encryption', plain.id, '--remove-writes');
    expect(none.code).toBe(1);
    expect(none.text).toContain('没有加密记录');
  });
});
