import { format } from 'date-fns';
import type { TFunction } from 'i18next';
import { ledgerSheets, type LedgerColumn } from '../../../shared/ledger/columns';
import type { SavedJsonFile } from '../../../shared/ipc/contract';
import { db } from '../../db';
import { bridge } from '../../platform/bridge';
import { ledgerXlsx } from './ledger-data';
import { ledgerWorkbookBytes } from './ledger-workbook';

/** 导出台账: every live project, item, missing item and step to an .xlsx the user saves. */
export async function exportLedger(t: TFunction, now = new Date()): Promise<SavedJsonFile | null> {
  const bytes = await ledgerXlsx(db);
  return bridge.saveXlsxFile({
    title: t('ledger.export'),
    suggestedName: `重点项目台账-${format(now, 'yyyyMMdd')}.xlsx`,
    bytes,
  });
}

/** 下载模板: the import's two sheets with their headers, and a sheet saying how to fill them in. */
export async function downloadTemplate(t: TFunction): Promise<SavedJsonFile | null> {
  const sheet = (kind: 'projects' | 'approvalItems') => {
    const columns: readonly LedgerColumn[] = ledgerSheets[kind].columns;
    return {
      name: ledgerSheets[kind].name,
      headers: columns.map((column) => column.header),
      kinds: columns.map((column) => column.kind),
      rows: [],
    };
  };
  const notes = (['projects', 'approvalItems'] as const).flatMap((kind) =>
    (ledgerSheets[kind].columns as readonly LedgerColumn[]).map((column) => [
      ledgerSheets[kind].name,
      column.header,
      column.required ? t('ledger.template.required') : '',
      howToFill(column, t),
    ]),
  );
  const bytes = await ledgerWorkbookBytes([
    sheet('projects'),
    sheet('approvalItems'),
    {
      name: t('ledger.template.notesSheet'),
      headers: [
        t('ledger.template.sheet'),
        t('ledger.template.column'),
        t('ledger.template.required'),
        t('ledger.template.howTo'),
      ],
      kinds: ['text', 'text', 'text', 'text'],
      rows: notes,
    },
  ]);
  return bridge.saveXlsxFile({
    title: t('ledger.downloadTemplate'),
    suggestedName: '重点项目台账模板.xlsx',
    bytes,
  });
}

function howToFill(column: LedgerColumn, t: TFunction): string {
  if (column.labels) {
    const allowed = Object.values<string>(column.labels.labels).join('、');
    return column.kind === 'list'
      ? t('ledger.template.listOf', { allowed })
      : t('ledger.template.oneOf', { allowed });
  }
  return t(`ledger.template.kind.${column.kind}`);
}
