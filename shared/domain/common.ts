import { z } from 'zod';
import { isoDateSchema } from '../calendar/year-schedule';

/**
 * What every synced record carries: a UUID string id (never an auto-increment), plain JSON fields,
 * and a `deleted` flag instead of removal, so sync can exchange records field by field.
 * Validation messages are i18n keys (`validation.*`) that the renderer translates.
 */
export const recordMetaSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deleted: z.boolean(),
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;

export const requiredText = (max: number) =>
  z
    .string('validation.required')
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong');

export const optionalText = (max: number) =>
  z.string('validation.required').trim().max(max, 'validation.tooLong');

/** A date the user may leave empty: '' from a cleared field becomes null. */
export const optionalDateSchema = z.preprocess(
  (value) => (value === '' || value === undefined ? null : value),
  isoDateSchema.nullable(),
);

export { isoDateSchema };
