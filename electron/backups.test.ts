import { addDays, addMinutes } from 'date-fns';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupNameSchema } from '../shared/ipc/contract';
import {
  backupIndexName,
  backupName,
  backupsFolder,
  createBackupStore,
  timeFromBackupName,
} from './backups';

let userData: string;
let folder: string;
let clock: Date;
const now = () => clock;

beforeEach(() => {
  userData = mkdtempSync(path.join(os.tmpdir(), 'daiban-backups-'));
  folder = backupsFolder(userData);
  clock = new Date(2026, 2, 4, 9, 30, 5); // 2026-03-04 09:30:05 local
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

const data = (marker: string) => JSON.stringify({ format: 'daiban-data', marker });
const counts = { projects: 2, approvalItems: 17 };
const backupFiles = () =>
  readdirSync(folder)
    .filter((name) => name !== backupIndexName)
    .sort();

describe('backup names', () => {
  it('are 帮代通备份-yyyyMMdd-HHmmss.json in local time, with a suffix when taken', () => {
    const at = new Date(2026, 0, 5, 7, 8, 9);
    expect(backupName(at, new Set())).toBe('帮代通备份-20260105-070809.json');
    expect(backupName(at, new Set(['帮代通备份-20260105-070809.json']))).toBe(
      '帮代通备份-20260105-070809-1.json',
    );
    expect(
      backupName(
        at,
        new Set(['帮代通备份-20260105-070809.json', '帮代通备份-20260105-070809-1.json']),
      ),
    ).toBe('帮代通备份-20260105-070809-2.json');
    expect(backupNameSchema.safeParse(backupName(at, new Set())).success).toBe(true);
  });

  it('give their time back in local time', () => {
    expect(timeFromBackupName('帮代通备份-20260105-070809-3.json')).toEqual(
      new Date(2026, 0, 5, 7, 8, 9),
    );
    expect(timeFromBackupName('帮代通备份-20261345-070809.json')).toBeNull();
    expect(timeFromBackupName('data.json')).toBeNull();
  });
});

describe('backup store', () => {
  it('lists nothing before the folder exists', async () => {
    expect(await createBackupStore(folder, now).list()).toEqual({ folder, entries: [] });
  });

  it('saves a backup atomically under the data folder and lists it with its record', async () => {
    const store = createBackupStore(folder, now);
    const entry = await store.save({ reason: 'daily', text: data('a'), counts });
    expect(entry).toEqual({
      name: '帮代通备份-20260304-093005.json',
      createdAt: clock.toISOString(),
      sizeBytes: Buffer.byteLength(data('a')),
      reason: 'daily',
      counts,
    });
    expect(folder).toBe(path.join(userData, 'backups'));
    expect(readFileSync(path.join(folder, entry.name), 'utf8')).toBe(data('a'));
    expect(readdirSync(folder).sort()).toEqual([entry.name, backupIndexName].sort());
    expect(await store.list()).toEqual({ folder, entries: [entry] });
  });

  it('gives two backups in the same second different names, newest first', async () => {
    const store = createBackupStore(folder, now);
    const first = await store.save({ reason: 'manual', text: data('1'), counts });
    const second = await store.save({ reason: 'beforeImport', text: data('2'), counts });
    expect(second.name).toBe('帮代通备份-20260304-093005-1.json');
    expect((await store.list()).entries.map((entry) => entry.name)).toEqual([
      second.name,
      first.name,
    ]);
  });

  it('serializes concurrent saves: every one gets its own file and index record', async () => {
    const store = createBackupStore(folder, now);
    const saved = await Promise.all(
      ['a', 'b', 'c', 'd'].map((marker) =>
        store.save({ reason: 'manual', text: data(marker), counts: { projects: 1 } }),
      ),
    );
    expect(new Set(saved.map((entry) => entry.name)).size).toBe(4);
    const listed = await store.list();
    expect(listed.entries).toHaveLength(4);
    expect(listed.entries.every((entry) => entry.counts !== null)).toBe(true);
    for (const entry of saved) {
      expect((await store.read({ name: entry.name })).status).toBe('opened');
    }
  });

  it('lists a backup copied in by hand, with its time from its name and no counts', async () => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, '帮代通备份-20260101-080000.json'), data('copied'));
    writeFileSync(path.join(folder, 'notes.txt'), 'not a backup');
    mkdirSync(path.join(folder, '帮代通备份-20260102-080000.json'));
    const listed = await createBackupStore(folder, now).list();
    expect(listed.entries).toEqual([
      {
        name: '帮代通备份-20260101-080000.json',
        createdAt: new Date(2026, 0, 1, 8).toISOString(),
        sizeBytes: Buffer.byteLength(data('copied')),
        reason: 'manual',
        counts: null,
      },
    ]);
  });

  it('drops index records whose file is gone, from the list and then from the index', async () => {
    const store = createBackupStore(folder, now);
    const gone = await store.save({ reason: 'daily', text: data('gone'), counts });
    rmSync(path.join(folder, gone.name));
    expect((await store.list()).entries).toEqual([]);
    clock = addMinutes(clock, 1);
    const kept = await store.save({ reason: 'manual', text: data('kept'), counts });
    const index = JSON.parse(readFileSync(path.join(folder, backupIndexName), 'utf8')) as {
      entries: Record<string, unknown>;
    };
    expect(Object.keys(index.entries)).toEqual([kept.name]);
  });

  it('survives a damaged index: the backups are still listed, without their records', async () => {
    const store = createBackupStore(folder, now);
    const entry = await store.save({ reason: 'daily', text: data('a'), counts });
    writeFileSync(path.join(folder, backupIndexName), '{ broken');
    expect((await store.list()).entries).toEqual([{ ...entry, reason: 'manual', counts: null }]);
    clock = addMinutes(clock, 1);
    await store.save({ reason: 'manual', text: data('b'), counts });
    expect((await store.list()).entries).toHaveLength(2);
  });

  it('prunes by the retention rule after each save, never the backup just written', async () => {
    const store = createBackupStore(folder, now);
    // 40 days of daily backups, then a second backup on the last day.
    const start = new Date(2026, 0, 1, 9);
    for (let day = 0; day < 40; day += 1) {
      clock = addDays(start, day);
      await store.save({ reason: 'daily', text: data(String(day)), counts });
    }
    const names = backupFiles();
    // 7 days (02-03..02-09), the newest of 4 ISO weeks (also 02-01 and 01-25; the current
    // week's is 02-09), the newest of 2 months (01-31, 02-09).
    expect(names.map((name) => name.slice(6, 14))).toEqual([
      '20260125',
      '20260131',
      '20260201',
      '20260203',
      '20260204',
      '20260205',
      '20260206',
      '20260207',
      '20260208',
      '20260209',
    ]);
    const listed = await store.list();
    expect(listed.entries.map((entry) => entry.name).sort()).toEqual(names);
    expect(listed.entries.every((entry) => entry.reason === 'daily')).toBe(true);

    // A save with a clock set back a year is the oldest backup of all, and is still kept.
    clock = new Date(2025, 0, 1, 9);
    const old = await store.save({ reason: 'manual', text: data('old'), counts });
    expect(backupFiles()).toContain(old.name);
  });

  it('reads a listed backup, and only names of its own form', async () => {
    const store = createBackupStore(folder, now);
    const entry = await store.save({ reason: 'daily', text: data('a'), counts });
    expect(await store.read({ name: entry.name })).toEqual({
      status: 'opened',
      name: entry.name,
      text: data('a'),
    });
    expect(await store.read({ name: '帮代通备份-20200101-000000.json' })).toEqual({
      status: 'refused',
      name: '帮代通备份-20200101-000000.json',
      reason: 'missing',
    });
    writeFileSync(path.join(userData, 'secret.json'), '{}');
    expect(await store.read({ name: '../secret.json' })).toMatchObject({ reason: 'missing' });
    expect(await store.read({ name: backupIndexName })).toMatchObject({ reason: 'missing' });
  });

  it('reads a backup saved with a byte-order mark as the same text', async () => {
    mkdirSync(folder, { recursive: true });
    const name = '帮代通备份-20260101-080000.json';
    writeFileSync(path.join(folder, name), `\ufeff${data('bom')}`);
    expect(await createBackupStore(folder, now).read({ name })).toEqual({
      status: 'opened',
      name,
      text: data('bom'),
    });
  });

  it('refuses a backup whose bytes are not text, so the renderer can say so', async () => {
    mkdirSync(folder, { recursive: true });
    const name = '帮代通备份-20260101-080000.json';
    writeFileSync(path.join(folder, name), Buffer.from([0x7b, 0xff, 0x7d]));
    expect(await createBackupStore(folder, now).read({ name })).toEqual({
      status: 'refused',
      name,
      reason: 'not-text',
    });
  });

  it('throws when a save fails, leaving no partial backup and the others intact', async () => {
    const store = createBackupStore(folder, now);
    const first = await store.save({ reason: 'daily', text: data('a'), counts });
    clock = addMinutes(clock, 1);
    // The name the next save will take is already a folder: the rename over it fails.
    mkdirSync(path.join(folder, '帮代通备份-20260304-093105.json'));
    writeFileSync(path.join(folder, '帮代通备份-20260304-093105.json', 'x'), 'x');
    // …but list() skips folders, so the name is free as far as it knows: the save must throw.
    await expect(store.save({ reason: 'manual', text: data('b'), counts })).rejects.toThrow();
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await store.list()).entries).toEqual([first]);
    // The store still works after a failure.
    clock = addMinutes(clock, 1);
    await expect(store.save({ reason: 'manual', text: data('c'), counts })).resolves.toMatchObject({
      reason: 'manual',
    });
  });

  it('throws when the data folder cannot hold a backups folder', async () => {
    writeFileSync(folder, 'a file where the folder should be');
    const store = createBackupStore(folder, now);
    await expect(store.save({ reason: 'daily', text: data('a'), counts })).rejects.toThrow();
  });
});
