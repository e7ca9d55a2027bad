import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { cityDatasetAsOf, generateCityDataset } from '../bench/city-dataset';
import { cityEntries, citySyncFile } from '../bench/city-sync-file';
import { keepLive } from '../renderer/db/live-records';
import { createWorkingDayCalendar } from '../shared/calendar/working-day-calendar';
import { collectDeadlines, type Deadline } from '../shared/domain/deadlines';
import { AppPage } from './pages/app.page';
import { SyncPage } from './pages/sync.page';

/**
 * 工作台 and 看板 on a team's data as it arrives by the app's own import (the city dataset at a
 * fiftieth: 40 projects, 3 helper-agents), on the day the dataset describes. What the screens
 * must show is worked out here from the records and the domain's deadline rules.
 */

const dataset = generateCityDataset({ seed: 1, scale: 0.02 });
const live = keepLive(dataset);
const deadlines = collectDeadlines(live, createWorkingDayCalendar([]), cityDatasetAsOf, 3);
const projectName = new Map(live.projects.map((project) => [project.id, project.name]));
const overdue = deadlines.filter((deadline) => deadline.tier === 'overdue');
const overdueItems = overdue
  .filter((deadline) => deadline.kind === 'approvalItem')
  .sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue);
const projectsOf = (agentId: string) =>
  new Set(live.projects.filter((p) => p.helperAgentIds.includes(agentId)).map((p) => p.id));

// A helper-agent with overdue items of their own, who does not hold the team's most overdue one.
const mostOverdue = overdueItems[0]!;
const agent = dataset.helperAgents.find((candidate) => {
  const mine = projectsOf(candidate.id);
  return (
    !candidate.deleted &&
    !mine.has(mostOverdue.projectId) &&
    overdueItems.some((deadline) => mine.has(deadline.projectId))
  );
})!;
const mine = projectsOf(agent.id);
const myMostOverdue = overdueItems.find((deadline) => mine.has(deadline.projectId))!;

async function seeded(page: Page, testInfo: TestInfo) {
  const file = testInfo.outputPath('city.json');
  await writeFile(
    file,
    await citySyncFile(cityEntries(dataset), new Date(`${cityDatasetAsOf}T08:00:00+08:00`)),
  );
  await page.clock.install({ time: new Date(`${cityDatasetAsOf}T09:00:00+08:00`) });
  await page.clock.resume();
  const app = new AppPage(page);
  // The user is one of the team's helper-agents, by name (我的信息).
  await app.open('/workbench', { name: agent.name, unit: agent.unit || '某某镇人民政府' });
  await new SyncPage(page).importFile(file);
  return app;
}

const itemRow = (page: Page, deadline: Deadline) =>
  page
    .getByTestId('workbench-items')
    .getByRole('row')
    .filter({ hasText: deadline.title })
    .filter({ hasText: projectName.get(deadline.projectId)! });

test('工作台 shows my overdue items with the working days over, and the whole team’s on 全队', async ({
  page,
}, testInfo) => {
  test.slow(); // imports the dataset
  const app = await seeded(page, testInfo);
  await app.goTo('工作台');

  const scope = page.getByRole('radiogroup', { name: '范围' });
  await expect(scope.getByRole('radio', { name: '我的' })).toBeChecked();
  await expect(page.getByText(`我的：代办员“${agent.name}”负责的项目`)).toBeVisible();
  const stat = (title: string) => page.locator('.ant-statistic').filter({ hasText: title });
  await expect(stat('在册重点项目')).toContainText(String(mine.size));
  await expect(stat('逾期事项')).toContainText(
    String(overdue.filter((deadline) => mine.has(deadline.projectId)).length),
  );
  // The longest overdue of mine comes first, with how many working days it is over.
  const first = page.getByTestId('workbench-items').getByRole('row').nth(1);
  await expect(first).toContainText(myMostOverdue.title);
  await expect(first).toContainText(`已逾期 ${myMostOverdue.workingDaysOverdue} 个工作日`);
  await expect(itemRow(page, mostOverdue)).toHaveCount(0);

  await scope.getByText('全队').click();
  await expect(page).toHaveURL(/scope=team/);
  await expect(stat('在册重点项目')).toContainText(String(live.projects.length));
  await expect(stat('逾期事项')).toContainText(String(overdue.length));
  await expect(itemRow(page, mostOverdue)).toContainText(
    `已逾期 ${mostOverdue.workingDaysOverdue} 个工作日`,
  );

  // The row leads to its record; the choice of 全队 survives coming back.
  await itemRow(page, mostOverdue).getByRole('link', { name: mostOverdue.title }).click();
  await expect(page).toHaveURL(new RegExp(`#/projects/${mostOverdue.projectId}\\?tab=items`));
  await page.goBack();
  await expect(scope.getByRole('radio', { name: '全队' })).toBeChecked();
  await scope.getByText('我的').click();
  await expect(itemRow(page, mostOverdue)).toHaveCount(0);
});

