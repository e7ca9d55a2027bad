import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDataFile } from '../../shared/exchange/data-file';
import { DaibanDatabase } from './database';
import { createProjectRepository, type ProjectRepository } from './project-repository';

const input = {
  name: '智能装备产业园',
  ownerCompany: '某某科技有限公司',
  level: 'city' as const,
  helperAgent: '张三',
};

let db: DaibanDatabase;
let clock: Date;
let projects: ProjectRepository;

beforeEach(() => {
  db = new DaibanDatabase(`test-${crypto.randomUUID()}`);
  clock = new Date('2026-11-29T08:00:00.000Z');
  projects = createProjectRepository(db, () => clock);
});

afterEach(async () => {
  await db.delete();
});

describe('project repository', () => {
  it('creates a project with a UUID id, times and no deleted flag, and it survives reopening', async () => {
    const created = await projects.create(input);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).toMatchObject({
      ...input,
      createdAt: '2026-11-29T08:00:00.000Z',
      deleted: false,
    });

    db.close();
    const reopened = new DaibanDatabase(db.name);
    expect(await reopened.projects.get(created.id)).toEqual(created);
    reopened.close();
  });

  it('refuses invalid input and writes nothing', async () => {
    await expect(projects.create({ ...input, name: ' ' })).rejects.toThrow();
    expect(await db.projects.count()).toBe(0);
  });

  it('updates fields and the change time, keeping the creation time', async () => {
    const created = await projects.create(input);
    clock = new Date('2026-11-30T09:00:00.000Z');
    const updated = await projects.update(created.id, { ...input, level: 'province' });
    expect(updated.level).toBe('province');
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt).toBe('2026-11-30T09:00:00.000Z');
  });

  it('deletes by setting the flag, keeping the row for sync', async () => {
    const created = await projects.create(input);
    await projects.remove(created.id);
    const row = await db.projects.get(created.id);
    expect(row?.deleted).toBe(true);
    await expect(projects.update(created.id, input)).rejects.toThrow(/not found/);
  });

  it('imports a data file: adds new projects, takes newer ones, keeps newer local ones', async () => {
    const keptLocal = await projects.create({ ...input, name: '本机较新' });
    const replaced = await projects.create({ ...input, name: '本机较旧' });
    const fileTime = '2026-11-29T10:00:00.000Z';
    const newProject = {
      ...input,
      id: crypto.randomUUID(),
      name: '文件新增',
      createdAt: fileTime,
      updatedAt: fileTime,
      deleted: false,
    };
    clock = new Date('2026-11-29T11:00:00.000Z');
    await projects.update(keptLocal.id, { ...input, name: '本机较新' });

    const file = createDataFile(
      [
        newProject,
        { ...replaced, name: '文件较新', updatedAt: fileTime },
        { ...keptLocal, name: '文件较旧', updatedAt: fileTime },
      ],
      new Date(fileTime),
      '0.1.0',
    );
    const preview = await projects.previewImport(file);
    expect([preview.added.length, preview.updated.length, preview.skipped]).toEqual([1, 1, 1]);

    await projects.importFile(file);
    const names = (await projects.all()).map((project) => project.name).sort();
    expect(names).toEqual(['文件新增', '文件较新', '本机较新'].sort());
  });

  it('rolls back the whole import when a write fails', async () => {
    const existing = await projects.create(input);
    const fileTime = '2026-11-30T10:00:00.000Z';
    const file = createDataFile(
      [
        { ...existing, name: '文件较新', updatedAt: fileTime },
        // A record IndexedDB cannot store (a function is not cloneable) fails the bulk write.
        { ...existing, id: crypto.randomUUID(), notCloneable: () => 1 } as never,
      ],
      new Date(fileTime),
      '0.1.0',
    );
    await expect(projects.importFile(file)).rejects.toThrow();
    expect((await db.projects.get(existing.id))?.name).toBe(input.name);
    expect(await db.projects.count()).toBe(1);
  });
});
