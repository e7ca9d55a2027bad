import { workingDaysBetween, type DeadlineTier } from '../calendar/deadline';
import {
  clockStatuses,
  type ApprovalItem,
  type HandlingMode,
  type ItemStatus,
} from '../domain/approval-item';
import { itemClock } from '../domain/deadlines';
import type { StepKind } from '../domain/handling-step';
import type { HelperAgent } from '../domain/helper-agent';
import { isOutstanding } from '../domain/missing-item';
import type { EscalationLevel, ProblemStatus } from '../domain/problem';
import { currentStage, stageProgress, type StageProgress } from '../domain/progress';
import type { KeyProject } from '../domain/project';
import { stages, type DepartmentLevel, type Stage } from '../domain/stages';
import {
  dueMark,
  landToPermit,
  type DueMark,
  type LandToPermit,
  type SheetClock,
  type SheetRecords,
} from './sheet-common';

/**
 * 项目审批进度表: one project's progress on paper, for a coordination meeting. The data only — the
 * renderer words and lays it out (renderer/features/printing/).
 */

/** Where an approval item's clock stands on the day of printing. */
export type ItemTime =
  /** Not accepted yet, no time limit, or returned / not required. */
  | { kind: 'none' }
  | { kind: 'running'; due: DueMark }
  | { kind: 'paused'; since: string; daysUsed: number }
  /** 办结 / 不予许可: whether the decision came within the limit (null: no limit to hold it to). */
  | { kind: 'finished'; completedOn: string | null; dueDate: string | null; late: boolean | null };

export type ItemRow = {
  id: string;
  stage: Stage;
  name: string;
  department: string;
  departmentLevel: DepartmentLevel;
  handlingMode: HandlingMode;
  status: ItemStatus;
  acceptedOn: string | null;
  time: ItemTime;
  certificateNo: string;
};

export type MissingRow = {
  id: string;
  material: string;
  itemName: string;
  supplier: string;
  promised: DueMark;
};

export type CommitmentRow = {
  itemId: string;
  itemName: string;
  department: string;
  /** Approval date of the item on commitment, when recorded. */
  approvedOn: string | null;
  /** null: no verification date set yet (it still awaits verification). */
  due: DueMark | null;
};

export type ProblemRow = {
  id: string;
  title: string;
  responsibleDepartment: string;
  raisedOn: string;
  escalation: EscalationLevel;
  status: ProblemStatus;
  /** Working days since it was raised. */
  openWorkingDays: number;
};

export type StepRow = {
  id: string;
  on: string;
  by: string;
  kind: StepKind;
  summary: string;
  itemName: string | null;
  nextAction: string;
  nextActionDueOn: string | null;
  nextActionDone: boolean;
};

export type ProjectSheet = {
  project: KeyProject;
  /** The project's helper-agents that are on the team's list, in the project's order. */
  helperAgents: Pick<HelperAgent, 'name' | 'unit' | 'phone'>[];
  progress: StageProgress[];
  /** The first stage with unfinished items; null when all are done (or there are none). */
  currentStage: Stage | null;
  landToPermit: LandToPermit;
  /** In stage order, then in the project's own order. */
  items: ItemRow[];
  /** Missing items still owed (待补齐), earliest promised date first. */
  missingItems: MissingRow[];
  /** Items approved on commitment (告知承诺) whose verification is still pending. */
  commitments: CommitmentRow[];
  /** Unresolved problems, oldest first. */
  problems: ProblemRow[];
  /** The latest handling steps, newest first. */
  steps: StepRow[];
  /** Steps older than those shown. */
  olderSteps: number;
  /** Deadlines on the sheet per tier (items, missing items, commitment checks). */
  tierCounts: Record<DeadlineTier, number>;
};

export type ProjectSheetInput = SheetClock & {
  project: KeyProject;
  records: SheetRecords;
  helperAgents: readonly HelperAgent[];
  /** How many of the latest handling steps to print. */
  latestSteps?: number;
};

export const defaultLatestSteps = 10;

const stageOrder = new Map<Stage, number>(stages.map((stage, index) => [stage, index]));

function itemTime(item: ApprovalItem, clock: SheetClock): ItemTime {
  if (clockStatuses.includes(item.status)) {
    const time = itemClock(item, clock.calendar);
    if (time.status === 'running') {
      return { kind: 'running', due: dueMark(clock, time.dueDate, time.estimatedYears) };
    }
    if (time.status === 'paused') {
      return { kind: 'paused', since: time.pausedSince, daysUsed: time.daysUsed };
    }
    return { kind: 'none' };
  }
  if (item.status === 'approved' || item.status === 'refused') {
    const time = itemClock(item, clock.calendar);
    // A pause never closed leaves no due date to hold the decision to.
    const dueDate = time.status === 'running' ? time.dueDate : null;
    return {
      kind: 'finished',
      completedOn: item.completedOn,
      dueDate,
      late: dueDate && item.completedOn ? item.completedOn > dueDate : null,
    };
  }
  return { kind: 'none' };
}

