import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar';
import { collectDeadlines, worstTier } from './deadlines';
import type { HandlingStep } from './handling-step';
import { promisedDateProblem, type MissingItem } from './missing-item';
import { testApprovalItem, testIds } from './test-records';

const calendar = createWorkingDayCalendar([]);
const meta = {
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  deleted: false,
};

// Accepted the Friday before 春节 2026 under 容缺: 20 working days → due 2026-03-19.
const accepted = testApprovalItem({
  status: 'accepted',
  handlingMode: 'missingAccepted',
  submittedOn: '2026-02-12',
  acceptedOn: '2026-02-13',
});

const missing = (fields: Partial<MissingItem>): MissingItem => ({
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

const step: HandlingStep = {
  id: testIds.other,
  projectId: testIds.project,
  approvalItemId: testIds.item,
  on: '2026-02-13',
  by: '王小明',
  kind: 'submit',
  summary: '递交施工许可申请，容缺受理',
  nextAction: '催建设单位补交人防测算表',
  nextActionDueOn: '2026-03-03',
  nextActionDone: false,
  ...meta,
};

describe('deadlines derived for today', () => {
  const records = {
    approvalItems: [accepted],
    missingItems: [
      missing({ promisedOn: '2026-03-10' }),
      missing({ status: 'supplied', suppliedOn: '2026-02-27' }),
    ],
    handlingSteps: [step],
  };

  it('collects the item’s due date, outstanding missing items and open next actions, by date', () => {
    const deadlines = collectDeadlines(records, calendar, '2026-02-24', 3);
    expect(deadlines.map((deadline) => [deadline.kind, deadline.dueDate, deadline.tier])).toEqual([
      ['nextAction', '2026-03-03', 'normal'],
      ['missingItem', '2026-03-10', 'normal'],
      ['approvalItem', '2026-03-19', 'normal'],
    ]);
  });

  it('turns 预警 within three working days and 逾期 the day after, as the clock moves', () => {
    const on = (today: string) =>
      collectDeadlines(records, calendar, today, 3).find(
        (deadline) => deadline.kind === 'approvalItem',
      );
    expect(on('2026-03-13')).toMatchObject({ tier: 'normal', workingDaysLeft: 4 });
    expect(on('2026-03-16')).toMatchObject({ tier: 'warning', workingDaysLeft: 3 });
    expect(on('2026-03-19')).toMatchObject({ tier: 'warning', workingDaysLeft: 0 });
    expect(on('2026-03-20')).toMatchObject({ tier: 'overdue' });
    expect(worstTier(collectDeadlines(records, calendar, '2026-03-20', 3))).toBe('overdue');
  });

  it('drops finished items, done next actions and missing items of deleted items', () => {
    const approved = { ...accepted, status: 'approved' as const, completedOn: '2026-03-01' };
    const deadlines = collectDeadlines(
      {
        approvalItems: [approved],
        missingItems: [missing({ approvalItemId: testIds.other })],
        handlingSteps: [{ ...step, nextActionDone: true }],
      },
      calendar,
      '2026-02-24',
      3,
    );
    expect(deadlines).toEqual([]);
  });

  it('carries the estimate warning into 2027', () => {
    const lateItem = { ...accepted, acceptedOn: '2026-12-15', submittedOn: '2026-12-14' };
    const [deadline] = collectDeadlines(
      { approvalItems: [lateItem], missingItems: [], handlingSteps: [] },
      calendar,
      '2026-12-20',
      3,
    );
    // 元旦 2027 off by the law: one day later than counting weekends only.
    expect(deadline).toMatchObject({ dueDate: '2027-01-13', estimatedYears: [2027] });
  });
});

describe('promised date of a missing item', () => {
  const item = { acceptedOn: '2026-02-13', dueDate: '2026-03-19' };
  it('is refused after the item’s own deadline or before acceptance', () => {
    expect(promisedDateProblem('2026-03-20', item)).toBe('validation.promisedAfterDeadline');
    expect(promisedDateProblem('2026-02-12', item)).toBe('validation.promisedBeforeAccepted');
  });
  it('is accepted up to and on the deadline', () => {
    expect(promisedDateProblem('2026-03-19', item)).toBeNull();
    expect(promisedDateProblem('2026-03-01', { acceptedOn: null, dueDate: null })).toBeNull();
  });
});
