import { eachDayOfInterval, getYear, isBefore, isValid, parse } from 'date-fns';
import { z } from 'zod';
import { formatIsoDate, isIsoDate } from './iso-date';

/**
 * One year's holiday schedule as the State Council publishes it (国务院办公厅关于某年部分节假日安排的通知),
 * for years the built-in data does not cover. Messages are i18n keys (`validation.*`).
 */

/** A real calendar day written 'yyyy-MM-dd' (2026-02-30 is refused). */
export const isoDateSchema = z.string('validation.date').refine(isIsoDate, 'validation.date');

export type YearSchedule = {
  year: number;
  /** Days off (放假), weekend days inside a holiday block included or not — both mean the same. */
  holidays: string[];
  /** Weekend days worked instead (调休上班). */
  makeUpWorkdays: string[];
};

const dateListSchema = z.array(isoDateSchema, 'validation.scheduleJson');

export const yearScheduleSchema = z
  .object({
    year: z
      .number('validation.scheduleYear')
      .int('validation.scheduleYear')
      .min(1000, 'validation.scheduleYear')
      .max(9999, 'validation.scheduleYear'),
    holidays: dateListSchema,
    makeUpWorkdays: dateListSchema,
  })
  .superRefine((schedule, context) => {
    const yearPrefix = `${schedule.year}-`;
    const holidays = new Set<string>();
    const check = (list: 'holidays' | 'makeUpWorkdays', seen: Set<string>) => {
      schedule[list].forEach((date, index) => {
        const path = [list, index];
        if (!date.startsWith(yearPrefix)) {
          context.addIssue({ code: 'custom', message: 'validation.scheduleYear', path });
        } else if (seen.has(date)) {
          context.addIssue({ code: 'custom', message: 'validation.scheduleDuplicate', path });
        } else if (list === 'makeUpWorkdays' && holidays.has(date)) {
          context.addIssue({ code: 'custom', message: 'validation.scheduleConflict', path });
        }
        seen.add(date);
      });
    };
    check('holidays', holidays);
    check('makeUpWorkdays', new Set<string>());
  }) satisfies z.ZodType<YearSchedule>;

export const scheduleTextErrors = [
  /** A line in none of the accepted forms. */
  'validation.scheduleLine',
  /** A date-shaped text that is no real day, e.g. 2027-02-30. */
  'validation.date',
  /** Dates from more than one year, or a bad year in JSON. */
  'validation.scheduleYear',
  /** A range whose end is before its start. */
  'validation.scheduleRange',
  /** The same day listed twice. */
  'validation.scheduleDuplicate',
  /** The same day both a holiday and a make-up workday. */
  'validation.scheduleConflict',
  /** Nothing but blank lines and comments. */
  'validation.scheduleEmpty',
  /** Text starting with '{' that is not JSON of a YearSchedule. */
  'validation.scheduleJson',
] as const;
export type ScheduleTextError = (typeof scheduleTextErrors)[number];

/** `line` is 1-based; 0 when the problem is not on one line (empty text, JSON input). */
export type ScheduleLineError = { line: number; error: ScheduleTextError };

/** Every line that cannot be taken is listed, so a pasted text is fixed in one pass. */
export type ParseYearScheduleResult =
  { ok: true; schedule: YearSchedule } | { ok: false; errors: ScheduleLineError[] };

const datePattern = String.raw`(\d{4}-\d{1,2}-\d{1,2})`;
// '-' cannot separate a range because dates contain it; 至 and the full-width ～ are what people type.
const linePattern = new RegExp(
  String.raw`^(休|班)\s*[:：]?\s*${datePattern}(?:\s*(?:~|～|至)\s*${datePattern})?(?:\s+[#＃].*)?$`,
  'u',
);
const referenceDate = new Date(2000, 0, 1);

/**
 * Parses what a user pastes in 设置 to enter a year's State Council schedule. One entry a line;
 * blank lines and lines starting with # are ignored; a trailing `# note` is allowed.
 *
 *     休 2027-01-01               a holiday
 *     休 2027-02-06~2027-02-12    holidays from … to …, both included (also 至 or ～)
 *     班 2027-02-14               a make-up workday (调休上班)
 *
 * Months and days may drop the leading zero (2027-2-6). JSON text of a YearSchedule is accepted
 * too. All dates must be in one year; the first dated line sets it. A line in error adds none of
 * its days, and the lines after it are still read and checked.
 */
export function parseYearScheduleText(text: string): ParseYearScheduleResult {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return parseScheduleJson(trimmed);

  let year: number | undefined;
  const kinds = new Map<string, '休' | '班'>();
  const errors: ScheduleLineError[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('＃')) continue;
    const error = readLine(line);
    if (error) errors.push({ line: index + 1, error });
  }

  function readLine(line: string): ScheduleTextError | undefined {
    const match = linePattern.exec(line);
    const kind = match?.[1];
    const firstText = match?.[2];
    if (!match || (kind !== '休' && kind !== '班') || firstText === undefined) {
      return 'validation.scheduleLine';
    }
    const first = parseLenientDate(firstText);
    const last = match[3] === undefined ? first : parseLenientDate(match[3]);
    if (!first || !last) return 'validation.date';
    if (isBefore(last, first)) return 'validation.scheduleRange';

    year ??= getYear(first);
    if (getYear(first) !== year || getYear(last) !== year) return 'validation.scheduleYear';

    const dates = eachDayOfInterval({ start: first, end: last }).map(formatIsoDate);
    for (const date of dates) {
      const earlier = kinds.get(date);
      if (earlier === kind) return 'validation.scheduleDuplicate';
      if (earlier !== undefined) return 'validation.scheduleConflict';
    }
    for (const date of dates) kinds.set(date, kind);
    return undefined;
  }

  if (errors.length > 0) return { ok: false, errors };
  if (year === undefined) {
    return { ok: false, errors: [{ line: 0, error: 'validation.scheduleEmpty' }] };
  }
  const datesOf = (wanted: '休' | '班') =>
    [...kinds]
      .filter(([, kind]) => kind === wanted)
      .map(([date]) => date)
      .sort();
  return {
    ok: true,
    schedule: { year, holidays: datesOf('休'), makeUpWorkdays: datesOf('班') },
  };
}

function parseLenientDate(text: string): Date | undefined {
  const date = parse(text, 'yyyy-M-d', referenceDate);
  return isValid(date) ? date : undefined;
}

function parseScheduleJson(text: string): ParseYearScheduleResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ line: 0, error: 'validation.scheduleJson' }] };
  }
  const result = yearScheduleSchema.safeParse(value);
  if (!result.success) {
    const message = result.error.issues[0]?.message;
    const error = scheduleTextErrors.find((key) => key === message) ?? 'validation.scheduleJson';
    return { ok: false, errors: [{ line: 0, error }] };
  }
  const { year, holidays, makeUpWorkdays } = result.data;
  return {
    ok: true,
    schedule: { year, holidays: [...holidays].sort(), makeUpWorkdays: [...makeUpWorkdays].sort() },
  };
}
