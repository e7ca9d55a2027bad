import { addDays, getYear, isWeekend, parseISO } from 'date-fns';
// The package's static data, not its isWorkday(): that builds its tables through a Date parsed as
// UTC and read back in local time, so on any machine west of UTC (a developer laptop in America/*)
// it shifts every holiday a day early. The JSON holds the same State Council schedules as plain keys.
// The import attribute lets Node's own ESM loader read it too (the e2e suite imports shared/).
import builtinData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { formatIsoDate, requireIsoDate } from './iso-date';
import { canEstimate, estimateHolidays } from './statutory-holidays';
import { yearScheduleSchema, type YearSchedule } from './year-schedule';

/** The years chinese-days 1.5.7 holds the State Council schedule for. */
export const builtinYears = { from: 2004, to: 2026 } as const;

/**
 * Which days are working days (工作日) for deadlines.
 *
 * A working day is a make-up workday (调休上班, often a Saturday or Sunday) or a Monday–Friday that
 * is not a statutory holiday. A year a user entered a schedule for uses that schedule only, even
 * inside the built-in range, so a correction to the built-in data is possible. A later year with
 * no schedule counts the holidays the law fixes (statutory-holidays.ts: festival days and their
 * 补假, no make-up workdays, which only the notice decides); other years without data count
 * weekends only. Either way callers must show that the result is an estimate (`hasHolidayData`).
 */
export type WorkingDayCalendar = {
  isWorkingDay(date: string): boolean;
  /** True for built-in years and years with a user schedule: the State Council's own schedule. */
  hasHolidayData(year: number): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
};

type DayExceptions = { holidays: ReadonlySet<string>; makeUpWorkdays: ReadonlySet<string> };

const builtinExceptions: ReadonlyMap<number, DayExceptions> = groupByYear(
  Object.keys(builtinData.holidays),
  Object.keys(builtinData.workdays),
);

function groupByYear(holidays: readonly string[], makeUpWorkdays: readonly string[]) {
  const byYear = new Map<number, { holidays: Set<string>; makeUpWorkdays: Set<string> }>();
  const entry = (date: string) => {
    const year = getYear(parseISO(date));
    let found = byYear.get(year);
    if (!found) {
      found = { holidays: new Set(), makeUpWorkdays: new Set() };
      byYear.set(year, found);
    }
    return found;
  };
  for (const date of holidays) entry(date).holidays.add(date);
  for (const date of makeUpWorkdays) entry(date).makeUpWorkdays.add(date);
  return byYear;
}

const estimates = new Map<number, DayExceptions | undefined>();

/** The law's holidays of a year without data (the same for every calendar: computed once). */
function estimatedExceptions(year: number): DayExceptions | undefined {
  if (!estimates.has(year)) {
    estimates.set(
      year,
      canEstimate(year)
        ? {
            holidays: new Set(estimateHolidays(year).map(({ date }) => date)),
            makeUpWorkdays: new Set(),
          }
        : undefined,
    );
  }
  return estimates.get(year);
}

/**
 * The calendar for the given user schedules (at most one a year; if a year repeats, the later
 * entry wins). A calendar never changes, so it remembers its answers: build a new one when the
 * schedules change. Throws when a schedule is invalid: callers store only validated schedules.
 */
export function createWorkingDayCalendar(
  userSchedules: readonly YearSchedule[],
): WorkingDayCalendar {
  const userExceptions = new Map<number, DayExceptions>();
  for (const schedule of userSchedules) {
    const { year, holidays, makeUpWorkdays } = yearScheduleSchema.parse(schedule);
    userExceptions.set(year, {
      holidays: new Set(holidays),
      makeUpWorkdays: new Set(makeUpWorkdays),
    });
  }

  const exceptionsFor = (year: number) =>
    userExceptions.get(year) ?? builtinExceptions.get(year) ?? estimatedExceptions(year);

  const isWorkingDate = (day: Date, date: string) => {
    const exceptions = exceptionsFor(getYear(day));
    if (exceptions?.makeUpWorkdays.has(date)) return true;
    if (exceptions?.holidays.has(date)) return false;
    return !isWeekend(day);
  };

  // A dashboard asks about the same few hundred days for thousands of items: remember them.
  const workingByDate = new Map<string, boolean>();
  const nextByDate = new Map<string, string>();

  const isWorkingAt = (day: Date, date: string) => {
    let working = workingByDate.get(date);
    if (working === undefined) {
      working = isWorkingDate(day, date);
      workingByDate.set(date, working);
    }
    return working;
  };

  return {
    isWorkingDay(date) {
      const known = workingByDate.get(date);
      return known ?? isWorkingAt(requireIsoDate(date, 'date'), date);
    },

    hasHolidayData(year) {
      if (!Number.isInteger(year)) throw new Error(`year must be an integer, got ${year}`);
      return userExceptions.has(year) || (year >= builtinYears.from && year <= builtinYears.to);
    },

    nextWorkingDay(date) {
      const known = nextByDate.get(date);
      if (known !== undefined) return known;
      let day = requireIsoDate(date, 'date');
      let next: string;
      // Terminates: a schedule lists finitely many days, and past them Monday–Friday work.
      do {
        day = addDays(day, 1);
        next = formatIsoDate(day);
      } while (!isWorkingAt(day, next));
      nextByDate.set(date, next);
      return next;
    },
  };
}
