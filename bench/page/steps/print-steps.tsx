import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import '@fontsource/noto-sans-sc/chinese-simplified-600.css';
import '@fontsource/noto-sans-sc/latin-400.css';
import '@fontsource/noto-sans-sc/latin-600.css';
import '../../../renderer/features/printing/print.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createWorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import type { TableRecords } from '../../../shared/domain/records';
import { defaultTeamSettings } from '../../../shared/domain/settings';
import {
  assembleSummarySheet,
  type SummarySheet as SummaryData,
} from '../../../shared/reports/summary-sheet';
import { DaibanDatabase } from '../../../renderer/db/database';
import { readLiveProjectData, readLiveRows } from '../../../renderer/db/live-records';
import { i18n } from '../../../renderer/i18n';
import { whenFontsReady } from '../../../renderer/features/printing/print-actions';
import { sheetFormat } from '../../../renderer/features/printing/print-format';
import { SummarySheet } from '../../../renderer/features/printing/SummarySheet';
import { cityDatasetAsOf } from '../../city-dataset';
import { requireDataset, timed, type BenchStep } from '../step-registry';
import { rawDatabaseOf } from './dexie-steps';
import { oursDatabase } from './sync-steps';

/**
 * The app's own database as our import left it (rows carry their sync metadata, as on a user's
 * computer) when the sync steps ran; otherwise the raw rows, so the step also runs alone.
 */
async function databaseToRead(dataset: TableRecords) {
  const ours = new DaibanDatabase(oursDatabase);
  if ((await ours.projects.count()) === dataset.projects.length) {
    return { db: ours, database: oursDatabase };
  }
  ours.close();
  return { db: await rawDatabaseOf(dataset), database: 'bench-raw' };
}

/** Table rows the summary prints: what its page count grows with. */
function sheetRows(sheet: SummaryData): number {
  return (
    sheet.stages.length +
    sheet.overdueItems.length +
    sheet.overdueMissing.length +
    sheet.problemsByDepartment.length * 2 +
    sheet.openProblems +
    sheet.projects.length
  );
}

/**
 * 重点项目推进情况汇总表 of the whole city to PDF, as a leader's weekly report is made: read every
 * live record (the preview's one snapshot), assemble the sheet, render it with the app's own
 * components and print CSS, wait for the bundled font, then the runner prints it with the
 * desktop's printToPDF options. Target: ≤ 5 s for 2,000 projects.
 */
export const summaryPdfStep: BenchStep = {
  name: 'summary-pdf',
  title: 'summary sheet of the city to PDF (read, assemble, render, print)',
  async run(context) {
    const dataset = requireDataset(context);
    const { db, database } = await databaseToRead(dataset);
    // The bench page's own text would print too: out of the way until the runner has printed.
    const hidden = [...document.body.children].filter(
      (element): element is HTMLElement => element instanceof HTMLElement && !element.hidden,
    );
    for (const element of hidden) element.hidden = true;
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    context.afterPrint = () => {
      root.unmount();
      host.remove();
      for (const element of hidden) element.hidden = false;
    };
    try {
      // The app's whole UI is set in this font, so it is in memory before anyone prints.
      await whenFontsReady();
      const read = await timed(async () => ({
        records: await readLiveProjectData(db, { handlingSteps: 'none' }),
        helperAgents: await readLiveRows(db, 'helperAgents'),
      }));
      const calendar = createWorkingDayCalendar([]);
      const assemble = await timed(() =>
        assembleSummarySheet({
          projects: read.value.records.projects,
          records: read.value.records,
          helperAgents: read.value.helperAgents,
          calendar,
          today: cityDatasetAsOf,
          warnWithinWorkingDays: defaultTeamSettings.warnWithinWorkingDays,
        }),
      );
      const sheet = assemble.value;
      const t = i18n.getFixedT('zh-CN');
      const render = await timed(() =>
        flushSync(() =>
          root.render(
            <div className="print-preview">
              <SummarySheet
                sheet={sheet}
                format={sheetFormat(t, 'zh-CN')}
                warnWithinWorkingDays={defaultTeamSettings.warnWithinWorkingDays}
                today={cityDatasetAsOf}
                filter={null}
                printedBy="基准测试（bench）"
                printedAt={new Date()}
              />
            </div>,
          ),
        ),
      );
      // The preview on screen: laid out once, as the app's window shows it before 导出 PDF.
      const layout = await timed(async () => {
        void host.getBoundingClientRect().height;
        await whenFontsReady();
      });
      return {
        seconds: read.seconds + assemble.seconds + render.seconds + layout.seconds,
        rows: sheetRows(sheet),
        printToPdf: true,
        details: {
          database,
          projects: sheet.projectCount,
          overdueItems: sheet.overdueItems.length,
          overdueMissing: sheet.overdueMissing.length,
          openProblems: sheet.openProblems,
          readSeconds: read.seconds,
          assembleSeconds: assemble.seconds,
          renderSeconds: render.seconds,
          layoutSeconds: layout.seconds,
        },
      };
    } catch (error) {
      context.afterPrint();
      context.afterPrint = undefined;
      throw error;
    } finally {
      db.close();
    }
  },
};
