import { z } from 'zod';
import type { TimeLimit } from '../calendar/deadline';
import {
  isoDateSchema,
  optionalDateSchema,
  optionalText,
  recordMetaSchema,
  requiredText,
} from './common';
import { departmentLevels, stages } from './stages';

/** 常规 / 容缺受理 / 告知承诺 / 并联 */
export const handlingModes = ['regular', 'missingAccepted', 'onCommitment', 'parallel'] as const;
export type HandlingMode = (typeof handlingModes)[number];

/** 未启动 → 准备材料 → 已申报 → 已受理 → 审查中 → 已办结 / 不予许可 / 退件 / 无需办理 */
export const itemStatuses = [
  'notStarted',
  'preparing',
  'submitted',
  'accepted',
  'reviewing',
  'approved',
  'refused',
  'returned',
  'notRequired',
] as const;
export type ItemStatus = (typeof itemStatuses)[number];

/**
 * Which status may follow which. Forward along the lifecycle, plus the ways back that real files
 * take: a returned file is prepared and submitted again, and a mistaken final status can be
 * reopened (every change is logged with who and when).
 */
export const itemTransitions: Record<ItemStatus, readonly ItemStatus[]> = {
  notStarted: ['preparing', 'submitted', 'accepted', 'notRequired'],
  preparing: ['submitted', 'accepted', 'notStarted', 'notRequired'],
  submitted: ['accepted', 'returned', 'preparing'],
  accepted: ['reviewing', 'approved', 'refused', 'returned'],
  reviewing: ['approved', 'refused', 'returned', 'accepted'],
  approved: ['reviewing'],
  refused: ['reviewing', 'preparing'],
  returned: ['preparing', 'submitted'],
  notRequired: ['notStarted'],
};

/** Statuses in which the department's clock runs (or is paused): the item has a due date. */
export const clockStatuses: readonly ItemStatus[] = ['accepted', 'reviewing'];
/** Final statuses: the item counts as done for a stage's progress. */
export const finishedStatuses: readonly ItemStatus[] = ['approved', 'notRequired'];

export const timeLimitSchema = z.object({
  days: z
    .number('validation.number')
    .int('validation.integer')
    .min(0, 'validation.nonNegative')
    .max(3650),
  unit: z.enum(['working', 'calendar']),
});

/** 暂停计时 (行政许可法 art. 45): hearings, expert review, testing… are not counted. */
export const pausedIntervalSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema.nullable(),
    reason: optionalText(200),
  })
  .refine((interval) => interval.to === null || interval.to >= interval.from, {
    message: 'validation.endBeforeStart',
    path: ['to'],
  });
export type PausedIntervalRecord = z.infer<typeof pausedIntervalSchema>;

/** 告知承诺: the department verifies after approving on the company's written commitment. */
export const commitmentCheckSchema = z.object({
  dueOn: optionalDateSchema,
  result: z.enum(['pending', 'passed', 'failed']),
  checkedOn: optionalDateSchema,
  notes: optionalText(500),
});
export type CommitmentCheck = z.infer<typeof commitmentCheckSchema>;

const approvalItemFields = z.object({
  projectId: z.uuid(),
  /** The catalog entry it was created from; null for an item typed in by hand. */
  catalogItemId: z.uuid().nullable(),
  stage: z.enum(stages),
  name: requiredText(200),
  department: requiredText(100),
  departmentLevel: z.enum(departmentLevels),
  handlingMode: z.enum(handlingModes),
  status: z.enum(itemStatuses),
  pausedIntervals: z.array(pausedIntervalSchema),
  submittedOn: optionalDateSchema,
  acceptedOn: optionalDateSchema,
  completedOn: optionalDateSchema,
  timeLimit: timeLimitSchema.nullable(),
  certificateNo: optionalText(100),
  commitmentCheck: commitmentCheckSchema.nullable(),
  notes: optionalText(2000),
  sortOrder: z.number(),
});

