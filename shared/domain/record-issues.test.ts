import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar';
import { approvalItemInputSchema } from './approval-item';
import { handlingStepInputSchema, type HandlingStep } from './handling-step';
import { missingItemInputSchema, type MissingItem } from './missing-item';
import { problemInputSchema, type Problem } from './problem';
import { recordIssues, recordsNeedingReview } from './record-issues';
import type { HolidaySchedule } from './settings';
import { testApprovalItem, testIds } from './test-records';

const calendar = createWorkingDayCalendar([]);
const meta = {
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  deleted: false,
};

// Accepted the Friday before 春节 2026: 20 working days → due 2026-03-19 (deadlines.test.ts).
const accepted = testApprovalItem({
  status: 'accepted',
  handlingMode: 'missingAccepted',
  submittedOn: '2026-02-12',
  acceptedOn: '2026-02-13',
});

const missing = (fields: Partial<MissingItem> = {}): MissingItem => ({
  id: crypto.randomUUID(),
  projectId: testIds.project,
  approvalItemId: testIds.item,
  material: '人防面积测算表',
  supplier: '建设单位',
  promisedOn: '2026-03-10',
  status: 'pending',
  suppliedOn: null,
  notes: '',
  ...meta,
  ...fields,
});

const step = (fields: Partial<HandlingStep> = {}): HandlingStep => ({
  id: testIds.other,
  projectId: testIds.project,
  approvalItemId: null,
  on: '2026-03-02',
  by: '王小明',
  kind: 'consult',
  summary: '电话咨询',
  nextAction: '递件',
  nextActionDueOn: '2026-03-05',
  nextActionDone: false,
  ...meta,
  ...fields,
});

const problem = (fields: Partial<Problem> = {}): Problem => ({
  id: testIds.other,
  projectId: testIds.project,
  title: '征地未完成',
  description: '',
  responsibleDepartment: '自然资源局',
  raisedOn: '2026-03-02',
  escalation: 'bureau',
  status: 'open',
  resolution: '',
  resolvedOn: null,
  ...meta,
  ...fields,
});

const keys = (issues: { key: string }[]) => issues.map((issue) => issue.key);

