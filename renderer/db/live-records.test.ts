import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../shared/calendar/working-day-calendar';
import { defaultCatalog } from '../../shared/catalog/default-catalog';
import { collectDeadlines } from '../../shared/domain/deadlines';
import { emptyProjectInput, type ProjectInput } from '../../shared/domain/project';
import { recordIssues, recordsNeedingReview } from '../../shared/domain/record-issues';
import { holidayScheduleId } from '../../shared/domain/settings';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import { formatTimestamp } from '../../shared/sync/timestamp';
import {
  readLiveProjectData,
  readLiveProjectRecords,
  readLiveRecord,
  readLiveRows,
  schedulesForCounting,
} from './live-records';
import { carry, createTeam, type Replica } from './test-replica';

const input: ProjectInput = {
  ...emptyProjectInput(),
  name: '智能装备产业园',
  ownerCompany: '某某科技有限公司',
};

const calendar = createWorkingDayCalendar([]);
const today = '2026-11-29';
const team = createTeam();

const computer = (name: string, unit?: string) => team.computer(name, unit);

afterEach(() => team.cleanUp());

/**
 * A project with one of everything: an item accepted early in November under 容缺 (overdue by
 * the 29th), a missing item owed for it, a handling step naming it, and a problem.
 */
async function projectWithRecords(replica: Replica, name = input.name) {
  const { repos } = replica;
  const catalogId = defaultCatalog.find((entry) => entry.name === '施工图联合审查')!.id;
  const project = await repos.createProject({ ...input, name }, [catalogId]);
  const [item] = await replica.db.approvalItems.where('projectId').equals(project.id).toArray();
  const accepted = await repos.approvalItems.update(item!.id, {
    handlingMode: 'missingAccepted',
    status: 'accepted',
    submittedOn: '2026-11-02',
    acceptedOn: '2026-11-02',
  });
  const missing = await repos.missingItems.create({
    projectId: project.id,
    approvalItemId: accepted.id,
    material: '人防面积测算表',
    supplier: '建设单位',
    promisedOn: '2026-11-05',
    status: 'pending',
    suppliedOn: null,
    notes: '',
  });
  const step = await repos.handlingSteps.create({
    projectId: project.id,
    approvalItemId: accepted.id,
    on: '2026-11-02',
    by: '王小明',
    kind: 'submit',
    summary: '递交施工图审查申请',
    nextAction: '催补人防测算表',
    nextActionDueOn: '2026-11-04',
    nextActionDone: false,
  });
  const problem = await repos.problems.create({
    projectId: project.id,
    title: '征地未完成',
    description: '',
    responsibleDepartment: '',
    raisedOn: '2026-11-02',
    escalation: 'bureau',
    status: 'open',
    resolution: '',
    resolvedOn: null,
  });
  return { project, item: accepted, missing, step, problem };
}

const idsOf = (rows: readonly { id: string }[]) => rows.map((row) => row.id).sort();

