import { addDays } from 'date-fns';
import { assertIsoDate, formatIsoDate, requireIsoDate } from './iso-date';
import type { WorkingDayCalendar } from './working-day-calendar';

/** A statutory or promised time limit (e.g. 行政许可法 art. 42: 20 working days). */
export type TimeLimit = { days: number; unit: 'working' | 'calendar' };

/**
 * A stretch during which the clock stands still (中止/暂停计时, 行政许可法 art. 45: hearings,
 * tendering, inspection, appraisal, expert review). Both ends included; `to: null` means the pause
 * has not ended yet.
 */
export type PausedInterval = { from: string; to: string | null };

/**
 * `daysUsed` is in the limit's unit (working or calendar days).
 * `estimatedYears`: years from the acceptance year to the due date's (or pause's) year without the
 * State Council's schedule, so counted with an estimate (the law's holidays, or weekends only; see
 * working-day-calendar.ts). The UI must warn about them; [] when every year is covered.
 */
export type DueDate =
  | { status: 'running'; dueDate: string; estimatedYears: number[] }
  | { status: 'paused'; pausedSince: string; daysUsed: number; estimatedYears: number[] };

export type DueDateInput = {
  /** The acceptance date (受理日). */
  start: string;
  limit: TimeLimit;
  paused?: readonly PausedInterval[];
};

/**
 * The due date of a time limit.
 *
 * Working-day limit: counting starts the working day after `start`; day 1 is the first working
 * day after it and the due date is the Nth counted working day. Make-up workdays (调休上班) count;
 * statutory holidays and ordinary weekends don't.
 *
 * Calendar-day limit: day 1 is the day after `start` and the due date is day N; when that is not a
 * working day the deadline moves to the next working day (民法典 art. 203).
 *
 * Both: a day inside a paused interval is not counted (行政许可法 art. 45), so a pause over days
 * that would not count anyway (a weekend, a holiday) changes nothing. When counting reaches a pause
 * that has not ended (`to: null`), the result is `paused` with the days counted so far. A limit of 0
 * days is due on `start` itself.
 *
 * Throws on an invalid date, a negative or fractional number of days, or a pause ending before it
 * starts: callers validate input with zod first, so these are programming errors.
 */
export function computeDueDate(calendar: WorkingDayCalendar, input: DueDateInput): DueDate {
  const { start, limit } = input;
  assertIsoDate(start, 'start');
  if (!Number.isSafeInteger(limit.days) || limit.days < 0) {
    throw new Error(`limit.days must be a whole number ≥ 0, got ${limit.days}`);
  }
  if (limit.unit !== 'working' && limit.unit !== 'calendar') {
    throw new Error(`limit.unit must be 'working' or 'calendar', got ${String(limit.unit)}`);
  }
  const { closed, openSince } = splitPauses(input.paused ?? []);
  // 'yyyy-MM-dd' strings compare chronologically, so no Dates are needed per day walked.
  const isPaused = (date: string) => closed.some(({ from, to }) => from <= date && date <= to);

  const estimatedYears = (end: string) => {
    const years: number[] = [];
    // Valid 'yyyy-MM-dd' texts: the year is their first four digits.
    const endYear = Number(end.slice(0, 4));
    for (let year = Number(start.slice(0, 4)); year <= endYear; year += 1) {
      if (!calendar.hasHolidayData(year)) years.push(year);
    }
    return years;
  };
  const running = (dueDate: string): DueDate => ({
    status: 'running',
    dueDate,
    estimatedYears: estimatedYears(dueDate),
  });
  const paused = (pausedSince: string, daysUsed: number): DueDate => ({
    status: 'paused',
    pausedSince,
    daysUsed,
    // A pause older than the acceptance still warns about the acceptance year.
    estimatedYears: estimatedYears(pausedSince > start ? pausedSince : start),
  });

  if (limit.days === 0) return running(start);

  let daysUsed = 0;
  if (limit.unit === 'working') {
    let date = start;
    for (;;) {
      date = calendar.nextWorkingDay(date);
      if (openSince !== undefined && date >= openSince) return paused(openSince, daysUsed);
      if (isPaused(date)) continue;
      daysUsed += 1;
      if (daysUsed === limit.days) return running(date);
    }
  }

  let day = requireIsoDate(start, 'start');
  for (;;) {
    day = addDays(day, 1);
    const date = formatIsoDate(day);
    if (openSince !== undefined && date >= openSince) return paused(openSince, daysUsed);
    if (isPaused(date)) continue;
    daysUsed += 1;
    if (daysUsed === limit.days) {
      return running(calendar.isWorkingDay(date) ? date : calendar.nextWorkingDay(date));
    }
  }
}

