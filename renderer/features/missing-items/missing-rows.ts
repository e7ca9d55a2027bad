import type { WorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import type { ApprovalItem } from '../../../shared/domain/approval-item';
import { itemClock } from '../../../shared/domain/deadlines';
import type { MissingItem, MissingItemStatus } from '../../../shared/domain/missing-item';

/** The status users see: the stored one, or 逾期未补 derived from the promised date and today. */
export type MissingDisplayStatus = MissingItemStatus | 'overdue';

export function missingDisplayStatus(
  item: Pick<MissingItem, 'status' | 'promisedOn'>,
  today: string,
): MissingDisplayStatus {
  return item.status === 'pending' && today > item.promisedOn ? 'overdue' : item.status;
}

/**
 * The approval item's due date as the promised date is checked against it: only a running clock
 * has one. A paused or not-yet-started clock gives no limit, so any promised date is let through.
 */
export function approvalItemDueDate(
  item: ApprovalItem,
  calendar: WorkingDayCalendar,
):
  | { status: 'running'; dueDate: string; estimatedYears: number[] }
  | { status: 'paused' }
  | { status: 'none' } {
  const clock = itemClock(item, calendar);
  if (clock.status === 'running') {
    return { status: 'running', dueDate: clock.dueDate, estimatedYears: clock.estimatedYears };
  }
  return clock.status === 'paused' ? { status: 'paused' } : { status: 'none' };
}

/** A table row: the missing item, its approval item, and how many rows its item cell spans. */
export type MissingRow = {
  item: MissingItem;
  approvalItem: ApprovalItem | undefined;
  /** Rows the approval-item cell covers: >0 on a group's first row, 0 on the others. */
  groupSpan: number;
};

/**
 * Missing items grouped under their approval item, in the items' own order (the project's
 * process order), and by promised date inside a group, so a department's list reads together.
 * Items whose approval item was deleted come last.
 */
export function groupMissingRows(
  missingItems: readonly MissingItem[],
  approvalItems: readonly ApprovalItem[],
): MissingRow[] {
  const order = new Map(approvalItems.map((item, index) => [item.id, index]));
  const byId = new Map(approvalItems.map((item) => [item.id, item]));
  const rank = (missing: MissingItem) => order.get(missing.approvalItemId) ?? approvalItems.length;
  const sorted = [...missingItems].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.approvalItemId.localeCompare(b.approvalItemId) ||
      a.promisedOn.localeCompare(b.promisedOn) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  return sorted.map((item, index) => {
    const previous = sorted[index - 1];
    const first = previous?.approvalItemId !== item.approvalItemId;
    let span = 0;
    if (first) {
      span = 1;
      while (sorted[index + span]?.approvalItemId === item.approvalItemId) span += 1;
    }
    return { item, approvalItem: byId.get(item.approvalItemId), groupSpan: span };
  });
}
