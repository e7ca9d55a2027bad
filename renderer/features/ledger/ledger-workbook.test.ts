import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellOfIsoDate } from '../../../shared/ledger/cells';
import { LedgerFileError, ledgerWorkbookBytes, readLedgerWorkbook } from './ledger-workbook';

const sheet = {
  name: '重点项目',
  headers: ['项目名称', '总投资（万元）', '土地成交日期'],
  kinds: ['text', 'amount', 'date'] as const,
  rows: [['某某市重点物流园区建设项目', 3500.5, cellOfIsoDate('2026-03-05')]],
};

describe('the ledger workbook', () => {
  it('writes dates as date cells, amounts as numbers, a frozen header and fitting widths', async () => {
    const bytes = await ledgerWorkbookBytes([{ ...sheet, kinds: [...sheet.kinds] }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const written = workbook.getWorksheet('重点项目');
    expect(written?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(written?.getCell('B2').value).toBe(3500.5);
    expect(written?.getCell('B2').numFmt).toBe('#,##0.00');
    expect(written?.getCell('C2').value).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(written?.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(written?.getColumn(1).width).toBe(26 + 2);
    expect(written?.getRow(1).font?.bold).toBe(true);
  });

  it('reads back what it wrote', async () => {
    const bytes = await ledgerWorkbookBytes([{ ...sheet, kinds: [...sheet.kinds] }]);
    expect(await readLedgerWorkbook(bytes)).toEqual([
      { name: '重点项目', rows: [sheet.headers, sheet.rows[0]] },
    ]);
  });

  it('refuses what is not an .xlsx, and a workbook without data', async () => {
    const text = new TextEncoder().encode('项目名称,建设单位\n物流园,某公司\n');
    await expect(readLedgerWorkbook(text)).rejects.toEqual(new LedgerFileError('notXlsx'));
    const zipNotXlsx = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]);
    await expect(readLedgerWorkbook(zipNotXlsx)).rejects.toEqual(new LedgerFileError('notXlsx'));
    const empty = await ledgerWorkbookBytes([{ name: 'Sheet1', headers: [], kinds: [], rows: [] }]);
    await expect(readLedgerWorkbook(empty)).rejects.toEqual(new LedgerFileError('empty'));
  });
});
