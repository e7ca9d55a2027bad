import { z } from 'zod';
import {
  isoDateSchema,
  optionalDateSchema,
  optionalText,
  recordMetaSchema,
  requiredText,
} from './common';

/** Who is handling a blocking problem now: 代办员 / 审批局 / 区领导 / 市级 */
export const escalationLevels = ['agent', 'bureau', 'districtLeader', 'city'] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

export const problemStatuses = ['open', 'coordinating', 'resolved'] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

/** Common blockers offered as suggestions; users may type any other. */
export const problemSuggestions = [
  '审批权限未委托',
  '征地未完成',
  '配套未完善',
  '规划条件需调整',
  '资金未落实',
  '材料反复退改',
] as const;

/** A problem (问题协调) blocking a project, and its coordination. */
const problemFields = z.object({
  projectId: z.uuid(),
  title: requiredText(200),
  description: optionalText(2000),
  responsibleDepartment: optionalText(100),
  raisedOn: isoDateSchema,
  escalation: z.enum(escalationLevels),
  status: z.enum(problemStatuses),
  resolution: optionalText(2000),
  resolvedOn: optionalDateSchema,
});

export const problemInputSchema = problemFields.superRefine((problem, context) => {
  for (const issue of problemIssues(problem)) context.addIssue({ code: 'custom', ...issue });
});
export type ProblemInput = z.infer<typeof problemInputSchema>;

/** The rules across a problem's own fields, as field-level i18n keys. */
export function problemIssues(
  problem: Pick<z.infer<typeof problemFields>, 'status' | 'resolvedOn'>,
): { path: string[]; message: string }[] {
  return problem.status === 'resolved' && problem.resolvedOn === null
    ? [{ path: ['resolvedOn'], message: 'validation.resolvedOnRequired' }]
    : [];
}

export const problemSchema = problemFields.extend(recordMetaSchema.shape);
export type Problem = z.infer<typeof problemSchema>;
