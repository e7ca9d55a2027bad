import { isWeekend, parseISO } from 'date-fns';
import {
  looksLikeNotice,
  parseHolidayNotice,
  type ParsedNotice,
} from '../../../shared/calendar/holiday-notice';
import {
  parseYearScheduleText,
  type ScheduleLineError,
  type YearSchedule,
} from '../../../shared/calendar/year-schedule';
import { dateRanges, formatRange } from '../../ui/date-ranges';

export { dateRanges, formatRange, type DateRange } from '../../ui/date-ranges';

/**
 * A saved schedule written back in the form users paste (休 … / 班 …), so editing a year means
 * editing the same text, and parseYearScheduleText gives back the same schedule.
 */
export function scheduleToText(schedule: YearSchedule): string {
  return [
    ...dateRanges(schedule.holidays).map((range) => `休 ${formatRange(range)}`),
    ...dateRanges(schedule.makeUpWorkdays).map((range) => `班 ${formatRange(range)}`),
  ].join('\n');
}

/** Make-up workdays on Monday–Friday change nothing: most likely a typo worth pointing out. */
export function weekdayMakeUpWorkdays(schedule: YearSchedule): string[] {
  return schedule.makeUpWorkdays.filter((date) => !isWeekend(parseISO(date)));
}

/**
 * What the pasted text says: the State Council's notice as published, or 休/班 lines (or JSON), the
 * form a saved year is shown in again. Empty text is neither yet.
 */
export type ScheduleReading =
  | { kind: 'empty' }
  | { kind: 'lines'; schedule: YearSchedule | null; errors: ScheduleLineError[] }
  | { kind: 'notice'; notice: ParsedNotice };

/** `referenceYear`: this year, for a notice pasted without its title. */
export function readScheduleText(text: string, referenceYear: number): ScheduleReading {
  if (text.trim() === '') return { kind: 'empty' };
  if (looksLikeNotice(text)) {
    return { kind: 'notice', notice: parseHolidayNotice(text, { referenceYear }) };
  }
  const parsed = parseYearScheduleText(text);
  return parsed.ok
    ? { kind: 'lines', schedule: parsed.schedule, errors: [] }
    : { kind: 'lines', schedule: null, errors: parsed.errors };
}

export function scheduleOfReading(reading: ScheduleReading): YearSchedule | null {
  if (reading.kind === 'empty') return null;
  return reading.kind === 'notice' ? reading.notice.schedule : reading.schedule;
}
