import type { FastifyInstance } from 'fastify';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxRequestBytes, sinceMillis } from '../shared/sync/server-protocol';
import { formatTimestamp } from '../shared/sync/timestamp';
import { createAdmin } from './admin';
import { buildServer } from './app';
import { openTestStorage, storageKinds, type TestStorage } from './test-storages';

const t0 = Date.UTC(2026, 10, 29, 8);
/** Each device here is alone in its team: one node serves them all. */
const node = 'aaaaaaaaaaaaaaaa';
const ts = (millis: number) => formatTimestamp({ millis, counter: 0, node });
const mib16 = maxRequestBytes;

/**
 * Sends the start of a body that claims `length` bytes, and waits for the answer without
 * sending the rest: an answer proves the server decided before reading (let alone parsing) it.
 */
function answerBeforeBody(
  base: string,
  path: string,
  { length, start, token }: { length: number; start: string; token?: string },
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(length),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode!, body: JSON.parse(text) as unknown });
      });
    });
    request.on('error', reject);
    request.write(start);
  });
}

describe.each(storageKinds)('hostile requests on %s', (kind) => {
  let store: TestStorage;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    store = await openTestStorage(kind);
    app = await buildServer({
      storage: store.storage,
      version: 'test',
      limits: { device: { burst: 1000, perMinute: 60_000 }, address: { burst: 5, perMinute: 5 } },
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  async function join(name: string) {
    const admin = createAdmin(store.storage);
    const team = await admin.createTeam(`${name} ${kind}`);
    const { code } = await admin.addDevice(team.id, name);
    const joined = await fetch(`${base}/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ protocol: 2, node, code, deviceName: name }),
    });
    return ((await joined.json()) as { token: string }).token;
  }

  const post = async (token: string, body: string) => {
    const response = await fetch(`${base}/sync`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body,
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  const stored = async (token: string) => {
    const response = await post(
      token,
      JSON.stringify({ protocol: 2, node, since: sinceMillis(0) }),
    );
    return (response.body as { writes: unknown[] }).writes.length;
  };

  it('refuses a tokenless 16 MiB body nested 8 million deep from its headers, before reading it', async () => {
    const answer = await answerBeforeBody(base, '/sync', {
      length: mib16,
      start: `{"protocol":2,"node":"${node}","writes":[["${ts(t0)}",${'['.repeat(64 * 1024)}`,
    });
    expect(answer).toEqual({ status: 401, body: { error: 'unauthorized' } });
    // The server goes on answering.
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('refuses deep nesting from a device as soon as it is too deep, never with a 500', async () => {
    const token = await join('深层');
    const answer = await answerBeforeBody(base, '/sync', {
      token,
      length: mib16,
      start: `{"protocol":2,"node":"${node}","writes":[["${ts(t0)}",${'['.repeat(1024 * 1024)}`,
    });
    expect(answer).toEqual({ status: 400, body: { error: 'malformedWrite' } });
    // Ten thousand levels inside a write's cell (a 500 once: the stack ran out re-encoding it).
    const deep = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const cell = `{"protocol":2,"node":"${node}","writes":[["${ts(t0)}",[["projects","r",{"name":${deep}}]]]]}`;
    expect(await post(token, cell)).toEqual({ status: 400, body: { error: 'malformedWrite' } });
    expect(await stored(token)).toBe(0);
  });

  it('refuses 16 MiB of tiny arrays once their count is past what a request holds', async () => {
    const token = await join('小数组');
    const inOneWrite = await answerBeforeBody(base, '/sync', {
      token,
      length: mib16,
      start: `{"protocol":2,"node":"${node}","writes":[["${ts(t0)}",[${'[],'.repeat(1024 * 1024)}`,
    });
    expect(inOneWrite).toEqual({ status: 413, body: { error: 'writeTooLarge' } });
    const asWrites = await answerBeforeBody(base, '/sync', {
      token,
      length: mib16,
      start: `{"protocol":2,"node":"${node}","writes":[${'[],'.repeat(1024 * 1024)}`,
    });
    expect(asWrites).toEqual({ status: 413, body: { error: 'tooLarge' } });
    // Whole, with every count in bounds but the bytes.
    const whole = `{"protocol":2,"node":"${node}","have":["${'x'.repeat(mib16)}"]}`;
    expect(await post(token, whole)).toEqual({ status: 413, body: { error: 'tooLarge' } });
    expect(await stored(token)).toBe(0);
  });

  it('limits joins by address before their body is read, and their bodies to a few KiB', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const response = await fetch(`${base}/join`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ protocol: 2, node, code: 'AAAA-BBBB-CCCC-DDDD', deviceName: 'x' }),
      });
      statuses.push(response.status);
    }
    // Five allowed (two spent by the joins above), then refused.
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(3);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    const flood = await answerBeforeBody(base, '/join', {
      length: mib16,
      start: `{"protocol":2,"node":"${node}","code":"${'['.repeat(1024)}`,
    });
    expect(flood).toEqual({ status: 429, body: { error: 'rateLimited' } });
  });

  it('refuses a join body larger than a join can be before reading it', async () => {
    const other = await buildServer({ storage: store.storage, version: 'test' });
    const otherBase = await other.listen({ port: 0, host: '127.0.0.1' });
    try {
      const answer = await answerBeforeBody(otherBase, '/join', {
        length: 64 * 1024,
        start: '{"protocol":2,"node":"${node}",',
      });
      expect(answer).toEqual({ status: 413, body: { error: 'tooLarge' } });
    } finally {
      await other.close();
    }
  });
});
