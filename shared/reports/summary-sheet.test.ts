import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar';
import type { ApprovalItem } from '../domain/approval-item';
import type { KeyProject } from '../domain/project';
import { assembleSummarySheet } from './summary-sheet';
import type { SheetRecords } from './sheet-common';
import {
  idOf,
  testAgent,
  testApprovalItem,
  testMissingItem,
  testProblem,
  testProject,
} from './test-sheet-records';

// As in project-sheet.test.ts: accepted 02-13 with 20 working days is due 03-19; printed 03-23.
const calendar = createWorkingDayCalendar([]);
const today = '2026-03-23';

const project = (n: number, fields: Partial<KeyProject> = {}) =>
  testProject({ id: idOf(n), name: `项目${n}`, ...fields });
const item = (n: number, projectN: number, fields: Partial<ApprovalItem> = {}) =>
  testApprovalItem({ id: idOf(n), projectId: idOf(projectN), name: `事项${n}`, ...fields });
const overdue = { status: 'reviewing', acceptedOn: '2026-02-13' } as const;
const warning = {
  status: 'accepted',
  acceptedOn: '2026-03-20',
  timeLimit: { days: 3, unit: 'working' },
} as const;

const none: SheetRecords = { approvalItems: [], missingItems: [], handlingSteps: [], problems: [] };

function summary(projects: KeyProject[], records: Partial<SheetRecords> = {}) {
  return assembleSummarySheet({
    calendar,
    today,
    warnWithinWorkingDays: 3,
    projects,
    records: { ...none, ...records },
    helperAgents: [
      testAgent({ id: idOf(601), name: '张三' }),
      testAgent({ id: idOf(602), name: '李四' }),
    ],
  });
}

describe('counts', () => {
  const projects = [
    project(1, { level: 'district', status: 'active', totalInvestment: 12_000.5 }),
    project(2, { level: 'province', status: 'started', totalInvestment: 80_000 }),
    project(3, { level: 'city', status: 'active', totalInvestment: null }),
    project(4, { level: 'district', status: 'suspended', totalInvestment: 500 }),
  ];
  const approvalItems = [
    item(11, 1, {
      stage: 'landPlanning',
      status: 'approved',
      acceptedOn: '2026-01-05',
      completedOn: '2026-01-06',
    }),
    item(12, 1, { stage: 'engineeringPermit', ...overdue }),
    item(13, 1, { stage: 'engineeringPermit', ...warning }),
    item(14, 1, { stage: 'constructionPermit', status: 'notStarted' }),
    item(21, 2, { stage: 'landPlanning', status: 'notRequired' }),
    item(22, 2, {
      stage: 'completion',
      status: 'approved',
      acceptedOn: '2026-01-05',
      completedOn: '2026-01-06',
    }),
    item(31, 3, { stage: 'constructionPermit', status: 'preparing' }),
  ];
  const sheet = summary(projects, { approvalItems });

  it('projects by status and level, and the investment they state (万元)', () => {
    expect(sheet.projectCount).toBe(4);
    expect(sheet.byProjectStatus).toEqual({
      active: 2,
      suspended: 1,
      started: 1,
      completed: 0,
      terminated: 0,
    });
    expect(sheet.byLevel).toEqual({ province: 1, city: 1, district: 2 });
    expect(sheet.investment).toEqual({ total: 92_500.5, unknown: 1 });
  });

  it('items per stage and status, with the tiers of running clocks', () => {
    const engineering = sheet.stages.find((row) => row.stage === 'engineeringPermit');
    expect(engineering).toMatchObject({ total: 2, warning: 1, overdue: 1, projectsAtStage: 1 });
    expect(engineering?.byStatus).toMatchObject({ reviewing: 1, accepted: 1, approved: 0 });
    expect(sheet.stages.map((row) => [row.stage, row.total, row.projectsAtStage])).toEqual([
      ['landPlanning', 2, 0],
      ['engineeringPermit', 2, 1],
      ['constructionPermit', 2, 1],
      ['completion', 1, 0],
    ]);
    expect(sheet.totals).toMatchObject({ total: 7, warning: 1, overdue: 1, projectsAtStage: 2 });
    expect(Object.values(sheet.totals.byStatus).reduce((sum, count) => sum + count, 0)).toBe(7);
    expect(sheet.projectsAllDone).toBe(1);
    expect(sheet.projectsWithoutItems).toBe(1);
  });

  it('one row per project: 省, 市, 区 in that order, then by name', () => {
    expect(sheet.projects.map((row) => row.name)).toEqual(['项目2', '项目3', '项目1', '项目4']);
    expect(sheet.projects.find((row) => row.name === '项目1')).toMatchObject({
      currentStage: 'engineeringPermit',
      finished: 1,
      total: 4,
      overdueItems: 1,
      warningItems: 1,
    });
    expect(sheet.projects.find((row) => row.name === '项目2')).toMatchObject({
      currentStage: null,
      finished: 2,
      total: 2,
    });
  });
});

