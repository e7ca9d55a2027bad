import type { TFunction } from 'i18next';
import { ZodError } from 'zod';

/**
 * A failed write as one Chinese sentence: the repositories validate with zod, whose messages are
 * i18n keys; anything else (e.g. a full disk) shows its own message, never a stack trace.
 */
export function saveErrorText(error: unknown, t: TFunction): string {
  const message =
    error instanceof ZodError
      ? error.issues.map((issue) => t(issue.message)).join('；')
      : error instanceof Error
        ? error.message
        : String(error);
  return t('teamSettings.saveFailed', { message });
}
