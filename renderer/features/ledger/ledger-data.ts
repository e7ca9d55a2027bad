import { ledgerSheetsOf, type LedgerSheet } from '../../../shared/ledger/export-rows';
import type { DaibanDatabase } from '../../db/database';
import { readLiveProjectData, readLiveRows } from '../../db/live-records';
import { ledgerWorkbookBytes } from './ledger-workbook';

/** Every live project and what is under it, as the ledger's sheets (one read snapshot). */
export async function ledgerSheetsFromDatabase(db: DaibanDatabase): Promise<LedgerSheet[]> {
  const [data, agents] = await Promise.all([
    readLiveProjectData(db),
    readLiveRows(db, 'helperAgents'),
  ]);
  return ledgerSheetsOf({
    ...data,
    agentNames: new Map(agents.map((agent) => [agent.id, agent.name])),
  });
}

/** The whole ledger as .xlsx bytes: what 导出台账 saves (and the bench measures). */
export async function ledgerXlsx(db: DaibanDatabase): Promise<Uint8Array<ArrayBuffer>> {
  return ledgerWorkbookBytes(await ledgerSheetsFromDatabase(db));
}
