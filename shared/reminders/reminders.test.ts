import { describe, expect, it } from 'vitest';
import type { Deadline } from '../domain/deadlines';
import {
  newTiers,
  reminderKey,
  reminderOf,
  remindersToShow,
  summaryOf,
  type ReminderDeadline,
} from './reminders';

function deadline(fields: Partial<Deadline> & Pick<Deadline, 'recordId'>): ReminderDeadline {
  return {
    kind: 'approvalItem',
    projectId: 'p1',
    approvalItemId: fields.recordId,
    title: '施工图联合审查',
    dueDate: '2026-03-09',
    tier: 'warning',
    workingDaysLeft: 2,
    workingDaysOverdue: 0,
    estimatedYears: [],
    projectName: '智能装备产业园',
    ...fields,
  };
}

describe('newTiers', () => {
  it('finds what entered 预警 or 逾期 and was not reminded of yet', () => {
    const deadlines = [
      deadline({ recordId: 'a', tier: 'warning' }),
      deadline({ recordId: 'b', tier: 'normal' }),
      deadline({ recordId: 'c', tier: 'overdue', workingDaysOverdue: 1 }),
    ];
    const { fresh, keys } = newTiers(deadlines, new Set());
    expect(fresh.map((each) => each.recordId)).toEqual(['c', 'a']);
    expect(keys.sort()).toEqual([
      'approvalItem:a:warning',
      'approvalItem:c:overdue',
      'approvalItem:c:warning',
    ]);
  });

  it('reminds once per record and tier: 预警, then 逾期, then nothing', () => {
    const reminded = new Set<string>();
    const remember = (keys: string[]) => keys.forEach((key) => reminded.add(key));
    const warning = newTiers([deadline({ recordId: 'a', tier: 'warning' })], reminded);
    expect(warning.fresh).toHaveLength(1);
    remember(warning.keys);
    expect(newTiers([deadline({ recordId: 'a', tier: 'warning' })], reminded).fresh).toEqual([]);
    const overdue = newTiers([deadline({ recordId: 'a', tier: 'overdue' })], reminded);
    expect(overdue.fresh.map((each) => each.tier)).toEqual(['overdue']);
    expect(overdue.keys).toEqual(['approvalItem:a:overdue']);
    remember(overdue.keys);
    expect(newTiers([deadline({ recordId: 'a', tier: 'overdue' })], reminded).fresh).toEqual([]);
  });

  it('keeps kinds apart and leaves commitment checks out', () => {
    const reminded = new Set([reminderKey({ kind: 'approvalItem', recordId: 'a' }, 'warning')]);
    const { fresh } = newTiers(
      [
        deadline({ recordId: 'a', kind: 'missingItem', title: '人防面积测算表' }),
        deadline({ recordId: 'a', kind: 'commitmentCheck' }),
        deadline({ recordId: 's', kind: 'nextAction', title: '催交材料' }),
      ],
      reminded,
    );
    expect(fresh.map((each) => each.kind)).toEqual(['missingItem', 'nextAction']);
  });
});

describe('wording', () => {
  it('names the tier, the record, its project and its date, and opens the record', () => {
    expect(reminderOf(deadline({ recordId: 'a', tier: 'warning', workingDaysLeft: 2 }))).toEqual({
      title: '预警：施工图联合审查',
      body: '智能装备产业园 · 审批事项 · 剩 2 个工作日（2026-03-09 到期）',
      target: { kind: 'approvalItem', id: 'a', projectId: 'p1' },
    });
    const overdue = reminderOf(
      deadline({ recordId: 's', kind: 'nextAction', tier: 'overdue', workingDaysOverdue: 3 }),
    );
    expect(overdue.title).toBe('逾期：施工图联合审查');
    expect(overdue.body).toContain('下一步 · 已逾期 3 个工作日');
    expect(overdue.target).toEqual({ kind: 'handlingStep', id: 's', projectId: 'p1' });
    expect(reminderOf(deadline({ recordId: 'a', workingDaysLeft: 0 })).body).toContain('今天到期');
  });

  it('sums up several: counts by tier, the first three named, 工作台 opened', () => {
    const fresh = [
      deadline({ recordId: 'a', tier: 'overdue', title: '甲' }),
      deadline({ recordId: 'b', tier: 'overdue', title: '乙' }),
      deadline({ recordId: 'c', title: '丙' }),
      deadline({ recordId: 'd', title: '丁' }),
    ];
    expect(summaryOf(fresh)).toEqual({
      title: '帮代通：2 项逾期，2 项预警',
      body: '甲（智能装备产业园）、乙（智能装备产业园）、丙（智能装备产业园） 等 4 项。点击打开工作台查看。',
      target: null,
    });
  });
});

describe('remindersToShow', () => {
  const some = (count: number) =>
    Array.from({ length: count }, (_, n) => deadline({ recordId: `r${n}` }));

  it('at start-up, what changed while closed is one summary, not a flood', () => {
    expect(remindersToShow(some(1), 'startup').map((each) => each.target)).toEqual([
      { kind: 'approvalItem', id: 'r0', projectId: 'p1' },
    ]);
    const summary = remindersToShow(some(40), 'startup');
    expect(summary).toHaveLength(1);
    expect(summary[0]?.title).toBe('帮代通：40 项预警');
  });

  it('while running, up to three one by one, more as a summary', () => {
    expect(remindersToShow(some(3), 'running')).toHaveLength(3);
    expect(remindersToShow(some(4), 'running').map((each) => each.target)).toEqual([null]);
    expect(remindersToShow([], 'running')).toEqual([]);
  });
});