function checkDates(item: DateFields, context: z.RefinementCtx): void {
  for (const issue of approvalItemDateIssues(item)) context.addIssue({ code: 'custom', ...issue });
}

export const approvalItemInputSchema = approvalItemFields.superRefine(checkDates);
export type ApprovalItemInput = z.infer<typeof approvalItemInputSchema>;

export const approvalItemSchema = approvalItemFields
  .extend(recordMetaSchema.shape)
  .superRefine(checkDates);
export type ApprovalItem = z.infer<typeof approvalItemSchema>;

type DateFields = Pick<
  ApprovalItemInput,
  'status' | 'submittedOn' | 'acceptedOn' | 'completedOn' | 'pausedIntervals'
>;

/** The date rules of an item, as field-level i18n keys. */
export function approvalItemDateIssues(item: DateFields): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const needsAccepted =
    clockStatuses.includes(item.status) || item.status === 'approved' || item.status === 'refused';
  if (needsAccepted && !item.acceptedOn) {
    issues.push({ path: ['acceptedOn'], message: 'validation.acceptedOnRequired' });
  }
  if ((item.status === 'approved' || item.status === 'refused') && !item.completedOn) {
    issues.push({ path: ['completedOn'], message: 'validation.completedOnRequired' });
  }
  if (item.submittedOn && item.acceptedOn && item.acceptedOn < item.submittedOn) {
    issues.push({ path: ['acceptedOn'], message: 'validation.acceptedBeforeSubmitted' });
  }
  if (item.acceptedOn && item.completedOn && item.completedOn < item.acceptedOn) {
    issues.push({ path: ['completedOn'], message: 'validation.completedBeforeAccepted' });
  }
  const sorted = [...item.pausedIntervals].sort((a, b) => a.from.localeCompare(b.from));
  for (const [index, interval] of sorted.entries()) {
    const next = sorted[index + 1];
    if (next && (interval.to === null || interval.to >= next.from)) {
      issues.push({ path: ['pausedIntervals'], message: 'validation.pausesOverlap' });
      break;
    }
    if (item.acceptedOn && interval.from < item.acceptedOn) {
      issues.push({ path: ['pausedIntervals'], message: 'validation.pauseBeforeAccepted' });
      break;
    }
  }
  return issues;
}

export function canTransition(from: ItemStatus, to: ItemStatus): boolean {
  return from === to || itemTransitions[from].includes(to);
}

/**
 * Moves an item to a new status on a date, filling the date that status stands for when it is
 * still empty. Returns the changed fields, or an i18n key when the move is not allowed.
 */
export function transitionItem(
  item: DateFields,
  to: ItemStatus,
  on: string,
): { ok: true; changes: Partial<ApprovalItemInput> } | { ok: false; error: string } {
  if (!canTransition(item.status, to))
    return { ok: false, error: 'validation.transitionNotAllowed' };
  const changes: Partial<ApprovalItemInput> = { status: to };
  if (to === 'submitted' && !item.submittedOn) changes.submittedOn = on;
  if (to === 'accepted' && !item.acceptedOn) changes.acceptedOn = on;
  if ((to === 'approved' || to === 'refused') && !item.completedOn) {
    changes.completedOn = on;
    if (!item.acceptedOn) changes.acceptedOn = on;
  }
  const issues = approvalItemDateIssues({ ...item, ...changes });
  if (issues[0]) return { ok: false, error: issues[0].message };
  return { ok: true, changes };
}

/** The limit the clock runs against, or null when the item has none or its clock is not running. */
export function runningLimit(
  item: Pick<ApprovalItemInput, 'status' | 'acceptedOn' | 'timeLimit'>,
): {
  start: string;
  limit: TimeLimit;
} | null {
  if (!item.acceptedOn || !item.timeLimit) return null;
  return { start: item.acceptedOn, limit: item.timeLimit };
}
