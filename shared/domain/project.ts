import { z } from 'zod';

/**
 * A key project (重点项目). Every record carries a UUID string id, plain JSON fields and a `deleted`
 * flag instead of being removed, so the sync engine can exchange it field by field.
 * Validation messages are i18n keys (`validation.*`): the renderer translates them.
 */

export const projectLevels = ['province', 'city', 'district'] as const;
export type ProjectLevel = (typeof projectLevels)[number];

const requiredText = (max: number) =>
  z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');

export const projectInputSchema = z.object({
  name: requiredText(200),
  ownerCompany: requiredText(200),
  level: z.enum(projectLevels, 'validation.required'),
  helperAgent: z.string().trim().max(50, 'validation.tooLong'),
});
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const keyProjectSchema = projectInputSchema.extend({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deleted: z.boolean(),
});
export type KeyProject = z.infer<typeof keyProjectSchema>;
