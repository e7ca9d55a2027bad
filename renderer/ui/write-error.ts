import type { TFunction } from 'i18next';
import { ZodError } from 'zod';
import { RecordNotFoundError, RuleError } from '../db/record-repository';

/**
 * A failed write as one Chinese sentence, never a stack trace: the repositories validate with zod,
 * whose messages are i18n keys; a record deleted meanwhile (e.g. by an import) says so; anything
 * else (a full disk, say) shows its own message.
 */
export function writeErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ZodError) {
    return [...new Set(error.issues.map((issue) => t(issue.message)))].join('；');
  }
  if (error instanceof RecordNotFoundError) return t('common.recordGone');
  if (error instanceof RuleError) return t(error.problem.key, error.problem.values);
  return t('common.unknownError', { message: failureMessage(error) });
}

/**
 * The message of a failure without the wrapping Electron adds to errors thrown in the main
 * process ("Error invoking remote method 'backup:save': Error: ENOSPC…" → "ENOSPC…").
 */
export function failureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}