describe('recordIssues: what a merge of two valid edits can break', () => {
  it('finds nothing wrong with valid records', () => {
    expect(recordIssues('approvalItems', accepted)).toEqual([]);
    expect(recordIssues('missingItems', missing(), { approvalItem: accepted, calendar })).toEqual(
      [],
    );
    expect(recordIssues('handlingSteps', step())).toEqual([]);
    expect(recordIssues('problems', problem())).toEqual([]);
  });

  it('an approval item: dates out of order, and a status without the date it stands for', () => {
    expect(keys(recordIssues('approvalItems', { ...accepted, submittedOn: '2026-02-20' }))).toEqual(
      ['validation.acceptedBeforeSubmitted'],
    );
    expect(keys(recordIssues('approvalItems', { ...accepted, acceptedOn: null }))).toEqual([
      'validation.acceptedOnRequired',
    ]);
    expect(
      keys(recordIssues('approvalItems', { ...accepted, status: 'approved', completedOn: null })),
    ).toEqual(['validation.completedOnRequired']);
    expect(
      keys(
        recordIssues('approvalItems', {
          ...accepted,
          status: 'approved',
          completedOn: '2026-02-10',
        }),
      ),
    ).toEqual(['validation.completedBeforeAccepted']);
  });

  it('an approval item: two pauses entered on two computers that overlap, or start before acceptance', () => {
    const pauses = [
      { from: '2026-02-24', to: '2026-03-02', reason: '专家评审' },
      { from: '2026-02-26', to: null, reason: '现场踏勘' },
    ];
    expect(keys(recordIssues('approvalItems', { ...accepted, pausedIntervals: pauses }))).toEqual([
      'validation.pausesOverlap',
    ]);
    expect(
      keys(
        recordIssues('approvalItems', {
          ...accepted,
          pausedIntervals: [{ from: '2026-02-10', to: '2026-02-11', reason: '' }],
        }),
      ),
    ).toEqual(['validation.pauseBeforeAccepted']);
  });

  it('a missing item: supplied or verified without the date it arrived', () => {
    expect(keys(recordIssues('missingItems', missing({ status: 'supplied' })))).toEqual([
      'validation.suppliedOnRequired',
    ]);
    expect(keys(recordIssues('missingItems', missing({ status: 'verified' })))).toEqual([
      'validation.suppliedOnRequired',
    ]);
    expect(recordIssues('missingItems', missing({ status: 'returned' }))).toEqual([]);
  });

  it('a missing item still owed: promised after its item’s deadline, naming it, or before acceptance', () => {
    const related = { approvalItem: accepted, calendar };
    expect(recordIssues('missingItems', missing({ promisedOn: '2026-03-20' }), related)).toEqual([
      { key: 'validation.promisedAfterDeadline', values: { dueDate: '2026-03-19' } },
    ]);
    expect(recordIssues('missingItems', missing({ promisedOn: '2026-02-12' }), related)).toEqual([
      { key: 'validation.promisedBeforeAccepted', values: { dueDate: '2026-03-19' } },
    ]);
    // The plain check: unlike the write rule, a record saved earlier is checked as it stands now,
    // e.g. after the item's time limit was shortened on another computer.
    const shortened = { ...accepted, timeLimit: { days: 5, unit: 'working' as const } };
    expect(
      keys(recordIssues('missingItems', missing(), { approvalItem: shortened, calendar })),
    ).toEqual(['validation.promisedAfterDeadline']);
  });

  it('a missing item already supplied, or whose item’s clock is not running, is not held to a deadline', () => {
    const related = { approvalItem: accepted, calendar };
    expect(
      recordIssues(
        'missingItems',
        missing({ promisedOn: '2026-03-20', status: 'supplied', suppliedOn: '2026-03-01' }),
        related,
      ),
    ).toEqual([]);
    const paused = {
      ...accepted,
      pausedIntervals: [{ from: '2026-02-24', to: null, reason: '专家评审' }],
    };
    expect(
      recordIssues('missingItems', missing({ promisedOn: '2026-04-30' }), {
        approvalItem: paused,
        calendar,
      }),
    ).toEqual([]);
    // Without a calendar only 受理日期 can be checked.
    expect(
      recordIssues('missingItems', missing({ promisedOn: '2026-04-30' }), {
        approvalItem: accepted,
      }),
    ).toEqual([]);
  });

  it('a handling step whose next action is due before the step', () => {
    expect(keys(recordIssues('handlingSteps', step({ nextActionDueOn: '2026-03-01' })))).toEqual([
      'validation.dueBeforeStep',
    ]);
    expect(recordIssues('handlingSteps', step({ nextActionDueOn: null }))).toEqual([]);
  });

  it('a problem resolved without a resolved date', () => {
    expect(keys(recordIssues('problems', problem({ status: 'resolved' })))).toEqual([
      'validation.resolvedOnRequired',
    ]);
    expect(
      recordIssues('problems', problem({ status: 'resolved', resolvedOn: '2026-03-03' })),
    ).toEqual([]);
  });

  it('a year schedule with one day both off and worked, naming the day', () => {
    const schedule: HolidaySchedule = {
      id: crypto.randomUUID(),
      year: 2027,
      holidays: ['2027-01-01', '2027-02-06'],
      makeUpWorkdays: ['2027-02-06'],
      ...meta,
    };
    expect(recordIssues('holidaySchedules', schedule)).toEqual([
      { key: 'validation.scheduleConflict', values: { date: '2027-02-06' } },
    ]);
    expect(recordIssues('holidaySchedules', { ...schedule, makeUpWorkdays: [] })).toEqual([]);
  });

  it('reports what the write schemas refuse: the same rules, one definition', () => {
    const cases = [
      [approvalItemInputSchema, { ...accepted, submittedOn: '2026-02-20' }, 'approvalItems'],
      [missingItemInputSchema, missing({ status: 'verified' }), 'missingItems'],
      [handlingStepInputSchema, step({ nextActionDueOn: '2026-03-01' }), 'handlingSteps'],
      [problemInputSchema, problem({ status: 'resolved' }), 'problems'],
    ] as const;
    for (const [schema, row, table] of cases) {
      const parsed = schema.safeParse(row);
      expect(parsed.success).toBe(false);
      const refused = parsed.error?.issues.map((issue) => issue.message);
      expect(keys(recordIssues(table, row as never))).toEqual(refused);
    }
  });
});

describe('recordsNeedingReview', () => {
  it('lists each record with its problems, a missing item checked against its own item', () => {
    const other = testApprovalItem({ id: testIds.other, status: 'notStarted' });
    const late = missing({ promisedOn: '2026-03-25' });
    const unlimited = missing({ approvalItemId: testIds.other, promisedOn: '2026-12-31' });
    const found = recordsNeedingReview(
      {
        approvalItems: [
          accepted,
          other,
          { ...accepted, id: crypto.randomUUID(), acceptedOn: null },
        ],
        missingItems: [late, unlimited, missing()],
        handlingSteps: [step(), step({ id: crypto.randomUUID(), nextActionDueOn: '2026-01-01' })],
        problems: [problem({ status: 'resolved' })],
      },
      calendar,
    );
    expect(found.map(({ table, issues }) => [table, keys(issues)])).toEqual([
      ['approvalItems', ['validation.acceptedOnRequired']],
      ['missingItems', ['validation.promisedAfterDeadline']],
      ['handlingSteps', ['validation.dueBeforeStep']],
      ['problems', ['validation.resolvedOnRequired']],
    ]);
    expect(found[1]?.record.id).toBe(late.id);
  });
});
