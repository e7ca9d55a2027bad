import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar';
import type { ApprovalItem } from '../domain/approval-item';
import type { KeyProject } from '../domain/project';
import type { SheetRecords } from '../reports/sheet-common';
import {
  idOf,
  testAgent,
  testApprovalItem,
  testMissingItem,
  testProblem,
  testProject,
  testStep,
} from '../reports/test-sheet-records';
import { assembleWorkbench, helperAgentsOfUser, projectsInScope } from './workbench';

// Accepted 02-13 with 20 working days is due 03-19 (春节 skipped); on Monday 03-23 it is 2
// working days over (03-20, 03-23).
const calendar = createWorkingDayCalendar([]);
const today = '2026-03-23';
const me = idOf(601);
const colleague = idOf(602);

const project = (n: number, fields: Partial<KeyProject> = {}) =>
  testProject({ id: idOf(n), name: `项目${n}`, ...fields });
const item = (n: number, projectN: number, fields: Partial<ApprovalItem> = {}) =>
  testApprovalItem({ id: idOf(n), projectId: idOf(projectN), name: `事项${n}`, ...fields });
const overdue = { status: 'reviewing', acceptedOn: '2026-02-13' } as const;
const none: SheetRecords = { approvalItems: [], missingItems: [], handlingSteps: [], problems: [] };

function workbench(
  projects: KeyProject[],
  records: Partial<SheetRecords>,
  helperAgentIds: string[] | null = null,
) {
  return assembleWorkbench({
    calendar,
    today,
    warnWithinWorkingDays: 3,
    projects,
    records: { ...none, ...records },
    helperAgentIds,
  });
}

describe('helperAgentsOfUser', () => {
  const agents = [
    testAgent({ id: me, name: '王小明' }),
    testAgent({ id: colleague, name: '李四', active: false }),
  ];
  it('links the user to the helper-agents of the same name, inactive ones included', () => {
    expect(helperAgentsOfUser(' 王小明 ', agents).map((agent) => agent.id)).toEqual([me]);
    expect(helperAgentsOfUser('李四', agents).map((agent) => agent.id)).toEqual([colleague]);
  });
  it('finds none for a user who is no helper-agent, or has no name', () => {
    expect(helperAgentsOfUser('赵六', agents)).toEqual([]);
    expect(helperAgentsOfUser('  ', [testAgent({ name: '' })])).toEqual([]);
  });
});

describe('scope', () => {
  const projects = [
    project(1, { helperAgentIds: [me] }),
    project(2, { helperAgentIds: [colleague] }),
    project(3, { helperAgentIds: [colleague, me] }),
    project(4, { helperAgentIds: [] }),
  ];
  it('我的 keeps the projects naming one of my helper-agents; 全队 keeps all', () => {
    expect(projectsInScope(projects, [me]).map((p) => p.name)).toEqual(['项目1', '项目3']);
    expect(projectsInScope(projects, null)).toHaveLength(4);
    expect(projectsInScope(projects, [])).toEqual([]);
  });

  it('counts and lists only what belongs to the projects in scope', () => {
    const records = {
      approvalItems: [item(11, 1, overdue), item(12, 2, overdue)],
      problems: [
        testProblem({ id: idOf(21), projectId: idOf(1) }),
        testProblem({ id: idOf(22), projectId: idOf(2) }),
      ],
    };
    const mine = workbench(projects, records, [me]);
    expect(mine.projectCount).toBe(2);
    expect(mine.approvalItems.map((row) => row.title)).toEqual(['事项11']);
    expect(mine.problems.map((row) => row.projectName)).toEqual(['项目1']);
    expect(mine.overdue).toBe(1);
    expect(mine.projectsWithOverdue).toBe(1);

    const team = workbench(projects, records);
    expect(team.projectCount).toBe(4);
    expect(team.approvalItems.map((row) => row.title)).toEqual(['事项11', '事项12']);
    expect(team.overdue).toBe(2);
  });
});

