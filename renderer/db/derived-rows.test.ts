import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../shared/calendar/working-day-calendar';
import { defaultCatalog } from '../../shared/catalog/default-catalog';
import { assembleWorkbench } from '../../shared/dashboard/workbench';
import { approvalItemSchema, type ApprovalItem } from '../../shared/domain/approval-item';
import { emptyProjectInput } from '../../shared/domain/project';
import { DaibanDatabase } from './database';
import {
  packedItem,
  packsOfRows,
  storesBeforeDerivedRows,
  attentionTables,
  needsAttention,
  itemsOfPack,
  type ItemPack,
} from './derived-rows';
import { keepLive, readLiveProjectData } from './live-records';
import { carry, createTeam, type Replica } from './test-replica';
import { readWorkbenchData } from '../features/workbench/workbench-data';

const team = createTeam();
afterEach(() => team.cleanUp());

const catalogIds = defaultCatalog.slice(0, 3).map((entry) => entry.id);

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const itemsByProject = (packs: readonly ItemPack[]) =>
  Object.fromEntries(packs.map((pack) => [pack.projectId, itemsOfPack(pack).sort(byId)]));
const itemOfPack = (pack: ItemPack | undefined, id: string) =>
  pack && itemsOfPack(pack).find((item) => item.id === id);
const roundTrip = (row: Parameters<typeof packedItem>[0]) => itemsOfPack(packsOfRows([row])[0]!)[0];

/** The derived stores hold exactly what the rows say, and the readers see what the rows hold. */
async function expectDerivedAsRows(db: DaibanDatabase) {
  const items = await db.approvalItems.toArray();
  const stored = await db.itemPacks.toArray();
  expect(itemsByProject(stored)).toEqual(itemsByProject(packsOfRows(items)));
  for (const pack of stored) {
    expect(pack.ids.split('\n')).toEqual(itemsOfPack(pack).map((item) => item.id));
  }
  for (const table of attentionTables) {
    for (const row of await db.table<Parameters<typeof needsAttention>[1]>(table).toArray()) {
      expect({ table, id: row.id, attention: row._attention === 1 }).toEqual({
        table,
        id: row.id,
        attention: needsAttention(table, row),
      });
    }
  }
  const [projects, missingItems, handlingSteps, problems] = await Promise.all([
    db.projects.toArray(),
    db.missingItems.toArray(),
    db.handlingSteps.toArray(),
    db.problems.toArray(),
  ]);
  const strip = <T extends object>(row: T) =>
    Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('_')));
  const fromRows = keepLive({
    projects,
    approvalItems: items,
    missingItems,
    handlingSteps,
    problems,
  });
  const read = await readLiveProjectData(db);
  // By project, then by id: a table gives them by id.
  expect([...read.approvalItems].sort(byId)).toEqual(
    [...fromRows.approvalItems].sort(byId).map(strip),
  );
  expect(read.projects).toEqual(fromRows.projects);
}

async function project(replica: Replica, name: string) {
  const created = await replica.repos.createProject(
    { ...emptyProjectInput(), name, ownerCompany: '某公司' },
    catalogIds,
  );
  const items = await replica.db.approvalItems.where('projectId').equals(created.id).toArray();
  return { project: created, items };
}

function step(projectId: string, approvalItemId: string, done: boolean, on = '2026-11-02') {
  return {
    projectId,
    approvalItemId,
    on,
    by: '王小明',
    kind: 'submit' as const,
    summary: '递交申请',
    nextAction: '催补材料',
    nextActionDueOn: '2026-11-04',
    nextActionDone: done,
  };
}

