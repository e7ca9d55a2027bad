import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { cityDatasetAsOf, generateCityDataset } from '../bench/city-dataset';
import { cityEntries, citySyncFile } from '../bench/city-sync-file';
import { keepLive, type LiveProjectData } from '../renderer/db/live-records';
import { createWorkingDayCalendar } from '../shared/calendar/working-day-calendar';
import { collectDeadlines } from '../shared/domain/deadlines';
import { AppPage } from './pages/app.page';
import { squeeze, type PdfReport } from './pages/pdf';
import { PrintPage } from './pages/print.page';
import { SyncPage } from './pages/sync.page';

/**
 * The printed sheets, end to end: a team's data arrives by the app's own import (the city
 * dataset at a fiftieth: 40 projects, ~1,000 approval items), both sheets are reached from where
 * users look for them, and Chromium prints them with the app's print CSS. poppler then reads the
 * PDFs as anyone receiving them would: A4 pages, extractable Chinese, 第 x 页 / 共 y 页 on every
 * page, headers repeated, the bundled font embedded, and a page count that fits the data.
 */

const scale = 0.02;
const dataset = generateCityDataset({ seed: 1, scale });
const live: LiveProjectData = keepLive(dataset);
const calendar = createWorkingDayCalendar([]);

/** The day the dataset describes, so the tiers on paper are those the dataset was made for. */
async function startOnDatasetDay(page: Page) {
  await page.clock.install({ time: new Date(`${cityDatasetAsOf}T09:00:00+08:00`) });
  await page.clock.resume();
}

async function seeded(page: Page, testInfo: TestInfo) {
  const file = testInfo.outputPath('city.json');
  // Made on the dataset's day, as the page's clock is: the run does not depend on the real date.
  await writeFile(
    file,
    await citySyncFile(cityEntries(dataset), new Date(`${cityDatasetAsOf}T08:00:00+08:00`)),
  );
  await startOnDatasetDay(page);
  const app = new AppPage(page);
  await app.open();
  await new SyncPage(page).importFile(file);
  return app;
}

const ofProject = <T extends { projectId: string }>(rows: readonly T[], id: string) =>
  rows.filter((row) => row.projectId === id);

/** Rows of tables a sheet prints for a project (facts and stages included). */
function projectSheetRows(projectId: string): number {
  const items = ofProject(live.approvalItems, projectId);
  const steps = Math.min(10, ofProject(live.handlingSteps, projectId).length);
  const missing = ofProject(live.missingItems, projectId).filter((row) => row.status === 'pending');
  const problems = ofProject(live.problems, projectId).filter((row) => row.status !== 'resolved');
  return 9 + 4 + items.length + steps + missing.length + problems.length;
}

/** Every page carries its number and the total, in the page's bottom margin. */
function expectPageNumbers(pdf: PdfReport) {
  expect(pdf.pages).toBeGreaterThan(0);
  pdf.pageTexts.forEach((text, index) => {
    expect(text, `page ${index + 1}`).toContain(`第${index + 1}页/共${pdf.pages}页`);
  });
}

/** The sheet's own Noto Sans SC is embedded, no system CJK font: no boxes where none is installed. */
function expectBundledFont(pdf: PdfReport) {
  expect(pdf.fonts.some((font) => /NotoSansSC/i.test(font))).toBe(true);
  expect(pdf.fonts.filter((font) => /CJK|Droid|WenQuanYi|AR PL/i.test(font))).toEqual([]);
}

test('a project’s progress sheet: from the project page to an A4 PDF with its items in Chinese', async ({
  page,
}, testInfo) => {
  test.slow(); // imports the dataset, prints a PDF
  const app = await seeded(page, testInfo);
  // The project with the most approval items: its sheet runs over pages.
  const project = [...live.projects].sort(
    (a, b) =>
      ofProject(live.approvalItems, b.id).length - ofProject(live.approvalItems, a.id).length,
  )[0]!;
  const items = ofProject(live.approvalItems, project.id);

  await app.goTo('重点项目');
  await page.getByRole('link', { name: project.name, exact: true }).click();
  await page.getByRole('button', { name: '打印进度表' }).click();
  await expect(page).toHaveURL(new RegExp(`#/print/project/${project.id}$`));
  const preview = new PrintPage(page);
  await preview.ready();
  await expect(page.getByRole('heading', { name: '项目审批进度表', level: 1 })).toBeVisible();
  await expect(page.locator('[data-sheet="project"] tr[data-item]')).toHaveCount(items.length);
  // The side menu is not part of the preview.
  await expect(page.getByRole('menuitem', { name: '重点项目' })).toBeHidden();

  const pdf = await preview.savePdf(testInfo.outputPath('项目审批进度表.pdf'));
  expect(new Set(pdf.sizes)).toEqual(new Set(['A4 portrait']));
  expectPageNumbers(pdf);
  expectBundledFont(pdf);
  const text = pdf.pageTexts.join('');
  expect(pdf.pageTexts[0]).toContain('项目审批进度表');
  expect(pdf.pageTexts[0]).toContain(squeeze(project.name));
  for (const item of items) expect(text).toContain(squeeze(item.name));
  for (const heading of ['一、分阶段进度', '二、审批事项', '五、未解决问题', '六、最近办理记录']) {
    expect(text).toContain(heading);
  }
  expect(text).toContain('打印人：王小明（某某镇人民政府）');
  expect(text).toContain('2026年11月30日');
  // Every page names the sheet and the project in its top margin.
  for (const pageText of pdf.pageTexts)
    expect(pageText).toContain(`项目审批进度表·${squeeze(project.name)}`);
  // Between 15 and 50 table rows fit on a portrait page, as the rows wrap.
  const rows = projectSheetRows(project.id);
  expect(pdf.pages).toBeGreaterThanOrEqual(Math.ceil(rows / 50));
  expect(pdf.pages).toBeLessThanOrEqual(Math.ceil(rows / 15) + 1);

  await preview.button('返回').click();
  await expect(page.getByRole('heading', { name: project.name, level: 3 })).toBeVisible();
});