function splitPauses(paused: readonly PausedInterval[]) {
  const closed: { from: string; to: string }[] = [];
  let openSince: string | undefined;
  for (const { from, to } of paused) {
    assertIsoDate(from, 'paused.from');
    if (to === null) {
      // Of several open pauses, counting meets the earliest first.
      if (openSince === undefined || from < openSince) openSince = from;
      continue;
    }
    assertIsoDate(to, 'paused.to');
    if (to < from) throw new Error(`paused interval ends before it starts: ${from}..${to}`);
    closed.push({ from, to });
  }
  return { closed, openSince };
}

export type DeadlineTier = 'normal' | 'warning' | 'overdue';

/**
 * Status tier as on the national platforms: 正常 / 预警 / 逾期.
 *
 * `workingDaysLeft` counts working days d with today < d ≤ dueDate (0 once today ≥ dueDate).
 * Overdue when today is after the due date; warning when at most `warnWithinWorkingDays` working
 * days are left (a deadline due today is a warning with 0 left); otherwise normal.
 */
export function deadlineTier(
  calendar: WorkingDayCalendar,
  dueDate: string,
  today: string,
  warnWithinWorkingDays = 3,
): { tier: DeadlineTier; workingDaysLeft: number } {
  assertIsoDate(dueDate, 'dueDate');
  assertIsoDate(today, 'today');
  if (!Number.isSafeInteger(warnWithinWorkingDays) || warnWithinWorkingDays < 0) {
    throw new Error(
      `warnWithinWorkingDays must be a whole number ≥ 0, got ${warnWithinWorkingDays}`,
    );
  }
  if (today > dueDate) return { tier: 'overdue', workingDaysLeft: 0 };

  const workingDaysLeft = workingDaysBetween(calendar, today, dueDate);
  const tier = workingDaysLeft <= warnWithinWorkingDays ? 'warning' : 'normal';
  return { tier, workingDaysLeft };
}

/**
 * How late an overdue deadline is: the working days d with dueDate < d ≤ today (0 while it is not
 * overdue). A deadline missed on Friday is 0 working days late on Saturday and 1 on Monday: the
 * count says how many working days were lost, which is what a department is asked about.
 */
export function workingDaysOverdue(
  calendar: WorkingDayCalendar,
  dueDate: string,
  today: string,
): number {
  assertIsoDate(dueDate, 'dueDate');
  assertIsoDate(today, 'today');
  return workingDaysBetween(calendar, dueDate, today);
}

/**
 * Counts already made, per calendar (which never changes): a dashboard counts from today to the
 * same few hundred due dates for thousands of records, and overdue ones walk months of days.
 */
const countsOf = new WeakMap<WorkingDayCalendar, Map<string, number>>();

/**
 * The working days d with `from` < d ≤ `to`: those passed after `from` up to and including `to`,
 * counted as a time limit counts them (the day of `from` itself never counts), so "拿地至施工许可
 * N 个工作日" reads like the limits on the same sheet. 0 when `to` ≤ `from`.
 */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: string, to: string): number {
  let counted = countsOf.get(calendar);
  if (!counted) countsOf.set(calendar, (counted = new Map<string, number>()));
  const key = `${from}/${to}`;
  const known = counted.get(key);
  if (known !== undefined) return known;
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  let count = 0;
  for (let date = calendar.nextWorkingDay(from); date <= to; date = calendar.nextWorkingDay(date)) {
    count += 1;
  }
  counted.set(key, count);
  return count;
}
