import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar';
import { assembleProjectSheet, type ProjectSheetInput } from './project-sheet';
import {
  idOf,
  testAgent,
  testApprovalItem,
  testIds,
  testMissingItem,
  testProblem,
  testProject,
  testStep,
} from './test-sheet-records';

// Counted by hand from the 2026 schedule (春节 02-15..02-23, make-up Saturdays 02-14 and 02-28):
// accepted Friday 02-13 with 20 working days is due Thursday 03-19 (see calendar/deadline.test.ts).
// The sheet is printed on Monday 2026-03-23.
const calendar = createWorkingDayCalendar([]);
const today = '2026-03-23';

function sheet(fields: Partial<ProjectSheetInput> = {}) {
  return assembleProjectSheet({
    calendar,
    today,
    warnWithinWorkingDays: 3,
    project: testProject(),
    records: { approvalItems: [], missingItems: [], handlingSteps: [], problems: [] },
    helperAgents: [],
    ...fields,
  });
}

const overdueItem = testApprovalItem({
  id: idOf(1),
  stage: 'constructionPermit',
  name: '施工图联合审查',
  status: 'reviewing',
  acceptedOn: '2026-02-13',
  sortOrder: 2,
});

describe('approval items', () => {
  it('come in stage order, then the project order, whatever order they were read in', () => {
    const rows = sheet({
      records: {
        approvalItems: [
          testApprovalItem({
            id: idOf(3),
            stage: 'completion',
            name: '竣工验收备案',
            sortOrder: 1,
          }),
          overdueItem,
          testApprovalItem({
            id: idOf(2),
            stage: 'constructionPermit',
            name: '消防',
            sortOrder: 1,
          }),
          testApprovalItem({ id: idOf(4), stage: 'landPlanning', name: '项目赋码', sortOrder: 9 }),
        ],
        missingItems: [],
        handlingSteps: [],
        problems: [],
      },
    }).items;
    expect(rows.map((row) => row.name)).toEqual([
      '项目赋码',
      '消防',
      '施工图联合审查',
      '竣工验收备案',
    ]);
  });

  it('an item under review past its due date is 逾期, with the working days since', () => {
    const [row] = sheet({
      records: { approvalItems: [overdueItem], missingItems: [], handlingSteps: [], problems: [] },
    }).items;
    // 03-20 and 03-23.
    expect(row?.time).toEqual({
      kind: 'running',
      due: { dueDate: '2026-03-19', tier: 'overdue', workingDays: 2, estimatedYears: [] },
    });
  });

  it('an item due within the warning days is 预警, with the working days left', () => {
    const [row] = sheet({
      records: {
        approvalItems: [
          testApprovalItem({
            status: 'accepted',
            acceptedOn: '2026-03-20',
            timeLimit: { days: 3, unit: 'working' },
          }),
        ],
        missingItems: [],
        handlingSteps: [],
        problems: [],
      },
    }).items;
    // Day 1 = 03-23, due 03-25: 03-24 and 03-25 left.
    expect(row?.time).toEqual({
      kind: 'running',
      due: { dueDate: '2026-03-25', tier: 'warning', workingDays: 2, estimatedYears: [] },
    });
  });

  it('a paused clock says since when and the days used, without a tier', () => {
    const [row] = sheet({
      records: {
        approvalItems: [
          testApprovalItem({
            status: 'reviewing',
            acceptedOn: '2026-03-02',
            pausedIntervals: [{ from: '2026-03-10', to: null, reason: '专家评审' }],
          }),
        ],
        missingItems: [],
        handlingSteps: [],
        problems: [],
      },
    }).items;
    // 03-03..03-06 and 03-09 counted before the pause.
    expect(row?.time).toEqual({ kind: 'paused', since: '2026-03-10', daysUsed: 5 });
  });

  it('a decision is held to the due date: 超期办结 when it came after it', () => {
    const rows = sheet({
      records: {
        approvalItems: [
          testApprovalItem({
            id: idOf(1),
            status: 'approved',
            acceptedOn: '2026-02-13',
            completedOn: '2026-03-20',
            certificateNo: '建施字第 2026-001 号',
          }),
          testApprovalItem({
            id: idOf(2),
            status: 'approved',
            acceptedOn: '2026-02-13',
            completedOn: '2026-03-19',
          }),
          testApprovalItem({
            id: idOf(3),
            status: 'approved',
            acceptedOn: '2026-02-13',
            completedOn: '2026-02-13',
            timeLimit: null,
          }),
        ],
        missingItems: [],
        handlingSteps: [],
        problems: [],
      },
    }).items;
    expect(rows.map((row) => row.time)).toEqual([
      { kind: 'finished', completedOn: '2026-03-20', dueDate: '2026-03-19', late: true },
      { kind: 'finished', completedOn: '2026-03-19', dueDate: '2026-03-19', late: false },
      { kind: 'finished', completedOn: '2026-02-13', dueDate: null, late: null },
    ]);
    expect(rows[0]?.certificateNo).toBe('建施字第 2026-001 号');
  });

  it('items not accepted, without a limit, or not required have no clock', () => {
    const rows = sheet({
      records: {
        approvalItems: [
          testApprovalItem({ id: idOf(1), status: 'preparing' }),
          testApprovalItem({
            id: idOf(2),
            status: 'accepted',
            acceptedOn: '2026-03-02',
            timeLimit: null,
          }),
          testApprovalItem({ id: idOf(3), status: 'notRequired' }),
        ],
        missingItems: [],
        handlingSteps: [],
        problems: [],
      },
    }).items;
    expect(rows.map((row) => row.time.kind)).toEqual(['none', 'none', 'none']);
  });

  it('progress per stage counts 办结 and 无需办理 as done; the current stage is the first unfinished', () => {
    const result = sheet({
      records: {
        approvalItems: [
          testApprovalItem({ id: idOf(1), stage: 'landPlanning', status: 'notRequired' }),
          testApprovalItem({
            id: idOf(2),
            stage: 'landPlanning',
            status: 'approved',
            acceptedOn: '2026-02-02',
            completedOn: '2026-02-03',
          }),
          testApprovalItem({ id: idOf(3), stage: 'engineeringPermit', status: 'preparing' }),
        ],
        missingItems: [],
        handlingSteps: [],
        problems: [],
      },
    });
    expect(result.progress).toEqual([
      { stage: 'landPlanning', total: 2, finished: 2 },
      { stage: 'engineeringPermit', total: 1, finished: 0 },
      { stage: 'constructionPermit', total: 0, finished: 0 },
      { stage: 'completion', total: 0, finished: 0 },
    ]);
    expect(result.currentStage).toBe('engineeringPermit');
  });
});