describe('derived rows', () => {
  it('packs an item without losing a field, one this version does not know included', () => {
    const item: ApprovalItem = {
      id: crypto.randomUUID(),
      projectId: crypto.randomUUID(),
      catalogItemId: crypto.randomUUID(),
      stage: 'constructionPermit',
      name: '建筑工程施工许可证核发',
      department: '区住建局',
      departmentLevel: 'city',
      handlingMode: 'onCommitment',
      status: 'reviewing',
      pausedIntervals: [{ from: '2026-11-03', to: null, reason: '补正材料' }],
      submittedOn: '2026-11-01',
      acceptedOn: '2026-11-02',
      completedOn: null,
      timeLimit: { days: 7, unit: 'working' },
      certificateNo: '建字第001号',
      commitmentCheck: null,
      notes: '备注',
      sortOrder: 7,
      createdAt: '2026-11-01T08:00:00.000Z',
      updatedAt: '2026-11-02T08:00:00.000Z',
      deleted: false,
    };
    expect(Object.keys(item).sort()).toEqual(Object.keys(approvalItemSchema.shape).sort());
    const stored = { ...item, _clocks: 'x', _log: [1] } as unknown as Parameters<
      typeof packedItem
    >[0];
    expect(roundTrip(stored)).toEqual(item);
    const newer = { ...stored, fromANewerVersion: { level: 2 } };
    expect(roundTrip(newer)).toEqual({
      ...item,
      fromANewerVersion: { level: 2 },
    });
    expect(packedItem({ ...stored, deleted: true })).toBeNull();
    expect(packedItem({ ...stored, _incomplete: true })).toBeNull();
  });

  it('keeps every project’s pack equal to its live approval items through local writes', async () => {
    const office = await team.computer('王小明');
    const first = await project(office, '智能装备产业园');
    const second = await project(office, '物流中心');
    await expectDerivedAsRows(office.db);
    expect(await office.db.itemPacks.count()).toBe(2);

    await office.repos.approvalItems.update(first.items[0]!.id, {
      status: 'accepted',
      submittedOn: '2026-11-02',
      acceptedOn: '2026-11-03',
    });
    await office.repos.approvalItems.remove(first.items[1]!.id);
    await expectDerivedAsRows(office.db);
    const pack = await office.db.itemPacks.get(first.project.id);
    expect(pack!.ids.split('\n').sort()).toEqual([first.items[0]!.id, first.items[2]!.id].sort());
    const stored = await office.db.approvalItems.get(first.items[0]!.id);
    const { _clocks, _log, ...fields } = stored!;
    expect(_clocks).toBeDefined();
    expect(itemOfPack(pack, first.items[0]!.id)).toEqual(fields);
    expect(fields).toMatchObject({ status: 'accepted', acceptedOn: '2026-11-03' });

    // A project with every item deleted has no pack; a deleted project's items leave every read.
    for (const item of second.items) await office.repos.approvalItems.remove(item.id);
    expect(await office.db.itemPacks.get(second.project.id)).toBeUndefined();
    await office.repos.projects.remove(first.project.id);
    await expectDerivedAsRows(office.db);
    expect((await readLiveProjectData(office.db)).approvalItems).toEqual([]);
  });

  it('marks the handling steps 工作台 may show, and only those are read for it', async () => {
    const office = await team.computer('王小明');
    const { project: made, items } = await project(office, '智能装备产业园');
    const open = await office.repos.handlingSteps.create(step(made.id, items[0]!.id, false));
    const done = await office.repos.handlingSteps.create(step(made.id, items[0]!.id, true));
    // Done, but its 下一步 is dated before the step itself: it needs review.
    const wrong = await office.repos.handlingSteps.create(step(made.id, items[0]!.id, true));
    await office.db.transaction('rw', office.db.handlingSteps, () =>
      office.db.handlingSteps.update(wrong.id, { on: '2026-11-10' }),
    );
    await expectDerivedAsRows(office.db);
    const marked = await office.db.handlingSteps.where('_attention').equals(1).primaryKeys();
    expect(marked.sort()).toEqual([open.id, wrong.id].sort());

    await office.repos.handlingSteps.update(open.id, { nextActionDone: true });
    await office.repos.handlingSteps.update(done.id, { nextActionDone: false });
    await expectDerivedAsRows(office.db);
    const now = await office.db.handlingSteps.where('_attention').equals(1).primaryKeys();
    expect(now.sort()).toEqual([done.id, wrong.id].sort());
  });

  it('工作台 on 全队 shows from the derived rows what it shows from every row', async () => {
    const office = await team.computer('王小明');
    for (const name of ['智能装备产业园', '物流中心']) {
      const { project: made, items } = await project(office, name);
      await office.repos.approvalItems.update(items[0]!.id, {
        status: 'accepted',
        submittedOn: '2026-11-02',
        acceptedOn: '2026-11-02',
      });
      await office.repos.handlingSteps.create(step(made.id, items[0]!.id, false));
      await office.repos.handlingSteps.create(step(made.id, items[1]!.id, true));
      for (const status of ['pending', 'supplied'] as const) {
        await office.repos.missingItems.create({
          projectId: made.id,
          approvalItemId: items[0]!.id,
          material: `人防面积测算表（${status}）`,
          supplier: '建设单位',
          promisedOn: '2026-11-05',
          status,
          suppliedOn: status === 'supplied' ? '2026-11-04' : null,
          notes: '',
        });
      }
      for (const [status, escalation] of [
        ['open', 'agent'],
        ['open', 'bureau'],
        ['resolved', 'agent'],
      ] as const) {
        await office.repos.problems.create({
          projectId: made.id,
          title: `征地未完成（${status}，${escalation}）`,
          description: '',
          responsibleDepartment: '',
          raisedOn: '2026-11-02',
          escalation,
          status,
          resolution: '',
          resolvedOn: status === 'resolved' ? '2026-11-20' : null,
        });
      }
    }
    const input = {
      helperAgentIds: null,
      calendar: createWorkingDayCalendar([]),
      today: '2026-11-29',
      warnWithinWorkingDays: 3,
    };
    const derived = await readWorkbenchData(office.db, 'team');
    const everything = await readLiveProjectData(office.db, { handlingSteps: 'all' });
    expect(derived.records.handlingSteps).toHaveLength(2);
    expect(everything.handlingSteps).toHaveLength(4);
    expect(derived.records.missingItems).toHaveLength(2);
    expect(everything.missingItems).toHaveLength(4);
    expect(derived.records.problems).toHaveLength(4);
    expect(everything.problems).toHaveLength(6);
    await expectDerivedAsRows(office.db);
    const shown = assembleWorkbench({
      ...input,
      projects: derived.records.projects,
      records: derived.records,
    });
    expect(shown.nextActions).toHaveLength(2);
    expect(shown.missingItems).toHaveLength(2);
    expect(shown.problems).toHaveLength(2);
    expect(shown).toEqual(
      assembleWorkbench({ ...input, projects: everything.projects, records: everything }),
    );
  });

  it('a received batch and a restore from a backup keep them', async () => {
    const office = await team.computer('王小明');
    const site = await team.computer('李四');
    const { project: made, items } = await project(office, '智能装备产业园');
    await office.repos.handlingSteps.create(step(made.id, items[0]!.id, false));
    await carry(office, site);
    await expectDerivedAsRows(site.db);
    expect(await site.db.itemPacks.count()).toBe(1);

    await site.repos.approvalItems.update(items[0]!.id, { name: '施工图审查（含人防）' });
    await site.repos.approvalItems.remove(items[1]!.id);
    await carry(site, office);
    await expectDerivedAsRows(office.db);
    const pack = await office.db.itemPacks.get(made.id);
    expect(itemsOfPack(pack!)).toHaveLength(2);

    const backup = (await office.engine.logEntries()).entries;
    await office.repos.approvalItems.update(items[2]!.id, { name: '备份之后的修改' });
    await office.files.restore(backup, 'backup.json');
    await expectDerivedAsRows(office.db);
    const restored = itemOfPack(await office.db.itemPacks.get(made.id), items[2]!.id);
    expect(restored?.name).toBe(items[2]!.name);
  });

  it('a version 5 database gets its packs and marks when it opens', async () => {
    const office = await team.computer('王小明');
    const { project: made, items } = await project(office, '智能装备产业园');
    const open = await office.repos.handlingSteps.create(step(made.id, items[0]!.id, false));
    await office.repos.handlingSteps.create(step(made.id, items[0]!.id, true));
    const owed = await office.repos.missingItems.create({
      projectId: made.id,
      approvalItemId: items[0]!.id,
      material: '人防面积测算表',
      supplier: '建设单位',
      promisedOn: '2026-11-05',
      status: 'pending',
      suppliedOn: null,
      notes: '',
    });
    const unresolved = await office.repos.problems.create({
      projectId: made.id,
      title: '征地未完成',
      description: '',
      responsibleDepartment: '',
      raisedOn: '2026-11-02',
      escalation: 'agent',
      status: 'open',
      resolution: '',
      resolvedOn: null,
    });
    const unmarked = async (table: string) =>
      (await office.db.table<{ _attention?: 1 } & Record<string, unknown>>(table).toArray()).map(
        ({ _attention, ...row }) => row,
      );
    const rows = {
      projects: await office.db.projects.toArray(),
      approvalItems: await office.db.approvalItems.toArray(),
      handlingSteps: await unmarked('handlingSteps'),
      missingItems: await unmarked('missingItems'),
      problems: await unmarked('problems'),
    };

    // The same rows in a database as version 5 left it: no packs, no marks.
    const name = `v5-${crypto.randomUUID()}`;
    const stores = storesBeforeDerivedRows(office.db);
    const old = new Dexie(name);
    old.version(5).stores(stores);
    await old.open();
    await old.table('projects').bulkPut(rows.projects);
    await old.table('approvalItems').bulkPut(rows.approvalItems);
    await old.table('handlingSteps').bulkPut(rows.handlingSteps);
    await old.table('missingItems').bulkPut(rows.missingItems);
    await old.table('problems').bulkPut(rows.problems);
    old.close();

    const upgraded = new DaibanDatabase(name);
    try {
      await expectDerivedAsRows(upgraded);
      expect(await upgraded.itemPacks.count()).toBe(1);
      expect(await upgraded.handlingSteps.where('_attention').equals(1).primaryKeys()).toEqual([
        open.id,
      ]);
      expect(await upgraded.missingItems.where('_attention').equals(1).primaryKeys()).toEqual([
        owed.id,
      ]);
      expect(await upgraded.problems.where('_attention').equals(1).primaryKeys()).toEqual([
        unresolved.id,
      ]);
    } finally {
      await upgraded.delete();
    }
  });
});
