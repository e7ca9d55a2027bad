import type { TFunction } from 'i18next';
import type { NoticeProblem, NoticeRemark } from '../../../shared/calendar/holiday-notice';
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

/** A problem of a pasted notice as a Chinese sentence, starting with its line when it has one. */
export function noticeProblemText(problem: NoticeProblem, t: TFunction): string {
  const where = problem.line > 0 ? t('teamSettings.notice.line', { line: problem.line }) : '';
  return (
    where + t(`teamSettings.notice.${problem.code}`, { ...problem.params, text: problem.text })
  );
}

/** A sentence with dates the notice reader passed over, and why. */
export function noticeRemarkText(remark: NoticeRemark, t: TFunction): string {
  return t(`teamSettings.notice.${remark.code}`, {
    ...remark.params,
    line: remark.line,
    text: remark.text,
  });
}
