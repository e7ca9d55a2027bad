import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar';
import type { ApprovalItem } from '../domain/approval-item';
import type { KeyProject } from '../domain/project';
import type { SheetRecords } from '../reports/sheet-common';
import { idOf, testAgent, testApprovalItem, testProject } from '../reports/test-sheet-records';
import { assembleBoard, itemTimeliness, startOnLandDealTargetWorkingDays } from './board';

// Accepted 02-13 with 20 working days is due 03-19; the board is looked at on 03-23.
const calendar = createWorkingDayCalendar([]);
const today = '2026-03-23';
const clock = { calendar, today };

const project = (n: number, fields: Partial<KeyProject> = {}) =>
  testProject({ id: idOf(n), name: `项目${n}`, ...fields });
const item = (n: number, projectN: number, fields: Partial<ApprovalItem> = {}) =>
  testApprovalItem({ id: idOf(n), projectId: idOf(projectN), name: `事项${n}`, ...fields });
const overdue = { status: 'reviewing', acceptedOn: '2026-02-13' } as const;
const none: SheetRecords = { approvalItems: [], missingItems: [], handlingSteps: [], problems: [] };

function board(projects: KeyProject[], records: Partial<SheetRecords> = {}) {
  return assembleBoard({
    calendar,
    today,
    warnWithinWorkingDays: 3,
    projects,
    records: { ...none, ...records },
    helperAgents: [
      testAgent({ id: idOf(601), name: '张三' }),
      testAgent({ id: idOf(602), name: '李四' }),
      testAgent({ id: idOf(603), name: '闲置' }),
    ],
  });
}

describe('itemTimeliness', () => {
  it('is on time when decided by the due date, late after it or when still open past it', () => {
    const decided = (completedOn: string) =>
      itemTimeliness(item(1, 1, { ...overdue, status: 'approved', completedOn }), clock);
    expect(decided('2026-03-19')).toEqual({ onTime: true, dueDate: '2026-03-19' });
    expect(decided('2026-03-20')).toEqual({ onTime: false, dueDate: '2026-03-19' });
    expect(itemTimeliness(item(1, 1, overdue), clock)).toEqual({
      onTime: false,
      dueDate: '2026-03-19',
    });
  });
  it('leaves out what cannot be judged yet: within its time, no limit, not accepted', () => {
    expect(itemTimeliness(item(1, 1, { ...overdue, acceptedOn: '2026-03-20' }), clock)).toBeNull();
    expect(itemTimeliness(item(1, 1, { ...overdue, timeLimit: null }), clock)).toBeNull();
    expect(itemTimeliness(item(1, 1, { status: 'preparing' }), clock)).toBeNull();
  });
});

describe('assembleBoard', () => {
  const projects = [
    project(1, { level: 'province', helperAgentIds: [idOf(601)] }),
    project(2, { level: 'district', helperAgentIds: [idOf(601), idOf(602)] }),
    project(3, { level: 'district', helperAgentIds: [idOf(602)], status: 'completed' }),
    project(4, { level: 'city' }),
  ];
  const approvalItems = [
    item(11, 1, { ...overdue, stage: 'landPlanning', department: '区发改局' }),
    item(12, 1, {
      ...overdue,
      stage: 'landPlanning',
      department: '市自然资源和规划局',
      departmentLevel: 'city',
    }),
    item(13, 2, { ...overdue, stage: 'constructionPermit', department: '区发改局' }),
    item(14, 2, {
      ...overdue,
      stage: 'landPlanning',
      status: 'approved',
      completedOn: '2026-03-10',
      department: '区住建局',
    }),
    item(15, 3, {
      ...overdue,
      status: 'approved',
      completedOn: '2026-03-01',
      department: '区发改局',
    }),
  ];
  const result = board(projects, { approvalItems });

  it('counts projects per stage and level, with the records behind each count', () => {
    const row = (position: string) => result.stages.find((stage) => stage.position === position);
    expect(result.projectCount).toBe(4);
    expect(result.byLevel).toEqual({ province: 1, city: 1, district: 2 });
    expect(row('landPlanning')).toMatchObject({
      total: 1,
      byLevel: { province: 1, city: 0, district: 0 },
      overdueItems: 2,
    });
    expect(row('landPlanning')?.projects.map((entry) => entry.title)).toEqual(['项目1']);
    expect(row('constructionPermit')).toMatchObject({ total: 1, overdueItems: 1 });
    expect(row('allDone')?.projects.map((entry) => entry.title)).toEqual(['项目3']);
    expect(row('noItems')?.projects.map((entry) => entry.title)).toEqual(['项目4']);
  });

  it('rates each department on time, the worst first, late records listed first', () => {
    expect(result.onTime.map((row) => [row.department, row.onTime, row.late])).toEqual([
      ['市自然资源和规划局', 0, 1],
      ['区发改局', 1, 2],
      ['区住建局', 1, 0],
    ]);
    expect(result.onTime[1]?.rate).toBeCloseTo(1 / 3);
    expect(result.onTime[1]?.entries.map((entry) => entry.title)).toEqual([
      '事项11',
      '事项13',
      '事项15',
    ]);
  });

  it('groups overdue items by department and by level, with the working days over', () => {
    expect(result.overdueByDepartment.map((row) => [row.key, row.count])).toEqual([
      ['区发改局', 2],
      ['市自然资源和规划局', 1],
    ]);
    expect(result.overdueByLevel.map((row) => [row.key, row.count])).toEqual([
      ['district', 2],
      ['city', 1],
      ['province', 0],
    ]);
    expect(result.overdueByLevel[1]?.entries[0]).toMatchObject({
      table: 'approvalItems',
      title: '事项12',
      projectName: '项目1',
      workingDays: 2,
      dueDate: '2026-03-19',
    });
  });

  it('counts each helper-agent’s projects in hand and their overdue items', () => {
    expect(
      result.workload.map((row) => [row.name, row.projects, row.overdueItems, row.entries.length]),
    ).toEqual([
      ['张三', 2, 3, 2],
      ['李四', 1, 1, 1],
    ]);
  });

  it('measures land to permit per project, holding 拿地即开工 projects to the target', () => {
    const land = board([
      project(1, { landDealOn: '2026-03-02', constructionPermitOn: '2026-03-04' }),
      project(2, {
        landDealOn: '2026-03-02',
        constructionPermitOn: '2026-03-13',
        startOnLandDeal: true,
      }),
      project(3, {
        landDealOn: '2026-03-02',
        constructionPermitOn: '2026-03-05',
        startOnLandDeal: true,
      }),
      project(4, { landDealOn: '2026-03-16' }),
      project(5),
    ]).landToPermit;
    expect(startOnLandDealTargetWorkingDays).toBe(4);
    expect(
      land.map((row) => [row.projectName, row.status, row.workingDays, row.overTarget]),
    ).toEqual([
      ['项目2', 'done', 9, true],
      ['项目4', 'running', 5, false],
      ['项目3', 'done', 3, false],
      ['项目1', 'done', 2, false],
    ]);
  });
});
