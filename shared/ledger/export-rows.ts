import type { ApprovalItem } from '../domain/approval-item';
import type { HandlingStep } from '../domain/handling-step';
import type { MissingItem } from '../domain/missing-item';
import type { KeyProject } from '../domain/project';
import { stages } from '../domain/stages';
import { cellOfIsoDate, displayWidth, type CellValue } from './cells';
import { ledgerSheets, type LedgerColumn, type LedgerSheetKind } from './columns';
import { stageLabels, timeLimitUnitLabels, yesNo, type EnumLabels } from './labels';

export type LedgerRecords = {
  projects: readonly KeyProject[];
  approvalItems: readonly ApprovalItem[];
  missingItems: readonly MissingItem[];
  handlingSteps: readonly HandlingStep[];
  /** Helper-agents' names by id. */
  agentNames: ReadonlyMap<string, string>;
};

/** One sheet of the ledger as cells: headers, then a row per record. */
export type LedgerSheet = {
  kind: LedgerSheetKind;
  name: string;
  headers: string[];
  kinds: LedgerColumn['kind'][];
  rows: CellValue[][];
};

const date = (iso: string | null): CellValue => (iso ? cellOfIsoDate(iso) : null);
const label = (labels: EnumLabels<string>, value: string): string => labels.labels[value] ?? value;
const yes = (value: boolean) => (value ? yesNo.yes : yesNo.no);

/**
 * The whole ledger as rows of cells, one sheet per kind: projects by name, each project's items by
 * stage and order, every item row naming its project (项目名称, 项目代码). Dates are dates, amounts
 * numbers in 万元, enumerations their Chinese labels.
 */
