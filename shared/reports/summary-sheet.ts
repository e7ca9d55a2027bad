import { workingDaysBetween } from '../calendar/deadline';
import {
  clockStatuses,
  finishedStatuses,
  itemStatuses,
  type ApprovalItem,
  type ItemStatus,
} from '../domain/approval-item';
import { itemClock } from '../domain/deadlines';
import type { HelperAgent } from '../domain/helper-agent';
import { isOutstanding } from '../domain/missing-item';
import type { EscalationLevel, ProblemStatus } from '../domain/problem';
import {
  projectLevels,
  projectStatuses,
  type KeyProject,
  type ProjectLevel,
  type ProjectStatus,
} from '../domain/project';
import { stages, type DepartmentLevel, type Stage } from '../domain/stages';
import {
  byProject,
  dueMark,
  landToPermit,
  type DueMark,
  type LandToPermit,
  type SheetClock,
  type SheetRecords,
} from './sheet-common';

/**
 * 重点项目推进情况汇总表: the leaders' weekly summary over all projects or the list's current
 * filter. The data only; renderer/features/printing/ words and lays it out.
 */

export type StageCounts = {
  /** Projects whose current stage (first with unfinished items) is this one. */
  projectsAtStage: number;
  byStatus: Record<ItemStatus, number>;
  total: number;
  /** Approval items whose running clock is 预警 / 逾期 today. */
  warning: number;
  overdue: number;
};

export type StageRow = StageCounts & { stage: Stage };

export type OverdueItemRow = {
  projectId: string;
  projectName: string;
  itemId: string;
  itemName: string;
  stage: Stage;
  department: string;
  departmentLevel: DepartmentLevel;
  acceptedOn: string | null;
  due: DueMark;
};

export type OverdueMissingRow = {
  projectId: string;
  projectName: string;
  missingId: string;
  material: string;
  itemName: string;
  supplier: string;
  promised: DueMark;
};

export type OpenProblemRow = {
  id: string;
  projectId: string;
  projectName: string;
  title: string;
  raisedOn: string;
  escalation: EscalationLevel;
  status: ProblemStatus;
  openWorkingDays: number;
};

export type DepartmentProblems = {
  /** '' when no department is responsible yet. */
  department: string;
  /** Oldest first. */
  problems: OpenProblemRow[];
  /** Of them, taken up by a district leader or the city. */
  escalated: number;
};

export type ProjectRow = {
  projectId: string;
  name: string;
  level: ProjectLevel;
  status: ProjectStatus;
  /** 万元; null when not known. */
  totalInvestment: number | null;
  helperAgents: string[];
  leaderInCharge: string;
  currentStage: Stage | null;
  finished: number;
  total: number;
  landToPermit: LandToPermit;
  overdueItems: number;
  warningItems: number;
  overdueMissing: number;
  openProblems: number;
};

export type SummarySheet = {
  projectCount: number;
  /** 总投资 in 万元 over the projects that state it; `unknown` projects do not. */
  investment: { total: number; unknown: number };
  byProjectStatus: Record<ProjectStatus, number>;
  byLevel: Record<ProjectLevel, number>;
  /** Projects with items, all of them done; projects with no items at all. */
  projectsAllDone: number;
  projectsWithoutItems: number;
  stages: StageRow[];
  totals: StageCounts;
  /** Approval items past their statutory due date, longest overdue first. */
  overdueItems: OverdueItemRow[];
  /** Missing items not supplied by their promised date, longest overdue first. */
  overdueMissing: OverdueMissingRow[];
  /** Unresolved problems by responsible department, most problems first. */
  problemsByDepartment: DepartmentProblems[];
  openProblems: number;
  /** Level (省, 市, 区), then name. */
  projects: ProjectRow[];
  /** 拿地至施工许可 over the projects that have both dates. */
  landToPermit: { projects: number; averageWorkingDays: number | null; longest: number | null };
};

