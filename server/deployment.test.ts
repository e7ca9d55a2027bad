import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatTimestamp } from '../shared/sync/timestamp';
import { createAdmin } from './admin';
import { buildServer, parseTrustProxy, type ServerOptions } from './app';
import { main } from './cli';
import { openSqliteStorage, sqliteFileName } from './sqlite-storage';
import type { Storage } from './storage';
import { openTestStorage, storageKinds } from './test-storages';

const ts = formatTimestamp({
  millis: Date.UTC(2026, 10, 29, 8),
  counter: 0,
  node: 'aaaaaaaaaaaaaaaa',
});
const encryption = {
  kdf: 'PBKDF2-SHA256',
  iterations: 600_000,
  salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
  check: 'c2VhbGVkIGNoZWNrIHRleHQgb2YgdGhlIHRlYW0ga2V5LCBmb3IgdGhlIHRlc3RzLg==',
};

async function serve(storage: Storage, options: Partial<ServerOptions> = {}) {
  const lines: string[] = [];
  const app = await buildServer({
    storage,
    version: 'test',
    logger: {
      level: 'info',
      stream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    },
    ...options,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base, log: () => lines.join('') };
}

const node = 'aaaaaaaaaaaaaaaa';
const joinBody = (code: string) => JSON.stringify({ protocol: 2, node, code, deviceName: '电脑' });

describe('--trust-proxy', () => {
  it('takes a hop count or the proxies’ addresses, never “any”', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(parseTrustProxy('10.0.0.1, 10.0.1.0/24,::1')).toEqual([
      '10.0.0.1',
      '10.0.1.0/24',
      '::1',
    ]);
    for (const any of ['true', 'any', '*', '0', '', 'loopback, *', '0.0.0.0/0 x']) {
      expect(parseTrustProxy(any), any).toBeNull();
    }
  });

  it('counts the address the proxy saw, whatever the client wrote before it', async () => {
    const store = await openTestStorage('sqlite');
    const { app, base } = await serve(store.storage, {
      trustProxy: 1,
      limits: { device: { burst: 100, perMinute: 100 }, address: { burst: 3, perMinute: 3 } },
    });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const response = await fetch(`${base}/join`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            // A new made-up address each time, then the one the proxy appended.
            'X-Forwarded-For': `198.51.100.${attempt}, 203.0.113.7`,
          },
          body: joinBody('AAAA-BBBB-CCCC-DDDD'),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      await app.close();
      await store.dispose();
    }
  });
});

describe('the log', () => {
  it('names who was refused (address and device), never the token', async () => {
    const store = await openTestStorage('sqlite');
    const { app, base, log } = await serve(store.storage, {
      limits: { device: { burst: 1, perMinute: 1 }, address: { burst: 50, perMinute: 50 } },
    });
    try {
      const admin = createAdmin(store.storage);
      const team = await admin.createTeam('日志');
      const { code, device } = await admin.addDevice(team.id, '一');
      const joined = await fetch(`${base}/join`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: joinBody(code),
      });
      const { token } = (await joined.json()) as { token: string };
      const ask = (bearer: string) =>
        fetch(`${base}/team`, { headers: { Authorization: `Bearer ${bearer}` } });
      expect((await ask(token)).status).toBe(200);
      expect((await ask(token)).status).toBe(429);
      expect((await ask('dbd_guessed')).status).toBe(401);
      const refusals = log()
        .split('\n')
        .filter((line) => line.includes('"msg":"refused"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(refusals).toEqual([
        expect.objectContaining({
          error: 'rateLimited',
          status: 429,
          address: '127.0.0.1',
          device: device.id,
        }),
        expect.objectContaining({ error: 'unauthorized', status: 401, address: '127.0.0.1' }),
      ]);
      expect(log()).not.toContain(token);
      expect(log()).not.toContain('dbd_guessed');
    } finally {
      await app.close();
      await store.dispose();
    }
  });

  it('says the error code of a request that failed', async () => {
    const store = await openTestStorage('sqlite');
    const failing: Storage = {
      ...store.storage,
      writesAfter: () =>
        Promise.reject(Object.assign(new Error('disk full at row 机密'), { code: 'SQLITE_FULL' })),
    };
    const { app, base, log } = await serve(failing);
    try {
      const admin = createAdmin(store.storage);
      const team = await admin.createTeam('出错');
      const { code } = await admin.addDevice(team.id, '一');
      const joined = await fetch(`${base}/join`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: joinBody(code),
      });
      const { token } = (await joined.json()) as { token: string };
      const response = await fetch(`${base}/sync`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ protocol: 2, node, since: '2026-01-01T00:00:00.000Z' }),
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'internal' });
      const failed = log()
        .split('\n')
        .find((line) => line.includes('"msg":"request failed"'));
      expect(JSON.parse(failed!)).toMatchObject({ code: 'SQLITE_FULL', kind: 'Error' });
      expect(log()).not.toContain('机密');
    } finally {
      await app.close();
      await store.dispose();
    }
  });
});

describe.each(storageKinds)('the team’s mode on %s', (kind) => {
  it('is read again as writes are stored: a plaintext write checked before encryption was set is refused', async () => {
    const store = await openTestStorage(kind);
    try {
      const admin = createAdmin(store.storage);
      const team = await admin.createTeam('加密竞态');
      const write = { ts, content: '[["projects","r",{"name":"甲"}]]' };
      expect(await store.storage.setTeamEncryption(team.id, JSON.stringify(encryption))).toBe(
        'set',
      );
      expect(await store.storage.insertWrites(team.id, 'd', [write], { plaintext: true })).toBe(
        'teamEncrypted',
      );
      expect(await store.storage.countAfter(team.id, '')).toBe(0);
      const sealed = { ts, content: '"c2VhbGVkIGJ5dGVz"' };
      expect(await store.storage.insertWrites(team.id, 'd', [sealed], { plaintext: false })).toBe(
        1,
      );
    } finally {
      await store.dispose();
    }
  });
});

describe('the data folder', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-folder-'));
    vi.stubEnv('DATABASE_URL', '');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the database readable by the server’s user only', async () => {
    const data = path.join(folder, 'data');
    const storage = openSqliteStorage(data);
    await storage.migrate();
    await storage.close();
    expect(statSync(data).mode & 0o777).toBe(0o700);
    for (const name of [sqliteFileName, `${sqliteFileName}-wal`, `${sqliteFileName}-shm`]) {
      const file = path.join(data, name);
      try {
        expect(statSync(file).mode & 0o777, name).toBe(0o600);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw error;
      }
    }
  });

  it('that cannot be used is said in one line, not a stack', async () => {
    const output: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    const notAFolder = path.join(folder, 'file');
    writeFileSync(notAFolder, '');
    const code = await main(['list', '--data', path.join(notAFolder, 'data')]);
    expect(code).toBe(1);
    const text = output.join('');
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toContain('无法使用数据文件夹');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('refuses --trust-proxy that would trust any address', async () => {
    const output: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    const code = await main(['serve', '--data', folder, '--port', '0', '--trust-proxy', 'true']);
    expect(code).toBe(1);
    expect(output.join('')).toContain('--trust-proxy');
  });
});
