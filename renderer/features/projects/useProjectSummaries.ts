import { useMemo } from 'react';
import type { DeadlineTier } from '../../../shared/calendar/deadline';
import type { WorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import { collectDeadlines, worstTier, type Deadline } from '../../../shared/domain/deadlines';
import { currentStage, stageProgress } from '../../../shared/domain/progress';
import type { KeyProject } from '../../../shared/domain/project';
import {
  recordsNeedingReview,
  type RecordNeedingReview,
} from '../../../shared/domain/record-issues';
import type { Stage } from '../../../shared/domain/stages';
import { useAllProjectRecords, type LiveProjectData } from '../../db/useProjectRecords';
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
  /** Records whose merged fields break a rule (需核对). */
  review: RecordNeedingReview[];
};

function groupBy<T extends { projectId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.projectId);
    if (group) group.push(row);
    else groups.set(row.projectId, [row]);
  }
  return groups;
}

/** Every project with where it stands, its worst deadline and what needs review, for `today`. */
export function summarizeProjects(
  records: LiveProjectData,
  calendar: WorkingDayCalendar,
  today: string,
  warnWithinWorkingDays: number,
): ProjectSummary[] {
  const items = groupBy(records.approvalItems);
  const missing = groupBy(records.missingItems);
  const steps = groupBy(records.handlingSteps);
  const problems = groupBy(records.problems);
  return records.projects.map((project) => {
    const ofProject = {
      approvalItems: items.get(project.id) ?? [],
      missingItems: missing.get(project.id) ?? [],
      handlingSteps: steps.get(project.id) ?? [],
      problems: problems.get(project.id) ?? [],
    };
    const deadlines = collectDeadlines(ofProject, calendar, today, warnWithinWorkingDays);
    const progress = stageProgress(ofProject.approvalItems);
    return {
      project,
      stage: currentStage(ofProject.approvalItems),
      finished: progress.reduce((sum, stage) => sum + stage.finished, 0),
      total: progress.reduce((sum, stage) => sum + stage.total, 0),
      deadlines,
      worst: worstTier(deadlines),
      overdue: deadlines.filter((deadline) => deadline.tier === 'overdue').length,
      warning: deadlines.filter((deadline) => deadline.tier === 'warning').length,
      review: recordsNeedingReview(ofProject, calendar),
    };
  });
}

/** Every live project with where it stands, its worst deadline and what needs review, for today. */
export function useProjectSummaries(): ProjectSummary[] | undefined {
  // Steps count only through their open 下一步 and review: the others are not read.
  const records = useAllProjectRecords({ handlingSteps: 'attention' });
  const calendar = useCalendar();
  const { warnWithinWorkingDays } = useTeamSettings();
  const today = useToday();

  return useMemo(
    () => records && summarizeProjects(records, calendar, today, warnWithinWorkingDays),
    [records, calendar, today, warnWithinWorkingDays],
  );
}