describe('what is still owed', () => {
  const records = {
    approvalItems: [
      overdueItem,
      testApprovalItem({
        id: idOf(5),
        name: '建设工程规划许可证',
        department: '区自然资源和规划局',
        handlingMode: 'onCommitment',
        status: 'approved',
        acceptedOn: '2026-02-27',
        completedOn: '2026-03-02',
        commitmentCheck: { dueOn: '2026-03-20', result: 'pending', checkedOn: null, notes: '' },
      }),
      testApprovalItem({
        id: idOf(6),
        name: '人防审批',
        handlingMode: 'onCommitment',
        status: 'approved',
        acceptedOn: '2026-02-27',
        completedOn: '2026-03-02',
        commitmentCheck: null,
      }),
      testApprovalItem({
        id: idOf(7),
        name: '防雷审核',
        handlingMode: 'onCommitment',
        status: 'approved',
        acceptedOn: '2026-02-27',
        completedOn: '2026-03-02',
        commitmentCheck: {
          dueOn: '2026-03-10',
          result: 'passed',
          checkedOn: '2026-03-09',
          notes: '',
        },
      }),
    ],
    missingItems: [
      testMissingItem({ id: idOf(11), approvalItemId: idOf(1), promisedOn: '2026-03-30' }),
      testMissingItem({ id: idOf(12), approvalItemId: idOf(1), promisedOn: '2026-03-18' }),
      testMissingItem({
        id: idOf(13),
        approvalItemId: idOf(1),
        status: 'supplied',
        suppliedOn: '2026-03-17',
      }),
    ],
    handlingSteps: [],
    problems: [
      testProblem({ id: idOf(21), raisedOn: '2026-03-16' }),
      testProblem({ id: idOf(22), raisedOn: '2026-03-02', status: 'coordinating' }),
      testProblem({ id: idOf(23), status: 'resolved', resolvedOn: '2026-03-20' }),
    ],
  };

  it('missing items still pending, earliest promised date first, with their item and tier', () => {
    const { missingItems } = sheet({ records });
    expect(missingItems.map((row) => [row.id, row.itemName, row.promised.tier])).toEqual([
      [idOf(12), '施工图联合审查', 'overdue'],
      [idOf(11), '施工图联合审查', 'normal'],
    ]);
    // 03-19, 03-20, 03-23.
    expect(missingItems[0]?.promised.workingDays).toBe(3);
  });

  it('commitments awaiting verification: a pending check, or an approval with none recorded', () => {
    const { commitments } = sheet({ records });
    expect(commitments).toEqual([
      {
        itemId: idOf(5),
        itemName: '建设工程规划许可证',
        department: '区自然资源和规划局',
        approvedOn: '2026-03-02',
        due: { dueDate: '2026-03-20', tier: 'overdue', workingDays: 1, estimatedYears: [] },
      },
      {
        itemId: idOf(6),
        itemName: '人防审批',
        department: '住建',
        approvedOn: '2026-03-02',
        due: null,
      },
    ]);
  });

  it('open problems oldest first, with the working days they have been open', () => {
    const { problems } = sheet({ records });
    expect(problems.map((row) => [row.id, row.status, row.openWorkingDays])).toEqual([
      [idOf(22), 'coordinating', 15],
      // 03-17..03-20 and 03-23.
      [idOf(21), 'open', 5],
    ]);
  });

  it('counts the sheet’s deadlines per tier', () => {
    expect(sheet({ records }).tierCounts).toEqual({ normal: 1, warning: 0, overdue: 3 });
  });
});