describe('live records', () => {
  it('a deleted project takes its items, missing items, steps and problems out of every query', async () => {
    const office = await computer('王小明');
    const gone = await projectWithRecords(office, '要删除的项目');
    const kept = await projectWithRecords(office, '保留的项目');
    const children = [
      ['approvalItems', gone.item.id],
      ['missingItems', gone.missing.id],
      ['handlingSteps', gone.step.id],
      ['problems', gone.problem.id],
    ] as const;

    const before = await readLiveProjectData(office.db);
    expect(idsOf(before.projects)).toEqual(idsOf([gone.project, kept.project]));
    const overdueBefore = collectDeadlines(before, calendar, today, 3).filter(
      (deadline) => deadline.tier === 'overdue',
    );
    expect(new Set(overdueBefore.map((deadline) => deadline.projectId))).toEqual(
      new Set([gone.project.id, kept.project.id]),
    );

    await office.repos.projects.remove(gone.project.id);

    const after = await readLiveProjectData(office.db);
    expect(idsOf(after.projects)).toEqual([kept.project.id]);
    for (const table of ['approvalItems', 'missingItems', 'handlingSteps', 'problems'] as const) {
      expect(after[table].map((row) => row.projectId)).toEqual([kept.project.id]);
    }
    const deadlines = collectDeadlines(after, calendar, today, 3);
    expect(deadlines.filter((deadline) => deadline.projectId === gone.project.id)).toEqual([]);
    expect(deadlines.some((deadline) => deadline.tier === 'overdue')).toBe(true);
    expect(await readLiveProjectRecords(office.db, gone.project.id)).toEqual({
      approvalItems: [],
      missingItems: [],
      handlingSteps: [],
      problems: [],
    });
    expect(await readLiveRecord(office.db, 'projects', gone.project.id)).toBeNull();
    for (const [table, id] of children) {
      expect(await readLiveRecord(office.db, table, id)).toBeNull();
      // Nothing is removed: the rows stay, for sync and 修改记录.
      expect(await office.db.table(table).get(id)).toMatchObject({ deleted: false });
    }
    expect((await readLiveProjectRecords(office.db, kept.project.id)).missingItems).toHaveLength(1);
  });

  it('a deleted approval item takes its missing items along; a step naming it stays', async () => {
    const office = await computer('王小明');
    const { project, item, missing, step } = await projectWithRecords(office);
    await office.repos.approvalItems.remove(item.id);
    const records = await readLiveProjectRecords(office.db, project.id);
    expect(records.approvalItems).toEqual([]);
    expect(records.missingItems).toEqual([]);
    expect(idsOf(records.handlingSteps)).toEqual([step.id]);
    expect(await readLiveRecord(office.db, 'missingItems', missing.id)).toBeNull();
    expect(await readLiveRecord(office.db, 'handlingSteps', step.id)).toMatchObject({
      id: step.id,
    });
    const all = await readLiveProjectData(office.db);
    expect(all.missingItems).toEqual([]);
  });

  it('leaves the handling steps unread when asked, and the rest as a full read has them', async () => {
    const office = await computer('王小明');
    const { step } = await projectWithRecords(office);
    const full = await readLiveProjectData(office.db);
    expect(idsOf(full.handlingSteps)).toEqual([step.id]);
    const withoutSteps = await readLiveProjectData(office.db, { handlingSteps: 'none' });
    expect(withoutSteps).toEqual({ ...full, handlingSteps: [] });
  });

  it('hides a record whose creation has not arrived yet', async () => {
    const site = await computer('李四');
    const ts = formatTimestamp({
      millis: site.clock.now.getTime(),
      counter: 0,
      node: 'abcdefabcdefabcd',
    });
    const project = crypto.randomUUID();
    const agent = crypto.randomUUID();
    const entries: SyncFileEntry[] = [
      ['projects', project, [[ts, { notes: '只收到了一次修改' }]]],
      ['helperAgents', agent, [[ts, { phone: '13800000000' }]]],
    ];
    const result = await site.engine.applyBatch(entries, { via: 'file', origin: 'x' });
    expect(result.ok).toBe(true);
    expect(await site.db.projects.get(project)).toMatchObject({ _incomplete: true });
    expect(await site.db.helperAgents.get(agent)).toMatchObject({ _incomplete: true });
    expect((await readLiveProjectData(site.db)).projects).toEqual([]);
    expect(await readLiveRows(site.db, 'helperAgents')).toEqual([]);
    expect(await readLiveRecord(site.db, 'projects', project)).toBeNull();
    expect(await readLiveRecord(site.db, 'helperAgents', agent)).toBeNull();
  });

  it('keeps children that arrive before their project out of sight, and shows them when it arrives', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    const { project, item, missing, step, problem } = await projectWithRecords(office);
    const { entries } = await office.engine.logEntries();
    const projectEntries = entries.filter(([table]) => table === 'projects');
    const itemEntries = entries.filter(([table]) => table === 'approvalItems');
    const rest = entries.filter(([table]) => table !== 'projects' && table !== 'approvalItems');

    // The missing item, step and problem first: kept, not shown.
    expect((await site.engine.applyBatch(rest, { via: 'file', origin: '1.json' })).ok).toBe(true);
    expect(await site.db.missingItems.get(missing.id)).toMatchObject({ deleted: false });
    let live = await readLiveProjectData(site.db);
    expect([live.projects, live.missingItems, live.handlingSteps, live.problems]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    expect(await readLiveRecord(site.db, 'problems', problem.id)).toBeNull();

    // Then the project: its step and problem appear; the missing item still waits for its item.
    expect(
      (await site.engine.applyBatch(projectEntries, { via: 'file', origin: '2.json' })).ok,
    ).toBe(true);
    let records = await readLiveProjectRecords(site.db, project.id);
    expect(idsOf(records.handlingSteps)).toEqual([step.id]);
    expect(idsOf(records.problems)).toEqual([problem.id]);
    expect(records.missingItems).toEqual([]);

    // Then the approval item: everything is there, as on the computer it came from.
    expect((await site.engine.applyBatch(itemEntries, { via: 'file', origin: '3.json' })).ok).toBe(
      true,
    );
    records = await readLiveProjectRecords(site.db, project.id);
    expect(idsOf(records.approvalItems)).toEqual([item.id]);
    expect(idsOf(records.missingItems)).toEqual([missing.id]);
    live = await readLiveProjectData(site.db);
    // The same records on both computers; each keeps its own log bookkeeping (`_log`).
    expect(withoutLog(live)).toEqual(withoutLog(await readLiveProjectData(office.db)));
    expect(await readLiveRecord(site.db, 'missingItems', missing.id)).toMatchObject({
      material: '人防面积测算表',
    });
  });

  it('team lists: a deleted helper-agent, catalog item or year schedule is out', async () => {
    const office = await computer('王小明');
    const agent = await office.repos.helperAgents.create({
      name: '甲',
      unit: '',
      phone: '',
      active: true,
    });
    await office.repos.saveHolidaySchedule({ year: 2027, holidays: [], makeUpWorkdays: [] });
    const catalogCount = (await readLiveRows(office.db, 'catalogItems')).length;
    await office.repos.helperAgents.remove(agent.id);
    await office.repos.catalogItems.remove(defaultCatalog[0]!.id);
    await office.repos.removeHolidaySchedule(holidayScheduleId(2027));
    expect(await readLiveRows(office.db, 'helperAgents')).toEqual([]);
    expect(await readLiveRows(office.db, 'catalogItems')).toHaveLength(catalogCount - 1);
    expect(await readLiveRows(office.db, 'holidaySchedules')).toEqual([]);
  });
});

