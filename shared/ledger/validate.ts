import { approvalItemInputSchema, type ApprovalItemInput } from '../domain/approval-item';
import { emptyProjectInput, projectInputSchema, type ProjectInput } from '../domain/project';
import type { DepartmentLevel, Stage } from '../domain/stages';
import {
  amountScaleOfHeader,
  enumLookup,
  isBlank,
  parseAmount,
  parseBoolean,
  parseDate,
  parseEnum,
  parseList,
  parseText,
  parseTimeLimit,
  type CellValue,
  type Parsed,
} from './cells';
import {
  itemColumns,
  ledgerSheets,
  projectColumns,
  type ItemColumnField,
  type LedgerColumn,
  type ProjectColumnField,
} from './columns';
import { headerKey, type ColumnMapping, type SheetTable } from './mapping';
import type { EnumLabels } from './labels';

/** Where a problem is: 第 `row` 行 (the sheet's own row number) · `column` (its header in the file). */
export type RowProblem = {
  sheet: string;
  row: number;
  column: string;
  /** An i18n key (ledger.problem.* or validation.*), with its values. */
  problem: string;
  values?: Record<string, string>;
};

/** One kind's sheet as the user mapped it. */
export type MappedSheet = { sheet: SheetTable; headerRow: number; mapping: ColumnMapping };

/** What an import checks rows against: the projects already kept, and the approval catalog. */
export type ImportContext = {
  existingProjects: readonly { id: string; name: string; code: string }[];
  catalog: readonly {
    id: string;
    name: string;
    stage: Stage;
    department: string;
    departmentLevel: DepartmentLevel;
  }[];
};

/** An approval item to create, without the project and place in it the import gives it. */
export type PlannedItem = {
  row: number;
  input: Omit<ApprovalItemInput, 'projectId' | 'sortOrder'>;
};

export type PlannedProject = {
  row: number;
  /** helperAgentIds is empty: the importer finds (or adds) the agents named in `agentNames`. */
  input: ProjectInput;
  agentNames: string[];
  /** The fields the file gives (its mapped columns): what an update of a kept project changes. */
  fields: (keyof ProjectInput)[];
  /** The kept project of the same name or code, when there is one (a duplicate). */
  existingId: string | null;
  items: PlannedItem[];
};

/** Items of the file for projects already kept that the file does not list itself. */
export type ItemsOfKeptProject = { projectId: string; projectName: string; items: PlannedItem[] };

export type LedgerPlan = {
  /** Valid rows only; problems holds the others. */
  projects: PlannedProject[];
  itemsOfKeptProjects: ItemsOfKeptProject[];
  problems: RowProblem[];
  counts: {
    projectRows: number;
    itemRows: number;
    validProjects: number;
    validItems: number;
    /** Valid project rows naming a project already kept. */
    duplicates: number;
  };
};

/** The required ledger columns a mapping leaves out (their headers); an import needs none missing. */
export function missingRequiredColumns(
  kind: 'projects' | 'approvalItems',
  mapping: ColumnMapping,
): string[] {
  const columns: readonly LedgerColumn[] = kind === 'projects' ? projectColumns : itemColumns;
  const missing = columns
    .filter((column) => column.required && mapping[column.field] === undefined)
    .map((column) => column.header);
  if (
    kind === 'approvalItems' &&
    mapping.projectName === undefined &&
    mapping.projectCode === undefined
  ) {
    missing.unshift(`${itemColumns[0].header}/${itemColumns[1].header}`);
  }
  return missing;
}

type RowReader<F extends string> = {
  has(field: F): boolean;
  /** The file column of a field, for ordering a row's problems; unmapped ones come last. */
  index(field: F): number;
  cell(field: F): CellValue;
  header(field: F): string;
};