describe('handling steps', () => {
  it('prints the latest ten, newest first, and says how many older ones there are', () => {
    const steps = Array.from({ length: 12 }, (_, index) =>
      testStep({
        id: idOf(100 + index),
        on: `2026-03-${String(index + 1).padStart(2, '0')}`,
        summary: `第 ${index + 1} 次`,
      }),
    );
    const result = sheet({
      records: { approvalItems: [], missingItems: [], handlingSteps: steps, problems: [] },
    });
    expect(result.steps.map((step) => step.on)).toEqual(
      Array.from({ length: 10 }, (_, index) => `2026-03-${String(12 - index).padStart(2, '0')}`),
    );
    expect(result.olderSteps).toBe(2);
    expect(
      sheet({
        records: { approvalItems: [], missingItems: [], handlingSteps: steps, problems: [] },
        latestSteps: 3,
      }).olderSteps,
    ).toBe(9);
  });

  it('names the approval item a step was about, and orders a day’s steps by when they were written', () => {
    const result = sheet({
      records: {
        approvalItems: [overdueItem],
        missingItems: [],
        handlingSteps: [
          testStep({ id: idOf(1), approvalItemId: idOf(1), createdAt: '2026-03-02T01:00:00.000Z' }),
          testStep({
            id: idOf(2),
            approvalItemId: idOf(99),
            createdAt: '2026-03-02T02:00:00.000Z',
          }),
        ],
        problems: [],
      },
    });
    expect(result.steps.map((step) => [step.id, step.itemName])).toEqual([
      [idOf(2), null],
      [idOf(1), '施工图联合审查'],
    ]);
  });
});

describe('the header', () => {
  it('lists the project’s helper-agents that are on the team list, in the project’s order', () => {
    const result = sheet({
      project: testProject({ helperAgentIds: [idOf(602), idOf(601), idOf(603)] }),
      helperAgents: [
        testAgent({ id: idOf(601), name: '李四' }),
        testAgent({ id: idOf(602), name: '张三', phone: '' }),
      ],
    });
    expect(result.helperAgents).toEqual([
      { name: '张三', unit: '某某镇人民政府', phone: '' },
      { name: '李四', unit: '某某镇人民政府', phone: '13800000000' },
    ]);
  });

  it('counts working days from land to the construction permit', () => {
    const done = sheet({
      project: testProject({ landDealOn: '2026-02-13', constructionPermitOn: '2026-03-19' }),
    });
    expect(done.landToPermit).toEqual({
      status: 'done',
      landOn: '2026-02-13',
      permitOn: '2026-03-19',
      workingDays: 20,
    });
    const running = sheet({ project: testProject({ landDeliveredOn: '2026-03-16' }) });
    expect(running.landToPermit).toEqual({
      status: 'running',
      landOn: '2026-03-16',
      workingDays: 5,
    });
    const stopped = sheet({
      project: testProject({ landDealOn: '2026-03-16', status: 'terminated' }),
    });
    expect(stopped.landToPermit).toEqual({ status: 'noPermit', landOn: '2026-03-16' });
    expect(sheet().landToPermit).toEqual({ status: 'noLand' });
  });

  it('ignores records of other projects', () => {
    const result = sheet({
      records: {
        approvalItems: [overdueItem, testApprovalItem({ id: idOf(2), projectId: testIds.other })],
        missingItems: [testMissingItem({ projectId: testIds.other })],
        handlingSteps: [testStep({ projectId: testIds.other })],
        problems: [testProblem({ projectId: testIds.other })],
      },
    });
    expect(result.items).toHaveLength(1);
    expect([result.missingItems, result.steps, result.problems]).toEqual([[], [], []]);
  });
});