export function ledgerSheetsOf(records: LedgerRecords): LedgerSheet[] {
  const projects = [...records.projects].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const projectOrder = new Map(projects.map((project, index) => [project.id, index]));
  const projectById = new Map(projects.map((project) => [project.id, project]));
  const itemById = new Map(records.approvalItems.map((item) => [item.id, item]));
  const byProject = <T extends { projectId: string }>(rows: readonly T[]) =>
    rows.filter((row) => projectById.has(row.projectId));

  const result: LedgerSheet[] = [];
  const start = (kind: LedgerSheetKind) => {
    const columns: readonly LedgerColumn[] = ledgerSheets[kind].columns;
    const sheet: LedgerSheet = {
      kind,
      name: ledgerSheets[kind].name,
      headers: columns.map((column) => column.header),
      kinds: columns.map((column) => column.kind),
      rows: [],
    };
    result.push(sheet);
    // An empty text is no cell at all: a smaller file, written faster, read back the same.
    return (fields: Record<string, CellValue>) =>
      sheet.rows.push(
        columns.map((column) => {
          const value = fields[column.field] ?? null;
          return value === '' ? null : value;
        }),
      );
  };

  const labelsByColumn = new Map(
    Object.entries(ledgerSheets).flatMap(([kind, sheet]) =>
      (sheet.columns as readonly LedgerColumn[]).map((column) => [
        `${kind}.${column.field}`,
        column.labels as EnumLabels<string>,
      ]),
    ),
  );
  const columnLabels = (kind: LedgerSheetKind, field: string) =>
    labelsByColumn.get(`${kind}.${field}`) as EnumLabels<string>;

  const addProject = start('projects');
  for (const project of projects) {
    addProject({
      name: project.name,
      code: project.code,
      ownerCompany: project.ownerCompany,
      ownerContact: project.ownerContact,
      ownerPhone: project.ownerPhone,
      category: label(columnLabels('projects', 'category'), project.category),
      level: label(columnLabels('projects', 'level'), project.level),
      totalInvestment: project.totalInvestment,
      site: project.site,
      landStatus: label(columnLabels('projects', 'landStatus'), project.landStatus),
      landDealOn: date(project.landDealOn),
      landDeliveredOn: date(project.landDeliveredOn),
      constructionPermitOn: date(project.constructionPermitOn),
      worksStartOn: date(project.worksStartOn),
      completedOn: date(project.completedOn),
      startOnLandDeal: yes(project.startOnLandDeal),
      landWithDesign: yes(project.landWithDesign),
      helperAgents: project.helperAgentIds
        .map((id) => records.agentNames.get(id))
        .filter((name) => name !== undefined)
        .join('、'),
      leaderInCharge: project.leaderInCharge,
      attorneySignedOn: date(project.attorneySignedOn),
      attorneyStages: project.attorneyStages.map((stage) => label(stageLabels, stage)).join('、'),
      status: label(columnLabels('projects', 'status'), project.status),
      notes: project.notes,
    });
  }

  const owner = (projectId: string) => {
    const project = projectById.get(projectId);
    return { projectName: project?.name ?? '', projectCode: project?.code ?? '' };
  };
  const stageOrder = new Map(stages.map((stage, index) => [stage, index]));
  const items = byProject(records.approvalItems).sort(
    (a, b) =>
      (projectOrder.get(a.projectId) ?? 0) - (projectOrder.get(b.projectId) ?? 0) ||
      (stageOrder.get(a.stage) ?? 0) - (stageOrder.get(b.stage) ?? 0) ||
      a.sortOrder - b.sortOrder,
  );
  const addItem = start('approvalItems');
  for (const item of items) {
    addItem({
      ...owner(item.projectId),
      stage: label(stageLabels, item.stage),
      name: item.name,
      department: item.department,
      departmentLevel: label(
        columnLabels('approvalItems', 'departmentLevel'),
        item.departmentLevel,
      ),
      handlingMode: label(columnLabels('approvalItems', 'handlingMode'), item.handlingMode),
      status: label(columnLabels('approvalItems', 'status'), item.status),
      submittedOn: date(item.submittedOn),
      acceptedOn: date(item.acceptedOn),
      completedOn: date(item.completedOn),
      timeLimitDays: item.timeLimit?.days ?? null,
      timeLimitUnit: item.timeLimit ? label(timeLimitUnitLabels, item.timeLimit.unit) : null,
      certificateNo: item.certificateNo,
      notes: item.notes,
    });
  }

  const byProjectThenDate = <T extends { projectId: string }>(
    rows: readonly T[],
    day: (row: T) => string,
  ) =>
    byProject(rows).sort(
      (a, b) =>
        (projectOrder.get(a.projectId) ?? 0) - (projectOrder.get(b.projectId) ?? 0) ||
        // Plain comparison: yyyy-MM-dd sorts as text, and localeCompare is slow on 80,000 rows.
        (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0),
    );
  const addMissing = start('missingItems');
  for (const missing of byProjectThenDate(records.missingItems, (row) => row.promisedOn)) {
    addMissing({
      ...owner(missing.projectId),
      itemName: itemById.get(missing.approvalItemId)?.name ?? '',
      material: missing.material,
      supplier: missing.supplier,
      promisedOn: date(missing.promisedOn),
      status: label(columnLabels('missingItems', 'status'), missing.status),
      suppliedOn: date(missing.suppliedOn),
      notes: missing.notes,
    });
  }
  const addStep = start('handlingSteps');
  for (const step of byProjectThenDate(records.handlingSteps, (row) => row.on)) {
    addStep({
      ...owner(step.projectId),
      itemName: step.approvalItemId ? (itemById.get(step.approvalItemId)?.name ?? '') : '',
      on: date(step.on),
      by: step.by,
      kind: label(columnLabels('handlingSteps', 'kind'), step.kind),
      summary: step.summary,
      nextAction: step.nextAction,
      nextActionDueOn: date(step.nextActionDueOn),
      nextActionDone: step.nextAction ? yes(step.nextActionDone) : null,
    });
  }
  return result;
}

/** How a cell shows, for measuring: dates as yyyy-MM-dd, amounts with two decimals. */
function shownText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return '0000-00-00';
  if (typeof value === 'number') return value.toFixed(2);
  return String(value);
}

/**
 * Column widths (in characters) that fit the header and the content: CJK characters count
 * double; a line break's longest line counts; very long text is capped and wraps instead.
 */
export function columnWidths(sheet: Pick<LedgerSheet, 'headers' | 'rows'>, max = 50): number[] {
  return sheet.headers.map((header, index) => {
    let widest = displayWidth(header);
    for (const row of sheet.rows) {
      const text = shownText(row[index] ?? null);
      if (text.length === 0 || text.length * 2 <= widest) continue;
      for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
      if (widest >= max) break;
    }
    return Math.min(Math.max(widest, 6), max) + 2;
  });
}