function awaitsVerification(item: ApprovalItem): boolean {
  if (item.handlingMode !== 'onCommitment') return false;
  const check = item.commitmentCheck;
  // Approved on commitment with no check recorded yet: the verification is still owed.
  return check === null ? item.status === 'approved' : check.result === 'pending';
}

export function assembleProjectSheet(input: ProjectSheetInput): ProjectSheet {
  const { project, records } = input;
  const clock: SheetClock = input;
  const items = records.approvalItems
    .filter((item) => item.projectId === project.id)
    .sort(
      (a, b) =>
        (stageOrder.get(a.stage) ?? 0) - (stageOrder.get(b.stage) ?? 0) ||
        a.sortOrder - b.sortOrder,
    );
  const itemNames = new Map(items.map((item) => [item.id, item.name]));

  const itemRows: ItemRow[] = items.map((item) => ({
    id: item.id,
    stage: item.stage,
    name: item.name,
    department: item.department,
    departmentLevel: item.departmentLevel,
    handlingMode: item.handlingMode,
    status: item.status,
    acceptedOn: item.acceptedOn,
    time: itemTime(item, clock),
    certificateNo: item.certificateNo,
  }));

  const missingItems: MissingRow[] = records.missingItems
    .filter((missing) => missing.projectId === project.id && isOutstanding(missing))
    .filter((missing) => itemNames.has(missing.approvalItemId))
    .sort((a, b) => a.promisedOn.localeCompare(b.promisedOn))
    .map((missing) => ({
      id: missing.id,
      material: missing.material,
      itemName: itemNames.get(missing.approvalItemId) ?? '',
      supplier: missing.supplier,
      promised: dueMark(clock, missing.promisedOn),
    }));

  const commitments: CommitmentRow[] = items.filter(awaitsVerification).map((item) => {
    const dueOn = item.commitmentCheck?.dueOn ?? null;
    return {
      itemId: item.id,
      itemName: item.name,
      department: item.department,
      approvedOn: item.completedOn,
      due: dueOn ? dueMark(clock, dueOn) : null,
    };
  });
  commitments.sort((a, b) => (a.due?.dueDate ?? '9999').localeCompare(b.due?.dueDate ?? '9999'));

  const problems: ProblemRow[] = records.problems
    .filter((problem) => problem.projectId === project.id && problem.status !== 'resolved')
    .sort((a, b) => a.raisedOn.localeCompare(b.raisedOn))
    .map((problem) => ({
      id: problem.id,
      title: problem.title,
      responsibleDepartment: problem.responsibleDepartment,
      raisedOn: problem.raisedOn,
      escalation: problem.escalation,
      status: problem.status,
      openWorkingDays: workingDaysBetween(clock.calendar, problem.raisedOn, clock.today),
    }));

  const allSteps = records.handlingSteps
    .filter((step) => step.projectId === project.id)
    .sort((a, b) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt));
  const latest = Math.max(0, input.latestSteps ?? defaultLatestSteps);
  const steps: StepRow[] = allSteps.slice(0, latest).map((step) => ({
    id: step.id,
    on: step.on,
    by: step.by,
    kind: step.kind,
    summary: step.summary,
    itemName: step.approvalItemId ? (itemNames.get(step.approvalItemId) ?? null) : null,
    nextAction: step.nextAction,
    nextActionDueOn: step.nextActionDueOn,
    nextActionDone: step.nextActionDone,
  }));

  const tierCounts: Record<DeadlineTier, number> = { normal: 0, warning: 0, overdue: 0 };
  const marks = [
    ...itemRows.flatMap((row) => (row.time.kind === 'running' ? [row.time.due] : [])),
    ...missingItems.map((row) => row.promised),
    ...commitments.flatMap((row) => (row.due ? [row.due] : [])),
  ];
  for (const mark of marks) tierCounts[mark.tier] += 1;

  const agents = new Map(input.helperAgents.map((agent) => [agent.id, agent]));
  return {
    project,
    helperAgents: project.helperAgentIds.flatMap((id) => {
      const agent = agents.get(id);
      return agent ? [{ name: agent.name, unit: agent.unit, phone: agent.phone }] : [];
    }),
    progress: stageProgress(items),
    currentStage: currentStage(items),
    landToPermit: landToPermit(project, clock),
    items: itemRows,
    missingItems,
    commitments,
    problems,
    steps,
    olderSteps: allSteps.length - steps.length,
    tierCounts,
  };
}