export type SummarySheetInput = SheetClock & {
  /** The projects in scope: all of them, or those the list's filter shows. */
  projects: readonly KeyProject[];
  /** Live records; those of projects out of scope are ignored. */
  records: SheetRecords;
  helperAgents: readonly HelperAgent[];
};

const collator = new Intl.Collator('zh-CN');
const levelOrder = new Map<ProjectLevel, number>(
  projectLevels.map((level, index) => [level, index]),
);

const countsOf = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

function emptyStageCounts(): StageCounts {
  return { projectsAtStage: 0, byStatus: countsOf(itemStatuses), total: 0, warning: 0, overdue: 0 };
}

/** Longest overdue first; ties by project, then by what is overdue, so the order is stable. */
function byOverdue<T extends { projectName: string }>(
  mark: (row: T) => DueMark,
  name: (row: T) => string,
) {
  return (a: T, b: T) =>
    mark(b).workingDays - mark(a).workingDays ||
    mark(a).dueDate.localeCompare(mark(b).dueDate) ||
    collator.compare(a.projectName, b.projectName) ||
    collator.compare(name(a), name(b));
}

export function assembleSummarySheet(input: SummarySheetInput): SummarySheet {
  const clock: SheetClock = input;
  const projects = [...input.projects].sort(
    (a, b) =>
      (levelOrder.get(a.level) ?? 0) - (levelOrder.get(b.level) ?? 0) ||
      collator.compare(a.name, b.name),
  );
  const inScope = new Map(projects.map((project) => [project.id, project]));
  const items = byProject(
    input.records.approvalItems.filter((item) => inScope.has(item.projectId)),
  );
  const missing = byProject(
    input.records.missingItems.filter(
      (row) => inScope.has(row.projectId) && isOutstanding(row) && row.promisedOn < clock.today,
    ),
  );
  const problems = byProject(
    input.records.problems.filter(
      (problem) => inScope.has(problem.projectId) && problem.status !== 'resolved',
    ),
  );
  const agentNames = new Map(input.helperAgents.map((agent) => [agent.id, agent.name]));

  const stageCounts = new Map<Stage, StageCounts>(
    stages.map((stage) => [stage, emptyStageCounts()]),
  );
  const totals = emptyStageCounts();
  const byProjectStatus = countsOf(projectStatuses);
  const byLevel = countsOf(projectLevels);
  const investment = { total: 0, unknown: 0 };
  const overdueItems: OverdueItemRow[] = [];
  const overdueMissing: OverdueMissingRow[] = [];
  const departments = new Map<string, OpenProblemRow[]>();
  const rows: ProjectRow[] = [];
  let projectsAllDone = 0;
  let projectsWithoutItems = 0;

  for (const project of projects) {
    byProjectStatus[project.status] += 1;
    byLevel[project.level] += 1;
    if (project.totalInvestment === null) investment.unknown += 1;
    else investment.total += project.totalInvestment;

    const ofProject: readonly ApprovalItem[] = items.get(project.id) ?? [];
    const names = new Map(ofProject.map((item) => [item.id, item.name]));
    let finished = 0;
    let overdue = 0;
    let warning = 0;
    const unfinishedStages = new Set<Stage>();
    for (const item of ofProject) {
      const counts = stageCounts.get(item.stage);
      if (!counts) continue;
      counts.byStatus[item.status] += 1;
      counts.total += 1;
      totals.byStatus[item.status] += 1;
      totals.total += 1;
      if (finishedStatuses.includes(item.status)) finished += 1;
      else unfinishedStages.add(item.stage);
      if (!clockStatuses.includes(item.status)) continue;
      const time = itemClock(item, clock.calendar);
      if (time.status !== 'running') continue;
      const due = dueMark(clock, time.dueDate, time.estimatedYears);
      if (due.tier === 'normal') continue;
      counts[due.tier] += 1;
      totals[due.tier] += 1;
      if (due.tier === 'warning') {
        warning += 1;
        continue;
      }
      overdue += 1;
      overdueItems.push({
        projectId: project.id,
        projectName: project.name,
        itemId: item.id,
        itemName: item.name,
        stage: item.stage,
        department: item.department,
        departmentLevel: item.departmentLevel,
        acceptedOn: item.acceptedOn,
        due,
      });
    }
    const current = stages.find((stage) => unfinishedStages.has(stage)) ?? null;
    if (current) {
      const counts = stageCounts.get(current);
      if (counts) counts.projectsAtStage += 1;
      totals.projectsAtStage += 1;
    } else if (ofProject.length > 0) projectsAllDone += 1;
    else projectsWithoutItems += 1;

    let overdueMissingCount = 0;
    for (const row of missing.get(project.id) ?? []) {
      const itemName = names.get(row.approvalItemId);
      // Owed to an item that is not live: nothing is owed (see renderer/db/live-records.ts).
      if (itemName === undefined) continue;
      overdueMissingCount += 1;
      overdueMissing.push({
        projectId: project.id,
        projectName: project.name,
        missingId: row.id,
        material: row.material,
        itemName,
        supplier: row.supplier,
        promised: dueMark(clock, row.promisedOn),
      });
    }

    const open = problems.get(project.id) ?? [];
    for (const problem of open) {
      const department = problem.responsibleDepartment.trim();
      const list = departments.get(department) ?? [];
      if (list.length === 0) departments.set(department, list);
      list.push({
        id: problem.id,
        projectId: project.id,
        projectName: project.name,
        title: problem.title,
        raisedOn: problem.raisedOn,
        escalation: problem.escalation,
        status: problem.status,
        openWorkingDays: workingDaysBetween(clock.calendar, problem.raisedOn, clock.today),
      });
    }

    rows.push({
      projectId: project.id,
      name: project.name,
      level: project.level,
      status: project.status,
      totalInvestment: project.totalInvestment,
      helperAgents: project.helperAgentIds.flatMap((id) => agentNames.get(id) ?? []),
      leaderInCharge: project.leaderInCharge,
      currentStage: current,
      finished,
      total: ofProject.length,
      landToPermit: landToPermit(project, clock),
      overdueItems: overdue,
      warningItems: warning,
      overdueMissing: overdueMissingCount,
      openProblems: open.length,
    });
  }

  overdueItems.sort(
    byOverdue(
      (row) => row.due,
      (row) => row.itemName,
    ),
  );
  overdueMissing.sort(
    byOverdue(
      (row) => row.promised,
      (row) => row.material,
    ),
  );

  const problemsByDepartment: DepartmentProblems[] = [...departments]
    .map(([department, list]) => ({
      department,
      problems: list.sort(
        (a, b) =>
          a.raisedOn.localeCompare(b.raisedOn) || collator.compare(a.projectName, b.projectName),
      ),
      escalated: list.filter(
        (problem) => problem.escalation === 'districtLeader' || problem.escalation === 'city',
      ).length,
    }))
    // Most problems first; the unassigned ones last, whatever their number.
    .sort(
      (a, b) =>
        Number(a.department === '') - Number(b.department === '') ||
        b.problems.length - a.problems.length ||
        collator.compare(a.department, b.department),
    );

  const done = rows.flatMap((row) =>
    row.landToPermit.status === 'done' ? [row.landToPermit.workingDays] : [],
  );
  return {
    projectCount: projects.length,
    investment,
    byProjectStatus,
    byLevel,
    projectsAllDone,
    projectsWithoutItems,
    stages: stages.map((stage) => ({ stage, ...(stageCounts.get(stage) ?? emptyStageCounts()) })),
    totals,
    overdueItems,
    overdueMissing,
    problemsByDepartment,
    openProblems: problemsByDepartment.reduce((sum, group) => sum + group.problems.length, 0),
    projects: rows,
    landToPermit: {
      projects: done.length,
      averageWorkingDays:
        done.length === 0
          ? null
          : Math.round(done.reduce((sum, days) => sum + days, 0) / done.length),
      longest: done.length === 0 ? null : Math.max(...done),
    },
  };
}