describe('what needs attention', () => {
  const projects = [project(1), project(2)];

  it('lists overdue items with the working days over, the longest overdue first, then due soon', () => {
    const {
      approvalItems,
      overdue: overdueCount,
      warning,
    } = workbench(projects, {
      approvalItems: [
        // Due 03-24, 1 working day left: 预警.
        item(11, 1, {
          status: 'accepted',
          acceptedOn: '2026-03-20',
          timeLimit: { days: 2, unit: 'working' },
        }),
        item(12, 2, overdue),
        // Due 03-16: 5 working days over.
        item(13, 1, {
          status: 'accepted',
          acceptedOn: '2026-02-13',
          timeLimit: { days: 17, unit: 'working' },
        }),
        // Within its time, or not running: not listed.
        item(14, 1, { status: 'accepted', acceptedOn: '2026-03-20' }),
        item(15, 1, { status: 'approved', acceptedOn: '2026-02-13', completedOn: '2026-03-01' }),
      ],
    });
    expect(
      approvalItems.map((row) => [row.title, row.tier, row.workingDaysOverdue, row.projectName]),
    ).toEqual([
      ['事项13', 'overdue', 5, '项目1'],
      ['事项12', 'overdue', 2, '项目2'],
      ['事项11', 'warning', 0, '项目1'],
    ]);
    expect([overdueCount, warning]).toEqual([2, 1]);
  });

  it('sorts missing items, next actions and commitments to verify into their own lists', () => {
    const accepted = item(11, 1, { status: 'reviewing', acceptedOn: '2026-03-10' });
    const result = workbench(projects, {
      approvalItems: [
        accepted,
        item(12, 1, {
          status: 'approved',
          handlingMode: 'onCommitment',
          acceptedOn: '2026-03-02',
          completedOn: '2026-03-03',
          commitmentCheck: { dueOn: '2026-03-20', result: 'pending', checkedOn: null, notes: '' },
        }),
      ],
      missingItems: [
        testMissingItem({
          id: idOf(31),
          projectId: idOf(1),
          approvalItemId: idOf(11),
          promisedOn: '2026-03-18',
        }),
        testMissingItem({
          id: idOf(32),
          projectId: idOf(1),
          approvalItemId: idOf(11),
          promisedOn: '2026-04-30',
        }),
        testMissingItem({
          id: idOf(33),
          projectId: idOf(1),
          approvalItemId: idOf(11),
          promisedOn: '2026-03-18',
          status: 'supplied',
          suppliedOn: '2026-03-17',
        }),
      ],
      handlingSteps: [
        testStep({
          id: idOf(41),
          projectId: idOf(1),
          nextAction: '催办',
          nextActionDueOn: '2026-03-24',
        }),
        testStep({
          id: idOf(42),
          projectId: idOf(1),
          nextAction: '已做',
          nextActionDueOn: '2026-03-04',
          nextActionDone: true,
        }),
      ],
    });
    expect(
      result.missingItems.map((row) => [row.recordId, row.tier, row.workingDaysOverdue]),
    ).toEqual([[idOf(31), 'overdue', 3]]);
    expect(result.nextActions.map((row) => [row.title, row.tier])).toEqual([['催办', 'warning']]);
    expect(result.commitmentChecks.map((row) => [row.title, row.tier])).toEqual([
      ['事项12', 'overdue'],
    ]);
    expect(result.approvalItems).toEqual([]);
  });

  it('lists unresolved problems still with the helper-agents, oldest first', () => {
    const { problems } = workbench(projects, {
      problems: [
        testProblem({ id: idOf(21), projectId: idOf(1), title: '新问题', raisedOn: '2026-03-20' }),
        testProblem({ id: idOf(22), projectId: idOf(2), title: '老问题', raisedOn: '2026-03-02' }),
        testProblem({
          id: idOf(23),
          projectId: idOf(1),
          title: '已上报',
          escalation: 'districtLeader',
        }),
        testProblem({
          id: idOf(24),
          projectId: idOf(1),
          title: '已解决',
          status: 'resolved',
          resolvedOn: '2026-03-20',
        }),
      ],
    });
    expect(problems.map((row) => [row.title, row.openWorkingDays])).toEqual([
      ['老问题', 15],
      ['新问题', 1],
    ]);
  });

  it('shows the records needing review of the projects in scope, with their project', () => {
    const broken = item(11, 1, { status: 'approved', acceptedOn: '2026-03-02', completedOn: null });
    const { review } = workbench(projects, { approvalItems: [broken] });
    expect(review.map((entry) => [entry.table, entry.projectName])).toEqual([
      ['approvalItems', '项目1'],
    ]);
    expect(workbench(projects, { approvalItems: [broken] }, []).review).toEqual([]);
  });
});