test('the leaders’ summary: all projects, then the list’s filter, on A4 with a landscape project table', async ({
  page,
}, testInfo) => {
  test.slow();
  const app = await seeded(page, testInfo);
  const overdueItems = collectDeadlines(
    { approvalItems: live.approvalItems, missingItems: [], handlingSteps: [] },
    calendar,
    cityDatasetAsOf,
    3,
  ).filter((deadline) => deadline.kind === 'approvalItem' && deadline.tier === 'overdue');

  await app.goTo('重点项目');
  await page.getByRole('button', { name: '打印汇总表' }).click();
  await expect(page).toHaveURL(/#\/print\/summary$/);
  const preview = new PrintPage(page);
  await preview.ready();
  const all = await preview.savePdf(testInfo.outputPath('汇总表-全部.pdf'));
  expectPageNumbers(all);
  expectBundledFont(all);
  // Portrait pages for the overview and the lists, then landscape for the 15-column table.
  const firstWide = all.sizes.indexOf('A4 landscape');
  expect(firstWide).toBeGreaterThan(0);
  expect(all.sizes.slice(0, firstWide).every((size) => size === 'A4 portrait')).toBe(true);
  expect(all.sizes.slice(firstWide).every((size) => size === 'A4 landscape')).toBe(true);
  const portrait = all.pageTexts.slice(0, firstWide).join('');
  const landscape = all.pageTexts.slice(firstWide);
  expect(all.pageTexts[0]).toContain('重点项目推进情况汇总表');
  expect(all.pageTexts[0]).toContain(`范围：全部重点项目（${live.projects.length}个）`);
  expect(portrait).toContain(`三、逾期审批事项（${overdueItems.length}项）`);
  for (const deadline of overdueItems) expect(portrait).toContain(squeeze(deadline.title));
  expect(landscape.join('')).toContain(`六、各项目推进情况（${live.projects.length}个）`);
  for (const project of live.projects) expect(landscape.join('')).toContain(squeeze(project.name));
  // The table's header repeats on each of its pages.
  for (const pageText of landscape) expect(pageText).toContain('拿地至施工许可（工作日）');
  // A landscape page holds between 8 and 35 project rows.
  expect(landscape.length).toBeGreaterThanOrEqual(Math.ceil(live.projects.length / 35));
  expect(landscape.length).toBeLessThanOrEqual(Math.ceil(live.projects.length / 8));

  // The list's filter goes with the summary, and comes back with 返回.
  await preview.button('返回').click();
  await app.choose(page.getByLabel('项目级别'), '区重点');
  const district = live.projects.filter((project) => project.level === 'district');
  await expect(page.getByText(`共 ${district.length} 个项目`)).toBeVisible();
  await page.getByRole('button', { name: '打印汇总表' }).click();
  await expect(page).toHaveURL(/#\/print\/summary\?level=district$/);
  await preview.ready();
  await expect(
    page.getByText(`范围：项目列表的筛选结果（${district.length} 个）——项目级别：区重点`),
  ).toBeVisible();
  const filtered = await preview.savePdf(testInfo.outputPath('汇总表-区重点.pdf'));
  expectPageNumbers(filtered);
  expect(filtered.pageTexts.join('')).toContain(`六、各项目推进情况（${district.length}个）`);
  expect(filtered.pages).toBeLessThan(all.pages);
  await preview.button('返回').click();
  await expect(page.getByText(`共 ${district.length} 个项目`)).toBeVisible();
});

test('打印 opens the print dialog; in a browser 导出 PDF does too, with the sheet as the file name', async ({
  page,
}, testInfo) => {
  const app = await seeded(page, testInfo);
  await app.goTo('重点项目');
  await page.getByRole('button', { name: '打印汇总表' }).click();
  const preview = new PrintPage(page);
  await preview.ready();
  const printCalls = await preview.countPrintCalls();
  await preview.button('打印').click();
  await expect.poll(printCalls).toBe(1);
  await expect(page.getByText('将“目标打印机”选为“另存为 PDF”')).toBeVisible();
  await preview.button('导出 PDF').click();
  await expect.poll(printCalls).toBe(2);
  expect(await page.title()).toBe('重点项目推进情况汇总表-全部项目-20261130');
  await preview.button('返回').click();
  expect(await page.title()).toBe('帮代通');
});
