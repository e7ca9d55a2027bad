import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { canTransition, type ApprovalItem } from './approval-item';
import { itemClock } from './deadlines';
import { promisedDateProblem, type MissingItem } from './missing-item';

/**
 * Rules that a single field cannot state, enforced for every local write by the repositories (a
 * screen may check them earlier, to say so beside the field). Merged edits from two computers are
 * not refused by them: every copy must converge, so such a record is shown as 需核对 instead.
 * Each returns the broken rule as an i18n key with its values, or null when the write is fine.
 */
export type RuleProblem = { key: string; values?: Record<string, string> };

/** A status moves only along the item's lifecycle (see itemTransitions). */
export function itemStatusRule(
  before: Pick<ApprovalItem, 'status' | 'deleted'> | undefined,
  after: Pick<ApprovalItem, 'status' | 'deleted'>,
): RuleProblem | null {
  if (!before || after.deleted) return null;
  return canTransition(before.status, after.status)
    ? null
    : { key: 'validation.transitionNotAllowed' };
}

/**
 * A commitment to supply a missing material is due no later than the item's deadline and no
 * earlier than its acceptance (容缺受理: the commitment period may not exceed the promised time).
 * A record saved before its item's dates changed stays editable: the rule applies when the
 * commitment itself (its date or its item) is entered or changed.
 */
export function promisedDateRule(
  before: Pick<MissingItem, 'promisedOn' | 'approvalItemId'> | undefined,
  after: Pick<MissingItem, 'promisedOn' | 'approvalItemId' | 'deleted'>,
  item: ApprovalItem | undefined,
  calendar: WorkingDayCalendar,
): RuleProblem | null {
  if (after.deleted || !item) return null;
  if (before?.promisedOn === after.promisedOn && before.approvalItemId === after.approvalItemId) {
    return null;
  }
  const clock = itemClock(item, calendar);
  const dueDate = clock.status === 'running' ? clock.dueDate : null;
  const key = promisedDateProblem(after.promisedOn, { acceptedOn: item.acceptedOn, dueDate });
  return key ? { key, values: dueDate ? { dueDate } : {} } : null;
}