function rowReader<F extends string>(
  mapped: MappedSheet,
  columns: readonly LedgerColumn<F>[],
  row: readonly CellValue[],
): RowReader<F> {
  const headers = mapped.sheet.rows[mapped.headerRow] ?? [];
  const ledgerHeader = new Map(columns.map((column) => [column.field as string, column.header]));
  return {
    has: (field) => mapped.mapping[field] !== undefined,
    index: (field) => mapped.mapping[field] ?? Number.MAX_SAFE_INTEGER,
    cell(field) {
      const index = mapped.mapping[field];
      return index === undefined ? null : (row[index] ?? null);
    },
    header(field) {
      const index = mapped.mapping[field];
      const inFile = index === undefined ? '' : parseText(headers[index] ?? null);
      return inFile || (ledgerHeader.get(field) ?? field);
    },
  };
}

/** The data rows of a mapped sheet with their sheet row numbers; wholly empty rows are skipped. */
function dataRows(mapped: MappedSheet): { row: number; cells: CellValue[] }[] {
  const columns = new Set(Object.values(mapped.mapping));
  return mapped.sheet.rows
    .map((cells, index) => ({ row: index + 1, cells }))
    .slice(mapped.headerRow + 1)
    .filter(({ cells }) => cells.some((cell, index) => columns.has(index) && !isBlank(cell)));
}

const lookups = new Map<EnumLabels<string>, Map<string, string>>();
function lookupOf(labels: EnumLabels<string>): Map<string, string> {
  let lookup = lookups.get(labels);
  if (!lookup) {
    lookup = enumLookup(labels);
    lookups.set(labels, lookup);
  }
  return lookup;
}

const nameKey = (text: string) => headerKey(text);

/** A row's problems left to right, as the user reads the row. */
function inColumnOrder(rowProblems: (RowProblem & { at: number })[]): RowProblem[] {
  return [...rowProblems].sort((a, b) => a.at - b.at).map(({ at: _at, ...problem }) => problem);
}

/**
 * Checks every row of the file against the domain's schemas and rules before anything is written,
 * and says what is wrong where. Pure: the importer writes the plan's valid rows.
 */
