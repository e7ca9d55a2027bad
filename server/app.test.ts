import type { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTimestamp, minuteKey, timestampMinute } from '../shared/sync/merkle';
import {
  sinceMillis,
  syncResponseSchema,
  type SyncResponse,
  type WirePart,
} from '../shared/sync/server-protocol';
import { formatTimestamp, newNodeId } from '../shared/sync/timestamp';
import { findDivergence, LevelTrie, packedTrieHashes, trieView } from '../shared/sync/trie-view';
import { packMinuteHashes } from '../shared/sync/merkle';
import { createAdmin } from './admin';
import { buildServer } from './app';
import { storageKinds, openTestStorage, type TestStorage } from './test-storages';

const t0 = Date.UTC(2026, 10, 29, 8);
const node = 'aaaaaaaaaaaaaaaa';
const ts = (millis: number, counter = 0, at = node) =>
  formatTimestamp({ millis, counter, node: at });
const part = (row: string, name: string): WirePart => [
  'projects',
  row,
  { name, ownerCompany: '某公司' },
];
/** What a sealed write looks like to the server: base64 of IV, ciphertext and tag. */
const sealed = Buffer.alloc(60, 7).toString('base64');
const row = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

describe.each(storageKinds)('sync server on %s', (kind) => {
  let store: TestStorage;
  let app: FastifyInstance;
  let base: string;
  const logLines: string[] = [];
  let clock = new Date(t0 + 60_000);

  beforeAll(async () => {
    store = await openTestStorage(kind);
    app = await buildServer({
      storage: store.storage,
      version: '0.0.0-test',
      logger: {
        level: 'info',
        stream: new Writable({
          write(chunk: Buffer, _encoding, done) {
            logLines.push(chunk.toString());
            done();
          },
        }),
      },
      limits: {
        device: { burst: 1000, perMinute: 60_000 },
        address: { burst: 50, perMinute: 600 },
      },
      page: { writes: 50, bytes: 4_000 },
      now: () => clock,
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  const admin = () => createAdmin(store.storage, () => clock);

  async function call(
    method: string,
    url: string,
    { token, body }: { token?: string; body?: unknown } = {},
  ) {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: () => JSON.parse(text) as unknown,
    };
  }

  /** Each device's own node, as it joined with. */
  const nodeOf = new Map<string, string>();

  async function join(team: string, name: string, own = newNodeId()) {
    const { code } = await admin().addDevice(team, name);
    const joined = await call('POST', '/join', {
      body: { protocol: 2, node: own, code, deviceName: name },
    });
    expect(joined.status).toBe(200);
    const { token } = joined.json() as { token: string };
    nodeOf.set(token, own);
    return token;
  }

  async function sync(token: string, body: object): Promise<SyncResponse> {
    const response = await call('POST', '/sync', {
      token,
      body: { protocol: 2, node: nodeOf.get(token), ...body },
    });
    expect(response.status, response.text).toBe(200);
    return syncResponseSchema.parse(response.json());
  }

  /** Every write of the team from the start, following `next` page by page. */
  async function downloadAll(token: string) {
    const writes: (readonly [string, unknown])[] = [];
    let since = sinceMillis(0);
    let pages = 0;
    for (;;) {
      const page = await sync(token, { since });
      pages += 1;
      writes.push(...page.writes);
      if (!page.more) return { writes, pages, trie: page.trie };
      since = page.next!;
    }
  }

  it('says it is healthy without a token, and which storage it uses', async () => {
    const health = await call('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, protocol: 2, storage: kind });
  });

  it('turns a one-time join code into a device token, however the code is typed', async () => {
    const team = await admin().createTeam(`团队 ${kind} 甲`);
    const { code } = await admin().addDevice(team.id, '王小明的电脑');
    const typed = `  ${code.toLowerCase().replace(/-/g, ' ')} `;
    const joined = await call('POST', '/join', {
      body: { protocol: 2, node: newNodeId(), code: typed, deviceName: '王小明（某镇）' },
    });
    expect(joined.status).toBe(200);
    const info = joined.json() as {
      token: string;
      team: { id: string; name: string };
      encryption: null;
    };
    expect(info.team).toEqual({ id: team.id, name: team.name });
    expect(info.encryption).toBeNull();
    expect(info.token).toMatch(/^dbd_/);
    // Once only.
    const again = await call('POST', '/join', {
      body: { protocol: 2, node: newNodeId(), code, deviceName: 'x' },
    });
    expect(again.status).toBe(401);
    expect(again.json()).toEqual({ error: 'badCode' });
    // The token is stored hashed: nothing in the storage holds it.
    const listed = JSON.stringify(await store.storage.listTeams());
    expect(listed).not.toContain(info.token);
    expect(listed).not.toContain(code);
    const team2 = await call('GET', '/team', { token: info.token });
    expect(team2.json()).toMatchObject({ team: { id: team.id }, device: { name: '王小明的电脑' } });
  });

  it('refuses an expired join code, and one of a revoked device', async () => {
    const team = await admin().createTeam(`团队 ${kind} 过期`);
    const { code } = await admin().addDevice(team.id, '旧电脑', 1);
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    expect(
      (
        await call('POST', '/join', {
          body: { protocol: 2, node: newNodeId(), code, deviceName: 'x' },
        })
      ).status,
    ).toBe(401);
    const second = await admin().addDevice(team.id, '另一台');
    await admin().revokeDevice(team.id, second.device.id);
    expect(
      (
        await call('POST', '/join', {
          body: { protocol: 2, node: newNodeId(), code: second.code, deviceName: 'x' },
        })
      ).status,
    ).toBe(401);
  });

  it('refuses a missing, wrong or revoked token with 401 and nothing else', async () => {
    const team = await admin().createTeam(`团队 ${kind} 乙`);
    const token = await join(team.id, '电脑一');
    await sync(token, { writes: [[ts(t0), [part(row(1), '机密项目')]]] });
    const attempts = [
      await call('POST', '/sync', {
        body: { protocol: 2, node: newNodeId(), since: sinceMillis(0) },
      }),
      await call('POST', '/sync', {
        token: `${token.slice(0, -2)}xx`,
        body: { protocol: 2, node: newNodeId(), since: sinceMillis(0) },
      }),
      await call('POST', '/sync', {
        token: 'dbd_nonsense',
        body: { protocol: 2, node: newNodeId(), since: sinceMillis(0) },
      }),
      await call('GET', '/team', { token: 'Basic abc' }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(401);
      expect(attempt.json()).toEqual({ error: 'unauthorized' });
    }
    await admin().revokeDevice(team.id, '电脑一');
    const revoked = await call('POST', '/sync', {
      token,
      body: { protocol: 2, node: newNodeId(), since: sinceMillis(0) },
    });
    expect(revoked.status).toBe(401);
    expect(revoked.json()).toEqual({ error: 'revoked' });
    for (const attempt of [...attempts, revoked]) expect(attempt.text).not.toContain('机密');
  });

  it('keeps teams apart: a device sees only its own team’s writes and trie', async () => {
    const teamA = await admin().createTeam(`团队 ${kind} A`);
    const teamB = await admin().createTeam(`团队 ${kind} B`);
    const a = await join(teamA.id, 'A 的电脑');
    const b = await join(teamB.id, 'B 的电脑');
    await sync(a, { writes: [[ts(t0, 1), [part(row(2), '甲方项目')]]] });
    const seenByB = await downloadAll(b);
    expect(seenByB.writes).toEqual([]);
    expect(seenByB.trie).toEqual({ hash: 0 });
    await sync(b, { writes: [[ts(t0, 1), [part(row(2), '乙方改写')]]] });
    const seenByA = await downloadAll(a);
    expect(seenByA.writes).toEqual([[ts(t0, 1), [part(row(2), '甲方项目')]]]);
  });

  it('stores writes insert-or-ignore, answers whole writes in timestamp pages, and its trie', async () => {
    const team = await admin().createTeam(`团队 ${kind} 丙`);
    const one = await join(team.id, '一');
    const two = await join(team.id, '二');
    const writes = Array.from(
      { length: 130 },
      (_, index) =>
        [
          ts(t0 + index * 1_000, 0, index % 2 ? node : 'bbbbbbbbbbbbbbbb'),
          index % 10 === 0
            ? [part(row(index), `项目${index}`), part(row(index + 1000), '同一次')]
            : [part(row(index), `项目${index}`)],
        ] as const,
    );
    const first = await sync(one, { writes: writes.slice(0, 80) });
    expect(first.accepted).toBe(80);
    // Sent again with more: only the new ones count.
    const second = await sync(one, { writes: [...writes.slice(70, 130)].reverse() });
    expect(second.accepted).toBe(50);
    const all = await downloadAll(two);
    expect(all.writes).toEqual(writes);
    expect(all.pages).toBeGreaterThan(2);
    const truth = new LevelTrie();
    for (const [t] of writes) truth.add(t);
    expect(all.trie).toEqual(trieView(truth));
    // A device holding the same writes finds nothing to exchange.
    const hashes = new Map<number, number>();
    for (const [t] of writes) addTimestamp(hashes, t);
    expect(findDivergence(packedTrieHashes(packMinuteHashes(hashes)), all.trie)).toEqual({
      kind: 'equal',
    });
    // From a timestamp on: only later writes.
    const later = await sync(one, { since: writes[120]![0], count: true });
    expect(later.writes).toEqual(writes.slice(121));
    expect(later.more).toBe(false);
    expect(later.total).toBe(9);
    // Listing what the device holds leaves it out, and names what the server lacks.
    const unknown = ts(t0 + 999_999);
    const listed = await sync(one, {
      since: writes[120]![0],
      have: [writes[125]![0], unknown],
      count: true,
    });
    expect(listed.writes).toEqual([...writes.slice(121, 125), ...writes.slice(126)]);
    expect(listed.missing).toEqual([unknown]);
    expect(listed.total).toBe(8);
  });

  it('opens a requested branch of its trie', async () => {
    const team = await admin().createTeam(`团队 ${kind} 树`);
    const token = await join(team.id, '一');
    const writes = Array.from(
      { length: 40 },
      (_, index) => [ts(t0 - index * 7_200_000), [part(row(index), 'x')]] as const,
    );
    const prefix = minuteKey(timestampMinute(writes[30]![0])).slice(0, 14);
    const response = await sync(token, { writes, expand: prefix });
    const truth = new LevelTrie();
    for (const [t] of writes) truth.add(t);
    expect(response.trie).toEqual(trieView(truth, prefix));
    const narrow = (await sync(token, {})).trie;
    expect(narrow).toEqual(trieView(truth));
    expect(JSON.stringify(narrow).length).toBeLessThan(JSON.stringify(response.trie).length);
  });

  it('stores concurrent sends of the same writes once', async () => {
    const team = await admin().createTeam(`团队 ${kind} 并发`);
    const devices = await Promise.all([1, 2, 3, 4].map((index) => join(team.id, `电脑${index}`)));
    // Converted v0.1 records' nodes are anyone's: every device may pass them on.
    const writes = Array.from(
      { length: 60 },
      (_, index) => [ts(t0 + index, 0, '00000000abcdef12'), [part(row(index), 'x')]] as const,
    );
    const results = await Promise.all(devices.map((token) => sync(token, { writes })));
    expect(results.reduce((sum, result) => sum + result.accepted, 0)).toBe(60);
    const all = await downloadAll(devices[0]!);
    expect(all.writes).toHaveLength(60);
    const truth = new LevelTrie();
    for (const [t] of writes) truth.add(t);
    expect(all.trie).toEqual(trieView(truth));
  });

  it('refuses what it must not store, saying why and nothing more', async () => {
    const team = await admin().createTeam(`团队 ${kind} 丁`);
    const token = await join(team.id, '一');
    const refused = async (body: unknown, status: number, error: string) => {
      const response = await call('POST', '/sync', { token, body });
      expect(response.status, response.text).toBe(status);
      expect(response.json()).toEqual({ error });
    };
    await refused({ protocol: 1, node: newNodeId() }, 400, 'protocol');
    await refused(
      { protocol: 2, node: newNodeId(), writes: [['yesterday', [part(row(1), 'x')]]] },
      400,
      'badRequest',
    );
    await refused({ protocol: 2, node: newNodeId(), since: "' OR 1=1 --" }, 400, 'badRequest');
    await refused('{"protocol": 2, "writes": [', 400, 'badRequest');
    const huge = 'x'.repeat(17 * 1024 * 1024);
    await refused({ protocol: 2, node: newNodeId(), writes: [[ts(t0), huge]] }, 413, 'tooLarge');
    expect((await downloadAll(token)).writes).toEqual([]);
  });

  it('keeps a team’s encryption once set, and then refuses writes in the clear', async () => {
    const team = await admin().createTeam(`团队 ${kind} 加密`);
    const token = await join(team.id, '一');
    const encryption = {
      kdf: 'PBKDF2-SHA256',
      iterations: 600_000,
      salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
      check: 'c2VhbGVkIGNoZWNrIHRleHQgb2YgdGhlIHRlYW0ga2V5LCBmb3IgdGhlIHRlc3RzLg==',
    };
    const set = await call('PUT', '/team/encryption', { token, body: encryption });
    expect(set.status).toBe(201);
    expect((set.json() as { encryption: unknown }).encryption).toEqual(encryption);
    expect((await call('PUT', '/team/encryption', { token, body: encryption })).status).toBe(409);
    const plain = await call('POST', '/sync', {
      token,
      body: { protocol: 2, node: newNodeId(), writes: [[ts(t0), [part(row(1), 'x')]]] },
    });
    expect(plain.json()).toEqual({ error: 'plaintextRefused' });
    const stored = await sync(token, { writes: [[ts(t0), sealed]] });
    expect(stored.accepted).toBe(1);
    // A new device learns the team encrypts as it joins.
    const { code } = await admin().addDevice(team.id, '二');
    const joined = await call('POST', '/join', {
      body: { protocol: 2, node: newNodeId(), code, deviceName: '二' },
    });
    expect((joined.json() as { encryption: unknown }).encryption).toEqual(encryption);

    const plainTeam = await admin().createTeam(`团队 ${kind} 明文`);
    const other = await join(plainTeam.id, '一');
    await sync(other, { writes: [[ts(t0), [part(row(1), 'x')]]] });
    const late = await call('PUT', '/team/encryption', { token: other, body: encryption });
    expect(late.status).toBe(409);
    expect(late.json()).toEqual({ error: 'hasPlaintext' });
    // Nor by a joining device: its code stays unspent.
    const { code: plainCode } = await admin().addDevice(plainTeam.id, '二');
    const refusedJoin = await call('POST', '/join', {
      body: { protocol: 2, node: newNodeId(), code: plainCode, deviceName: '二', encryption },
    });
    expect(refusedJoin.status).toBe(409);
    expect(refusedJoin.json()).toEqual({ error: 'hasPlaintext' });
    expect(
      (
        await call('POST', '/join', {
          body: { protocol: 2, node: newNodeId(), code: plainCode, deviceName: '二' },
        })
      ).status,
    ).toBe(200);
  });

  it('lets the first device to join set the team passphrase', async () => {
    const team = await admin().createTeam(`团队 ${kind} 首台加密`);
    const encryption = {
      kdf: 'PBKDF2-SHA256',
      iterations: 600_000,
      salt: 'BBBBBBBBBBBBBBBBBBBBBA==',
      check: 'c2VhbGVkIGNoZWNrIHRleHQgb2YgdGhlIHRlYW0ga2V5LCBmb3IgdGhlIHRlc3RzLg==',
    };
    const { code } = await admin().addDevice(team.id, '一');
    const joined = await call('POST', '/join', {
      body: { protocol: 2, node: newNodeId(), code, deviceName: '一', encryption },
    });
    expect(joined.status).toBe(200);
    expect((joined.json() as { encryption: unknown }).encryption).toEqual(encryption);
    // A second device offering another passphrase gets the team's, to check its own against.
    const other = { ...encryption, salt: 'CCCCCCCCCCCCCCCCCCCCCA==' };
    const second = await admin().addDevice(team.id, '二');
    const joined2 = await call('POST', '/join', {
      body: {
        protocol: 2,
        node: newNodeId(),
        code: second.code,
        deviceName: '二',
        encryption: other,
      },
    });
    expect((joined2.json() as { encryption: unknown }).encryption).toEqual(encryption);
  });

  it('takes each write on its own: refuses those it must not store, stores the rest', async () => {
    const team = await admin().createTeam(`团队 ${kind} 逐条`);
    const own = 'cccccccccccccccc';
    const token = await join(team.id, '一', own);
    const good = [ts(t0, 0, own), [part(row(1), '好的')]] as const;
    const answer = await sync(token, {
      writes: [
        good,
        // Not what the shared schema allows: no record id, cells that are not an object, a
        // base that is not a timestamp.
        [ts(t0, 1, own), [['projects', '', { name: 'x' }]]],
        [ts(t0, 2, own), [['projects', row(2), 'x'], part(row(5), '同一次的另一条')]],
        [ts(t0, 7, own), [['projects', row(2), { name: 'x' }, { name: 'bad' }]]],
        [ts(t0, 3, own), [1]],
        [ts(t0, 4, own), '只有一段文字'],
        [ts(t0, 5, own), []],
        // The seeds' timestamp and node are nobody's.
        ['1970-01-01T00:00:00.000Z-0000-0000000000000000', [part(row(3), '冒充默认')]],
        [ts(t0, 6, '0000000000000000'), [part(row(3), '冒充默认')]],
        // More than an hour ahead of the server's clock.
        [ts(clock.getTime() + 61 * 60_000, 0, own), [part(row(4), '快钟')]],
      ],
    });
    expect(answer.accepted).toBe(1);
    expect(answer.refused).toEqual([
      [ts(t0, 1, own), 'malformedWrite'],
      [ts(t0, 2, own), 'malformedWrite'],
      [ts(t0, 7, own), 'malformedWrite'],
      [ts(t0, 3, own), 'malformedWrite'],
      [ts(t0, 4, own), 'malformedWrite'],
      [ts(t0, 5, own), 'malformedWrite'],
      ['1970-01-01T00:00:00.000Z-0000-0000000000000000', 'reservedNode'],
      [ts(t0, 6, '0000000000000000'), 'reservedNode'],
      [ts(clock.getTime() + 61 * 60_000, 0, own), 'clockAhead'],
    ]);
    expect(new Date(answer.serverTime).getTime()).toBe(clock.getTime());
    // Within the hour is taken.
    const soon = await sync(token, {
      writes: [[ts(clock.getTime() + 59 * 60_000, 0, own), [part(row(4), '快一点')]]],
    });
    expect(soon.accepted).toBe(1);
    expect(soon.refused).toBeUndefined();
    expect((await downloadAll(token)).writes.map(([at]) => at)).toEqual([
      good[0],
      ts(clock.getTime() + 59 * 60_000, 0, own),
    ]);
  });

  it('never stores a write stamped with another device’s node, nor a used timestamp with other content', async () => {
    const team = await admin().createTeam(`团队 ${kind} 冒名`);
    const colleagueNode = 'dddddddddddddddd';
    const colleague = await join(team.id, '同事', colleagueNode);
    const mallory = await join(team.id, '冒名者');
    const real = [ts(t0 + 60_000, 0, colleagueNode), [part(row(1), '同事的修改')]] as const;
    // Ahead of the colleague, in its name: refused, and the colleague's own write still lands.
    const forged = await sync(mallory, {
      writes: [
        [real[0], [part(row(1), '冒名的修改')]],
        [ts(t0, 0, nodeOf.get(mallory)), [part(row(2), '自己的修改')]],
      ],
    });
    expect(forged.accepted).toBe(1);
    expect(forged.refused).toEqual([[real[0], 'foreignNode']]);
    const honest = await sync(colleague, { writes: [real] });
    expect(honest).toMatchObject({ accepted: 1 });
    expect(honest.refused).toBeUndefined();
    // The same write again is nothing new; other content under its timestamp is refused.
    const again = await sync(colleague, {
      writes: [real, [real[0], [part(row(1), '另一内容')]]],
    });
    expect(again.accepted).toBe(0);
    expect(again.refused).toEqual([[real[0], 'timestampReused']]);
    const later = await sync(colleague, { writes: [[real[0], [part(row(9), '又一内容')]]] });
    expect(later.refused).toEqual([[real[0], 'timestampReused']]);
    const all = await downloadAll(colleague);
    expect(all.writes).toContainEqual(real);
    expect(JSON.stringify(all.writes)).not.toContain('冒名的');
    expect(JSON.stringify(all.writes)).not.toContain('内容');
    // A node unknown to the server becomes its first uploader's; converted records' are anyone's.
    const fresh = 'eeeeeeeeeeeeeeee';
    await sync(mallory, { writes: [[ts(t0, 0, fresh), [part(row(3), '首次')]]] });
    const taken = await sync(colleague, {
      writes: [
        [ts(t0, 1, fresh), [part(row(3), '不是我的')]],
        [ts(t0, 0, '00000000aaaaaaaa'), [part(row(4), '旧版数据')]],
      ],
    });
    expect(taken.refused).toEqual([[ts(t0, 1, fresh), 'foreignNode']]);
    expect(taken.accepted).toBe(1);
  });

  it('registers each device’s nodes first come, first served, and tells the team whose they are', async () => {
    const team = await admin().createTeam(`团队 ${kind} 节点`);
    const first = 'f1f1f1f1f1f1f1f1';
    const token = await join(team.id, '一号电脑', first);
    // Another device joining, or syncing, with a node already taken is refused: 409 nodeTaken.
    const { code } = await admin().addDevice(team.id, '复制的电脑');
    const copied = await call('POST', '/join', {
      body: { protocol: 2, node: first, code, deviceName: '复制的电脑' },
    });
    expect(copied.status).toBe(409);
    expect(copied.json()).toEqual({ error: 'nodeTaken' });
    // The code is still good: with a new node the device joins.
    const second = 'f2f2f2f2f2f2f2f2';
    const joined = await call('POST', '/join', {
      body: { protocol: 2, node: second, code, deviceName: '复制的电脑' },
    });
    expect(joined.status).toBe(200);
    const copy = joined.json() as { token: string; device: { id: string } };
    const taken = await call('POST', '/sync', {
      token: copy.token,
      body: { protocol: 2, node: first },
    });
    expect(taken.status).toBe(409);
    expect(taken.json()).toEqual({ error: 'nodeTaken' });
    // A device may take a further node (after a restore from a backup).
    const restored = 'f3f3f3f3f3f3f3f3';
    const answer = syncResponseSchema.parse(
      (
        await call('POST', '/sync', { token, body: { protocol: 2, node: restored, nodes: 0 } })
      ).json(),
    );
    const info = (await call('GET', '/team', { token })).json() as { device: { id: string } };
    expect(answer.nodes).toEqual({
      [first]: { device: info.device.id, name: '一号电脑' },
      [second]: { device: copy.device.id, name: '复制的电脑' },
      [restored]: { device: info.device.id, name: '一号电脑' },
    });
    // A device that knows them all is not sent the map again.
    const quiet = await sync(token, { node: restored, nodes: 3 });
    expect(quiet.nodes).toBeUndefined();
    // The seeds' node, or a converted record's, is nobody's to register.
    for (const reserved of ['0000000000000000', '00000000aaaaaaaa']) {
      const refusedNode = await call('POST', '/sync', {
        token,
        body: { protocol: 2, node: reserved },
      });
      expect(refusedNode.status).toBe(400);
    }
  });

  it('takes only sealed envelopes in a team that encrypts', async () => {
    const team = await admin().createTeam(`团队 ${kind} 只收密文`);
    const token = await join(team.id, '一');
    const own = nodeOf.get(token)!;
    const encryption = {
      kdf: 'PBKDF2-SHA256',
      iterations: 600_000,
      salt: 'DDDDDDDDDDDDDDDDDDDDDA==',
      check: 'c2VhbGVkIGNoZWNrIHRleHQgb2YgdGhlIHRlYW0ga2V5LCBmb3IgdGhlIHRlc3RzLg==',
    };
    expect((await call('PUT', '/team/encryption', { token, body: encryption })).status).toBe(201);
    // Plain parts from a device that has not unlocked the team: the whole request is refused.
    const plain = await call('POST', '/sync', {
      token,
      body: { protocol: 2, node: own, writes: [[ts(t0, 0, own), [part(row(1), '明文')]]] },
    });
    expect(plain.status).toBe(400);
    expect(plain.json()).toEqual({ error: 'plaintextRefused' });
    const answer = await sync(token, {
      writes: [
        [ts(t0, 1, own), sealed],
        [ts(t0, 2, own), 'c2hvcnQ='],
        [ts(t0, 3, own), `${sealed.slice(0, -4)}!!!!`],
        [ts(t0, 4, own), '明文的项目名称，写成一段足够长的文字，看起来像一个字符串'],
      ],
    });
    expect(answer.accepted).toBe(1);
    expect(answer.refused).toEqual([
      [ts(t0, 2, own), 'malformedWrite'],
      [ts(t0, 3, own), 'malformedWrite'],
      [ts(t0, 4, own), 'malformedWrite'],
    ]);
    expect((await downloadAll(token)).writes).toEqual([[ts(t0, 1, own), sealed]]);
  });

  it('refuses an encryption record outside the protocol’s bounds', async () => {
    const team = await admin().createTeam(`团队 ${kind} 加密参数`);
    const token = await join(team.id, '一');
    const good = {
      kdf: 'PBKDF2-SHA256',
      iterations: 600_000,
      salt: 'EEEEEEEEEEEEEEEEEEEEEA==',
      check: 'c2VhbGVkIGNoZWNrIHRleHQgb2YgdGhlIHRlYW0ga2V5LCBmb3IgdGhlIHRlc3RzLg==',
    };
    for (const bad of [
      { ...good, iterations: 10_000_000 },
      { ...good, iterations: 1_000 },
      { ...good, check: 'junk' },
      { ...good, check: `${good.check.slice(0, -4)}AAAA` },
    ]) {
      const answer = await call('PUT', '/team/encryption', { token, body: bad });
      expect(answer.status).toBe(400);
    }
    expect((await call('GET', '/team', { token })).json()).toMatchObject({ encryption: null });
  });

  it('answers a browser’s preflight, and any origin without credentials', async () => {
    const preflight = await fetch(`${base}/sync`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'app://daiban',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('logs requests without tokens, codes or record contents', async () => {
    const team = await admin().createTeam(`团队 ${kind} 日志`);
    const { code } = await admin().addDevice(team.id, '一');
    const joined = await call('POST', '/join', {
      body: { protocol: 2, node: newNodeId(), code, deviceName: '一' },
    });
    const token = (joined.json() as { token: string }).token;
    nodeOf.set(token, newNodeId());
    await sync(token, {
      writes: [[ts(t0), [part(row(1), '保密的项目名称')]]],
      since: sinceMillis(0),
    });
    await call('POST', '/sync', { token: 'dbd_wrong', body: { protocol: 2, node: newNodeId() } });
    const log = logLines.join('');
    expect(log).toContain('"msg":"sync"');
    expect(log).not.toContain(token);
    expect(log).not.toContain(code);
    expect(log).not.toContain('保密');
    expect(log).not.toMatch(/authorization/i);
  });
});

describe('rate limits', () => {
  it('slows a device down with 429 and Retry-After, and other devices not at all', async () => {
    const store = await openTestStorage('sqlite');
    const app = await buildServer({
      storage: store.storage,
      version: 'test',
      limits: { device: { burst: 3, perMinute: 6 }, address: { burst: 4, perMinute: 2 } },
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const admin = createAdmin(store.storage);
      const team = await admin.createTeam('限流');
      const tokens: string[] = [];
      for (const name of ['一', '二']) {
        const { code } = await admin.addDevice(team.id, name);
        const response = await fetch(`${base}/join`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ protocol: 2, node: newNodeId(), code, deviceName: name }),
        });
        tokens.push(((await response.json()) as { token: string }).token);
      }
      const ask = (token: string) =>
        fetch(`${base}/team`, { headers: { Authorization: `Bearer ${token}` } });
      const statuses = [];
      for (let index = 0; index < 5; index += 1) statuses.push((await ask(tokens[0]!)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await ask(tokens[0]!);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toEqual({ error: 'rateLimited' });
      expect((await ask(tokens[1]!)).status).toBe(200);
      // Guessing join codes is slowed by address.
      const guesses = [];
      for (let index = 0; index < 4; index += 1) {
        const response = await fetch(`${base}/join`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            protocol: 2,
            node: newNodeId(),
            code: 'AAAA-BBBB-CCCC-DDDD',
            deviceName: 'x',
          }),
        });
        guesses.push(response.status);
      }
      expect(guesses).toEqual([401, 401, 429, 429]);
    } finally {
      await app.close();
      await store.dispose();
    }
  });
});
