import { workingDaysBetween } from '../calendar/deadline';
import { collectDeadlines, type Deadline, type DeadlineKind } from '../domain/deadlines';
import type { HelperAgent } from '../domain/helper-agent';
import type { KeyProject } from '../domain/project';
import { recordsNeedingReview, type RecordNeedingReview } from '../domain/record-issues';
import type { ProblemRow } from '../reports/project-sheet';
import type { SheetClock, SheetRecords } from '../reports/sheet-common';

/**
 * 工作台: what needs a helper-agent today. The rules of what is due, overdue or broken are those of
 * shared/domain (deadlines.ts, record-issues.ts); this only picks the projects in scope, keeps
 * what needs attention and orders it. The renderer words and lays it out.
 */

/** 我的: the projects of the current user as a helper-agent; 全队: every project of the team. */
export type WorkbenchScope = 'mine' | 'team';

/**
 * The helper-agents the current user is. The user (我的信息) and the helper-agents (代办员) are
 * kept apart — the user stamps changes, a helper-agent is named on projects — and are linked by
 * name: the one thing both lists carry and a team keeps unique. Inactive agents count too, so a
 * user moved off the list still sees the projects they still hold.
 */
export function helperAgentsOfUser(
  userName: string,
  helperAgents: readonly HelperAgent[],
): HelperAgent[] {
  const name = userName.trim();
  if (name === '') return [];
  return helperAgents.filter((agent) => agent.name.trim() === name);
}

export type WorkbenchRow = Deadline & { projectName: string };

/** A problem as the project sheet lists it (working days open included), with its project. */
export type WorkbenchProblem = ProblemRow & { projectId: string; projectName: string };

export type WorkbenchReview = RecordNeedingReview & { projectId: string; projectName: string };

export type Workbench = {
  /** Projects in scope. */
  projectCount: number;
  projectsWithOverdue: number;
  /** 预警 and 逾期 deadlines of every kind. */
  overdue: number;
  warning: number;
  /** Each list: 逾期 first, most working days over first, then by due date. */
  approvalItems: WorkbenchRow[];
  missingItems: WorkbenchRow[];
  nextActions: WorkbenchRow[];
  commitmentChecks: WorkbenchRow[];
  /** Unresolved problems still with the helper-agents (not yet escalated), oldest first. */
  problems: WorkbenchProblem[];
  /** Records whose merged edits break a rule (需核对). */
  review: WorkbenchReview[];
};

export type WorkbenchInput = SheetClock & {
  projects: readonly KeyProject[];
  /** Live records (renderer/db/live-records.ts); those of projects out of scope are ignored. */
  records: SheetRecords;
  /** 我的: the user's helper-agent ids (helperAgentsOfUser); null for the whole team. */
  helperAgentIds: readonly string[] | null;
};

const collator = new Intl.Collator('zh-CN');

/** Overdue before due soon; the longest overdue first; then the earliest due; stable by project. */
export function byUrgency(a: WorkbenchRow, b: WorkbenchRow): number {
  return (
    Number(b.tier === 'overdue') - Number(a.tier === 'overdue') ||
    b.workingDaysOverdue - a.workingDaysOverdue ||
    a.dueDate.localeCompare(b.dueDate) ||
    collator.compare(a.projectName, b.projectName) ||
    collator.compare(a.title, b.title)
  );
}

/** The projects a scope covers: 全队 all of them, 我的 those naming one of the user's agents. */
export function projectsInScope(
  projects: readonly KeyProject[],
  helperAgentIds: readonly string[] | null,
): KeyProject[] {
  if (helperAgentIds === null) return [...projects];
  const mine = new Set(helperAgentIds);
  return projects.filter((project) => project.helperAgentIds.some((id) => mine.has(id)));
}

export function assembleWorkbench(input: WorkbenchInput): Workbench {
  const projects = projectsInScope(input.projects, input.helperAgentIds);
  const names = new Map(projects.map((project) => [project.id, project.name]));
  const inScope = <T extends { projectId: string }>(rows: readonly T[]) =>
    input.helperAgentIds === null ? rows : rows.filter((row) => names.has(row.projectId));
  const records = {
    approvalItems: inScope(input.records.approvalItems),
    missingItems: inScope(input.records.missingItems),
    handlingSteps: inScope(input.records.handlingSteps),
    problems: inScope(input.records.problems),
  };

  const lists: Record<DeadlineKind, WorkbenchRow[]> = {
    approvalItem: [],
    missingItem: [],
    nextAction: [],
    commitmentCheck: [],
  };
  const projectsWithOverdue = new Set<string>();
  let overdue = 0;
  let warning = 0;
  const deadlines = collectDeadlines(
    records,
    input.calendar,
    input.today,
    input.warnWithinWorkingDays,
  );
  for (const deadline of deadlines) {
    const projectName = names.get(deadline.projectId);
    if (deadline.tier === 'normal' || projectName === undefined) continue;
    if (deadline.tier === 'overdue') {
      overdue += 1;
      projectsWithOverdue.add(deadline.projectId);
    } else warning += 1;
    lists[deadline.kind].push({ ...deadline, projectName });
  }
  for (const list of Object.values(lists)) list.sort(byUrgency);

  const problems: WorkbenchProblem[] = records.problems
    .filter((problem) => problem.status !== 'resolved' && problem.escalation === 'agent')
    .map((problem) => ({
      id: problem.id,
      projectId: problem.projectId,
      projectName: names.get(problem.projectId) ?? '',
      title: problem.title,
      responsibleDepartment: problem.responsibleDepartment,
      raisedOn: problem.raisedOn,
      escalation: problem.escalation,
      status: problem.status,
      openWorkingDays: workingDaysBetween(input.calendar, problem.raisedOn, input.today),
    }))
    .sort(
      (a, b) =>
        a.raisedOn.localeCompare(b.raisedOn) ||
        collator.compare(a.projectName, b.projectName) ||
        collator.compare(a.title, b.title),
    );

  const review = recordsNeedingReview(records, input.calendar).map((entry) => ({
    ...entry,
    projectId: entry.record.projectId,
    projectName: names.get(entry.record.projectId) ?? '',
  }));

  return {
    projectCount: projects.length,
    projectsWithOverdue: projectsWithOverdue.size,
    overdue,
    warning,
    approvalItems: lists.approvalItem,
    missingItems: lists.missingItem,
    nextActions: lists.nextAction,
    commitmentChecks: lists.commitmentCheck,
    problems,
    review,
  };
}
