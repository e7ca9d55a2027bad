import type { TableRecords } from '../../../shared/domain/records';
import {
  findHeaderRow,
  guessMapping,
  guessSheets,
  headersOf,
} from '../../../shared/ledger/mapping';
import { ledgerSheets, type ImportedKind } from '../../../shared/ledger/columns';
import { planLedgerImport } from '../../../shared/ledger/validate';
import { DaibanDatabase } from '../../../renderer/db/database';
import { readLiveProjectData, readLiveRows } from '../../../renderer/db/live-records';
import { createRepositories } from '../../../renderer/db/repositories';
import { seedDefaults } from '../../../renderer/db/seeds';
import { createSyncEngine } from '../../../renderer/db/sync-engine';
import { ledgerSheetsFromDatabase } from '../../../renderer/features/ledger/ledger-data';
import { importLedgerPlan } from '../../../renderer/features/ledger/ledger-import';
import {
  ledgerWorkbookBytes,
  loadExcel,
  readLedgerWorkbook,
} from '../../../renderer/features/ledger/ledger-workbook';
import { i18n } from '../../../renderer/i18n';
import {
  freshDatabase,
  requireDataset,
  requireKept,
  timed,
  type BenchStep,
} from '../step-registry';
import { rawDatabaseOf } from './dexie-steps';
import { oursDatabase } from './sync-steps';

const ledgerFile = 'ledger-xlsx';

/** Our import's database when the sync steps ran (rows with sync metadata), else the raw one. */
async function databaseToRead(dataset: TableRecords) {
  const ours = new DaibanDatabase(oursDatabase);
  if ((await ours.projects.count()) === dataset.projects.length) {
    return { db: ours, database: oursDatabase };
  }
  ours.close();
  return { db: await rawDatabaseOf(dataset), database: 'bench-raw' };
}

/**
 * 导出台账 of the whole city as the button does: read every live record, lay out the four sheets,
 * write the .xlsx with exceljs (loaded beforehand, untimed: the first export pays its download
 * once). Target: ≤ 10 s for 2,000 projects and 50,000 approval items.
 */
export const ledgerExportStep: BenchStep = {
  name: 'ledger-export',
  title: '台账 .xlsx export of the city (read, lay out, write)',
  async run(context) {
    const dataset = requireDataset(context);
    const { db, database } = await databaseToRead(dataset);
    try {
      await loadExcel();
      const read = await timed(() => ledgerSheetsFromDatabase(db));
      const write = await timed(() => ledgerWorkbookBytes(read.value));
      context.kept.set(ledgerFile, write.value);
      const rows = Object.fromEntries(read.value.map((sheet) => [sheet.kind, sheet.rows.length]));
      return {
        seconds: read.seconds + write.seconds,
        rows: read.value.reduce((sum, sheet) => sum + sheet.rows.length, 0),
        bytes: write.value.byteLength,
        details: {
          database,
          readSeconds: read.seconds,
          writeSeconds: write.seconds,
          ...rows,
        },
      };
    } finally {
      db.close();
    }
  },
};

/**
 * 导入台账 of that file into an empty database: read the workbook, guess the mapping, check every
 * row, then write projects and items through the repositories (history and sync stamps included).
 */
export const ledgerImportStep: BenchStep = {
  name: 'ledger-import',
  title: '台账 .xlsx import into an empty database (read, check, write)',
  async run(context) {
    const bytes = requireKept<Uint8Array>(context, ledgerFile, 'ledger-export');
    context.kept.delete(ledgerFile);
    const db = await freshDatabase('bench-ledger');
    try {
      await seedDefaults(db);
      const repositories = createRepositories(db, createSyncEngine(db));
      await repositories.saveActor({ name: '基准', unit: '基准' });
      const read = await timed(() => readLedgerWorkbook(bytes));
      const [kept, catalog] = await Promise.all([
        readLiveProjectData(db, { handlingSteps: 'none' }),
        readLiveRows(db, 'catalogItems'),
      ]);
      const check = await timed(() => {
        const sheets = read.value;
        const guessed = guessSheets(sheets);
        const mapped = (kind: ImportedKind) => {
          const index = guessed[kind];
          const sheet = index === null ? undefined : sheets[index];
          if (!sheet) return null;
          const headerRow = findHeaderRow(sheet.rows, ledgerSheets[kind].columns);
          const headers = headersOf(sheet, headerRow);
          return { sheet, headerRow, mapping: guessMapping(headers, ledgerSheets[kind].columns) };
        };
        const projects = mapped('projects');
        if (!projects) throw new Error('no projects sheet found');
        return planLedgerImport(projects, mapped('approvalItems'), {
          existingProjects: kept.projects,
          catalog,
        });
      });
      const plan = check.value;
      const write = await timed(() =>
        importLedgerPlan({ db, repositories }, plan, 'skip', i18n.t, () => undefined),
      );
      return {
        seconds: read.seconds + check.seconds + write.seconds,
        rows: plan.counts.projectRows + plan.counts.itemRows,
        bytes: bytes.byteLength,
        compareTo: 'ledger-export',
        details: {
          readSeconds: read.seconds,
          checkSeconds: check.seconds,
          writeSeconds: write.seconds,
          projects: write.value.created,
          items: write.value.items,
          problems: plan.problems.length,
          failures: write.value.failures.length,
        },
      };
    } finally {
      db.close();
    }
  },
};
