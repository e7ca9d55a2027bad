import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { yearScheduleSchema } from '../calendar/year-schedule';
import { approvalItemDateIssues, type ApprovalItem } from './approval-item';
import { itemClock } from './deadlines';
import { handlingStepIssues, type HandlingStep } from './handling-step';
import {
  isOutstanding,
  missingItemIssues,
  promisedDateProblem,
  type MissingItem,
} from './missing-item';
import { problemIssues, type Problem } from './problem';
import type { HolidaySchedule } from './settings';
import type { RuleProblem } from './write-rules';

/**
 * 需核对: the domain rules a stored record breaks. Local writes are refused when they break a rule
 * (the schemas' refinements and shared/domain/write-rules.ts), but fields merge one by one, so two
 * edits that were each valid can together break one — say one computer moves 申报日期 later while
 * another moves 受理日期 earlier. Such a merge still applies, since every copy must converge; the
 * record then shows 需核对 until someone fixes it. So does a missing item left out of line by a later
 * change of its approval item (its limit cut, its acceptance moved). Checks the state only: a
 * status move is a rule of a change, not of a record, so it cannot be broken by a merge.
 *
 * Each problem is an i18n key (the same `validation.*` key the refinement gives a form) with its
 * values. Pure and cheap: lists and counts run it over every live record.
 */
export type RecordIssue = RuleProblem;

/** The records that have rules across fields (or across records) a merge can break. */
export type CheckedRecords = {
  approvalItems: ApprovalItem;
  missingItems: MissingItem;
  handlingSteps: HandlingStep;
  problems: Problem;
  holidaySchedules: HolidaySchedule;
};
export type CheckedTable = keyof CheckedRecords;

export type RelatedRecords = {
  /** A missing item's approval item: its promised date is checked against the item's dates. */
  approvalItem?: ApprovalItem;
  /** The calendar the approval item's deadline is counted in; without it only 受理日期 is checked. */
  calendar?: WorkingDayCalendar;
  /** The approval item's due date when the caller has it already (a list counts it once). */
  approvalItemDueDate?: string | null;
};

type Checker<Row> = (row: Row, related: RelatedRecords) => RecordIssue[];

const fieldIssues = (issues: readonly { message: string }[]): RecordIssue[] =>
  issues.map(({ message }) => ({ key: message }));

const checkers: { [T in CheckedTable]: Checker<CheckedRecords[T]> } = {
  approvalItems: (item) => fieldIssues(approvalItemDateIssues(item)),
  missingItems: (missing, related) => [
    ...fieldIssues(missingItemIssues(missing)),
    ...promisedDateIssues(missing, related),
  ],
  handlingSteps: (step) => fieldIssues(handlingStepIssues(step)),
  problems: (problem) => fieldIssues(problemIssues(problem)),
  holidaySchedules: (schedule) => scheduleIssues(schedule),
};

/** The rule problems of a stored record; empty when it needs no review. */
export function recordIssues<T extends CheckedTable>(
  table: T,
  row: CheckedRecords[T],
  related: RelatedRecords = {},
): RecordIssue[] {
  const checker: Checker<CheckedRecords[T]> = checkers[table];
  return unique(checker(row, related));
}

/**
 * The plain promised-date check (the write rule skips records whose commitment did not change,
 * so an item's dates can be corrected without touching its missing items; a record that ends up
 * out of line is shown here instead). Only a material still owed is checked: once supplied, its
 * promised date is history and nothing is left to fix.
 */
function promisedDateIssues(missing: MissingItem, related: RelatedRecords): RecordIssue[] {
  const item = related.approvalItem;
  if (!item || !isOutstanding(missing)) return [];
  const dueDate =
    related.approvalItemDueDate !== undefined
      ? related.approvalItemDueDate
      : related.calendar
        ? runningDueDate(item, related.calendar)
        : null;
  const key = promisedDateProblem(missing.promisedOn, { acceptedOn: item.acceptedOn, dueDate });
  if (!key) return [];
  return [dueDate ? { key, values: { dueDate } } : { key }];
}

/** An approval item's due date as its missing items are held to it: a running clock's only. */
export function runningDueDate(item: ApprovalItem, calendar: WorkingDayCalendar): string | null {
  const clock = itemClock(item, calendar);
  return clock.status === 'running' ? clock.dueDate : null;
}

/**
 * A year's 放假 and 调休上班 lists are two fields: entered on two computers, one day can end up in
 * both. The schedule's own schema says what is wrong, naming the day.
 */
function scheduleIssues(schedule: HolidaySchedule): RecordIssue[] {
  const parsed = yearScheduleSchema.safeParse({
    year: schedule.year,
    holidays: schedule.holidays,
    makeUpWorkdays: schedule.makeUpWorkdays,
  });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const [list, index] = issue.path;
    const date =
      (list === 'holidays' || list === 'makeUpWorkdays') && typeof index === 'number'
        ? schedule[list][index]
        : undefined;
    return date ? { key: issue.message, values: { date } } : { key: issue.message };
  });
}

function unique(issues: RecordIssue[]): RecordIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const id = JSON.stringify(issue);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The project records a review runs over (live ones: see renderer/db/live-records.ts). */
export type ReviewInput = {
  approvalItems: readonly ApprovalItem[];
  missingItems: readonly MissingItem[];
  handlingSteps: readonly HandlingStep[];
  problems: readonly Problem[];
};

export type RecordNeedingReview = {
  [T in Exclude<CheckedTable, 'holidaySchedules'>]: {
    table: T;
    record: CheckedRecords[T];
    issues: RecordIssue[];
  };
}[Exclude<CheckedTable, 'holidaySchedules'>];

/**
 * Every record of a set of projects that needs review, in tab order (items, missing items, steps,
 * problems). A missing item is checked against its approval item from the same set; each item's
 * due date is counted once however many missing items it has.
 */
export function recordsNeedingReview(
  records: ReviewInput,
  calendar: WorkingDayCalendar,
): RecordNeedingReview[] {
  const found: RecordNeedingReview[] = [];
  const items = new Map(records.approvalItems.map((item) => [item.id, item]));
  const dueDates = new Map<string, string | null>();
  const dueDateOf = (item: ApprovalItem) => {
    let dueDate = dueDates.get(item.id);
    if (dueDate === undefined) {
      dueDate = runningDueDate(item, calendar);
      dueDates.set(item.id, dueDate);
    }
    return dueDate;
  };
  for (const record of records.approvalItems) {
    const issues = recordIssues('approvalItems', record);
    if (issues.length > 0) found.push({ table: 'approvalItems', record, issues });
  }
  for (const record of records.missingItems) {
    const approvalItem = items.get(record.approvalItemId);
    const issues = recordIssues('missingItems', record, {
      approvalItem,
      approvalItemDueDate:
        approvalItem && isOutstanding(record) ? dueDateOf(approvalItem) : undefined,
    });
    if (issues.length > 0) found.push({ table: 'missingItems', record, issues });
  }
  for (const record of records.handlingSteps) {
    const issues = recordIssues('handlingSteps', record);
    if (issues.length > 0) found.push({ table: 'handlingSteps', record, issues });
  }
  for (const record of records.problems) {
    const issues = recordIssues('problems', record);
    if (issues.length > 0) found.push({ table: 'problems', record, issues });
  }
  return found;
}
