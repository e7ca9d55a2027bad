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

export const handlingStepInputSchema = handlingStepFields.superRefine((step, context) => {
  for (const issue of handlingStepIssues(step)) context.addIssue({ code: 'custom', ...issue });
});
export type HandlingStepInput = z.infer<typeof handlingStepInputSchema>;

/** The rules across a step's own fields, as field-level i18n keys. */
export function handlingStepIssues(
  step: Pick<z.infer<typeof handlingStepFields>, 'on' | 'nextActionDueOn'>,
): { path: string[]; message: string }[] {
  return step.nextActionDueOn !== null && step.nextActionDueOn < step.on
    ? [{ path: ['nextActionDueOn'], message: 'validation.dueBeforeStep' }]
    : [];
}

export const handlingStepSchema = handlingStepFields.extend(recordMetaSchema.shape);
export type HandlingStep = z.infer<typeof handlingStepSchema>;
