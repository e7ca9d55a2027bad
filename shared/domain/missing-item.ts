import { z } from 'zod';
import {
  isoDateSchema,
  optionalDateSchema,
  optionalText,
  recordMetaSchema,
  requiredText,
} from './common';

/**
 * A missing item (容缺材料): a material the department accepted the file without, against the
 * company's written commitment to supply it by a date. 逾期未补 (overdue) is not stored: it is
 * derived from the promised date and today, so it can never go stale.
 */
export const missingItemStatuses = ['pending', 'supplied', 'verified', 'returned'] as const;
export type MissingItemStatus = (typeof missingItemStatuses)[number];

const missingItemFields = z.object({
  projectId: z.uuid(),
  approvalItemId: z.uuid(),
  material: requiredText(200),
  /** Who must supply it: usually the company, sometimes another department. */
  supplier: optionalText(100),
  /** 承诺补齐日期 */
  promisedOn: isoDateSchema,
  status: z.enum(missingItemStatuses),
  suppliedOn: optionalDateSchema,
  notes: optionalText(1000),
});

export const missingItemInputSchema = missingItemFields.superRefine((item, context) => {
  for (const issue of missingItemIssues(item)) context.addIssue({ code: 'custom', ...issue });
});
export type MissingItemInput = z.infer<typeof missingItemInputSchema>;

/** The rules across a missing item's own fields, as field-level i18n keys. */
export function missingItemIssues(
  item: Pick<z.infer<typeof missingItemFields>, 'status' | 'suppliedOn'>,
): { path: string[]; message: string }[] {
  const settled = item.status === 'supplied' || item.status === 'verified';
  return settled && item.suppliedOn === null
    ? [{ path: ['suppliedOn'], message: 'validation.suppliedOnRequired' }]
    : [];
}

export const missingItemSchema = missingItemFields.extend(recordMetaSchema.shape);
export type MissingItem = z.infer<typeof missingItemSchema>;

/**
 * The commitment period may not run past the item's own deadline, nor start before acceptance.
 * Returns an i18n key, or null when the promised date is acceptable.
 */
export function promisedDateProblem(
  promisedOn: string,
  item: { acceptedOn: string | null; dueDate: string | null },
): string | null {
  if (item.acceptedOn && promisedOn < item.acceptedOn) return 'validation.promisedBeforeAccepted';
  if (item.dueDate && promisedOn > item.dueDate) return 'validation.promisedAfterDeadline';
  return null;
}

/** Still owed: the promised date matters (pending) — the others are settled. */
export function isOutstanding(item: Pick<MissingItem, 'status'>): boolean {
  return item.status === 'pending';
}
