import { finishedStatuses, type ApprovalItem } from './approval-item';
import { stages, type Stage } from './stages';

export type StageProgress = { stage: Stage; total: number; finished: number };

/** Per stage: how many approval items there are and how many are done (办结 or 无需办理). */
export function stageProgress(items: readonly ApprovalItem[]): StageProgress[] {
  return stages.map((stage) => {
    const ofStage = items.filter((item) => !item.deleted && item.stage === stage);
    return {
      stage,
      total: ofStage.length,
      finished: ofStage.filter((item) => finishedStatuses.includes(item.status)).length,
    };
  });
}

/** The first stage with unfinished items: where the project stands now; null when all are done. */
export function currentStage(items: readonly ApprovalItem[]): Stage | null {
  return stageProgress(items).find((progress) => progress.finished < progress.total)?.stage ?? null;
}
