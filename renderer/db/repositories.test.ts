import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCatalog, formerDefaultNames } from '../../shared/catalog/default-catalog';
import { emptyProjectInput, type ProjectInput } from '../../shared/domain/project';
import { DaibanDatabase, storesV2 } from './database';
import { readHistory } from './history';
import { createSyncEngine } from './sync-engine';
import { createReplica } from './test-replica';
import { ClockDriftError } from '../../shared/sync/clock';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import { formatTimestamp, zeroTimestamp } from '../../shared/sync/timestamp';
import { holidayScheduleId } from '../../shared/domain/settings';
import { RecordNotFoundError } from './record-repository';
import { createRepositories, NoActorError, type Repositories } from './repositories';
import { cellTimestamp } from './row-clocks';

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
  repos = createRepositories(
    db,
    createSyncEngine(db, () => clock),
    () => clock,
  );
  await repos.saveActor({ name: '王小明', unit: '某某镇人民政府' });
});

afterEach(async () => {
  await db.delete();
});

describe('repositories', () => {
  it('refuse to write before the user is known', async () => {
    const anonymous = createRepositories(
      db,
      createSyncEngine(db, () => clock),
      () => clock,
    );
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
    const history = await readHistory(db, project.id);
    expect(history.map((change) => change.op)).toEqual(['update', 'create']);
    expect(history[0]).toMatchObject({
      at: '2026-11-30T09:00:00.000Z',
      by: { name: '王小明', unit: '某某镇人民政府' },
      fields: { level: ['city', 'province'], code: ['', '2611-1'] },
      via: 'local',
    });
  });

  it('write an imported ledger’s project and items as ordinary logged changes', async () => {
    const item = {
      catalogItemId: null,
      stage: 'constructionPermit' as const,
      name: '建筑工程施工许可证',
      department: '区住建局',
      departmentLevel: 'district' as const,
      handlingMode: 'regular' as const,
      status: 'notStarted' as const,
      pausedIntervals: [],
      submittedOn: null,
      acceptedOn: null,
      completedOn: null,
      timeLimit: { days: 7, unit: 'working' as const },
      certificateNo: '',
      commitmentCheck: null,
      notes: '',
    };
    const project = await repos.createProjectWithItems(input, [
      item,
      { ...item, name: '施工图联合审查' },
    ]);
    const items = await db.approvalItems.where('projectId').equals(project.id).sortBy('sortOrder');
    expect(items.map((row) => row.name)).toEqual(['建筑工程施工许可证', '施工图联合审查']);
    expect(await readHistory(db, items[0]?.id ?? '')).toHaveLength(1);

    // Again from the file: the same item is left alone unless the user chose to update.
    const changed = { ...item, department: '市住建局', departmentLevel: 'city' as const };
    await repos.updateProjectWithItems(project.id, {}, [changed], false);
    expect((await db.approvalItems.get(items[0]?.id ?? ''))?.department).toBe('区住建局');
    await repos.updateProjectWithItems(
      project.id,
      { site: '经开区' },
      [changed, { ...item, name: '新事项' }],
      true,
    );
    expect((await db.approvalItems.get(items[0]?.id ?? ''))?.department).toBe('市住建局');
    expect((await db.projects.get(project.id))?.site).toBe('经开区');
    expect(await db.approvalItems.where('projectId').equals(project.id).count()).toBe(3);
    const history = await readHistory(db, items[0]?.id ?? '');
    expect(history[0]?.fields).toMatchObject({ department: ['区住建局', '市住建局'] });
  });

  it('refuse invalid changes and write nothing', async () => {
    const project = await repos.createProject(input);
    await expect(repos.projects.update(project.id, { name: ' ' })).rejects.toThrow();
    expect((await db.projects.get(project.id))?.name).toBe(input.name);
    expect(await readHistory(db, project.id)).toHaveLength(1);
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

  it('rename unedited default entries seeded under a former name, and only those', async () => {
    await repos.seedCatalog();
    const [approvalId, permitId] = Object.keys(formerDefaultNames);
    if (!approvalId || !permitId) throw new Error('no renamed entries');
    // As a computer seeded by an earlier version holds them: the old name, at the zero timestamp.
    await db.catalogItems.update(approvalId, { name: formerDefaultNames[approvalId] });
    await db.catalogItems.update(permitId, { name: formerDefaultNames[permitId] });
    await repos.catalogItems.update(permitId, { name: '本地改过的名称' });
    await repos.seedCatalog();
    expect((await db.catalogItems.get(approvalId))?.name).toBe('企业投资项目核准（目录内项目）');
    expect((await db.catalogItems.get(permitId))?.name).toBe('本地改过的名称');
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

describe('restoring a backup', () => {
  it('brings the database back to exactly the backup, and logs the restore', async () => {
    const office = createReplica();
    await office.repos.saveActor({ name: '王小明', unit: '某某镇人民政府' });
    await office.repos.seedCatalog();
    const kept = await office.repos.createProject(input);
    const backup = await office.files.exportFile({ destination: null, producerName: '王小明' });
    const before = await office.files.readAll();

    office.advance(60);
    await office.repos.projects.update(kept.id, { name: '备份后改名' });
    const later = await office.repos.createProject({ ...input, name: '备份后新建' });

    const read = await office.files.read(backup.text, { backup: true });
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const result = await office.files.restore(read.file.entries, '备份.json');
    expect(result.ok).toBe(true);
    // The backup, and this computer's record under the new node it takes for later changes.
    const { deviceId, node } = await office.engine.identity();
    const { devices, ...restored } = await office.files.readAll();
    const { devices: devicesBefore, ...backedUp } = before;
    expect(restored).toEqual(backedUp);
    expect(devices).toHaveLength(devicesBefore.length + 1);
    expect(devices).toEqual(expect.arrayContaining(devicesBefore));
    expect(devices.find((device) => device.id === deviceId)).toMatchObject({
      node,
      users: devicesBefore[0]!.users,
    });
    expect(await office.db.projects.get(later.id)).toBeUndefined();
    const history = await readHistory(office.db, kept.id);
    expect(history.every((entry) => entry.via === 'restore')).toBe(true);
    await office.db.delete();
  });

  it('changes nothing when the restore fails halfway', async () => {
    const office = createReplica();
    await office.repos.saveActor({ name: '王小明', unit: '某某镇人民政府' });
    await office.repos.createProject(input);
    const before = await office.files.readAll();
    // A change stamped two days ahead is refused once the database was already emptied.
    const ahead = formatTimestamp({
      millis: office.clock.now.getTime() + 2 * 24 * 3600_000,
      counter: 0,
      node: 'aaaaaaaaaaaaaaaa',
    });
    const broken: SyncFileEntry[] = [['projects', crypto.randomUUID(), [[ahead, { name: 'x' }]]]];
    await expect(office.files.restore(broken, 'x.json')).rejects.toThrow(ClockDriftError);
    expect(await office.files.readAll()).toEqual(before);
    await office.db.delete();
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

describe('upgrade to per-field sync (v2 → v3)', () => {
  it('stamps every record, starts the log with them, and keeps the old history', async () => {
    const name = `upgrade3-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ projects: 'id, updatedAt' });
    v2.version(2).stores(storesV2);
    const meta = { createdAt: '2026-11-01T00:00:00.000Z', deleted: false };
    const project = {
      ...emptyProjectInput(),
      ...input,
      id: crypto.randomUUID(),
      ...meta,
      updatedAt: '2026-11-20T09:00:00.000Z',
    };
    const [untouched, edited] = defaultCatalog;
    await v2.table('projects').add(project);
    await v2.table('catalogItems').bulkAdd([
      { ...untouched, ...meta, updatedAt: meta.createdAt },
      {
        ...edited,
        timeLimit: { days: 3, unit: 'working' },
        ...meta,
        updatedAt: '2026-11-10T00:00:00.000Z',
      },
    ]);
    // Two computers' entries for 2027, exchanged by v2 data files: the newer one stays.
    await v2.table('holidaySchedules').bulkAdd([
      {
        id: crypto.randomUUID(),
        year: 2027,
        holidays: ['2027-01-01'],
        makeUpWorkdays: [],
        ...meta,
        updatedAt: '2026-11-02T00:00:00.000Z',
      },
      {
        id: crypto.randomUUID(),
        year: 2027,
        holidays: ['2027-01-01', '2027-02-06'],
        makeUpWorkdays: [],
        ...meta,
        updatedAt: '2026-11-03T00:00:00.000Z',
      },
    ]);
    await v2.table('changes').add({
      id: crypto.randomUUID(),
      table: 'projects',
      recordId: project.id,
      at: '2026-11-20T09:00:00.000Z',
      by: { name: '王小明', unit: '某某镇人民政府' },
      op: 'update',
      fields: { level: ['district', 'city'] },
    });
    v2.close();

    const v3 = new DaibanDatabase(name);
    const stored = await v3.projects.get(project.id);
    expect(cellTimestamp(stored?._clocks, 'name')).toMatch(
      /^2026-11-20T09:00:00\.000Z-0000-[0-9a-f]{16}$/,
    );
    expect(cellTimestamp((await v3.catalogItems.get(untouched!.id))?._clocks, 'name')).toBe(
      zeroTimestamp,
    );
    expect(cellTimestamp((await v3.catalogItems.get(edited!.id))?._clocks, 'timeLimit')).toMatch(
      /^2026-11-10/,
    );
    const schedules = await v3.holidaySchedules.toArray();
    expect(schedules.map((row) => [row.id, row.holidays])).toEqual([
      [holidayScheduleId(2027), ['2027-01-01', '2027-02-06']],
    ]);
    // The log carries the records (not the untouched default) and the old history still shows.
    const engine = createSyncEngine(v3);
    const { entries } = await engine.logEntries();
    expect(entries.map(([table]) => table).sort()).toEqual([
      'catalogItems',
      'holidaySchedules',
      'projects',
    ]);
    const history = await readHistory(v3, project.id);
    expect(history).toEqual([
      expect.objectContaining({ via: 'legacy', fields: { level: ['district', 'city'] } }),
    ]);
    await v3.delete();
  });
});
