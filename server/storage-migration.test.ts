import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStorage } from './postgres-storage';
import { openSqliteStorage, sqliteFileName } from './sqlite-storage';
import type { Storage } from './storage';
import { postgresUrl, storageKinds } from './test-storages';

/** The tables as schema 1 (protocol 1 servers) left them: no node registry. */
const schema1 = (seq: string) => `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, encryption TEXT);
CREATE TABLE devices (
  id TEXT PRIMARY KEY, team_id TEXT NOT NULL REFERENCES teams(id), name TEXT NOT NULL,
  token_hash TEXT UNIQUE, created_at TEXT NOT NULL, joined_at TEXT, last_seen_at TEXT, revoked_at TEXT
);
CREATE TABLE join_codes (
  code_hash TEXT PRIMARY KEY, device_id TEXT NOT NULL REFERENCES devices(id),
  expires_at TEXT NOT NULL, used_at TEXT
);
CREATE TABLE writes (
  seq ${seq}, team_id TEXT NOT NULL, ts TEXT NOT NULL, content TEXT NOT NULL,
  device_id TEXT NOT NULL, UNIQUE (team_id, ts)
);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO teams VALUES ('t', '团队', '2026-01-01T00:00:00.000Z', NULL);
INSERT INTO devices (id, team_id, name, created_at) VALUES
  ('d1', 't', '一号', '2026-01-01T00:00:00.000Z'),
  ('d2', 't', '二号', '2026-01-01T00:00:00.000Z');
INSERT INTO writes (team_id, ts, content, device_id) VALUES
  ('t', '2026-01-01T00:00:01.000Z-0000-aaaaaaaaaaaaaaaa', '[]', 'd1'),
  ('t', '2026-01-01T00:00:02.000Z-0000-bbbbbbbbbbbbbbbb', '[]', 'd2'),
  -- d1 passed on d2's node later: the first upload decides.
  ('t', '2026-01-01T00:00:03.000Z-0000-bbbbbbbbbbbbbbbb', '[]', 'd1'),
  ('t', '2026-01-01T00:00:04.000Z-0000-00000000aaaaaaaa', '[]', 'd1'),
  ('t', '2026-01-01T00:00:05.000Z-0000-cccccccccccccccc', '[]', 'gone');
`;

async function schema1Storage(kind: 'sqlite' | 'postgres') {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-migrate-'));
    const db = new Database(path.join(folder, sqliteFileName));
    db.exec(schema1('INTEGER PRIMARY KEY'));
    db.close();
    const storage = openSqliteStorage(folder);
    return {
      storage,
      dispose: async () => {
        await storage.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const name = `daiban_migrate_${crypto.randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  const old = new pg.Client({ connectionString: url.toString() });
  await old.connect();
  await old.query(schema1('BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'));
  await old.end();
  const storage: Storage = openPostgresStorage(url.toString());
  return {
    storage,
    dispose: async () => {
      await storage.close();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name}`);
      await cleanup.end();
    },
  };
}

describe.each(storageKinds)('upgrading the storage from schema 1 on %s', (kind) => {
  it('registers the nodes of the stored writes to the devices that first uploaded them', async () => {
    const { storage, dispose } = await schema1Storage(kind);
    try {
      await storage.migrate();
      expect(await storage.teamNodes('t')).toEqual([
        { node: 'aaaaaaaaaaaaaaaa', deviceId: 'd1', deviceName: '一号' },
        { node: 'bbbbbbbbbbbbbbbb', deviceId: 'd2', deviceName: '二号' },
      ]);
      // The writes are all still there, and the registry is in force at once.
      expect(await storage.countAfter('t', '')).toBe(5);
      expect(await storage.registerNode('t', 'd1', 'bbbbbbbbbbbbbbbb', 'now')).toBe('taken');
      expect(await storage.registerNode('t', 'd1', 'dddddddddddddddd', 'now')).toBe('registered');
      expect(await storage.registerNode('t', 'd1', 'dddddddddddddddd', 'now')).toBe('registered');
      // Started again: nothing changes.
      await storage.migrate();
      expect(await storage.teamNodes('t')).toHaveLength(3);
    } finally {
      await dispose();
    }
  });
});
