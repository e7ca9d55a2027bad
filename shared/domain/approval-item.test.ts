import { describe, expect, it } from 'vitest';
import {
  approvalItemInputSchema,
  canTransition,
  itemStatuses,
  transitionItem,
} from './approval-item';
import { testApprovalItem } from './test-records';

describe('approval item status lifecycle', () => {
  it('moves forward along 未启动 → 准备材料 → 已申报 → 已受理 → 审查中 → 已办结', () => {
    const path = [
      'notStarted',
      'preparing',
      'submitted',
      'accepted',
      'reviewing',
      'approved',
    ] as const;
    for (const [index, status] of path.slice(1).entries()) {
      expect(canTransition(path[index] ?? 'notStarted', status)).toBe(true);
    }
  });

  it('refuses jumps that skip acceptance, and leaves from 已办结 only to reopen review', () => {
    expect(canTransition('notStarted', 'approved')).toBe(false);
    expect(canTransition('submitted', 'reviewing')).toBe(false);
    expect(itemStatuses.filter((status) => canTransition('approved', status))).toEqual([
      'reviewing',
      'approved',
    ]);
  });

  it('fills the date a new status stands for, keeping dates already typed', () => {
    const item = testApprovalItem({ status: 'submitted', submittedOn: '2026-02-10' });
    expect(transitionItem(item, 'accepted', '2026-02-13')).toEqual({
      ok: true,
      changes: { status: 'accepted', acceptedOn: '2026-02-13' },
    });
    const typed = testApprovalItem({
      status: 'reviewing',
      acceptedOn: '2026-02-13',
      completedOn: '2026-03-01',
    });
    expect(transitionItem(typed, 'approved', '2026-03-10')).toEqual({
      ok: true,
      changes: { status: 'approved' },
    });
  });

  it('refuses a move that is not allowed or that breaks the dates, with an i18n key', () => {
    const item = testApprovalItem({ status: 'notStarted' });
    expect(transitionItem(item, 'approved', '2026-03-10')).toEqual({
      ok: false,
      error: 'validation.transitionNotAllowed',
    });
    const submitted = testApprovalItem({ status: 'submitted', submittedOn: '2026-03-12' });
    expect(transitionItem(submitted, 'accepted', '2026-03-10')).toEqual({
      ok: false,
      error: 'validation.acceptedBeforeSubmitted',
    });
  });

  it('validates dates and paused intervals as a whole item', () => {
    const issues = (fields: Parameters<typeof testApprovalItem>[0]) =>
      approvalItemInputSchema
        .safeParse(testApprovalItem(fields))
        .error?.issues.map((issue) => issue.message) ?? [];
    expect(issues({ status: 'accepted' })).toEqual(['validation.acceptedOnRequired']);
    expect(issues({ status: 'approved', acceptedOn: '2026-03-02' })).toEqual([
      'validation.completedOnRequired',
    ]);
    expect(
      issues({
        status: 'reviewing',
        acceptedOn: '2026-03-02',
        pausedIntervals: [
          { from: '2026-03-05', to: null, reason: '专家评审' },
          { from: '2026-03-09', to: '2026-03-10', reason: '' },
        ],
      }),
    ).toEqual(['validation.pausesOverlap']);
    expect(
      issues({
        status: 'reviewing',
        acceptedOn: '2026-03-02',
        pausedIntervals: [{ from: '2026-03-01', to: '2026-03-03', reason: '' }],
      }),
    ).toEqual(['validation.pauseBeforeAccepted']);
    expect(
      issues({
        status: 'reviewing',
        acceptedOn: '2026-03-02',
        pausedIntervals: [{ from: '2026-03-06', to: '2026-03-05', reason: '' }],
      }),
    ).toEqual(['validation.endBeforeStart']);
  });
});
