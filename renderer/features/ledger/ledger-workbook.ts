import type * as ExcelJs from 'exceljs';
import type { Workbook } from 'exceljs';
import { plainCell, type CellValue } from '../../../shared/ledger/cells';
import type { ColumnKind } from '../../../shared/ledger/columns';
import { columnWidths, type LedgerSheet } from '../../../shared/ledger/export-rows';
import type { SheetTable } from '../../../shared/ledger/mapping';

type ExcelModule = typeof ExcelJs;

let loading: Promise<ExcelModule> | null = null;

/**
 * exceljs is large (about 1 MB minified): it is loaded on the first export or import, in its own
 * chunk, never with a screen. Its package's `browser` build is the one Vite bundles.
 */
export function loadExcel(): Promise<ExcelModule> {
  loading ??= import('exceljs').then(
    (module) => (module as ExcelModule & { default?: ExcelModule }).default ?? module,
  );
  return loading;
}

const formats: Partial<Record<ColumnKind, string>> = {
  date: 'yyyy-mm-dd',
  amount: '#,##0.00',
};

/**
 * The ledger as an .xlsx: one sheet per kind, a bold frozen header row with filters, dates as date
 * cells, amounts as numbers, columns as wide as their content.
 */
export async function ledgerWorkbookBytes(
  sheets: readonly Pick<LedgerSheet, 'name' | 'headers' | 'kinds' | 'rows'>[],
): Promise<Uint8Array<ArrayBuffer>> {
  const Excel = await loadExcel();
  const workbook: Workbook = new Excel.Workbook();
  workbook.creator = '帮代通';
  workbook.created = new Date();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const widths = columnWidths(sheet);
    worksheet.columns = sheet.headers.map((header, index) => {
      const numFmt = formats[sheet.kinds[index] ?? 'text'];
      return {
        header,
        key: String(index),
        width: widths[index] ?? 10,
        ...(numFmt ? { style: { numFmt } } : {}),
      };
    });
    const header = worksheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    });
    if (sheet.headers.length > 0) {
      worksheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: 1, column: sheet.headers.length },
      };
    }
    worksheet.addRows(sheet.rows);
    // exceljs gives every cell its own style object and, when writing, turns each into XML to
    // find its style id, unless it has seen that very object: one shared object per column
    // takes a fifth off the city's export.
    const columnStyles = sheet.kinds.map((kind) => {
      const numFmt = formats[kind];
      return numFmt ? { numFmt } : {};
    });
    worksheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      row.eachCell((cell, column) => {
        cell.style = columnStyles[column - 1] ?? {};
      });
    });
  }
  // Fast deflate: the file is a third larger, the city's export seconds faster (the zip is JS).
  const buffer = await workbook.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
  });
  return new Uint8Array(buffer);
}

/** Why a chosen file cannot be read as a ledger. */
export class LedgerFileError extends Error {
  constructor(readonly reason: 'notXlsx' | 'empty') {
    super(`ledger file: ${reason}`);
  }
}

/** The sheets of an .xlsx, each as rows of plain cells; refuses what is not one, or is empty. */
export async function readLedgerWorkbook(bytes: Uint8Array): Promise<SheetTable[]> {
  const Excel = await loadExcel();
  const workbook: Workbook = new Excel.Workbook();
  // A zip starts with PK: anything else (a .xls, a CSV renamed) is refused before parsing.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new LedgerFileError('notXlsx');
  }
  try {
    // exceljs's types say Buffer; its browser build reads an ArrayBuffer (a copy: ours may be shared).
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new LedgerFileError('notXlsx');
  }
  const sheets = workbook.worksheets.map((worksheet) => {
    const rows: CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as unknown[];
      rows[rowNumber - 1] = Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) =>
        plainCell(values[index + 1]),
      );
    });
    return { name: worksheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
  if (!sheets.some((sheet) => sheet.rows.some((row) => row.some((cell) => cell !== null)))) {
    throw new LedgerFileError('empty');
  }
  return sheets;
}