describe('需核对 after a merge', () => {
  it('two valid edits that together put 受理日期 before 申报日期 still apply; both copies agree and show the problem', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    const project = await office.repos.createProject(input);
    const item = (
      await office.repos.approvalItems.create({
        projectId: project.id,
        catalogItemId: null,
        stage: 'constructionPermit',
        name: '建筑工程施工许可证',
        department: '住建',
        departmentLevel: 'district',
        handlingMode: 'regular',
        status: 'accepted',
        pausedIntervals: [],
        submittedOn: '2026-11-20',
        acceptedOn: '2026-11-24',
        completedOn: null,
        timeLimit: { days: 7, unit: 'working' },
        certificateNo: '',
        commitmentCheck: null,
        notes: '',
        sortOrder: 10,
      })
    ).id;
    await carry(office, site);

    // Each edit is valid where it is made: 11-23 ≤ 11-24 on one computer, 11-20 ≤ 11-21 on the other.
    office.advance(5);
    site.advance(6);
    await office.repos.approvalItems.update(item, { submittedOn: '2026-11-23' });
    await site.repos.approvalItems.update(item, { acceptedOn: '2026-11-21' });
    await carry(office, site);
    await carry(site, office);

    expect(await site.files.readAll()).toEqual(await office.files.readAll());
    for (const replica of [office, site]) {
      const stored = await readLiveRecord(replica.db, 'approvalItems', item);
      expect(stored).toMatchObject({ submittedOn: '2026-11-23', acceptedOn: '2026-11-21' });
      expect(recordIssues('approvalItems', stored!)).toEqual([
        { key: 'validation.acceptedBeforeSubmitted' },
      ]);
      const review = recordsNeedingReview(
        await readLiveProjectRecords(replica.db, project.id),
        calendar,
      );
      expect(review.map(({ table, record }) => [table, record.id])).toEqual([
        ['approvalItems', item],
      ]);
    }

    // Someone fixes it: the record no longer needs review, on either computer.
    site.advance(10);
    await site.repos.approvalItems.update(item, { acceptedOn: '2026-11-24' });
    await carry(site, office);
    const fixed = await readLiveRecord(office.db, 'approvalItems', item);
    expect(recordIssues('approvalItems', fixed!)).toEqual([]);
  });

  it('a year schedule whose two lists were edited on two computers: one record, 需核对, still countable', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    await office.repos.saveHolidaySchedule({
      year: 2027,
      holidays: ['2027-01-01'],
      makeUpWorkdays: [],
    });
    await carry(office, site);
    office.advance(5);
    site.advance(6);
    await office.repos.saveHolidaySchedule({
      year: 2027,
      holidays: ['2027-01-01', '2027-02-06'],
      makeUpWorkdays: [],
    });
    await site.repos.saveHolidaySchedule({
      year: 2027,
      holidays: ['2027-01-01'],
      makeUpWorkdays: ['2027-02-06'],
    });
    await carry(office, site);
    await carry(site, office);
    for (const replica of [office, site]) {
      const schedules = await readLiveRows(replica.db, 'holidaySchedules');
      expect(schedules).toHaveLength(1);
      expect(recordIssues('holidaySchedules', schedules[0]!)).toEqual([
        { key: 'validation.scheduleConflict', values: { date: '2027-02-06' } },
      ]);
      expect(() => createWorkingDayCalendar(schedules)).toThrow();
      const counting = createWorkingDayCalendar(schedulesForCounting(schedules));
      expect(counting.isWorkingDay('2027-02-06')).toBe(true);
      expect(counting.isWorkingDay('2027-01-01')).toBe(false);
    }
  });
});

function withoutLog(data: object): unknown {
  return JSON.parse(
    JSON.stringify(data, (key, value: unknown) => (key === '_log' ? undefined : value)),
  );
}
