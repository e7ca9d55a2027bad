import { z } from 'zod';
import {
  isoDateSchema,
  optionalDateSchema,
  optionalText,
  recordMetaSchema,
  requiredText,
} from './common';

/** 咨询 / 预审 / 递件 / 协调 / 踏勘 / 领证 / 会议 / 其他 */
export const stepKinds = [
  'consult',
  'precheck',
  'submit',
  'coordinate',
  'siteVisit',
  'collectCertificate',
  'meeting',
  'other',
] as const;
export type StepKind = (typeof stepKinds)[number];

/** A handling step (办理记录): something a helper-agent did for the company, and what comes next. */
const handlingStepFields = z.object({
  projectId: z.uuid(),
  approvalItemId: z.uuid().nullable(),
  on: isoDateSchema,
  by: requiredText(50),
  kind: z.enum(stepKinds),
  summary: requiredText(2000),
  nextAction: optionalText(500),
  nextActionDueOn: optionalDateSchema,
  nextActionDone: z.boolean(),
});

export const handlingStepInputSchema = handlingStepFields.refine(
  (step) => step.nextActionDueOn === null || step.nextActionDueOn >= step.on,
  { message: 'validation.dueBeforeStep', path: ['nextActionDueOn'] },
);
export type HandlingStepInput = z.infer<typeof handlingStepInputSchema>;

export const handlingStepSchema = handlingStepFields.extend(recordMetaSchema.shape);
export type HandlingStep = z.infer<typeof handlingStepSchema>;
