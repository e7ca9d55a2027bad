import { useMemo } from 'react';
import type { DeadlineTier } from '../../../shared/calendar/deadline';
import type { ApprovalItem } from '../../../shared/domain/approval-item';
import { collectDeadlines, worstTier, type Deadline } from '../../../shared/domain/deadlines';
import { currentStage, stageProgress } from '../../../shared/domain/progress';
import type { KeyProject } from '../../../shared/domain/project';
import type { Stage } from '../../../shared/domain/stages';
import { useProjects } from '../../db/useProjects';
import { useAllDeadlineRecords } from '../../db/useProjectRecords';
import { useCalendar, useTeamSettings } from '../../db/useTeamData';
import { useToday } from '../../ui/useToday';

export type ProjectSummary = {
  project: KeyProject;
  stage: Stage | null;
  finished: number;
  total: number;
  deadlines: Deadline[];
  worst: DeadlineTier | null;
  overdue: number;
  warning: number;
};

function groupBy<T extends { projectId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.projectId, [...(groups.get(row.projectId) ?? []), row]);
  return groups;
}

/** Every live project with where it stands and its worst deadline, derived for today. */
export function useProjectSummaries(): ProjectSummary[] | undefined {
  const projects = useProjects();
  const records = useAllDeadlineRecords();
  const calendar = useCalendar();
  const { warnWithinWorkingDays } = useTeamSettings();
  const today = useToday();

  return useMemo(() => {
    if (!projects || !records) return undefined;
    const items = groupBy(records.approvalItems);
    const missing = groupBy(records.missingItems);
    const steps = groupBy(records.handlingSteps);
    return projects.map((project) => {
      const approvalItems: ApprovalItem[] = items.get(project.id) ?? [];
      const deadlines = collectDeadlines(
        {
          approvalItems,
          missingItems: missing.get(project.id) ?? [],
          handlingSteps: steps.get(project.id) ?? [],
        },
        calendar,
        today,
        warnWithinWorkingDays,
      );
      const progress = stageProgress(approvalItems);
      return {
        project,
        stage: currentStage(approvalItems),
        finished: progress.reduce((sum, stage) => sum + stage.finished, 0),
        total: progress.reduce((sum, stage) => sum + stage.total, 0),
        deadlines,
        worst: worstTier(deadlines),
        overdue: deadlines.filter((deadline) => deadline.tier === 'overdue').length,
        warning: deadlines.filter((deadline) => deadline.tier === 'warning').length,
      };
    });
  }, [projects, records, calendar, today, warnWithinWorkingDays]);
}
