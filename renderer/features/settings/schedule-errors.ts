import type { TFunction } from 'i18next';
import type { ScheduleTextError } from '../../../shared/calendar/year-schedule';

type ErrorName = ScheduleTextError extends `validation.${infer Name}` ? Name : never;

/**
 * The parser's error as a Chinese sentence that names the line; JSON input and empty text have
 * no line (0), so they get sentences of their own.
 */
export function scheduleErrorText(error: ScheduleTextError, line: number, t: TFunction): string {
  const name = error.slice('validation.'.length) as ErrorName;
  return line > 0
    ? t(`teamSettings.lineError.${name}`, { line })
    : t(`teamSettings.jsonError.${name}`);
}
