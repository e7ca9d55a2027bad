import { useLiveQuery } from 'dexie-react-hooks';
import type { ApprovalItem } from '../../shared/domain/approval-item';
import type { HandlingStep } from '../../shared/domain/handling-step';
import type { MissingItem } from '../../shared/domain/missing-item';
import type { Problem } from '../../shared/domain/problem';
import { db } from './index';

export type ProjectRecords = {
  approvalItems: ApprovalItem[];
  missingItems: MissingItem[];
  handlingSteps: HandlingStep[];
  problems: Problem[];
};

const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((row) => !row.deleted);

/** Everything recorded under one project (deleted records left out); undefined while loading. */
export function useProjectRecords(projectId: string | undefined): ProjectRecords | undefined {
  return useLiveQuery(async () => {
    if (!projectId) return { approvalItems: [], missingItems: [], handlingSteps: [], problems: [] };
    const [approvalItems, missingItems, handlingSteps, problems] = await Promise.all([
      db.approvalItems.where('projectId').equals(projectId).toArray(),
      db.missingItems.where('projectId').equals(projectId).toArray(),
      db.handlingSteps.where('projectId').equals(projectId).toArray(),
      db.problems.where('projectId').equals(projectId).toArray(),
    ]);
    return {
      approvalItems: live(approvalItems).sort((a, b) => a.sortOrder - b.sortOrder),
      missingItems: live(missingItems).sort((a, b) => a.promisedOn.localeCompare(b.promisedOn)),
      handlingSteps: live(handlingSteps).sort(
        (a, b) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt),
      ),
      problems: live(problems).sort((a, b) => b.raisedOn.localeCompare(a.raisedOn)),
    };
  }, [projectId]);
}

/** Every live approval item, missing item and handling step: the inputs of all deadlines. */
export function useAllDeadlineRecords() {
  return useLiveQuery(async () => {
    const [approvalItems, missingItems, handlingSteps] = await Promise.all([
      db.approvalItems.toArray(),
      db.missingItems.toArray(),
      db.handlingSteps.toArray(),
    ]);
    return {
      approvalItems: live(approvalItems),
      missingItems: live(missingItems),
      handlingSteps: live(handlingSteps),
    };
  });
}
