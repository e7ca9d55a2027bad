import type { TFunction } from 'i18next';
import { ZodError } from 'zod';
import { RecordNotFoundError } from '../../db/record-repository';

/**
 * What to tell the user when a repository write fails: the schema's own Chinese message when the
 * record was refused, never a stack trace. Shared by the missing-item, handling-step and problem
 * screens, which all write through the same repositories.
 */
export function recordErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ZodError) {
    return [...new Set(error.issues.map((issue) => t(issue.message)))].join('；');
  }
  if (error instanceof RecordNotFoundError) return t('missing.recordGone');
  return t('common.unknownError', {
    message: error instanceof Error ? error.message : String(error),
  });
}
