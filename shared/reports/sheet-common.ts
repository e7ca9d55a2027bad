import {
  deadlineTier,
  workingDaysBetween,
  workingDaysOverdue,
  type DeadlineTier,
} from '../calendar/deadline';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { ApprovalItem } from '../domain/approval-item';
import type { HandlingStep } from '../domain/handling-step';
import type { MissingItem } from '../domain/missing-item';
import type { Problem } from '../domain/problem';
import type { KeyProject } from '../domain/project';

/**
 * What the printed sheets are assembled from. The records are the live ones (the renderer reads
 * them through renderer/db/live-records.ts); the sheets only select, order and derive.
 */
export type SheetRecords = {
  approvalItems: readonly ApprovalItem[];
  missingItems: readonly MissingItem[];
  handlingSteps: readonly HandlingStep[];
  problems: readonly Problem[];
};

/** The day a sheet is printed for, and the rules its tiers follow. */
export type SheetClock = {
  calendar: WorkingDayCalendar;
  /** 'yyyy-MM-dd' */
  today: string;
  warnWithinWorkingDays: number;
};

/**
 * A due date as paper shows it: the tier, and the working days left (正常 / 预警) or already past
 * (逾期). Paper has no tooltip, so the count is part of the mark.
 */
export type DueMark = {
  dueDate: string;
  tier: DeadlineTier;
  /** Working days left before the due date, or working days since it when overdue. */
  workingDays: number;
  /** Years counted without holiday data (weekends only): the date is an estimate. */
  estimatedYears: number[];
};

export function dueMark(
  clock: SheetClock,
  dueDate: string,
  estimatedYears: number[] = [],
): DueMark {
  const { tier, workingDaysLeft } = deadlineTier(
    clock.calendar,
    dueDate,
    clock.today,
    clock.warnWithinWorkingDays,
  );
  return {
    dueDate,
    tier,
    workingDays:
      tier === 'overdue'
        ? workingDaysOverdue(clock.calendar, dueDate, clock.today)
        : workingDaysLeft,
    estimatedYears,
  };
}

/**
 * The key indicator of 拿地即开工 reports: working days from obtaining the land (土地成交, or 交地
 * where the land was allocated or the deal date was not recorded) to the construction permit.
 * - done: both dates known;
 * - running: land obtained, no permit yet, the project still in hand: the count so far, to today;
 * - noPermit: no permit and the project stopped (terminated) or finished without one;
 * - noLand: no land date yet.
 */
export type LandToPermit =
  | { status: 'done'; landOn: string; permitOn: string; workingDays: number }
  | { status: 'running'; landOn: string; workingDays: number }
  | { status: 'noPermit'; landOn: string }
  | { status: 'noLand' };

export function landToPermit(
  project: Pick<KeyProject, 'landDealOn' | 'landDeliveredOn' | 'constructionPermitOn' | 'status'>,
  clock: Pick<SheetClock, 'calendar' | 'today'>,
): LandToPermit {
  const landOn = project.landDealOn ?? project.landDeliveredOn;
  if (!landOn) return { status: 'noLand' };
  const permitOn = project.constructionPermitOn;
  if (permitOn) {
    return {
      status: 'done',
      landOn,
      permitOn,
      workingDays: workingDaysBetween(clock.calendar, landOn, permitOn),
    };
  }
  if (project.status === 'active' || project.status === 'suspended') {
    return {
      status: 'running',
      landOn,
      workingDays: workingDaysBetween(clock.calendar, landOn, clock.today),
    };
  }
  return { status: 'noPermit', landOn };
}

/** Groups rows by their project, keeping each group in the rows' order. */
export function byProject<T extends { projectId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.projectId);
    if (group) group.push(row);
    else groups.set(row.projectId, [row]);
  }
  return groups;
}