export function planLedgerImport(
  projectsSheet: MappedSheet,
  itemsSheet: MappedSheet | null,
  context: ImportContext,
): LedgerPlan {
  const problems: RowProblem[] = [];
  const keptByCode = new Map<string, { id: string; name: string }>();
  const keptByName = new Map<string, { id: string; name: string }>();
  for (const project of context.existingProjects) {
    if (project.code.trim()) keptByCode.set(nameKey(project.code), project);
    keptByName.set(nameKey(project.name), project);
  }

  // Projects
  const planned: PlannedProject[] = [];
  const fileByName = new Map<string, { row: number; project: PlannedProject | null }>();
  const fileByCode = new Map<string, { row: number; project: PlannedProject | null }>();
  const projectRows = dataRows(projectsSheet);
  for (const { row, cells } of projectRows) {
    const read = rowReader<ProjectColumnField>(projectsSheet, projectColumns, cells);
    const rowProblems: (RowProblem & { at: number })[] = [];
    const report = (field: ProjectColumnField, problem: string, values?: Record<string, string>) =>
      rowProblems.push({
        at: read.index(field),
        sheet: projectsSheet.sheet.name,
        row,
        column: read.header(field),
        problem,
        ...(values ? { values } : {}),
      });
    const take = <T>(field: ProjectColumnField, parsed: Parsed<T>): T | undefined => {
      if (parsed.ok) return parsed.value;
      report(field, parsed.problem, parsed.values);
      return undefined;
    };
    const input = emptyProjectInput();
    input.category = 'other';
    const fields: (keyof ProjectInput)[] = [];
    const agentNames: string[] = [];
    for (const column of projectColumns as readonly LedgerColumn<ProjectColumnField>[]) {
      if (!read.has(column.field)) continue;
      const cell = read.cell(column.field);
      const field = column.field === 'helperAgents' ? 'helperAgentIds' : column.field;
      fields.push(field);
      const target = input as Record<string, unknown>;
      switch (column.kind) {
        case 'text':
          target[field] = parseText(cell);
          break;
        case 'date': {
          const value = take(column.field, parseDate(cell));
          if (value !== undefined) target[field] = value;
          break;
        }
        case 'amount': {
          const value = take(
            column.field,
            parseAmount(cell, amountScaleOfHeader(read.header(column.field))),
          );
          if (value !== undefined) target[field] = value;
          break;
        }
        case 'boolean': {
          const value = take(column.field, parseBoolean(cell));
          if (value !== undefined) target[field] = value ?? false;
          break;
        }
        case 'enum': {
          const labels = column.labels as EnumLabels<string>;
          const value = take(column.field, parseEnum(cell, labels, lookupOf(labels)));
          if (value) target[field] = value;
          break;
        }
        case 'list':
          if (column.field === 'helperAgents') agentNames.push(...parseList(cell));
          else {
            const labels = column.labels as EnumLabels<string>;
            const stagesGiven: string[] = [];
            for (const part of parseList(cell)) {
              const value = take(column.field, parseEnum(part, labels, lookupOf(labels)));
              if (value) stagesGiven.push(value);
            }
            target[field] = stagesGiven;
          }
          break;
        case 'days':
          break;
      }
    }
    const parsed = projectInputSchema.safeParse(input);
    if (!parsed.success) {
      const reported = new Set(rowProblems.map((problem) => problem.column));
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'name');
        const column = (field === 'helperAgentIds' ? 'helperAgents' : field) as ProjectColumnField;
        if (reported.has(read.header(column))) continue;
        report(column, issue.message);
      }
    }
    const name = parseText(read.cell('name'));
    const code = read.has('code') ? parseText(read.cell('code')) : '';
    const sameName = name ? fileByName.get(nameKey(name)) : undefined;
    const sameCode = code ? fileByCode.get(nameKey(code)) : undefined;
    if (sameName) report('name', 'ledger.problem.duplicateInFile', { row: String(sameName.row) });
    else if (sameCode) {
      report('code', 'ledger.problem.duplicateInFile', { row: String(sameCode.row) });
    }
    let project: PlannedProject | null = null;
    if (rowProblems.length === 0 && parsed.success) {
      const kept =
        (code ? keptByCode.get(nameKey(code)) : undefined) ?? keptByName.get(nameKey(name));
      project = {
        row,
        input: parsed.data,
        agentNames: [...new Set(agentNames)],
        fields,
        existingId: kept?.id ?? null,
        items: [],
      };
      planned.push(project);
    }
    problems.push(...inColumnOrder(rowProblems));
    if (name && !sameName) fileByName.set(nameKey(name), { row, project });
    if (code && !sameCode) fileByCode.set(nameKey(code), { row, project });
  }

  // Approval items
  const itemsOfKept = new Map<string, ItemsOfKeptProject>();
  let itemRowCount = 0;
  let validItems = 0;
  const catalogByName = new Map(context.catalog.map((entry) => [nameKey(entry.name), entry]));
  if (itemsSheet) {
    const itemRows = dataRows(itemsSheet);
    itemRowCount = itemRows.length;
    for (const { row, cells } of itemRows) {
      const read = rowReader<ItemColumnField>(itemsSheet, itemColumns, cells);
      const rowProblems: (RowProblem & { at: number })[] = [];
      const report = (field: ItemColumnField, problem: string, values?: Record<string, string>) =>
        rowProblems.push({
          at: read.index(field),
          sheet: itemsSheet.sheet.name,
          row,
          column: read.header(field),
          problem,
          ...(values ? { values } : {}),
        });
      const take = <T>(field: ItemColumnField, parsed: Parsed<T>): T | undefined => {
        if (parsed.ok) return parsed.value;
        report(field, parsed.problem, parsed.values);
        return undefined;
      };
      const enumOf = <T extends string>(field: ItemColumnField, labels: EnumLabels<T>) =>
        take(
          field,
          parseEnum(
            read.cell(field),
            labels as EnumLabels<string>,
            lookupOf(labels as EnumLabels<string>),
          ),
        ) as T | null | undefined;

      // Its project: in the file, or kept already.
      const projectName = parseText(read.cell('projectName'));
      const projectCode = parseText(read.cell('projectCode'));
      const inFile =
        (projectCode ? fileByCode.get(nameKey(projectCode)) : undefined) ??
        (projectName ? fileByName.get(nameKey(projectName)) : undefined);
      const kept = inFile
        ? undefined
        : ((projectCode ? keptByCode.get(nameKey(projectCode)) : undefined) ??
          (projectName ? keptByName.get(nameKey(projectName)) : undefined));
      const projectField: ItemColumnField =
        projectCode && !projectName ? 'projectCode' : 'projectName';
      if (!inFile && !kept) {
        report(
          projectField,
          projectName || projectCode
            ? 'ledger.problem.projectNotFound'
            : 'ledger.problem.projectMissing',
          { text: projectName || projectCode },
        );
      } else if (inFile && !inFile.project) {
        report(projectField, 'ledger.problem.projectRowInvalid', { row: String(inFile.row) });
      }

      const name = parseText(read.cell('name'));
      const stageGiven = enumOf('stage', ledgerSheets.approvalItems.columns[2].labels);
      const entry = catalogByName.get(nameKey(name));
      const stage = stageGiven ?? (stageGiven === null ? entry?.stage : undefined);
      if (stageGiven === null && !entry) report('stage', 'validation.required');
      const departmentGiven = parseText(read.cell('department'));
      const levelGiven = enumOf('departmentLevel', ledgerSheets.approvalItems.columns[5].labels);
      const handlingMode = enumOf('handlingMode', ledgerSheets.approvalItems.columns[6].labels);
      const status = enumOf('status', ledgerSheets.approvalItems.columns[7].labels);
      const submittedOn = take('submittedOn', parseDate(read.cell('submittedOn')));
      const acceptedOn = take('acceptedOn', parseDate(read.cell('acceptedOn')));
      const completedOn = take('completedOn', parseDate(read.cell('completedOn')));
      const limit = take('timeLimitDays', parseTimeLimit(read.cell('timeLimitDays')));
      const unit = enumOf('timeLimitUnit', ledgerSheets.approvalItems.columns[12].labels);

      if (rowProblems.length === 0 && stage) {
        const input = {
          catalogItemId: entry && entry.stage === stage ? entry.id : null,
          stage,
          name,
          department: departmentGiven || (entry?.department ?? ''),
          departmentLevel: levelGiven ?? entry?.departmentLevel ?? 'district',
          handlingMode: handlingMode ?? 'regular',
          status: status ?? 'notStarted',
          pausedIntervals: [],
          submittedOn: submittedOn ?? null,
          acceptedOn: acceptedOn ?? null,
          completedOn: completedOn ?? null,
          timeLimit: limit ? { days: limit.days, unit: limit.unit ?? unit ?? 'working' } : null,
          certificateNo: parseText(read.cell('certificateNo')),
          commitmentCheck: null,
          notes: parseText(read.cell('notes')),
        } satisfies PlannedItem['input'];
        const parsed = approvalItemInputSchema.safeParse({
          ...input,
          projectId: '00000000-0000-4000-8000-000000000000',
          sortOrder: 0,
        });
        if (parsed.success) {
          const { projectId: _projectId, sortOrder: _sortOrder, ...fields } = parsed.data;
          const item = { row, input: fields };
          validItems += 1;
          if (inFile?.project) inFile.project.items.push(item);
          else if (kept) {
            const group = itemsOfKept.get(kept.id) ?? {
              projectId: kept.id,
              projectName: kept.name,
              items: [],
            };
            group.items.push(item);
            itemsOfKept.set(kept.id, group);
          }
        } else {
          const seen = new Set<string>();
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? 'name');
            const column = (
              field === 'timeLimit'
                ? 'timeLimitDays'
                : field === 'pausedIntervals'
                  ? 'acceptedOn'
                  : field
            ) as ItemColumnField;
            const key = `${column}:${issue.message}`;
            if (seen.has(key)) continue;
            seen.add(key);
            report(column, issue.message);
          }
        }
      }
      problems.push(...inColumnOrder(rowProblems));
    }
  }

  return {
    projects: planned,
    itemsOfKeptProjects: [...itemsOfKept.values()],
    problems,
    counts: {
      projectRows: projectRows.length,
      itemRows: itemRowCount,
      validProjects: planned.length,
      validItems,
      duplicates: planned.filter((project) => project.existingId !== null).length,
    },
  };
}
