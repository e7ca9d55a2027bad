import { z } from 'zod';
import { optionalText, recordMetaSchema, requiredText } from './common';
import { timeLimitSchema } from './approval-item';
import { departmentLevels, stages } from './stages';

/** An entry of the approval catalog: the template new projects' approval items are made from. */
export const catalogItemInputSchema = z.object({
  stage: z.enum(stages),
  name: requiredText(200),
  department: requiredText(100),
  departmentLevel: z.enum(departmentLevels),
  /** null for milestones (e.g. 土地出让成交) and items whose limit varies. */
  timeLimit: timeLimitSchema.nullable(),
  /** Where the limit comes from, e.g. "法定 20 个工作日，可延长 10 个" — shown to users. */
  limitNote: optionalText(200),
  materials: z.array(requiredText(200)),
  sortOrder: z.number(),
  active: z.boolean(),
});
export type CatalogItemInput = z.infer<typeof catalogItemInputSchema>;

export const catalogItemSchema = catalogItemInputSchema.extend(recordMetaSchema.shape);
export type CatalogItem = z.infer<typeof catalogItemSchema>;
