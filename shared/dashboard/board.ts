import { clockStatuses, type ApprovalItem } from '../domain/approval-item';
import { itemClock } from '../domain/deadlines';
import type { HelperAgent } from '../domain/helper-agent';
import { projectLevels, type KeyProject, type ProjectLevel } from '../domain/project';
import { departmentLevels, stages, type DepartmentLevel, type Stage } from '../domain/stages';
import { type SheetClock, type SheetRecords } from '../reports/sheet-common';
import { assembleSummarySheet, type OverdueItemRow } from '../reports/summary-sheet';

/**
 * 看板: the team's picture for leaders. Counts and overdue lists come from the weekly summary
 * sheet (shared/reports/summary-sheet.ts), so the board and the printed sheet never disagree; this
 * adds the groupings the charts need and, for every bar, the records behind it.
 */

/**
 * 拿地即开工: the permits are issued together within 1–4 working days after the land deal's
 * publicity period (docs: domain.md): 4 working days from land to construction permit.
 */
export const startOnLandDealTargetWorkingDays = 4;

/** One record behind a bar or a count, with what the list under it shows. */
export type BoardEntry = {
  /** Unique within its list. */
  key: string;
  table: 'projects' | 'approvalItems';
  id: string;
  projectId: string;
  projectName: string;
  /** The project's name again for a project; the item's name for an item. */
  title: string;
  department: string;
  /** Working days: over the due date (an overdue item), from land to permit (a project)… */
  workingDays: number | null;
  dueDate: string | null;
};

/** Where a project stands: its current stage, all items done, or no items yet. */
export type StagePosition = Stage | 'allDone' | 'noItems';
export const stagePositions: readonly StagePosition[] = [...stages, 'allDone', 'noItems'];

export type StageRow = {
  position: StagePosition;
  byLevel: Record<ProjectLevel, number>;
  total: number;
  /** Approval items of the stage whose clock is 预警 / 逾期 (0 for allDone, noItems). */
  warningItems: number;
  overdueItems: number;
  projects: BoardEntry[];
};

export type OnTimeRow = {
  department: string;
  onTime: number;
  late: number;
  /** onTime / (onTime + late), 0…1. */
  rate: number;
  /** The late ones first, then those on time. */
  entries: BoardEntry[];
};

export type LandToPermitRow = {
  projectId: string;
  projectName: string;
  startOnLandDeal: boolean;
  /** The permit is issued (done), or the count runs on to today (running). */
  status: 'done' | 'running';
  workingDays: number;
  /** 拿地即开工 projects only: more working days than the target. */
  overTarget: boolean;
};

export type GroupRow<K extends string> = { key: K; count: number; entries: BoardEntry[] };

export type WorkloadRow = {
  helperAgentId: string;
  name: string;
  /** Projects still in hand (在办 / 暂停) naming the agent. */
  projects: number;
  overdueItems: number;
  warningItems: number;
  entries: BoardEntry[];
};

export type Board = {
  projectCount: number;
  byLevel: Record<ProjectLevel, number>;
  stages: StageRow[];
  onTime: OnTimeRow[];
  /** Longest first. */
  landToPermit: LandToPermitRow[];
  /** Most first; the department left blank last. */
  overdueByDepartment: GroupRow<string>[];
  overdueByLevel: GroupRow<DepartmentLevel>[];
  /** Most projects first. */
  workload: WorkloadRow[];
};

export type BoardInput = SheetClock & {
  projects: readonly KeyProject[];
  records: SheetRecords;
  helperAgents: readonly HelperAgent[];
};

const collator = new Intl.Collator('zh-CN');

const zeroByLevel = (): Record<ProjectLevel, number> =>
  Object.fromEntries(projectLevels.map((level) => [level, 0])) as Record<ProjectLevel, number>;

function projectEntry(project: Pick<KeyProject, 'id' | 'name'>): BoardEntry {
  return {
    key: project.id,
    table: 'projects',
    id: project.id,
    projectId: project.id,
    projectName: project.name,
    title: project.name,
    department: '',
    workingDays: null,
    dueDate: null,
  };
}

function overdueEntry(row: OverdueItemRow): BoardEntry {
  return {
    key: row.itemId,
    table: 'approvalItems',
    id: row.itemId,
    projectId: row.projectId,
    projectName: row.projectName,
    title: row.itemName,
    department: row.department,
    workingDays: row.due.workingDays,
    dueDate: row.due.dueDate,
  };
}

/**
 * 办结及时率 of one item: on time when decided (办结 / 不予许可) on or before its due date; late
 * when decided after it, or still open past it. null when it does not count: no limit, not
 * accepted, still within its time, or paused.
 */
export function itemTimeliness(
  item: ApprovalItem,
  clock: Pick<SheetClock, 'calendar' | 'today'>,
): { onTime: boolean; dueDate: string } | null {
  const decided = item.status === 'approved' || item.status === 'refused';
  if (!decided && !clockStatuses.includes(item.status)) return null;
  const time = itemClock(item, clock.calendar);
  if (time.status !== 'running') return null;
  if (decided) {
    if (!item.completedOn) return null;
    return { onTime: item.completedOn <= time.dueDate, dueDate: time.dueDate };
  }
  return clock.today > time.dueDate ? { onTime: false, dueDate: time.dueDate } : null;
}

