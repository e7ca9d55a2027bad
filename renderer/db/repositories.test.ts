import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../shared/catalog/default-catalog';
import { emptyProjectInput, type ProjectInput } from '../../shared/domain/project';
import { createDataFile } from '../../shared/exchange/data-file';
import { createDataFileIo } from './data-file-io';
import { DaibanDatabase } from './database';
import { RecordNotFoundError } from './record-repository';
import { createRepositories, NoActorError, type Repositories } from './repositories';

const input: ProjectInput = {
  ...emptyProjectInput(),
  name: '智能装备产业园',
  ownerCompany: '某某科技有限公司',
  level: 'city',
};

let db: DaibanDatabase;
let clock: Date;
let repos: Repositories;

beforeEach(async () => {
  db = new DaibanDatabase(`test-${crypto.randomUUID()}`);
  clock = new Date('2026-11-29T08:00:00.000Z');
  repos = createRepositories(db, () => clock);
  await repos.saveActor({ name: '王小明', unit: '某某镇人民政府' });
});

afterEach(async () => {
  await db.delete();
});

describe('repositories', () => {
  it('refuse to write before the user is known', async () => {
    const anonymous = createRepositories(db, () => clock);
    await expect(anonymous.projects.create(input)).rejects.toThrow(NoActorError);
  });

  it('create a project with the chosen catalog items in one step, and it survives reopening', async () => {
    await repos.seedCatalog();
    const landItems = defaultCatalog.filter((entry) => entry.stage === 'landPlanning');
    const project = await repos.createProject(
      input,
      landItems.map((entry) => entry.id),
    );
    db.close();
    const reopened = new DaibanDatabase(db.name);
    const items = await reopened.approvalItems.where('projectId').equals(project.id).toArray();
    expect(items.map((item) => item.name).sort()).toEqual(
      landItems.map((entry) => entry.name).sort(),
    );
    expect(items.every((item) => item.status === 'notStarted' && item.catalogItemId)).toBe(true);
    reopened.close();
  });

  it('log who changed which fields when, per record', async () => {
    const project = await repos.createProject(input);
    clock = new Date('2026-11-30T09:00:00.000Z');
    await repos.projects.update(project.id, { level: 'province', code: '2611-1' });
    await repos.projects.update(project.id, { level: 'province' }); // no change: no entry
    const changes = await db.changes.where('recordId').equals(project.id).sortBy('at');
    expect(changes.map((change) => change.op)).toEqual(['create', 'update']);
    expect(changes[1]).toMatchObject({
      at: '2026-11-30T09:00:00.000Z',
      by: { name: '王小明', unit: '某某镇人民政府' },
      fields: { level: ['city', 'province'], code: ['', '2611-1'] },
    });
  });

  it('refuse invalid changes and write nothing', async () => {
    const project = await repos.createProject(input);
    await expect(repos.projects.update(project.id, { name: ' ' })).rejects.toThrow();
    expect((await db.projects.get(project.id))?.name).toBe(input.name);
    expect(await db.changes.count()).toBe(1);
  });

  it('delete by setting the flag, keeping the row for sync', async () => {
    const project = await repos.createProject(input);
    await repos.projects.remove(project.id);
    expect((await db.projects.get(project.id))?.deleted).toBe(true);
    await expect(repos.projects.update(project.id, input)).rejects.toThrow(RecordNotFoundError);
  });

  it('seed the default catalog once, never bringing back an entry a user deleted', async () => {
    expect(await repos.seedCatalog()).toBe(defaultCatalog.length);
    const first = defaultCatalog[0];
    if (!first) throw new Error('empty catalog');
    await repos.catalogItems.remove(first.id);
    expect(await repos.seedCatalog()).toBe(0);
    expect((await db.catalogItems.get(first.id))?.deleted).toBe(true);
  });

  it('keep one holiday schedule per year, replaced when entered again', async () => {
    await repos.saveHolidaySchedule({ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] });
    await repos.saveHolidaySchedule({
      year: 2027,
      holidays: ['2027-01-01', '2027-02-06'],
      makeUpWorkdays: ['2027-02-14'],
    });
    const rows = await db.holidaySchedules.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.holidays).toEqual(['2027-01-01', '2027-02-06']);
  });
});

describe('data file import', () => {
  it('rolls back the whole import when a write fails', async () => {
    const project = await repos.createProject(input);
    const io = createDataFileIo(db);
    const tables = await io.readAll();
    const newer = { ...project, name: '文件较新', updatedAt: '2026-12-01T00:00:00.000Z' };
    const file = createDataFile(
      {
        ...tables,
        projects: [newer],
        // IndexedDB cannot store a function: this table's write fails after projects were written.
        helperAgents: [{ notCloneable: () => 1 } as never],
      },
      new Date(),
      '0.1.0',
    );
    await expect(io.importFile(file)).rejects.toThrow();
    expect((await db.projects.get(project.id))?.name).toBe(input.name);
  });
});

describe('restoring a backup', () => {
  const actor = { name: '李四', unit: '区审批局' };

  it('brings the database back to exactly the backup and logs each restored record', async () => {
    await repos.seedCatalog();
    const kept = await repos.createProject(input);
    const io = createDataFileIo(db);
    const backup = await io.readAll();

    clock = new Date('2026-12-02T08:00:00.000Z');
    await repos.projects.update(kept.id, { name: '备份后改名' });
    const later = await repos.createProject({ ...input, name: '备份后新建' });

    const logged = await io.restore(backup, actor, new Date('2026-12-03T08:00:00.000Z'));
    expect(await io.readAll()).toEqual(backup);
    expect(logged).toBe(2);
    const history = await db.changes.where('recordId').equals(kept.id).toArray();
    expect(history.find((change) => change.via === 'restore')).toMatchObject({
      op: 'update',
      by: actor,
      fields: { name: ['备份后改名', input.name] },
    });
    const removed = await db.changes.where('recordId').equals(later.id).toArray();
    expect(removed.some((change) => change.via === 'restore' && change.op === 'delete')).toBe(true);
  });

  it('changes nothing when a table of the backup cannot be written', async () => {
    const project = await repos.createProject(input);
    const io = createDataFileIo(db);
    const before = await io.readAll();
    const broken = {
      ...before,
      projects: [],
      // IndexedDB cannot store a function: this table's write fails after projects were cleared.
      helperAgents: [{ notCloneable: () => 1 } as never],
    };
    await expect(io.restore(broken, actor, new Date())).rejects.toThrow();
    expect(await io.readAll()).toEqual(before);
    expect((await db.projects.get(project.id))?.name).toBe(input.name);
  });
});

describe('database upgrade', () => {
  it('turns v1 projects with a helper-agent name into v2 projects with helper-agent records', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ projects: 'id, updatedAt' });
    await v1.table('projects').bulkAdd(
      ['a', 'b'].map((suffix) => ({
        id: crypto.randomUUID(),
        name: `项目${suffix}`,
        ownerCompany: '某公司',
        level: 'district',
        helperAgent: '张三',
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
        deleted: false,
      })),
    );
    v1.close();

    const v2 = new DaibanDatabase(name);
    const projects = await v2.projects.toArray();
    const agents = await v2.helperAgents.toArray();
    expect(agents.map((agent) => agent.name)).toEqual(['张三']);
    expect(projects.map((project) => project.helperAgentIds)).toEqual([
      [agents[0]?.id],
      [agents[0]?.id],
    ]);
    expect(projects[0]).toMatchObject({
      status: 'active',
      landStatus: 'none',
      category: 'industry',
    });
    expect('helperAgent' in (projects[0] ?? {})).toBe(false);
    await v2.delete();
  });
});
