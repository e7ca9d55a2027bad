import type { FastifyInstance } from 'fastify';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { formatTimestamp, newNodeId } from '../shared/sync/timestamp';
import { createAdmin } from './admin';
import { buildServer, type ServerOptions } from './app';
import { openTestStorage, storageKinds, type TestStorage } from './test-storages';

const t0 = Date.UTC(2026, 10, 29, 8);
const ts = (index: number) =>
  formatTimestamp({ millis: t0 + index, counter: 0, node: 'aaaaaaaaaaaaaaaa' });
const write = (index: number, name = '项目') =>
  [ts(index), [['projects', `r${index}`, { name }]]] as const;

describe.each(storageKinds)('fair shares on %s', (kind) => {
  let store: TestStorage;
  let app: FastifyInstance;
  let base: string;
  const clock = new Date(t0 + 60_000);

  afterEach(async () => {
    await app.close();
    await store.dispose();
  });

  async function start(options: Partial<ServerOptions>) {
    store = await openTestStorage(kind);
    app = await buildServer({
      storage: store.storage,
      version: 'test',
      now: () => clock,
      ...options,
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  }

  const nodeOf = new Map<string, string>();

  async function join(teamName: string) {
    const admin = createAdmin(store.storage, () => clock);
    const team = (await store.storage.findTeams(teamName))[0] ?? (await admin.createTeam(teamName));
    const { code } = await admin.addDevice(team.id, `电脑${Math.random()}`);
    const node = newNodeId();
    const joined = await fetch(`${base}/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ protocol: 2, node, code, deviceName: '电脑' }),
    });
    const { token } = (await joined.json()) as { token: string };
    nodeOf.set(token, node);
    return token;
  }

  const sync = async (token: string, body: object) => {
    const response = await fetch(`${base}/sync`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ protocol: 2, node: nodeOf.get(token), ...body }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  const generous = {
    device: { burst: 100, perMinute: 100 },
    address: { burst: 100, perMinute: 100 },
  };

  it('answers one request at a time per device: a second one in parallel is refused at once', async () => {
    await start({ limits: generous });
    const token = await join('一次一个');
    const other = await join('一次一个');
    // A request whose body is still coming holds the device's turn.
    const whole = `{"protocol":2,"node":"${nodeOf.get(token)}","since":"2026-01-01T00:00:00.000Z"}`;
    const slow = http.request(`${base}/sync`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(whole.length),
        Authorization: `Bearer ${token}`,
      },
    });
    const slowAnswer = new Promise<number>((resolve) =>
      slow.on('response', (response) => {
        response.resume();
        resolve(response.statusCode!);
      }),
    );
    slow.on('error', () => undefined);
    slow.write(whole.slice(0, 13));
    // Once the server has its headers, the device's next request is refused.
    await expect.poll(async () => (await sync(token, {})).body).toEqual({ error: 'rateLimited' });
    // Another device of the team is not held up.
    expect((await sync(other, {})).status).toBe(200);
    slow.end(whole.slice(13));
    expect(await slowAnswer).toBe(200);
    expect((await sync(token, {})).status).toBe(200);
  });

  it('limits a device’s writes and bytes per minute, not only its requests', async () => {
    await start({
      limits: {
        ...generous,
        writes: { burst: 10, perMinute: 10 },
        bytes: { burst: 4_000, perMinute: 4_000 },
      },
    });
    const token = await join('限量');
    const tenWrites = Array.from({ length: 10 }, (_, index) => write(index));
    expect((await sync(token, { writes: tenWrites })).status).toBe(200);
    expect(await sync(token, { writes: [write(10)] })).toEqual({
      status: 429,
      body: { error: 'rateLimited' },
    });
    // Reading costs no writes, but bytes: a large body leaves the device waiting.
    expect((await sync(token, { have: [ts(1)] })).status).toBe(200);
    const big = Array.from({ length: 100 }, (_, index) => ts(index));
    expect((await sync(token, { have: big })).status).toBe(200);
    expect(await sync(token, {})).toEqual({ status: 429, body: { error: 'rateLimited' } });
    // Another device has its own share.
    expect((await sync(await join('限量'), { writes: [write(20)] })).status).toBe(200);
  });

  it('refuses writes past the team’s storage quota with 507 quotaExceeded', async () => {
    await start({ limits: generous, teamQuotaBytes: 600 });
    const token = await join('配额');
    const first = Array.from({ length: 5 }, (_, index) => write(index, '城区项目'));
    expect((await sync(token, { writes: first })).status).toBe(200);
    const more = Array.from({ length: 10 }, (_, index) => write(100 + index, '城区项目'));
    expect(await sync(token, { writes: more })).toEqual({
      status: 507,
      body: { error: 'quotaExceeded' },
    });
    // Reading goes on, and another team has its own quota.
    expect((await sync(token, {})).status).toBe(200);
    expect((await sync(await join('另一个团队'), { writes: more })).status).toBe(200);
  });
});