function grouped<K extends string>(
  rows: readonly OverdueItemRow[],
  keyOf: (row: OverdueItemRow) => K,
): Map<K, BoardEntry[]> {
  const groups = new Map<K, BoardEntry[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key) ?? [];
    if (list.length === 0) groups.set(key, list);
    list.push(overdueEntry(row));
  }
  return groups;
}

export function assembleBoard(input: BoardInput): Board {
  const sheet = assembleSummarySheet({
    ...input,
    records: { ...input.records, handlingSteps: [] },
  });
  const projects = new Map(input.projects.map((project) => [project.id, project]));

  // Stage × level: the sheet's project rows carry where each project stands.
  const stageRows = new Map<StagePosition, StageRow>(
    stagePositions.map((position) => {
      const counts = sheet.stages.find((row) => row.stage === position);
      return [
        position,
        {
          position,
          byLevel: zeroByLevel(),
          total: 0,
          warningItems: counts?.warning ?? 0,
          overdueItems: counts?.overdue ?? 0,
          projects: [],
        },
      ];
    }),
  );
  for (const row of sheet.projects) {
    const position: StagePosition = row.currentStage ?? (row.total > 0 ? 'allDone' : 'noItems');
    const stageRow = stageRows.get(position);
    if (!stageRow) continue;
    stageRow.byLevel[row.level] += 1;
    stageRow.total += 1;
    stageRow.projects.push(projectEntry({ id: row.projectId, name: row.name }));
  }

  // 办结及时率 per department, over the items of the projects in scope.
  const departments = new Map<string, { onTime: BoardEntry[]; late: BoardEntry[] }>();
  for (const item of input.records.approvalItems) {
    const project = projects.get(item.projectId);
    if (!project) continue;
    const timeliness = itemTimeliness(item, input);
    if (!timeliness) continue;
    const department = item.department.trim();
    const group = departments.get(department) ?? { onTime: [], late: [] };
    if (group.onTime.length + group.late.length === 0) departments.set(department, group);
    (timeliness.onTime ? group.onTime : group.late).push({
      key: item.id,
      table: 'approvalItems',
      id: item.id,
      projectId: project.id,
      projectName: project.name,
      title: item.name,
      department,
      workingDays: null,
      dueDate: timeliness.dueDate,
    });
  }
  const onTime: OnTimeRow[] = [...departments]
    .map(([department, group]) => ({
      department,
      onTime: group.onTime.length,
      late: group.late.length,
      rate: group.onTime.length / (group.onTime.length + group.late.length),
      entries: [...group.late, ...group.onTime],
    }))
    .sort(
      (a, b) =>
        a.rate - b.rate ||
        b.onTime + b.late - (a.onTime + a.late) ||
        collator.compare(a.department, b.department),
    );

  const landToPermit: LandToPermitRow[] = sheet.projects
    .flatMap((row) => {
      const span = row.landToPermit;
      if (span.status !== 'done' && span.status !== 'running') return [];
      const startOnLandDeal = projects.get(row.projectId)?.startOnLandDeal ?? false;
      return [
        {
          projectId: row.projectId,
          projectName: row.name,
          startOnLandDeal,
          status: span.status,
          workingDays: span.workingDays,
          overTarget: startOnLandDeal && span.workingDays > startOnLandDealTargetWorkingDays,
        },
      ];
    })
    .sort(
      (a, b) => b.workingDays - a.workingDays || collator.compare(a.projectName, b.projectName),
    );

  const byDepartment = grouped(sheet.overdueItems, (row) => row.department.trim());
  const overdueByDepartment = [...byDepartment]
    .map(([key, entries]) => ({ key, count: entries.length, entries }))
    .sort(
      (a, b) =>
        Number(a.key === '') - Number(b.key === '') ||
        b.count - a.count ||
        collator.compare(a.key, b.key),
    );
  const byLevel = grouped(sheet.overdueItems, (row) => row.departmentLevel);
  const overdueByLevel = departmentLevels.map((key) => {
    const entries = byLevel.get(key) ?? [];
    return { key, count: entries.length, entries };
  });

  const workload: WorkloadRow[] = input.helperAgents
    .map((agent) => {
      const held = sheet.projects.filter(
        (row) =>
          (row.status === 'active' || row.status === 'suspended') &&
          (projects.get(row.projectId)?.helperAgentIds.includes(agent.id) ?? false),
      );
      return {
        helperAgentId: agent.id,
        name: agent.name,
        projects: held.length,
        overdueItems: held.reduce((sum, row) => sum + row.overdueItems, 0),
        warningItems: held.reduce((sum, row) => sum + row.warningItems, 0),
        entries: held.map((row) => projectEntry({ id: row.projectId, name: row.name })),
      };
    })
    .filter((row) => row.projects > 0)
    .sort(
      (a, b) =>
        b.projects - a.projects ||
        b.overdueItems - a.overdueItems ||
        collator.compare(a.name, b.name),
    );

  return {
    projectCount: sheet.projectCount,
    byLevel: sheet.byLevel,
    stages: [...stageRows.values()],
    onTime,
    landToPermit,
    overdueByDepartment,
    overdueByLevel,
    workload,
  };
}
