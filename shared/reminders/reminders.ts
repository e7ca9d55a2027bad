import type { DeadlineTier } from '../calendar/deadline';
import type { Deadline, DeadlineKind } from '../domain/deadlines';

/**
 * Reminders (提醒): a desktop notification when an approval item, a missing item or a next action
 * enters 预警 or 逾期 — once per record and tier on this computer. The tiers are the deadlines'
 * own (shared/domain/deadlines.ts); this file only decides what is new and how it is worded.
 */
export const remindedKinds: readonly DeadlineKind[] = ['approvalItem', 'missingItem', 'nextAction'];

export type ReminderTier = Exclude<DeadlineTier, 'normal'>;

/** A deadline with the name of its project, as the reminder words it. */
export type ReminderDeadline = Deadline & { projectName: string };

/** What a reminder opens when clicked: a record, or 工作台 for a summary. */
export type ReminderTarget = {
  kind: 'approvalItem' | 'missingItem' | 'handlingStep';
  id: string;
  projectId: string;
} | null;

export type Reminder = { title: string; body: string; target: ReminderTarget };

/** The key a record's tier is remembered by (the same record is a deadline of one kind only). */
export function reminderKey(deadline: Pick<Deadline, 'kind' | 'recordId'>, tier: ReminderTier) {
  return `${deadline.kind}:${deadline.recordId}:${tier}`;
}

export type NewTiers = {
  /** Deadlines that entered a tier not reminded of yet: what to tell the user. */
  fresh: ReminderDeadline[];
  /** Every key to remember now. An item found already 逾期 counts as reminded of 预警 too. */
  keys: string[];
};

/** Which deadlines newly entered 预警 or 逾期, given the keys already reminded of on this computer. */
export function newTiers(
  deadlines: readonly ReminderDeadline[],
  reminded: ReadonlySet<string>,
): NewTiers {
  const fresh: ReminderDeadline[] = [];
  const keys: string[] = [];
  for (const deadline of deadlines) {
    if (deadline.tier === 'normal' || !remindedKinds.includes(deadline.kind)) continue;
    const key = reminderKey(deadline, deadline.tier);
    if (reminded.has(key)) continue;
    fresh.push(deadline);
    keys.push(key);
    const warning = reminderKey(deadline, 'warning');
    if (deadline.tier === 'overdue' && !reminded.has(warning)) keys.push(warning);
  }
  // Overdue first, then by due date: the summary names the most urgent.
  fresh.sort(
    (a, b) =>
      Number(b.tier === 'overdue') - Number(a.tier === 'overdue') ||
      a.dueDate.localeCompare(b.dueDate),
  );
  return { fresh, keys };
}

const kindWords: Record<DeadlineKind, string> = {
  approvalItem: '审批事项',
  missingItem: '容缺材料',
  nextAction: '下一步',
  commitmentCheck: '承诺核查',
};

function dueWords(deadline: Deadline): string {
  if (deadline.tier === 'overdue') {
    return `已逾期 ${deadline.workingDaysOverdue} 个工作日（${deadline.dueDate} 到期）`;
  }
  return deadline.workingDaysLeft === 0
    ? `今天到期（${deadline.dueDate}）`
    : `剩 ${deadline.workingDaysLeft} 个工作日（${deadline.dueDate} 到期）`;
}

function targetOf(deadline: Deadline): ReminderTarget {
  const kind = deadline.kind === 'nextAction' ? 'handlingStep' : deadline.kind;
  if (kind === 'commitmentCheck') return null;
  return { kind, id: deadline.recordId, projectId: deadline.projectId };
}

/** One record's reminder: its tier and name, then its project, kind and due date. */
export function reminderOf(deadline: ReminderDeadline): Reminder {
  const tier = deadline.tier === 'overdue' ? '逾期' : '预警';
  return {
    title: `${tier}：${deadline.title}`,
    body: `${deadline.projectName} · ${kindWords[deadline.kind]} · ${dueWords(deadline)}`,
    target: targetOf(deadline),
  };
}

/** A summary names this many records, then says how many more. */
const namedInSummary = 3;

/** Several at once in one notification, opening 工作台 where all of them are listed. */
export function summaryOf(fresh: readonly ReminderDeadline[]): Reminder {
  const overdue = fresh.filter((deadline) => deadline.tier === 'overdue').length;
  const warning = fresh.length - overdue;
  const counts = [overdue > 0 ? `${overdue} 项逾期` : '', warning > 0 ? `${warning} 项预警` : '']
    .filter((part) => part.length > 0)
    .join('，');
  const named = fresh
    .slice(0, namedInSummary)
    .map((deadline) => `${deadline.title}（${deadline.projectName}）`);
  const more = fresh.length > namedInSummary ? ` 等 ${fresh.length} 项` : '';
  return {
    title: `帮代通：${counts}`,
    body: `${named.join('、')}${more}。点击打开工作台查看。`,
    target: null,
  };
}

/** More than this many at once while the app runs (a new day turns many) come as a summary. */
export const maxSeparateReminders = 3;

/**
 * The notifications to show for what is new. At start-up (what changed while the app was closed)
 * more than one is one summary; while it runs, up to maxSeparateReminders come one by one.
 */
export function remindersToShow(
  fresh: readonly ReminderDeadline[],
  moment: 'startup' | 'running',
): Reminder[] {
  const separate = moment === 'startup' ? 1 : maxSeparateReminders;
  if (fresh.length === 0) return [];
  return fresh.length <= separate ? fresh.map(reminderOf) : [summaryOf(fresh)];
}
