import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgresStorage } from './postgres-storage';
import { openSqliteStorage } from './sqlite-storage';
import type { Storage } from './storage';

/**
 * The storages every server test runs against: SQLite in a temporary folder, and PostgreSQL
 * when DAIBAN_TEST_DATABASE_URL names a server the tests may create databases on (.ci/run
 * starts one with .ci/postgres). CI must test both, so there a missing URL fails the run.
 */
export const postgresUrl = process.env.DAIBAN_TEST_DATABASE_URL;

if (!postgresUrl && process.env.CI) {
  throw new Error('DAIBAN_TEST_DATABASE_URL is not set: CI must test the PostgreSQL storage too');
}

/**
 * `dataFolder` and `databaseUrl` are what the admin CLI is given to reach the same storage
 * (`--data`, DATABASE_URL; the empty URL for SQLite); on PostgreSQL the folder holds only files
 * such as backups.
 */
export type TestStorage = {
  storage: Storage;
  dataFolder: string;
  databaseUrl: string;
  dispose(): Promise<void>;
};

export const storageKinds = postgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

export async function openTestStorage(kind: 'sqlite' | 'postgres'): Promise<TestStorage> {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-server-test-'));
    const storage = openSqliteStorage(folder);
    await storage.migrate();
    return {
      storage,
      dataFolder: folder,
      databaseUrl: '',
      async dispose() {
        await storage.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const name = `daiban_test_${crypto.randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  const storage = openPostgresStorage(url.toString());
  await storage.migrate();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-server-test-'));
  return {
    storage,
    dataFolder: folder,
    databaseUrl: url.toString(),
    async dispose() {
      await storage.close();
      rmSync(folder, { recursive: true, force: true });
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name}`);
      await cleanup.end();
    },
  };
}
