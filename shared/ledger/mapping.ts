import { isBlank, parseText, type CellValue } from './cells';
import { ledgerSheets, type ImportedKind, type LedgerColumn } from './columns';

/** A sheet as read from a file: rows of cells, row 0 being the sheet's row 1. */
export type SheetTable = { name: string; rows: CellValue[][] };

/** Which of the file's columns (0-based index) holds each ledger field; absent when none. */
export type ColumnMapping = Partial<Record<string, number>>;

/** Header text reduced for comparing: no spaces or marks, one kind of parentheses, lower case. */
export function headerKey(header: string): string {
  return header
    .replace(/[\s*＊:：_]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

/** The header without a unit in parentheses: 投资额(万元) → 投资额. */
const withoutUnit = (key: string) => key.replace(/\([^)]*\)/g, '');

/** How well a file's header names a column: 3 the same words, 2 the same but a unit, 1 inside. */
function score(header: string, column: LedgerColumn): number {
  const key = headerKey(header);
  if (key === '') return 0;
  const names = [column.header, ...column.synonyms].map(headerKey);
  if (names.includes(key)) return 3;
  const bare = withoutUnit(key);
  if (bare !== '' && names.some((name) => withoutUnit(name) === bare)) return 2;
  if (
    bare.length >= 3 &&
    names.some((name) => name.length >= 3 && bare.includes(withoutUnit(name)))
  ) {
    return 1;
  }
  return 0;
}

/**
 * Each ledger column to the file column whose header names it best, each file column used once:
 * the surest matches are taken first, so 土地状态 keeps its column before 状态 looks for one.
 */
export function guessMapping(
  headers: readonly string[],
  columns: readonly LedgerColumn[],
): ColumnMapping {
  const candidates: { field: string; index: number; score: number; order: number }[] = [];
  columns.forEach((column, order) => {
    headers.forEach((header, index) => {
      const value = score(header, column);
      if (value > 0) candidates.push({ field: column.field, index, score: value, order });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order || a.index - b.index);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const candidate of candidates) {
    if (mapping[candidate.field] !== undefined || used.has(candidate.index)) continue;
    mapping[candidate.field] = candidate.index;
    used.add(candidate.index);
  }
  return mapping;
}

/**
 * The header row: teams' ledgers often start with a title row (某区2026年重点项目台账) or two. The
 * first of the first ten rows that names most ledger columns; the first non-empty row if none does.
 */
export function findHeaderRow(
  rows: readonly CellValue[][],
  columns: readonly LedgerColumn[],
): number {
  let best = -1;
  let bestCount = 0;
  for (const [index, row] of rows.slice(0, 10).entries()) {
    const count = Object.keys(guessMapping(row.map(parseText), columns)).length;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  }
  if (best >= 0 && bestCount >= 2) return best;
  const firstFilled = rows.findIndex((row) => row.some((cell) => !isBlank(cell)));
  return Math.max(firstFilled, 0);
}

export function headersOf(sheet: SheetTable, headerRow: number): string[] {
  return (sheet.rows[headerRow] ?? []).map(parseText);
}

/**
 * Which sheet holds which kind: by the export's sheet names first, then by name (…事项… for
 * items), then by the headers (a sheet naming 事项名称 holds items). A single sheet holds projects.
 */
export function guessSheets(sheets: readonly SheetTable[]): Record<ImportedKind, number | null> {
  const named = (name: string) => sheets.findIndex((sheet) => sheet.name.trim() === name);
  let projects = named(ledgerSheets.projects.name);
  let items = named(ledgerSheets.approvalItems.name);
  if (items < 0) items = sheets.findIndex((sheet) => sheet.name.includes('事项'));
  if (items < 0) {
    items = sheets.findIndex((sheet) => {
      const headerRow = findHeaderRow(sheet.rows, ledgerSheets.approvalItems.columns);
      return (
        guessMapping(headersOf(sheet, headerRow), ledgerSheets.approvalItems.columns).name !==
        undefined
      );
    });
  }
  if (projects < 0) {
    projects = sheets.findIndex(
      (sheet, index) =>
        index !== items && (sheet.name.includes('项目') || sheet.name.includes('台账')),
    );
  }
  if (projects < 0) projects = sheets.findIndex((_sheet, index) => index !== items);
  return { projects: projects < 0 ? null : projects, approvalItems: items < 0 ? null : items };
}