test('看板 draws its charts; a bar’s records open from it, lead to the record, and a chart saves as a picture', async ({
  page,
}, testInfo) => {
  test.slow(); // imports the dataset
  const app = await seeded(page, testInfo);
  await app.goTo('看板');
  await expect(page.getByRole('heading', { name: '看板', level: 3 })).toBeVisible();
  for (const chart of [
    'chart-stages',
    'chart-on-time',
    'chart-overdue-department',
    'chart-overdue-level',
    'chart-workload',
  ]) {
    await expect(page.getByTestId(chart).locator('canvas').first()).toBeVisible();
  }

  // 逾期事项（按部门层级）: the 区级 bar's records, each with its working days over.
  const district = overdueItems.filter(
    (deadline) =>
      live.approvalItems.find((item) => item.id === deadline.recordId)?.departmentLevel ===
      'district',
  );
  const level = page.getByTestId('chart-overdue-level');
  // 明细: the chart's figures as a table, whose 查看 opens what a click on the bar opens.
  await expect(level.getByRole('row')).toHaveCount(0);
  await level.getByText('明细', { exact: true }).click();
  await expect(level.locator('canvas')).toHaveCount(0);
  await expect(level.getByRole('row').filter({ hasText: '区级' })).toContainText(
    String(district.length),
  );
  await level.getByRole('button', { name: '查看 区级 的记录' }).click();
  const drawer = page.getByRole('dialog', { name: '逾期事项（按部门层级）：区级' });
  await expect(drawer.getByRole('row')).toHaveCount(district.length + 1);
  const top = district[0]!;
  const row = drawer
    .getByRole('row')
    .filter({ hasText: projectName.get(top.projectId)! })
    .first();
  await expect(row).toContainText(`逾期 ${top.workingDaysOverdue} 个工作日`);
  await row.getByRole('link', { name: top.title }).click();
  await expect(page).toHaveURL(new RegExp(`#/projects/${top.projectId}\\?tab=items`));

  // A click on the chart itself: 市级 is the middle of the three bars, which rise from the axis.
  await app.goTo('看板');
  const city = overdueItems.filter(
    (deadline) =>
      live.approvalItems.find((item) => item.id === deadline.recordId)?.departmentLevel === 'city',
  );
  expect(city.length).toBeGreaterThan(0);
  const chart = level.locator('canvas').first();
  const box = (await chart.boundingBox())!;
  const cityDrawer = page.getByRole('dialog', { name: '逾期事项（按部门层级）：市级' });
  // The chart binds its clicks once it has drawn: a click before that is tried again.
  await expect(async () => {
    await chart.click({ position: { x: box.width / 2, y: box.height - 40 } });
    await expect(cityDrawer).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(cityDrawer.getByRole('row')).toHaveCount(city.length + 1);
  await page.keyboard.press('Escape');
  await expect(cityDrawer).toBeHidden();

  const downloading = page.waitForEvent('download');
  await level.getByRole('button', { name: '导出图片' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`逾期事项（按部门层级）-${cityDatasetAsOf}.png`);
  const path = testInfo.outputPath('chart.png');
  await download.saveAs(path);
  const png = await readFile(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

  // 投屏模式: each chart takes the full width, in larger type.
  const canvas = page.getByTestId('chart-stages').locator('canvas').first();
  const before = (await canvas.boundingBox())!.width;
  await page.getByRole('switch', { name: '投屏模式' }).click();
  await expect
    .poll(async () => (await canvas.boundingBox())?.width ?? 0)
    .toBeGreaterThan(before * 1.5);
});