describe('lists', () => {
  it('overdue approval items, longest overdue first', () => {
    const sheet = summary([project(1), project(2, { name: '甲项目' })], {
      approvalItems: [
        item(11, 1, { ...overdue, department: '区住建局' }),
        // Accepted 02-12: due 03-18, overdue three working days.
        item(21, 2, { ...overdue, acceptedOn: '2026-02-12' }),
        item(22, 2, warning),
      ],
    });
    expect(
      sheet.overdueItems.map((row) => [row.itemName, row.due.dueDate, row.due.workingDays]),
    ).toEqual([
      ['事项21', '2026-03-18', 3],
      ['事项11', '2026-03-19', 2],
    ]);
    expect(sheet.overdueItems[1]).toMatchObject({ projectName: '项目1', department: '区住建局' });
  });

  it('missing items past their promised date, still pending, of live items only', () => {
    const sheet = summary([project(1)], {
      approvalItems: [item(11, 1)],
      missingItems: [
        testMissingItem({
          id: idOf(51),
          projectId: idOf(1),
          approvalItemId: idOf(11),
          promisedOn: '2026-03-18',
        }),
        testMissingItem({
          id: idOf(52),
          projectId: idOf(1),
          approvalItemId: idOf(11),
          promisedOn: '2026-03-23',
        }),
        testMissingItem({
          id: idOf(53),
          projectId: idOf(1),
          approvalItemId: idOf(11),
          promisedOn: '2026-03-02',
          status: 'supplied',
          suppliedOn: '2026-03-03',
        }),
        testMissingItem({
          id: idOf(54),
          projectId: idOf(1),
          approvalItemId: idOf(99),
          promisedOn: '2026-03-02',
        }),
      ],
    });
    expect(sheet.overdueMissing).toEqual([
      {
        projectId: idOf(1),
        projectName: '项目1',
        missingId: idOf(51),
        material: '消防设计文件',
        itemName: '事项11',
        supplier: '建设单位',
        promised: { dueDate: '2026-03-18', tier: 'overdue', workingDays: 3, estimatedYears: [] },
      },
    ]);
    expect(sheet.projects[0]?.overdueMissing).toBe(1);
  });

  it('unresolved problems by responsible department, most first, the unassigned last', () => {
    const sheet = summary([project(1), project(2)], {
      problems: [
        testProblem({
          id: idOf(71),
          projectId: idOf(1),
          responsibleDepartment: '区住建局',
          raisedOn: '2026-03-16',
        }),
        testProblem({
          id: idOf(72),
          projectId: idOf(2),
          responsibleDepartment: '',
          raisedOn: '2026-03-02',
        }),
        testProblem({ id: idOf(73), projectId: idOf(2), responsibleDepartment: '区自然资源局' }),
        testProblem({
          id: idOf(74),
          projectId: idOf(1),
          responsibleDepartment: '区自然资源局 ',
          raisedOn: '2026-03-02',
          escalation: 'districtLeader',
        }),
        testProblem({
          id: idOf(75),
          projectId: idOf(1),
          status: 'resolved',
          resolvedOn: '2026-03-20',
        }),
      ],
    });
    expect(
      sheet.problemsByDepartment.map((group) => [
        group.department,
        group.problems.map((problem) => problem.id),
        group.escalated,
      ]),
    ).toEqual([
      ['区自然资源局', [idOf(74), idOf(73)], 1],
      ['区住建局', [idOf(71)], 0],
      ['', [idOf(72)], 0],
    ]);
    expect(sheet.openProblems).toBe(4);
    expect(sheet.problemsByDepartment[0]?.problems[0]).toMatchObject({
      projectName: '项目1',
      openWorkingDays: 15,
    });
  });
});

describe('scope', () => {
  it('counts only the projects given (the list’s filter), ignoring the others’ records', () => {
    const sheet = summary([project(1)], {
      approvalItems: [item(11, 1, overdue), item(21, 2, overdue)],
      problems: [testProblem({ projectId: idOf(2) })],
    });
    expect(sheet.totals.total).toBe(1);
    expect(sheet.overdueItems).toHaveLength(1);
    expect(sheet.openProblems).toBe(0);
  });

  it('an empty scope gives an empty sheet, not an error', () => {
    const sheet = summary([]);
    expect(sheet.projectCount).toBe(0);
    expect(sheet.landToPermit).toEqual({ projects: 0, averageWorkingDays: null, longest: null });
  });
});

describe('land to construction permit', () => {
  it('per project, with the average and the longest over those that have both dates', () => {
    const sheet = summary(
      [
        project(1, { landDealOn: '2026-02-13', constructionPermitOn: '2026-03-19' }),
        project(2, { landDealOn: '2026-03-02', constructionPermitOn: '2026-03-06' }),
        project(3, { landDealOn: '2026-03-16' }),
        project(4, { helperAgentIds: [idOf(602), idOf(601)] }),
      ],
      {},
    );
    expect(sheet.projects.map((row) => row.landToPermit.status)).toEqual([
      'done',
      'done',
      'running',
      'noLand',
    ]);
    expect(sheet.landToPermit).toEqual({ projects: 2, averageWorkingDays: 12, longest: 20 });
    expect(sheet.projects[3]?.helperAgents).toEqual(['李四', '张三']);
  });
});
