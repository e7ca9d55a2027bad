import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import type { ApprovalItem } from '../../../shared/domain/approval-item';
import type { MissingItem } from '../../../shared/domain/missing-item';
import { approvalItemDueDate, groupMissingRows, missingDisplayStatus } from './missing-rows';

const calendar = createWorkingDayCalendar([]);
const projectId = '00000000-0000-4000-8000-000000000000';
const meta = {
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  deleted: false,
};

function approvalItem(id: string, changes: Partial<ApprovalItem> = {}): ApprovalItem {
  return {
    ...meta,
    id,
    projectId,
    catalogItemId: null,
    stage: 'landPlanning',
    name: `事项${id.slice(-1)}`,
    department: '区自然资源和规划局',
    departmentLevel: 'district',
    handlingMode: 'missingAccepted',
    status: 'accepted',
    pausedIntervals: [],
    submittedOn: '2026-03-02',
    acceptedOn: '2026-03-02',
    completedOn: null,
    timeLimit: { days: 10, unit: 'working' },
    certificateNo: '',
    commitmentCheck: null,
    notes: '',
    sortOrder: 10,
    ...changes,
  };
}

function missing(id: string, approvalItemId: string, promisedOn: string): MissingItem {
  return {
    ...meta,
    id,
    projectId,
    approvalItemId,
    material: `材料${id.slice(-1)}`,
    supplier: '建设单位',
    promisedOn,
    status: 'pending',
    suppliedOn: null,
    notes: '',
  };
}

const itemA = approvalItem('00000000-0000-4000-8000-00000000000a');
const itemB = approvalItem('00000000-0000-4000-8000-00000000000b', { sortOrder: 20 });

describe('missingDisplayStatus', () => {
  it('derives 逾期未补 only for pending items past their promised date', () => {
    const item = missing('00000000-0000-4000-8000-000000000001', itemA.id, '2026-03-10');
    expect(missingDisplayStatus(item, '2026-03-10')).toBe('pending');
    expect(missingDisplayStatus(item, '2026-03-11')).toBe('overdue');
    expect(missingDisplayStatus({ ...item, status: 'supplied' }, '2026-03-11')).toBe('supplied');
  });
});

describe('approvalItemDueDate', () => {
  it('counts working days after acceptance (2026-03-02 + 10 working days)', () => {
    expect(approvalItemDueDate(itemA, calendar)).toEqual({
      status: 'running',
      dueDate: '2026-03-16',
      estimatedYears: [],
    });
  });

  it('gives no due date to an item not accepted yet, and none while its clock is paused', () => {
    expect(
      approvalItemDueDate(
        approvalItem(itemA.id, { acceptedOn: null, status: 'preparing' }),
        calendar,
      ),
    ).toEqual({
      status: 'none',
    });
    const paused = approvalItem(itemA.id, {
      pausedIntervals: [{ from: '2026-03-04', to: null, reason: '专家评审' }],
    });
    expect(approvalItemDueDate(paused, calendar)).toEqual({ status: 'paused' });
  });
});

describe('groupMissingRows', () => {
  it('groups by approval item in process order, by promised date inside a group', () => {
    const rows = groupMissingRows(
      [
        missing('00000000-0000-4000-8000-000000000001', itemB.id, '2026-03-05'),
        missing('00000000-0000-4000-8000-000000000002', itemA.id, '2026-03-12'),
        missing(
          '00000000-0000-4000-8000-000000000003',
          '00000000-0000-4000-8000-0000000000ff',
          '2026-03-01',
        ),
        missing('00000000-0000-4000-8000-000000000004', itemA.id, '2026-03-06'),
      ],
      [itemA, itemB],
    );
    expect(rows.map((row) => [row.item.material, row.groupSpan])).toEqual([
      ['材料4', 2],
      ['材料2', 0],
      ['材料1', 1],
      ['材料3', 1],
    ]);
    expect(rows[3]?.approvalItem).toBeUndefined();
  });
});
