import {
  computeDueDate,
  deadlineTier,
  workingDaysOverdue,
  type DeadlineTier,
} from '../calendar/deadline';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { clockStatuses, runningLimit, type ApprovalItem } from './approval-item';
import type { HandlingStep } from './handling-step';
import { isOutstanding, type MissingItem } from './missing-item';

/**
 * Everything with a date that someone must meet, derived from the records and today — never
 * stored, so it cannot go stale: an approval item's statutory due date, a missing item's promised
 * date, a commitment verification's due date, a handling step's next action.
 */
export type DeadlineKind = 'approvalItem' | 'missingItem' | 'commitmentCheck' | 'nextAction';

export type Deadline = {
  kind: DeadlineKind;
  /** The record the date belongs to. */
  recordId: string;
  projectId: string;
  /** The approval item it concerns, when there is one. */
  approvalItemId: string | null;
  title: string;
  dueDate: string;
  tier: DeadlineTier;
  workingDaysLeft: number;
  /** Working days since the due date, today included: 0 unless overdue. */
  workingDaysOverdue: number;
  /** Years the count ran through without the State Council's schedule: shown as a warning. */
  estimatedYears: number[];
};

/** An approval item's clock: its due date, or paused, or none (not accepted / no limit / finished). */
export type ItemClock =
  | { status: 'none' }
  | { status: 'paused'; pausedSince: string; daysUsed: number; estimatedYears: number[] }
  | { status: 'running'; dueDate: string; estimatedYears: number[] };

export function itemClock(item: ApprovalItem, calendar: WorkingDayCalendar): ItemClock {
  const running = runningLimit(item);
  if (!running) return { status: 'none' };
  if (item.pausedIntervals.length > 0) {
    return computeDueDate(calendar, { ...running, paused: item.pausedIntervals });
  }
  let known = clocksOf.get(calendar);
  if (!known) clocksOf.set(calendar, (known = new Map<string, ItemClock>()));
  const key = `${running.start}/${running.limit.days}/${running.limit.unit}`;
  let clock = known.get(key);
  if (!clock) known.set(key, (clock = computeDueDate(calendar, running)));
  return clock;
}

/**
 * The clocks of items without pauses, per calendar (which never changes): they depend only on
 * the acceptance date and the limit, which thousands of a city's items share. Shared: read only.
 */
const clocksOf = new WeakMap<WorkingDayCalendar, Map<string, ItemClock>>();

export type DeadlineInput = {
  approvalItems: readonly ApprovalItem[];
  missingItems: readonly MissingItem[];
  handlingSteps: readonly HandlingStep[];
};

export function collectDeadlines(
  records: DeadlineInput,
  calendar: WorkingDayCalendar,
  today: string,
  warnWithinWorkingDays: number,
): Deadline[] {
  const deadlines: Deadline[] = [];
  const add = (
    base: Omit<Deadline, 'tier' | 'workingDaysLeft' | 'workingDaysOverdue' | 'estimatedYears'>,
    estimatedYears: number[] = [],
  ) => {
    const { tier, workingDaysLeft } = deadlineTier(
      calendar,
      base.dueDate,
      today,
      warnWithinWorkingDays,
    );
    const overdue = tier === 'overdue' ? workingDaysOverdue(calendar, base.dueDate, today) : 0;
    deadlines.push({ ...base, tier, workingDaysLeft, workingDaysOverdue: overdue, estimatedYears });
  };

  const liveItems = new Map(
    records.approvalItems.filter((item) => !item.deleted).map((item) => [item.id, item]),
  );
  for (const item of liveItems.values()) {
    if (clockStatuses.includes(item.status)) {
      const clock = itemClock(item, calendar);
      if (clock.status === 'running') {
        add(
          {
            kind: 'approvalItem',
            recordId: item.id,
            projectId: item.projectId,
            approvalItemId: item.id,
            title: item.name,
            dueDate: clock.dueDate,
          },
          clock.estimatedYears,
        );
      }
    }
    const check = item.commitmentCheck;
    if (item.handlingMode === 'onCommitment' && check?.dueOn && check.result === 'pending') {
      add({
        kind: 'commitmentCheck',
        recordId: item.id,
        projectId: item.projectId,
        approvalItemId: item.id,
        title: item.name,
        dueDate: check.dueOn,
      });
    }
  }
  for (const missing of records.missingItems) {
    if (missing.deleted || !isOutstanding(missing) || !liveItems.has(missing.approvalItemId))
      continue;
    add({
      kind: 'missingItem',
      recordId: missing.id,
      projectId: missing.projectId,
      approvalItemId: missing.approvalItemId,
      title: missing.material,
      dueDate: missing.promisedOn,
    });
  }
  for (const step of records.handlingSteps) {
    if (!hasOpenNextAction(step)) continue;
    add({
      kind: 'nextAction',
      recordId: step.id,
      projectId: step.projectId,
      approvalItemId: step.approvalItemId,
      title: step.nextAction,
      dueDate: step.nextActionDueOn,
    });
  }
  return deadlines.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** A handling step whose 下一步 is still to do and has a date: it has a deadline. */
export function hasOpenNextAction<
  T extends Pick<HandlingStep, 'deleted' | 'nextActionDone' | 'nextActionDueOn' | 'nextAction'>,
>(step: T): step is T & { nextActionDueOn: string } {
  return !step.deleted && !step.nextActionDone && !!step.nextActionDueOn && !!step.nextAction;
}

const tierRank: Record<DeadlineTier, number> = { normal: 0, warning: 1, overdue: 2 };

/** The worst tier among deadlines, or null when there are none. */
export function worstTier(deadlines: readonly Deadline[]): DeadlineTier | null {
  return deadlines.reduce<DeadlineTier | null>(
    (worst, deadline) =>
      worst === null || tierRank[deadline.tier] > tierRank[worst] ? deadline.tier : worst,
    null,
  );
}
